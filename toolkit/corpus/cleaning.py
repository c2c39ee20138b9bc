"""Cut boilerplate out of article text, recording every cut so it can be audited and undone.

Cleaning never rewrites characters: it only removes spans. ``clean`` returns the kept text and
one ``Removal`` per removed span, with offsets into the text it was given, so
``original[r.start:r.end] == r.text`` and the original is the cleaned text with the removals put
back. ``original_offset`` maps an offset in ``Article.text`` back to ``Article.original_text``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Literal

from toolkit.corpus.article import Article, Removal
from toolkit.corpus.rules import CleaningRules, rule_spans
from toolkit.errors import ParameterError

_BYTE_ORDER_MARK = re.compile("\\A\ufeff")
_CR_BEFORE_LF = re.compile(r"\r(?=\n)")
_LEADING_SPACE = re.compile(r"\A\s+")
_TRAILING_SPACE = re.compile(r"\s+\Z")
# Curly quotes and dashes compared as their ASCII forms when matching a headline to a title.
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
)
_SPACE = re.compile(r"\s+")

Interval = tuple[int, int]


def clean(text: str, rules: CleaningRules) -> tuple[str, tuple[Removal, ...]]:
    """Remove boilerplate from ``text``; return the cleaned text and what was removed.

    Steps, each seeing the text left by the steps before it: a leading byte-order mark
    (rule ``byte_order_mark``); the ``\\r`` of every ``\\r\\n`` (``line_ending``); each rule
    of ``rules`` in file order; then whitespace at both ends (``leading_whitespace``,
    ``trailing_whitespace``). A lone ``\\r`` is kept as it is. Removals are sorted by
    ``start``, never overlap, and index ``text``. Raises ``RuleTimeoutError`` when a rule of
    ``rules`` runs past its time limit (``toolkit.corpus.rules.RULE_TIME_LIMIT``).
    """
    kept: list[Interval] = [(0, len(text))] if text else []
    removals: list[Removal] = []
    steps: list[tuple[str, Callable[[str], list[Interval]]]] = [
        ("byte_order_mark", _spans_of(_BYTE_ORDER_MARK)),
        ("line_ending", _spans_of(_CR_BEFORE_LF)),
    ]
    steps += [(rule.id, partial(rule_spans, rule)) for rule in rules.rules]
    steps += [
        ("leading_whitespace", _spans_of(_LEADING_SPACE)),
        ("trailing_whitespace", _spans_of(_TRAILING_SPACE)),
    ]
    for rule_id, find in steps:
        current = _join(text, kept)
        spans = find(current)
        if not spans:
            continue
        kept, cut = _cut(kept, spans)
        removals.extend(Removal(start, end, text[start:end], rule_id) for start, end in cut)
    removals.sort(key=lambda removal: removal.start)
    return _join(text, kept), tuple(removals)


def _spans_of(pattern: re.Pattern[str]) -> Callable[[str], list[Interval]]:
    def spans(text: str) -> list[Interval]:
        return [match.span() for match in pattern.finditer(text) if match.end() > match.start()]

    return spans


def find_headline(text: str, title: str, *, taken_from_text: bool = False) -> Removal | None:
    """The headline at the top of ``text`` as a Removal (rule ``headline``), or None.

    The headline is the first non-empty line when it equals ``title`` after normalising case,
    whitespace, curly quotes and dashes, or whenever ``taken_from_text`` says the title was
    read from that line. The removal covers any blank lines before it and the line breaks and
    blank lines after it, so the body starts at its first character.
    """
    match = re.match(r"\s*([^\n]*)", text)
    if match is None or not match.group(1).strip():
        return None
    if not taken_from_text and _normalise_title(match.group(1)) != _normalise_title(title):
        return None
    end = match.end()
    while end < len(text) and text[end].isspace():
        end += 1
    return Removal(0, end, text[:end], "headline")


def shift(removals: Iterable[Removal], by: int) -> tuple[Removal, ...]:
    """The same removals with offsets moved by ``by`` (to index a text ``by`` characters longer)."""
    return tuple(Removal(r.start + by, r.end + by, r.text, r.rule) for r in removals)


def original_offset(
    article: Article, offset: int, *, side: Literal["start", "end"] = "start"
) -> int:
    """Map an offset in ``article.text`` to the same position in ``article.original_text``.

    Where text was removed at ``offset``, ``side`` decides which edge is meant: ``"start"``
    (a span starts here; skip past the removed text) or ``"end"`` (a span ends here; stop
    before it). So for any span ``[s, e)`` of the cleaned text that does not contain a removal
    point, ``original_text[original_offset(a, s):original_offset(a, e, side="end")]`` equals
    ``text[s:e]``; a span that does contain one also shows the removed text in between.
    """
    if side not in ("start", "end"):
        raise ParameterError(
            "The 'side' parameter of original_offset must be one of {'start', 'end'}. "
            f"Got {side!r} instead."
        )
    if not 0 <= offset <= len(article.text):
        raise ParameterError(
            f"offset {offset} is outside the cleaned text of {article.doc_id!r} "
            f"(0..{len(article.text)})."
        )
    position = offset
    for removal in sorted(article.removals, key=lambda r: r.start):
        if removal.start < position or (side == "start" and removal.start == position):
            position += removal.end - removal.start
        else:
            break
    return position


def original_span(article: Article, start: int, end: int) -> tuple[int, int]:
    """Map the span ``[start, end)`` of ``article.text`` to ``article.original_text``."""
    if end < start:
        raise ParameterError(f"span end {end} is before its start {start}.")
    if end == start:
        position = original_offset(article, start)
        return position, position
    return original_offset(article, start), original_offset(article, end, side="end")


def _normalise_title(line: str) -> str:
    text = line.translate(_QUOTES).strip().strip("\"'").strip()
    return _SPACE.sub(" ", text).casefold()


def _join(text: str, kept: Sequence[Interval]) -> str:
    return "".join(text[start:end] for start, end in kept)


def _cut(
    kept: Sequence[Interval], spans: Sequence[Interval]
) -> tuple[list[Interval], list[Interval]]:
    """Remove ``spans`` (sorted, disjoint, offsets into the joined kept text) from ``kept``.

    Returns the new kept intervals and the removed intervals, both as offsets into the
    original text; a span that crosses an earlier cut is removed piece by piece.
    """
    new_kept: list[Interval] = []
    removed: list[Interval] = []
    span_index = 0
    joined_start = 0
    for start, end in kept:
        joined_end = joined_start + (end - start)
        cursor = start
        while span_index < len(spans) and spans[span_index][0] < joined_end:
            cut_start = max(spans[span_index][0], joined_start) - joined_start + start
            cut_end = min(spans[span_index][1], joined_end) - joined_start + start
            if cut_start > cursor:
                new_kept.append((cursor, cut_start))
            if cut_end > cut_start:
                removed.append((cut_start, cut_end))
            cursor = max(cursor, cut_end)
            if spans[span_index][1] <= joined_end:
                span_index += 1
            else:
                break
        if cursor < end:
            new_kept.append((cursor, end))
        joined_start = joined_end
    return new_kept, removed
