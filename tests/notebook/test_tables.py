"""Paper tables: labels with units, no index column, rounding, truncation, escaping."""

from __future__ import annotations

import html
import math
import re

import pandas as pd
import pytest

from toolkit.errors import ParameterError
from toolkit.notebook import tables
from toolkit.notebook.tables import Interval

HOSTILE = '<img src=x onerror="alert(1)">'


@pytest.fixture
def rates() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "outlet": ["Daily Ledger", HOSTILE, "Harbor Times"],
            "measure": "hedges",
            "label": "Hedges",
            "articles": [3, 1, 2],
            "count": [34, 0, 12_345],
            "words": [2366, 310, 1_000_000],
            "rate": [14.3702, 0.0, 12.345],
            "low": [9.96, 0.0, 12.13],
            "high": [20.08, 11.9, 12.56],
        }
    )


def _cells(page: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", page, flags=re.DOTALL)
    cell = r"<t[dh][^>]*>(.*?)</t[dh]>"
    return [[html.unescape(c) for c in re.findall(cell, row, flags=re.DOTALL)] for row in rows]


def test_rates_table_reads_like_a_paper(rates: pd.DataFrame) -> None:
    page = tables.rates_table(rates, caption="Hedges per outlet")
    cells = _cells(page)
    assert cells[0] == [
        "Outlet", "Measure", "Articles", "Count", "Words", "Rate per 1,000 words [95% interval]",
    ]  # fmt: skip
    assert cells[1] == ["Daily Ledger", "Hedges", "3", "34", "2,366", "14.4 [10.0, 20.1]"]
    assert cells[3] == ["Harbor Times", "Hedges", "2", "12,345", "1,000,000", "12.3 [12.1, 12.6]"]
    assert cells[2][-1] == "0.0 [0.0, 11.9]"  # zero counts keep their row and interval
    assert len(cells) == 4
    assert "index" not in page and "row_heading" not in page and "blank" not in page
    assert "<caption>Hedges per outlet</caption>" in page


def test_every_corpus_string_is_escaped_and_nothing_is_active(rates: pd.DataFrame) -> None:
    labels = {"outlet": f"Outlet {HOSTILE}", "count": "Count"}
    page = tables.paper_table(rates, labels, caption=HOSTILE, max_rows=2, csv_href="a&b.csv")
    assert "<img" not in page
    assert html.unescape(page).count(HOSTILE) == 3  # caption, label and cell, all escaped
    assert "<script" not in page.lower() and "http" not in page and "@import" not in page
    assert 'href="a&amp;b.csv"' in page


def test_p_values_have_three_significant_digits_or_a_bound() -> None:
    assert [tables.format_p(p) for p in (0.5, 1.0, 0.01234, 0.001, 0.00099, 1e-300)] == [
        "0.500", "1.00", "0.0123", "0.00100", "< 0.001", "< 0.001",
    ]  # fmt: skip
    assert tables.format_p(math.nan) == tables.MISSING


def test_pairwise_table_formats_ratios_p_values_and_flags() -> None:
    pairs = pd.DataFrame(
        {
            "measure": ["hedges", "hedges"],
            "outlet_a": ["A", "B"],
            "outlet_b": ["B", "C"],
            "rate_ratio": [2.0, 0.987],
            "ratio_low": [1.2, 0.5],
            "ratio_high": [3.3333, 1.9],
            "p_holm": [0.00002, 0.8],
            "significant_holm": [True, False],
        }
    )
    cells = _cells(tables.pairwise_table(pairs))
    assert cells[1] == ["hedges", "A", "B", "2.00 [1.20, 3.33]", "< 0.001", "yes"]
    assert cells[2] == ["hedges", "B", "C", "0.99 [0.50, 1.90]", "0.800", "no"]


def test_kinds_are_inferred_and_missing_values_show_a_dash() -> None:
    frame = pd.DataFrame(
        {
            "name": ["a", None],
            "n": [1200, 3],
            "value": [123.456, math.nan],
            "small": [0.12345, 1.5],
            "p_value": [0.04, 0.0001],
            "flag": [True, False],
        }
    )
    shown = tables.formatted(frame, {c: c for c in frame.columns})
    assert shown.to_numpy().tolist() == [
        ["a", "1,200", "123", "0.12", "0.0400", "yes"],
        [tables.MISSING, "3", tables.MISSING, "1.50", "< 0.001", "no"],
    ]
    shares = tables.formatted(frame, {"small": "Share, %"}, kinds={"small": "share"})
    assert shares["small"].tolist() == ["12.3", "150.0"]


def test_long_tables_are_cut_with_a_count_and_a_link_to_the_csv() -> None:
    frame = pd.DataFrame({"outlet": [f"Outlet {i}" for i in range(10_000)], "count": 1})
    page = tables.paper_table(
        frame, {"outlet": "Outlet", "count": "Count"}, max_rows=50, csv_href="tables/rates.csv"
    )
    assert len(_cells(page)) == 51
    assert "Outlet 49<" in page and "Outlet 50<" not in page
    assert (
        '<p class="table-note">Showing the first 50 of 10,000 rows; full table: '
        '<a href="tables/rates.csv">tables/rates.csv</a>.</p>'
    ) in page


def test_output_is_deterministic_and_ids_differ_between_tables(rates: pd.DataFrame) -> None:
    first = tables.rates_table(rates)
    assert first == tables.rates_table(rates)
    assert re.search(r'id="(T_[0-9a-f]+)"', first) != re.search(
        r'id="(T_[0-9a-f]+)"', tables.rates_table(rates.head(2))
    )


@pytest.mark.parametrize(
    "href", ["javascript:alert(1)", "/etc/passwd", "../x.csv", "a/../../x.csv", "http://x/y.csv"]
)
def test_links_must_stay_inside_the_report(rates: pd.DataFrame, href: str) -> None:
    with pytest.raises(ParameterError, match="'csv_href' parameter"):
        tables.paper_table(rates, {"outlet": "Outlet"}, max_rows=1, csv_href=href)


def test_bad_labels_and_kinds_name_the_problem(rates: pd.DataFrame) -> None:
    with pytest.raises(ParameterError, match=r"does not have: \['rates'\]"):
        tables.paper_table(rates, {"rates": "Rate"})
    with pytest.raises(ParameterError, match="'kinds' parameter"):
        tables.paper_table(rates, {"rate": "Rate"}, kinds={"rate": "percent"})  # type: ignore[dict-item]
    with pytest.raises(ParameterError, match=r"does not have: \['lo'\]"):
        tables.paper_table(rates, {"rate": "Rate"}, kinds={"rate": Interval("lo", "high")})
    with pytest.raises(ParameterError, match="'labels' parameter"):
        tables.paper_table(rates, "outlet")  # type: ignore[arg-type]


def test_braces_in_a_label_from_the_corpus_are_shown_as_they_are() -> None:
    frame = pd.DataFrame({"<style>body{background:red}</style>": [1.5]})
    markup = tables.paper_table(frame, {column: column for column in frame.columns})
    assert html.escape("<style>body{background:red}</style>") in markup
