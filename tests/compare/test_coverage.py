from __future__ import annotations

import pandas as pd
import pytest

from toolkit.compare.coverage import (
    coverage_items,
    coverage_matrix,
    missing_items,
    outlets_mentioning,
    unique_items,
)


@pytest.fixture(scope="module")
def items(texts: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    return coverage_items(texts, sentences)


def test_99_percent_interception_figure_is_reported_by_menafn_and_newspublicy(items) -> None:
    assert outlets_mentioning(items, "figure", "99%") == ["MENAFN", "NewsPublicy"]
    words = sorted(items.loc[items["item"] == "99%", "words"])
    assert words == ["99 percent", "99%"]


def test_only_menafn_mentions_axios(items) -> None:
    assert outlets_mentioning(items, "organisation", "Axios") == ["MENAFN"]


def test_matrix_rows_for_the_figure_and_axios(items) -> None:
    matrix = coverage_matrix(items).set_index(["kind", "item"])
    assert matrix.loc[("figure", "99%")].to_dict() == {
        "n_outlets": 2,
        "MENAFN": 1,
        "NewsPublicy": 1,
        "The Voice": 0,
        "Unusual Whales": 0,
    }
    assert matrix.loc[("organisation", "Axios")].to_dict() == {
        "n_outlets": 1,
        "MENAFN": 1,
        "NewsPublicy": 0,
        "The Voice": 0,
        "Unusual Whales": 0,
    }
    assert matrix.loc[("place", "United States"), "n_outlets"] == 4


def test_names_are_normalised(items) -> None:
    persons = set(items.loc[items["kind"] == "person", "item"])
    assert {"Joe Biden", "Benjamin Netanyahu", "Hossein Salami", "John Kirby"} <= persons
    assert "Biden" not in persons and "Netanyahu" not in persons
    organisations = set(items.loc[items["kind"] == "organisation", "item"])
    assert "Israel Defense Forces" in organisations and "IDF" not in organisations
    assert "According" not in set(items["item"])


def test_every_mention_keeps_its_words(items, texts: pd.DataFrame) -> None:
    by_id = dict(zip(texts["doc_id"], texts["text"], strict=True))
    for row in items.itertuples():
        assert by_id[row.doc_id][row.start : row.end] == row.words
        assert row.words in row.sentence or row.kind == "person"


def test_unique_and_missing_items(items) -> None:
    unique = unique_items(items)
    assert ("organisation", "Axios", "MENAFN") in set(
        unique[["kind", "item", "outlet"]].itertuples(index=False, name=None)
    )
    missing = missing_items(items)
    assert ("organisation", "White House", "Unusual Whales") in set(
        missing[["kind", "item", "missing_from"]].itertuples(index=False, name=None)
    )
