"""Pairwise differences between outlets' rates, with effect sizes and corrected p-values.

Superseded by ``toolkit.compare.models.outlet_differences`` (a count model with the words as
exposure, article-clustered errors and exact tests where the model is degenerate); kept until
the comparative report reads the per-document counts table.

For every measure and every pair of outlets (a, b), from the table of ``rate_intervals``:

* ``difference`` = rate_a - rate_b (per 1,000 words; positive: a uses the measure more), with a
  normal-approximation interval using the two bootstrap standard errors, and the Wald statistic
  ``z`` = difference / sqrt(se_a^2 + se_b^2) with its two-sided p-value. That standard error
  is at least the Poisson one under equal rates, 1,000 sqrt(r (1/words_a + 1/words_b)) with r
  the pooled rate per word (the score test for two Poisson rates), so that a degenerate
  bootstrap (every resample alike) cannot make a difference look certain; a difference of
  exactly 0 has z = 0 and p = 1;
* ``rate_ratio`` = rate_a / rate_b (NaN when rate_b is 0);
* ``cohens_h`` = 2 asin(sqrt(p_a)) - 2 asin(sqrt(p_b)) with p the share of words that are cues,
  Cohen's (1988) effect size for two proportions (0.2 small, 0.5 medium, 0.8 large by his
  conventions, which were not written for word rates; read it for its sign and relative size);
* ``p_holm`` and ``p_bh``: p-values adjusted over every row of the table with a finite p-value,
  by Holm's (1979) step-down method (family-wise error) and Benjamini & Hochberg's (1995)
  step-up method (false discovery rate), both from ``statsmodels.stats.multitest``. Pass one
  family's measures at a time to correct within that family.

``small_sample`` is True when either outlet is flagged in the intervals table; such rows stay
in the table. Standard errors from sentence resampling (single-article outlets) understate how
much an outlet varies between articles.
"""

from __future__ import annotations

import itertools
import math
from statistics import NormalDist
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.stats.multitest import multipletests

from toolkit.compare.texts import require_columns
from toolkit.errors import ParameterError

PAIR_COLUMNS = (
    "measure",
    "outlet_a",
    "outlet_b",
    "rate_a",
    "rate_b",
    "difference",
    "diff_low",
    "diff_high",
    "z",
    "p_value",
    "p_holm",
    "p_bh",
    "significant_holm",
    "significant_bh",
    "rate_ratio",
    "cohens_h",
    "unit_a",
    "unit_b",
    "small_sample",
)


def pairwise_differences(
    intervals: pd.DataFrame, *, alpha: float = 0.05, level: float = 0.95
) -> pd.DataFrame:
    """One row per measure and unordered pair of outlets (a before b alphabetically).

    ``significant_holm``/``significant_bh`` say whether the adjusted p-value is below ``alpha``.
    """
    if not 0 < alpha < 1:
        raise ParameterError(f"The 'alpha' parameter must be in (0, 1). Got {alpha!r} instead.")
    require_columns(
        intervals,
        ("measure", "outlet", "count", "n_words", "rate", "se", "unit", "small_sample"),
        "intervals",
    )
    critical = _normal_quantile(1 - (1 - level) / 2)
    rows: list[dict[str, object]] = []
    for measure, group in intervals.groupby("measure", sort=True):
        records = group.sort_values("outlet").to_dict("records")
        for a, b in itertools.combinations(records, 2):
            difference = float(a["rate"]) - float(b["rate"])
            se = float(np.fmax(math.hypot(float(a["se"]), float(b["se"])), _null_se(a, b)))
            z = _wald_z(difference, se)
            rows.append(
                {
                    "measure": measure,
                    "outlet_a": a["outlet"],
                    "outlet_b": b["outlet"],
                    "rate_a": a["rate"],
                    "rate_b": b["rate"],
                    "difference": difference,
                    "diff_low": difference - critical * se,
                    "diff_high": difference + critical * se,
                    "z": z,
                    "p_value": math.erfc(abs(z) / math.sqrt(2)) if math.isfinite(z) else z,
                    "rate_ratio": _ratio(float(a["rate"]), float(b["rate"])),
                    "cohens_h": _cohens_h(a, b),
                    "unit_a": a["unit"],
                    "unit_b": b["unit"],
                    "small_sample": bool(a["small_sample"]) or bool(b["small_sample"]),
                }
            )
    table = pd.DataFrame(
        rows, columns=[c for c in PAIR_COLUMNS if not c.startswith(("p_h", "p_b", "sig"))]
    )
    return _adjust(table, alpha)[list(PAIR_COLUMNS)]


def _adjust(table: pd.DataFrame, alpha: float) -> pd.DataFrame:
    table = table.copy()
    for name in ("holm", "bh"):
        table[f"p_{name}"] = np.nan
        table[f"significant_{name}"] = False
    finite = table["p_value"].notna().to_numpy()
    if finite.any():
        p_values = table.loc[finite, "p_value"].to_numpy(dtype=float)
        for method, name in (("holm", "holm"), ("fdr_bh", "bh")):
            reject, adjusted, _, _ = multipletests(p_values, alpha=alpha, method=method)
            table.loc[finite, f"p_{name}"] = adjusted
            table.loc[finite, f"significant_{name}"] = reject
    table["significant_holm"] = table["significant_holm"].astype(bool)
    table["significant_bh"] = table["significant_bh"].astype(bool)
    return table


def _wald_z(difference: float, se: float) -> float:
    """difference / se; 0 for no difference at all, NaN without a positive error."""
    if difference == 0:
        return 0.0
    return difference / se if se > 0 else float("nan")


def _null_se(a: dict[Any, Any], b: dict[Any, Any]) -> float:
    """Poisson standard error of the rate difference (per 1,000 words) under equal rates."""
    words_a, words_b = float(a["n_words"]), float(b["n_words"])
    if words_a <= 0 or words_b <= 0:
        return float("nan")
    pooled = (float(a["count"]) + float(b["count"])) / (words_a + words_b)
    return 1000.0 * math.sqrt(pooled * (1 / words_a + 1 / words_b))


def _ratio(a: float, b: float) -> float:
    return a / b if b > 0 and math.isfinite(a) else float("nan")


def _cohens_h(a: dict[Any, Any], b: dict[Any, Any]) -> float:
    shares = []
    for row in (a, b):
        words = float(row["n_words"])
        if words <= 0:
            return float("nan")
        shares.append(min(float(row["count"]) / words, 1.0))
    return 2 * math.asin(math.sqrt(shares[0])) - 2 * math.asin(math.sqrt(shares[1]))


def _normal_quantile(probability: float) -> float:
    return NormalDist().inv_cdf(probability)
