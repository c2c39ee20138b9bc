"""Figures that scale: sizes, everything inside the figure, readable text, distinct colours,
the note when rows are left out, hostile outlet names, deterministic files.

Synthetic data only (no corpus text). ``python tests/notebook/test_figures.py docs`` renders the
20-outlet examples in ``docs/`` (README screenshots) from the same data.
"""

from __future__ import annotations

import itertools
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.text import Text
from scipy import stats

from toolkit.errors import ParameterError
from toolkit.metrics.attribution import SOURCE_TYPES as ALL_SOURCE_TYPES
from toolkit.notebook import figures
from toolkit.notebook.figures import Plot

_NAMES = (
    "Daily Ledger", "The Morning Courier", "Harbor Times", "Capitol Wire", "Northern Gazette",
    "Evening Standard-Post", "Valley Herald", "Metro Dispatch", "Civic Review",
    "The National Observer", "Coastline News", "Prairie Journal", "Summit Tribune",
    "Riverside Chronicle", "Global Affairs Weekly", "Union Sentinel", "Lakeside Record",
    "The Independent Monitor", "Frontier Press", "Bay Area Bulletin",
)  # fmt: skip
HOSTILE = (
    "Line one\nline two\tand a tab",
    "A" * 200,
    "Emoji News 📰🔥👨‍👩‍👧",
    "חדשות ישראל היום",
    "الأخبار العربية اليوم",
    "人民日报 People's Daily",
    "Money$ $Talk$ \\$",
    "<img src=x onerror=alert(1)>",
    "\u202eReversed override",
)
MEASURES = {  # measure: (label, typical rate per 1,000 words)
    "hedges": ("Hedges", 12.0),
    "boosters": ("Boosters", 5.0),
    "attributions": ("Attributions", 18.0),
    "anonymous": ("Anonymous sources", 1.5),
}
SOURCE_TYPES = [kind for kind in figures.SOURCE_TYPE_ORDER if kind not in ("role", "implicit")]
"""Nine source types: as many as a shares figure draws without merging any into "other"."""


def outlet_names(n: int) -> list[str]:
    """``n`` distinct plausible outlet names (numbered beyond the list)."""
    return [
        _NAMES[i] if i < len(_NAMES) else f"{_NAMES[i % len(_NAMES)]} {i // len(_NAMES) + 1}"
        for i in range(n)
    ]


def synthetic_rates(outlets: list[str], seed: int = 1) -> pd.DataFrame:
    """Counts drawn from Poisson rates that differ by outlet; exact (Garwood) 95% intervals."""
    rng = np.random.default_rng(seed)
    n = len(outlets)
    words = rng.integers(900, 4000, size=n)
    lean = rng.lognormal(0.0, 0.5, size=n)
    frames = []
    for measure, (label, typical) in MEASURES.items():
        count = rng.poisson(typical * lean * words / 1000)
        low = np.where(count > 0, stats.chi2.ppf(0.025, 2 * count) / 2, 0.0)
        high = stats.chi2.ppf(0.975, 2 * count + 2) / 2
        scale = 1000 / words
        frames.append(
            pd.DataFrame(
                {
                    "outlet": outlets,
                    "measure": measure,
                    "label": label,
                    "count": count,
                    "words": words,
                    "rate": count * scale,
                    "low": low * scale,
                    "high": high * scale,
                    "articles": 3,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def synthetic_shares(outlets: list[str], seed: int = 2) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    weights = np.array([5.0, 4.0, 1.0, 1.0, 1.5, 1.5, 0.5, 1.0, 0.8])
    draws = rng.dirichlet(weights * 2, size=len(outlets))
    return pd.DataFrame(draws, index=outlets, columns=SOURCE_TYPES)


def synthetic_pairs(rates: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Every pair's rate ratio with a Wald interval on the log scale and a Holm-adjusted p."""
    table = rates[rates["measure"] == measure].set_index("outlet")
    rows = []
    for a, b in itertools.combinations(table.index, 2):
        count_a, count_b = table.at[a, "count"] + 0.5, table.at[b, "count"] + 0.5
        ratio = (count_a / table.at[a, "words"]) / (count_b / table.at[b, "words"])
        se = math.sqrt(1 / count_a + 1 / count_b)
        p = 2 * stats.norm.sf(abs(math.log(ratio)) / se)
        rows.append((measure, a, b, ratio, ratio / math.exp(1.96 * se),
                     ratio * math.exp(1.96 * se), p))  # fmt: skip
    pairs = pd.DataFrame(
        rows,
        columns=["measure", "outlet_a", "outlet_b", "rate_ratio", "ratio_low", "ratio_high", "p"],
    )
    order = np.argsort(pairs["p"].to_numpy())
    m = len(pairs)
    adjusted = np.maximum.accumulate(pairs["p"].to_numpy()[order] * (m - np.arange(m)))
    pairs.loc[pairs.index[order], "p_holm"] = np.minimum(adjusted, 1.0)
    pairs["significant_holm"] = pairs["p_holm"] < 0.05
    return pairs.drop(columns="p")


def all_figures(outlets: list[str], highlight: str | None = None) -> dict[str, Plot]:
    rates = synthetic_rates(outlets)
    shares = synthetic_shares(outlets)
    counts = rates[rates["measure"] == "attributions"].set_index("outlet")["count"]
    return {
        "rate-panels": figures.rate_panels(rates, title="Hedging and sourcing per 1,000 words"),
        "outlet-highlight": figures.rate_panels(
            rates,
            title=f"{outlets[len(outlets) // 2]} among {len(outlets)} outlets",
            highlight=highlight or outlets[len(outlets) // 2],
            measures=["hedges", "boosters"],
        ),
        "forest": figures.forest_plot(rates, measure="hedges", title="Hedges per 1,000 words"),
        "source-types": figures.share_bars(
            shares, title="Source types by outlet", counts=counts, sort_by="anonymous"
        ),
        "pairwise": figures.ratio_plot(
            synthetic_pairs(rates, "hedges"), measure="hedges", title="Hedges: pairwise rate ratios"
        ),
    }


# --- checks ----------------------------------------------------------------------------------


def _renderer(figure: Figure) -> RendererAgg:
    """A renderer for ``figure`` after its layout has run (without rasterising it)."""
    canvas = FigureCanvasAgg(figure)
    figure.draw_without_rendering()
    return canvas.get_renderer()


def _drawn_texts(figure: Figure) -> list[Text]:
    """Every text the figure draws: titles, labels, annotations, legend entries and the tick
    labels of ticks inside the axis limits (matplotlib does not draw the others)."""
    undrawn = set()
    for axes in figure.axes:
        for axis in (axes.xaxis, axes.yaxis):
            low, high = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not low - 1e-9 <= tick.get_loc() <= high + 1e-9 or not axes.get_visible():
                    undrawn.update({id(tick.label1), id(tick.label2)})
    return [
        text
        for text in figure.findobj(Text)
        if text.get_visible() and text.get_text() and id(text) not in undrawn
    ]


def assert_readable(plot: Plot, *, max_height_px: int = 1500) -> None:
    figure = plot.figure
    renderer = _renderer(figure)
    width, height = figure.get_size_inches() * figures.DPI
    assert round(width) == 900
    assert 240 <= round(height) <= max_height_px
    box = figure.bbox
    tight = figure.get_tightbbox(renderer)
    inches = figure.bbox_inches
    assert tight.x0 >= inches.x0 - 1e-6 and tight.y0 >= inches.y0 - 1e-6
    assert tight.x1 <= inches.x1 + 1e-6 and tight.y1 <= inches.y1 + 1e-6
    texts = _drawn_texts(figure)
    assert texts
    for text in texts:
        extent = text.get_window_extent(renderer)
        message = f"{text.get_text()!r} at {extent} leaves the figure {box}"
        assert extent.x0 >= box.x0 - 0.5 and extent.x1 <= box.x1 + 0.5, message
        assert extent.y0 >= box.y0 - 0.5 and extent.y1 <= box.y1 + 0.5, message
        assert text.get_fontsize() >= figures.MIN_FONT_POINTS, text.get_text()
    for legend in figure.legends:
        extent = legend.get_window_extent(renderer)
        assert extent.x0 >= box.x0 and extent.x1 <= box.x1
        assert extent.y0 >= box.y0 and extent.y1 <= box.y1


@pytest.fixture(scope="module", params=[3, 19, 50])
def plots(request: pytest.FixtureRequest) -> tuple[int, dict[str, Plot]]:
    n = int(request.param)
    return n, all_figures(outlet_names(n))


def test_every_figure_is_900_px_wide_with_everything_inside(
    plots: tuple[int, dict[str, Plot]],
) -> None:
    n, made = plots
    for name, plot in made.items():
        assert_readable(plot)
        expected = n if name != "pairwise" else n * (n - 1) // 2
        assert plot.n_total == expected, name
        assert len(plot.table) == expected * (
            4 if name == "rate-panels" else 2 if name == "outlet-highlight" else 1
        ), name


def _note(plot: Plot) -> str:
    """The note under a figure as one line, without the bidi isolates around names."""
    text = plot.figure.get_supxlabel().replace("\u2068", "").replace("\u2069", "")
    return " ".join(text.split())


def test_height_grows_with_outlets_up_to_a_bound() -> None:
    heights = {
        n: figures.forest_plot(
            synthetic_rates(outlet_names(n)), measure="hedges", title="t"
        ).figure.get_size_inches()[1]
        * figures.DPI
        for n in (3, 19, 50)
    }
    assert heights[3] < heights[19] < heights[50] <= 1400
    assert heights[50] - heights[19] == pytest.approx(31 * figures.ROW_INCHES * figures.DPI)


def test_small_tables_show_every_outlet_without_a_note(plots: tuple[int, dict[str, Plot]]) -> None:
    n, made = plots
    for name in ("rate-panels", "forest", "source-types"):
        assert made[name].n_shown == n
        assert not made[name].truncated
        assert "Showing" not in _note(made[name])


def test_10000_outlets_show_top_and_bottom_with_a_note() -> None:
    outlets = outlet_names(10_000)
    rates = synthetic_rates(outlets)
    middle = rates[rates["measure"] == "hedges"].sort_values("rate")["outlet"].iloc[5000]
    plot = figures.rate_panels(
        rates, title="Hedges", measures=["hedges", "boosters"], highlight=middle,
        csv_name="hedging-rates.csv",
    )  # fmt: skip
    assert_readable(plot)
    assert plot.truncated and plot.n_total == 10_000 and plot.n_shown == 51
    note = _note(plot)
    assert note.startswith("Dot: rate; line: 95% interval. Showing the 25 highest and 25 lowest")
    assert f"of 10,000 outlets by Hedges, with {middle} between them; full table in " in note
    assert note.endswith("hedging-rates.csv.")
    labels = [t.get_text() for t in plot.figure.axes[0].get_yticklabels()]
    assert figures.clean_label(middle) in labels
    assert sum("more …" in label for label in labels) == 2
    assert len(plot.table) == 20_000
    ranked = plot.table[plot.table["measure"] == "hedges"]["rate"].to_numpy()
    assert (np.diff(ranked[~np.isnan(ranked)]) <= 0).all()


def test_degraded_figures_keep_their_size_for_every_kind() -> None:
    outlets = outlet_names(10_000)
    for plot in (
        figures.forest_plot(synthetic_rates(outlets), measure="hedges", title="Hedges"),
        figures.share_bars(synthetic_shares(outlets), title="Sources", csv_name="s.csv"),
    ):
        assert_readable(plot)
        assert plot.n_shown == 50
        assert "of 10,000 outlets" in _note(plot)


def test_source_types_have_distinct_colours_anonymous_apart_from_unnamed_group() -> None:
    colours = figures.category_colours(SOURCE_TYPES)
    assert len(set(colours.values())) == len(SOURCE_TYPES) == 9
    assert colours["anonymous"] != colours["unnamed_group"]
    plot = figures.share_bars(synthetic_shares(outlet_names(5)), title="Sources")
    drawn = {to_hex(bar.patches[0].get_facecolor()) for bar in plot.figure.axes[0].containers}
    assert len(drawn) == 9


def test_every_source_type_and_other_keep_one_fixed_colour_of_their_own() -> None:
    every = [*ALL_SOURCE_TYPES, figures.OTHER]
    colours = figures.category_colours(every)

    assert set(ALL_SOURCE_TYPES) <= set(figures.SOURCE_TYPE_COLOURS)
    assert len(set(colours.values())) == len(every) == 12
    assert colours["unclassified"] != colours[figures.OTHER]
    assert figures.category_colours(["role", "implicit"]) == {
        "role": colours["role"],
        "implicit": colours["implicit"],
    }


def test_many_measures_wrap_into_rows_of_panels_whose_titles_do_not_overlap() -> None:
    base = synthetic_rates(outlet_names(6))
    hedges = base[base["measure"] == "hedges"]
    rates = pd.concat(
        hedges.assign(
            measure=f"frame_{i}",
            label=f"Cultural identity, public opinion and the morality of policy {i}",
        )
        for i in range(11)
    )
    plot = figures.rate_panels(rates, title="Eleven frames")
    assert_readable(plot)
    panels = [axes for axes in plot.figure.axes if axes.get_visible()]
    assert len(panels) == 11 and len(plot.figure.axes) == 12  # 3 rows of 4, one left empty
    titles = [axes.get_title(loc="left") for axes in panels]
    assert all(title.count("\n") == 1 and title.endswith("…") for title in titles)
    renderer = _renderer(plot.figure)
    boxes = [
        text.get_window_extent(renderer)
        for text in plot.figure.findobj(Text)
        if text.get_text() in titles
    ]
    assert len(boxes) == 11
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)


def test_a_report_highlights_its_outlet_and_greys_the_others() -> None:
    outlets = outlet_names(8)
    plot = figures.rate_panels(synthetic_rates(outlets), title="t", highlight="Harbor Times")
    axes = plot.figure.axes[0]
    colours = {to_hex(line.get_color()) for line in axes.lines if line.get_marker() == "o"}
    assert colours == {figures.VERMILLION.lower(), figures.GREY.lower()}
    bold = [t.get_text() for t in axes.get_yticklabels() if t.get_fontweight() == "bold"]
    assert bold == ["Harbor Times"]


def test_hostile_outlet_names_stay_inside_and_draw_without_missing_glyphs() -> None:
    outlets = [*HOSTILE, *outlet_names(5)]
    for plot in all_figures(outlets, highlight=HOSTILE[2]).values():
        assert_readable(plot)  # warnings are errors: a missing glyph would fail here
    labels = [figures.clean_label(name) for name in HOSTILE]
    assert labels[0] == "Line one line two and a tab"
    assert labels[1].endswith("…") and len(labels[1]) < 60
    assert labels[2] == "Emoji News \ufffd"
    assert labels[3] == HOSTILE[3]
    assert labels[6] == r"Money\$ \$Talk\$ \\$"
    assert labels[8] == "Reversed override"


def test_pairwise_figure_says_when_no_difference_holds() -> None:
    rates = synthetic_rates(outlet_names(4))
    pairs = synthetic_pairs(rates, "hedges").assign(significant_holm=False)
    plot = figures.ratio_plot(pairs, measure="hedges", title="t")
    assert _note(plot) == "No difference holds after Holm's correction (6 pairs)."


def test_bad_parameters_name_the_parameter() -> None:
    rates = synthetic_rates(outlet_names(3))
    with pytest.raises(ParameterError, match="'measure' parameter of forest_plot must be one of"):
        figures.forest_plot(rates, measure="hedgez", title="t")
    with pytest.raises(ParameterError, match="'highlight' parameter of rate_panels"):
        figures.rate_panels(rates, title="t", highlight="Nobody")
    with pytest.raises(ParameterError, match="not a single string"):
        figures.rate_panels(rates, title="t", measures="hedges")
    with pytest.raises(ParameterError, match="Missing: \\['rate'\\]"):
        figures.rate_panels(rates.drop(columns="rate"), title="t")
    with pytest.raises(ParameterError, match="one row per outlet and measure"):
        figures.rate_panels(pd.concat([rates, rates.head(1)]), title="t")


def test_save_figure_writes_identical_png_svg_and_pdf(tmp_path: Path) -> None:
    def build() -> Plot:  # two separate builds, as two runs of a report make
        return figures.share_bars(synthetic_shares(outlet_names(3)), title="Sources")

    plot = build()
    first = figures.save_figure(plot.figure, tmp_path / "a", "hedges-forest")
    second = figures.save_figure(build().figure, tmp_path / "b", "hedges-forest")
    assert [p.suffix for p in first] == [".png", ".svg", ".pdf"]
    for one, two in zip(first, second, strict=True):
        assert one.read_bytes() == two.read_bytes()
    assert first[0].read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in first[1].read_bytes() and first[2].read_bytes().startswith(b"%PDF")
    assert b"Matplotlib" not in first[1].read_bytes() and b"Matplotlib" not in first[2].read_bytes()
    assert b"FontFile2" in first[2].read_bytes()  # TrueType fonts embedded, not Type 3
    with pytest.raises(ParameterError, match="'stem' parameter of save_figure"):
        figures.save_figure(plot.figure, tmp_path, "../escape")


def render_examples(folder: Path, sizes: tuple[int, ...] = (20,), prefix: str = "figures") -> None:
    """Write every figure for each outlet count in ``sizes`` as a PNG of at most 128 colours
    (a third of the bytes, no visible loss on these flat-colour figures): README screenshots."""
    from PIL import Image

    for n in sizes:
        for name, plot in all_figures(outlet_names(n)).items():
            path = folder / f"{prefix}-{n}-outlets-{name}.png"
            png = figures.save_figure(plot.figure, folder / ".render", path.stem)[0]
            with Image.open(png) as image:
                image.convert("RGB").quantize(128, dither=Image.Dither.NONE).save(
                    path, optimize=True
                )
            for written in (folder / ".render").iterdir():
                written.unlink()
            (folder / ".render").rmdir()


if __name__ == "__main__":
    render_examples(Path(sys.argv[1]), tuple(int(n) for n in sys.argv[2:]) or (20,))
