from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from toolkit.compare.rates import ARTICLE_BOOTSTRAP, EXACT_POISSON, outlet_rates
from toolkit.errors import ParameterError


def _counts(rows: list[tuple[str, str, float, float]], measure: str = "hedging/hedges"):
    """Per-document rows (doc_id, outlet, count, words) of one measure."""
    return pd.DataFrame(
        [
            {"doc_id": d, "outlet": o, "measure": measure, "count": c, "words": w}
            for d, o, c, w in rows
        ]
    )


def _outlet(name: str, hits: list[float], words: float = 500.0):
    return [(f"{name}{i}", name, float(h), words) for i, h in enumerate(hits)]


def test_garwood_interval_for_no_hit_in_1000_words() -> None:
    row = outlet_rates(_counts([("d1", "A", 0, 1000)])).iloc[0]
    assert (row["count"], row["words"], row["articles"]) == (0, 1000, 1)
    assert row["rate"] == 0 and row["low"] == 0
    assert row["high"] == pytest.approx(3.6889, abs=1e-4)  # -ln(0.025) per 1,000 words
    assert row["method"] == EXACT_POISSON


def test_garwood_interval_for_five_hits_pooled_over_two_articles() -> None:
    row = outlet_rates(_counts([("d1", "A", 2, 600), ("d2", "A", 3, 400)])).iloc[0]
    assert row["rate"] == pytest.approx(5.0)
    assert (row["low"], row["high"]) == pytest.approx((1.6235, 11.6683), abs=1e-4)


def test_outlets_without_hits_are_kept_and_rows_are_sorted() -> None:
    counts = pd.concat(
        [
            _counts([("b1", "B", 0, 300), ("a1", "A", 4, 200)], "hedging/hedges"),
            _counts([("b1", "B", 0, 300), ("a1", "A", 0, 200)], "attribution/anonymous"),
        ]
    )
    table = outlet_rates(counts)
    assert list(zip(table["measure"], table["outlet"], strict=True)) == [
        ("attribution/anonymous", "A"),
        ("attribution/anonymous", "B"),
        ("hedging/hedges", "A"),
        ("hedging/hedges", "B"),
    ]
    assert table["rate"].tolist() == pytest.approx([0.0, 0.0, 20.0, 0.0])
    assert (table["high"] > 0).all()  # a zero count never gets a [0, 0] interval


def test_article_bootstrap_from_thirty_articles_widens_for_bunched_hits() -> None:
    bunched = _outlet("A", [10] * 20 + [0] * 20)  # 200 hits in 20,000 words, all in half
    few = _outlet("B", [5] * 29)
    table = outlet_rates(_counts(bunched + few)).set_index("outlet")
    assert table.loc["A", "method"] == ARTICLE_BOOTSTRAP
    assert table.loc["B", "method"] == EXACT_POISSON
    a = table.loc["A"]
    assert a["rate"] == pytest.approx(10.0)
    assert a["low"] < a["rate"] < a["high"]
    # Garwood for 200 hits in 20,000 words is [8.66, 11.48]; articles vary far more than that
    assert a["high"] - a["low"] > 1.5 * (11.483 - 8.663)
    assert a["high"] - a["low"] < 4 * (11.483 - 8.663)


def test_bootstrap_never_narrower_than_the_exact_interval_for_rare_hits() -> None:
    rare = _outlet("A", [1] + [0] * 39)
    row = outlet_rates(_counts(rare)).iloc[0]
    assert row["method"] == ARTICLE_BOOTSTRAP
    assert row["low"] <= 1000 * 0.0253 / 20000 + 1e-9  # Garwood lower bound for one hit
    assert row["high"] >= 1000 * 5.5716 / 20000 - 1e-9  # Garwood upper bound for one hit


def test_seeded_and_independent_of_other_outlets() -> None:
    a = _outlet("A", list(np.random.default_rng(5).negative_binomial(1, 0.2, 40)))
    b = _outlet("B", list(np.arange(35) % 3))
    both = outlet_rates(_counts(a + b))
    alone = outlet_rates(_counts(a))
    pd.testing.assert_frame_equal(both[both["outlet"] == "A"].reset_index(drop=True), alone)
    pd.testing.assert_frame_equal(both, outlet_rates(_counts(a + b)))
    assert not both.equals(outlet_rates(_counts(a + b), seed=1))


def test_every_problem_of_the_counts_table_is_reported_at_once() -> None:
    bad = _counts([("d1", "A", -1, 100), ("d2", "A", 1, 0), ("d2", "A", 1, 0)])
    with pytest.raises(ParameterError) as error:
        outlet_rates(bad)
    message = str(error.value)
    assert "3 problem(s)" in message
    assert "'count' is not a number >= 0 (row positions [0])" in message
    assert "'words' is not a number > 0 (row positions [1, 2])" in message
    assert "two rows for one measure" in message
    with pytest.raises(ParameterError, match="lacks the column"):
        outlet_rates(pd.DataFrame({"doc_id": ["d"]}))
    with pytest.raises(ParameterError, match="'level'"):
        outlet_rates(_counts([("d1", "A", 0, 1000)]), level=95)
