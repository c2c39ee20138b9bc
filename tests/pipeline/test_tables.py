"""The table specs, outlet totals, the wide layout, sentence context and the data dictionary."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from toolkit.pipeline.dictionary import data_dictionary
from toolkit.pipeline.tables import (
    combine_partials,
    frame,
    in_context,
    outlet_partials,
    outlet_table,
    table_names,
    wide,
)

DICTIONARY = Path(__file__).resolve().parents[2] / "docs" / "data-dictionary.md"


def _measures(rows: list[tuple[str, str, str, str, str, str, float]]) -> pd.DataFrame:
    return frame("measures", rows)


def test_every_table_has_a_fixed_schema_even_when_empty() -> None:
    assert table_names() == (
        "documents",
        "measures",
        "evidence",
        "sentences",
        "attributions",
        "outlets",
        "rejected",
        "removals",
    )
    empty = frame("evidence", [])
    assert list(empty.columns)[:4] == ["doc_id", "outlet", "family", "category"]
    assert str(empty["start"].dtype) == "int64"
    assert str(empty["negated"].dtype) == "bool"


def test_outlet_totals_sum_counts_pool_rates_and_average_the_rest() -> None:
    measures = _measures(
        [
            ("d1", "A", "article", "text", "words", "count", 1000.0),
            ("d1", "A", "article", "hedging", "hedges", "count", 5.0),
            ("d1", "A", "article", "hedging", "hedges", "per_1k", 5.0),
            ("d1", "A", "article", "tone", "compound", "mean", 0.5),
            ("d2", "A", "article", "text", "words", "count", 3000.0),
            ("d2", "A", "article", "hedging", "hedges", "count", 3.0),
            ("d2", "A", "article", "hedging", "hedges", "per_1k", 1.0),
            ("d2", "A", "article", "tone", "compound", "mean", math.nan),
            ("d3", "B", "article", "text", "words", "count", 0.0),
            ("d3", "B", "article", "hedging", "hedges", "count", 0.0),
            ("d3", "B", "article", "hedging", "hedges", "per_1k", math.nan),
            ("d3", "B", "article", "tone", "compound", "mean", math.nan),
        ]
    )
    # Chunked partials add up to the same table as one pass.
    chunked = combine_partials([outlet_partials(measures[:4]), outlet_partials(measures[4:])])
    table = outlet_table(chunked)
    pd.testing.assert_frame_equal(table, outlet_table(outlet_partials(measures)))
    values = wide(table).set_index("outlet")
    assert values.loc["A", "hedging_hedges_count"] == 8.0
    assert values.loc["A", "hedging_hedges_per_1k"] == pytest.approx(2.0)  # 8 / 4,000 words
    assert values.loc["A", "tone_compound_mean"] == 0.5  # the NaN article is left out
    assert values.loc["A", "n_articles"] == 2
    assert math.isnan(values.loc["B", "hedging_hedges_per_1k"])  # no words: NaN, never 0
    assert math.isnan(values.loc["B", "tone_compound_mean"])
    assert table.loc[table["measure"] == "mean", "n_articles"].tolist() == [1, 0]


def test_wide_layout_of_article_measures() -> None:
    measures = _measures(
        [
            ("d1", "A", "article", "text", "words", "count", 10.0),
            ("d1", "A", "headline", "text", "words", "count", 4.0),
            ("d1", "A", "article", "hedging", "hedges", "count", 1.0),
            ("d1", "A", "headline", "hedging", "hedges", "count", 1.0),
        ]
    )
    table = wide(measures)
    assert list(table.columns) == [
        "doc_id",
        "n_words",
        "n_headline_words",
        "hedging_hedges_count",
        "hedging_hedges_headline_count",
    ]


def test_in_context_adds_the_sentence_of_each_row() -> None:
    rows = pd.DataFrame({"doc_id": ["d1", "d1"], "sentence": [1, 0], "start": [30, 3]})
    sentences = frame(
        "sentences",
        [
            ("d1", "A", 0, "headline", 0, 10, 2, "Big news."),
            ("d1", "A", 1, "lead", 25, 40, 3, "It may happen."),
        ],
    )
    joined = in_context(rows, sentences)
    assert joined["sentence_text"].tolist() == ["It may happen.", "Big news."]
    assert joined["sentence_start"].tolist() == [25, 0]


def test_the_data_dictionary_is_current() -> None:
    """docs/data-dictionary.md is generated: run scripts/write_data_dictionary.py."""
    assert DICTIONARY.read_text(encoding="utf-8") == data_dictionary()
    for name in table_names():
        assert f"## `{name}`" in data_dictionary()
