"""Context guards: named rules that decide whether a lexicon match counts where it stands.

A guard is a pure function ``guard(text, start, end, doc) -> bool`` that returns True to keep the
match ``text[start:end]``. Codebook entries name their guards by id (the keys of ``GUARDS``); the
matcher records which guard rejected a match, so dropped matches stay auditable. Guards read only a
few dozen characters around the match, so they cost nothing next to the scan itself.

Decisions (documented so that published counts can be interpreted):

* ``not_negated`` rejects a hedge with a negation cue ("not", "no", "never", "n't", ...) among the
  three words before it in the same clause ("not likely", "does not appear"). Hyland (2005) notes
  that a negated hedge no longer expresses the writer's doubt; the hedging family reports such
  matches separately (``hedging_negated_count``) instead of counting them as hedges.
* ``could_possibility`` keeps epistemic "could" ("a conflict that could engulf the region") and
  rejects "could not"/"could never"/"could hardly", which deny an ability or a possibility.
  Counterfactual "could have + participle" cannot be told apart from epistemic uses without a
  parser and is kept.
* ``before_quantity`` keeps approximators ("about", "around", "some", "up to", ...) only before a
  number or quantity word ("about 100 ballistic missiles", "approximately 99%"), so that "talk
  about Iran" is not a hedge.
* ``not_month`` rejects "May" the month ("in May 2024", "on May 5", "May 5") and the capitalised
  name in running text ("Theresa May"); lower-case "may" and "May" opening a sentence or inside a
  title-case headline stay modal.
* ``claim_verb`` rejects "claim"/"claims" used as a noun after a determiner or possessive ("the
  claim", "Iran's claims") and the idioms "claimed responsibility/credit" and "claimed the lives".
* ``capitalised`` keeps a name only as written with capitals: a term of up to three letters must
  be all capitals ("US", "UN", "EU", not the pronoun "us"); a longer one must start with a capital
  ("Jordan", not "jordan"). Used by actor codebooks.
* ``political_regime`` rejects "regime" used for a set of rules ("the sanctions regime", "a tax
  regime", "the inspection regime") rather than a government.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from toolkit.text import Segmented

Guard = Callable[[str, int, int, Segmented], bool]
"""A context rule: ``guard(text, start, end, doc)`` is True when the match should be kept."""

_WINDOW = 80
_CLAUSE_BREAKS = r"[.!?;:,()\[\]\"\u201c\u201d\n]"
_UP_TO_LAST_BREAK = re.compile(rf"(?s:.*){_CLAUSE_BREAKS}")
_WORD = re.compile(r"[\w'\u2019-]+")
_NEGATION_WORDS = frozenset(
    {"not", "no", "never", "cannot", "neither", "nor", "without", "hardly", "scarcely"}
)
_NEGATION_SPAN = 3

_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|third|quarter|"
    "percent|per\\s+cent"
)
_QUANTITY_AFTER = re.compile(
    rf"\s+(?:[$£€]\s?\d|\d|(?:(?:a|an)\s+)?(?:{_NUMBER_WORDS})(?![\w-]))", re.IGNORECASE
)

_MONTH_PREPOSITIONS = frozenset(
    {
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "from",
        "of",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "through",
        "during",
        "before",
        "after",
        "between",
        "and",
        "or",
        "to",
    }
)
_DIGIT_AFTER = re.compile(r"\s*\d")
_OPENERS = re.compile(r"[\s\"\u201c\u2018'(\[\u2014\u2013-]*")
_TITLE_WORD = re.compile(r"[^\W\d_]{4,}")

_COULD_NEGATED = re.compile(r"\s+(?:not|never|hardly|scarcely|no\s+longer)(?![\w-])", re.IGNORECASE)

_DETERMINERS = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "your",
        "my",
        "such",
        "any",
        "no",
        "every",
        "each",
    }
)
_SHORT_NAME = 3
_TECHNICAL_REGIME = frozenset(
    {
        "sanctions",
        "sanction",
        "tax",
        "trade",
        "inspection",
        "inspections",
        "verification",
        "visa",
        "legal",
        "regulatory",
        "tariff",
        "control",
        "controls",
        "nonproliferation",
        "non-proliferation",
        "training",
        "treatment",
        "dosing",
        "dietary",
        "exercise",
        "fitness",
        "medication",
        "monetary",
        "currency",
        "exchange",
        "price",
        "pricing",
        "licensing",
        "reporting",
        "compliance",
        "safeguards",
        "asylum",
        "immigration",
        "border",
    }
)
_CLAIM_IDIOM_AFTER = re.compile(
    r"\s+(?:the\s+lives|lives|responsibility|credit)(?![\w-])", re.IGNORECASE
)


def _words_before(text: str, start: int, n: int) -> list[str]:
    """Up to ``n`` lower-cased words before ``start``, nearest first, within the same clause."""
    window = text[max(0, start - _WINDOW) : start]
    clause_start = _UP_TO_LAST_BREAK.match(window)
    if clause_start is not None:
        window = window[clause_start.end() :]
    words = _WORD.findall(window)
    return [word.lower() for word in reversed(words[-n:])]


def _previous_word(text: str, start: int) -> str:
    """The word right before ``start`` in the same clause, lower-cased ("" if none)."""
    words = _words_before(text, start, 1)
    return words[0] if words else ""


def _is_negation(word: str) -> bool:
    return word in _NEGATION_WORDS or word.endswith(("n't", "n\u2019t"))


def not_negated(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep a match unless a negation cue is among the 3 words before it in its clause."""
    return not any(_is_negation(word) for word in _words_before(text, start, _NEGATION_SPAN))


def could_possibility(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep epistemic "could"; reject "could not", "could never", "could hardly"."""
    return _COULD_NEGATED.match(text, end) is None


def before_quantity(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep an approximator only when a number or quantity word follows it."""
    return _QUANTITY_AFTER.match(text, end) is not None


def _at_sentence_start(text: str, start: int, doc: Segmented) -> bool:
    if not doc.sentences:
        return True
    sentence = doc.sentences[doc.sentence_index(start)]
    opening = _OPENERS.fullmatch(text, sentence.start, start) if sentence.start <= start else None
    return opening is not None


def _in_title_case_sentence(text: str, start: int, doc: Segmented) -> bool:
    sentence = doc.sentence_text(start) if doc.sentences else text
    words = _TITLE_WORD.findall(sentence)
    return bool(words) and all(word[0].isupper() for word in words)


def not_month(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Reject "May" the month or the name; keep the modal "may"."""
    if _DIGIT_AFTER.match(text, end):
        return False
    word = text[start:end]
    if word.islower():
        return True
    if _previous_word(text, start) in _MONTH_PREPOSITIONS:
        return False
    return _at_sentence_start(text, start, doc) or _in_title_case_sentence(text, start, doc)


def claim_verb(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep "claim" as a verb; reject the noun ("the claim") and "claimed responsibility"."""
    if _CLAIM_IDIOM_AFTER.match(text, end):
        return False
    if text[start:end].lower() not in ("claim", "claims"):
        return True
    previous = _previous_word(text, start)
    return previous not in _DETERMINERS and not previous.endswith(
        ("'s", "\u2019s", "s'", "s\u2019")
    )


def capitalised(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep a name written with capitals: all capitals up to 3 letters, else a capital first."""
    letters = list(filter(str.isalpha, text[start:end]))
    if not letters:
        return False
    if len(letters) <= _SHORT_NAME:
        return all(map(str.isupper, letters))
    return letters[0].isupper()


def political_regime(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep "regime" meaning a government; reject "sanctions regime", "tax regime", ..."""
    return _previous_word(text, start) not in _TECHNICAL_REGIME


GUARDS: Mapping[str, Guard] = MappingProxyType(
    {
        "not_negated": not_negated,
        "could_possibility": could_possibility,
        "before_quantity": before_quantity,
        "not_month": not_month,
        "claim_verb": claim_verb,
        "capitalised": capitalised,
        "political_regime": political_regime,
    }
)
"""Every guard a codebook entry may name, by id."""

NEGATION_GUARD = "not_negated"
"""The guard whose rejections the hedging family reports as negated hedges."""
