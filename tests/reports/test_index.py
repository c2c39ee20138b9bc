"""The index pages: every outlet with its articles, words and rates with intervals; static
sorting and pages."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from toolkit import Analysis, analyze
from toolkit.reports.index import index_columns, index_pages, outlet_summary

SAMPLE_OUTLETS = ["MENAFN", "NewsPublicy", "The Voice", "Unusual Whales"]


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze()


def _pages(summary: pd.DataFrame, page_rows: int = 200) -> dict[str, str]:
    notebooks = [
        {"name": name, "html": f"outlets/o{i}.html", "status": "ok", "error": ""}
        for i, name in enumerate(summary["outlet"])
    ]
    notebooks.append(
        {"name": "Comparative report", "html": "comparative.html", "status": "ok", "error": ""}
    )
    return index_pages(
        corpus="sample",
        toolkit_version="1",
        codebooks=[{"name": "hedging", "version": "1.1.0"}],
        summary=summary,
        summary_lines=["With one article per outlet, no difference in hedging is significant."],
        notebooks=notebooks,
        n_rejected=0,
        page_rows=page_rows,
    )


def test_outlet_summary_has_every_outlet_with_counts_words_and_intervals(
    analysis: Analysis,
) -> None:
    summary = outlet_summary(analysis)
    assert summary["outlet"].tolist() == SAMPLE_OUTLETS
    assert summary["articles"].tolist() == [2, 1, 1, 1]
    documents = analysis.documents
    words = documents.groupby("outlet")["n_words"].sum()
    assert summary.set_index("outlet")["words"].to_dict() == words.to_dict()
    hedges = analysis.measures.query(
        "family == 'hedging' and category == 'hedges' and zone == 'article' and measure == 'count'"
    )
    by_outlet = hedges.merge(documents[["doc_id", "outlet"]]).groupby("outlet")["value"].sum()
    assert summary.set_index("outlet")["hedging/hedges"].to_dict() == by_outlet.to_dict()
    rate = 1000 * summary["hedging/hedges"] / summary["words"]
    assert summary["hedging/hedges:rate"].tolist() == pytest.approx(rate.tolist())
    assert (summary["hedging/hedges:low"] <= summary["hedging/hedges:rate"]).all()
    assert (summary["hedging/hedges:high"] > summary["hedging/hedges:rate"]).all()


def test_an_outlet_without_a_single_hit_keeps_its_row_and_a_proper_interval(
    analysis: Analysis,
) -> None:
    summary = outlet_summary(analysis)
    zero = summary[summary["labels/all"] == 0]
    assert not zero.empty
    assert (zero["labels/all:low"] == 0).all()
    assert (zero["labels/all:high"] > 0).all()
    assert len(zero) == 3


def test_the_index_shows_rates_with_intervals_and_counts_and_the_summary(
    analysis: Analysis,
) -> None:
    summary = outlet_summary(analysis)
    index = _pages(summary)["index.html"]
    row = summary.iloc[0]
    cell = (
        f'{row["hedging/hedges:rate"]:.2f} <span class="ci">[{row["hedging/hedges:low"]:.2f}, '
        f"{row['hedging/hedges:high']:.2f}]</span> ({int(row['hedging/hedges'])})"
    )
    assert cell in index
    assert "no difference in hedging is significant" in index
    assert 'href="comparative.html"' in index
    assert index.count("<tr>") == len(SAMPLE_OUTLETS) + 1
    assert "<script" not in index


def test_each_heading_links_to_the_table_sorted_by_that_column(analysis: Analysis) -> None:
    summary = outlet_summary(analysis)
    pages = _pages(summary)
    columns = index_columns(summary)
    assert set(pages) == {"index.html"} | {
        f"index/{column.key.replace('/', '-')}.html" for column in columns[1:]
    }
    by_hedges = pages["index/hedging-hedges.html"]
    order = re.findall(r'<a href="../outlets/(o\d)\.html">', by_hedges)
    expected = summary.sort_values("hedging/hedges:rate", ascending=False)["outlet"]
    slugs = {name: f"o{i}" for i, name in enumerate(summary["outlet"])}
    assert order == [slugs[name] for name in expected]
    assert 'href="../index.html"' in by_hedges


def test_more_outlets_than_a_page_holds_are_split_into_linked_pages() -> None:
    summary = pd.DataFrame(
        {"outlet": [f"Outlet {i:03d}" for i in range(5)], "articles": 1, "words": 100}
    )
    pages = _pages(summary, page_rows=2)
    assert {"index.html", "index/outlet-2.html", "index/outlet-3.html"} <= set(pages)
    assert pages["index/outlet-3.html"].count("<tr>") == 2
    assert 'href="../index/outlet-2.html"' in pages["index/outlet-3.html"]
