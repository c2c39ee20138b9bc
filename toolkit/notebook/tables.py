"""Tables that read like a paper's: human labels with units instead of column names, no index
column, numbers rounded to what the data supports, long tables cut with a count and a link to the
full CSV.

``paper_table`` renders through pandas' Styler (pandas is a dependency already, Jinja2 comes with
nbconvert): it hides the index, escapes every cell and writes plain HTML, a ``<style>`` block
scoped to the table and no script or external resource. great_tables (maintained by Posit) makes
handsome tables too, but would add a dependency chain (htmltools, Babel, faicons, ...) for little
gain here, and its HTML carries random table ids unless one is set.

How a column is shown (``kinds``; inferred from the dtype and name when not given):

* ``count``: whole number with thousands separators (``12,345``);
* ``rate``: 2 decimals, 1 when the column's typical value is 10 or more;
* ``number``: 2, 1 or 0 decimals as the typical value is below 10, below 100 or larger;
* ``ratio``: 2 decimals;
* ``share``: a share (0 to 1) as a percentage with 1 decimal (say "%" in the label);
* ``p``: 3 significant digits, "< 0.001" below that (APA style);
* ``flag``: yes / no;
* ``text``: as written, escaped;
* ``Interval(low, high)``: the value with its interval, ``4.21 [2.10, 7.52]``.

Missing values show as an en dash.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeAlias

import numpy as np
import pandas as pd

from toolkit.errors import ParameterError

Kind: TypeAlias = Literal["text", "count", "rate", "number", "ratio", "share", "p", "flag"]
KINDS: tuple[Kind, ...] = ("text", "count", "rate", "number", "ratio", "share", "p", "flag")
MAX_ROWS = 50
MISSING = "\N{EN DASH}"

RATE_LABELS: Mapping[str, str] = {
    "outlet": "Outlet",
    "label": "Measure",
    "articles": "Articles",
    "count": "Count",
    "words": "Words",
    "rate": "Rate per 1,000 words [95% interval]",
}
PAIR_LABELS: Mapping[str, str] = {
    "label": "Measure",
    "outlet_a": "Outlet A",
    "outlet_b": "Outlet B",
    "rate_ratio": "Rate ratio A ÷ B [95% interval]",
    "p_holm": "p (Holm)",
    "significant_holm": "Differs after Holm",
}


@dataclass(frozen=True, slots=True)
class Interval:
    """Show a value column with its interval from the columns ``low`` and ``high``."""

    low: str
    high: str
    kind: Literal["rate", "number", "ratio", "share"] = "rate"


Column: TypeAlias = Kind | Interval


def paper_table(
    frame: pd.DataFrame,
    labels: Mapping[str, str],
    *,
    kinds: Mapping[str, Column] | None = None,
    caption: str | None = None,
    max_rows: int = MAX_ROWS,
    csv_href: str | None = None,
) -> str:
    """``frame`` as an HTML table: the columns named in ``labels`` (column -> "Label, unit"), in
    that order, each formatted by its kind, without the index.

    Beyond ``max_rows`` rows the table shows the first ``max_rows`` and says how many there are,
    with a link to ``csv_href`` (a relative path to the full table) when given. Every string from
    the frame, the labels and the caption is escaped.
    """
    shown = formatted(frame.head(max_rows), labels, kinds=kinds, reference=frame)
    from pandas.io.formats.style import Styler

    numeric = [i for i, column in enumerate(labels) if _kind_of(frame, column, kinds) != "text"]
    uuid = hashlib.sha256(
        repr((list(labels.items()), caption, shown.to_numpy().tolist())).encode()
    ).hexdigest()[:10]
    styler = Styler(shown, uuid=uuid, cell_ids=False).hide(axis="index").format(escape="html")
    styler = styler.relabel_index(
        [_literal(html.escape(label)) for label in labels.values()], axis=1
    )
    styler = styler.set_table_styles(
        {
            shown.columns[i]: [
                {"selector": "td", "props": "text-align: right;"},
                {"selector": "th", "props": "text-align: right;"},
            ]
            for i in numeric
        },
        overwrite=False,
    )
    styler = styler.set_table_styles(
        [{"selector": "", "props": "font-variant-numeric: tabular-nums;"}], overwrite=False
    )
    if caption:
        styler = styler.set_caption(html.escape(caption))
    table = styler.to_html()
    if len(frame) <= max_rows:
        return table
    note = f"Showing the first {max_rows:,} of {len(frame):,} rows"
    if csv_href is not None:
        href = _checked_href(csv_href)
        note += f'; full table: <a href="{html.escape(href)}">{html.escape(href)}</a>'
    return f'{table}<p class="table-note">{note}.</p>\n'


def formatted(
    frame: pd.DataFrame,
    labels: Mapping[str, str],
    *,
    kinds: Mapping[str, Column] | None = None,
    reference: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The table ``paper_table`` shows, as strings (not escaped), columns still named as in
    ``frame``. Decimals are chosen on ``reference`` (default ``frame``), so that a cut table
    rounds like the whole."""
    if isinstance(labels, str) or not labels:
        raise ParameterError(
            "The 'labels' parameter must map column names to labels ('count' -> 'Count'). "
            f"Got {labels!r} instead."
        )
    reference = frame if reference is None else reference
    missing = [column for column in labels if column not in frame.columns]
    for column in labels:
        kind = (kinds or {}).get(column)
        if isinstance(kind, Interval):
            missing += [c for c in (kind.low, kind.high) if c not in frame.columns]
        elif kind is not None and kind not in KINDS:
            raise ParameterError(
                f"The 'kinds' parameter must map columns to one of {set(KINDS)} or an Interval. "
                f"Got {kind!r} for {column!r} instead."
            )
    if missing:
        raise ParameterError(
            f"The 'labels' and 'kinds' parameters name columns the table does not have: "
            f"{sorted(set(missing))}. Its columns: {[str(c) for c in frame.columns]}."
        )
    out = {}
    for column in labels:
        kind = (kinds or {}).get(column) or _inferred(frame[column], column)
        if isinstance(kind, Interval):
            show = _formatter(kind.kind, reference[column])
            out[column] = [
                _with_interval(show, value, low, high)
                for value, low, high in zip(
                    frame[column], frame[kind.low], frame[kind.high], strict=True
                )
            ]
        else:
            show = _formatter(kind, reference[column])
            out[column] = [show(value) for value in frame[column]]
    return pd.DataFrame(out, index=range(len(frame)), dtype=object)


def rates_table(
    rates: pd.DataFrame,
    *,
    caption: str | None = None,
    max_rows: int = MAX_ROWS,
    csv_href: str | None = None,
) -> str:
    """The tidy rates (``outlet, measure, label, count, words, rate, low, high``, optionally
    ``articles``) as a paper table, one row per outlet and measure, in the frame's order."""
    labels = {c: label for c, label in RATE_LABELS.items() if c in rates.columns}
    counts: dict[str, Column] = {"articles": "count", "count": "count", "words": "count"}
    kinds: dict[str, Column] = {**counts, "rate": Interval("low", "high", "rate")}
    return paper_table(
        rates, labels, kinds=kinds, caption=caption, max_rows=max_rows, csv_href=csv_href
    )


def pairwise_table(
    pairs: pd.DataFrame,
    *,
    caption: str | None = None,
    max_rows: int = MAX_ROWS,
    csv_href: str | None = None,
) -> str:
    """Pairwise contrasts (``measure, outlet_a, outlet_b, rate_ratio, ratio_low, ratio_high,
    p_holm, significant_holm``, optionally ``label``) as a paper table, in the frame's order."""
    table = pairs if "label" in pairs.columns else pairs.assign(label=pairs["measure"])
    kinds: dict[str, Column] = {
        "rate_ratio": Interval("ratio_low", "ratio_high", "ratio"),
        "p_holm": "p",
        "significant_holm": "flag",
    }
    return paper_table(
        table, PAIR_LABELS, kinds=kinds, caption=caption, max_rows=max_rows, csv_href=csv_href
    )


def format_p(value: float) -> str:
    """A p-value to 3 significant digits, "< 0.001" below 0.001 (APA style)."""
    if not math.isfinite(value):
        return MISSING
    return "< 0.001" if value < 0.001 else f"{value:#.3g}"


def _kind_of(frame: pd.DataFrame, column: str, kinds: Mapping[str, Column] | None) -> Column:
    return (kinds or {}).get(column) or _inferred(frame[column], column)


def _inferred(values: pd.Series, name: str) -> Kind:
    if pd.api.types.is_bool_dtype(values):
        return "flag"
    if re.fullmatch(r"p|p_.+|.+_p|p_?value.*", name):
        return "p"
    if pd.api.types.is_integer_dtype(values):
        return "count"
    if pd.api.types.is_float_dtype(values):
        return "number"
    return "text"


def _formatter(kind: Kind, reference: pd.Series) -> Callable[[object], str]:
    if kind == "text":
        return lambda value: MISSING if _missing(value) else str(value)
    if kind == "flag":
        return lambda value: MISSING if _missing(value) else ("yes" if bool(value) else "no")
    if kind == "count":
        return _numeric(lambda number: f"{round(number):,}")
    if kind == "p":
        return _numeric(format_p)
    if kind == "share":
        return _numeric(lambda number: f"{100 * number:.1f}")
    digits = 2 if kind == "ratio" else _decimals(reference, allow_zero=kind != "rate")
    return _numeric(lambda number: f"{number:,.{digits}f}")


def _decimals(reference: pd.Series, *, allow_zero: bool) -> int:
    """2 decimals below a typical (median) value of 10, then 1; 0 from 100 when allowed."""
    values = pd.to_numeric(reference, errors="coerce").to_numpy(dtype=float)
    finite = np.abs(values[np.isfinite(values)])
    typical = float(np.median(finite)) if finite.size else 0.0
    if typical >= 100 and allow_zero:
        return 0
    return 1 if typical >= 10 else 2


def _numeric(show: Callable[[float], str]) -> Callable[[object], str]:
    def format_value(value: object) -> str:
        number = _number(value)
        return MISSING if number is None else show(number)

    return format_value


def _with_interval(show: Callable[[object], str], value: object, low: object, high: object) -> str:
    text = show(value)
    if text == MISSING or _number(low) is None or _number(high) is None:
        return text
    return f"{text} [{show(low)}, {show(high)}]"


def _number(value: object) -> float | None:
    if isinstance(value, bool | np.bool_) or not isinstance(
        value, int | float | np.integer | np.floating
    ):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _checked_href(href: str) -> str:
    """A relative link inside the report folder: no scheme, no absolute path, no '..'."""
    parts = href.split("/")
    if (
        not href
        or ":" in href
        or href.startswith(("/", "\\"))
        or ".." in parts
        or "\\" in href
        or any(ord(c) < 32 for c in href)
    ):
        raise ParameterError(
            "The 'csv_href' parameter must be a relative path inside the report folder "
            f"(no scheme, no leading '/', no '..'). Got {href!r} instead."
        )
    return href


def _literal(label: str) -> str:
    """``label`` as a format string that shows it as it is (``Styler.relabel_index`` formats its
    labels, so a brace from the corpus, as in an outlet named "{background}", would be read as a
    field)."""
    return label.replace("{", "{{").replace("}", "}}")
