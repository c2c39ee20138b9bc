"""Tests for toolkit.metrics.salience: actor mentions, positions and roles, on real sentences."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.codebooks import builtin_codebook
from toolkit.corpus.article import Article
from toolkit.metrics import salience
from toolkit.metrics.base import FamilyResult
from toolkit.text import segment

NEWSPUBLICY = "004_08f5dd3932140497"


def _measure(text: str, title: str = "Title") -> FamilyResult:
    return salience.measure(Article("doc", "Outlet", title, text, text, "test"), segment(text))


def _roles(result: FamilyResult) -> list[tuple[str, str]]:
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
    values = _measure(text, title).values
    # The file's first line is the same headline, so the US comes first in the text too.
    assert values["salience_united_states_first"] == 1.0
    assert values["salience_israel_first"] == 0.0
    assert values["salience_united_states_headline"] == 1.0
    assert values["salience_iran_headline"] == 1.0
    assert values["salience_israel_headline"] == 1.0
    assert values["salience_iran_agent_count"] == 2.0  # "Iran launched", "Iran's retaliatory"
    # "Strikes Against Iran" (headline line of the file) and "strikes on Iran".
    assert values["salience_iran_target_count"] == 2.0
    most = [
        a
        for a in salience.actor_ids(builtin_codebook("actors"))
        if values[f"salience_{a}_most"] == 1.0
    ]
    counts = {a: values[f"salience_{a}_count"] for a in ("israel", "iran", "united_states")}
    assert most == [max(counts, key=lambda a: counts[a])]
    assert values["salience_actors"] >= 3.0


def test_lead_is_the_first_two_sentences() -> None:
    text = "Iran struck. Israel waited. Israel then answered. Israel won."
    values = _measure(text).values
    assert values["salience_iran_lead"] == 1.0
    assert values["salience_israel_lead"] == 1.0
    assert values["salience_israel_count"] == 3.0
    assert values["salience_israel_most"] == 1.0 and values["salience_iran_most"] == 0.0
    assert values["salience_iran_first"] == 1.0


def test_no_actor_gives_nan_positions() -> None:
    values = _measure("Markets were calm on Monday.").values
    assert math.isnan(values["salience_iran_first"])
    assert math.isnan(values["salience_iran_most"])
    assert values["salience_iran_count"] == 0.0
    assert values["salience_actors"] == 0.0
    assert math.isnan(_measure("").values["salience_iran_per_1k"])


def test_actor_table_for_an_outlet() -> None:
    row = {"outlet": "A"}
    for actor, count in (("iran", 4.0), ("israel", 0.0)):
        for suffix in ("count", "agent_count"):
            row[f"salience_{actor}_{suffix}"] = count
        for suffix in (
            "per_1k",
            "agent_per_1k",
            "target_per_1k",
            "first",
            "most",
            "headline",
            "lead",
        ):
            row[f"salience_{actor}_{suffix}"] = count / 2
    table = salience.actor_table(pd.DataFrame([row]), "A")
    assert list(table.index) == ["iran"]
    assert table.loc["iran", "mentions per 1k words"] == 2.0


def test_a_segmented_headline_gives_the_same_counts() -> None:
    text = "Iran struck. Israel waited."
    title = "US and Israel weigh response to Iran"
    article = Article("doc", "Outlet", title, text, text, "test")
    result = salience.measure(article, segment(text), headline=segment(title))
    assert result == _measure(text, title=title)
    headline = {a: result.values[f"salience_{a}_headline"] for a in ("iran", "israel")}
    assert headline == {"iran": 1.0, "israel": 1.0}
    assert result.values["salience_united_states_headline"] == 1.0  # "US" passes `capitalised`
    assert _measure(text, title="Talks with us").values["salience_united_states_headline"] == 0.0
