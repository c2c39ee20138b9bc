"""Figures that read at 2 outlets and at 10,000: dot and forest plots sorted by value with their
95% intervals, stacked shares with one fixed colour per category, and rate ratios of outlet pairs.

Every figure function returns a :class:`Plot`: the Figure and the full table behind it, in the
figure's order, for the caller to write as CSV. A figure shows at most ``max_rows`` rows (default
50); beyond that it shows the top and bottom rows (and the highlighted outlet) and says so on the
figure ("Showing the 25 highest and 25 lowest of 10,000 outlets; full table in rates.csv").

Design: position on a common scale is read most accurately (Cleveland & McGill 1984), hence dot
plots, one row per outlet, sorted by value (Cleveland 1985), with the interval as a line and the
outlet names written beside the rows instead of a legend. Outlets are not told apart by colour
(there are too many); one highlighted outlet is, in vermillion, the others in grey. Colours come
from the colour-blind-safe palettes of Okabe & Ito (2008) and Paul Tol (2021, "muted").

Sizes: figures are ``WIDTH_INCHES`` (9 in) wide and saved at ``DPI`` (100), i.e. 900 px, the text
width of a report page; a point is then 100/72 px, so 8 pt text shows as 8.3 pt in a browser that
does not scale the image down. Height grows by ``ROW_INCHES`` per row, up to ``MAX_HEIGHT_INCHES``.
Text is set in DejaVu Sans (shipped with matplotlib, so figures are identical on every machine);
characters it has no glyph for (emoji, CJK) are shown as U+FFFD, and right-to-left names are
shaped by matplotlib's text layout.
"""

from __future__ import annotations

import functools
import math
import re
import textwrap
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.patches import Patch
from matplotlib.textpath import TextToPath
from matplotlib.ticker import (
    FuncFormatter,
    LogLocator,
    MaxNLocator,
    NullLocator,
    PercentFormatter,
)
from matplotlib.typing import RcKeyType

from toolkit.errors import ParameterError
from toolkit.notebook.plots import figure_png

WIDTH_INCHES = 9.0
DPI = 100
ROW_INCHES = 0.2
MAX_ROWS = 50
MAX_HEIGHT_INCHES = 14.0
MAX_PANEL_COLUMNS = 5
MIN_FONT_POINTS = 8.0
LABEL_POINTS = 170.0
"""Widest outlet label, in points (2.4 in); longer names end in an ellipsis."""

FONT = "DejaVu Sans"
TEXT = "#1A1A1A"
AXIS = "#595959"
GRID = "#E8E8E8"
BLUE = "#0072B2"  # Okabe-Ito blue: every outlet when none is highlighted
BLUE_LIGHT = "#80B8D8"  # its intervals
VERMILLION = "#D55E00"  # Okabe-Ito vermillion: the highlighted outlet
VERMILLION_BAND = "#FBE7DA"
GREY = "#7A7A7A"  # the other outlets when one is highlighted
GREY_LIGHT = "#BDBDBD"

TOL_MUTED = (
    "#332288",  # indigo
    "#88CCEE",  # cyan
    "#44AA99",  # teal
    "#117733",  # green
    "#999933",  # olive
    "#DDCC77",  # sand
    "#CC6677",  # rose
    "#882255",  # wine
    "#AA4499",  # purple
)
"""Paul Tol's "muted" qualitative scheme: nine colours told apart with colour-blind vision."""
PALE_GREY = "#DDDDDD"  # Tol's colour for "no data": unclassified sources
MID_GREY = "#9E9E9E"  # "other": small categories merged into one bar

SOURCE_TYPE_COLOURS: Mapping[str, str] = {
    "named_person": "#332288",
    "named_organisation": "#88CCEE",
    "role": "#999933",
    "news_media": "#44AA99",
    "document": "#117733",
    "anonymous": "#CC6677",
    "unnamed_group": "#882255",
    "unattributed_report": "#AA4499",
    "implicit": "#EE8866",
    "pronoun": "#DDCC77",
    "unclassified": PALE_GREY,
}
"""A fixed colour per source type (``toolkit.metrics.attribution.SOURCE_TYPES``), the same in
every report: named sources in blues, greens and olive, unnamed ones in reds, purple and orange
(Tol's "light" orange, the one colour beyond the muted scheme), unresolved ones pale."""
SOURCE_TYPE_ORDER = tuple(SOURCE_TYPE_COLOURS)
"""Source types from named to unresolved: a good column order for ``share_bars``."""
OTHER = "other"

_RATE_COLUMNS = ("outlet", "measure", "label", "count", "words", "rate", "low", "high")
_PAIR_COLUMNS = (
    "measure",
    "outlet_a",
    "outlet_b",
    "rate_ratio",
    "ratio_low",
    "ratio_high",
    "p_holm",
    "significant_holm",
)
_STYLE: dict[RcKeyType, Any] = {
    "font.family": FONT,
    "font.size": 9.0,
    "text.color": TEXT,
    "axes.labelcolor": TEXT,
    "axes.edgecolor": AXIS,
    "axes.titlesize": 9.0,
    "axes.titleweight": "bold",
    "axes.labelsize": 8.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.axisbelow": True,
    "xtick.color": AXIS,
    "ytick.color": AXIS,
    "xtick.labelcolor": TEXT,
    "ytick.labelcolor": TEXT,
    "xtick.labelsize": 8.0,
    "ytick.labelsize": 8.5,
    "legend.fontsize": 8.5,
    "legend.frameon": False,
    "figure.titlesize": 11.0,
    "figure.titleweight": "bold",
    "figure.labelsize": 8.0,
}


@dataclass(frozen=True, slots=True)
class Plot:
    """A figure and the full table behind it, rows in the figure's order (write it as CSV)."""

    figure: Figure
    table: pd.DataFrame
    n_shown: int
    n_total: int

    @property
    def truncated(self) -> bool:
        """Whether the figure leaves rows out (they are all in ``table``)."""
        return self.n_shown < self.n_total


@dataclass(frozen=True, slots=True)
class _Gap:
    hidden: int


_Row = str | _Gap


def rate_panels(
    rates: pd.DataFrame,
    *,
    title: str,
    measures: Sequence[str] | None = None,
    sort_by: str | None = None,
    highlight: str | None = None,
    max_rows: int = MAX_ROWS,
    csv_name: str = "rates.csv",
) -> Plot:
    """Small multiples: one dot plot per measure (rate per 1,000 words, line: 95% interval).

    Every panel shares one outlet order, highest ``sort_by`` rate first (default: the first
    measure), so an outlet is read across a row; up to ``MAX_PANEL_COLUMNS`` panels a row.
    ``rates`` is tidy: ``outlet, measure, label, count, words, rate, low, high``. ``highlight``
    names an outlet drawn in vermillion on a tinted row, the others in grey.
    """
    rates = _check_rates(rates)
    chosen = _choose(list(dict.fromkeys(rates["measure"])), measures, "measures", "rate_panels")
    key = chosen[0] if sort_by is None else _one_of(sort_by, chosen, "sort_by", "rate_panels")
    order = _sorted_outlets(rates, key)
    _check_highlight(highlight, order, "rate_panels")
    n_panel_rows = math.ceil(len(chosen) / MAX_PANEL_COLUMNS)
    n_cols = math.ceil(len(chosen) / n_panel_rows)
    rows = _visible_rows(order, _row_limit(n_panel_rows, max_rows), highlight)
    label_points = max(_width(_clean(row), 8.5) for row in rows if isinstance(row, str))
    title_points = (WIDTH_INCHES * 72 - label_points - 30) / n_cols - 14
    note = _truncation_note(len(order), rows, _label_of(rates, key), highlight, csv_name)
    titles = [_title_lines(_label_of(rates, measure), title_points) for measure in chosen]
    lines = max(title.count("\n") + 1 for title in titles)
    with _style():
        figure = _figure(_height(len(rows), n_panel_rows, note, title_lines=lines))
        grid = figure.subplots(n_panel_rows, n_cols, sharey=True, squeeze=False)
        for index, measure in enumerate(chosen):
            axes: Axes = grid[index // n_cols][index % n_cols]
            panel = rates[rates["measure"] == measure].set_index("outlet")
            _dot_panel(axes, panel, rows, highlight)
            axes.set_title(titles[index], loc="left")
            axes.set_xlabel("per 1,000 words")
        for index in range(len(chosen), n_panel_rows * n_cols):
            grid[index // n_cols][index % n_cols].set_visible(False)
        for panel_row in grid:
            _outlet_labels(panel_row[0], rows, highlight)
        _finish(figure, title, _with_key(note, "Dot: rate; line: 95% interval."))
    table = _in_order(rates[rates["measure"].isin(chosen)], order, chosen)
    return Plot(figure, table, _n_outlets(rows), len(order))


def forest_plot(
    rates: pd.DataFrame,
    *,
    measure: str,
    title: str,
    highlight: str | None = None,
    max_rows: int = MAX_ROWS,
    csv_name: str = "rates.csv",
) -> Plot:
    """One measure as a forest plot: a row per outlet sorted by rate, its 95% interval, and the
    numbers beside it (rate [interval], count / words), as in a meta-analysis figure.

    ``rates`` as for :func:`rate_panels`; rows of other measures are ignored.
    """
    rates = _check_rates(rates)
    _one_of(measure, list(dict.fromkeys(rates["measure"])), "measure", "forest_plot")
    panel = rates[rates["measure"] == measure]
    order = _sorted_outlets(panel, measure)
    _check_highlight(highlight, order, "forest_plot")
    rows = _visible_rows(order, _row_limit(1, max_rows), highlight)
    label = _label_of(rates, measure)
    note = _truncation_note(len(order), rows, label, highlight, csv_name)
    with _style():
        figure = _figure(_height(len(rows), 1, note, extra=0.2))
        axes = figure.subplots()
        indexed = panel.set_index("outlet")
        _dot_panel(axes, indexed, rows, highlight)
        _outlet_labels(axes, rows, highlight)
        _number_columns(axes, indexed, rows, highlight)
        axes.set_xlabel(f"{_clean(label, max_points=300.0)}, per 1,000 words")
        _finish(figure, title, _with_key(note, "Dot: rate; line: 95% interval."))
    return Plot(figure, _in_order(panel, order, [measure]), _n_outlets(rows), len(order))


def share_bars(
    shares: pd.DataFrame,
    *,
    title: str,
    categories: Sequence[str] | None = None,
    counts: Mapping[str, int] | pd.Series | None = None,
    sort_by: str | None = None,
    highlight: str | None = None,
    max_rows: int = MAX_ROWS,
    csv_name: str = "shares.csv",
    unit: str = "attributions",
) -> Plot:
    """Stacked horizontal bars: each outlet's shares of the categories (columns summing to 1).

    Rows are the frame's index (outlets), sorted by the share of ``sort_by`` (default: the first
    category), which is drawn first so that it starts at 0 in every bar and compares directly;
    the other categories follow in the order given (``categories``, default the columns). Each
    keeps one colour (``category_colours``: source types always the same, anonymous and unnamed
    group apart); beyond nine categories the smallest are merged into "other". ``counts``
    (outlet -> number of ``unit``) is written at the end of each bar. The ``highlight`` outlet's
    bar is outlined in black and its name set in bold.
    """
    table = _check_shares(shares, categories)
    columns = list(table.columns)
    key = columns[0] if sort_by is None else _one_of(sort_by, columns, "sort_by", "share_bars")
    table = table[[key, *[c for c in columns if c != key]]]
    drawn, merged = _merge_small(table, keep=key)
    ordered = table.assign(_key=table[key], _name=table.index).sort_values(
        ["_key", "_name"], ascending=[False, True], na_position="last", kind="mergesort"
    )
    order = [str(o) for o in ordered.index]
    _check_highlight(highlight, order, "share_bars")
    rows = _visible_rows(order, _row_limit(1, max_rows, header=0.5), highlight)
    key_label = f"share of {key.replace('_', ' ')}"
    note = _truncation_note(len(order), rows, key_label, highlight, csv_name)
    if merged:
        names = ", ".join(m.replace("_", " ") for m in merged)
        note = _with_key(note, f"'{OTHER}': {len(merged)} small categories ({names}).")
    with _style():
        figure = _figure(_height(len(rows), 1, note, extra=0.5))
        axes = figure.subplots()
        _stacked_bars(axes, drawn, rows)
        if counts is not None:
            _bar_counts(axes, pd.Series(counts), rows)
        axes.set_xlim(0, 1)
        axes.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        axes.set_xlabel(f"share of {_clean(unit, max_points=200.0)}")
        axes.spines[["left"]].set_visible(False)
        _row_grid(axes, len(rows), lines=False)
        if highlight is not None and highlight in rows:
            axes.barh(
                rows.index(highlight), 1.0, height=0.86, fill=False, edgecolor="#000000",
                linewidth=1.6, zorder=3,
            )  # fmt: skip
        _outlet_labels(axes, rows, highlight)
        _legend_above(axes, list(drawn.columns))
        _finish(figure, title, note)
    table_out = table.loc[order].rename_axis("outlet").reset_index()
    return Plot(figure, table_out, _n_outlets(rows), len(order))


def ratio_plot(
    pairs: pd.DataFrame,
    *,
    measure: str,
    title: str,
    max_rows: int = MAX_ROWS,
    csv_name: str = "pairs.csv",
) -> Plot:
    """Rate ratios of outlet pairs for one measure, largest first, on a log scale with their 95%
    intervals: blue where the difference holds after Holm's correction, grey where it does not.

    ``pairs``: ``measure, outlet_a, outlet_b, rate_ratio, ratio_low, ratio_high, p_holm,
    significant_holm`` (ratio = rate of a ÷ rate of b). Each pair is turned so that its ratio is
    at least 1 (the outlet with the higher rate first); the returned table is turned the same
    way. Beyond ``max_rows`` pairs the figure shows the largest ratios. Undefined ratios (NaN,
    0 or infinite) come last, marked "undefined".
    """
    missing = [c for c in _PAIR_COLUMNS if c not in pairs.columns]
    if missing:
        raise ParameterError(
            f"The 'pairs' parameter of ratio_plot must have the columns {list(_PAIR_COLUMNS)}. "
            f"Missing: {missing}."
        )
    _one_of(measure, list(dict.fromkeys(pairs["measure"].astype(str))), "measure", "ratio_plot")
    chosen = _oriented(pairs[pairs["measure"].astype(str) == measure])
    keys = list(chosen.index)
    limit = _row_limit(1, max_rows)
    rows: list[_Row] = [*keys[:limit], *([_Gap(len(keys) - limit)] if len(keys) > limit else [])]
    n_significant = int(chosen["significant_holm"].astype("boolean").fillna(False).sum())
    note = (
        f"{n_significant:,} of {len(keys):,} differences hold after Holm's correction (blue)."
        if n_significant
        else f"No difference holds after Holm's correction ({len(keys):,} pairs)."
    )
    if len(keys) > limit:
        note += (
            f" Showing the {limit} largest of {len(keys):,} ratios; full table in "
            f"{_clean(csv_name, max_points=200.0)}."
        )
    with _style():
        figure = _figure(_height(len(rows), 1, note))
        axes = figure.subplots()
        axes.set_xscale("log")
        limits = _ratio_limits(chosen)
        axes.axvline(1.0, color=AXIS, linewidth=0.8, linestyle=(0, (4, 3)))
        _ratio_rows(axes, chosen, rows, limits)
        axes.set_xlim(*limits)
        axes.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:g}"))
        axes.xaxis.set_minor_locator(NullLocator())
        axes.grid(axis="x", color=GRID, linewidth=0.8)
        names = dict(
            zip(chosen.index, zip(chosen["outlet_a"], chosen["outlet_b"], strict=True), strict=True)
        )
        labels = [row if isinstance(row, _Gap) else _pair_label(*names[row]) for row in rows]
        _outlet_labels(axes, labels, None, raw=True)
        axes.spines[["left"]].set_visible(False)
        _row_grid(axes, len(rows))
        axes.set_xlabel("rate ratio (first outlet ÷ second), log scale; line: 95% interval")
        _finish(figure, title, note)
    return Plot(figure, chosen.reset_index(drop=True), _n_outlets(rows), len(keys))


def category_colours(categories: Sequence[str]) -> dict[str, str]:
    """A distinct colour per category: source types (and "other") keep their fixed colours,
    other categories take the unused colours of Tol's muted scheme in order.

    Raises ``ParameterError`` beyond the nine colours the scheme has (merge categories first).
    """
    fixed = {**SOURCE_TYPE_COLOURS, OTHER: MID_GREY}
    free = [c for c in TOL_MUTED if c not in {fixed[k] for k in categories if k in fixed}]
    unknown = [c for c in categories if c not in fixed]
    if len(unknown) > len(free):
        raise ParameterError(
            f"The 'categories' parameter of category_colours must have at most {len(free)} "
            f"categories without a fixed colour. Got {len(unknown)} instead."
        )
    given = dict(zip(unknown, free, strict=False))
    return {c: fixed[c] if c in fixed else given[c] for c in categories}


def clean_label(value: object, *, max_points: float = LABEL_POINTS, size: float = 8.5) -> str:
    """``value`` as a one-line label matplotlib draws as written, at most ``max_points`` wide.

    Control and format characters (newlines, bidi overrides) become spaces or go; characters
    DejaVu Sans has no glyph for (emoji, CJK) become U+FFFD; ``$`` is escaped so that no name is
    read as mathematics; a name too wide ends in "…".
    """
    return _clean(value, max_points=max_points, size=size)


def save_figure(figure: Figure, folder: str | Path, stem: str) -> list[Path]:
    """Write ``figure`` as ``stem``.png, .svg and .pdf in ``folder``; return the three paths.

    The figure is laid out once, when the PNG is drawn (``figure_png``), and the SVG and PDF
    reuse that layout instead of computing it again (the layout engine is restored afterwards).
    The files are byte-identical across runs: no dates, software versions or random ids (PNG
    and PDF metadata cleared, ``svg.hashsalt`` fixed). PDF fonts are embedded as TrueType (Type 42),
    which journals accept, rather than Type 3. ``stem`` must be a plain file name.
    """
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}", stem):
        raise ParameterError(
            "The 'stem' parameter of save_figure must be a file name of letters, digits, '.', "
            f"'_' and '-' (at most 100, not starting with '.' or '-'). Got {stem!r} instead."
        )
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    png = target / f"{stem}.png"
    png.write_bytes(figure_png(figure, dpi=DPI))
    written = [png]
    vector_metadata: Mapping[str, Mapping[str, str | None]] = {
        "svg": {"Creator": None, "Date": None, "Format": None, "Type": None},
        "pdf": {"Creator": None, "Producer": None, "CreationDate": None, "ModDate": None},
    }
    settings: dict[RcKeyType, Any] = {
        "svg.hashsalt": f"toolkit-{stem}",
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
        "text.parse_math": False,
    }
    engine = figure.get_layout_engine()
    figure.set_layout_engine("none")
    try:
        with mpl.rc_context(settings):
            for kind, fields in vector_metadata.items():
                path = target / f"{stem}.{kind}"
                figure.savefig(path, format=kind, dpi=DPI, metadata=dict(fields))
                written.append(path)
    finally:
        figure.set_layout_engine(engine)
    return written


# --- checking input --------------------------------------------------------------------------


def _check_rates(rates: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in _RATE_COLUMNS if c not in rates.columns]
    if missing:
        raise ParameterError(
            f"The 'rates' parameter must have the columns {list(_RATE_COLUMNS)}. "
            f"Missing: {missing}."
        )
    rates = rates.assign(outlet=rates["outlet"].astype(str), measure=rates["measure"].astype(str))
    duplicated = rates.duplicated(["outlet", "measure"])
    if duplicated.any():
        first = rates[duplicated].iloc[0]
        raise ParameterError(
            "The 'rates' parameter must have one row per outlet and measure. Got "
            f"{int(duplicated.sum())} repeated, the first ({first['outlet']!r}, "
            f"{first['measure']!r}) in row {int(np.flatnonzero(duplicated.to_numpy())[0])}."
        )
    return rates


def _check_shares(shares: pd.DataFrame, categories: Sequence[str] | None) -> pd.DataFrame:
    table = shares.copy()
    table.index = table.index.astype(str)
    table.columns = [str(c) for c in table.columns]
    if table.index.has_duplicates:
        raise ParameterError(
            "The 'shares' parameter of share_bars must have one row per outlet. Got "
            f"{sorted(set(table.index[table.index.duplicated()]))[:5]} more than once."
        )
    chosen = _choose(list(table.columns), categories, "categories", "share_bars")
    return table[chosen].astype(float)


def _choose(available: list[str], chosen: Sequence[str] | None, name: str, owner: str) -> list[str]:
    if isinstance(chosen, str):
        raise ParameterError(
            f"The '{name}' parameter of {owner} must be a list of names, not a single string. "
            f"Got {chosen!r} instead."
        )
    if not available:
        raise ParameterError(f"{owner} was given an empty table: there is nothing to draw.")
    if chosen is None:
        return available
    for item in chosen:
        _one_of(item, available, name, owner)
    if not chosen:
        raise ParameterError(f"The '{name}' parameter of {owner} must not be empty.")
    return list(dict.fromkeys(chosen))


def _one_of(value: str, options: Sequence[str], name: str, owner: str) -> str:
    if value not in options:
        shown = sorted(options)[:20]
        raise ParameterError(
            f"The '{name}' parameter of {owner} must be one of {shown}"
            f"{' (first 20)' if len(options) > 20 else ''}. Got {value!r} instead."
        )
    return value


def _check_highlight(highlight: str | None, outlets: Sequence[str], owner: str) -> None:
    if highlight is not None and highlight not in outlets:
        raise ParameterError(
            f"The 'highlight' parameter of {owner} must name an outlet of the table. "
            f"Got {highlight!r} instead."
        )


# --- rows, order and notes -------------------------------------------------------------------


def _sorted_outlets(rates: pd.DataFrame, measure: str) -> list[str]:
    """Outlets by the rate of ``measure``, highest first, undefined last, ties by name."""
    outlets = pd.Index(dict.fromkeys(rates["outlet"]))
    values = rates[rates["measure"] == measure].set_index("outlet")["rate"].astype(float)
    frame = pd.DataFrame({"rate": values.reindex(outlets), "name": outlets}, index=outlets)
    ordered = frame.sort_values(
        ["rate", "name"], ascending=[False, True], na_position="last", kind="mergesort"
    )
    return [str(o) for o in ordered.index]


def _visible_rows(order: Sequence[str], limit: int, highlight: str | None) -> list[_Row]:
    """All rows when at most ``limit``; else the ``limit // 2`` highest and the rest of ``limit``
    lowest with a gap between, and the highlighted outlet between two gaps when it is in neither.
    """
    if len(order) <= limit:
        return list(order)
    top_n = limit // 2
    bottom_start = len(order) - (limit - top_n)
    top, bottom = list(order[:top_n]), list(order[bottom_start:])
    if highlight is not None and top_n <= (position := order.index(highlight)) < bottom_start:
        before, after = position - top_n, bottom_start - position - 1
        middle: list[_Row] = [
            *([_Gap(before)] if before else []),
            highlight,
            *([_Gap(after)] if after else []),
        ]
        return [*top, *middle, *bottom]
    return [*top, _Gap(bottom_start - top_n), *bottom]


def _row_limit(n_panel_rows: int, max_rows: int, header: float = 0.0) -> int:
    """Outlets a figure shows: ``max_rows``, fewer when the panel rows would pass
    ``MAX_HEIGHT_INCHES`` (rows, gaps and the highlighted outlet included)."""
    if max_rows < 4:
        raise ParameterError(
            f"The 'max_rows' parameter must be at least 4. Got {max_rows} instead."
        )
    room = (MAX_HEIGHT_INCHES - 1.2 - header) / n_panel_rows - 0.85
    return max(4, min(max_rows, int(room / ROW_INCHES) - 3))


def _n_outlets(rows: Sequence[_Row]) -> int:
    return sum(1 for row in rows if not isinstance(row, _Gap))


def _truncation_note(
    total: int,
    rows: Sequence[_Row],
    key: str,
    highlight: str | None,
    csv_name: str,
    unit: str = "outlets",
) -> str:
    if not any(isinstance(row, _Gap) for row in rows):
        return ""
    first_gap = next(i for i, row in enumerate(rows) if isinstance(row, _Gap))
    bottom = len(rows) - 1 - max(i for i, row in enumerate(rows) if isinstance(row, _Gap))
    extra = ""
    if highlight is not None and highlight not in [*rows[:first_gap], *rows[len(rows) - bottom :]]:
        extra = f", with \u2068{_clean(highlight, max_points=150.0)}\u2069 between them"
    return (
        f"Showing the {first_gap} highest and {bottom} lowest of {total:,} {unit} by "
        f"\u2068{_clean(key, max_points=150.0)}\u2069{extra}; full table in "
        f"\u2068{_clean(csv_name, max_points=200.0)}\u2069."
    )


def _with_key(note: str, key: str) -> str:
    return f"{key} {note}".strip()


def _label_of(rates: pd.DataFrame, measure: str) -> str:
    labels = rates.loc[rates["measure"] == measure, "label"].dropna()
    return str(labels.iloc[0]) if len(labels) else measure.replace("_", " ")


def _in_order(rates: pd.DataFrame, order: Sequence[str], measures: Sequence[str]) -> pd.DataFrame:
    rank = {outlet: i for i, outlet in enumerate(order)}
    measure_rank = {measure: i for i, measure in enumerate(measures)}
    ordered = rates.assign(
        _rank=rates["outlet"].map(rank), _measure=rates["measure"].map(measure_rank)
    ).sort_values(["_rank", "_measure"], kind="mergesort")
    return ordered.drop(columns=["_rank", "_measure"]).reset_index(drop=True)


def _merge_small(table: pd.DataFrame, *, keep: str) -> tuple[pd.DataFrame, list[str]]:
    """At most nine categories: the smallest (by mean share) beyond eight merge into "other"."""
    limit = len(TOL_MUTED)
    if len(table.columns) <= limit:
        return table, []
    means = table.mean().drop(index=keep).sort_values(ascending=False, kind="mergesort")
    kept = [keep, *[str(c) for c in means.index[: limit - 2]]]
    merged = [c for c in table.columns if c not in kept]
    drawn = table[[c for c in table.columns if c in kept]].copy()
    drawn[OTHER] = table[merged].sum(axis=1)
    return drawn, merged


# --- drawing ---------------------------------------------------------------------------------


@contextmanager
def _style() -> Iterator[None]:
    with mpl.rc_context(_STYLE):
        yield


def _figure(height: float) -> Figure:
    layout = ConstrainedLayoutEngine(h_pad=0.06, w_pad=0.06)
    return Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout=layout)


def _height(
    n_rows: int, n_panel_rows: int, note: str, extra: float = 0.0, title_lines: int = 1
) -> float:
    note_lines = len(_wrap(note)) if note else 0
    body = n_panel_rows * (0.85 + 0.15 * (title_lines - 1) + n_rows * ROW_INCHES)
    return round(max(2.4, 0.55 + 0.17 * note_lines + extra + body), 2)


def _finish(figure: Figure, title: str, note: str) -> None:
    figure.suptitle(_clean(title, max_points=600.0, size=11.0), x=0.01, ha="left")
    if note:
        figure.supxlabel("\n".join(_wrap(note)), x=0.01, ha="left", fontsize=8.0, color=TEXT)


def _title_lines(value: object, max_points: float) -> str:
    """A panel title in at most two lines of ``max_points``, the second ellipsized."""
    words = _plain(value).split(" ")
    first: list[str] = []
    while words and _width(" ".join([*first, words[0]]), 9.0) <= max_points:
        first.append(words.pop(0))
    if not first:
        return _escaped(_ellipsized(" ".join(words), max_points, 9.0))
    rest = _ellipsized(" ".join(words), max_points, 9.0) if words else ""
    return _escaped(" ".join(first) + (f"\n{rest}" if rest else ""))


def _wrap(note: str) -> list[str]:
    return textwrap.wrap(note, width=125) or [note]


def _dot_panel(
    axes: Axes, panel: pd.DataFrame, rows: Sequence[_Row], highlight: str | None
) -> None:
    """Dots and interval lines of one measure, one row per outlet of ``rows``."""
    _highlight_band(axes, rows, highlight)
    shown = [(p, row) for p, row in enumerate(rows) if isinstance(row, str) and row in panel.index]
    y = np.array([p for p, _ in shown], dtype=float)
    names = [row for _, row in shown]
    values = panel.loc[names, ["rate", "low", "high"]].to_numpy(dtype=float).reshape(-1, 3)
    chosen = np.array([name == highlight for name in names], dtype=bool)
    if highlight is None:
        groups = [(~chosen, BLUE, BLUE_LIGHT, 4.5, 3)]
    else:
        groups = [(~chosen, GREY, GREY_LIGHT, 4.0, 3), (chosen, VERMILLION, VERMILLION, 5.0, 4)]
    for mask, colour, line, size, order in groups:
        rate, low, high = values[mask].T
        spans = np.isfinite(low) & np.isfinite(high) & (high > low)
        axes.hlines(
            y[mask][spans], low[spans], high[spans], colors=line, linewidth=2.0, zorder=order - 1,
            clip_on=False,
        )  # fmt: skip
        drawn = np.isfinite(rate)
        axes.plot(
            rate[drawn], y[mask][drawn], linestyle="none", marker="o", markersize=size,
            color=colour, zorder=order, clip_on=False,
        )  # fmt: skip
    for position in y[~np.isfinite(values[:, 0])]:
        axes.annotate(
            "n/a", xy=(0.0, position), xycoords=("axes fraction", "data"), xytext=(3, 0),
            textcoords="offset points", va="center", fontsize=8.0, color=GREY, style="italic",
        )  # fmt: skip
    finite = values[:, :3][np.isfinite(values[:, :3])]
    top = float(finite.max()) if finite.size else 0.0
    axes.set_xlim(0.0, top * 1.08 if top > 0 else 1.0)
    axes.xaxis.set_major_locator(MaxNLocator(nbins=4, steps=[1, 2, 2.5, 5, 10]))
    axes.spines[["left"]].set_visible(False)
    axes.grid(axis="x", color=GRID, linewidth=0.8)
    _row_grid(axes, len(rows))


def _row_grid(axes: Axes, n_rows: int, *, lines: bool = True) -> None:
    """Rows top to bottom, each on a faint guide line (Cleveland's dot plots)."""
    axes.set_ylim(n_rows - 0.5, -0.5)
    if lines:
        axes.grid(axis="y", color=GRID, linewidth=0.6)


def _highlight_band(axes: Axes, rows: Sequence[_Row], highlight: str | None) -> None:
    if highlight is not None and highlight in rows:
        position = rows.index(highlight)
        axes.axhspan(position - 0.5, position + 0.5, color=VERMILLION_BAND, zorder=0, linewidth=0)


def _outlet_labels(
    axes: Axes, rows: Sequence[_Row], highlight: str | None, *, raw: bool = False
) -> None:
    """Row labels: outlet names (cleaned unless ``raw``), gaps as '… N more …'."""
    texts = [
        f"… {row.hidden:,} more …" if isinstance(row, _Gap) else (row if raw else _clean(row))
        for row in rows
    ]
    axes.set_yticks(range(len(rows)), _unique(texts))
    axes.tick_params(axis="y", length=0)
    for label, row in zip(axes.get_yticklabels(), rows, strict=True):
        if isinstance(row, _Gap):
            label.set_color(GREY)
            label.set_fontstyle("italic")
        elif row == highlight:
            label.set_fontweight("bold")
            label.set_color("#000000")


def _unique(texts: Sequence[str]) -> list[str]:
    """Labels that two long names shortened alike get a number: 'Name… (2)'."""
    seen: dict[str, int] = {}
    out = []
    for text in texts:
        seen[text] = seen.get(text, 0) + 1
        out.append(text if seen[text] == 1 else f"{text} ({seen[text]})")
    return out


def _number_columns(
    axes: Axes, panel: pd.DataFrame, rows: Sequence[_Row], highlight: str | None
) -> None:
    """Right of a forest plot: 'rate [low, high]' and 'count / words' per row, with headings."""
    heads = ("rate [95% interval]", "count / words")
    shown = [row for row in rows if not isinstance(row, _Gap) and row in panel.index]
    typical = panel.loc[shown, "rate"].astype(float).median()
    digits = 1 if typical >= 10 else 2
    cells: list[tuple[int, str, str, bool]] = []
    for position, row in enumerate(rows):
        if isinstance(row, _Gap) or row not in panel.index:
            continue
        rate, low, high = (float(v) for v in panel.loc[[row], ["rate", "low", "high"]].iloc[0])
        count, words = (_as_int(panel.at[row, c]) for c in ("count", "words"))
        texts = (_rate_text(rate, low, high, digits), _count_text(count, words))
        cells.append((position, *texts, row == highlight))
    widths = [
        max([_width(text, 8.0) for text in column] + [_width(head, 8.0)])
        for head, column in zip(
            heads, zip(*[(c[1], c[2]) for c in cells], strict=True), strict=True
        )
    ]
    right_edges = (8.0 + widths[0], 8.0 + widths[0] + 12.0 + widths[1])
    for edge, head in zip(right_edges, heads, strict=True):
        axes.annotate(
            head, xy=(1.0, 1.0), xycoords="axes fraction", xytext=(edge, 4),
            textcoords="offset points", ha="right", va="bottom", fontsize=8.0, color=AXIS,
        )  # fmt: skip
    for position, rate_text, count_text, bold in cells:
        for edge, text in zip(right_edges, (rate_text, count_text), strict=True):
            axes.annotate(
                text, xy=(1.0, position), xycoords=("axes fraction", "data"), xytext=(edge, 0),
                textcoords="offset points", ha="right", va="center", fontsize=8.0,
                fontweight="bold" if bold else "normal",
            )  # fmt: skip


def _rate_text(rate: float, low: float, high: float, digits: int) -> str:
    if math.isnan(rate):
        return "n/a"
    if math.isfinite(low) and math.isfinite(high):
        return f"{rate:.{digits}f} [{low:.{digits}f}, {high:.{digits}f}]"
    return f"{rate:.{digits}f}"


def _count_text(count: int | None, words: int | None) -> str:
    return f"{_integer(count)} / {_integer(words)}"


def _integer(value: int | None) -> str:
    return "\N{EN DASH}" if value is None else f"{value:,}"


def _as_int(value: object) -> int | None:
    """``value`` as a whole number; None when it is missing or not a finite number."""
    if not isinstance(value, int | float | np.integer | np.floating) or not np.isfinite(value):
        return None
    return round(float(value))


def _stacked_bars(axes: Axes, shares: pd.DataFrame, rows: Sequence[_Row]) -> None:
    colours = category_colours(list(shares.columns))
    left = np.zeros(len(rows))
    shown = shares.reindex([row if isinstance(row, str) else None for row in rows])
    for column in shares.columns:
        values = np.nan_to_num(shown[column].to_numpy(dtype=float))
        axes.barh(
            np.arange(len(rows)), values, left=left, height=0.72, color=colours[column],
            edgecolor="white", linewidth=0.6,
        )  # fmt: skip
        left += values


def _bar_counts(axes: Axes, counts: pd.Series, rows: Sequence[_Row]) -> None:
    """'n = 1,234' right of each bar."""
    counts.index = counts.index.astype(str)
    for position, row in enumerate(rows):
        if isinstance(row, str):
            axes.annotate(
                f"n = {_integer(_as_int(counts.get(row)))}", xy=(1.0, position),
                xycoords=("axes fraction", "data"), xytext=(4, 0), textcoords="offset points",
                va="center", fontsize=8.0,
            )  # fmt: skip


def _legend_above(axes: Axes, categories: Sequence[str]) -> None:
    """A key above the bars in at most two rows, read left to right in the bars' order."""
    colours = category_colours(categories)
    handles = [
        Patch(facecolor=colours[c], edgecolor="white", label=_clean(c.replace("_", " "), 140.0))
        for c in categories
    ]
    ncols = len(handles) if len(handles) <= 5 else math.ceil(len(handles) / 2)
    # matplotlib fills a legend column by column: interleave so that rows read in order
    ordered = [h for c in range(ncols) for h in handles[c::ncols]]
    axes.legend(
        handles=ordered, loc="lower left", bbox_to_anchor=(0.0, 1.01), ncols=ncols,
        handlelength=1.2, columnspacing=1.4, borderaxespad=0.2,
    )  # fmt: skip


def _oriented(pairs: pd.DataFrame) -> pd.DataFrame:
    """Pairs turned so that every defined ratio is at least 1, largest first, undefined last;
    indexed by a key made of the two outlet names."""
    pairs = pairs.reset_index(drop=True).copy()
    ratio = pairs["rate_ratio"].astype(float)
    flip = (ratio < 1) & (ratio > 0)
    pairs.loc[flip, ["outlet_a", "outlet_b"]] = pairs.loc[flip, ["outlet_b", "outlet_a"]].to_numpy()
    low, high = pairs["ratio_low"].astype(float), pairs["ratio_high"].astype(float)
    pairs["rate_ratio"] = ratio.where(~flip, 1 / ratio)
    with np.errstate(divide="ignore"):
        pairs["ratio_low"] = low.where(~flip, 1 / high)
        pairs["ratio_high"] = high.where(~flip, 1 / low)
    defined = np.isfinite(pairs["rate_ratio"]) & (pairs["rate_ratio"] > 0)
    key = pairs["outlet_a"].astype(str) + "\x00" + pairs["outlet_b"].astype(str)
    pairs = pairs.assign(_defined=defined, _key=key).sort_values(
        ["_defined", "rate_ratio", "_key"], ascending=[False, False, True], kind="mergesort"
    )
    return pairs.set_index("_key", drop=True).rename_axis(None)


def _ratio_rows(
    axes: Axes, pairs: pd.DataFrame, rows: Sequence[_Row], limits: tuple[float, float]
) -> None:
    """Dots (filled: holds after Holm) and clipped interval lines, one row per pair."""
    shown = [(p, row) for p, row in enumerate(rows) if isinstance(row, str)]
    y = np.array([p for p, _ in shown], dtype=float)
    table = pairs.loc[[row for _, row in shown]]
    value = table["rate_ratio"].to_numpy(dtype=float)
    defined = np.isfinite(value) & (value > 0)
    strong = table["significant_holm"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    low = table["ratio_low"].to_numpy(dtype=float)
    high = table["ratio_high"].to_numpy(dtype=float)
    low = np.where(np.isnan(low), value, low).clip(limits[0], limits[1])
    high = np.where(np.isnan(high), value, high).clip(limits[0], limits[1])
    for mask, colour, line, face in (
        (defined & ~strong, GREY, GREY_LIGHT, "white"),
        (defined & strong, BLUE, BLUE_LIGHT, BLUE),
    ):
        axes.hlines(y[mask], low[mask], high[mask], colors=line, linewidth=2.0, zorder=2)
        axes.plot(
            value[mask], y[mask], linestyle="none", marker="o", markersize=4.5, color=colour,
            markerfacecolor=face, markeredgewidth=1.2, zorder=3,
        )  # fmt: skip
    for position in y[~defined]:
        axes.annotate(
            "undefined", xy=(0.0, position), xycoords=("axes fraction", "data"), xytext=(3, 0),
            textcoords="offset points", va="center", fontsize=8.0, color=GREY, style="italic",
        )  # fmt: skip


def _pair_label(first: object, second: object) -> str:
    """'A ÷ B', each name isolated so that a right-to-left name does not reorder the pair."""
    first, second = _clean(first, 130.0), _clean(second, 130.0)
    return f"\u200e\u2068{first}\u2069 ÷ \u2068{second}\u2069"


def _ratio_limits(pairs: pd.DataFrame) -> tuple[float, float]:
    values = pairs[["rate_ratio", "ratio_low", "ratio_high"]].to_numpy(dtype=float).ravel()
    finite = values[np.isfinite(values) & (values > 0)]
    if not len(finite):
        return (0.5, 2.0)
    low, high = float(finite.min()), float(finite.max())
    low, high = min(low, 1.0) / 1.25, max(high, 1.0) * 1.25
    return (max(low, 1e-3), min(high, 1e3))


# --- labels ----------------------------------------------------------------------------------


def _clean(value: object, max_points: float = LABEL_POINTS, *, size: float = 8.5) -> str:
    return _escaped(_ellipsized(_plain(value), max_points, size))


def _plain(value: object) -> str:
    """One line of characters DejaVu Sans draws (U+FFFD for a run of others)."""
    characters = []
    glyphs = _glyphs()
    for character in str(value):
        category = unicodedata.category(character)
        if category in ("Cc", "Zl", "Zp", "Zs"):
            characters.append(" ")
        elif category in ("Cf", "Cs", "Co", "Cn") or 0xFE00 <= ord(character) <= 0xFE0F:
            continue
        elif ord(character) in glyphs:
            characters.append(character)
        elif not characters or characters[-1] != "\ufffd":
            characters.append("\ufffd")
    return re.sub(r"\s+", " ", "".join(characters)).strip() or "(no name)"


def _ellipsized(text: str, max_points: float, size: float) -> str:
    """``text`` cut to at most ``max_points`` wide, ending in '…' when cut."""
    if _width(text, size) <= max_points:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if _width(text[:middle].rstrip() + "…", size) <= max_points:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + "…"


def _escaped(text: str) -> str:
    """A '$' would start mathematics in matplotlib; escaped it is drawn as written."""
    return text.replace("$", r"\$")


@functools.cache
def _glyphs() -> frozenset[int]:
    """Code points both DejaVu Sans and DejaVu Sans Bold draw."""
    paths = [
        findfont(FontProperties(family=FONT, weight=weight), fallback_to_default=False)
        for weight in ("normal", "bold")
    ]
    regular, bold = (set(FT2Font(path).get_charmap()) for path in paths)
    return frozenset(regular & bold)


@functools.lru_cache(maxsize=4096)
def _width(text: str, size: float) -> float:
    """Width of ``text`` in points, set in bold DejaVu Sans (the widest a label is drawn).

    Cached: laying text out (with shaping for right-to-left scripts) costs milliseconds."""
    properties = FontProperties(family=FONT, size=size, weight="bold")
    width, _, _ = TextToPath().get_text_width_height_descent(text, properties, ismath=False)
    return float(width)
