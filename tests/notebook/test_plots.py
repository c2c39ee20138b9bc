"""Figures: consistent outlet colours and figures that render."""

from __future__ import annotations

import pandas as pd

from toolkit.notebook import figures, plots
from toolkit.notebook.plots import figure_png


def test_outlet_colours_do_not_depend_on_order() -> None:
    first = plots.outlet_colours(["MENAFN", "The Voice", "Axios"])
    second = plots.outlet_colours(["The Voice", "Axios", "MENAFN", "MENAFN"])
    assert first == second
    assert len(set(first.values())) == 3


def test_figures_render_to_identical_png_bytes() -> None:
    shares = pd.DataFrame({"anonymous": [0.5, 1.0], "named_person": [0.5, 0.0]}, index=["A", "B"])
    first = figure_png(figures.share_bars(shares, title="Sources").figure)
    second = figure_png(figures.share_bars(shares, title="Sources").figure)
    assert first.startswith(b"\x89PNG")
    assert first == second
