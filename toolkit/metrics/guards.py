"""Context guards: named rules that decide whether a lexicon match counts where it stands.

A guard is a pure function ``guard(text, start, end, doc) -> bool`` that returns True to keep the
match ``text[start:end]``. Codebook entries name their guards by id (the keys of ``GUARDS``); the
matcher records which guard rejected a match, so dropped matches stay auditable. Guards read only a
few dozen characters around the match, so they cost nothing next to the scan itself.

Decisions (documented so that published counts can be interpreted):

* ``not_negated`` rejects a match in the scope of a negation or rejection cue ("not likely",
  "does not appear", "refused to speculate"), by the one mechanism every lexicon family shares
  (``toolkit.metrics.negation.find_negation``: NegEx-style cues, pseudo-negations such as "not
  only" and "no doubt", scope ending at clause boundaries). Hyland (2005) notes that a negated
  hedge no longer expresses the writer's doubt; the hedging family reports such matches
  separately (``hedging_negated_count``) instead of counting them as hedges.
* ``could_possibility`` keeps epistemic "could" ("a conflict that could engulf the region") and
  rejects "could not"/"could never"/"could hardly", which deny an ability or a possibility.
  Counterfactual "could have + participle" cannot be told apart from epistemic uses without a
  parser and is kept.
* ``before_quantity`` keeps approximators ("about", "around", "some", "up to", ...) only before a
  number or quantity word ("about 100 ballistic missiles", "approximately 99%"), so that "talk
  about Iran" is not a hedge.
* ``not_month`` keeps the epistemic modal "may" and rejects "May" the month or the name: before a
  number ("May 5", "May 2024"), after a preposition or time word ("in May", "since May"), before
  punctuation ("in May.", "come what may,"), before a word a modal cannot take ("May said",
  "May's", "May and June"), capitalised in running text ("Theresa May") and capitalised at the
  start of a sentence ("May 5 saw ...", "May said ..."): a sentence-initial modal is an optative
  or a question ("May God ...", "May I ..."), never an epistemic hedge. "May" inside a title-case
  headline ("Israel May Strike Back") stays modal.
* ``claim_verb`` rejects "claim"/"claims" used as a noun after a determiner, possessive or
  preposition ("the claim", "Iran's claims", "dismissal of claims") and the idioms "claimed
  responsibility/credit" and "claimed the lives".
* ``capitalised`` keeps a name only as written with capitals: a term of up to three letters must
  be all capitals ("US", "UN", "EU", not the pronoun "us"); a longer one must start with a capital
  ("Jordan", not "jordan"). Used by actor codebooks.
* ``political_regime`` rejects "regime" used for a set of rules ("the sanctions regime", "a tax
  regime", "the inspection regime") rather than a government.
* ``before_infinitive`` keeps a passive reporting frame ("is said to", "was reported to") only
  when a verb can follow ("is said to have", "are believed to be"): not before a determiner,
  pronoun or capitalised name ("was reported to the police", "was said to Reuters").
* ``attributive`` keeps a reporting participle used as an adjective ("the reported strike",
  "Iran's rumoured plans") and rejects the verb ("he reported", "the agency reported the
  strike"): the word before must be a determiner or a possessive (not "that", mostly a relative
  pronoun there), the word after neither a preposition, a determiner nor "that".

Word sense guards written as data. A codebook entry may list words or phrases in
``unless_before`` and ``unless_after``: a match is rejected when one of them stands right before
it or right after it, separated only by white space ("death penalty", "war cabinet", "Islamic
Republic"). ``entry_guards`` turns an entry's named guards and these lists into the guards the
matcher runs; the context guards are recorded as ``unless_before`` / ``unless_after``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from toolkit.errors import ParameterError
from toolkit.metrics.negation import PREDICATE, find_negation
from toolkit.text import Segmented

Guard = Callable[[str, int, int, Segmented], bool]
"""A context rule: ``guard(text, start, end, doc)`` is True when the match should be kept."""

_WINDOW = 80
_CLAUSE_BREAKS = r"[.!?;:,()\[\]\"\u201c\u201d\n]"
_UP_TO_LAST_BREAK = re.compile(rf"(?s:.*){_CLAUSE_BREAKS}")
_WORD = re.compile(r"[\w'\u2019-]+")

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

# What a modal verb cannot stand before: punctuation, a possessive, a finite verb or a
# preposition ("May said", "May's", "May, June", "May and June", "May Day").
_NOT_AFTER_MODAL = re.compile(
    r"(?:\s*(?:[,.;:!?)\]]|$)|['\u2019]s(?![\w-])|\s+(?:said|says|told|tells|was|is|has|had|"
    r"and|or|of|to|in|on|at|for|from|with|by|day|\d))",
    re.IGNORECASE,
)
# After "is said to": a determiner, pronoun, number or capitalised name means "to" is a
# preposition ("was reported to the police", "was said to Reuters").
_NOT_INFINITIVE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|us|me|"
    r"it|police|authorities|officials)(?![\w-])|[A-Z0-9$\u00a3\u20ac])"
)
# After an attributive participle: a preposition, determiner, pronoun or "that" means a verb
# ("the agency reported the strike", "a website that reported on it").
_NOT_ATTRIBUTIVE = re.compile(
    r"(?:\s*(?:[,.;:!?)\]\"\u201d]|$)|\s+(?:to|that|by|on|in|at|as|from|for|with|about|of|the|a|an|"
    r"his|her|their|its|this|these|those|it|he|she|they|we|him|them|us|earlier|late|last|"
    r"yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\w-]))",
    re.IGNORECASE,
)

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
        "mail",
        "vote-by-mail",
        "voting",
        "ballot",
        "testing",
        "screening",
        "privacy",
        "copyright",
    }
)
# A preposition before "claim(s)" makes it a noun ("dismissal of claims", "amid claims").
_CLAIM_PREPOSITIONS = frozenset(
    {"of", "on", "about", "against", "with", "for", "over", "by", "from", "amid", "despite"}
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


def not_negated(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep a match unless it is in the scope of a negation or rejection cue (``find_negation``)."""
    return find_negation(text, start, end, reach=PREDICATE) is None


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
    if _NOT_AFTER_MODAL.match(text, end) or _previous_word(text, start) in _MONTH_PREPOSITIONS:
        return False
    if _at_sentence_start(text, start, doc):
        return False
    return _in_title_case_sentence(text, start, doc)


def claim_verb(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep "claim" as a verb; reject the noun ("the claim") and "claimed responsibility"."""
    if _CLAIM_IDIOM_AFTER.match(text, end):
        return False
    if text[start:end].lower() not in ("claim", "claims"):
        return True
    previous = _previous_word(text, start)
    return (
        previous not in _DETERMINERS
        and previous not in _CLAIM_PREPOSITIONS
        and not previous.endswith(("'s", "\u2019s", "s'", "s\u2019"))
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


def before_infinitive(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep "is said to" when a verb can follow; reject "was reported to the police"."""
    return _NOT_INFINITIVE.match(text, end) is None


def attributive(text: str, start: int, end: int, doc: Segmented) -> bool:
    """Keep "the reported strike" (adjective); reject "he reported", "the agency reported the"."""
    previous = _previous_word(text, start)
    if previous == "that" or (
        previous not in _DETERMINERS and not previous.endswith(("'s", "\u2019s", "s'", "s\u2019"))
    ):
        return False  # "a survey that reported having ..." (a relative pronoun, not a determiner)
    return _NOT_ATTRIBUTIVE.match(text, end) is None


def _phrases(words: Sequence[str]) -> str:
    """A regex alternation of codebook words or phrases (``*`` for any ending), longest first."""
    atoms = {
        " ": r"\s+",
        "'": "['\u2019]",
        "\u2019": "['\u2019]",
        "-": "[-\u2010\u2011]",
        "\u2010": "[-\u2010\u2011]",
        "\u2011": "[-\u2010\u2011]",
        "*": r"[\w-]*",
    }
    forms = sorted({" ".join(word.lower().split()) for word in words}, key=len, reverse=True)
    return "|".join("".join(atoms.get(char, re.escape(char)) for char in form) for form in forms)


def _unless_before(words: Sequence[str]) -> Guard:
    preceded = re.compile(rf"(?<![\w-])(?:{_phrases(words)})\s+\Z", re.IGNORECASE)

    def unless_before(text: str, start: int, end: int, doc: Segmented) -> bool:
        return preceded.search(text, max(0, start - _WINDOW), start) is None

    return unless_before


def _unless_after(words: Sequence[str]) -> Guard:
    followed = re.compile(rf"\s+(?:{_phrases(words)})(?![\w-])", re.IGNORECASE)

    def unless_after(text: str, start: int, end: int, doc: Segmented) -> bool:
        return followed.match(text, end) is None

    return unless_after


def entry_guards(
    names: Sequence[str],
    *,
    unless_before: Sequence[str] = (),
    unless_after: Sequence[str] = (),
) -> tuple[tuple[str, Guard], ...]:
    """The ``(id, guard)`` pairs a codebook entry's matches must pass, in the order they run.

    ``names`` are ids of ``GUARDS``; ``unless_before`` / ``unless_after`` are the entry's word
    lists (see the module docstring), run last under the ids ``"unless_before"`` and
    ``"unless_after"``.
    """
    unknown = [name for name in names if name not in GUARDS]
    if unknown:
        raise ParameterError(
            f"The 'names' parameter of entry_guards must hold ids of {set(GUARDS)}. "
            f"Got {unknown[0]!r} instead."
        )
    guards = [(name, GUARDS[name]) for name in names]
    if unless_before:
        guards.append((UNLESS_BEFORE, _unless_before(unless_before)))
    if unless_after:
        guards.append((UNLESS_AFTER, _unless_after(unless_after)))
    return tuple(guards)


GUARDS: Mapping[str, Guard] = MappingProxyType(
    {
        "not_negated": not_negated,
        "could_possibility": could_possibility,
        "before_quantity": before_quantity,
        "not_month": not_month,
        "claim_verb": claim_verb,
        "capitalised": capitalised,
        "political_regime": political_regime,
        "before_infinitive": before_infinitive,
        "attributive": attributive,
    }
)
"""Every guard a codebook entry may name, by id."""

NEGATION_GUARD = "not_negated"
"""The guard whose rejections the hedging family reports as negated hedges."""
UNLESS_BEFORE = "unless_before"
"""Guard id recorded when a word of an entry's ``unless_before`` list rejects a match."""
UNLESS_AFTER = "unless_after"
"""Guard id recorded when a word of an entry's ``unless_after`` list rejects a match."""
