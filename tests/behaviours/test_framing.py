"""Generic news frames (family ``framing``, codebook ``framing``; Semetko & Valkenburg 2000).

What counts: the indicator terms of the five frames, each an evidence row of category = frame.
A term in the scope of a negation is a row marked negated (counted apart, never in the frame's
count, score, share or the dominant frame). The prohibitions "should not" and "must not" carry
their own negation: they are never negated (``negatable: false``) but still negate what follows
them. Word sense guards reject the institution or name that shares a frame word ("war Cabinet",
"Justice Department", "Islamic Republic").
"""

from __future__ import annotations

import pytest

from tests.behaviours.measured import Row, measure, row, rows

NEGATION = [
    pytest.param(
        "The senator did not blame the governor.",
        [row("framing", "responsibility", "framing:responsible", "blame", 20, negated=True)],
        id="did not blame",
    ),
    pytest.param(
        "The ministers met without tension.",
        [row("framing", "conflict", "framing:tension", "tension", 26, negated=True)],
        id="without",
    ),
    pytest.param(
        "Neither party accepted responsibility.",
        [
            row(
                "framing",
                "responsibility",
                "framing:responsible",
                "responsibility",
                23,
                negated=True,
            )
        ],
        id="neither",
    ),
    pytest.param(
        "There is no hope of a deal.",
        [row("framing", "human_interest", "framing:emotion", "hope", 12, negated=True)],
        id="no hope",
    ),
    pytest.param(
        "The senator ruled out blame.",
        [row("framing", "responsibility", "framing:responsible", "blame", 22, negated=True)],
        id="rule out",
    ),
    pytest.param(
        "The senator refrained from blame.",
        [row("framing", "responsibility", "framing:responsible", "blame", 27, negated=True)],
        id="refrain from",
    ),
    pytest.param(
        "The senator has no intention of blaming the governor.",
        [row("framing", "responsibility", "framing:responsible", "blaming", 32, negated=True)],
        id="no intention of",
    ),
    pytest.param(
        "The senator denied plans to blame the governor.",
        [row("framing", "responsibility", "framing:responsible", "to blame", 25, negated=True)],
        id="deny ... plans",
    ),
    pytest.param(
        "The senator will not join any blame game.",
        [row("framing", "responsibility", "framing:responsible", "blame", 30, negated=True)],
        id="will not join",
    ),
    pytest.param(
        "The senator did not blame the governor, but voters blamed him.",
        [
            row("framing", "responsibility", "framing:responsible", "blame", 20, negated=True),
            row("framing", "responsibility", "framing:responsible", "blamed", 51),
        ],
        id="scope ends at a clause boundary",
    ),
    pytest.param(
        "The economy is not growing.",
        [row("framing", "economic_consequences", "framing:economy", "economy", 4)],
        id="a subject before the negator is not negated",
    ),
]

OPT_OUT = [
    pytest.param(
        "He did not say that voters should not worry.",
        [row("framing", "morality", "framing:prescription_negative", "should not", 27)],
        id="'should not' is never negated",
    ),
    pytest.param(
        "Officials said there should not be a wider war.",
        [
            row("framing", "morality", "framing:prescription_negative", "should not", 21),
            row("framing", "conflict", "framing:conflict", "war", 43, negated=True),
        ],
        id="'should not' still negates what follows",
    ),
]

SENSES = [
    pytest.param("Israel's war Cabinet met on Sunday.", [], id="war Cabinet"),
    pytest.param(
        "The war entered its third year.",
        [row("framing", "conflict", "framing:conflict", "war", 4)],
        id="war",
    ),
    pytest.param("The adviser has a conflict of interest.", [], id="conflict of interest"),
    pytest.param("The Justice Department opened a case.", [], id="Justice Department"),
    pytest.param(
        "They demanded justice for the victims.",
        [
            row("framing", "morality", "framing:moral", "justice", 14),
            row("framing", "human_interest", "framing:people_affected", "victims", 30),
        ],
        id="justice",
    ),
    pytest.param("The Islamic Republic fired drones.", [], id="Islamic Republic"),
    pytest.param(
        "Islamic scholars met in Cairo.",
        [row("framing", "morality", "framing:religion", "Islamic", 0)],
        id="Islamic",
    ),
    pytest.param("A criminal investigation began.", [], id="criminal investigation"),
    pytest.param(
        "The regime's leaders are criminals.",
        [row("framing", "morality", "framing:condemnation_label", "criminals", 25)],
        id="criminals",
    ),
    pytest.param("The painting was sold.", [], id="painting is not pain"),
    pytest.param("A row of seats was empty.", [], id="a row of seats"),
    pytest.param("They won three days in a row.", [], id="in a row"),
    pytest.param(
        "A row broke out over the plan.",
        [row("framing", "conflict", "framing:row", "row", 2)],
        id="a row: a quarrel",
    ),
    pytest.param("He works at CIBC Capital Markets.", [], id="Capital Markets"),
    pytest.param("Civilian workers were furloughed.", [], id="civilian workers"),
    pytest.param(
        "Civilians fled the town.",
        [row("framing", "human_interest", "framing:people_affected", "Civilians", 0)],
        id="civilians",
    ),
    pytest.param("Neighboring states voted.", [], id="neighboring states"),
    pytest.param("Sen. Mark Warner spoke.", [], id="Warner is not warn"),
    pytest.param(
        "Iran warned of a response.",
        [row("framing", "conflict", "framing:threat", "warned", 5)],
        id="warned",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NEGATION + OPT_OUT + SENSES)
def test_framing_rows(text: str, expected: list[Row]) -> None:
    assert rows("framing", text) == expected


def test_a_negated_term_is_counted_apart() -> None:
    measured = measure("The ministers met without tension. The feud went on.")
    assert measured.value("framing", "conflict", "count") == 1.0
    assert measured.value("framing", "conflict", "negated_count") == 1.0


def test_a_negated_term_does_not_make_the_dominant_frame() -> None:
    measured = measure("The senator did not blame the governor. Voters feared the worst.")
    assert measured.value("framing", "responsibility", "share") == 0.0
    assert measured.value("framing", "human_interest", "share") == 1.0
    assert measured.rows.document["framing_dominant_frame"] == "human_interest"
