"""Report views on small hand-made tables."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
import pytest

from toolkit.analysis import Filter, select_rows
from toolkit.errors import ParameterError
from toolkit.notebook import views


class Tables:
    """A stand-in analysis (``TableSource``) over tables given as frames."""

    def __init__(self, **tables: pd.DataFrame) -> None:
        self.tables = tables
        self.metadata: dict[str, object] = {}

    def table(
        self,
        name: str,
        *,
        columns: Sequence[str] | None = None,
        filters: Sequence[Filter] | None = None,
    ) -> pd.DataFrame:
        return select_rows(self.tables[name], columns, filters)


def _long(rows: list[tuple[str, str, str, str, str, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [(*row, 1) for row in rows],
        columns=["outlet", "zone", "family", "category", "measure", "value", "n_articles"],
    )


@pytest.fixture
def outlets() -> pd.DataFrame:
    """A long outlets table: A has 5 hedges in 1,000 words, B 3 in 3,000, C no words."""
    rows: list[tuple[str, str, str, str, str, float]] = []
    for outlet, words, hedges, rate, grade in (
        ("A", 1000, 5.0, 5.0, 10.0),
        ("B", 3000, 3.0, 1.0, 12.0),
        ("C", 0, 0.0, math.nan, math.nan),
    ):
        rows += [
            (outlet, "article", "text", "words", "count", float(words)),
            (outlet, "article", "hedging", "hedges", "count", hedges),
            (outlet, "article", "hedging", "hedges", "per_1k", rate),
            (outlet, "article", "readability", "fk_grade", "score", grade),
        ]
    return _long(rows)


def test_family_rates_give_categories_as_columns(outlets: pd.DataFrame) -> None:
    rates = views.family_rates(outlets, "hedging")
    assert list(rates.columns) == ["hedges"]
    assert rates.loc["A", "hedges"] == 5.0


def test_outlet_against_corpus_pools_the_other_outlets(outlets: pd.DataFrame) -> None:
    table = views.outlet_against_corpus(outlets, "A", "hedging")
    assert table.loc["hedges", "A"] == 5.0
    # other outlets: 3 hedges over 3,000 words (C has no words) -> 1.0 per 1,000
    assert table.loc["hedges", "other outlets"] == pytest.approx(1.0)


def test_wide_layout_of_the_outlets(outlets: pd.DataFrame) -> None:
    table = views.wide(outlets).set_index("outlet")
    assert list(table.columns) == [
        "n_articles",
        "n_words",
        "hedging_hedges_count",
        "hedging_hedges_per_1k",
        "readability_fk_grade_score",
    ]
    assert table.loc["B", "hedging_hedges_per_1k"] == 1.0


def test_unknown_outlet_is_named_in_the_error(outlets: pd.DataFrame) -> None:
    with pytest.raises(ParameterError, match=r"must be one of \['A', 'B', 'C'\]. Got 'Z'"):
        views.outlet_against_corpus(outlets, "Z", "hedging")


def test_top_evidence_keeps_per_category_rows_in_document_order() -> None:
    evidence = pd.DataFrame(
        {
            "doc_id": ["d2", "d1", "d1", "d1"],
            "outlet": ["A"] * 4,
            "family": ["hedging"] * 4,
            "category": ["adverb", "adverb", "adverb", "modal"],
            "rule": ["h:likely", "h:likely", "h:possibly", "h:may"],
            "cue": ["likely", "likely", "possibly", "may"],
            "zone": ["body"] * 4,
            "sentence": [0] * 4,
            "start": [5, 40, 10, 0],
            "end": [11, 46, 18, 3],
            "negated": [False] * 4,
        }
    )
    sentences = pd.DataFrame(
        {"doc_id": ["d1", "d2"], "sentence": [0, 0], "start": [0, 0], "text": ["x" * 60] * 2}
    )
    top = views.top_evidence(
        Tables(evidence=evidence, sentences=sentences), "hedging", per_category=2
    )
    assert top.loc[0, "in context"] == "x" * 10 + "[" + "x" * 8 + "]" + "x" * 42
    assert list(zip(top["category"], top["doc_id"], top["start"], strict=True)) == [
        ("adverb", "d1", 10),
        ("adverb", "d1", 40),
        ("modal", "d1", 0),
    ]


def test_source_type_shares_sum_to_one() -> None:
    attributions = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B"],
            "source_type": ["anonymous", "named_person", "anonymous", "news_media"],
        }
    )
    shares = views.source_type_shares(attributions)
    assert shares.loc["A", "anonymous"] == pytest.approx(2 / 3)
    assert shares.sum(axis=1).tolist() == pytest.approx([1.0, 1.0])


def test_scores_lists_readability_for_one_outlet(outlets: pd.DataFrame) -> None:
    table = views.scores(outlets, "B")
    assert table.loc["B", "readability fk_grade score"] == 12.0
    assert list(table.index) == ["B"]


def test_mark_cue_brackets_the_cue_and_leaves_bad_offsets_alone() -> None:
    sentence = "The attack was purportedly a response."
    assert views.mark_cue(sentence, 15, 26) == "The attack was [purportedly] a response."
    assert views.mark_cue(sentence, 30, 99) == sentence
