"""Tests for toolkit.metrics.labels: loaded labels and the side they favour, on real sentences."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.metrics.families import run
from toolkit.codebooks import Codebook, builtin_codebook, load_codebook
from toolkit.errors import ParameterError
from toolkit.metrics.base import FamilyOutput

MENAFN_2 = "003_26c8a3c0485d93f9"


def _measure(text: str, title: str = "", codebook: Codebook | None = None) -> FamilyOutput:
    return run("labels", text, title=title, codebook=codebook)


def test_sample_article_labels_and_sides(sample_texts: dict[str, str]) -> None:
    text = sample_texts[MENAFN_2]
    result = _measure(text)
    found = [(e.text, e.category) for e in result.evidence]
    assert found[:4] == [
        ("aggression", "accusation:either"),
        ("Zionist regime", "delegitimising:iran_axis"),
        ("occupied lands", "accusation:iran_axis"),
        ("Zionist", "delegitimising:iran_axis"),
    ]
    # "the terrorist and occupying armies of the Zionist regime": 'terrorist' alone is "either".
    assert ("terrorist", "terrorism:either") in found
    assert ("martyr", "glorifying:iran_axis") in found
    values = result.values
    assert values["labels_all_count"] == 9.0
    assert values["labels_favours_iran_axis_count"] == 7.0
    assert values["labels_favours_either_count"] == 2.0
    assert values["labels_favours_israel_us_count"] == 0.0
    assert values["labels_delegitimising_count"] == 4.0
    assert all(text[e.start : e.end] == e.text for e in result.evidence)


def test_longer_phrase_carries_its_side() -> None:
    text = (
        "Officials condemned Iranian aggression. Tehran denounced Israeli aggression. "
        "Both sides traded accusations of aggression."
    )
    result = _measure(text)
    assert [(e.text, e.category) for e in result.evidence] == [
        ("Iranian aggression", "accusation:israel_us"),
        ("Israeli aggression", "accusation:iran_axis"),
        ("aggression", "accusation:either"),
    ]


def test_sanctions_regime_is_not_a_label() -> None:
    result = _measure("Washington tightened the sanctions regime while the regime in Tehran vowed.")
    assert [(e.text, e.rule) for e in result.evidence] == [
        ("regime in Tehran", "loaded_labels:iranian_regime")
    ]


def test_headline_and_keys() -> None:
    book = builtin_codebook("loaded_labels")
    result = _measure("", title="Zionist regime will regret aggression, says Tehran")
    assert result.value("all", "count", "headline") == 2.0
    assert result.values["labels_all_count"] == 2.0  # the article counts its headline
    assert {e.zone for e in result.evidence} == {"headline"}
    expected = {
        f"labels_{thing}_{kind}"
        for thing in ("all", *book.category_ids, *(f"favours_{s}" for s in book.side_ids))
        for kind in ("count", "per_1k")
    } | {"labels_all_negated_count"}
    assert set(result.values) == expected
    assert result.values["labels_all_per_1k"] == pytest.approx(2000 / 7)
    assert math.isnan(_measure("").values["labels_all_per_1k"])


def test_custom_labels_codebook(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(
        """\
name: my-labels
version: "1.0.0"
family: labels
description: Test.
citation: Me.
licence: CC0
sides:
  government: The government.
  rebels: The rebels.
categories:
  names:
    label: Names
    description: Names.
    entries:
      - id: thugs
        terms: [thugs]
        favours: government
      - id: freedom
        terms: [freedom fighters]
        favours: rebels
        weight: 2
""",
        encoding="utf-8",
    )
    result = _measure("Freedom fighters, not thugs.", codebook=load_codebook(path))
    assert result.values["labels_favours_rebels_count"] == 2.0
    # "not thugs" is negated: kept as evidence, counted only as negated.
    assert result.values["labels_favours_government_count"] == 0.0
    assert result.values["labels_all_negated_count"] == 1.0
    assert [(e.text, e.negated) for e in result.evidence] == [
        ("Freedom fighters", False),
        ("thugs", True),
    ]


def test_a_framing_codebook_is_refused() -> None:
    with pytest.raises(ParameterError, match="must be a codebook of family 'labels'"):
        _measure("Text.", codebook=builtin_codebook("framing"))
