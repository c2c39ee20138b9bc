"""The report batch: analyse once, run every outlet's notebook in parallel, index and manifest.

A batch is rebuilt incrementally: the analysis is reused when its fingerprint (inputs, codebooks,
options, toolkit version) is unchanged, and a notebook is re-run only when its own fingerprint
changed or it failed last time, unless ``force``. A report folder that holds a report of other
inputs, or anything that is not a toolkit report, is replaced only with ``force``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.parquet as pq

from toolkit.analysis import AnalysisFolder
from toolkit.codebooks import Codebook
from toolkit.corpus.article import Rejection
from toolkit.corpus.language import DEFAULT_LANGUAGES, out_of_scope_note
from toolkit.errors import ParameterError, ReportError
from toolkit.notebook import rates
from toolkit.pipeline.config import AnalysisConfig, CodebookLike, make_config
from toolkit.pipeline.metadata import METADATA_FILE
from toolkit.reports.index import index_pages, outlet_summary
from toolkit.reports.lock import output_lock
from toolkit.reports.manifest import (
    MANIFEST,
    SAMPLE_CORPUS,
    build_manifest,
    fingerprint,
    input_hashes,
    read_manifest,
)
from toolkit.reports.paths import (
    PACKAGE_INPUTS,
    check_not_an_input,
    check_out_dir,
    outlet_slug,
    package_dir,
    recover,
    staging_dir,
    swap_into_place,
)
from toolkit.reports.processes import Workers, stop_process_tree
from toolkit.reports.worker import NotebookJob
from toolkit.version import __version__

OUTLET_NOTEBOOK = "outlet_report.ipynb"
COMPARATIVE_NOTEBOOK = "comparative_report.ipynb"
ANALYSIS_FOLDER = "analysis"
FIGURES_FOLDER = "figures"
"""Where a page's figures (PNG, SVG, PDF) and full tables (CSV) go, beside the page."""
COMPARATIVE_NAME = "Comparative report"


@dataclass(frozen=True, slots=True)
class NotebookRun:
    """The outcome of one notebook in a batch; ``reused`` when kept from the previous run."""

    name: str
    notebook: str
    html: str
    status: str
    seconds: float
    error: str = ""
    reused: bool = False
    fingerprint: str = ""


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
    """The folder of the report notebooks a batch runs unless it is given its own.

    In a clone installed editable (``pip install -e .``) this is the repository's ``notebooks/``,
    where researchers edit them; an installed wheel carries a copy made at build time inside the
    package, in ``toolkit/_notebooks/`` (see ``[tool.hatch.build]`` in pyproject.toml).
    """
    package = Path(__file__).resolve().parents[1]
    checkout = package.parent / "notebooks"
    if (package.parent / "pyproject.toml").is_file() and not _missing_notebooks(checkout):
        return checkout
    if not _missing_notebooks(package / "_notebooks"):
        return package / "_notebooks"
    raise ReportError(
        f"Report notebooks not found: neither {package / '_notebooks'} (an installed wheel) nor "
        f"{checkout} (a clone installed with pip install -e .) holds {OUTLET_NOTEBOOK} and "
        f"{COMPARATIVE_NOTEBOOK}. Reinstall the toolkit, or pass a folder of your own notebooks "
        "(--notebooks DIR; `toolkit init` makes one)."
    )


def check_notebooks_dir(folder: str | os.PathLike[str]) -> Path:
    """``folder`` as a Path if it holds both report notebooks; else a ParameterError naming them."""
    path = Path(folder)
    missing = _missing_notebooks(path)
    if missing:
        raise ParameterError(
            f"The 'notebooks' parameter must be a folder holding {OUTLET_NOTEBOOK} and "
            f"{COMPARATIVE_NOTEBOOK}. Got {str(folder)!r}, which lacks {missing}."
        )
    return path


def _missing_notebooks(folder: Path) -> list[str]:
    return [
        name for name in (OUTLET_NOTEBOOK, COMPARATIVE_NOTEBOOK) if not (folder / name).is_file()
    ]


def build_reports(
    corpus: str | os.PathLike[str] | None,
    out_dir: str | os.PathLike[str],
    *,
    force: bool = False,
    outlets: Sequence[str] | None = None,
    jobs: int = 1,
    notebook_jobs: int | None = None,
    show_code: bool = False,
    on_error: str = "raise",
    encoding: str = "utf-8",
    codebooks: Mapping[str, CodebookLike | None] | None = None,
    cell_timeout: int = 600,
    notebook_timeout: int = 1800,
    progress: bool = False,
    say: Callable[[str], None] | None = None,
    notebooks: str | os.PathLike[str] | None = None,
    scheduler: str = "processes",
    dask_address: str | None = None,
    languages: Sequence[str] = DEFAULT_LANGUAGES,
) -> ReportRun:
    """Analyse ``corpus`` (None: the bundled sample) once and build every report into ``out_dir``.

    ``outlets`` restricts the outlet reports built (reports of other outlets from a previous run
    of the same inputs are kept). ``jobs`` is the number of worker processes: the analysis
    measures articles on that many (with ``scheduler`` and ``dask_address``, see
    ``toolkit.engine.make_executor``; it streams to disk in chunks), then that many notebooks run
    at once (``notebook_jobs``, when given, sets the notebooks' number on its own), each in its
    own process, stopped after ``notebook_timeout`` seconds (``cell_timeout`` per cell).
    ``codebooks`` maps codebook parameters of ``analyze`` (e.g. ``{"hedging_codebook": path}``)
    to codebooks. One notebook's failure does not stop the others: check ``ReportRun.failed``.
    ``notebooks`` is a folder holding ``outlet_report.ipynb`` and ``comparative_report.ipynb``
    (default: the project's). ``languages`` (ISO 639-1 codes) are the languages whose articles
    enter outlet figures.

    ``out_dir`` may not be, contain or lie inside an input (the corpus, a codebook, the
    notebooks). The run holds the lock ``.OUT.lock`` beside it (``toolkit.reports.lock``), so a
    second run into the same folder is refused while this one goes on. A run that fails or is
    interrupted (KeyboardInterrupt: Ctrl-C) stops its notebooks, removes what it staged and
    leaves the previous report as it was.
    """
    for name, value in (("jobs", jobs), ("notebook_jobs", notebook_jobs or 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ParameterError(
                f"The '{name}' parameter must be a positive integer. Got {value!r} instead."
            )
    target = check_out_dir(Path(out_dir))
    folder = notebooks_dir() if notebooks is None else check_notebooks_dir(notebooks)
    check_not_an_input(target, _inputs(corpus, codebooks, folder))
    with output_lock(target):
        try:
            return _build_reports(
                corpus,
                target,
                force=force,
                outlets=outlets,
                jobs=jobs,
                notebook_jobs=notebook_jobs or jobs,
                show_code=show_code,
                on_error=on_error,
                encoding=encoding,
                codebooks=codebooks,
                cell_timeout=cell_timeout,
                notebook_timeout=notebook_timeout,
                progress=progress,
                say=say,
                notebooks=folder,
                scheduler=scheduler,
                dask_address=dask_address,
                languages=languages,
            )
        except BaseException:
            shutil.rmtree(staging_dir(target), ignore_errors=True)
            raise


def _inputs(
    corpus: str | os.PathLike[str] | None,
    codebooks: Mapping[str, CodebookLike | None] | None,
    notebooks: Path,
) -> dict[str, str | os.PathLike[str] | None]:
    """What a batch reads, by description, for ``check_not_an_input``."""
    found: dict[str, str | os.PathLike[str] | None] = {
        "the corpus": SAMPLE_CORPUS if corpus is None else Path(corpus),
        "the report notebooks": notebooks,
        PACKAGE_INPUTS: package_dir(),
    }
    for name, book in (codebooks or {}).items():
        path = book.path if isinstance(book, Codebook) else book
        found[f"the {name.removesuffix('_codebook')} codebook"] = None if path is None else path
    return found


def _build_reports(
    corpus: str | os.PathLike[str] | None,
    target: Path,
    *,
    force: bool,
    outlets: Sequence[str] | None,
    jobs: int,
    notebook_jobs: int,
    show_code: bool,
    on_error: str,
    encoding: str,
    codebooks: Mapping[str, CodebookLike | None] | None,
    cell_timeout: int,
    notebook_timeout: int,
    progress: bool,
    say: Callable[[str], None] | None,
    notebooks: Path,
    scheduler: str,
    dask_address: str | None,
    languages: Sequence[str],
) -> ReportRun:
    folder = notebooks
    parallel_notebooks = notebook_jobs
    tell = say or (lambda message: None)
    recover(target)
    previous = read_manifest(target) if target.exists() else None
    if target.exists() and any(target.iterdir()) and previous is None and not force:
        raise ReportError(
            f"{target} already exists and is not a toolkit report; pass --force to replace it."
        )
    codebook_args = dict(codebooks or {})
    config = make_config(**codebook_args).for_languages(languages)
    corpus_path = None if corpus is None else Path(corpus)
    inputs = input_hashes(corpus_path)
    analysis_fp = fingerprint(__version__, inputs, repr(config), on_error, encoding)
    if previous is not None and previous.get("analysis_fingerprint") != analysis_fp and not force:
        raise ReportError(
            f"{target} holds a report of other inputs (corpus, codebooks or options changed); "
            "pass --force to replace it."
        )
    reuse = previous if previous is not None and not force else None

    staging = staging_dir(target)
    staging.mkdir(parents=True)
    engine = {"jobs": jobs, "scheduler": scheduler, "dask_address": dask_address}
    analysis = _analysis(corpus, staging, target, reuse, on_error, encoding, config, engine, tell)
    known_outlets = sorted(str(name) for name in analysis.outlets["outlet"].unique())
    selected = _select_outlets(known_outlets, outlets)

    planned = _plan(folder, known_outlets, selected, analysis_fp, show_code, cell_timeout)
    previous_runs = {entry["name"]: entry for entry in (reuse or {}).get("notebooks", [])}
    runs: dict[str, NotebookRun] = {}
    to_run: list[tuple[NotebookJob, str]] = []
    for job, job_fp, wanted in planned:
        kept = _keep_previous(previous_runs.get(job.title), job, job_fp, target, staging)
        if kept is not None:
            runs[job.title] = kept
        elif wanted:
            to_run.append((job, job_fp))
    tell(
        f"Running {len(to_run)} notebook(s), {len(runs)} unchanged, "
        f"{parallel_notebooks} at a time ..."
    )
    to_run = [(replace(job, root=str(staging)), job_fp) for job, job_fp in to_run]
    runs.update(_run_all(to_run, parallel_notebooks, notebook_timeout, progress))

    ordered = [runs[job.title] for job, _, _ in planned if job.title in runs]
    _write_index_and_manifest(
        staging, analysis, ordered, inputs, analysis_fp, _parameters(corpus, selected, show_code)
    )
    swap_into_place(staging, target)
    return ReportRun(out_dir=target, runs=tuple(ordered))


def _analysis(
    corpus: str | os.PathLike[str] | None,
    staging: Path,
    target: Path,
    reuse: Mapping[str, Any] | None,
    on_error: str,
    encoding: str,
    config: AnalysisConfig,
    engine: Mapping[str, Any],
    tell: Callable[[str], None],
) -> AnalysisOverview:
    """Reuse the previous run's tables when the inputs are unchanged, else stream a new analysis."""
    from toolkit.analysis import analyze_to_folder

    cached = target / ANALYSIS_FOLDER
    if reuse is not None and cached.is_dir():
        shutil.copytree(cached, staging / ANALYSIS_FOLDER)
        tell("Inputs unchanged: reusing the analysis.")
    else:
        tell("Analysing the corpus ...")
        summary = analyze_to_folder(
            corpus,
            staging / ANALYSIS_FOLDER,
            on_error=on_error,  # type: ignore[arg-type]  # checked by Options
            encoding=encoding,
            config=config,
            **engine,
        )
        tell(
            f"Analysed {summary.n_articles} articles ({summary.n_rejected} rejected) "
            f"on {summary.executor}."
        )
        for line in rejected_lines(summary.rejected):
            tell(line)
        note = language_note(staging / ANALYSIS_FOLDER, config.languages)
        if note:
            tell(note)
    return read_overview(staging / ANALYSIS_FOLDER)


@dataclass(frozen=True)
class AnalysisOverview:
    """What a batch needs of its analysis: the metadata, the outlet table, the rejected count.

    Read without the per-article tables, which run to gigabytes for a large corpus and would
    stay in this process while every notebook runs.
    """

    metadata: dict[str, Any]
    outlets: pd.DataFrame
    n_rejected: int


SHOWN_REJECTIONS = 20
"""Rejected inputs listed on the console; the rest are in ``analysis/rejected.csv``."""


def rejected_lines(rejected: Sequence[Rejection]) -> list[str]:
    """Console lines naming each rejected input and why (the first ``SHOWN_REJECTIONS``)."""
    lines = [f"  rejected: {item.location}: {item.reason}" for item in rejected[:SHOWN_REJECTIONS]]
    if len(rejected) > SHOWN_REJECTIONS:
        lines.append(
            f"  ... and {len(rejected) - SHOWN_REJECTIONS} more: see {ANALYSIS_FOLDER}/rejected.csv"
        )
    return lines


def language_note(folder: Path, languages: Sequence[str]) -> str | None:
    """How many articles of the analysis in ``folder`` are out of the languages analysed."""
    languages_read = pq.read_table(folder / "documents.parquet", columns=["language"])
    return out_of_scope_note(languages_read.column("language").to_pylist(), languages)


def read_overview(folder: Path) -> AnalysisOverview:
    """The ``AnalysisOverview`` of an analysis folder."""
    return AnalysisOverview(
        metadata=json.loads((folder / METADATA_FILE).read_text(encoding="utf-8")),
        outlets=pd.read_parquet(folder / "outlets.parquet"),
        n_rejected=pq.ParquetFile(folder / "rejected.parquet").metadata.num_rows,
    )


def _select_outlets(known: Sequence[str], wanted: Sequence[str] | None) -> list[str]:
    if wanted is None:
        return list(known)
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise ParameterError(
            f"The 'outlets' parameter names outlets not in the corpus: {unknown}. "
            f"Known outlets: {list(known)}."
        )
    return [name for name in known if name in set(wanted)]


def _plan(
    folder: Path,
    outlets: Sequence[str],
    selected: Sequence[str],
    analysis_fp: str,
    show_code: bool,
    cell_timeout: int,
) -> list[tuple[NotebookJob, str, bool]]:
    """Every notebook of the batch as (job, fingerprint, selected); root is set at run time."""
    plan: list[tuple[NotebookJob, str, bool]] = []
    slugs: list[str] = []
    outlet_source = folder / OUTLET_NOTEBOOK
    for outlet in outlets:
        slug = outlet_slug(outlet, slugs)
        slugs.append(slug)
        job = NotebookJob(
            source=str(outlet_source),
            root="",
            stem=f"outlets/{slug}",
            title=outlet,
            parameters={
                "outlet": outlet,
                "analysis_dir": f"../{ANALYSIS_FOLDER}",
                "figures_dir": f"{FIGURES_FOLDER}/{slug}",
            },
            show_code=show_code,
            cell_timeout=cell_timeout,
        )
        plan.append((job, _job_fingerprint(job, analysis_fp), outlet in selected))
    parameters: dict[str, Any] = {
        "analysis_dir": ANALYSIS_FOLDER,
        "figures_dir": f"{FIGURES_FOLDER}/comparative",
    }
    comparative = NotebookJob(
        source=str(folder / COMPARATIVE_NOTEBOOK),
        root="",
        stem="comparative",
        title=COMPARATIVE_NAME,
        parameters=parameters,
        show_code=show_code,
        cell_timeout=cell_timeout,
    )
    plan.append((comparative, _job_fingerprint(comparative, analysis_fp), True))
    return plan


def _job_fingerprint(job: NotebookJob, analysis_fp: str) -> str:
    source = Path(job.source).read_bytes().decode("utf-8")
    return fingerprint(analysis_fp, source, job.parameters, job.show_code, job.stem)


def _keep_previous(
    entry: Mapping[str, Any] | None,
    job: NotebookJob,
    job_fp: str,
    target: Path,
    staging: Path,
) -> NotebookRun | None:
    """Copy an unchanged, successful notebook, its page and its figures from the previous run
    into staging."""
    if entry is None or entry.get("fingerprint") != job_fp or entry.get("status") != "ok":
        return None
    files = [target / entry["notebook"], target / entry["html"]]
    if not all(path.is_file() for path in files):
        return None
    for path in files:
        destination = staging / path.relative_to(target)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
    figures = Path(entry["html"]).parent / str(job.parameters.get("figures_dir", ""))
    if job.parameters.get("figures_dir") and (target / figures).is_dir():
        shutil.copytree(target / figures, staging / figures, dirs_exist_ok=True)
    return NotebookRun(
        name=entry["name"],
        notebook=entry["notebook"],
        html=entry["html"],
        status="ok",
        seconds=0.0,
        reused=True,
        fingerprint=job_fp,
    )


def _run_all(
    jobs: Sequence[tuple[NotebookJob, str]],
    parallel: int,
    timeout: int,
    progress: bool,
) -> dict[str, NotebookRun]:
    """Run the notebooks, ``parallel`` at a time.

    On any interruption (KeyboardInterrupt from Ctrl-C, an error) the queued notebooks are
    cancelled and the running ones stopped with their kernels before it propagates.
    """
    from tqdm import tqdm

    results: dict[str, NotebookRun] = {}
    if not jobs:
        return results
    workers = Workers()
    pool = ThreadPoolExecutor(max_workers=parallel)
    try:
        futures = [
            pool.submit(_run_in_process, job, job_fp, timeout, workers) for job, job_fp in jobs
        ]
        bar = tqdm(total=len(futures), desc="notebooks", unit="nb", disable=not progress)
        for future in as_completed(futures):
            run = future.result()
            results[run.name] = run
            bar.set_postfix_str(f"{run.status}: {run.name}"[:40])
            bar.update()
        bar.close()
    except BaseException:
        workers.stop_all()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results


def _run_in_process(job: NotebookJob, job_fp: str, timeout: int, workers: Workers) -> NotebookRun:
    """Run one notebook in a worker process (its own session; stopped with its kernel)."""
    started = time.perf_counter()
    process = workers.start([sys.executable, "-m", "toolkit.reports.worker"])
    if process is None:
        outcome = {"status": "failed", "error": "stopped before it started"}
    else:
        try:
            stdout, stderr = process.communicate(json.dumps(asdict(job)), timeout=timeout)
            outcome = _parse_outcome(stdout, stderr, process.returncode)
        except subprocess.TimeoutExpired:
            stop_process_tree(process, grace=0.0)
            process.communicate()
            outcome = {"status": "failed", "error": f"timed out after {timeout} s and was stopped"}
        finally:
            workers.finished(process)
    return NotebookRun(
        name=job.title,
        notebook=f"{job.stem}.ipynb",
        html=f"{job.stem}.html",
        status=outcome["status"],
        seconds=round(time.perf_counter() - started, 1),
        error=outcome.get("error", ""),
        fingerprint=job_fp,
    )


def _parse_outcome(stdout: str, stderr: str, returncode: int | None) -> dict[str, str]:
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if returncode == 0 and lines:
        parsed: dict[str, str] = json.loads(lines[-1])
        return parsed
    last_error = next((line for line in reversed(stderr.splitlines()) if line.strip()), "no output")
    return {
        "status": "failed",
        "error": f"worker process ended with status {returncode}: {last_error[:300]}",
    }


def _parameters(
    corpus: str | os.PathLike[str] | None, selected: Sequence[str], show_code: bool
) -> dict[str, Any]:
    return {
        "corpus": "<bundled sample corpus>" if corpus is None else Path(corpus).name,
        "outlets": list(selected),
        "show_code": show_code,
    }


def _write_index_and_manifest(
    staging: Path,
    analysis: AnalysisOverview,
    runs: Sequence[NotebookRun],
    inputs: Mapping[str, str],
    analysis_fp: str,
    parameters: Mapping[str, Any],
) -> None:
    notebooks = [
        {
            "name": run.name,
            "notebook": run.notebook,
            "html": run.html,
            "status": run.status,
            "error": run.error,
            "seconds": run.seconds,
            "reused": run.reused,
            "fingerprint": run.fingerprint,
        }
        for run in runs
    ]
    manifest = build_manifest(
        parameters=parameters,
        inputs=inputs,
        analysis_fingerprint=analysis_fp,
        codebooks=analysis.metadata["codebooks"],
        notebooks=notebooks,
    )
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (staging / MANIFEST).write_text(text, encoding="utf-8")
    source = AnalysisFolder(staging / ANALYSIS_FOLDER)
    pages = index_pages(
        corpus=str(analysis.metadata["corpus"]),
        toolkit_version=__version__,
        codebooks=analysis.metadata["codebooks"],
        summary=outlet_summary(source),
        summary_lines=rates.summary(source),
        notebooks=notebooks,
        n_rejected=analysis.n_rejected,
    )
    for name, markup in pages.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markup, encoding="utf-8")
