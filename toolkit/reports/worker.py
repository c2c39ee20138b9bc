"""Execute one report notebook with papermill and write it as a reproducible notebook and HTML page.

The batch runs each notebook in its own process (``python -m toolkit.reports.worker``, the job
as JSON on standard input, the outcome as JSON on the last line of standard output), so a notebook
that hangs or is killed can be stopped without touching the others.
"""

from __future__ import annotations

import json
import signal
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from toolkit.reports.html import notebook_html

KERNEL_NAME = "python3"


@dataclass(frozen=True, slots=True)
class NotebookJob:
    """One notebook to run: source, where to write it (relative to ``root``) and its parameters.

    The notebook runs in the folder of its page, so paths among its parameters (the analysis,
    the figures folder) are relative to the page and links to saved files work as written.
    """

    source: str
    root: str
    stem: str
    title: str
    parameters: dict[str, Any] = field(default_factory=dict)
    show_code: bool = False
    cell_timeout: int = 600


@dataclass(frozen=True, slots=True)
class NotebookOutcome:
    """How a notebook run ended: ``status`` "ok" or "failed"; ``error`` names the failing cell."""

    status: str
    error: str = ""


def run_job(job: NotebookJob) -> NotebookOutcome:
    """Execute ``job``'s notebook, scrub run-specific metadata, and write its HTML page."""
    import papermill
    from papermill.exceptions import PapermillExecutionError

    root = Path(job.root)
    output = root / f"{job.stem}.ipynb"
    output.parent.mkdir(parents=True, exist_ok=True)
    error = ""
    try:
        papermill.execute_notebook(
            job.source,
            str(output),
            parameters=job.parameters,
            cwd=str(output.parent),
            kernel_name=KERNEL_NAME,
            progress_bar=False,
            execution_timeout=job.cell_timeout,
            report_mode=not job.show_code,
        )
    except PapermillExecutionError as failure:
        first_line = failure.source.strip().splitlines()[0] if failure.source.strip() else ""
        error = (
            f"cell {failure.cell_index} ({first_line[:60]}): {failure.ename}: "
            f"{str(failure.evalue)[:300]}"
        )
    except Exception as failure:
        error = f"{type(failure).__name__}: {str(failure)[:300]}"
    if output.exists():
        make_reproducible(output, Path(job.source).name)
        html_path = root / f"{job.stem}.html"
        html_path.write_text(
            notebook_html(output, job.title, show_code=job.show_code), encoding="utf-8"
        )
    return NotebookOutcome(status="failed" if error else "ok", error=error)


def make_reproducible(path: Path, source_name: str) -> None:
    """Remove run-specific metadata (timings, paths, random cell ids) so reruns are identical."""
    import nbformat

    notebook = nbformat.read(path, as_version=4)
    notebook.metadata.pop("papermill", None)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"cell-{index}"
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
    notebook.metadata["toolkit"] = {"source_notebook": source_name}
    nbformat.write(notebook, path)


def main() -> int:
    """Read a job from standard input, run it, print the outcome as JSON.

    SIGTERM (sent by the batch when it is interrupted) becomes KeyboardInterrupt, so that
    papermill stops the notebook and shuts its kernel down on the way out.
    """
    signal.signal(signal.SIGTERM, _interrupt)
    job = NotebookJob(**json.loads(sys.stdin.read()))
    outcome = run_job(job)
    print(json.dumps(asdict(outcome)), flush=True)
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    raise SystemExit(main())
