"""A report batch whose notebooks fail, are killed, hang, or whose whole run is killed: failure
rows beside intact reports, time limits, and the previous report kept until a run completes."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import psutil
import pytest

from tests.conftest import digest_tree
from tests.stand_ins import write_notebooks
from toolkit.reports import build_reports, notebooks_dir


def _sabotaged_notebooks(tmp_path: Path) -> Path:
    """Copies of the report notebooks whose outlet notebook fails for MENAFN and kills its
    kernel for NewsPublicy."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("outlet_report.ipynb", "comparative_report.ipynb"):
        shutil.copy(notebooks_dir() / name, folder / name)
    notebook = jupytext.read(folder / "outlet_report.ipynb")
    sabotage = jupytext.reads(
        "# %%\nimport os, signal\n"
        "if outlet == 'MENAFN':\n    raise RuntimeError('sabotaged for the test')\n"
        "if outlet == 'NewsPublicy':\n    os.kill(os.getpid(), signal.SIGKILL)\n",
        fmt="py:percent",
    ).cells[0]
    notebook.cells.insert(3, sabotage)
    jupytext.write(notebook, folder / "outlet_report.ipynb")
    return folder


@pytest.mark.slow
def test_failing_and_killed_notebooks_leave_failure_rows_and_other_reports_intact(
    tmp_path: Path,
) -> None:
    """Two sabotaged outlets beside one that builds (every outlet runs the same notebook)."""
    out = tmp_path / "out"
    notebooks = _sabotaged_notebooks(tmp_path)
    outlets = ["MENAFN", "NewsPublicy", "The Voice"]
    run = build_reports(None, out, jobs=2, notebooks=notebooks, outlets=outlets)
    status = {item.name: item for item in run.runs}
    assert list(status) == [*outlets, "Comparative report"]
    assert status["MENAFN"].status == "failed"
    assert "RuntimeError: sabotaged for the test" in status["MENAFN"].error
    assert re.match(r"cell \d+ \(import os, signal\)", status["MENAFN"].error)
    assert status["NewsPublicy"].status == "failed"
    assert "DeadKernelError" in status["NewsPublicy"].error or "died" in status["NewsPublicy"].error
    for outlet in ("The Voice", "Comparative report"):
        assert status[outlet].status == "ok"
    assert (out / "outlets" / "the-voice.html").stat().st_size > 10_000
    index = (out / "index.html").read_text()
    assert index.count('class="failed"') == 2
    manifest = json.loads((out / "manifest.json").read_text())
    assert [e["status"] for e in manifest["notebooks"]].count("failed") == 2


def _stopped(pid: int, seconds: float = 10) -> bool:
    """Whether process ``pid`` is gone (or a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
def test_a_hung_notebook_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    """Stand-in notebooks: the outlet's hangs once its kernel has started, the comparative one
    finishes at once."""
    markers = tmp_path / "markers"
    folder = write_notebooks(tmp_path / "notebooks", markers, sleep=600, comparative_sleep=0)
    started = time.monotonic()
    run = build_reports(
        None, tmp_path / "out", outlets=["The Voice"], notebooks=folder, notebook_timeout=20
    )
    assert time.monotonic() - started < 120
    voice = next(item for item in run.runs if item.name == "The Voice")
    assert voice.status == "failed"
    assert voice.error == "timed out after 20 s and was stopped"
    assert next(item for item in run.runs if item.name == "Comparative report").status == "ok"
    (hung,) = (path for path in markers.glob("*.started") if path.read_text() == "The Voice")
    kernel = int(hung.name.removesuffix(".started"))
    assert _stopped(kernel), f"the hung notebook's kernel {kernel} still runs"


@pytest.mark.slow
def test_sigkill_mid_batch_leaves_the_previous_report_and_the_next_run_rebuilds(
    tmp_path: Path,
) -> None:
    """Stand-in notebooks for one outlet and the comparative report (the batch stages and swaps
    the same way for the real ones and every outlet): the killed run's notebooks sleep until
    killed, the others finish at once."""
    quick = write_notebooks(tmp_path / "quick", tmp_path / "quick-markers", sleep=0)
    slow_markers = tmp_path / "slow-markers"
    slow = write_notebooks(tmp_path / "slow", slow_markers, sleep=120)
    out = tmp_path / "sample"
    build_reports(None, out, jobs=2, notebooks=quick, outlets=["MENAFN"])
    before = digest_tree(out)
    command = [sys.executable, "-m", "toolkit", "report", "--out", str(out), "--force"]
    command += ["--outlets", "MENAFN"]
    with subprocess.Popen(
        [*command, "--notebooks", str(slow), "--no-progress", "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:
        deadline = time.monotonic() + 240  # wait until a notebook runs, then kill everything
        while not list(slow_markers.glob("*.started")) and time.monotonic() < deadline:
            time.sleep(0.2)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert list(slow_markers.glob("*.started")), "no notebook started before the kill"
    assert digest_tree(out) == before
    assert (tmp_path / ".sample.partial").exists()
    completed = subprocess.run(
        [*command, "--notebooks", str(quick), "--no-progress"], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    assert digest_tree(out) == before
    assert not (tmp_path / ".sample.partial").exists()
