"""Figures for comparing outlets: rates with intervals, distinctive terms, coverage and reuse
heat maps, sourcing balance. Every function returns a Figure and shows nothing.

Outlets keep the colours of ``toolkit.notebook.plots.outlet_colours`` (pass the report's mapping as
``colours``); in heat maps and stacked bars the outlet names are written in their colour.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.figure import Figure

Colours = Mapping[str, tuple[float, float, float, float]]


def rates_with_intervals(
    intervals: pd.DataFrame, *, title: str, colours: Colours | None = None
) -> Figure:
    """Dots (rates per 1,000 words) and bars (bootstrap intervals), one row per measure, one
    colour per outlet. Hollow dots: small samples (see ``small_sample``)."""
    measures = sorted(intervals["measure"].unique())
    outlets = sorted(intervals["outlet"].unique())
    figure = Figure(
        figsize=(7.5, 0.5 * len(measures) * max(len(outlets), 2) / 2 + 1.6), layout="constrained"
    )
    axes = figure.subplots()
    step = 0.8 / max(len(outlets), 1)
    for index, outlet in enumerate(outlets):
        rows = intervals[intervals["outlet"] == outlet].set_index("measure").reindex(measures)
        y = np.arange(len(measures)) + (index - (len(outlets) - 1) / 2) * step
        colour = colours.get(outlet) if colours else None
        rate = rows["rate"].to_numpy(dtype=float)
        low = np.clip(rate - rows["low"].to_numpy(dtype=float), 0, None)
        high = np.clip(rows["high"].to_numpy(dtype=float) - rate, 0, None)
        axes.errorbar(
            rate,
            y,
            xerr=[np.nan_to_num(low), np.nan_to_num(high)],
            fmt="none",
            ecolor=colour,
            elinewidth=1.2,
            capsize=2,
        )
        small = rows["small_sample"].fillna(True).to_numpy(dtype=bool)
        axes.scatter(rate[~small], y[~small], color=colour, label=outlet, zorder=3, s=22)
        axes.scatter(
            rate[small],
            y[small],
            facecolors="white",
            edgecolors=colour,
            zorder=3,
            s=22,
            label=f"{outlet} (small sample)" if small.any() else None,
        )
    axes.set_yticks(range(len(measures)))
    axes.set_yticklabels([m.replace("_", " ") for m in measures])
    axes.invert_yaxis()
    axes.set_xlabel("per 1,000 words (bootstrap interval)")
    axes.set_title(title)
    axes.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def distinctive_terms(
    distinctive: pd.DataFrame, *, title: str, colours: Colours | None = None, top: int = 10
) -> Figure:
    """One panel per outlet: its ``top`` most distinctive terms by z-score (Monroe et al. 2008).
    The dashed line marks z = 1.96."""
    outlets = sorted(distinctive["outlet"].unique())
    n_cols = min(len(outlets), 3) or 1
    n_rows = max(math.ceil(len(outlets) / n_cols), 1)
    figure = Figure(
        figsize=(4.0 * n_cols, 0.28 * top * n_rows + 1.2 * n_rows), layout="constrained"
    )
    grid = figure.subplots(n_rows, n_cols, squeeze=False)
    for index, outlet in enumerate(outlets):
        axes: Axes = grid[index // n_cols][index % n_cols]
        rows = distinctive[distinctive["outlet"] == outlet].nsmallest(top, "rank")
        colour = colours.get(outlet) if colours else None
        axes.barh(rows["term"].astype(str), rows["z"].astype(float), color=colour)
        axes.axvline(1.96, color="grey", linestyle="--", linewidth=0.8)
        axes.invert_yaxis()
        axes.set_title(outlet, fontsize="medium", color=colour)
        axes.set_xlabel("z (log-odds, informative prior)")
        axes.spines[["top", "right"]].set_visible(False)
    for index in range(len(outlets), n_rows * n_cols):
        grid[index // n_cols][index % n_cols].set_visible(False)
    figure.suptitle(title)
    return figure


def coverage_heatmap(
    matrix: pd.DataFrame, *, title: str, colours: Colours | None = None, max_items: int = 40
) -> Figure:
    """Items (rows, ``kind: item``) by outlet (columns); the number in a cell is the outlet's
    mentions of the item, an empty cell means the outlet never mentions it. Shows the first
    ``max_items`` rows of ``coverage_matrix``."""
    outlets = [c for c in matrix.columns if c not in ("kind", "item", "n_outlets")]
    rows = matrix.head(max_items)
    values = rows[outlets].to_numpy(dtype=float)
    labels = [f"{k}: {i}" for k, i in zip(rows["kind"], rows["item"], strict=True)]
    figure = Figure(
        figsize=(1.1 * len(outlets) + 3.5, 0.26 * len(rows) + 1.6), layout="constrained"
    )
    axes = figure.subplots()
    shown = np.where(values > 0, np.log1p(values), np.nan)
    axes.imshow(
        shown,
        aspect="auto",
        cmap=colormaps["Blues"],
        vmin=0,
        vmax=max(float(np.nanmax(shown)) if np.isfinite(shown).any() else 1.0, 1.0),
    )
    for (r, c), value in np.ndenumerate(values):
        if value > 0:
            axes.text(c, r, f"{int(value)}", ha="center", va="center", fontsize="x-small")
    _outlet_axis(axes, outlets, colours, axis="x")
    axes.set_yticks(range(len(labels)))
    axes.set_yticklabels(labels, fontsize="small")
    axes.set_title(title)
    return figure


def reuse_heatmap(matrix: pd.DataFrame, *, title: str, colours: Colours | None = None) -> Figure:
    """Share of the row outlet's words in sentences matched in the column outlet (0-1)."""
    outlets = [str(o) for o in matrix.index]
    values = matrix.to_numpy(dtype=float)
    figure = Figure(
        figsize=(1.0 * len(outlets) + 3.0, 0.7 * len(outlets) + 1.8), layout="constrained"
    )
    axes = figure.subplots()
    image = axes.imshow(values, cmap=colormaps["Oranges"], vmin=0, vmax=1)
    for (r, c), value in np.ndenumerate(values):
        if np.isfinite(value):
            axes.text(c, r, f"{value:.0%}", ha="center", va="center", fontsize="small")
    _outlet_axis(axes, outlets, colours, axis="x")
    _outlet_axis(axes, outlets, colours, axis="y")
    axes.set_xlabel("matched in")
    axes.set_ylabel("share of words of")
    figure.colorbar(image, ax=axes, shrink=0.8)
    axes.set_title(title)
    return figure


def sourcing_balance(
    balance: pd.DataFrame, *, title: str, colours: Colours | None = None
) -> Figure:
    """Stacked horizontal bars: each outlet's attributions split by source type (shares), with
    the number of attributions at the end of each bar."""
    table = balance.pivot(index="outlet", columns="source_type", values="share").fillna(0.0)
    totals = balance.groupby("outlet")["count"].sum()
    figure = Figure(figsize=(8.0, 0.5 * len(table.index) + 1.8), layout="constrained")
    axes = figure.subplots()
    palette = colormaps["Set2"]
    left = np.zeros(len(table.index))
    for index, column in enumerate(table.columns):
        values = table[column].to_numpy(dtype=float)
        axes.barh(
            range(len(table.index)),
            values,
            left=left,
            color=palette(index % palette.N),
            label=str(column).replace("_", " "),
        )
        left += values
    for row, outlet in enumerate(table.index):
        axes.text(1.01, row, f"n={int(totals.get(outlet, 0))}", va="center", fontsize="small")
    _outlet_axis(axes, [str(o) for o in table.index], colours, axis="y")
    axes.invert_yaxis()
    axes.set_xlim(0, 1)
    axes.set_xlabel("share of attributions")
    axes.set_title(title)
    axes.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.08, 1.0))
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def _outlet_axis(axes: Axes, outlets: Sequence[str], colours: Colours | None, *, axis: str) -> None:
    if axis == "x":
        axes.set_xticks(range(len(outlets)))
        labels = axes.set_xticklabels(outlets, rotation=30, ha="right")
    else:
        axes.set_yticks(range(len(outlets)))
        labels = axes.set_yticklabels(outlets)
    if colours:
        for label, outlet in zip(labels, outlets, strict=True):
            if outlet in colours:
                label.set_color(colours[outlet])
