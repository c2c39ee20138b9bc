"""Plain-language sentences saying which outlet differences hold after correction.

Pure text for the top of the index and the comparative report: no markup, outlet names exactly
as the corpus spells them (the caller escapes them for HTML). One sentence per difference that
holds, the largest first; then one sentence for the measures where none does, saying how many
outlets and comparisons there were and, when every outlet has a single article, that the
comparison is between texts; then how many comparisons could not be made because two outlets
share no story.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal, NamedTuple

import pandas as pd

from toolkit.compare.models import EXACT, NO_ADJUSTMENT, NOT_IDENTIFIED, VS_REST
from toolkit.compare.texts import require_columns
from toolkit.errors import ParameterError

_CORRECTIONS = {"holm": "Holm", "bh": "Benjamini-Hochberg"}
_NEEDED = (
    "measure",
    "comparison",
    "outlet_a",
    "outlet_b",
    "count_a",
    "count_b",
    "articles_a",
    "articles_b",
    "rate_a",
    "rate_b",
    "log_rate_ratio",
    "rate_ratio",
    "test",
    "adjustment",
    "replicated",
)


def summary_sentences(
    differences: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    correction: Literal["holm", "bh"] = "holm",
    per_measure: int = 3,
) -> list[str]:
    """Sentences on the differences of ``outlet_differences`` that hold after ``correction``.

    ``labels`` maps a measure to a plural noun for the text ("hedges", "anonymous
    attributions"); measures without one appear by name. For every measure (sorted), up to
    ``per_measure`` sentences such as "A has a higher rate of hedges than B (2.1 vs 0.4 per
    1,000 words, rate ratio 5.2, Holm-adjusted p = 0.003).", then how many more hold; then one
    sentence naming the measures where none holds ("No difference in hedges or boosters is
    significant ..."), and one counting the comparisons that could not be made.
    """
    if correction not in _CORRECTIONS:
        raise ParameterError(
            "The 'correction' parameter of summary_sentences must be one of {'holm', 'bh'}. "
            f"Got {correction!r} instead."
        )
    if per_measure < 1:
        raise ParameterError(
            "The 'per_measure' parameter of summary_sentences must be an int >= 1. "
            f"Got {per_measure!r} instead."
        )
    require_columns(differences, (*_NEEDED, f"p_{correction}"), "differences")
    names = labels or {}
    holding: list[str] = []
    quiet: list[tuple[str, _Scope]] = []  # measures where nothing holds, with their scope
    apart: list[tuple[str, int, str]] = []  # (label, comparisons not made, story column)
    for measure, rows in differences.groupby("measure", sort=True):
        label = names.get(str(measure), str(measure))
        n_apart, story = _not_identified(rows)
        sentences = _holding(rows, label, correction, per_measure, story)
        holding.extend(sentences)
        if not sentences:
            quiet.append((label, _scope(rows)))
        if n_apart and story:
            apart.append((label, n_apart, story))
    return [*holding, *_none_holds(quiet, _CORRECTIONS[correction]), *_apart(apart)]


def _holding(
    rows: pd.DataFrame, label: str, correction: str, per_measure: int, story: str | None
) -> list[str]:
    """Sentences on a measure's differences that hold, the largest first; [] when none does."""
    name = _CORRECTIONS[correction]
    adjusted = f"p_{correction}"
    holding = rows[rows[f"significant_{correction}"].astype(bool)]
    if holding.empty:
        return []
    ordered = holding.assign(_size=holding["log_rate_ratio"].abs()).sort_values(
        [adjusted, "_size", "outlet_a", "outlet_b"],
        ascending=[True, False, True, True],
        kind="stable",
    )
    sentences = [
        _difference(row, label, name, adjusted, story)
        for _, row in ordered.head(per_measure).iterrows()
    ]
    more = len(ordered) - per_measure
    if more > 0:
        sentences.append(
            f"{more} more difference{'s' if more > 1 else ''} in {label} "
            f"hold{'' if more > 1 else 's'} after {name} correction "
            f"(of {len(rows):,} comparisons)."
        )
    if not ordered["replicated"].astype(bool).all():
        sentences.append(
            "Where an outlet has a single article, a difference is one between texts, "
            "not necessarily between the outlets' reporting."
        )
    return sentences


def _not_identified(rows: pd.DataFrame) -> tuple[int, str | None]:
    """How many of a measure's comparisons could not be made, and the story column (topic,
    event) the model adjusted for (None without one)."""
    adjustments = sorted(set(rows["adjustment"]) - {NO_ADJUSTMENT})
    story = adjustments[0] if adjustments else None
    return int((rows["test"] == NOT_IDENTIFIED).sum()), story


class _Scope(NamedTuple):
    """What a measure compared: "19 outlets, 171 pairs", and whether every outlet had a single
    article."""

    compared: str
    single_articles: bool


def _scope(rows: pd.DataFrame) -> _Scope:
    """The scope of a measure's comparisons."""
    against_rest = (rows["comparison"] == VS_REST).any()
    if against_rest:
        n_outlets = rows["outlet_a"].nunique()
        articles = rows["articles_a"]
        scope = f"{n_outlets:,} outlets, each compared with all the others"
    else:
        n_outlets = len(set(rows["outlet_a"]) | set(rows["outlet_b"]))
        articles = pd.concat([rows["articles_a"], rows["articles_b"]])
        scope = f"{n_outlets:,} outlets, {len(rows):,} pair{'s' if len(rows) > 1 else ''}"
    return _Scope(scope, bool(len(articles)) and bool((articles == 1).all()))


def _none_holds(quiet: list[tuple[str, _Scope]], name: str) -> list[str]:
    """One sentence for the measures where no difference holds, per scope they share."""
    by_scope: dict[_Scope, list[str]] = {}
    for label, scope in quiet:
        by_scope.setdefault(scope, []).append(label)
    sentences = []
    for scope, measures in by_scope.items():
        detail = scope.compared + (" each" if len(measures) > 1 else "")
        what = f"no difference in {_listed(measures, 'or')} is significant after {name} correction"
        if scope.single_articles:
            sentences.append(f"With one article per outlet, {what} ({detail}).")
        else:
            sentences.append(f"{what[0].upper()}{what[1:]} ({detail}).")
    return sentences


def _apart(apart: list[tuple[str, int, str]]) -> list[str]:
    """The comparisons that could not be made because two outlets share no story, counted."""
    by_story: dict[str, list[tuple[str, int]]] = {}
    for label, count, story in apart:
        by_story.setdefault(story, []).append((label, count))
    sentences = []
    for story, counts in by_story.items():
        reason = f"the outlets share no {story}, so their difference cannot be told from their "
        if len(counts) == 1:
            label, count = counts[0]
            sentences.append(
                f"{count:,} comparison{'s' if count > 1 else ''} in {label} could not be made: "
                f"{reason}choice of stories."
            )
        else:
            listed = _listed([f"{count:,} in {label}" for label, count in counts], "and")
            sentences.append(
                f"Some comparisons could not be made because {reason}choice of stories: {listed}."
            )
    return sentences


def _listed(items: list[str], conjunction: str) -> str:
    """ "a", "a or b", "a, b or c"."""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def _difference(row: pd.Series, label: str, name: str, adjusted: str, story: str | None) -> str:
    first_higher = row["log_rate_ratio"] >= 0
    high, low = ("a", "b") if first_higher else ("b", "a")
    other = "the other outlets together" if row["comparison"] == VS_REST else row[f"outlet_{low}"]
    ratio = math.exp(abs(float(row["log_rate_ratio"])))  # higher over lower; inf over none
    details = [f"{_rate(row[f'rate_{high}'])} vs {_rate(row[f'rate_{low}'])} per 1,000 words"]
    if math.isfinite(ratio):
        adjustment = str(row["adjustment"])
        prefix = "" if adjustment == NO_ADJUSTMENT else f"{adjustment}-adjusted "
        details.append(f"{prefix}rate ratio {_ratio(ratio)}")
    else:
        details.append(f"{_count(row[f'count_{high}'])} vs none")
    if row["test"] == EXACT:
        details.append("exact conditional test" + (f", not adjusted for {story}" if story else ""))
    details.append(f"{name}-adjusted {_p(float(row[adjusted]))}")
    return (
        f"{row[f'outlet_{high}']} has a higher rate of {label} than {other} ({', '.join(details)})."
    )


def _rate(value: float) -> str:
    """Per 1,000 words: one decimal from 1 up, two significant digits below, "0" for none."""
    if value == 0:
        return "0"
    return f"{value:.1f}" if value >= 1 else f"{value:.2g}"


def _ratio(value: float) -> str:
    return f"{value:.1f}" if value >= 1 else f"{value:.2f}"


def _count(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _p(value: float) -> str:
    if value < 0.001:
        return "p < 0.001"
    return f"p = {value:.3f}" if value < 0.01 else f"p = {value:.2f}"
