"""Sentences, words and character offsets, offline.

Sentences come from NLTK's Punkt tokenizer (Kiss & Strunk 2006) used *untrained*, with two
shipped word lists and nothing ever downloaded: ``data/abbreviations.txt`` (a period after these
does not end a sentence) and ``data/sentence_starters.txt`` (after an abbreviation, one of these
capitalised words does start a new sentence, as in "... in Washington, D.C. The city ...").
A line break always ends a sentence.

Words are runs of letters and digits joined by inner hyphens or apostrophes ("counter-strike",
"won't", "Iran's"), by a decimal point or thousands separator between digits ("99.5", "1,000"),
or by periods between single letters ("U.S", "p.m"). A final period, and any other punctuation
("99%" gives "99"), is never part of a word.

Every span is a pair of offsets into the text that was segmented.

How Punkt is applied, for speed: each line goes through the steps of NLTK's
``PunktSentenceTokenizer.span_tokenize``, restated in :func:`_punkt_slices` with NLTK's own
regular expressions. Only the question Punkt asks of each candidate boundary ("does this
context hold a sentence break?") is answered here directly for the common shapes of context,
where the answer of untrained Punkt with our two lists is certain (see :func:`_breaks`); every
other context goes to NLTK's ``text_contains_sentbreak``. A line without ".", "?" or "!" has no
candidate, so Punkt would return it whole. ``tests/test_text.py`` checks the result against
NLTK's ``span_tokenize`` itself.
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

_WORD = re.compile(
    r"[^\W_]+"  # letters and digits
    r"(?:"
    r"(?:[-'\u2019]"  # inner hyphen or apostrophe (straight or curly)
    r"|(?<=\d)[.,](?=\d)"  # decimal point or thousands separator between digits
    r"|(?<=\b[^\W\d_])\.(?=[^\W\d_]\b)"  # period between single letters (U.S, e.g)
    r")[^\W_]+"
    r")*"
)
# Every boundary that str.splitlines() knows: all of them end a paragraph, hence a sentence.
# Lines therefore hold no ASCII white space but " " and "\t" (see _punkt_slices).
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")

# What untrained Punkt (NLTK 3.10) knows about characters, from its PunktLanguageVars:
_NON_WORD = frozenset(")\";}]*:@'({[\u2018\u2019\u201c\u201d\xab\xbb!?")
"""Non-word characters: a word token ends before one, and one may follow a candidate mark."""
_LONE = '("`{[:;&#*@)}]-,'
"""Characters that never start a word token: each is a token of its own, or a run of "-"."""
_NOT_STARTS = frozenset(";:,!?")
"""Tokens that can follow a mark and that Punkt says never start a sentence (``PUNCTUATION``)."""
_REALIGNED = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
"""Closing marks that Punkt moves from the start of a sentence to the end of the one before."""
_match_span = re.Match.span
_PLAIN_WORD = re.compile(r"[A-Za-z]+(?:[.-][A-Za-z]+)*")
_NUMBER = re.compile(r"[0-9]+")
_LETTERS = re.compile(r"[A-Za-z]*")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a text."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # What the generated __init__ of a frozen dataclass does (object.__setattr__ on each
        # field), a third faster: there is a Span for every word.
        _set_start(self, start)
        _set_end(self, end)


_set_start = vars(Span)["start"].__set__
_set_end = vars(Span)["end"].__set__


@dataclass(frozen=True, slots=True)
class Segmented:
    """A text with its sentence spans and word offsets, computed once and shared by all metrics.

    Words are kept as two tuples of offsets, ``word_starts`` and ``word_ends`` (word ``i`` is
    ``text[word_starts[i]:word_ends[i]]``): a text has many words, and integers cost far less
    to build than a ``Span`` each. ``words`` gives them as spans, built on first use.
    """

    text: str
    sentences: tuple[Span, ...]
    word_starts: tuple[int, ...]
    word_ends: tuple[int, ...]
    _sentence_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    """The start of each sentence, for :meth:`sentence_index`."""
    _words: tuple[Span, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if len(self.word_starts) != len(self.word_ends):
            raise ValueError(
                f"Segmented needs as many word ends as starts. Got {len(self.word_starts)} "
                f"starts and {len(self.word_ends)} ends instead."
            )
        starts = tuple(span.start for span in self.sentences)
        object.__setattr__(self, "_sentence_starts", starts)

    @classmethod
    def from_spans(cls, text: str, sentences: tuple[Span, ...], words: Iterable[Span]) -> Segmented:
        """A segmented text from word spans rather than offsets."""
        spans = tuple(words)
        return cls(text, sentences, tuple(s.start for s in spans), tuple(s.end for s in spans))

    @property
    def words(self) -> tuple[Span, ...]:
        """Word spans, in text order."""
        if self._words is None:
            object.__setattr__(self, "_words", tuple(map(Span, self.word_starts, self.word_ends)))
        assert self._words is not None
        return self._words

    def word_texts(self) -> list[str]:
        """The words as strings, in text order."""
        text = self.text
        return [
            text[start:end] for start, end in zip(self.word_starts, self.word_ends, strict=True)
        ]

    @property
    def n_words(self) -> int:
        """Number of words."""
        return len(self.word_starts)

    @property
    def n_sentences(self) -> int:
        """Number of sentences."""
        return len(self.sentences)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains ``offset``.

        Between sentences it is the nearest preceding one; before the first sentence, 0.
        """
        position = bisect.bisect_right(self._sentence_starts, offset)
        return position - 1 if position else 0

    def sentence_text(self, offset: int) -> str:
        """The sentence that contains ``offset``; empty for a text without sentences."""
        if not self.sentences:
            return ""
        span = self.sentences[self.sentence_index(offset)]
        return self.text[span.start : span.end]


def _word_list(name: str) -> frozenset[str]:
    raw = resources.files("toolkit").joinpath(f"data/{name}").read_text("utf-8")
    return frozenset(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


@dataclass(frozen=True, slots=True)
class _Punkt:
    """Untrained Punkt with the shipped lists, and the pieces of it that sentence_spans uses."""

    tokenizer: Any  # PunktSentenceTokenizer
    candidates: Any  # finditer of its regular expression for candidate boundaries in context
    realignment: Any  # its regular expression for closing marks after a boundary
    abbreviations: frozenset[str]
    starters: frozenset[str]


@contextmanager
def nltk_without_scipy() -> Iterator[None]:
    """Import NLTK inside this block without SciPy's statistics (start-up 1.3 s faster).

    ``import nltk`` (run by any ``from nltk.x import ...``) imports all of NLTK, and
    ``nltk.metrics.association`` imports ``scipy.stats`` for a Fisher exact test of collocations,
    which the toolkit never uses: 2.0 of the 2.5 s that importing NLTK took here (``python -X
    importtime``). Inside this block that one import fails, and NLTK falls back on a
    ``fisher_exact`` that raises ``NotImplementedError``; afterwards ``import scipy.stats``
    works as usual. Nothing changes when NLTK or ``scipy.stats`` is already imported.
    """
    blocked = "nltk" not in sys.modules and "scipy.stats" not in sys.modules
    if blocked:
        sys.modules["scipy.stats"] = None  # type: ignore[assignment]  # the import fails
    try:
        yield
    finally:
        if blocked and sys.modules.get("scipy.stats", 0) is None:
            del sys.modules["scipy.stats"]


@cache
def _punkt() -> _Punkt:
    with nltk_without_scipy():
        from nltk.tokenize.punkt import (
            PunktLanguageVars,
            PunktParameters,
            PunktSentenceTokenizer,
        )

    params = PunktParameters()
    params.abbrev_types = set(_word_list("abbreviations.txt"))
    params.sent_starters = set(_word_list("sentence_starters.txt"))
    language = PunktLanguageVars()
    return _Punkt(
        tokenizer=PunktSentenceTokenizer(params, lang_vars=language),
        candidates=_untimed(language.period_context_re()).finditer,
        realignment=_untimed(language.re_boundary_realignment),
        abbreviations=frozenset(params.abbrev_types),
        starters=frozenset(params.sent_starters),
    )


def _untimed(pattern: Any) -> Any:
    """The compiled expression inside NLTK's ``redos.TimedPattern`` wrapper, if any.

    The wrapper only adds a time limit (against catastrophic backtracking) to the same
    compiled ``regex`` pattern, at a cost per call. Punkt's period-context expression cannot
    backtrack catastrophically (a mark, then one character or white space and a token), and a
    line is matched once, so the limit is dropped: the matches are the same.
    """
    return getattr(pattern, "_rx", pattern)


def _breaks(punkt: _Punkt, line: str, word_start: int, match: Any) -> bool:
    """Punkt's ``text_contains_sentbreak`` on the context ``word + mark + after``.

    ``match`` is a match of Punkt's period-context expression in ``line``: one of ".?!" (the
    mark), then ``after``, either one non-word character or white space and the next token
    (``next_tok``); ``word``, from ``word_start`` to the mark, is the text Punkt takes as the
    word before the mark. Punkt splits the context into tokens, marks breaks by token type
    (first pass), revises them from the next token (second pass), and answers True if a token
    marked as a break is followed by another token.

    A "?" or "!" mark is always a token of its own, a break, and followed by a token: True.
    Periods are answered by :func:`_period_breaks` where it can, else by NLTK itself.
    """
    mark_at = match.start()
    if line[mark_at] != ".":
        return True
    word = line[word_start:mark_at]
    after, next_token = match.group(1, 2)
    answer = _period_breaks(punkt, word, after, next_token)
    if answer is None:
        return bool(punkt.tokenizer.text_contains_sentbreak(word + "." + after))
    return answer


def _period_breaks(punkt: _Punkt, word: str, after: str, next_token: str | None) -> bool | None:
    """Punkt's answer for ``word + "." + after`` when the shape of the context makes it certain.

    Else None. Unless ``word`` ends in a non-word character, the period ends the token before
    it (Punkt's "..." and ". . ." cannot start at the mark: ``after`` begins with a non-word
    character or white space and then no more white space). Untrained Punkt knows no
    collocations and no orthographic contexts, so it takes the token after that one as "not a
    sentence start" when it is one of ``;:,!?`` or begins in lower case (``first`` is its first
    character), else as "unknown"; and when ``next_tok`` holds none of ".?!", no later token is
    a break. So:

    - ``word`` ends in a non-word character: the period is a token "." or that character and
      ".", a break (True);
    - leading characters of ``_LONE`` are tokens of their own, never breaks: they are skipped;
    - ASCII letters, inner "." or "-" allowed, two characters or more: a break (True) unless an
      abbreviation; after an abbreviation, a break only before a capitalised sentence starter;
    - ASCII digits (a number), not an abbreviation: a break unless "not a sentence start";
    - one ASCII letter (an initial), not an abbreviation: a break only if "unknown" and the next
      token is not capitalised.
    """
    if word and word[-1] in _NON_WORD and word[-1] not in punkt.abbreviations:
        return True
    word = word.lstrip(_LONE)
    key = word.lower()
    abbreviation = key in punkt.abbreviations or key.rsplit("-", 1)[-1] in punkt.abbreviations
    plain = len(word) > 1 and _PLAIN_WORD.fullmatch(word) is not None
    if plain and not abbreviation:
        return True
    if next_token is None:
        first = after
    elif "." in next_token or "?" in next_token or "!" in next_token:
        return None
    else:
        first = next_token[0]
    if plain:  # an abbreviation
        if next_token is None or not first.isupper():
            return False
        starter = _first_word(next_token)
        return None if starter is None else starter.lower() in punkt.starters
    if abbreviation:
        return None
    not_start = first in _NOT_STARTS or first.islower()
    if _NUMBER.fullmatch(word):
        return not not_start
    if len(word) == 1 and word.isascii() and word.isalpha():
        return not (not_start or first.isupper())
    return None


def _first_word(token: str) -> str | None:
    """The first Punkt token of ``token`` when it is ASCII letters (else None).

    ``token`` holds no ".", "?", "!" or white space; a word token ends before a non-word
    character, before "--", before a comma that ends ``token`` or precedes one of those, or at
    the end.
    """
    letters = _LETTERS.match(token)
    assert letters is not None  # it matches the empty string
    rest = token[letters.end() :]
    ends = (
        not rest
        or rest[0] in _NON_WORD
        or rest.startswith("--")
        or (rest[0] == "," and (len(rest) == 1 or rest[1] in _NON_WORD or rest[1:3] == "--"))
    )
    return letters.group() if ends and letters.group() else None


def _punkt_slices(punkt: _Punkt, line: str) -> list[tuple[int, int]]:
    """``PunktSentenceTokenizer.span_tokenize(line)``, step by step as in NLTK 3.10.

    Candidates are the matches of Punkt's period-context expression; the word before each is
    the text after the last ASCII white space since the previous candidate's word (a line holds
    only " " and "\t" of those), or that previous word and all after it when there is none, in
    which case Punkt drops the previous candidate. A candidate that breaks ends a sentence after
    its mark; the next one starts at the next token, or right after the mark. Then closing marks
    at the start of a sentence move to the end of the one before (realignment).
    """
    # The candidates Punkt keeps, with the start of the word before each.
    kept: list[tuple[Any, int]] = []
    previous = None
    previous_start = previous_end = 0
    for match in punkt.candidates(line):
        end = match.start()
        space = max(line.rfind(" ", previous_end, end), line.rfind("\t", previous_end, end))
        start = space + 1 if space > previous_end else previous_start
        if previous is not None and previous_end <= start:
            kept.append((previous, previous_start))
        previous, previous_start, previous_end = match, start, end
    if previous is not None:
        kept.append((previous, previous_start))

    slices: list[tuple[int, int]] = []
    last_break = 0
    for match, word_start in kept:
        if line[match.start()] != "." or _breaks(punkt, line, word_start, match):
            slices.append((last_break, match.end()))
            next_start = match.start(2)
            last_break = next_start if next_start >= 0 else match.end()
    slices.append((last_break, len(line.rstrip())))

    realigned: list[tuple[int, int]] = []
    if len(slices) == 1 or not any(
        start < end and line[start] in _REALIGNED for start, end in slices[1:]
    ):  # nothing to realign: every slice stays, unless empty
        return [(start, end) for start, end in slices if start < end]
    shift = 0
    for (start, end), (next_start, next_end) in itertools.pairwise(slices):
        start += shift
        shift = 0
        if next_start < next_end and line[next_start] in _REALIGNED:
            closing = punkt.realignment.match(line[next_start:next_end])
            if closing:
                realigned.append((start, next_start + len(closing.group(0).rstrip())))
                shift = closing.end()
                continue
        if start < end:
            realigned.append((start, end))
    start, end = slices[-1]
    if start + shift < end:
        realigned.append((start + shift, end))
    return realigned


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Sentence spans of ``text``, without surrounding white space.

    Line breaks (paragraphs) always end a sentence; lines of only white space give none.
    """
    punkt = _punkt()
    spans: list[Span] = []
    append = spans.append
    for line_match in _LINE.finditer(text):
        line = line_match.group()
        offset = line_match.start()
        if "." in line or "?" in line or "!" in line:
            pieces = _punkt_slices(punkt, line)
        else:  # no candidate boundary: Punkt returns the line without trailing white space
            pieces = [(0, len(line.rstrip()))]
        for start, end in pieces:
            if start < end and not line[start].isspace() and not line[end - 1].isspace():
                append(Span(offset + start, offset + end))  # nothing to strip
                continue
            piece = line[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            first = offset + start + (len(piece) - len(piece.lstrip()))
            append(Span(first, first + len(stripped)))
    return tuple(spans)


def word_spans(text: str) -> tuple[Span, ...]:
    """Word spans of ``text`` (see the module docstring for what a word is)."""
    return tuple(itertools.starmap(Span, word_offsets(text)))


def word_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every word of ``text``: the words of ``word_spans``, as plain tuples."""
    return list(map(_match_span, _WORD.finditer(text)))


def word_strings(text: str) -> list[str]:
    """The words of ``text`` as strings, in text order (the words of ``word_spans``)."""
    return _WORD.findall(text)


def segment(text: str) -> Segmented:
    """Split ``text`` into sentences and words, keeping character offsets."""
    offsets = word_offsets(text)
    starts, ends = zip(*offsets, strict=True) if offsets else ((), ())
    return Segmented(text, sentence_spans(text), starts, ends)


# Non-ASCII characters that match an ASCII letter case-insensitively but that str.lower() does
# not turn into it: dotted capital I (lower() gives two characters), dotless i and long s.
_DOTTED_CAPITAL_I = "\u0130"
_LOWER_FOLDS = {ord("\u0131"): "i", ord("\u017f"): "s"}


def fold_text(text: str) -> str:
    """``text`` lower-cased for case-sensitive matching of ASCII terms, offsets kept.

    A character of the result equals an ASCII character ``c`` exactly when the original character
    matches ``c`` case-insensitively in Python's ``re``, and it is a word, space, hyphen or
    apostrophe character exactly when the original is.
    """
    if _DOTTED_CAPITAL_I in text:
        text = text.replace(_DOTTED_CAPITAL_I, "i")
    folded = text.lower()
    if "\u0131" in folded or "\u017f" in folded:
        folded = folded.translate(_LOWER_FOLDS)
    return folded


def scan_text(text: str) -> str:
    """What codebook matchers scan for ``text``: ``" " + fold_text(text)`` (see ``lexicon``)."""
    return " " + fold_text(text)
