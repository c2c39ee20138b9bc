"""Tests for toolkit.metrics.negation, one constructed sentence per behaviour (CheckList style).

Every case names the words of a lexicon match and asserts which cue negates them (its words and
rule) or that none does. The sentences are written for these tests (Ribeiro et al. 2020), not
taken from any corpus.
"""

from __future__ import annotations

import pytest

from toolkit.codebooks import builtin_codebook
from toolkit.errors import ParameterError
from toolkit.metrics.lexicon import compile_codebook
from toolkit.metrics.negation import (
    _RULES,
    COMPLEMENT,
    PREDICATE,
    Negation,
    find_negation,
    scan_negations,
)
from toolkit.text import segment

Found = tuple[str, str] | None
"""``(cue words, rule)`` of the negation, or None."""


def _negation(text: str, words: str, reach: str = COMPLEMENT) -> Found:
    """The cue that negates the first occurrence of ``words`` in ``text``."""
    start = text.index(words)
    found = find_negation(text, start, start + len(words), reach=reach)
    if found is None:
        return None
    assert text[found.start : found.end] == found.text
    return found.text, found.rule


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        # A negator before the verb negates the frame noun after it (its object).
        (
            "The US will not join any Israeli counterattack.",
            "counterattack",
            ("not", "negation:not"),
        ),
        ("Washington is not looking for a wider war.", "wider war", ("not", "negation:not")),
        ("Washington won't back a wider war.", "wider war", ("won't", "negation:not")),
        ("Washington won\u2019t back a wider war.", "wider war", ("won\u2019t", "negation:not")),
        ("Israel cannot afford escalation.", "escalation", ("cannot", "negation:not")),
        ("Biden urged Israel not to retaliate.", "retaliate", ("not", "negation:not")),
        ("Iran has never attacked Israel directly.", "attacked", ("never", "negation:never")),
        ("There was no retaliation.", "retaliation", ("no", "negation:no")),
        ("No one was killed.", "killed", ("No one", "negation:none")),
        ("Nobody wants a regional war.", "regional war", ("Nobody", "negation:none")),
        (
            "Neither side wants escalation.",
            "escalation",
            ("Neither", "negation:neither_nor"),
        ),
        (
            "Neither Tehran nor Washington wants escalation.",
            "escalation",
            ("nor", "negation:neither_nor"),
        ),
        ("The drones struck without warning.", "warning", ("without", "negation:without")),
        ("Israel hardly needs revenge.", "revenge", ("hardly", "negation:hardly")),
        ("They complained of a lack of aid.", "aid", ("lack of", "negation:lack")),
        (
            "Air defences failed to intercept the drone.",
            "intercept",
            ("failed to", "negation:fail_to"),
        ),
    ],
)
def test_negators_negate_what_follows(text: str, words: str, expected: Found) -> None:
    assert _negation(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Biden ruled out a counterattack.", "counterattack", ("ruled out", "rejection:rule_out")),
        (
            "Biden urged Israel to refrain from retaliation.",
            "retaliation",
            ("refrain from", "rejection:refrain_from"),
        ),
        (
            "Iran has no intention of escalating.",
            "escalating",
            ("no intention of", "rejection:no_intention"),
        ),
        ("Israel denied plans to retaliate.", "retaliate", ("denied plans", "rejection:deny")),
        (
            "Iran denied that it planned an attack.",
            "attack",
            ("denied that", "rejection:deny"),
        ),
        ("Israel rejected calls for restraint.", "restraint", ("rejected", "rejection:reject")),
        ("Both sides want to avoid a wider war.", "wider war", ("avoid", "rejection:avoid")),
        (
            "Diplomats worked to avert a regional war.",
            "regional war",
            ("avert", "rejection:prevent"),
        ),
        (
            "The US will stay out of any retaliation.",
            "retaliation",
            ("stay out of", "rejection:stay_out_of"),
        ),
        ("Israel declined to retaliate.", "retaliate", ("declined to", "rejection:refuse_to")),
        (
            "They chose diplomacy rather than revenge.",
            "revenge",
            ("rather than", "rejection:instead_of"),
        ),
        (
            "Allies warned against escalation.",
            "escalation",
            ("warned against", "rejection:warn_against"),
        ),
        (
            "Israel stopped short of a counterattack.",
            "counterattack",
            ("stopped short of", "rejection:hold_off"),
        ),
    ],
)
def test_rejections_negate_what_follows(text: str, words: str, expected: Found) -> None:
    assert _negation(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        (
            "A counterattack has been ruled out.",
            "counterattack",
            ("been ruled out", "rejection:rule_out"),
        ),
        ("A wider war was averted.", "wider war", ("was averted", "rejection:prevent")),
        (
            "A military response is off the table.",
            "military response",
            ("is off the table", "rejection:off_the_table"),
        ),
        (
            "Calls for retaliation were rejected.",
            "retaliation",
            ("were rejected", "rejection:reject"),
        ),
        ("Tariffs could be avoided.", "Tariffs", ("be avoided", "rejection:prevent")),
        # Only auxiliaries may stand between: the rejection must be the match's own predicate.
        ("He hoped tariffs could be avoided.", "hoped", None),
        ("A wider war in the region was averted.", "wider war", None),
        # A plain negator after the match does not deny the match itself.
        ("The attack did not cause damage.", "attack", None),
        ("Retaliation was not ruled out.", "Retaliation", None),
    ],
)
def test_passive_rejection_after_the_match(text: str, words: str, expected: Found) -> None:
    assert _negation(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The US will not join, but Israel vowed revenge.", "revenge", None),
        ("The US will not join any attack. Israel vowed revenge.", "revenge", None),
        ("The US did not join; Israel vowed revenge.", "revenge", None),
        ("It will not join any attack and urged restraint.", "restraint", None),
        ("It did not say which retaliation it meant.", "retaliation", None),
        ("Israel did not respond while the bombardment went on.", "bombardment", None),
        ("It did not respond after the attack.", "attack", None),
        ("Israel did not retaliate despite the attack.", "attack", None),
        ("The US did not join (Israel vowed revenge).", "revenge", None),
        ("The US did not join \u2014 Israel vowed revenge.", "revenge", None),
        ("Israel has not acted beyond giving aid.", "aid", None),
        ("There were no adjustments other than for inflation.", "inflation", None),
        # "or" and "nor" do not end a scope: negation distributes over a disjunction.
        (
            "The US will not join or support any retaliation.",
            "retaliation",
            ("not", "negation:not"),
        ),
        # A period closing an abbreviation or an initial is not a boundary.
        ("The U.S. will not back U.S. strikes.", "strikes", ("not", "negation:not")),
        ("Israel won't. Iran vowed revenge.", "revenge", None),
        # Scope is at most six words.
        (
            "Israel did not say on Sunday when or where the retaliation would come.",
            "retaliation",
            None,
        ),
        ("Israel did not want this regional war at all.", "regional war", ("not", "negation:not")),
    ],
)
def test_scope_ends_at_clause_boundaries(text: str, words: str, expected: Found) -> None:
    assert _negation(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("It was not only an attack but a warning.", "attack"),
        ("It was not just retaliation.", "retaliation"),
        ("There is no doubt escalation will follow.", "escalation"),
        ("Israel wants nothing but revenge.", "revenge"),
        ("Never before had Iran attacked Israel.", "attacked"),
        ("It was not the first attack on Israel.", "attack"),
        ("Detroit isn't the first city to suffer.", "suffer"),
        ("ISIS isn\u2019t just a terrorist group.", "terrorist"),
        ("Whether or not retaliation comes, prices rose.", "retaliation"),
        ("It was a grave, if not deadly, escalation.", "escalation"),
        ("No wonder escalation followed.", "escalation"),
        ("It was nothing more than a food fight.", "food"),
        ("That is to say nothing of the casualties.", "casualties"),
        ("It was not until Sunday that Israel retaliated.", "retaliated"),
    ],
)
def test_pseudo_negations_negate_nothing(text: str, words: str) -> None:
    assert _negation(text, words) is None


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("The US did not rule out retaliation.", "retaliation", None),
        ("A wider war cannot be ruled out.", "wider war", None),
        ("Israel struck without ruling out escalation.", "escalation", None),
        ("Israel refused to rule out a counterattack.", "counterattack", None),
        ("The strike was not without casualties.", "casualties", None),
        ("Diplomats failed to prevent a regional war.", "regional war", None),
        ("Israel did not refrain from retaliation.", "retaliation", None),
        # The negated rejection itself is negated: "did not refrain" is no restraint.
        ("Israel did not refrain from retaliation.", "refrain", ("not", "negation:not")),
    ],
)
def test_a_negated_rejection_cancels(text: str, words: str, expected: Found) -> None:
    assert _negation(text, words) == expected


@pytest.mark.parametrize(
    ("text", "words", "complement", "predicate"),
    [
        ("A wider war is not likely.", "likely", ("not", "negation:not"), ("not", "negation:not")),
        (
            "It does not appear to have failed.",
            "appear",
            ("not", "negation:not"),
            ("not", "negation:not"),
        ),
        (
            "Officials refused to speculate.",
            "speculate",
            ("refused to", "rejection:refuse_to"),
            ("refused to", "rejection:refuse_to"),
        ),
        # A hedge inside the object of a negated verb still hedges: its reach is the predicate.
        ("Police did not discuss a possible motive.", "possible", ("not", "negation:not"), None),
        (
            "They sought to avoid a potential crisis.",
            "potential",
            ("avoid", "rejection:avoid"),
            None,
        ),
        (
            "He did not take the probable cause seriously.",
            "probable",
            ("not", "negation:not"),
            None,
        ),
        # "any" after a negator is the negation's own (a negative polarity item), no determiner.
        (
            "He does not have any doubts.",
            "doubts",
            ("not", "negation:not"),
            ("not", "negation:not"),
        ),
        # ... and at most three words away.
        ("He did not think the talks would likely fail.", "likely", ("not", "negation:not"), None),
        # After-cues negate a subject, never a hedge.
        (
            "A cataclysm could probably be averted.",
            "probably",
            ("be averted", "rejection:prevent"),
            None,
        ),
    ],
)
def test_hedges_reach_only_the_negated_predicate(
    text: str, words: str, complement: Found, predicate: Found
) -> None:
    assert _negation(text, words, COMPLEMENT) == complement
    assert _negation(text, words, PREDICATE) == predicate


def test_the_opt_out_of_a_self_negative_entry() -> None:
    # "not take part" carries its own "not": the cue before it is found, but its entry says
    # it must not be read, whereas "counterattack" is negated.
    text = "The US did not say it would not take part in any counterattack."
    matcher = compile_codebook(builtin_codebook("conflict_frames"))
    negated = [
        (text[start:end], target.negatable, find_negation(text, start, end) is not None)
        for start, end, _, target, _ in matcher.hits(segment(text))
    ]
    assert negated == [("not take part", False, True), ("counterattack", True, True)]


def test_negation_record_has_exact_offsets_and_kind() -> None:
    text = "The US will not join any Israeli counterattack."
    start = text.index("counterattack")
    found = find_negation(text, start, start + len("counterattack"))
    assert found == Negation(start=12, end=15, text="not", rule="negation:not")
    assert found.kind == "negation"
    text = "Biden ruled out a counterattack."
    start = text.index("counterattack")
    rejection = find_negation(text, start, len(text) - 1)
    assert rejection == Negation(start=6, end=15, text="ruled out", rule="rejection:rule_out")
    assert rejection.kind == "rejection"


def test_a_match_is_never_negated_by_a_cue_inside_it() -> None:
    text = "The US will avoid escalation."
    assert find_negation(text, text.index("avoid"), len(text) - 1) is None


def test_scan_once_serves_many_matches() -> None:
    text = "No one was killed and nothing was destroyed."
    scan = scan_negations(text)
    assert scan_negations(text) is scan
    killed, destroyed = text.index("killed"), text.index("destroyed")
    assert scan.find(killed, killed + 6) == Negation(0, 6, "No one", "negation:none")
    assert scan.find(destroyed, destroyed + 9) == Negation(22, 29, "nothing", "negation:none")
    assert find_negation("", 0, 0) is None


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(
        ParameterError,
        match=r"The 'reach' parameter of find_negation must be one of .* Got 'clause' instead\.",
    ):
        find_negation("not war", 4, 7, reach="clause")
    with pytest.raises(
        ParameterError,
        match=r"must satisfy 0 <= start <= end <= len\(text\) = 7\. Got start=4 and end=9",
    ):
        find_negation("not war", 4, 9)
    with pytest.raises(
        ParameterError, match=r"The 'text' parameter of scan_negations must be a str\. Got bytes"
    ):
        scan_negations(b"not war")  # type: ignore[arg-type]


# One sentence per cue of the scan: each must be found (the scan looks for a cue only where one
# of its first words stands, so a cue missing from that word list would be silently lost).
EVERY_CUE = {
    "pseudo": ("It was not only war.", "war"),
    "after_rule_out": ("War is ruled out.", "War"),
    "after_off_table": ("War is off the table.", "War"),
    "after_prevent": ("War was narrowly averted.", "War"),
    "after_reject": ("War was flatly rejected.", "War"),
    "rule_out": ("Biden rules out war.", "war"),
    "refrain": ("Israel refrained from war.", "war"),
    "no_intention": ("Iran has no plans for war.", "war"),
    "deny": ("Iran denies reports of war.", "war"),
    "reject": ("Iran rejects war.", "war"),
    "avoid": ("Iran avoids war.", "war"),
    "prevent": ("Iran staved off war.", "war"),
    "stay_out": ("Jordan steers clear of war.", "war"),
    "refuse": ("Iran refuses to fight.", "fight"),
    "instead": ("Talks instead of war.", "war"),
    "against": ("Allies argued against war.", "war"),
    "hold_off": ("Israel backed away from war.", "war"),
    "fail_to": ("Iran failed to escalate.", "escalate"),
    "lack": ("Iran lacks arms.", "arms"),
    "none": ("Nowhere was war.", "war"),
    "neither": ("Neither wants war.", "war"),
    "not": ("Iran couldn\u2019t strike.", "strike"),
    "no": ("No war.", "war"),
    "never": ("Iran never struck.", "struck"),
    "without": ("Iran struck without warning.", "warning"),
    "hardly": ("Iran scarcely struck.", "struck"),
}


@pytest.mark.parametrize(("group", "example"), sorted(EVERY_CUE.items()))
def test_every_cue_is_found(group: str, example: tuple[str, str]) -> None:
    text, words = example
    start = text.index(words)
    rule = _RULES[group][0]
    found = find_negation(text, start, start + len(words))
    if group == "pseudo":
        assert found is None
        assert [cue.rule for cue in scan_negations(text)._before] == ["pseudo"]
    else:
        assert found is not None
        assert found.rule == rule


def test_every_cue_has_an_example() -> None:
    assert set(EVERY_CUE) == set(_RULES)
