"""Tests for toolkit.metrics.salience: actor mentions, positions and roles, on real sentences."""

from __future__ import annotations

import math

import pytest

from tests.metrics.families import run
from toolkit.codebooks import builtin_codebook
from toolkit.metrics import salience
from toolkit.metrics.base import FamilyOutput

NEWSPUBLICY = "004_08f5dd3932140497"


def _measure(text: str, title: str = "") -> FamilyOutput:
    return run("salience", text, title=title)


def _roles(result: FamilyOutput) -> list[tuple[str, str]]:
    return [(e.text, e.category) for e in result.evidence if ":" in e.category]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran launched over 300 drones and missiles.", [("Iran launched", "iran:agent")]),
        ("Iran's attack caused little damage.", [("Iran's attack", "iran:agent")]),
        (
            "Israel has repeatedly struck targets.",
            [("Israel has repeatedly struck", "israel:agent")],
        ),
        (
            "Iran attacked Israel overnight.",
            [("Iran attacked", "iran:agent"), ("attacked Israel", "israel:target")],
        ),
        ("the US would not join strikes on Iran", [("strikes on Iran", "iran:target")]),
        (
            "Iran fired missiles and drones at Israel.",
            [
                ("Iran fired", "iran:agent"),
                ("fired missiles and drones at Israel", "israel:target"),
            ],
        ),
        (
            "Israel was attacked by Iran.",
            [("Israel was attacked", "israel:target"), ("attacked by Iran", "iran:agent")],
        ),
        ("Israel and Iran held talks.", []),
        ("Let us hope that calm holds.", []),
    ],
)
def test_agent_and_target_rules(text: str, expected: list[tuple[str, str]]) -> None:
    result = _measure(text)
    assert _roles(result) == expected
    assert all(text[e.start : e.end] == e.text for e in result.evidence)


def test_sample_article_salience(sample_texts: dict[str, str]) -> None:
    text = sample_texts[NEWSPUBLICY]
    title = "US Informs Israel: No Participation in Retaliatory Strikes Against Iran"
    result = _measure(text, title)
    values = result.values
    # The headline names the US first.
    assert values["salience_united_states_first"] == 1.0
    assert values["salience_israel_first"] == 0.0
    headline = {a: result.value(a, "count", "headline") for a in ("united_states", "iran")}
    assert headline == {"united_states": 1.0, "iran": 1.0}
    assert result.value("israel", "count", "headline") == 1.0
    assert values["salience_iran_agent_count"] == 2.0  # "Iran launched", "Iran's retaliatory"
    # "Strikes Against Iran" in the headline and in the file's first line, "strikes on Iran".
    # "No Participation in Retaliatory Strikes Against Iran" (the headline and the file's first
    # line) and "not participate in strikes on Iran": every reading of Iran as a target is
    # negated, so kept as evidence but not counted.
    assert values["salience_iran_target_count"] == 0.0
    negated = [(e.zone, e.text) for e in result.evidence if e.negated]
    assert ("headline", "Strikes Against Iran") in negated
    assert len(negated) == 3
    most = [
        a
        for a in salience.actor_ids(builtin_codebook("actors"))
        if values[f"salience_{a}_most"] == 1.0
    ]
    counts = {a: values[f"salience_{a}_count"] for a in ("israel", "iran", "united_states")}
    assert most == [max(counts, key=lambda a: counts[a])]
    assert values["salience_actors_distinct"] >= 3.0


def test_lead_is_the_first_two_sentences() -> None:
    text = "Iran struck. Israel waited. Israel then answered. Israel won."
    result = _measure(text)
    values = result.values
    assert result.value("iran", "count", "lead") == 1.0
    assert result.value("israel", "count", "lead") == 1.0
    assert values["salience_israel_count"] == 3.0
    assert values["salience_israel_most"] == 1.0 and values["salience_iran_most"] == 0.0
    assert values["salience_iran_first"] == 1.0


def test_no_actor_gives_nan_positions() -> None:
    values = _measure("Markets were calm on Monday.").values
    assert math.isnan(values["salience_iran_first"])
    assert math.isnan(values["salience_iran_most"])
    assert values["salience_iran_count"] == 0.0
    assert values["salience_actors_distinct"] == 0.0
    assert math.isnan(_measure("").values["salience_iran_per_1k"])


def test_headline_mentions_count_in_the_headline_zone() -> None:
    text = "Iran struck. Israel waited."
    result = _measure(text, title="US and Israel weigh response to Iran")
    headline = {a: result.value(a, "count", "headline") for a in ("iran", "israel")}
    assert headline == {"iran": 1.0, "israel": 1.0}
    assert result.value("united_states", "count", "headline") == 1.0  # "US" is `capitalised`
    assert result.values["salience_israel_count"] == 2.0  # headline and body
    lowered = _measure(text, title="Talks with us")
    assert lowered.value("united_states", "count", "headline") == 0.0
