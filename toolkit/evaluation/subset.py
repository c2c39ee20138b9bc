"""The reported-speech subset of attribution relations, the part of PolNeAR that is scored.

PolNeAR annotates beliefs and sentiments too ("mocked", "don't like"); the extractor only looks
for reported speech. A relation, annotated or predicted, belongs to the subset when its cue text
(lower-cased; the words of a discontinuous cue joined)

* holds one of the reporting-verb forms of the attribution lexicon (every stance of ``verbs``,
  e.g. "said", "told", "warned", "claimed"), or a form of ``citing`` ("citing", "quoting"), as a
  whole word ("said in a statement" and "told reporters" qualify, "saying goes" does too); or
* holds the phrase "according to" or a listed refusal ("declined to comment").

The lists are those of the lexicon passed in (by default ``toolkit/data/attribution.yaml``), so
the subset is recorded by the lexicon's version next to every score.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.metrics.attribution.cues import AttributionLexicon

_WORD = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")


@dataclass(frozen=True, slots=True)
class SpeechCues:
    """The words and phrases that make a cue a reported-speech cue."""

    words: frozenset[str]
    phrases: tuple[str, ...]


def speech_cues(lexicon: AttributionLexicon) -> SpeechCues:
    """Reporting-verb forms, "citing" forms, "according to" and refusals of ``lexicon``."""
    words = frozenset(form for form, _ in lexicon.verbs if " " not in form) | frozenset(
        form for form in lexicon.citing if " " not in form
    )
    phrases = tuple(
        sorted(
            {phrase.lower() for phrase in lexicon.according_to}
            | set(lexicon.refusals)
            | {form for form, _ in lexicon.verbs if " " in form}
        )
    )
    return SpeechCues(words, phrases)


def is_reported_speech(cue_text: str, cues: SpeechCues) -> bool:
    """True when ``cue_text`` holds a reporting-verb form or a listed phrase (see the module)."""
    lowered = " ".join(cue_text.lower().split())
    if any(word in cues.words for word in _WORD.findall(lowered)):
        return True
    return any(re.search(rf"\b{re.escape(phrase)}\b", lowered) for phrase in cues.phrases)
