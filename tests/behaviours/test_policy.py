"""Policy frames (family ``policy``, codebook ``policy_frames``; Boydstun et al. 2014).

What counts: the indicator terms of the 15 frame dimensions, each an evidence row of category =
dimension. A term in the scope of a negation or rejection is a row marked negated, counted
apart; the country names (entry ``places``) are never negated ("not Iran" still names Iran).
Word sense guards keep "death penalty" a punishment and nothing else.
"""

from __future__ import annotations

import pytest

from tests.behaviours.measured import Row, row, rows


def _taxes(cue: str, start: int, *, negated: bool = True) -> Row:
    return row("policy", "economic", "policy_frames:budget", cue, start, negated=negated)


def _office(cue: str, start: int) -> Row:
    return row("policy", "political", "policy_frames:government", cue, start)


NEGATION = [
    pytest.param(
        "The bill did not raise taxes.",
        [_office("bill", 4), _taxes("taxes", 23)],
        id="plain negator",
    ),
    pytest.param(
        "The senator ruled out new taxes.",
        [_office("senator", 4), _taxes("taxes", 26)],
        id="rule out",
    ),
    pytest.param(
        "The senator refrained from new taxes.",
        [_office("senator", 4), _taxes("taxes", 31)],
        id="refrain from",
    ),
    pytest.param(
        "The mayor has no intention of raising taxes.",
        [_office("mayor", 4), _taxes("taxes", 38)],
        id="no intention of",
    ),
    pytest.param(
        "The mayor denied plans to raise taxes.",
        [
            _office("mayor", 4),
            row("policy", "policy_prescription", "policy_frames:proposals", "plans", 17),
            _taxes("taxes", 32),
        ],
        id="deny ... plans",
    ),
    pytest.param("The US will not join any tax hike.", [_taxes("tax", 25)], id="will not join"),
    pytest.param(
        "The bill passed without new taxes.",
        [_office("bill", 4), _taxes("taxes", 28)],
        id="without",
    ),
    pytest.param(
        "The bill did not raise taxes, but it cut spending.",
        [
            _office("bill", 4),
            _taxes("taxes", 23),
            row("policy", "economic", "policy_frames:money", "spending", 41),
        ],
        id="scope ends at a clause boundary",
    ),
    pytest.param(
        "Israel did not attack Iran.",
        [
            row("policy", "external_regulation", "policy_frames:places", "Israel", 0),
            row("policy", "security_defense", "policy_frames:security", "attack", 15, negated=True),
            row("policy", "external_regulation", "policy_frames:places", "Iran", 22),
        ],
        id="opt-out: a country name is never negated",
    ),
]

SENSES = [
    pytest.param(
        "The death penalty was abolished.",
        [row("policy", "crime_punishment", "policy_frames:punishment", "penalty", 10)],
        id="death penalty is a punishment, not a death",
    ),
    pytest.param(
        "The death toll rose.",
        [row("policy", "health_safety", "policy_frames:safety", "death toll", 4)],
        id="death toll",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEGATION + SENSES)
def test_policy_rows(text: str, expected: list[Row]) -> None:
    assert rows("policy", text) == expected
