"""Loaded labels (family ``labels``, codebook ``loaded_labels``).

What counts: a label that delegitimises, glorifies or accuses ("regime", "martyrs",
"aggression"), each an evidence row of category ``<kind>:<side>``. A label in the scope of a
negation or rejection ("did not call them martyrs", "refrained from calling ... a regime") is a
row marked negated, counted apart; the scope ends at a clause boundary. Word sense guards reject
"regime" for a set of rules ("the sanctions regime").
"""

from __future__ import annotations

import pytest

from tests.behaviours.measured import Row, row, rows


def _martyrs(start: int, *, negated: bool = True) -> Row:
    return row(
        "labels", "glorifying:iran_axis", "loaded_labels:martyr", "martyrs", start, negated=negated
    )


NEGATION = [
    pytest.param("Tehran did not call them martyrs.", [_martyrs(25)], id="plain negator"),
    pytest.param("Tehran ruled out calling them martyrs.", [_martyrs(30)], id="rule out"),
    pytest.param("Tehran refrained from calling them martyrs.", [_martyrs(35)], id="refrain from"),
    pytest.param(
        "Tehran has no intention of calling them martyrs.", [_martyrs(40)], id="no intention of"
    ),
    pytest.param("Tehran denied plans to call them martyrs.", [_martyrs(33)], id="deny ... plans"),
    pytest.param(
        "Tehran will not join any resistance.",
        [
            row(
                "labels",
                "glorifying:iran_axis",
                "loaded_labels:resistance",
                "resistance",
                25,
                negated=True,
            )
        ],
        id="will not join",
    ),
    pytest.param("Tehran spoke without calling them martyrs.", [_martyrs(34)], id="without"),
    pytest.param(
        "Tehran did not call them martyrs, but Hamas called them heroes.",
        [
            _martyrs(25),
            row("labels", "glorifying:either", "loaded_labels:heroes", "heroes", 56),
        ],
        id="scope ends at a clause boundary",
    ),
    pytest.param(
        "Hamas called the fighters martyrs.", [_martyrs(26, negated=False)], id="not negated"
    ),
]

SENSES = [
    pytest.param(
        "The Iranian regime fired drones.",
        [
            row(
                "labels",
                "delegitimising:israel_us",
                "loaded_labels:iranian_regime",
                "Iranian regime",
                4,
            )
        ],
        id="regime: a government",
    ),
    pytest.param("The sanctions regime was tightened.", [], id="regime: a set of rules"),
]


@pytest.mark.parametrize(("text", "expected"), NEGATION + SENSES)
def test_label_rows(text: str, expected: list[Row]) -> None:
    assert rows("labels", text) == expected
