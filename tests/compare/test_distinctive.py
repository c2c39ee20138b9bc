from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.compare.distinctive import log_odds, term_counts
from toolkit.errors import ParameterError


def test_counts_drop_function_words_and_keep_phrases(texts: pd.DataFrame) -> None:
    counts = term_counts(texts)
    assert "the" not in counts.index and "on iran" not in counts.index
    assert counts.loc["zionist regime", "MENAFN"] == 3
    assert counts.loc["300 missiles"].to_dict() == {
        "MENAFN": 1,
        "NewsPublicy": 0,
        "The Voice": 1,
        "Unusual Whales": 0,
    }


def test_log_odds_matches_monroe_et_al_formula() -> None:
    counts = pd.DataFrame({"A": [10, 0, 90], "B": [0, 10, 90]}, index=["war", "peace", "x"])
    table = log_odds(counts, top=None)
    row = table[(table["outlet"] == "A") & (table["term"] == "war")].iloc[0]
    prior, mass = 200 * 10 / 200, 200.0
    delta = math.log((10 + prior) / (100 + mass - 10 - prior)) - math.log(
        (0 + prior) / (100 + mass - 0 - prior)
    )
    assert row["delta"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(delta / math.sqrt(1 / (10 + prior) + 1 / prior))
    assert row["rank"] == 1 and row["compared_with"] == "other outlets"


def test_sample_outlets_most_distinctive_terms(texts: pd.DataFrame) -> None:
    table = log_odds(term_counts(texts), top=3)
    firsts = table[table["rank"] == 1].set_index("outlet")["term"].to_dict()
    assert firsts == {
        "MENAFN": "actions",
        "NewsPublicy": "official",
        "The Voice": "restraint",
        "Unusual Whales": "u.s",
    }


def test_pairwise_covers_every_ordered_pair(texts: pd.DataFrame) -> None:
    table = log_odds(term_counts(texts), comparison="pairwise", top=2)
    assert len(table.groupby(["outlet", "compared_with"])) == 12
    with pytest.raises(ParameterError, match="comparison"):
        log_odds(term_counts(texts), comparison="both")
