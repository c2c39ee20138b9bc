from __future__ import annotations

from toolkit.compare import (
    aligned_sentences,
    analysis_sentences,
    analysis_texts,
    coverage_items,
    coverage_matrix,
    family_intervals,
    log_odds,
    reuse_matrix,
    source_balance,
    term_counts,
)
from toolkit.notebook import plots, plots_compare


def test_every_comparison_figure_renders_with_outlet_colours() -> None:
    from toolkit import analyze

    analysis = analyze()
    texts = analysis_texts(analysis.documents, analysis.sentences)
    sentences = analysis_sentences(analysis.sentences)
    colours = plots.outlet_colours(texts["outlet"])
    intervals = family_intervals(analysis.evidence, sentences, "framing")
    figures = {
        "rates": plots_compare.rates_with_intervals(intervals, title="t", colours=colours),
        "terms": plots_compare.distinctive_terms(
            log_odds(term_counts(texts)), title="t", colours=colours
        ),
        "coverage": plots_compare.coverage_heatmap(
            coverage_matrix(coverage_items(texts, sentences)), title="t", colours=colours
        ),
        "reuse": plots_compare.reuse_heatmap(
            reuse_matrix(sentences, aligned_sentences(sentences)), title="t", colours=colours
        ),
        "sourcing": plots_compare.sourcing_balance(
            source_balance(analysis.attributions), title="t", colours=colours
        ),
    }
    for figure in figures.values():
        assert plots.figure_png(figure).startswith(b"\x89PNG")
    terms_axes = [a for a in figures["terms"].axes if a.get_visible()]
    assert [a.get_title() for a in terms_axes] == sorted(colours)
    assert terms_axes[0].patches[0].get_facecolor() == colours["MENAFN"]
    reuse_labels = figures["reuse"].axes[0].get_xticklabels()
    assert [label.get_color() for label in reuse_labels] == [colours[o] for o in sorted(colours)]
    points = figures["rates"].axes[0].collections
    assert any(tuple(c.get_edgecolor()[0]) == colours["The Voice"] for c in points)
