"""Source noun phrases: the regular-expression grammar, their type, and anaphora resolution.

A source is one of

* a *name*: a run of capitalised words, optionally after "the" or a title with a full stop
  ("Mr. Obama", "Sen. Sanders") and before an abbreviation in brackets ("Hossein Salami", "the
  Israel Defense Forces (IDF)", "US Central Command (Centcom)");
* a *share of people*, as polls report it ("42%", "Six in 10", "Most of them"), typed
  ``unnamed_group``, only where the subject of a reporting verb is expected;
* a *description*: up to two quantifiers, up to four modifiers and a head noun from the lexicon,
  optionally followed by one post-modifier phrase ("a senior White House official", "two
  individuals familiar with their conversation", "sources within the United States
  administration", "the Biden administration");
* a *generic description* the lexicon cannot type: up to three lower-case or capitalised words
  before a lower-case head that is not a function word ("the New Jersey governor",
  "Clinton's campaign chairman"), typed by a name that follows it ("Republican strategist Ryan
  Williams" is a named person), else ``document``, ``unnamed_group`` (a plural head) or
  ``unclassified``;
* a *pronoun* ("he", "she", "they", "it", "I", "we"), only where the subject of a reporting verb
  is expected.

Source types (decisions, so that published counts can be read):

* ``named_person`` - a name that is not a news medium, organisation or government;
* ``named_organisation`` - a name listed as an organisation or government, ending in an
  organisation word ("Command", "House") or written as an acronym ("IRGC"), or a description
  headed by an organisation noun ("the Biden administration");
* ``news_media`` - a listed news medium ("Axios") or a description headed by a media noun;
* ``role`` - one person identified by an office or role but not named ("the Pentagon chief",
  "the army chief of staff", "the Israeli prime minister"): identifiable, counted as named;
* ``anonymous`` - unnamed people whose identity the reporter withholds: one person described
  by role ("a senior White House official") or "sources"/people described by their access
  ("sources familiar with the matter", "two individuals familiar with their conversation",
  "people briefed on the talks", "unnamed officials"), the archetype of anonymous sourcing;
* ``unnamed_group`` - SEVERAL people described as a group, not by their access ("US
  officials", "experts", "lawmakers", "Iranian diplomats"): nobody is hidden, nobody named;
* ``unattributed_report`` - claims credited to "reports";
* ``document`` - a document or statement ("the lawsuit says", "according to the poll");
* ``unclassified`` - a description the lexicon cannot type ("the presumptive Republican
  nominee told ...", "one commenter wrote"): counted as neither named nor anonymous;
* ``pronoun`` - a pronoun left unresolved;
* ``implicit`` - a passive reporting frame that leaves the source unsaid ("Netanyahu is said
  to have ...", "it is believed that ...", "the reported declaration"): the attribution has no
  source span (offsets -1, ``source`` and ``mention`` empty).

Resolution (:func:`resolve`) replaces a pronoun, a definite description ("the official") or a
short form of a name ("Salami", "the IDF") by the nearest earlier source that fits it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from toolkit.metrics.attribution.cues import AttributionLexicon

NAMED_PERSON = "named_person"
NAMED_ORGANISATION = "named_organisation"
NEWS_MEDIA = "news_media"
ANONYMOUS = "anonymous"
UNNAMED_GROUP = "unnamed_group"
UNATTRIBUTED_REPORT = "unattributed_report"
DOCUMENT = "document"
UNCLASSIFIED = "unclassified"
PRONOUN = "pronoun"
ROLE = "role"
IMPLICIT = "implicit"

SOURCE_TYPES = (
    NAMED_PERSON,
    ROLE,
    NAMED_ORGANISATION,
    NEWS_MEDIA,
    ANONYMOUS,
    UNNAMED_GROUP,
    UNATTRIBUTED_REPORT,
    DOCUMENT,
    UNCLASSIFIED,
    PRONOUN,
    IMPLICIT,
)
"""Every value ``Attribution.source_type`` can take."""

PRONOUN_KIND = "pronoun"
DEFINITE_KIND = "definite"
NAME_KIND = "name"
OTHER_KIND = "other"

_B = r"(?<![\w'\u2019\-])"
_E = r"(?![\w'\u2019\-])"
_CONNECTORS = r"of\s+the|of|for|al|bin|de|del|van|von|der|la|le"
_POST_DETERMINERS = r"the|their|his|her|its|this|that|a|an"
_ABBREVIATION = re.compile(r"\(([^()]+)\)\s*$")
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_WORD = re.compile(r"[\w'\u2019\-.]+")
HONORIFICS = (
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Lt",
    "Col",
    "Sgt",
    "Capt",
    "Prof",
)
"""Titles written with a full stop that may open a name ("Mr. Obama", "Sen. Sanders")."""
_HONORIFIC = rf"(?:(?:{'|'.join(HONORIFICS)})\.\s+)"
_INITIAL = r"[A-Z]\.(?=\s+[A-Z])"
"""A middle initial: "Joseph R. Biden"."""
_SUFFIX = r"(?:Jr|Sr)\.(?![\w'\u2019\-])"
"""A generational suffix ending a name: "Joseph R. Biden Jr."."""
_LEADING_HONORIFIC = re.compile(rf"^{_HONORIFIC}")
_NUMBER = r"(?:\d+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en)"
QUANTITY_ENDINGS = frozenset(("them", "those", "us", "most", "many", "some", "several", "few"))
"""Function words that may end a share of people ("most of them"): never a dead end."""


@dataclass(frozen=True, slots=True)
class Mention:
    """A source as written at ``text[start:end]``, with its type.

    ``head`` is the lower-cased head noun of a description ("" for names and pronouns);
    ``kind`` is ``"pronoun"``, ``"definite"`` ("the official"), ``"name"`` or ``"other"``.
    """

    start: int
    end: int
    text: str
    source_type: str
    head: str
    kind: str


_Node: TypeAlias = dict[str, "_Node"]
_END = ""


def alternation(words: Iterable[str], *, capitalised: bool = True) -> str:
    """Regex alternation of words/phrases, longest first, any whitespace inside phrases.

    With ``capitalised`` a lower-case first letter also matches in upper case. The words are
    written as a trie ("sa(?:id|y(?:s|))" for said, says, say), which the regex engine walks
    letter by letter instead of trying every word in turn; it matches exactly what the flat
    alternation "said|says|say" matches (see ``_trie``).
    """
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not ordered:
        return ""
    if any(_irregular(word) for word in ordered):
        return "|".join(_flat(word, capitalised) for word in ordered)
    root: _Node = {}
    for word in ordered:
        first, *rest = word.split(" ")
        tail = [re.escape(char) for char in first[1:]]
        for piece in rest:
            tail += [r"\s+", *(re.escape(char) for char in piece)]
        for opening in _openings(first[0], capitalised):
            node = root
            for atom in (re.escape(opening), *tail):
                node = node.setdefault(atom, {})
            node[_END] = {}
    return _trie(root)


def _irregular(word: str) -> bool:
    """Whether ``word`` is empty or holds whitespace other than single spaces between words
    (the lexicon loader never lets such words through)."""
    return any(not piece or any(char.isspace() for char in piece) for piece in word.split(" "))


def _openings(letter: str, capitalised: bool) -> list[str]:
    """The letters a word may begin with: ``letter``, and with ``capitalised`` its capital."""
    if capitalised and letter.isalpha() and letter.islower():
        return list(dict.fromkeys(letter.upper() + letter))
    return [letter]


def _flat(word: str, capitalised: bool) -> str:
    first, *rest = word.split(" ")
    letter = first[0]
    if capitalised and letter.isalpha() and letter.islower():
        opening = f"[{letter.upper()}{letter}]" + re.escape(first[1:])
    else:
        opening = re.escape(first)
    return r"\s+".join([opening, *(re.escape(piece) for piece in rest)])


def _trie(node: _Node) -> str:
    """The regex of a trie node: one branch per next letter (or ``\\s+`` between the words of a
    phrase), and last the empty branch when a word ends at the node.

    This matches what the flat alternation sorted longest first matches, with the same groups:
    the branches of a node begin with different letters (or whitespace, which no word holds),
    so at most one of them can match at a given place, and a word ending at the node is tried
    after every longer word that continues it, as in the flat alternation.
    """
    parts = [atom + _trie(child) for atom, child in node.items() if atom != _END]
    if _END in node:
        parts.append("")
    if len(parts) == 1:
        return parts[0]
    return f"(?:{'|'.join(parts)})"


def name_pattern(lexicon: AttributionLexicon) -> str:
    """A run of capitalised words (no group), not opened by a stop word, not a possessive."""
    stop = f"(?:{alternation(lexicon.name_stopwords, capitalised=False)}){_E}"
    token = rf"(?!{stop})(?:(?:[A-Z]\.){{2,}}|{_INITIAL}|[A-Z][\w'\u2019\-]*)"
    return (
        rf"{_HONORIFIC}?{token}(?:\s+(?:(?:{_CONNECTORS})\s+)?{token}){{0,6}}(?:\s+{_SUFFIX})?"
        rf"(?<!['\u2019]s)(?<![sS]['\u2019])"
        rf"(?:\s+\([A-Z][\w.\-]*\))?"
    )


def np_pattern(lexicon: AttributionLexicon, *, pronouns: bool) -> str:
    """Regex of a source noun phrase with groups ``named``, ``unnamed`` (``head``), ``generic``
    (``ghead``) and ``pronoun``."""
    name = name_pattern(lexicon)
    stop = f"(?:{alternation(lexicon.name_stopwords, capitalised=False)}){_E}"
    capital = rf"(?!{stop})(?:(?:[A-Z]\.){{2,}}|[A-Z][\w'\u2019\-]*)"
    determiner = rf"(?:{alternation(lexicon.quantifiers)}|\d[\d,]*){_E}"
    modifier = rf"(?:(?:{alternation(lexicon.modifiers)}){_E}|{capital})"
    heads = (
        lexicon.person_heads_singular
        | lexicon.person_heads_plural
        | lexicon.role_heads
        | lexicon.media_heads
        | lexicon.organisation_heads
        | lexicon.report_heads
        | lexicon.document_heads
    )
    org_heads = alternation(lexicon.organisation_heads, capitalised=False)
    function = alternation(lexicon.function_words)
    lower = rf"(?!(?:{function}){_E})[a-z][\w\-]*(?:['\u2019]s{_E})?"
    post_object = rf"(?:(?:{_POST_DETERMINERS})\s+)?(?:{name}(?:\s+(?:{org_heads}){_E})?|{lower})"
    post = rf"\s+(?:{alternation(lexicon.postmodifiers, capitalised=False)})\s+{post_object}"
    unnamed = (
        rf"(?P<unnamed>(?:{determiner}\s+){{0,2}}(?:{modifier}\s+){{0,4}}"
        rf"(?P<head>{alternation(heads)}){_E}(?:{post})?)"
    )
    named = rf"(?P<named>(?:[Tt]he\s+)?{name})"
    opening = rf"(?:{determiner}|(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts){_E})\s+"
    generic = (
        rf"(?P<generic>(?:{opening})?(?:(?:{lower}|{capital})\s+){{0,3}}"
        rf"(?P<ghead>{lower}){_E}(?:{post})?(?P<gname>\s+{name})?)"
    )
    alternatives = [unnamed, named, generic]
    if pronouns:
        every = lexicon.pronouns | lexicon.other_pronouns
        alternatives.append(rf"(?P<pronoun>{alternation(every)}){_E}")
        alternatives.insert(0, rf"(?P<quantity>{_quantity(lower)})")
    return rf"{_B}(?:{'|'.join(alternatives)})"


def _quantity(lower: str) -> str:
    """Regex of a share of people, as polls report it: "42%", "Six in 10", "Most of them",
    "Some of the voters" (``lower``: a lower-case word that is not a function word)."""
    return (
        r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Jj]ust|[Oo]nly|[Oo]ver|[Uu]nder|"
        r"(?:[Mm]ore|[Ff]ewer|[Ll]ess)\s+than)\s+)?"
        rf"(?:\d[\d.]*(?:%|\s+percent)|{_NUMBER}\s+(?:in|out\s+of)\s+{_NUMBER}"
        r"|(?:[Mm]ost|[Mm]any|[Ss]ome|[Ss]everal|[Ff]ew|[Hh]alf|[Oo]thers|"
        r"[Aa]\s+(?:third|quarter|majority)|[Tt]wo-thirds|[Tt]hree-quarters)"
        rf"(?:\s+of\s+(?:them|those|us|(?:(?:the|their|his|her)\s+)?{lower}))?)(?=\s)"
    )


def np_endings(lexicon: AttributionLexicon) -> frozenset[str]:
    """How the lexicon words that may end a noun phrase of ``np_pattern`` end: the last run of
    word characters, apostrophes and hyphens of every head, organisation head and pronoun, as
    it may be written ("official", "Official", "administration", "he", "He", ...).

    Any other phrase ends in a name (a capitalised word, an abbreviation in brackets or
    initials), a lower-case word that is not a function word, or punctuation.
    """
    heads = (
        lexicon.person_heads_singular
        | lexicon.person_heads_plural
        | lexicon.role_heads
        | lexicon.media_heads
        | lexicon.organisation_heads
        | lexicon.report_heads
        | lexicon.document_heads
    )
    written = [
        *_written(heads, capitalised=True),
        *_written(lexicon.organisation_heads, capitalised=False),
        *_written(lexicon.pronouns | lexicon.other_pronouns, capitalised=True),
    ]
    return frozenset(last_run(word) for word in written)


def _written(words: Iterable[str], *, capitalised: bool) -> list[str]:
    """The words as ``alternation`` lets them be written (with a capital first letter)."""
    return [opening + word[1:] for word in words for opening in _openings(word[0], capitalised)]


def last_run(word: str) -> str:
    """The run of word characters, apostrophes and hyphens that ``word`` ends with."""
    found = _LAST_RUN.search(word)
    return found.group() if found else ""


_LAST_RUN = re.compile(r"[\w'\u2019\-]+\Z")


def mention(match: re.Match[str], group: str, offset: int, lexicon: AttributionLexicon) -> Mention:
    """The Mention matched by ``np_pattern`` in group ``group`` (offsets shifted by ``offset``)."""
    start, end = match.span(group)
    text = match.group(group)
    groups = match.groupdict()
    if groups.get("quantity") is not None:  # "42%", "Six in 10", "Most of them"
        return Mention(start + offset, end + offset, text, UNNAMED_GROUP, "", OTHER_KIND)
    if groups.get("pronoun") is not None:
        head = _pronoun_head(text, lexicon)
        return Mention(start + offset, end + offset, text, PRONOUN, head, PRONOUN_KIND)
    if groups.get("generic") is not None:
        head = match.group("ghead").lower()
        if groups.get("gname") is not None:  # "Republican strategist Ryan Williams"
            source_type = _name_type(match.group("gname").strip(), lexicon)
            return Mention(start + offset, end + offset, text, source_type, "", NAME_KIND)
        source_type = _generic_type(head, lexicon)
        if source_type == UNCLASSIFIED and of_news_media(text, lexicon):
            source_type = NEWS_MEDIA  # "the newspaper's editorial board"
        return Mention(start + offset, end + offset, text, source_type, head, OTHER_KIND)
    if match.group("unnamed") is not None:
        head = " ".join(match.group("head").lower().split())
        source_type = _description_type(text, head, lexicon)
        definite = text[:4].lower() == "the " and head in lexicon.person_heads_singular
        kind = DEFINITE_KIND if definite else OTHER_KIND
        return Mention(start + offset, end + offset, text, source_type, head, kind)
    return Mention(start + offset, end + offset, text, _name_type(text, lexicon), "", NAME_KIND)


def _pronoun_head(text: str, lexicon: AttributionLexicon) -> str:
    """What a pronoun may refer to: ``person`` (he, she), ``group`` (they), ``thing`` (it), or
    ``""`` for the speaker's own "I" and "we" (never resolved)."""
    lowered = text.lower()
    if lowered in lexicon.pronouns:
        return "person"
    return {"they": "group", "it": "thing"}.get(lowered, "")


def of_news_media(text: str, lexicon: AttributionLexicon) -> bool:
    """Whether a description names a news medium or is headed by a medium's possessive ("the
    newspaper's editorial board", "The Des Moines Register's editor")."""
    if any(medium in text for medium in lexicon.news_media if len(medium) > 2):
        return True
    return any(_POSSESSIVE.sub("", word).lower() in lexicon.media_heads for word in text.split())


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _generic_type(head: str, lexicon: AttributionLexicon) -> str:
    if head in lexicon.document_heads:
        return DOCUMENT
    if head in lexicon.report_heads:
        return UNATTRIBUTED_REPORT
    if len(head) > 3 and head.endswith("s") and not head.endswith("ss"):
        return UNNAMED_GROUP
    return UNCLASSIFIED


def _description_type(text: str, head: str, lexicon: AttributionLexicon) -> str:
    if any(medium in text for medium in lexicon.news_media if len(medium) > 2):
        return NEWS_MEDIA
    if head in lexicon.report_heads:
        return UNATTRIBUTED_REPORT
    if head in lexicon.document_heads:
        return DOCUMENT
    if head in lexicon.media_heads:
        return NEWS_MEDIA
    if head in lexicon.organisation_heads:
        return NAMED_ORGANISATION
    if head in lexicon.role_heads:
        return ROLE
    lowered = text.lower()
    if head in lexicon.person_heads_plural and not (
        head in lexicon.anonymous_heads or any(cue in lowered for cue in lexicon.anonymity_cues)
    ):
        return UNNAMED_GROUP
    return ANONYMOUS


def _core(text: str) -> str:
    """A name without a leading article and a bracketed abbreviation."""
    if "(" in text:  # else there is no abbreviation to take off
        text = _ABBREVIATION.sub("", text)
    return _LEADING_HONORIFIC.sub("", _LEADING_THE.sub("", text)).strip()


def name_type(text: str, lexicon: AttributionLexicon) -> str:
    """The type of a source written as a name: news medium, organisation or named person."""
    return _name_type(text, lexicon)


def _name_type(text: str, lexicon: AttributionLexicon) -> str:
    core = _core(text)
    if core in lexicon.news_media or f"The {core}" in lexicon.news_media:
        return NEWS_MEDIA
    words = core.split()
    if (
        core in lexicon.organisations
        or core in lexicon.governments
        or words[-1] in lexicon.organisation_words
        or (len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", core) is not None)
    ):
        return NAMED_ORGANISATION
    return NAMED_PERSON


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A source already resolved, with the paragraph and sentence of the attribution."""

    paragraph: int
    sentence: int
    source: Mention


def resolve(found: Mention, paragraph: int, earlier: Sequence[Antecedent]) -> Mention:
    """The source ``found`` refers to: the nearest fitting earlier source, or ``found`` itself.

    * "he"/"she" -> the nearest person (named or anonymous) credited in the same or the previous
      paragraph; "they" -> the nearest group, organisation or news medium; "it" -> the nearest
      organisation, news medium or document; "I"/"we" and unresolved pronouns keep type
      ``pronoun``.
    * "the (senior ...) official" -> the nearest anonymous source with the same head noun whose
      words include the description's modifiers ("A senior administration official").
    * a short name ("Salami", "the IDF") -> the nearest longer name of the same type containing
      all its words, or whose bracketed abbreviation it is ("Hossein Salami").
    """
    if found.kind == PRONOUN_KIND:
        if found.head:
            referents = _PRONOUN_REFERENTS[found.head]
            for antecedent in reversed(earlier):
                if antecedent.paragraph < paragraph - 1:
                    break
                if antecedent.source.source_type in referents:
                    return antecedent.source
    elif found.kind == DEFINITE_KIND:
        modifiers = _words(found.text) - {"the", found.head}
        for antecedent in reversed(earlier):
            if _describes(found.head, modifiers, antecedent.source):
                return antecedent.source
    elif found.kind == NAME_KIND:
        core = _core(found.text)
        words = core.split()
        for antecedent in reversed(earlier):
            if _shortens(found.source_type, core, words, antecedent.source):
                return antecedent.source
    return found


_PRONOUN_REFERENTS = {
    "person": (NAMED_PERSON, ANONYMOUS),
    "group": (UNNAMED_GROUP, NAMED_ORGANISATION, NEWS_MEDIA),
    "thing": (NAMED_ORGANISATION, NEWS_MEDIA, DOCUMENT),
}


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def _describes(head: str, modifiers: set[str], candidate: Mention) -> bool:
    """Whether ``candidate`` is an anonymous source with this head and all these modifiers."""
    if candidate.source_type != ANONYMOUS or candidate.head != head:
        return False
    return modifiers <= _words(candidate.text)


def _shortens(source_type: str, core: str, words: list[str], candidate: Mention) -> bool:
    """Whether a name of this type, ``core`` (split into ``words``) without article and
    abbreviation, is a short form of the name ``candidate``."""
    if candidate.kind != NAME_KIND or candidate.source_type != source_type:
        return False
    other = _core(candidate.text)
    if core == other:
        return False
    abbreviation = _ABBREVIATION.search(candidate.text)
    if abbreviation is not None and abbreviation.group(1) == core:
        return True
    other_words = other.split()
    return len(words) < len(other_words) and set(words) <= set(other_words)


def identity(source: Mention) -> tuple[str, str]:
    """Key under which two sources count as the same: type and case-folded core words."""
    return source.source_type, " ".join(_core(source.text).casefold().split())
