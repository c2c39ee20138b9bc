"""Stand-in report notebooks: the same parameters as the real ones, a cell that says it started
(the kernel's process id in a marker file) and, for the slow ones, a long sleep. They let report
runs be interrupted, locked, timed out and checked in seconds, where the point of a test is the
batch's handling of notebooks rather than what the report notebooks show."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from toolkit.reports import COMPARATIVE_NOTEBOOK, OUTLET_NOTEBOOK

_STARTED = """\
import os, pathlib, time
marker = pathlib.Path({markers!r}) / f"{{os.getpid()}}.started"
marker.write_text({name})
time.sleep({sleep})
"""


def _notebook(parameters: str, name: str, markers: Path, sleep: float) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    cell = nbformat.v4.new_code_cell(parameters)
    cell.metadata["tags"] = ["parameters"]
    body = _STARTED.format(markers=str(markers), name=name, sleep=sleep)
    notebook.cells = [cell, nbformat.v4.new_code_cell(body)]
    return notebook


def write_notebooks(
    folder: Path, markers: Path, sleep: float, *, comparative_sleep: float | None = None
) -> Path:
    """Outlet and comparative stand-ins in ``folder``; each writes ``<kernel pid>.started``, then
    sleeps ``sleep`` seconds (the comparative one ``comparative_sleep``, when given)."""
    folder.mkdir(parents=True, exist_ok=True)
    markers.mkdir(parents=True, exist_ok=True)
    pause = sleep if comparative_sleep is None else comparative_sleep
    outlet = _notebook('outlet = ""\nanalysis_dir = ""', "outlet", markers, sleep)
    comparative = _notebook('analysis_dir = ""\ncorpus_path = ""', "'comparative'", markers, pause)
    nbformat.write(outlet, folder / OUTLET_NOTEBOOK)
    nbformat.write(comparative, folder / COMPARATIVE_NOTEBOOK)
    return folder


@pytest.fixture
def quick_notebooks(tmp_path: Path) -> Path:
    """Stand-in notebooks that finish at once."""
    return write_notebooks(tmp_path / "quick", tmp_path / "quick-markers", sleep=0)


@pytest.fixture
def slow_notebooks(tmp_path: Path) -> Path:
    """Stand-in notebooks that sleep for two minutes; markers in ``<tmp>/slow-markers``."""
    return write_notebooks(tmp_path / "slow", tmp_path / "slow-markers", sleep=120)
