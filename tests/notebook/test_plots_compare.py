"""The word-level comparison figures: they render, and their size stays bounded."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import Analysis, analyze
from toolkit.compare import (
    aligned_sentences,
    analysis_sentences,
    analysis_texts,
    coverage_items,
    coverage_matrix,
    log_odds,
    reuse_matrix,
    term_counts,
)
from toolkit.notebook import plots, plots_compare


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return analyze()


def test_every_word_level_figure_renders_on_the_sample(analysis: Analysis) -> None:
    texts = analysis_texts(analysis.documents, analysis.sentences)
    sentences = analysis_sentences(analysis.sentences)
    terms = plots_compare.distinctive_terms(log_odds(term_counts(texts)), title="t")
    coverage = plots_compare.coverage_heatmap(
        coverage_matrix(coverage_items(texts, sentences)), title="t"
    )
    reuse = plots_compare.reuse_heatmap(
        reuse_matrix(sentences, aligned_sentences(sentences)), title="t"
    )
    for figure in (terms, coverage, reuse):
        assert plots.figure_png(figure).startswith(b"\x89PNG")
    titles = [axes.get_title() for axes in terms.axes if axes.get_visible()]
    assert titles == ["MENAFN", "NewsPublicy", "The Voice", "Unusual Whales"]
    assert terms.axes[0].patches[0].get_facecolor()[:3] == pytest.approx(
        (0.0, 0.447, 0.698), abs=0.01
    )


def _many_outlets(n: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    outlets = [f"Outlet number {i:03d} with a long name" for i in range(n)]
    distinctive = pd.DataFrame(
        [
            {"outlet": o, "term": f"term{k}", "z": 3.0 - k / 5, "rank": k + 1}
            for o in outlets
            for k in range(10)
        ]
    )
    coverage = pd.DataFrame(
        {"kind": "person", "item": [f"Person {k}" for k in range(40)], "n_outlets": 2}
        | {o: [float((i + k) % 3) for k in range(40)] for i, o in enumerate(outlets)}
    )
    reuse = pd.DataFrame(0.1, index=outlets, columns=outlets)
    return distinctive, coverage, reuse


@pytest.mark.parametrize("n_outlets", [3, 50])
def test_word_level_figures_stay_bounded_and_say_what_they_leave_out(n_outlets: int) -> None:
    distinctive, coverage, reuse = _many_outlets(n_outlets)
    figures = [
        plots_compare.distinctive_terms(distinctive, title="t"),
        plots_compare.coverage_heatmap(coverage, title="t"),
        plots_compare.reuse_heatmap(reuse, title="t"),
    ]
    for figure in figures:
        width, height = figure.get_size_inches()
        assert width <= 16 and height <= 26
        png = plots.figure_png(figure)
        assert png.startswith(b"\x89PNG")
        note = figure._supxlabel.get_text() if figure._supxlabel else ""
        if n_outlets > plots_compare.MAX_OUTLETS:
            assert note.startswith(f"{plots_compare.MAX_OUTLETS} of {n_outlets} outlets shown")
        else:
            assert note == ""


@pytest.mark.parametrize(
    ("share", "label"), [(0.0, "0%"), (0.004, "<1%"), (0.005, "<1%"), (0.006, "1%"), (0.5, "50%")]
)
def test_a_share_above_zero_never_reads_as_zero_percent(share: float, label: str) -> None:
    assert plots_compare.share_label(share) == label
