"""Tests for toolkit.metrics.base: the evidence record, measures, zones and rates."""

from __future__ import annotations

import math
import pickle

import pytest

from tests.metrics.families import article
from toolkit.metrics.base import (
    ArticleText,
    Evidence,
    FamilyOutput,
    Measure,
    count_measures,
    per_thousand,
    wide_name,
)


def test_evidence_is_an_immutable_record_built_by_position_or_keyword() -> None:
    by_position = Evidence("hedging", "modal", "hedging:may", "lead", 5, 8, "may")
    by_keyword = Evidence(
        family="hedging",
        category="modal",
        rule="hedging:may",
        zone="lead",
        start=5,
        end=8,
        text="may",
        weight=1.0,
        negated=False,
    )
    assert by_position == by_keyword
    assert hash(by_position) == hash(by_keyword)
    assert (by_position.weight, by_position.negated) == (1.0, False)
    assert by_position._replace(weight=2.0).weight == 2.0
    assert pickle.loads(pickle.dumps(by_position)) == by_position
    with pytest.raises(AttributeError):
        by_position.start = 6  # type: ignore[misc]
    with pytest.raises(TypeError):
        Evidence("hedging", "modal", "hedging:may", "lead", 5, 8)  # type: ignore[call-arg]


def test_per_thousand_is_nan_without_words() -> None:
    assert per_thousand(3, 1500) == 2.0
    assert math.isnan(per_thousand(3, 0))


def test_zones_lead_and_words() -> None:
    text = ArticleText(
        article("One two three. Four five. Six seven eight nine.", title="Big news today")
    )
    assert text.lead_end == len("One two three. Four five.")
    assert [text.body_zone(end) for end in (3, 25, 26, 48)] == ["lead", "lead", "body", "body"]
    assert (text.words("headline"), text.words("lead"), text.words("article")) == (3, 5, 12)
    assert text.zone_text("headline") == "Big news today"
    assert text.folded_headline == " big news today"


def test_count_measures_count_every_zone_and_skip_negated_rows() -> None:
    text = ArticleText(article("Iran may strike. Israel may not. Talks may resume.", title="May?"))
    evidence = [
        Evidence("f", "modal", "r", "headline", 0, 3, "May"),
        Evidence("f", "modal", "r", "lead", 5, 8, "may"),
        Evidence("f", "modal", "r", "lead", 24, 27, "may", negated=True),
        Evidence("f", "modal", "r", "body", 39, 42, "may", weight=0.5),
    ]
    measures = count_measures(text, ("modal", "other"), evidence)
    output = FamilyOutput("f", measures, evidence)
    assert output.value("modal") == 2.5
    assert output.value("modal", "count", "headline") == 1.0
    assert output.value("modal", "count", "lead") == 1.0
    assert output.value("modal", "per_1k") == pytest.approx(2500 / 10)
    assert output.value("other") == 0.0
    assert output.values == {
        "f_modal_count": 2.5,
        "f_modal_per_1k": 250.0,
        "f_other_count": 0.0,
        "f_other_per_1k": 0.0,
        "f_modal_negated_count": 1.0,
        "f_other_negated_count": 0.0,
    }
    assert Measure("headline", "modal", "count", 1.0) in measures


def test_wide_names() -> None:
    assert wide_name("hedging", "hedges", "count") == "hedging_hedges_count"
    assert wide_name("hedging", "hedges", "count", "headline") == "hedging_hedges_headline_count"
    assert wide_name("tone", "compound", "mean") == "tone_compound_mean"
