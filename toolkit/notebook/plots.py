"""Matplotlib figures for the reports; every function returns a Figure and shows nothing.

Outlets keep the same colour in every figure of a report (``outlet_colours``).
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable, Mapping

import pandas as pd
from matplotlib import colormaps, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text


def outlet_colours(outlets: Iterable[str]) -> dict[str, tuple[float, float, float, float]]:
    """A fixed colour per outlet, assigned in sorted order from a qualitative palette."""
    palette = colormaps["tab20"] if len(set(outlets)) > 10 else colormaps["tab10"]
    return {name: palette(index % palette.N) for index, name in enumerate(sorted(set(outlets)))}


def grouped_rates(
    rates: pd.DataFrame,
    *,
    title: str,
    colours: Mapping[str, tuple[float, float, float, float]] | None = None,
    ylabel: str = "per 1,000 words",
) -> Figure:
    """Grouped bars: one group per column (measure), one bar per row (outlet or series)."""
    figure = Figure(figsize=(max(6.0, 1.1 * len(rates.columns) + 2), 3.6), layout="constrained")
    axes = figure.subplots()
    n_series = max(len(rates.index), 1)
    width = 0.8 / n_series
    positions = range(len(rates.columns))
    for index, (name, row) in enumerate(rates.iterrows()):
        colour = colours.get(str(name)) if colours else None
        axes.bar(
            [p + index * width for p in positions],
            row.to_numpy(dtype=float),
            width=width,
            label=str(name),
            color=colour,
        )
    axes.set_xticks([p + width * (n_series - 1) / 2 for p in positions])
    axes.set_xticklabels([str(c).replace("_", " ") for c in rates.columns], rotation=30, ha="right")
    axes.set_ylabel(ylabel)
    axes.set_title(title)
    axes.legend(frameon=False, fontsize="small")
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def stacked_shares(
    shares: pd.DataFrame,
    *,
    title: str,
) -> Figure:
    """Horizontal stacked bars of shares (rows: outlets, columns: categories summing to 1)."""
    figure = Figure(figsize=(7.0, 0.6 * max(len(shares.index), 1) + 1.6), layout="constrained")
    axes = figure.subplots()
    palette = colormaps["Set2"]
    left = pd.Series(0.0, index=shares.index)
    for index, column in enumerate(shares.columns):
        values = shares[column].astype(float)
        axes.barh(
            [str(i) for i in shares.index],
            values,
            left=left,
            label=str(column).replace("_", " "),
            color=palette(index % palette.N),
        )
        left = left + values
    axes.set_xlim(0, 1)
    axes.set_xlabel("share of attributions")
    axes.set_title(title)
    axes.invert_yaxis()
    axes.legend(frameon=False, fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    axes.spines[["top", "right"]].set_visible(False)
    return figure


def figure_png(figure: Figure, dpi: int = 100) -> bytes:
    """PNG bytes of ``figure`` without time stamps or version text, so reruns are byte-identical.

    Labels come from the corpus, so they are drawn as plain text: ``$`` never starts
    mathtext (an outlet named ``$\\frac$`` would stop the figure), and a character the font
    lacks is drawn as a box without a "Glyph missing from font" warning in the report.
    """
    FigureCanvasAgg(figure)
    for text in figure.findobj(Text):
        text.set_parse_math(False)
    buffer = io.BytesIO()
    with rc_context({"text.parse_math": False}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font")
        figure.savefig(buffer, format="png", dpi=dpi, metadata={"Software": None})
    return buffer.getvalue()
