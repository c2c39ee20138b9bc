"""Read an all-caps text as running prose: cues and sources are found on a re-cased copy.

In a text written in capitals, case says nothing about names ("IRAN SAYS ..."), so the rules,
which read capitals as names, would find nothing or the wrong things. ``recase`` gives a copy
of the same length in which every word the lexicon knows in lower case (function words, cue
verbs, source heads and modifiers) is lower-cased and every other word keeps only its first
capital ("Iran says it will retaliate, officials said."); short acronyms the lexicon lists as
names ("US", "UN", "IDF") stay in capitals. Offsets are unchanged, so records point into the
original text. Decision: a text is all-caps when it has at least 20 letters and at least 90%
of them are capitals.
"""

from __future__ import annotations

import re
from functools import cache

from toolkit.metrics.attribution.cues import AttributionLexicon

_WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)?")
_MIN_LETTERS = 20
_UPPER_SHARE = 0.9


def is_all_caps(text: str) -> bool:
    """Whether ``text`` has at least 20 letters and 90% or more of them are capitals (letters
    outside ASCII are not counted)."""
    lower = sum(map(text.count, _LOWER))
    upper = sum(map(text.count, _UPPER))
    letters = lower + upper
    return letters >= _MIN_LETTERS and upper >= _UPPER_SHARE * letters


_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()


def recase(text: str, lexicon: AttributionLexicon) -> str:
    """The re-cased copy of an all-caps ``text`` (same length; see the module)."""
    lower, acronyms = _vocabulary(lexicon)
    pieces: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group()
        folded = word.lower()
        if word in acronyms:
            new = word
        elif folded in lower:
            new = folded
        else:
            new = word[0] + word[1:].lower()
        if len(new) != len(word):  # a letter whose case changes its length: leave the word
            new = word
        pieces.append(text[last : match.start()])
        pieces.append(new)
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


@cache
def _vocabulary(lexicon: AttributionLexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Words the lexicon writes in lower case, and the acronyms among its names."""
    lower_lists = (
        lexicon.function_words,
        lexicon.person_heads_singular,
        lexicon.person_heads_plural,
        lexicon.role_heads,
        lexicon.media_heads,
        lexicon.organisation_heads,
        lexicon.document_heads,
        lexicon.report_heads,
        lexicon.modifiers,
        lexicon.quantifiers,
        lexicon.postmodifiers,
        lexicon.pronouns,
        lexicon.other_pronouns,
        lexicon.linking_words,
        lexicon.adverbs,
        lexicon.according_to,
        lexicon.citing,
        lexicon.refusals,
        lexicon.emergence_verbs,
        lexicon.emergence_participles,
        lexicon.distancing_participles,
        lexicon.nominal_cues,
        tuple(form for form, _ in lexicon.verbs),
    )
    lower = {
        word.lower()
        for words in lower_lists
        for phrase in words
        for word in phrase.split()
        if word.lower() != "i"
    }
    names = (*lexicon.organisations, *lexicon.governments, *lexicon.news_media)
    acronyms = {word for name in names for word in name.split() if word.isupper() and len(word) > 1}
    return frozenset(lower - {a.lower() for a in acronyms}), frozenset(acronyms)
