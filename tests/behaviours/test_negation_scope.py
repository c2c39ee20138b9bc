"""Negation and rejection scope, as every lexicon family but hedging reads it.

A frame, label or role term in the scope of a negation ("not", "no", "never", "n't",
"without", ...) or of a rejection ("rule out", "refrain from", "no intention of", "deny ...
plans", "avoid", ...) is an evidence row with ``negated`` True: kept, but counted apart. The
scope runs forward from the cue over a few words of the same clause; it ends at punctuation and
at clause words ("and", "but", "which", "whether", ...); pseudo-negations ("not only", "not the
first") and double negations ("did not rule out") negate nothing; a rejection after the term
("retaliation has been ruled out") negates it too. The conflict frames carry most cases here:
their escalation terms are what the issue found counted in stories about restraint. Entries
that carry their own negation ("not take part", "no casualties": ``negatable: false``) are never
negated.
"""

from __future__ import annotations

import pytest

from tests.behaviours.measured import Row, row, rows


def _retaliation(cue: str, start: int, *, negated: bool) -> Row:
    return row(
        "conflict",
        "escalation_retaliation",
        "conflict_frames:retaliation",
        cue,
        start,
        negated=negated,
    )


def _not_join(start: int) -> Row:
    return row(
        "conflict", "restraint_diplomacy", "conflict_frames:non_participation", "not join", start
    )


REJECTIONS = [
    pytest.param(
        "The US will not join any counterattack.",
        [_not_join(12), _retaliation("counterattack", 25, negated=True)],
        id="will not join any counterattack",
    ),
    pytest.param(
        "Tehran ruled out a counterattack for now.",
        [_retaliation("counterattack", 19, negated=True)],
        id="rule out",
    ),
    pytest.param(
        "Israel refrained from any counterattack.",
        [
            row("conflict", "restraint_diplomacy", "conflict_frames:restraint", "refrained", 7),
            _retaliation("counterattack", 26, negated=True),
        ],
        id="refrain from",
    ),
    pytest.param(
        "Israel has no intention of retaliating.",
        [_retaliation("retaliating", 27, negated=True)],
        id="no intention of",
    ),
    pytest.param(
        "Iran has no plans for a counterattack.",
        [_retaliation("counterattack", 24, negated=True)],
        id="no plans for",
    ),
    pytest.param(
        "Officials denied plans for a counterattack.",
        [_retaliation("counterattack", 29, negated=True)],
        id="deny ... plans",
    ),
    pytest.param(
        "Iran denied reports of a counterattack.",
        [_retaliation("counterattack", 25, negated=True)],
        id="deny reports of",
    ),
    pytest.param(
        "Iran declined to retaliate.",
        [_retaliation("retaliate", 17, negated=True)],
        id="decline to",
    ),
    pytest.param(
        "Israel held off on retaliation.",
        [_retaliation("retaliation", 19, negated=True)],
        id="hold off on",
    ),
    pytest.param(
        "Israel stopped short of a counterattack.",
        [_retaliation("counterattack", 26, negated=True)],
        id="stop short of",
    ),
    pytest.param(
        "The EU urged restraint rather than retaliation.",
        [
            row("conflict", "restraint_diplomacy", "conflict_frames:restraint", "restraint", 13),
            _retaliation("retaliation", 35, negated=True),
        ],
        id="rather than",
    ),
    pytest.param(
        "The US urged Israel not to retaliate.",
        [_retaliation("retaliate", 27, negated=True)],
        id="urged X not to",
    ),
    pytest.param(
        "The ministers parted without a counterattack.",
        [_retaliation("counterattack", 31, negated=True)],
        id="without",
    ),
    pytest.param(
        "There was no retaliation.", [_retaliation("retaliation", 13, negated=True)], id="no"
    ),
    pytest.param(
        "Iran won't retaliate.", [_retaliation("retaliate", 11, negated=True)], id="n't contracted"
    ),
    pytest.param(
        "Iran cannot retaliate.", [_retaliation("retaliate", 12, negated=True)], id="cannot"
    ),
    pytest.param(
        "Israel never retaliated.", [_retaliation("retaliated", 13, negated=True)], id="never"
    ),
    pytest.param(
        "Iran has not yet retaliated.",
        [_retaliation("retaliated", 17, negated=True)],
        id="'yet' does not end the scope",
    ),
    pytest.param(
        "The US will not join or back any counterattack.",
        [_not_join(12), _retaliation("counterattack", 33, negated=True)],
        id="'or' does not end the scope",
    ),
]

AFTER_THE_TERM = [
    pytest.param(
        "Retaliation has been ruled out.",
        [_retaliation("Retaliation", 0, negated=True)],
        id="has been ruled out",
    ),
    pytest.param(
        "Retaliation is off the table.",
        [_retaliation("Retaliation", 0, negated=True)],
        id="is off the table",
    ),
    pytest.param(
        "A wider war was averted.",
        [
            row(
                "conflict",
                "escalation_retaliation",
                "conflict_frames:wider_war",
                "wider war",
                2,
                negated=True,
            )
        ],
        id="was averted",
    ),
    pytest.param(
        "The counterattack did not cause damage.",
        [_retaliation("counterattack", 4, negated=False)],
        id="a plain 'not' after the term does not deny it",
    ),
]

SCOPE_ENDS = [
    pytest.param(
        "Israel will not join any counterattack and urged restraint.",
        [
            _not_join(12),
            _retaliation("counterattack", 25, negated=True),
            row("conflict", "restraint_diplomacy", "conflict_frames:restraint", "restraint", 49),
        ],
        id="at 'and'",
    ),
    pytest.param(
        "Iran did not retaliate, Israel said, but a counterattack followed.",
        [
            _retaliation("retaliate", 13, negated=True),
            _retaliation("counterattack", 43, negated=False),
        ],
        id="at a comma and 'but'",
    ),
    pytest.param(
        "Iran has not retaliated, though it vowed revenge.",
        [_retaliation("retaliated", 13, negated=True), _retaliation("revenge", 41, negated=False)],
        id="at 'though'",
    ),
    pytest.param(
        "Iran did not say whether revenge would follow.",
        [_retaliation("revenge", 25, negated=False)],
        id="at 'whether'",
    ),
    pytest.param(
        "Iran will not retaliate \u2014 it will negotiate a truce.",
        [
            _retaliation("retaliate", 14, negated=True),
            row("conflict", "restraint_diplomacy", "conflict_frames:diplomacy", "negotiate", 34),
            row("conflict", "restraint_diplomacy", "conflict_frames:diplomacy", "truce", 46),
        ],
        id="at a dash",
    ),
    pytest.param(
        "There was no counterattack. Retaliation came later.",
        [
            _retaliation("counterattack", 13, negated=True),
            _retaliation("Retaliation", 28, negated=False),
        ],
        id="at the end of the sentence",
    ),
    pytest.param(
        "Israel did not say so on Monday or on Tuesday yet it retaliated.",
        [_retaliation("retaliated", 53, negated=False)],
        id="after six words",
    ),
]

PSEUDO_AND_DOUBLE_NEGATIONS = [
    pytest.param(
        "It was not the first retaliation.",
        [_retaliation("retaliation", 21, negated=False)],
        id="pseudo: not the first",
    ),
    pytest.param(
        "The response was not just retaliation.",
        [_retaliation("retaliation", 26, negated=False)],
        id="pseudo: not just",
    ),
    pytest.param(
        "Not surprisingly, retaliation came quickly.",
        [_retaliation("retaliation", 18, negated=False)],
        id="pseudo: not surprisingly",
    ),
    pytest.param(
        "Whether or not Israel retaliates, the region waits.",
        [_retaliation("retaliates", 22, negated=False)],
        id="pseudo: whether or not",
    ),
    pytest.param(
        "Iran did not rule out a counterattack.",
        [_retaliation("counterattack", 24, negated=False)],
        id="double: did not rule out",
    ),
    pytest.param(
        "A counterattack cannot be ruled out.",
        [_retaliation("counterattack", 2, negated=False)],
        id="double: cannot be ruled out",
    ),
    pytest.param(
        "Israel refused to rule out retaliation.",
        [_retaliation("retaliation", 27, negated=False)],
        id="double: refused to rule out",
    ),
    pytest.param(
        "Israel failed to prevent a counterattack.",
        [_retaliation("counterattack", 27, negated=False)],
        id="double: failed to prevent",
    ),
    pytest.param(
        "Israel did not hesitate to retaliate.",
        [_retaliation("retaliate", 27, negated=False)],
        id="pseudo: did not hesitate to",
    ),
]


OPT_OUT = [
    pytest.param(
        "Washington will not take part.",
        [
            row(
                "conflict",
                "restraint_diplomacy",
                "conflict_frames:non_participation",
                "not take part",
                16,
            )
        ],
        id="restraint entry 'not take part' carries its negation and is never negated",
    ),
    pytest.param(
        "There were no casualties.",
        [row("conflict", "defensive_success", "conflict_frames:no_damage", "no casualties", 11)],
        id="'no casualties' is a finding of its own, never negated",
    ),
]


SENSES = [
    pytest.param("The death penalty was abolished.", [], id="death penalty is no casualty"),
    pytest.param(
        "Two people were killed.",
        [row("conflict", "humanitarian_cost", "conflict_frames:casualties", "killed", 16)],
        id="killed is a casualty",
    ),
    pytest.param("Israel's war Cabinet met.", [], id="war Cabinet is no escalation"),
    pytest.param(
        "The Pacific Fleet sailed. Thousands fled the city.",
        [row("conflict", "humanitarian_cost", "conflict_frames:displacement", "fled", 36)],
        id="Fleet is not flee",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    REJECTIONS + AFTER_THE_TERM + SCOPE_ENDS + PSEUDO_AND_DOUBLE_NEGATIONS + OPT_OUT + SENSES,
)
def test_conflict_rows(text: str, expected: list[Row]) -> None:
    assert rows("conflict", text) == expected


def test_a_negation_negates_the_term_not_the_event_it_happened_in() -> None:
    """'No one was killed in the attack': the killing is denied, the attack took place."""
    assert rows("conflict", "No one was killed in the attack.") == [
        row(
            "conflict",
            "humanitarian_cost",
            "conflict_frames:casualties",
            "killed",
            11,
            negated=True,
        )
    ]


@pytest.mark.xfail(
    strict=True,
    reason="the scope is six words of the clause, not the negated predicate's arguments: "
    "'attack' in the adjunct 'in the attack' is marked negated",
)
def test_an_adjunct_after_a_negated_predicate_is_not_negated() -> None:
    assert rows("framing", "No one was killed in the attack.") == [
        row("framing", "conflict", "framing:disagreement", "attack", 25)
    ]
