"""The batch's index pages: one row per outlet with its articles, words and headline rates with
95% intervals, the plain-language summary of the differences that hold, and links to reports.

Plain HTML without scripts: each column heading links to a copy of the table sorted by that
column (``index/<column>.html``), and beyond ``PAGE_ROWS`` outlets the table is split into
numbered pages. ``index.html`` is the table sorted by outlet name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from toolkit.escaping import html_text
from toolkit.notebook.rates import SUMMARY_MEASURES, measure_key, measure_labels, rates_for
from toolkit.pipeline.tables import TableSource
from toolkit.reports.html import page

PAGE_ROWS = 200
"""Outlets on one index page; more are split into numbered pages."""

SORTED_FOLDER = "index"
"""Folder (beside ``index.html``) of the index sorted by each column."""


@dataclass(frozen=True)
class IndexColumn:
    """A sortable column of the index: its key (file name), heading, and sort direction."""

    key: str
    heading: str
    descending: bool


def outlet_summary(source: TableSource) -> pd.DataFrame:
    """One row per outlet: ``outlet``, ``articles``, ``words`` and, for each summary measure
    (``SUMMARY_MEASURES``), ``<measure>`` count, ``<measure>:rate``, ``:low``, ``:high`` per
    1,000 words (``toolkit.notebook.rates.rates_for``: exact Poisson or article bootstrap).

    Articles outside the analysed languages are left out, as in every rate; outlets with no
    article in scope still get a row (zero articles, no rate).
    """
    documents = source.table(
        "documents", columns=["doc_id", "outlet", "n_words", "in_scope", "topic", "event"]
    )
    counts = source.table(
        "measures",
        columns=["doc_id", "zone", "family", "category", "measure", "value"],
        filters=[
            ("zone", "==", "article"),
            ("measure", "==", "count"),
            ("family", "in", sorted({family for family, _ in SUMMARY_MEASURES})),
        ],
    )
    present = set(zip(counts["family"], counts["category"], strict=True))
    pairs = [pair for pair in SUMMARY_MEASURES if pair in present]
    labels = measure_labels(source.metadata, pairs)
    scoped = documents[documents["in_scope"].astype(bool)]
    table = pd.DataFrame({"outlet": sorted(documents["outlet"].astype(str).unique())})
    sizes = scoped.groupby("outlet").agg(articles=("doc_id", "size"), words=("n_words", "sum"))
    table = table.merge(sizes, left_on="outlet", right_index=True, how="left")
    table[["articles", "words"]] = table[["articles", "words"]].fillna(0).astype(int)
    if pairs:
        rates = rates_for(counts, documents, pairs, labels)
        for key in (measure_key(*pair) for pair in pairs):
            one = rates[rates["measure"] == key].set_index("outlet")
            for column, suffix in (("count", ""), ("rate", ":rate"), ("low", ":low")):
                table[f"{key}{suffix}"] = table["outlet"].map(one[column])
            table[f"{key}:high"] = table["outlet"].map(one["high"])
    table.attrs["labels"] = {measure_key(*pair): labels[measure_key(*pair)] for pair in pairs}
    return table


def index_columns(summary: pd.DataFrame) -> list[IndexColumn]:
    """The sortable columns of the index for ``summary`` (``outlet_summary``)."""
    labels: Mapping[str, str] = summary.attrs.get("labels", {})
    return [
        IndexColumn("outlet", "Outlet", descending=False),
        IndexColumn("articles", "Articles", descending=True),
        IndexColumn("words", "Words", descending=True),
        *(
            IndexColumn(key, f"{label} per 1,000 words", descending=True)
            for key, label in labels.items()
        ),
    ]


def index_pages(
    *,
    corpus: str,
    toolkit_version: str,
    codebooks: Sequence[Mapping[str, str]],
    summary: pd.DataFrame,
    summary_lines: Sequence[str],
    notebooks: Sequence[Mapping[str, Any]],
    n_rejected: int,
    page_rows: int = PAGE_ROWS,
) -> dict[str, str]:
    """Every index page by its path relative to the report folder: ``index.html`` (by outlet,
    first page), and ``index/<column>[-<page>].html`` for the other orders and pages."""
    columns = index_columns(summary)
    n_pages = max(1, -(-len(summary) // page_rows))
    pages: dict[str, str] = {}
    for column in columns:
        ordered = _sorted(summary, column)
        for number in range(1, n_pages + 1):
            path = _page_path(column.key, number)
            rows = ordered.iloc[(number - 1) * page_rows : number * page_rows]
            body = _header(
                corpus,
                toolkit_version,
                codebooks,
                summary,
                summary_lines,
                notebooks,
                n_rejected,
                prefix=_prefix(path),
            )
            body += _table(rows, columns, column, notebooks, prefix=_prefix(path))
            body += _pager(column.key, number, n_pages, prefix=_prefix(path))
            pages[path] = page("Framing reports", body)
    return pages


def _sorted(summary: pd.DataFrame, column: IndexColumn) -> pd.DataFrame:
    key = column.key if column.key in ("outlet", "articles", "words") else f"{column.key}:rate"
    return summary.sort_values(
        [key, "outlet"], ascending=[not column.descending, True], kind="stable", na_position="last"
    )


def _page_path(key: str, number: int) -> str:
    if key == "outlet" and number == 1:
        return "index.html"
    suffix = "" if number == 1 else f"-{number}"
    return f"{SORTED_FOLDER}/{_file_name(key)}{suffix}.html"


def _file_name(key: str) -> str:
    return key.replace("/", "-")


def _prefix(path: str) -> str:
    return "../" if "/" in path else ""


def _header(
    corpus: str,
    toolkit_version: str,
    codebooks: Sequence[Mapping[str, str]],
    summary: pd.DataFrame,
    summary_lines: Sequence[str],
    notebooks: Sequence[Mapping[str, Any]],
    n_rejected: int,
    *,
    prefix: str,
) -> str:
    books = ", ".join(f"{html_text(b['name'])} {html_text(b['version'])}" for b in codebooks)
    others = [entry for entry in notebooks if str(entry["name"]) not in set(summary["outlet"])]
    links = " · ".join(_report_link(entry, prefix) for entry in others)
    findings = "".join(f"<li>{html_text(line)}</li>" for line in summary_lines)
    return (
        "<h1>Framing reports</h1>\n"
        f"<p>Corpus <code>{html_text(corpus)}</code>: {int(summary['articles'].sum()):,} articles "
        f"from {len(summary):,} outlets analysed, {n_rejected:,} rejected "
        f'(<a href="{prefix}analysis/rejected.csv">list</a>). toolkit '
        f"{html_text(toolkit_version)}; codebooks: {books}.</p>\n"
        + (f"<p>{links}</p>\n" if links else "")
        + "<h2>Summary</h2>\n"
        f"<ul>\n{findings or '<li>(nothing to report)</li>'}\n</ul>\n"
        "<p>Each rate: per 1,000 words pooled over the outlet's articles, its 95% interval in "
        "brackets and its count in parentheses. Intervals: exact "
        "Poisson (Garwood 1936) below 30 articles, a bootstrap over articles from 30 on. "
        "Differences: a Poisson model of each article's count with its words as exposure, "
        "corrected by Holm (see the comparative report).</p>\n"
    )


def _report_link(entry: Mapping[str, Any], prefix: str) -> str:
    link = f'<a href="{prefix}{html_text(entry["html"])}">{html_text(entry["name"])}</a>'
    if entry["status"] == "ok":
        return link
    return f'{link} <span class="failed">failed: {html_text(entry["error"])}</span>'


def _table(
    rows: pd.DataFrame,
    columns: Sequence[IndexColumn],
    current: IndexColumn,
    notebooks: Sequence[Mapping[str, Any]],
    *,
    prefix: str,
) -> str:
    reports = {str(entry["name"]): entry for entry in notebooks}
    headings = "".join(
        f"<th>{html_text(column.heading)}{' ▼' if column.descending else ' ▲'}</th>"
        if column == current
        else f'<th><a href="{prefix}{_page_path(column.key, 1)}">'
        f"{html_text(column.heading)}</a></th>"
        for column in columns
    )
    body = []
    for row in rows.to_dict("records"):
        outlet = str(row["outlet"])
        entry = reports.get(outlet)
        name = _report_link(entry, prefix) if entry else f"{html_text(outlet)} (no report built)"
        cells = [name, f"{int(row['articles']):,}", f"{int(row['words']):,}"]
        cells += [_rate_cell(row, column.key) for column in columns[3:]]
        body.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (
        f"<table>\n<thead><tr>{headings}</tr></thead>\n<tbody>\n"
        + "\n".join(body)
        + "\n</tbody>\n</table>\n"
    )


def _rate_cell(row: Mapping[Any, Any], key: str) -> str:
    rate, low, high = row.get(f"{key}:rate"), row.get(f"{key}:low"), row.get(f"{key}:high")
    count = row.get(key, 0)
    if rate is None or rate != rate:
        return "no words"
    return f'{rate:.2f} <span class="ci">[{low:.2f}, {high:.2f}]</span> ({int(count):,})'


def _pager(key: str, number: int, n_pages: int, *, prefix: str) -> str:
    if n_pages == 1:
        return ""
    links = " ".join(
        f"<strong>{page_number}</strong>"
        if page_number == number
        else f'<a href="{prefix}{_page_path(key, page_number)}">{page_number}</a>'
        for page_number in range(1, n_pages + 1)
    )
    return f"<p>Pages: {links}</p>\n"
