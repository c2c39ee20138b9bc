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
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

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
_LINE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")


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
        """Index of the sentence that contains ``offset``.

        Between sentences it is the nearest preceding one; before the first sentence, 0.
        """
        position = bisect.bisect_right(self.sentences, offset, key=lambda span: span.start)
        return max(position - 1, 0)

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


@cache
def _sentence_tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_word_list("abbreviations.txt"))
    params.sent_starters = set(_word_list("sentence_starters.txt"))
    return PunktSentenceTokenizer(params)


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Sentence spans of ``text``, without surrounding white space.

    Line breaks (paragraphs) always end a sentence; lines of only white space give none.
    """
    tokenizer = _sentence_tokenizer()
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        for start, end in tokenizer.span_tokenize(line.group()):
            piece = line.group()[start:end]
            stripped = piece.strip()
            if not stripped:
                continue
            first = line.start() + start + (len(piece) - len(piece.lstrip()))
            spans.append(Span(first, first + len(stripped)))
    return tuple(spans)


def word_spans(text: str) -> tuple[Span, ...]:
    """Word spans of ``text`` (see the module docstring for what a word is)."""
    return tuple(Span(match.start(), match.end()) for match in _WORD.finditer(text))


def segment(text: str) -> Segmented:
    """Split ``text`` into sentences and words, keeping character offsets."""
    return Segmented(text=text, sentences=sentence_spans(text), words=word_spans(text))
