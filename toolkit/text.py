"""Sentences, words and character offsets, offline.

Sentences come from NLTK's Punkt tokenizer used *untrained*, with a shipped abbreviation list
(``data/abbreviations.txt``), so nothing is ever downloaded. Words are runs of letters and digits
with inner hyphens, apostrophes or decimal points ("counter-strike", "won't", "99.5").
Every span is a pair of offsets into the text that was segmented.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

_WORD = re.compile(r"[^\W_]+(?:[-'’.,][^\W_]+)*", re.UNICODE)
_TRAILING_NOISE = re.compile(r"[.,]+$")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into a text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segmented:
    """A text with its sentence and word spans, computed once and shared by all metrics."""

    text: str
    sentences: tuple[Span, ...]
    words: tuple[Span, ...]

    @property
    def n_words(self) -> int:
        """Number of words."""
        return len(self.words)

    @property
    def n_sentences(self) -> int:
        """Number of sentences."""
        return len(self.sentences)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence that contains ``offset`` (the nearest preceding one between sentences)."""
        position = bisect.bisect_right(self.sentences, offset, key=lambda span: span.start)
        return max(position - 1, 0)

    def sentence_text(self, offset: int) -> str:
        """The sentence that contains ``offset``; empty for a text without sentences."""
        if not self.sentences:
            return ""
        span = self.sentences[self.sentence_index(offset)]
        return self.text[span.start : span.end]


@cache
def _abbreviations() -> frozenset[str]:
    raw = resources.files("toolkit").joinpath("data/abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#")
    )


def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Sentence spans of ``text``; paragraphs (line breaks) always end a sentence."""
    tokenizer = _sentence_tokenizer()
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text):
        if not line.group().strip():
            continue
        for start, end in tokenizer.span_tokenize(line.group()):
            spans.append(Span(line.start() + start, line.start() + end))
    return tuple(spans)


def word_spans(text: str) -> tuple[Span, ...]:
    """Word spans of ``text``; a trailing period or comma is never part of a word."""
    spans: list[Span] = []
    for match in _WORD.finditer(text):
        word = match.group()
        trimmed = _TRAILING_NOISE.sub("", word)
        spans.append(Span(match.start(), match.start() + len(trimmed)))
    return tuple(spans)


def segment(text: str) -> Segmented:
    """Split ``text`` into sentences and words, keeping character offsets."""
    return Segmented(text=text, sentences=sentence_spans(text), words=word_spans(text))
