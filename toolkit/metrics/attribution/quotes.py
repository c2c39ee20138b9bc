"""Quotation spans per paragraph, and whether reported content is direct, indirect or mixed.

Only double quotation marks delimit quotes: curly “ ” (and « ») pair as opening/closing marks,
straight " marks (and the doubled apostrophes '' some archives use for them) pair in order.
Single marks (straight and curly) are left alone because they double as apostrophes ("won't",
"the United States' commitment"). A paragraph whose marks do
not pair up is *unbalanced*: no quote spans are guessed for it, and attributions in it carry the
flag ``"unbalanced_quotes"`` (as textacy refuses to guess on unbalanced quotes).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from toolkit.text import Span

DIRECT = "direct"
INDIRECT = "indirect"
MIXED = "mixed"

_OPENING = "“«"
_CLOSING = "”»"
_STRAIGHT = '"'
_DOUBLED = "''"
_MARK = re.compile("''|\"|“|”|«|»")  # every branch opens with a literal: a fast scan
_PARAGRAPH = re.compile(r"[^\n]+")
_EDGE_NOISE = " \t,.;:!?\u2014\u2013-"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A line of the text with its quotation spans (marks included); ``balanced`` says they pair."""

    start: int
    end: int
    quotes: tuple[Span, ...]
    balanced: bool

    def __init__(self, start: int, end: int, quotes: tuple[Span, ...], balanced: bool) -> None:
        # What the generated __init__ of a frozen dataclass does, faster (as ``Span``'s): there
        # is a Paragraph for every line of every text.
        _set_start(self, start)
        _set_end(self, end)
        _set_quotes(self, quotes)
        _set_balanced(self, balanced)


_set_start = vars(Paragraph)["start"].__set__
_set_end = vars(Paragraph)["end"].__set__
_set_quotes = vars(Paragraph)["quotes"].__set__
_set_balanced = vars(Paragraph)["balanced"].__set__


def paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Every non-blank line of ``text`` as a paragraph, with its paired quotation spans."""
    marks = list(_MARK.finditer(text))  # one pass; no mark spans a line break
    mark_starts = [mark.start() for mark in marks]
    found: list[Paragraph] = []
    append = found.append
    first = 0
    for line in _PARAGRAPH.finditer(text):
        start, end = line.span()
        last = bisect.bisect_left(mark_starts, end, first)  # the marks of the line: first..last
        if first == last:  # no quotation marks: nothing to pair
            if not line.group().isspace():
                append(Paragraph(start, end, (), True))
            continue
        quotes = _pair(marks[first:last])
        first = last
        append(Paragraph(start, end, quotes or (), quotes is not None))
    return tuple(found)


def _pair(marks: list[re.Match[str]]) -> tuple[Span, ...] | None:
    """Quote spans of the quotation ``marks`` of one line, or None when they do not pair."""
    curly_open: int | None = None
    straight_open: int | None = None
    spans: list[Span] = []
    for mark in marks:
        char, at = mark.group(), mark.start()
        if char in (_STRAIGHT, _DOUBLED):
            if straight_open is None:
                straight_open = at
            else:
                spans.append(Span(straight_open, mark.end()))
                straight_open = None
        elif char in _OPENING:
            if curly_open is not None:
                return None
            curly_open = at
        else:
            if curly_open is None:
                return None
            spans.append(Span(curly_open, at + 1))
            curly_open = None
    if curly_open is not None or straight_open is not None:
        return None
    return tuple(sorted(spans, key=lambda span: span.start))


def quote_ending_at(text: str, paragraph: Paragraph, position: int) -> Span | None:
    """The quote that closes right before ``position``, with only commas or spaces between."""
    for quote in paragraph.quotes:
        if quote.end <= position and not text[quote.end : position].strip(" \t,"):
            return quote
    return None


def quote_type(text: str, paragraph: Paragraph, start: int, end: int) -> str:
    """``"direct"`` when the content is one quotation (give or take edge punctuation),
    ``"mixed"`` when it holds quoted words and the reporter's own, ``"indirect"`` otherwise.

    Content of an unbalanced paragraph is ``"mixed"`` if it holds any quotation mark (the
    quoted part cannot be delimited) and ``"indirect"`` otherwise.
    """
    if start < 0 or end <= start:
        return INDIRECT
    if not paragraph.balanced:
        return MIXED if _MARK.search(text, start, end) else INDIRECT
    overlapping = [quote for quote in paragraph.quotes if quote.start < end and quote.end > start]
    if not overlapping:
        return INDIRECT
    for quote in overlapping:
        inside = quote.start <= start and end <= quote.end
        before = text[start : quote.start] if quote.start > start else ""
        after = text[quote.end : end] if end > quote.end else ""
        if inside or not (before.strip(_EDGE_NOISE) or after.strip(_EDGE_NOISE)):
            return DIRECT
    return MIXED
