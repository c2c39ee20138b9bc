"""Rendering helpers shared by the report figures: a fixed colour per outlet for the
word-level comparison figures (``outlet_colours``) and reproducible PNG bytes (``figure_png``).

The rate, share and ratio figures themselves are in ``toolkit.notebook.figures``.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterable

from matplotlib import colormaps, rc_context
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text


def outlet_colours(outlets: Iterable[str]) -> dict[str, tuple[float, float, float, float]]:
    """A fixed colour per outlet, assigned in sorted order from a qualitative palette."""
    palette = colormaps["tab20"] if len(set(outlets)) > 10 else colormaps["tab10"]
    return {name: palette(index % palette.N) for index, name in enumerate(sorted(set(outlets)))}


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
