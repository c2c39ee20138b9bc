"""Per-outlet rates per 1,000 words with bootstrap confidence intervals.

Superseded by ``toolkit.compare.rates.outlet_rates`` (exact Poisson intervals, proper for zero
counts, and article resampling only from 30 articles on); kept until the comparative report
reads the per-document counts table.

The rate of a measure is 1,000 x (evidence rows) / (words), pooled over an outlet's units. The
interval is the percentile interval of that ratio over ``n_boot`` resamples of the outlet's
units, drawn with replacement (Efron & Tibshirani 1993, ch. 13): *articles* when the outlet has
at least two, otherwise the *sentences* of its single article. Sentence resampling describes the
variation within one article only, not how the outlet writes in general; the ``unit`` column
says which was used and ``small_sample`` flags outlets with fewer than ``min_articles`` articles.

Resampling is seeded per outlet (from ``seed`` and the outlet name), so a table comes out the
same on every run and an outlet's interval does not change when other outlets are added.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from toolkit.compare.texts import require_columns
from toolkit.errors import ParameterError
from toolkit.escaping import markdown_text

ARTICLES = "articles"
SENTENCES = "sentences"
INTERVAL_COLUMNS = (
    "measure",
    "outlet",
    "count",
    "n_words",
    "rate",
    "low",
    "high",
    "se",
    "unit",
    "n_units",
    "n_articles",
    "small_sample",
)


@dataclass(frozen=True, slots=True)
class Bootstrap:
    """Settings of the bootstrap: resamples, interval level, seed, small-sample threshold."""

    n_boot: int = 2000
    level: float = 0.95
    seed: int = 20240414
    min_articles: int = 5

    def __post_init__(self) -> None:
        if self.n_boot < 100:
            raise ParameterError(f"The 'n_boot' parameter must be >= 100. Got {self.n_boot}.")
        if not 0.5 <= self.level < 1:
            raise ParameterError(f"The 'level' parameter must be in [0.5, 1). Got {self.level}.")


def evidence_units(
    evidence: pd.DataFrame,
    sentences: pd.DataFrame,
    family: str,
    *,
    categories: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Resampling units of one evidence family, one row per unit, measures as count columns.

    Outlets with several articles get one row per article; outlets with one article get one row
    per sentence of it. Columns: outlet, doc_id, unit (``"articles"``/``"sentences"``), unit_id,
    n_words, then one count column per evidence category of ``family`` (all of them unless
    ``categories`` names some). Body evidence is placed in its sentence by its ``sentence``
    number (``sentences`` is ``analysis_sentences`` of the analysis; headline evidence is left
    out, as the headline's words are not in the body sentences).
    """
    require_columns(
        evidence, ("doc_id", "outlet", "family", "category", "zone", "sentence"), "evidence"
    )
    require_columns(sentences, ("doc_id", "outlet", "sentence_id", "start", "n_words"), "sentences")
    rows = evidence[(evidence["family"] == family) & (evidence["zone"] != "headline")]
    known = sorted(rows["category"].astype(str).unique())
    wanted = known if categories is None else list(categories)
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise ParameterError(
            f"The 'categories' parameter must name categories of the {family!r} evidence "
            f"{known}. Got {unknown} instead."
        )
    per_sentence = (
        rows[rows["category"].isin(wanted)]
        .groupby(["doc_id", "sentence", "category"], sort=True)
        .size()
        .unstack("category", fill_value=0)
        .reindex(columns=wanted, fill_value=0)
    )
    base = sentences[["doc_id", "outlet", "sentence_id", "start", "n_words"]]
    merged = base.merge(
        per_sentence, how="left", left_on=["doc_id", "sentence_id"], right_index=True, sort=False
    )
    merged[wanted] = merged[wanted].fillna(0).astype("int64")
    n_docs = sentences.groupby("outlet")["doc_id"].nunique()
    single = merged["outlet"].map(n_docs) == 1
    by_sentence = merged[single].assign(
        unit=SENTENCES, unit_id=lambda f: f["doc_id"] + "#" + f["sentence_id"].astype(str)
    )
    by_article = (
        merged[~single]
        .groupby(["outlet", "doc_id"], sort=True)[["n_words", *wanted]]
        .sum()
        .reset_index()
        .assign(unit=ARTICLES, unit_id=lambda f: f["doc_id"])
    )
    columns = ["outlet", "doc_id", "unit", "unit_id", "n_words", *wanted]
    table = pd.concat([by_article[columns], by_sentence[columns]], ignore_index=True)
    return table.sort_values(["outlet", "unit_id"], kind="stable").reset_index(drop=True)


def rate_intervals(
    units: pd.DataFrame, measures: Sequence[str], bootstrap: Bootstrap | None = None
) -> pd.DataFrame:
    """Rates per 1,000 words with percentile bootstrap intervals, one row per measure and outlet.

    ``units`` has outlet, doc_id, unit, n_words and one count column per measure (see
    ``evidence_units``). Columns: measure, outlet, count, n_words, rate, low, high, se (the
    bootstrap standard deviation of the rate), unit, n_units, n_articles, small_sample. Higher
    rates mean the outlet uses the measure's words more often. Rate, interval and se are NaN
    when the outlet has no words; the interval is NaN when it has a single unit.
    """
    if isinstance(measures, str):
        raise ParameterError(
            "The 'measures' parameter of rate_intervals must be a sequence of column names, "
            f"not one string. Got {measures!r}; pass [{measures!r}]."
        )
    settings = bootstrap or Bootstrap()
    require_columns(units, ("outlet", "doc_id", "unit", "n_words", *measures), "units")
    tail = (1 - settings.level) / 2
    rows: list[dict[str, object]] = []
    for outlet, group in units.groupby("outlet", sort=True):
        counts = group[list(measures)].to_numpy(dtype=float)
        words = group["n_words"].to_numpy(dtype=float)
        draws = _resample_rates(counts, words, settings.n_boot, _seed(settings.seed, str(outlet)))
        n_articles = int(group["doc_id"].nunique())
        total_words = float(words.sum())
        for index, measure in enumerate(measures):
            total = float(counts[:, index].sum())
            rate = 1000.0 * total / total_words if total_words > 0 else float("nan")
            column = _finite(draws[:, index]) if draws is not None else np.empty(0)
            usable = len(column) >= 2
            rows.append(
                {
                    "measure": measure,
                    "outlet": str(outlet),
                    "count": total,
                    "n_words": total_words,
                    "rate": rate,
                    "low": float(np.quantile(column, tail)) if usable else float("nan"),
                    "high": float(np.quantile(column, 1 - tail)) if usable else float("nan"),
                    "se": float(column.std(ddof=1)) if usable else float("nan"),
                    "unit": str(group["unit"].iloc[0]),
                    "n_units": len(group),
                    "n_articles": n_articles,
                    "small_sample": n_articles < settings.min_articles,
                }
            )
    table = pd.DataFrame(rows, columns=list(INTERVAL_COLUMNS))
    return table.sort_values(["measure", "outlet"], kind="stable").reset_index(drop=True)


def _resample_rates(
    counts: np.ndarray, words: np.ndarray, n_boot: int, seed: int
) -> np.ndarray | None:
    """``n_boot`` x measures matrix of resampled rates; None with fewer than two units."""
    n_units = len(words)
    if n_units < 2 or words.sum() <= 0:
        return None
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(n_units, np.full(n_units, 1.0 / n_units), size=n_boot)
    resampled_words = weights @ words
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = 1000.0 * (weights @ counts) / resampled_words[:, None]
    rates[resampled_words <= 0] = np.nan
    result: np.ndarray = np.asarray(rates, dtype=float)
    return result


def _finite(values: np.ndarray) -> np.ndarray:
    kept: np.ndarray = values[np.isfinite(values)]
    return kept


def _seed(seed: int, outlet: str) -> int:
    """A seed of its own for each outlet, stable across runs and independent of other outlets."""
    return seed * 1_000_003 + zlib.crc32(outlet.encode("utf-8"))


def family_intervals(
    evidence: pd.DataFrame,
    sentences: pd.DataFrame,
    family: str,
    *,
    categories: Sequence[str] | None = None,
    bootstrap: Bootstrap | None = None,
) -> pd.DataFrame:
    """``rate_intervals`` of every evidence category of ``family`` (or only ``categories``)."""
    units = evidence_units(evidence, sentences, family, categories=categories)
    fixed = ("outlet", "doc_id", "unit", "unit_id", "n_words")
    measures = [c for c in units.columns if c not in fixed]
    return rate_intervals(units, measures, bootstrap)


def resampling_note(intervals: pd.DataFrame) -> str:
    """One Markdown sentence per resampling unit saying which outlets were resampled how.

    Outlet names are escaped (``toolkit.escaping.markdown_text``): they come from the
    corpus and must show as text, never as Markdown or HTML.
    """
    require_columns(intervals, ("outlet", "unit", "small_sample"), "intervals")
    per_outlet = intervals.drop_duplicates("outlet").sort_values("outlet")
    lines = []
    for unit, group in per_outlet.groupby("unit", sort=True):
        names = ", ".join(map(markdown_text, group["outlet"]))
        if unit == ARTICLES:
            lines.append(f"Intervals resample **articles** for {names}.")
        else:
            lines.append(
                f"Intervals resample the **sentences** of a single article for {names}: they "
                "show variation within that article, not across the outlet's reporting."
            )
    small = ", ".join(map(markdown_text, per_outlet.loc[per_outlet["small_sample"], "outlet"]))
    if small:
        lines.append(f"Small samples (hollow dots; read with care): {small}.")
    return " ".join(lines)
