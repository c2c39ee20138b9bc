"""Per-outlet rates per 1,000 words with 95% intervals that hold for zero counts too.

The rate of a measure in an outlet is 1,000 x (its count) / (its words), pooled over the
outlet's documents; higher means the outlet uses the measure's words more often. The interval
comes from one of two methods, named in the ``method`` column:

* ``"exact_poisson"`` (outlets with fewer than ``bootstrap_from`` articles): the exact central
  Poisson interval of Garwood (1936) for the pooled count, divided by the words (computed as
  gamma quantiles by ``statsmodels.stats.rates.confint_poisson(method="exact-c")``). It
  covers the true rate at least 95% of the time if each word is an independent chance to use
  the measure, and stays proper at 0: no hit in 1,000 words gives [0, 3.69] per 1,000. It
  ignores that articles differ from one another, so for an outlet of few articles it describes
  those texts rather than the outlet's reporting in general. Garwood rather than Jeffreys'
  interval because it never covers less than promised (Brown, Cai & DasGupta 2003 show the
  Jeffreys interval dipping below 95% for small counts), which matters most where counts are
  smallest.
* ``"article_bootstrap"`` (at least ``bootstrap_from`` articles, default 30): the percentile
  interval of the pooled rate over ``n_boot`` resamples of whole articles drawn with
  replacement (cluster resampling, Davison & Hinkley 1997, sec. 3.8; Field & Welsh 2007). It
  carries the variation between articles that the Poisson interval leaves out. Below about 30
  clusters resampling intervals are too narrow (Cameron, Gelbach & Miller 2008), hence the
  threshold. Where hits are so rare that the bootstrap's interval is narrower than the exact
  Poisson one on a side (a handful of hits among many articles), that side is taken from the
  exact interval: the interval is never narrower than the count alone warrants.

Resampling is seeded per outlet (from ``seed`` and the outlet's name), so a table is the same on
every run and an outlet's interval does not change when outlets or measures are added.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pandas as pd
from statsmodels.stats.rates import confint_poisson

from toolkit.compare.counts import check_counts
from toolkit.errors import ParameterError

EXACT_POISSON = "exact_poisson"
ARTICLE_BOOTSTRAP = "article_bootstrap"
RATE_COLUMNS = (
    "measure",
    "outlet",
    "count",
    "words",
    "articles",
    "rate",
    "low",
    "high",
    "method",
)
PER = 1000.0  # rates are per 1,000 words
_CELLS_PER_CHUNK = 2_000_000  # resample weights held at once (resamples x articles)


def outlet_rates(
    counts: pd.DataFrame,
    *,
    level: float = 0.95,
    bootstrap_from: int = 30,
    n_boot: int = 2000,
    seed: int = 20240414,
) -> pd.DataFrame:
    """One row per measure and outlet: count, words, articles, rate per 1,000 words, interval.

    ``counts`` is the per-document table of ``toolkit.compare.counts`` (doc_id, outlet,
    measure, count, words). Columns: measure, outlet, count (summed), words (summed), articles
    (documents with a row for the measure), rate, low, high (per 1,000 words, at ``level``),
    method (``"exact_poisson"`` or ``"article_bootstrap"``, see the module docstring). Every
    outlet of the table has a row for every measure it has rows for, zero counts included.
    Sorted by measure, then outlet.
    """
    _check_settings(level, bootstrap_from, n_boot)
    table = check_counts(counts)
    grouped = table.groupby(["measure", "outlet"], sort=True)
    rates = grouped.agg(
        count=("count", "sum"), words=("words", "sum"), articles=("doc_id", "size")
    ).reset_index()
    low, high = confint_poisson(
        rates["count"].to_numpy(), rates["words"].to_numpy(), method="exact-c", alpha=1 - level
    )
    rates["rate"] = PER * rates["count"] / rates["words"]
    rates["low"] = PER * np.asarray(low, dtype=float)
    rates["high"] = PER * np.asarray(high, dtype=float)
    rates["method"] = EXACT_POISSON
    rates["articles"] = rates["articles"].astype("int64")
    eligible = rates["articles"] >= bootstrap_from
    if eligible.any():
        bootstrapped = _bootstrap_intervals(
            table[table["outlet"].isin(rates.loc[eligible, "outlet"])], level, n_boot, seed
        )
        keys = pd.MultiIndex.from_frame(rates.loc[eligible, ["measure", "outlet"]])
        boot = bootstrapped.reindex(keys)
        rates.loc[eligible, "low"] = np.fmin(rates.loc[eligible, "low"], boot["low"].to_numpy())
        rates.loc[eligible, "high"] = np.fmax(rates.loc[eligible, "high"], boot["high"].to_numpy())
        rates.loc[eligible, "method"] = ARTICLE_BOOTSTRAP
    return rates[list(RATE_COLUMNS)].reset_index(drop=True)


def _check_settings(level: float, bootstrap_from: int, n_boot: int) -> None:
    if not 0.5 <= level < 1:
        raise ParameterError(
            f"The 'level' parameter of outlet_rates must be in [0.5, 1). Got {level!r} instead."
        )
    if bootstrap_from < 2:
        raise ParameterError(
            "The 'bootstrap_from' parameter of outlet_rates must be an int >= 2. "
            f"Got {bootstrap_from!r} instead."
        )
    if n_boot < 200:
        raise ParameterError(
            f"The 'n_boot' parameter of outlet_rates must be >= 200. Got {n_boot!r} instead."
        )


def _bootstrap_intervals(table: pd.DataFrame, level: float, n_boot: int, seed: int) -> pd.DataFrame:
    """Percentile intervals (per 1,000 words) indexed by (measure, outlet), from resampling
    each outlet's articles; all measures of an outlet share the same resamples."""
    tail = (1 - level) / 2
    doc_codes = pd.factorize(table["doc_id"])[0]
    measure_codes, measures = pd.factorize(table["measure"], sort=True)
    hits_column = table["count"].to_numpy(dtype=float)
    words_column = table["words"].to_numpy(dtype=float)
    frames = []
    for outlet, positions in sorted(table.groupby("outlet", sort=False).indices.items()):
        docs, local_docs = np.unique(doc_codes[positions], return_inverse=True)
        present, local_measures = np.unique(measure_codes[positions], return_inverse=True)
        both = np.zeros((len(docs), 2 * len(present)))
        both[local_docs, local_measures] = hits_column[positions]
        both[local_docs, len(present) + local_measures] = words_column[positions]
        draws = _resampled_rates(both, n_boot, _outlet_seed(seed, str(outlet)))
        low, high = _percentiles(draws, tail)
        frames.append(
            pd.DataFrame({"measure": measures[present], "outlet": outlet, "low": low, "high": high})
        )
    return pd.concat(frames).set_index(["measure", "outlet"])


def _resampled_rates(hits_and_words: np.ndarray, n_boot: int, seed: Sequence[int]) -> np.ndarray:
    """``n_boot`` x measures pooled rates per 1,000 words, each from articles drawn with
    replacement. ``hits_and_words`` is articles x (measures' counts, then measures' words);
    a resample without words for a measure gives NaN there."""
    rng = np.random.default_rng(seed)
    n_docs, width = hits_and_words.shape
    chunk = max(1, _CELLS_PER_CHUNK // n_docs)
    parts = []
    for start in range(0, n_boot, chunk):
        size = min(chunk, n_boot - start)
        drawn = rng.integers(0, n_docs, size=(size, n_docs))
        drawn += np.arange(size)[:, None] * n_docs
        weights = np.bincount(drawn.ravel(), minlength=size * n_docs).reshape(size, n_docs)
        sums = weights.astype(float) @ hits_and_words
        with np.errstate(divide="ignore", invalid="ignore"):
            parts.append(PER * sums[:, : width // 2] / sums[:, width // 2 :])
    rates: np.ndarray = np.concatenate(parts)
    rates[~np.isfinite(rates)] = np.nan
    return rates


def _percentiles(draws: np.ndarray, tail: float) -> tuple[np.ndarray, np.ndarray]:
    """Lower and upper percentile of each column, ignoring NaN resamples."""
    if np.isnan(draws).any():
        low, high = np.nanquantile(draws, [tail, 1 - tail], axis=0)
    else:
        low, high = np.quantile(draws, [tail, 1 - tail], axis=0)
    return np.asarray(low, dtype=float), np.asarray(high, dtype=float)


def _outlet_seed(seed: int, outlet: str) -> list[int]:
    """Entropy for one outlet's generator: stable across runs, independent of other outlets."""
    return [seed, zlib.crc32(outlet.encode("utf-8"))]
