"""Shared machinery of the attribution rules: compiled patterns, drafts and the text context.

``Context`` holds one text with its sentences, paragraphs (with quotation spans) and the
compiled patterns of the lexicon, and knows how to cut content spans out of a sentence.
A ``Draft`` is an attribution before its source is resolved.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from toolkit.metrics.attribution.cues import NEUTRAL, REFUSAL, AttributionLexicon
from toolkit.metrics.attribution.quotes import Paragraph, paragraphs, quote_ending_at
from toolkit.metrics.attribution.sources import (
    HONORIFICS,
    QUANTITY_ENDINGS,
    Mention,
    alternation,
    last_run,
    np_endings,
    np_pattern,
)
from toolkit.text import Segmented, Span

B = r"(?<![\w'\u2019\-])"
"""Regex: no word character (or apostrophe, hyphen) right before."""
E = r"(?![\w'\u2019\-])"
"""Regex: no word character (or apostrophe, hyphen) right after."""
APPOSITIVE = (
    r"(?:\s*,\s+(?:who|[^\W\d][^,;:“”\"\n]{0,160},)"
    r"|\s+[\u2014\u2013]\s+[^\u2014\u2013\n]{1,100}\s+[\u2014\u2013])"
)
"""Regex: ", who", an appositive between commas (", the head of the IRGC,", ", John Podesta,")
or between dashes ("Joyce — who is listed as an attorney — told")."""

_NOT_IN_SOURCE = re.compile(
    r"[^\w\s'\u2019\-()%](?<![\d,],)(?<![A-Z]\.)(?<!\d\.)(?<!Jr\.)(?<!Sr\.)"
    + "".join(rf"(?<!{title}\.)" for title in HONORIFICS)
)
_NOT_IN_SOURCE_NOR_BRACKETS = re.compile(r"[^\w\s'\u2019\-.()%](?<![\d,],)")
_PLAIN = re.compile(r"[\w'\u2019\-]+(?: [\w'\u2019\-]+)*")
_AFTER_CUE = re.compile(r"\s*[,:]?\s*(?:that\s+)?")
_ADDRESSEE = re.compile(r"[^\W\d][\w \t'\u2019]{0,40}:\s*(?=[“\"]|'')")
_TOLD_THAT = re.compile(r"[^\W\d][\w'\u2019.\-]*(?:\s+[\w'\u2019.\-]+){0,4}?\s+that\s+")
_TERMINAL = ".!?;:,"
_ADVERB = re.compile(r"[a-z]+ly")


@dataclass(frozen=True, slots=True)
class Patterns:
    """The compiled regular expressions of one lexicon (see ``compile_patterns``)."""

    cue: re.Pattern[str]
    back: re.Pattern[str]
    coordinated: re.Pattern[str]
    forward: re.Pattern[str]
    forward_phrase: re.Pattern[str]
    """A source right after white space, whatever follows it ("by Stephanopoulos to ...")."""
    according: re.Pattern[str]
    citing: re.Pattern[str]
    reports: re.Pattern[str]
    distancing: re.Pattern[str]
    """The passive reporting frame: "is said to", "it is believed that", "the reported"."""
    nominal: re.Pattern[str]
    """A listed nominal cue ("in a statement", "remarks"), any capitalisation of its first
    letter."""
    subject: re.Pattern[str]
    leading: re.Pattern[str]
    """A subject opening its clause and closed by a comma: "Tom Baker, 69, a farmer, said"."""
    opening: re.Pattern[str]
    """Where ``cue``, ``according``, ``citing`` or ``reports`` may begin: after a character that
    is not part of a word (see ``openings``), before a word that can open one of them."""
    stances: Mapping[str, str]
    """The stance of every cue form and refusal of the lexicon (``AttributionLexicon.stance``)."""
    plain: bool
    """Whether the words of the lexicon that ``back`` can match (all but stop words and function
    words) are made of letters, digits, "_", apostrophes and hyphens, with single spaces
    between the words of a phrase: what ``dead_ends`` and ``back_start`` assume."""
    linking: frozenset[str]
    """The words of the linking words of the lexicon (see ``back_start``)."""
    source_heads: frozenset[str]
    """Every head noun of the lexicon's sources (people, roles, organisations, media, reports,
    documents): a description headed by one is a source whatever its modifiers."""
    dead_ends: frozenset[str]
    """Function words that ``back`` cannot end with: no source, appositive or linking word ends
    in them ("to", "been", "that", ...; see ``dead_ends``)."""


@cache
def compile_patterns(lexicon: AttributionLexicon) -> Patterns:
    """Compile the rule patterns of ``lexicon`` once (cached per lexicon)."""
    source = np_pattern(lexicon, pronouns=False)
    function = alternation(lexicon.function_words, capitalised=False)
    subject = np_pattern(lexicon, pronouns=True)
    linking_words = (*lexicon.linking_words, *lexicon.adverbs)
    linking = rf"(?:\s+(?:{alternation(linking_words, capitalised=False)}|[a-z]+ly){E})*"
    cues = [form for form, _ in lexicon.verbs] + list(lexicon.refusals)
    firsts = {phrase.split(" ")[0] for phrase in (*cues, *lexicon.citing)}
    capitalised = {phrase.split(" ")[0] for phrase in (*lexicon.according_to, "reports")}
    capitalised |= {phrase.split(" ")[0] for phrase in lexicon.emergence_modifiers}
    participles = alternation(lexicon.distancing_participles, capitalised=False)
    emergence = (
        rf"(?:(?:have|had)\s+)?(?:{alternation(lexicon.emergence_verbs, capitalised=False)})"
        rf"(?:\s+(?:{alternation(lexicon.emergence_participles, capitalised=False)}))?{E}"
    )
    return Patterns(
        cue=re.compile(rf"{B}(?i:{alternation(cues, capitalised=False)}){E}"),
        back=re.compile(rf"(?P<np>{subject})(?P<link>{APPOSITIVE})?{linking}\s+\Z"),
        coordinated=re.compile(rf"(?P<both>{B}[Bb]oth\s+)?(?P<np>{subject})\s+and\s+\Z"),
        forward=re.compile(rf"\s+(?P<np>{source})(?=\s*[,.;:!?”\"]|\s*\Z)"),
        forward_phrase=re.compile(
            rf"\s+(?P<np>{source})(?=\s*[,.;:!?”\"]|\s*\Z|\s+(?:{function}){E})"
        ),
        according=re.compile(
            rf"{B}(?P<cue>(?i:{alternation(lexicon.according_to)}))\s+(?P<np>{source})"
        ),
        citing=re.compile(
            rf"{B}(?P<cue>(?i:{alternation(lexicon.citing, capitalised=False)}))\s+(?P<np>{source})"
        ),
        reports=re.compile(
            rf"{B}(?P<np>(?:(?:{alternation(lexicon.emergence_modifiers)})\s+)?[Rr]eports)"
            rf"\s+(?P<cue>{emergence})"
        ),
        distancing=re.compile(
            rf"{B}(?P<cue>(?i:(?:is|are|was|were|has\s+been|have\s+been|had\s+been)"
            rf"(?:\s+(?:widely|also|now|still|long|generally))?\s+(?:{participles})"
            rf"\s+(?:to|as\s+saying)|it\s+(?:is|was|has\s+been)(?:\s+(?:widely|also|now|"
            rf"generally))?\s+(?:{participles})\s+that|the\s+reported|its\s+reported)){E}"
        ),
        nominal=re.compile(rf"{B}(?:{alternation(lexicon.nominal_cues)}){E}"),
        subject=re.compile(
            rf"\s*(?:(?:{alternation(lexicon.connectives, capitalised=False)}),\s+)?"
            rf"(?P<np>{subject})(?:{APPOSITIVE})?{linking}\s+[a-z]"
        ),
        leading=re.compile(
            rf"[\s,]*(?:(?:{alternation(lexicon.connectives, capitalised=False)}),\s+)?"
            rf"(?P<np>{subject})\s*,\s+"
        ),
        opening=re.compile(
            rf"[^0-9A-Za-z_'\u2019\-](?=(?i:{alternation(firsts, capitalised=False)})"
            rf"|(?i:{alternation(capitalised)}))"
        ),
        plain=all(
            _PLAIN.fullmatch(word)
            for words in (
                lexicon.quantifiers,
                lexicon.modifiers,
                lexicon.person_heads_singular,
                lexicon.role_heads,
                lexicon.person_heads_plural,
                lexicon.media_heads,
                lexicon.organisation_heads,
                lexicon.report_heads,
                lexicon.document_heads,
                lexicon.postmodifiers,
                lexicon.pronouns,
                lexicon.other_pronouns,
                lexicon.linking_words,
                lexicon.adverbs,
            )
            for word in words
        ),
        linking=frozenset(
            word for phrase in (*lexicon.linking_words, *lexicon.adverbs) for word in phrase.split()
        ),
        source_heads=frozenset(
            lexicon.person_heads_singular
            | lexicon.person_heads_plural
            | lexicon.role_heads
            | lexicon.media_heads
            | lexicon.organisation_heads
            | lexicon.report_heads
            | lexicon.document_heads
        ),
        dead_ends=dead_ends(lexicon),
        stances=MappingProxyType(
            {**dict(lexicon.verbs), **dict.fromkeys(lexicon.refusals, REFUSAL)}
        ),
    )


def dead_ends(lexicon: AttributionLexicon) -> frozenset[str]:
    """The function words that end no match of ``Patterns.back`` before its final white space.

    ``back`` ends with a source (``np_pattern``), then maybe an appositive (ending in ",", "who"
    or a dash) and linking words. A source ends in a head, an organisation head or a pronoun
    (``np_endings``), a capitalised word, a lower-case word that is not a function word, or
    punctuation. So a lower-case function word that is none of these, nor "who", nor a linking
    word, nor a word ending a share of people ("most of them", ``QUANTITY_ENDINGS``), cannot
    come last: "likely to said", "has been said" hold no source before the cue.
    """
    linking = (*lexicon.linking_words, *lexicon.adverbs)
    endings = np_endings(lexicon) | {last_run(word) for word in linking}
    return frozenset(
        word
        for word in lexicon.function_words
        if word[0].islower()
        and last_run(word) == word
        and word not in endings
        and word not in QUANTITY_ENDINGS
        and word != "who"
    )


def back_start(text: str, start: int, end: int, linking: frozenset[str]) -> int:
    """Where a match of ``Patterns.back`` in ``text[start:end]`` can begin at the earliest, for
    a lexicon whose words are ``plain`` and whose linking words are made of the words
    ``linking``: after the last character before the appositive that no source can hold.

    A match of ``back`` is a source (``np_pattern``), maybe an appositive (``APPOSITIVE``), then
    linking words and white space. A source holds only word characters, white space,
    apostrophes, hyphens and brackets, commas only after a digit or a comma ("1,000"), and full
    stops only after a capital letter ("U.S.") or inside brackets ("(U.N.)"); plain linking
    words add none of the others. So no match begins before such a character, unless the
    character is part of the appositive. An appositive ends in a comma or a dash followed by
    linking words only, or in ", who"; it holds no comma but the one it opens with and the one
    it ends with, or two dashes ("—"), so it cannot begin before the last but one comma or dash.
    """
    stop = end
    comma = text.rfind(",", start, end)
    if comma >= 0 and _linking_only(text, comma + 1, end, linking, who=True):
        before = text.rfind(",", start, comma)
        stop = before if before >= 0 else comma
    dash = max(text.rfind("\u2014", start, end), text.rfind("\u2013", start, end))
    if dash >= 0 and _linking_only(text, dash + 1, end, linking, who=False):
        before = max(text.rfind("\u2014", start, dash), text.rfind("\u2013", start, dash))
        if before >= 0:
            stop = min(stop, before)
    pattern = _NOT_IN_SOURCE if text.find("(", start, stop) < 0 else _NOT_IN_SOURCE_NOR_BRACKETS
    earliest = start
    for found in pattern.finditer(text, start, stop):
        earliest = found.end()
    return earliest


def _linking_only(text: str, start: int, end: int, linking: frozenset[str], *, who: bool) -> bool:
    """Whether ``text[start:end]`` is white space and words of ``linking`` or lower-case words
    ending in -ly (adverbs), maybe after "who"."""
    if start >= end or not text[start].isspace():
        return False
    words = text[start:end].split()
    if who and words and words[0] == "who":
        words = words[1:]
    return all(word in linking or _ADVERB.fullmatch(word) for word in words)


def openings(pattern: re.Pattern[str], text: str) -> list[int]:
    """Offsets where a word of ``pattern`` (``Patterns.opening``) begins, and 0.

    Every match of ``cue``, ``according``, ``citing`` and ``reports`` begins at one of them: at
    the start of the text or after a character that cannot precede a word (``B``), on a word
    that can open the match. Finding these first, in one pass over the text, is much faster
    than letting each pattern try every offset of the text (see ``scan``). The pattern accepts
    any character but ASCII letters, digits, "_", apostrophes and hyphens before the word, a
    few more than ``B`` does (letters such as "é"), which is cheaper to test; ``scan`` applies
    ``B`` itself.
    """
    return [0, *(match.end() for match in pattern.finditer(text))]


def scan(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, for a pattern that matches no empty text and
    whose matches all begin at one of ``starts`` (ascending): it is only tried there."""
    found = []
    end = 0
    for start in starts:
        if start >= end:
            match = pattern.match(text, start)
            if match is not None:
                found.append(match)
                end = match.end()
    return found


def joined_sentences(text: str, sentences: tuple[Span, ...]) -> list[Span]:
    """For each sentence, the span of it joined with the sentences of its line before it when
    it opens with a lower-case letter, a closing bracket or a comma: no sentence does, so the
    segmenter has cut after an abbreviation it did not know ("Sen. Tom Baker (D-Ga.) | said
    ...", "Rep. Ann Lee (D-Md.) | , chair of the committee, said ...")."""
    joined: list[Span] = []
    start = 0
    for index, sentence in enumerate(sentences):
        first = text[sentence.start : sentence.start + 1]
        if not (
            index
            and (first.islower() or first in "),")
            and "\n" not in text[sentences[index - 1].end : sentence.start]
        ):
            start = sentence.start
        joined.append(Span(start, sentence.end))
    for index in range(len(joined) - 2, -1, -1):
        if joined[index + 1].start == joined[index].start:
            joined[index] = joined[index + 1]
    return joined


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
    antecedent: Mention | None = None
    """What ``source`` stands for when it is the relative pronoun of an appositive ("Weaver,
    who said ...": "who", standing for "Weaver")."""


class Context:
    """The text, its sentences and paragraphs, and the compiled patterns."""

    def __init__(self, text: str, doc: Segmented, lexicon: AttributionLexicon) -> None:
        self.text = text
        self.doc = doc
        self.lexicon = lexicon
        self.patterns = compile_patterns(lexicon)
        self.starts = openings(self.patterns.opening, text)
        self.paragraphs = paragraphs(text)
        self._paragraph_starts = [paragraph.start for paragraph in self.paragraphs]
        self._sentences = joined_sentences(text, doc.sentences)

    def matches(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        """The matches in the text of ``cue``, ``according``, ``citing`` or ``reports``."""
        return scan(pattern, self.text, self.starts)

    def stance(self, cue: str) -> str:
        """Stance of a cue as written in the text (as ``AttributionLexicon.stance``)."""
        return self.patterns.stances.get(" ".join(cue.lower().split()), NEUTRAL)

    def sentence(self, offset: int) -> Span:
        """The sentence holding ``offset``, joined with the sentences before it when it opens
        with a lower-case word or a closing bracket (see ``joined_sentences``)."""
        return self._sentences[self.doc.sentence_index(offset)]

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

    def in_quotation(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a quotation, after its opening mark: words reported
        within a quotation ("“He said no,” Kirby said.").

        Double marks never nest in English prose (a quotation inside a quotation takes single
        marks), so a pair of straight marks inside a curly pair is a writer mixing marks
        (“...," Trump said. "...”): the words between them lie outside the quotation. The
        offset is inside when an odd number of the paragraph's quotes hold it.
        """
        paragraph = self.paragraph(offset)
        return sum(quote.start < offset < quote.end for quote in paragraph.quotes) % 2 == 1

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
