"""What the report notebooks call: parameter checks, loading the analysis, showing figures.

Notebooks hold no logic of their own; anything they need lives here or in ``views``/``plots``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from IPython.display import Markdown
from matplotlib.figure import Figure

from toolkit.analysis import Analysis, analyze, read_analysis
from toolkit.errors import ParameterError
from toolkit.notebook.plots import figure_png
from toolkit.pipeline.config import check_codebook_parameters, make_config
from toolkit.reports.escaping import markdown_text


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
    analysis_dir: str, codebooks: Mapping[str, str] | None = None, *, outlet: str | None = None
) -> Analysis:
    """The analysis in ``analysis_dir``; when it is empty, analyse the bundled sample corpus.

    ``codebooks`` maps ``make_config`` keyword arguments (``"hedging_codebook"``, ...) to codebook
    paths; empty paths mean the built-in codebook. They apply only when the notebook analyses the
    corpus itself (``analysis_dir`` empty): a written analysis already records its codebooks.
    With ``outlet``, a written analysis is read for that outlet only (``read_analysis``).
    """
    check_codebook_parameters(codebooks or {}, "load_analysis")
    chosen = {name: Path(path) for name, path in (codebooks or {}).items() if path}
    if analysis_dir:
        if chosen:
            raise ParameterError(
                "Codebook parameters apply only when 'analysis_dir' is empty; the analysis in "
                f"{analysis_dir!r} was made with the codebooks its analysis.json records."
            )
        return read_analysis(Path(analysis_dir), outlet=outlet)
    return analyze(None, config=make_config(**chosen))


def text(value: object) -> str:
    """``value`` as text that Markdown shows literally, on one line (``markdown_text``).

    Use it for every corpus-provided string (outlet names, titles, paths) put into Markdown.
    """
    return markdown_text(value)


def heading(value: object, level: int = 2) -> Markdown:
    """A Markdown heading showing ``value`` literally (escaped)."""
    return Markdown(f"{'#' * level} {text(value)}")


def provenance(analysis: Analysis) -> str:
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
