from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.compare.intervals import family_intervals
from toolkit.compare.pairwise import pairwise_differences


def _intervals(rows: list[tuple[str, float, float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "measure": "m",
                "outlet": o,
                "count": c,
                "n_words": w,
                "rate": 1000 * c / w,
                "se": se,
                "unit": "articles",
                "small_sample": False,
            }
            for o, c, w, se in [(r[0], r[1], r[2], r[3]) for r in rows]
        ]
    )


def test_difference_z_and_effect_sizes() -> None:
    table = pairwise_differences(_intervals([("A", 200, 10000, 3.0, 0), ("B", 100, 10000, 4.0, 0)]))
    row = table.iloc[0]
    assert (row["outlet_a"], row["outlet_b"]) == ("A", "B")
    assert row["difference"] == pytest.approx(10.0)
    assert row["z"] == pytest.approx(10 / 5)
    assert row["p_value"] == pytest.approx(0.0455, abs=1e-4)
    assert row["rate_ratio"] == pytest.approx(2.0)
    expected_h = 2 * math.asin(math.sqrt(0.02)) - 2 * math.asin(math.sqrt(0.01))
    assert row["cohens_h"] == pytest.approx(expected_h)
    assert row["diff_low"] == pytest.approx(10 - 1.959964 * 5, rel=1e-5)


def test_holm_and_bh_adjust_over_the_whole_table() -> None:
    table = pairwise_differences(
        _intervals([("A", 20, 1000, 3.0, 0), ("B", 10, 1000, 4.0, 0), ("C", 30, 1000, 2.0, 0)])
    )
    p = table["p_value"].to_numpy()
    order = p.argsort()
    holm = [min(1.0, (3 - i) * p[order[i]]) for i in range(3)]
    holm = [max(holm[: i + 1]) for i in range(3)]
    assert table["p_holm"].to_numpy()[order] == pytest.approx(holm)
    assert (table["p_bh"] <= table["p_holm"]).all()


def test_a_degenerate_bootstrap_error_is_floored_at_the_poisson_error() -> None:
    # The report that showed z = 4.7e15: 8 hedges in 310 words against none in 160.
    table = pairwise_differences(_intervals([("A", 8, 310, 7e-15, 0), ("B", 0, 160, 0.0, 0)]))
    row = table.iloc[0]
    null_se = 1000 * math.sqrt(8 / 470 * (1 / 310 + 1 / 160))  # score test, equal rates
    assert row["z"] == pytest.approx(row["difference"] / null_se)
    assert row["z"] == pytest.approx(2.03, abs=0.01) and row["p_value"] > 0.04


def test_sample_pairs_are_flagged_small_and_zero_differences_give_p_one(
    analysis, sentences
) -> None:
    intervals = family_intervals(analysis.evidence, sentences, "framing")
    table = pairwise_differences(intervals)
    assert len(table) == intervals["measure"].nunique() * 6  # four outlets: six pairs
    assert table["small_sample"].all()
    none = table[
        (table["measure"] == "economic_consequences")
        & (table["outlet_a"] == "MENAFN")
        & (table["outlet_b"] == "NewsPublicy")
    ].iloc[0]
    assert none["difference"] == 0 and none["z"] == 0 and none["p_value"] == 1
    assert not none["significant_holm"]
