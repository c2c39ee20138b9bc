"""Scores of a coded sheet: per-entry precision, agreement between two coders, entries to fix.

* Precision of a codebook entry: the share of its coded matches that coders judged correct
  (higher is better; NaN when none of its items was coded). With two sheets every coder's
  judgement counts, so an item both coders coded weighs twice.
* Cohen's kappa (Cohen 1960) between two coders on the items both coded:
  ``(p_o - p_e) / (1 - p_e)``, with ``p_o`` the share of items on which they agree and ``p_e``
  the agreement expected from each coder's own rate of 1s and 0s. 1 is perfect agreement, 0 is
  chance level, below 0 worse than chance; NaN with one sheet, no items in common, or when both
  coders gave every item the same single code (``p_e`` = 1, kappa undefined). Landis & Koch
  (1977) call 0.61-0.80 substantial and above 0.80 almost perfect agreement.
* Entries to fix: entries whose precision is below ``threshold`` on at least ``min_items``
  coded judgements, worst first; their wrongly coded sentences show what to change (add a guard,
  drop a term, narrow a wildcard).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from toolkit.errors import ParameterError
from toolkit.escaping import markdown_code

DEFAULT_THRESHOLD = 0.8
DEFAULT_MIN_ITEMS = 3


@dataclass(frozen=True)
class ValidationResult:
    """What a validation round found.

    ``entries``: one row per codebook entry (family, rule, items, coded, correct, precision),
    worst precision first. ``kappa``: Cohen's kappa between the first two sheets (NaN with one).
    ``n_common``: items both coders coded. ``to_fix``: the rows of ``entries`` below the
    threshold. ``errors``: the items coded 0, with their sentences, for the entries to fix.
    """

    entries: pd.DataFrame
    kappa: float
    n_common: int
    to_fix: pd.DataFrame
    errors: pd.DataFrame
    threshold: float
    min_items: int


def cohen_kappa(first: Sequence[float], second: Sequence[float]) -> float:
    """Cohen's (1960) kappa of two coders' codes for the same items (NaN when undefined)."""
    if len(first) != len(second):
        raise ParameterError(
            "The 'second' parameter of cohen_kappa must have as many codes as 'first'. "
            f"Got {len(second)} and {len(first)} instead."
        )
    n = len(first)
    if n == 0:
        return math.nan
    labels = sorted(set(first) | set(second))
    observed = sum(1 for a, b in zip(first, second, strict=True) if a == b) / n
    expected = sum((list(first).count(k) / n) * (list(second).count(k) / n) for k in labels)
    if expected >= 1.0:
        return math.nan
    return (observed - expected) / (1.0 - expected)


def score_sheets(
    sheets: Sequence[pd.DataFrame],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    min_items: int = DEFAULT_MIN_ITEMS,
) -> ValidationResult:
    """Score one or two coded sheets (from ``read_coded_sheet``) of the same sample."""
    if isinstance(sheets, pd.DataFrame) or not 1 <= len(sheets) <= 2:
        raise ParameterError(
            "The 'sheets' parameter of score_sheets must be a list of one or two coded sheets. "
            f"Got {type(sheets).__name__} of length {len(sheets)} instead."
        )
    if not 0.0 < threshold <= 1.0:
        raise ParameterError(
            f"The 'threshold' parameter of score_sheets must be in (0, 1]. Got {threshold}."
        )
    coded = pd.concat(
        [sheet.assign(sheet_no=number) for number, sheet in enumerate(sheets, start=1)],
        ignore_index=True,
    )
    judged = coded[coded["code"].notna()]
    keys = [c for c in ("family", "rule") if c in coded.columns]
    entries = (
        coded.groupby(keys, sort=True)
        .agg(items=("item_id", "nunique"))
        .join(judged.groupby(keys, sort=True).agg(coded=("code", "size"), correct=("code", "sum")))
        .fillna({"coded": 0, "correct": 0})
        .reset_index()
    )
    entries["coded"] = entries["coded"].astype(int)
    entries["correct"] = entries["correct"].astype(int)
    entries["precision"] = entries["correct"] / entries["coded"].where(entries["coded"] > 0)
    entries = entries.sort_values(["precision", "rule"], kind="stable", na_position="last")
    entries = entries.reset_index(drop=True)

    kappa, n_common = math.nan, 0
    if len(sheets) == 2:
        first = sheets[0].set_index("item_id")["code"].dropna()
        second = sheets[1].set_index("item_id")["code"].dropna()
        common = first.index.intersection(second.index)
        n_common = len(common)
        kappa = cohen_kappa(list(first[common]), list(second[common]))

    to_fix = entries[(entries["coded"] >= min_items) & (entries["precision"] < threshold)]
    to_fix = to_fix.reset_index(drop=True)
    context = [
        c for c in ("item_id", "rule", "outlet", "cue", "in_context", "sheet_no") if c in coded
    ]
    errors = judged[(judged["code"] == 0.0) & judged["rule"].isin(to_fix["rule"])][context]
    return ValidationResult(
        entries=entries,
        kappa=kappa,
        n_common=n_common,
        to_fix=to_fix,
        errors=errors.reset_index(drop=True),
        threshold=threshold,
        min_items=min_items,
    )


def summary(result: ValidationResult) -> str:
    """A short Markdown summary: items coded, kappa and the entries to fix."""
    coded = int(result.entries["coded"].sum())
    correct = int(result.entries["correct"].sum())
    overall = correct / coded if coded else math.nan
    kappa = (
        f"Cohen's kappa {result.kappa:.2f} on {result.n_common} items coded by both coders"
        if not math.isnan(result.kappa)
        else "Cohen's kappa: not available (give two coded sheets of the same sample)"
    )
    fix = ", ".join(map(markdown_code, result.to_fix["rule"])) or "none"
    return (
        f"{coded} judgements, {correct} correct (precision {overall:.2f}). {kappa}. "
        f"Entries below precision {result.threshold:.2f} on at least {result.min_items} "
        f"judgements: {fix}."
    )
