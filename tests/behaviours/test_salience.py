"""Actor salience and roles (family ``salience``, codebook ``actors``; Entman 1993).

What counts: every mention of an actor (category ``<actor>``) and, by word order, the actor as
agent ("Israel attacked") or target ("attacked Iran", "Iran was attacked") of an action
(category ``<actor>:agent`` / ``<actor>:target``, spanning actor and action). A role whose action
is negated or rejected is a row marked negated and counts in no role measure; a mention is never
negated (a story that says "Israel did not attack" still names Israel).
"""

from __future__ import annotations

import pytest

from tests.behaviours.measured import Row, measure, row, rows


def _mention(actor: str, cue: str, start: int) -> Row:
    return row("salience", actor, f"actors:{actor}", cue, start)


def _role(
    actor: str, role: str, cue: str, start: int, *, negated: bool = True, action: str = "attack"
) -> Row:
    return row(
        "salience",
        f"{actor}:{role}",
        f"actors:{actor}+actors:{action}",
        cue,
        start,
        negated=negated,
    )


ISRAEL = _mention("israel", "Israel", 0)
IRAN = "iran"

NEGATION = [
    pytest.param(
        "Israel did not attack Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 22),
            _role("israel", "agent", "Israel did not attack", 0),
            _role(IRAN, "target", "attack Iran", 15),
        ],
        id="plain negator",
    ),
    pytest.param(
        "Iran was not attacked.",
        [_mention(IRAN, "Iran", 0), _role(IRAN, "target", "Iran was not attacked", 0)],
        id="negated passive",
    ),
    pytest.param(
        "Israel ruled out attacking Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 27),
            _role(IRAN, "target", "attacking Iran", 17),
        ],
        id="rule out",
    ),
    pytest.param(
        "Israel refrained from attacking Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 32),
            _role(IRAN, "target", "attacking Iran", 22),
        ],
        id="refrain from",
    ),
    pytest.param(
        "Israel has no intention of attacking Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 37),
            _role(IRAN, "target", "attacking Iran", 27),
        ],
        id="no intention of",
    ),
    pytest.param(
        "Israel denied plans to attack Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 30),
            _role(IRAN, "target", "attack Iran", 23),
        ],
        id="deny ... plans",
    ),
    pytest.param(
        "Israel will not join an attack on Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 34),
            _role(IRAN, "target", "attack on Iran", 24),
        ],
        id="will not join",
    ),
    pytest.param(
        "Israel did not attack Iran, but Hezbollah attacked Israel.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 22),
            _mention("hezbollah", "Hezbollah", 32),
            _mention("israel", "Israel", 51),
            _role("israel", "agent", "Israel did not attack", 0),
            _role(IRAN, "target", "attack Iran", 15),
            _role("hezbollah", "agent", "Hezbollah attacked", 32, negated=False),
            _role("israel", "target", "attacked Israel", 42, negated=False),
        ],
        id="scope ends at a clause boundary",
    ),
    pytest.param(
        "Israel ruled out attacking Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 27),
            _role("israel", "agent", "Israel ruled out attacking", 0),
            _role(IRAN, "target", "attacking Iran", 17),
        ],
        id="the subject of 'rule out' is the negated agent",
        marks=pytest.mark.xfail(
            strict=True,
            reason="roles come from word order: an agent must be followed by the action after "
            "at most three auxiliaries or adverbs, so the subject of 'ruled out attacking' is "
            "no agent (no parser)",
        ),
    ),
]


ROLES = [
    pytest.param(
        "Israel attacked Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 16),
            _role("israel", "agent", "Israel attacked", 0, negated=False),
            _role(IRAN, "target", "attacked Iran", 7, negated=False),
        ],
        id="agent before the action, target after it",
    ),
    pytest.param(
        "Iran was attacked by Israel.",
        [
            _mention(IRAN, "Iran", 0),
            _mention("israel", "Israel", 21),
            _role(IRAN, "target", "Iran was attacked", 0, negated=False),
            _role("israel", "agent", "attacked by Israel", 9, negated=False),
        ],
        id="passive: subject is the target, 'by' gives the agent",
    ),
    pytest.param(
        "Israel was attacking Iran.",
        [
            ISRAEL,
            _mention(IRAN, "Iran", 21),
            _role("israel", "agent", "Israel was attacking", 0, negated=False),
            _role(IRAN, "target", "attacking Iran", 11, negated=False),
        ],
        id="progressive 'was attacking' is active, not passive",
    ),
    pytest.param(
        "The Iran sanctions hurt exports.",
        [
            _mention(IRAN, "Iran", 4),
            _role(IRAN, "target", "Iran sanctions", 4, negated=False, action="threaten"),
        ],
        id="a noun compound '<actor> sanctions' names the target",
        marks=pytest.mark.xfail(
            strict=True,
            reason="roles come from word order: an actor right before an action word is read "
            "as its agent, so 'the Iran sanctions' (like 'Syria strike', 'Iraq invasion') makes "
            "Iran the agent",
        ),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEGATION + ROLES)
def test_salience_rows(text: str, expected: list[Row]) -> None:
    assert rows("salience", text) == expected


def test_a_name_that_begins_like_an_action_word_is_no_action() -> None:
    # "warn" is a threat; the senator Mark Warner is not (actors 2.1.1 lists warn's forms).
    assert rows("salience", "Warner on Israel: the aid must continue.") == [
        _mention("israel", "Israel", 10)
    ]


def test_a_negated_role_counts_in_no_role_measure() -> None:
    measured = measure("Israel did not attack Iran. Hezbollah attacked Israel.")
    assert measured.value("salience", "israel", "count") == 2.0
    assert measured.value("salience", "israel", "agent_count") == 0.0
    assert measured.value("salience", "israel", "target_count") == 1.0
    assert measured.value("salience", "iran", "target_count") == 0.0
