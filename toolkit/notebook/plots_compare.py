"""Figures of the word-level comparisons: distinctive terms, coverage and reuse heat maps.

Every function returns a Figure and shows nothing. Labels are dark text and bars one colour
(Okabe & Ito 2008 blue), so no outlet needs a colour of its own; beyond ``MAX_OUTLETS`` outlets
a figure shows the outlets named in its note and the full table goes to a CSV beside it, so a
figure's size stays bounded whatever the number of outlets.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.figure import Figure

MAX_OUTLETS = 24
"""Outlets one word-level figure shows at most (panels or heat-map columns)."""

BAR_COLOUR = "#0072B2"
"""Okabe-Ito blue: the colour of every bar."""

_NOTE_SIZE = 8.0


def distinctive_terms(
    distinctive: pd.DataFrame,
    *,
    title: str,
    top: int = 10,
    max_outlets: int = MAX_OUTLETS,
) -> Figure:
    """One panel per outlet (in name order, at most ``max_outlets``): its ``top`` most
    distinctive terms by z-score (Monroe et al. 2008). The dashed line marks z = 1.96."""
    outlets = sorted(distinctive["outlet"].astype(str).unique())
    shown = outlets[:max_outlets]
    n_cols = min(len(shown), 4) or 1
    n_rows = max(math.ceil(len(shown) / n_cols), 1)
    figure = Figure(figsize=(3.2 * n_cols, (0.2 * top + 0.9) * n_rows + 0.8), layout="constrained")
    grid = figure.subplots(n_rows, n_cols, squeeze=False)
    for index, outlet in enumerate(shown):
        axes: Axes = grid[index // n_cols][index % n_cols]
        rows = distinctive[distinctive["outlet"] == outlet].nsmallest(top, "rank")
        axes.barh(rows["term"].astype(str), rows["z"].astype(float), color=BAR_COLOUR)
        axes.axvline(1.96, color="grey", linestyle="--", linewidth=0.8)
        axes.invert_yaxis()
        axes.set_title(_short(outlet), fontsize=9, color="black")
        axes.tick_params(labelsize=8)
        axes.set_xlabel("z", fontsize=8)
        axes.spines[["top", "right"]].set_visible(False)
    for index in range(len(shown), n_rows * n_cols):
        grid[index // n_cols][index % n_cols].set_visible(False)
    figure.suptitle(title)
    _note(figure, len(shown), len(outlets), "in name order")
    return figure


def coverage_heatmap(
    matrix: pd.DataFrame,
    *,
    title: str,
    max_items: int = 40,
    max_outlets: int = MAX_OUTLETS,
) -> Figure:
    """Items (rows, ``kind: item``) by outlet (columns); the number in a cell is the outlet's
    mentions of the item, an empty cell means the outlet never mentions it. Shows the first
    ``max_items`` rows of ``coverage_matrix`` and the ``max_outlets`` outlets with the most
    mentions of them."""
    outlets = [c for c in matrix.columns if c not in ("kind", "item", "n_outlets")]
    rows = matrix.head(max_items)
    mentions = rows[outlets].fillna(0).sum().sort_values(ascending=False, kind="stable")
    shown = sorted(mentions.index[:max_outlets], key=outlets.index)
    values = rows[shown].to_numpy(dtype=float)
    labels = [_short(f"{k}: {i}", 40) for k, i in zip(rows["kind"], rows["item"], strict=True)]
    figure = Figure(figsize=(0.45 * len(shown) + 3.5, 0.22 * len(rows) + 2.2), layout="constrained")
    axes = figure.subplots()
    positive = np.where(values > 0, np.log1p(values), np.nan)
    top = float(np.nanmax(positive)) if np.isfinite(positive).any() else 1.0
    axes.imshow(positive, aspect="auto", cmap=colormaps["Blues"], vmin=0, vmax=max(top, 1.0))
    for (r, c), value in np.ndenumerate(values):
        if value > 0:
            dark = np.log1p(value) > 0.6 * max(top, 1.0)
            axes.text(
                c,
                r,
                f"{int(value)}",
                ha="center",
                va="center",
                fontsize=7,
                color="white" if dark else "black",
            )
    _outlet_ticks(axes, shown, axis="x")
    axes.set_yticks(range(len(labels)))
    axes.set_yticklabels(labels, fontsize=8)
    axes.set_title(title)
    _note(figure, len(shown), len(outlets), "with the most mentions")
    return figure


def share_label(value: float) -> str:
    """A share (0-1) as a whole percentage; a share above zero that rounds to 0% reads "<1%"."""
    label = f"{value:.0%}"
    return "<1%" if value > 0 and label == "0%" else label


def reuse_heatmap(matrix: pd.DataFrame, *, title: str, max_outlets: int = MAX_OUTLETS) -> Figure:
    """Share of the row outlet's words in sentences matched in the column outlet (0-1), for the
    ``max_outlets`` outlets with the largest shares."""
    outlets = [str(o) for o in matrix.index]
    totals = matrix.fillna(0).sum(axis=1).sort_values(ascending=False, kind="stable")
    shown = sorted((str(o) for o in totals.index[:max_outlets]), key=outlets.index)
    values = matrix.loc[shown, shown].to_numpy(dtype=float)
    size = 0.38 * len(shown)
    figure = Figure(figsize=(size + 4.0, size + 2.6), layout="constrained")
    axes = figure.subplots()
    image = axes.imshow(values, cmap=colormaps["Oranges"], vmin=0, vmax=1)
    for (r, c), value in np.ndenumerate(values):
        if np.isfinite(value) and value > 0:
            axes.text(
                c,
                r,
                share_label(value),
                ha="center",
                va="center",
                fontsize=6.5,
                color="white" if value > 0.6 else "black",
            )
    _outlet_ticks(axes, shown, axis="x")
    _outlet_ticks(axes, shown, axis="y")
    axes.set_xlabel("matched in")
    axes.set_ylabel("share of words of")
    figure.colorbar(image, ax=axes, shrink=0.8)
    axes.set_title(title)
    _note(figure, len(shown), len(outlets), "with the largest shares")
    return figure


def _outlet_ticks(axes: Axes, outlets: Sequence[str], *, axis: str) -> None:
    names = [_short(outlet) for outlet in outlets]
    if axis == "x":
        axes.set_xticks(range(len(outlets)))
        axes.set_xticklabels(names, rotation=45, ha="right", fontsize=8)
    else:
        axes.set_yticks(range(len(outlets)))
        axes.set_yticklabels(names, fontsize=8)


def _short(text: str, limit: int = 28) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (labels stay inside the figure)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _note(figure: Figure, shown: int, total: int, which: str) -> None:
    if shown < total:
        figure.supxlabel(
            f"{shown} of {total} outlets shown ({which}); every outlet is in the table's CSV.",
            fontsize=_NOTE_SIZE,
        )
