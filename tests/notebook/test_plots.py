"""Figures: consistent outlet colours and figures that render."""

from __future__ import annotations

import pandas as pd

from toolkit.notebook import plots
from toolkit.notebook.plots import figure_png


def test_outlet_colours_do_not_depend_on_order() -> None:
    first = plots.outlet_colours(["MENAFN", "The Voice", "Axios"])
    second = plots.outlet_colours(["The Voice", "Axios", "MENAFN", "MENAFN"])
    assert first == second
    assert len(set(first.values())) == 3


def test_grouped_rates_draws_one_bar_per_outlet_and_measure() -> None:
    rates = pd.DataFrame({"hedges": [1.0, 2.0], "boosters": [0.5, 0.0]}, index=["A", "B"])
    figure = plots.grouped_rates(rates, title="Hedging", colours=plots.outlet_colours(["A", "B"]))
    axes = figure.axes[0]
    assert len(axes.patches) == 4
    assert [label.get_text() for label in axes.get_xticklabels()] == ["hedges", "boosters"]


def test_figures_render_to_identical_png_bytes() -> None:
    shares = pd.DataFrame({"anonymous": [0.5, 1.0], "named_person": [0.5, 0.0]}, index=["A", "B"])
    first = figure_png(plots.stacked_shares(shares, title="Sources"))
    second = figure_png(plots.stacked_shares(shares, title="Sources"))
    assert first.startswith(b"\x89PNG")
    assert first == second
