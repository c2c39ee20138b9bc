from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.compare.intervals import (
    Bootstrap,
    evidence_units,
    family_intervals,
    rate_intervals,
    resampling_note,
)
from toolkit.errors import ParameterError


def test_rates_equal_the_analysis_rates(analysis, sentences: pd.DataFrame) -> None:
    table = family_intervals(analysis.evidence, sentences, "framing").set_index(
        ["measure", "outlet"]
    )
    # Rates of the body: headline evidence and words are left out.
    evidence = analysis.evidence
    menafn = evidence[
        (evidence["outlet"] == "MENAFN")
        & (evidence["family"] == "framing")
        & (evidence["category"] == "conflict")
        & (evidence["zone"] != "headline")
    ]
    body_words = sentences[sentences["outlet"] == "MENAFN"]["n_words"].sum()
    assert table.loc[("conflict", "MENAFN"), "rate"] == pytest.approx(
        1000 * len(menafn) / body_words
    )
    assert table.loc[("conflict", "The Voice"), "rate"] == pytest.approx(1000 * 13 / 420)


def test_units_are_articles_for_menafn_and_sentences_for_single_article_outlets(
    analysis, sentences: pd.DataFrame
) -> None:
    table = family_intervals(analysis.evidence, sentences, "framing")
    units = table.drop_duplicates("outlet").set_index("outlet")["unit"].to_dict()
    assert units == {
        "MENAFN": "articles",
        "NewsPublicy": "sentences",
        "The Voice": "sentences",
        "Unusual Whales": "sentences",
    }
    assert table["small_sample"].all()  # no outlet has five articles
    note = resampling_note(table)
    assert "**articles** for MENAFN" in note
    assert "NewsPublicy, The Voice, Unusual Whales" in note


def test_interval_contains_the_rate_and_is_reproducible(analysis, sentences: pd.DataFrame) -> None:
    first = family_intervals(analysis.evidence, sentences, "framing")
    second = family_intervals(analysis.evidence, sentences, "framing")
    pd.testing.assert_frame_equal(first, second)
    voice = first[(first["outlet"] == "The Voice") & (first["measure"] == "conflict")].iloc[0]
    assert voice["low"] < voice["rate"] < voice["high"]
    assert voice["se"] > 0


def test_an_outlet_keeps_its_interval_when_others_are_added() -> None:
    units = pd.DataFrame(
        {
            "outlet": ["A"] * 4 + ["B"] * 3,
            "doc_id": ["a1", "a2", "a3", "a4", "b1", "b2", "b3"],
            "unit": ["articles"] * 7,
            "n_words": [100, 200, 150, 50, 100, 100, 100],
            "hedges": [1, 4, 0, 2, 5, 6, 7],
        }
    )
    both = rate_intervals(units, ["hedges"])
    alone = rate_intervals(units[units["outlet"] == "A"], ["hedges"])
    assert both[both["outlet"] == "A"].reset_index(drop=True).equals(alone)
    assert alone.loc[0, "rate"] == pytest.approx(1000 * 7 / 500)


def test_an_outlet_without_words_gets_nan_not_zero() -> None:
    units = pd.DataFrame(
        {
            "outlet": ["A", "A"],
            "doc_id": ["a", "b"],
            "unit": ["articles"] * 2,
            "n_words": [0, 0],
            "hedges": [0, 0],
        }
    )
    row = rate_intervals(units, ["hedges"]).iloc[0]
    assert math.isnan(row["rate"]) and math.isnan(row["low"])


def test_unknown_category_and_bad_settings_are_rejected(analysis, sentences) -> None:
    with pytest.raises(ParameterError, match="nonsense"):
        evidence_units(analysis.evidence, sentences, "framing", categories=["nonsense"])
    with pytest.raises(ParameterError, match="n_boot"):
        Bootstrap(n_boot=10)
