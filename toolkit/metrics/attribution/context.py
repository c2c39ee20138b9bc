"""Shared machinery of the attribution rules: compiled patterns, drafts and the text context.

``Context`` holds one text with its sentences, paragraphs (with quotation spans) and the
compiled patterns of the lexicon, and knows how to cut content spans out of a sentence.
A ``Draft`` is an attribution before its source is resolved.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from toolkit.metrics.attribution.cues import AttributionLexicon
from toolkit.metrics.attribution.quotes import Paragraph, paragraphs, quote_ending_at
from toolkit.metrics.attribution.sources import Mention, alternation, np_pattern
from toolkit.text import Segmented, Span

B = r"(?<![\w'\u2019\-])"
"""Regex: no word character (or apostrophe, hyphen) right before."""
E = r"(?![\w'\u2019\-])"
"""Regex: no word character (or apostrophe, hyphen) right after."""
APPOSITIVE = (
    r"(?:\s*,\s+(?:who|[^\W\d][^,;:“”\"\n]{0,80},)"
    r"|\s+[\u2014\u2013]\s+[^\u2014\u2013\n]{1,100}\s+[\u2014\u2013])"
)
"""Regex: ", who", an appositive between commas (", the head of the IRGC,", ", John Podesta,")
or between dashes ("Joyce — who is listed as an attorney — told")."""

_AFTER_CUE = re.compile(r"\s*[,:]?\s*(?:that\s+)?")
_ADDRESSEE = re.compile(r"[^\W\d][\w \t'\u2019]{0,40}:\s*(?=[“\"]|'')")
_TOLD_THAT = re.compile(r"[^\W\d][\w'\u2019.\-]*(?:\s+[\w'\u2019.\-]+){0,4}?\s+that\s+")
_TERMINAL = ".!?;:,"


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled regular expressions of one lexicon (see ``compile_patterns``)."""

    cue: re.Pattern[str]
    back: re.Pattern[str]
    coordinated: re.Pattern[str]
    forward: re.Pattern[str]
    according: re.Pattern[str]
    citing: re.Pattern[str]
    reports: re.Pattern[str]
    subject: re.Pattern[str]


@cache
def compile_patterns(lexicon: AttributionLexicon) -> Patterns:
    """Compile the rule patterns of ``lexicon`` once (cached per lexicon)."""
    source = np_pattern(lexicon, pronouns=False)
    subject = np_pattern(lexicon, pronouns=True)
    linking = rf"(?:\s+(?:{alternation(lexicon.linking_words, capitalised=False)}){E})*"
    cues = [form for form, _ in lexicon.verbs] + list(lexicon.refusals)
    emergence = (
        rf"(?:(?:have|had)\s+)?(?:{alternation(lexicon.emergence_verbs, capitalised=False)})"
        rf"(?:\s+(?:{alternation(lexicon.emergence_participles, capitalised=False)}))?{E}"
    )
    return Patterns(
        cue=re.compile(rf"{B}(?:{alternation(cues, capitalised=False)}){E}"),
        back=re.compile(rf"(?P<np>{subject})(?P<link>{APPOSITIVE})?{linking}\s+\Z"),
        coordinated=re.compile(rf"(?P<both>{B}[Bb]oth\s+)?(?P<np>{subject})\s+and\s+\Z"),
        forward=re.compile(rf"\s+(?P<np>{source})(?=\s*[,.;:!?”\"]|\s*\Z)"),
        according=re.compile(
            rf"{B}(?P<cue>{alternation(lexicon.according_to)})\s+(?P<np>{source})"
        ),
        citing=re.compile(
            rf"{B}(?P<cue>{alternation(lexicon.citing, capitalised=False)})\s+(?P<np>{source})"
        ),
        reports=re.compile(
            rf"{B}(?P<np>(?:(?:{alternation(lexicon.emergence_modifiers)})\s+)?[Rr]eports)"
            rf"\s+(?P<cue>{emergence})"
        ),
        subject=re.compile(
            rf"\s*(?:(?:{alternation(lexicon.connectives, capitalised=False)}),\s+)?"
            rf"(?P<np>{subject})(?:{APPOSITIVE})?{linking}\s+[a-z]"
        ),
    )


@dataclass(frozen=True, slots=True)
class Draft:
    """An attribution before resolution: the source as written in its sentence."""

    source: Mention | None
    cue_start: int
    cue_end: int
    stance: str
    rule: str
    content_start: int
    content_end: int


class Context:
    """The text, its sentences and paragraphs, and the compiled patterns."""

    def __init__(self, text: str, doc: Segmented, lexicon: AttributionLexicon) -> None:
        self.text = text
        self.doc = doc
        self.lexicon = lexicon
        self.patterns = compile_patterns(lexicon)
        self.paragraphs = paragraphs(text)
        self._paragraph_starts = [paragraph.start for paragraph in self.paragraphs]

    def sentence(self, offset: int) -> Span:
        """The sentence holding ``offset``."""
        return self.doc.sentences[self.doc.sentence_index(offset)]

    def paragraph_index(self, offset: int) -> int:
        """Index of the paragraph holding ``offset``."""
        return max(bisect.bisect_right(self._paragraph_starts, offset) - 1, 0)

    def sentence_indices(self, paragraph: Paragraph) -> range:
        """Indices of the sentences of ``paragraph`` (sentences never cross a line break)."""
        first = self.doc.sentence_index(paragraph.start)
        last = self.doc.sentence_index(paragraph.end - 1)
        if self.doc.sentences[first].end <= paragraph.start:
            first += 1
        return range(first, last + 1)

    def whole_quote(self, start: int, end: int) -> Span | None:
        """The quotation that ``[start, end)`` consists of, edge whitespace aside, if any."""
        paragraph = self.paragraph(start)
        if not paragraph.balanced:
            return None
        body = self.text[start:end]
        first = start + len(body) - len(body.lstrip())
        last = start + len(body.rstrip())
        for quote in paragraph.quotes:
            if (quote.start, quote.end) == (first, last):
                return quote
        return None

    def paragraph(self, offset: int) -> Paragraph:
        """The paragraph holding ``offset``."""
        return self.paragraphs[self.paragraph_index(offset)]

    def trimmed(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without edge whitespace and one final punctuation mark."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and text[end - 1] in _TERMINAL:
            end -= 1
            while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
                end -= 1
        return (start, end) if end > start else (-1, -1)

    def after(self, position: int, sentence: Span, *, told: bool = False) -> tuple[int, int]:
        """Content after a cue: the rest of the sentence without a leading "that", or the
        quotation after an addressee and a colon ("told reporters: “...”"); with ``told``, also
        without the addressee of "told reporters that ..."."""
        skip = _AFTER_CUE.match(self.text, position, sentence.end)
        start = skip.end() if skip else position
        addressee = _ADDRESSEE.match(self.text, start, sentence.end)
        if addressee is None and told:
            addressee = _TOLD_THAT.match(self.text, start, sentence.end)
        if addressee is not None:
            start = addressee.end()
        return self.trimmed(start, sentence.end)

    def before(self, sentence: Span, position: int) -> tuple[int, int]:
        """Content before a source: the quotation ending there, else the clause before it."""
        quote = quote_ending_at(self.text, self.paragraph(position), position)
        if quote is not None:
            return quote.start, quote.end
        return self.trimmed(sentence.start, position)
