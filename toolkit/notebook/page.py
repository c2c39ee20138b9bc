"""What the report notebooks call: parameter checks, loading the analysis, showing figures.

Notebooks hold no logic of their own; anything they need lives here or in ``views``/``plots``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from IPython.display import Markdown
from matplotlib.figure import Figure

from toolkit.analysis import Analysis, AnalysisFolder, analyze, read_analysis
from toolkit.compare.texts import WORD_LEVEL_ARTICLES
from toolkit.errors import ParameterError
from toolkit.escaping import markdown_text
from toolkit.notebook.figures import Plot, save_figure
from toolkit.notebook.plots import figure_png
from toolkit.notebook.rates import Comparison
from toolkit.pipeline.config import check_codebook_parameters, make_config
from toolkit.pipeline.tables import TableSource


def check_parameters(values: Mapping[str, Any], expected: Mapping[str, type]) -> None:
    """Fail loudly when a notebook parameter is unknown or of the wrong type.

    papermill only warns about parameters a notebook does not declare; reports must not run with
    a misspelt parameter silently ignored.
    """
    problems = [
        f"unknown parameter {name!r} (known: {sorted(expected)})"
        for name in values
        if name not in expected
    ]
    for name, kind in expected.items():
        if name not in values:
            problems.append(f"missing parameter {name!r}")
        elif not isinstance(values[name], kind):
            problems.append(
                f"parameter {name!r} must be {kind.__name__}, got {type(values[name]).__name__} "
                f"{values[name]!r}"
            )
    if problems:
        raise ParameterError("Bad notebook parameters: " + "; ".join(problems))


def codebook_arguments(namespace: Mapping[str, Any]) -> dict[str, str]:
    """The codebook parameters of a notebook, by name, taken from its namespace.

    Every codebook slot of the family registry is a notebook parameter of the same name
    (``hedging_codebook``, ``actors_codebook``, ...); raises ``ParameterError`` naming any the
    notebook's parameters cell does not declare, so a new family's slot cannot be forgotten.
    """
    from toolkit.pipeline.config import codebook_parameters

    names = codebook_parameters()
    missing = [name for name in names if name not in namespace]
    if missing:
        raise ParameterError(
            f"The notebook's parameters cell must declare every codebook parameter; "
            f"missing {missing}."
        )
    return {name: namespace[name] for name in names}


def configure_display() -> None:
    """Show whole sentences and long tables in notebook output (pandas display options)."""
    import pandas as pd

    pd.set_option("display.max_colwidth", None)
    pd.set_option("display.max_rows", 500)
    pd.set_option("display.precision", 2)


def load_analysis(
    analysis_dir: str,
    codebooks: Mapping[str, str] | None = None,
    *,
    outlet: str | None = None,
    lazy: bool = False,
) -> Analysis | AnalysisFolder:
    """The analysis in ``analysis_dir``; when it is empty, analyse the bundled sample corpus.

    ``codebooks`` maps ``make_config`` keyword arguments (``"hedging_codebook"``, ...) to codebook
    paths; empty paths mean the built-in codebook. They apply only when the notebook analyses the
    corpus itself (``analysis_dir`` empty): a written analysis already records its codebooks.
    With ``outlet``, a written analysis is read for that outlet only (``read_analysis``); with
    ``lazy``, it is opened as an ``AnalysisFolder`` that reads each table as far as it is asked
    for (the comparative report of a large corpus).
    """
    check_codebook_parameters(codebooks or {}, "load_analysis")
    chosen = {name: Path(path) for name, path in (codebooks or {}).items() if path}
    if analysis_dir:
        if chosen:
            raise ParameterError(
                "Codebook parameters apply only when 'analysis_dir' is empty; the analysis in "
                f"{analysis_dir!r} was made with the codebooks its analysis.json records."
            )
        if lazy:
            folder = AnalysisFolder(Path(analysis_dir))
            if outlet is not None:
                check_outlet(folder, outlet)
            return folder
        return read_analysis(Path(analysis_dir), outlet=outlet)
    analysis = analyze(None, config=make_config(**chosen))
    if outlet is not None:
        check_outlet(analysis, outlet)
    return analysis


def check_outlet(analysis: TableSource, outlet: str) -> None:
    """Raise ``ParameterError`` naming the known outlets when ``outlet`` is not one of them."""
    known = sorted(
        str(name) for name in analysis.table("outlets", columns=["outlet"])["outlet"].unique()
    )
    if outlet not in known:
        raise ParameterError(
            f"The 'outlet' parameter must be one of {known}. Got {outlet!r} instead."
        )


def text(value: object) -> str:
    """``value`` as text that Markdown shows literally, on one line (``markdown_text``).

    Use it for every corpus-provided string (outlet names, titles, paths) put into Markdown.
    """
    return markdown_text(value)


def heading(value: object, level: int = 2) -> Markdown:
    """A Markdown heading showing ``value`` literally (escaped)."""
    return Markdown(f"{'#' * level} {text(value)}")


def provenance(analysis: TableSource) -> str:
    """One Markdown line: toolkit version, corpus and the codebooks (name and version) used."""
    meta = analysis.metadata
    books = ", ".join(f"{text(book['name'])} {text(book['version'])}" for book in meta["codebooks"])
    return (
        f"toolkit {text(meta['toolkit_version'])} · corpus {text(meta['corpus'])} · "
        f"{meta['n_articles']} articles ({meta['n_rejected']} rejected) · codebooks: {books}"
    )


def show(figure: Figure) -> None:
    """Display ``figure`` in the notebook as a PNG image."""
    from IPython.display import Image, display

    display(Image(data=figure_png(figure)))


def show_plot(plot: Plot, folder: str = "", stem: str = "") -> None:
    """Display a figure of ``toolkit.notebook.figures``; with ``folder``, also save it there as
    PNG, SVG and PDF (``save_figure``, byte-identical across runs; the PNG shown is the one
    saved, drawn once) and its full table as ``<stem>.csv``, the file a truncated figure's
    note points to."""
    from IPython.display import Image, display

    if not folder:
        display(Image(data=figure_png(plot.figure)))
        return
    if not stem:
        raise ParameterError("show_plot needs a 'stem' to save a figure in a folder.")
    png, *_ = save_figure(plot.figure, folder, stem)
    plot.table.to_csv(Path(folder) / f"{stem}.csv", index=False, lineterminator="\n")
    display(Image(data=png.read_bytes()))


def show_html(table: str) -> None:
    """Display an HTML table of ``toolkit.notebook.tables`` (escaped, no scripts)."""
    from IPython.display import HTML, display

    display(HTML(table))


def show_frame(frame: pd.DataFrame, folder: str = "", stem: str = "", caption: str = "") -> None:
    """Display a table of a view as a paper table (``toolkit.notebook.tables.paper_table``):
    readable column labels, no index column (a named index becomes the first column), numbers
    rounded by kind, at most 50 rows with a count. With ``folder``, the whole table is saved as
    ``<stem>.csv`` there and linked."""
    from toolkit.notebook.tables import paper_table

    table = frame.reset_index() if any(name is not None for name in frame.index.names) else frame
    table = table.reset_index(drop=True)
    table.columns = [str(column) for column in table.columns]
    labels = {column: column.replace("_", " ").capitalize() for column in table.columns}
    if folder:
        if not stem:
            raise ParameterError("show_frame needs a 'stem' to save a table in a folder.")
        Path(folder).mkdir(parents=True, exist_ok=True)
        table.to_csv(Path(folder) / f"{stem}.csv", index=False, lineterminator="\n")
    show_html(
        paper_table(
            table,
            labels,
            caption=caption or None,
            csv_href=csv_link(folder, stem) if stem else None,
        )
    )


def csv_link(folder: str, stem: str) -> str | None:
    """The address of ``<folder>/<stem>.csv`` for a table's "full table" link, relative to the
    page (notebooks run in their page's folder), or None when figures and tables are not saved
    (``folder`` empty) or saved outside the page's folder (an absolute path: a page must not
    link outside its report)."""
    if not folder or Path(folder).is_absolute() or ".." in Path(folder).parts:
        return None
    return f"{Path(folder).as_posix()}/{stem}.csv"


def bullets(lines: Sequence[str]) -> str:
    """Markdown bullets of plain-text lines, each escaped (``text``)."""
    return "\n".join(f"- {text(line)}" for line in lines) or "- (nothing to report)"


def outlet_colours(documents: pd.DataFrame) -> dict[str, tuple[float, float, float, float]]:
    """A fixed colour per outlet of the analysis (for the word-level comparison figures)."""
    from toolkit.notebook.plots import outlet_colours as colours_of

    return colours_of(documents["outlet"].astype(str).unique())


PANELS_PER_FIGURE = 5
"""Measures drawn in one rate figure; a family with more gets several figures."""


def show_comparison(comparison: Comparison, folder: str = "", *, highlight: str = "") -> None:
    """A family compared across outlets: its rates as dot plots with 95% intervals (five
    measures a figure) and as a table with counts and words, then the pairwise rate ratios of
    its first measure (figure and table). With ``highlight`` (an outlet's report) that outlet is
    marked in the figures and only its pairs are shown. With ``folder``, figures and full tables
    are saved there (``show_plot``)."""
    from toolkit.notebook import figures, tables

    name = comparison.family
    measures = list(dict.fromkeys(comparison.rates["measure"]))
    n_figures = math.ceil(len(measures) / PANELS_PER_FIGURE)
    for part, start in enumerate(range(0, len(measures), PANELS_PER_FIGURE), start=1):
        suffix = f" ({part} of {n_figures})" if n_figures > 1 else ""
        stem = f"{name}-rates-{part}"
        plot = figures.rate_panels(
            comparison.rates,
            title=f"{comparison.label} per 1,000 words{suffix}",
            measures=measures[start : start + PANELS_PER_FIGURE],
            highlight=highlight or None,
            csv_name=f"{stem}.csv",
        )
        show_plot(plot, folder, stem)
    rates = comparison.rates
    shown = rates[rates["outlet"] == highlight] if highlight else rates
    show_html(
        tables.rates_table(
            shown,
            caption=f"{comparison.label}: rates per 1,000 words"
            + (f" ({highlight}; all outlets in the CSV)" if highlight else ""),
            csv_href=csv_link(folder, f"{name}-rates-table"),
        )
    )
    if folder:
        rates.to_csv(Path(folder) / f"{name}-rates-table.csv", index=False, lineterminator="\n")
    _show_pairs(comparison, folder, highlight)


def _show_pairs(comparison: Comparison, folder: str, highlight: str) -> None:
    """The pairwise rate ratios of a comparison's first measure: figure and the pairs that hold
    after Holm's correction (with ``highlight``, the pairs of that outlet)."""
    from toolkit.notebook import figures, tables

    differences = comparison.differences
    if differences.empty or "outlet_a" not in differences.columns:
        return
    if highlight:
        involved = (differences["outlet_a"] == highlight) | (differences["outlet_b"] == highlight)
        differences = differences[involved]
        if differences.empty:
            return
    first = str(differences["measure"].iloc[0])
    label = str(differences["label"].iloc[0])
    stem = f"{comparison.family}-pairs"
    plot = figures.ratio_plot(
        differences, measure=first, title=f"{label}: rate ratios", csv_name=f"{stem}.csv"
    )
    show_plot(plot, folder, stem)
    holding = differences[differences["significant_holm"].astype(bool)]
    show_html(
        tables.pairwise_table(
            holding if not holding.empty else differences.head(0),
            caption=f"{label}: differences that hold after Holm's correction "
            f"({len(holding)} of {len(differences)} pairs; all in {stem}.csv)",
            csv_href=csv_link(folder, stem),
        )
    )


def show_shares(shares: pd.DataFrame, title: str, folder: str = "") -> None:
    """Each outlet's shares of categories (source types, affiliations, stances) as stacked bars;
    saved with ``folder``."""
    from toolkit.notebook import figures

    if shares.empty:
        display_markdown("No attributions to show.")
        return
    stem = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    plot = figures.share_bars(shares, title=title, csv_name=f"{stem}.csv")
    show_plot(plot, folder, stem)


def display_markdown(value: str) -> None:
    """Display Markdown (already escaped)."""
    from IPython.display import display

    display(Markdown(value))


@dataclass(frozen=True)
class WordLevel:
    """The texts and sentences word-level comparisons read, and a note saying which."""

    texts: pd.DataFrame
    sentences: pd.DataFrame
    note: str


def word_level(analysis: TableSource, total: int = WORD_LEVEL_ARTICLES) -> WordLevel:
    """Texts and body sentences of the articles the word-level comparisons read: all, or an even
    sample of at most ``total`` (``toolkit.compare.sample_documents``), read from the
    analysis's sentences table (the corpus is never read again)."""
    from toolkit.compare import analysis_sentences, analysis_texts, sample_documents

    documents = analysis.table("documents", columns=["doc_id", "outlet", "title", "in_scope"])
    documents = documents[documents["in_scope"].astype(bool)]
    chosen = sample_documents(documents, total=total)
    ids = chosen["doc_id"].astype(str).tolist()
    sentences = analysis.table("sentences", filters=[("doc_id", "in", ids)])
    if len(chosen) == len(documents):
        note = f"All {len(documents):,} articles are read."
    else:
        per_outlet = chosen.groupby("outlet").size()
        note = (
            f"These comparisons read {len(chosen):,} of the {len(documents):,} articles: up to "
            f"{int(per_outlet.max()):,} per outlet, the same ones on every run (chosen by a "
            "hash of their ids), so that the report's time and memory stay bounded."
        )
    return WordLevel(analysis_texts(chosen, sentences), analysis_sentences(sentences), note)
