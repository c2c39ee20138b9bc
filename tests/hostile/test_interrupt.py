"""Issue 16, items 3 and 9: while a report run is going on, a second run into the same folder is
refused and leaves the first one's work alone; Ctrl-C (SIGINT) stops the queued and running
notebooks with their kernels and leaves the previous report as it was."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from toolkit.reports import build_reports
from toolkit.reports.lock import LockedError
from toolkit.reports.paths import staging_dir

pytestmark = pytest.mark.slow

_RUN = """
import signal
import sys
from toolkit.reports import build_reports
signal.signal(signal.SIGINT, signal.default_int_handler)
build_reports(None, sys.argv[1], jobs=1, force=True, notebooks=sys.argv[2])
"""
"""The batch as a terminal runs it. A process started from a shell's background job inherits
SIGINT ignored (so Python installs no KeyboardInterrupt handler): a test suite launched that way
would otherwise see a batch that Ctrl-C cannot reach, which is not what a researcher's terminal
does."""


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _alive(batch: int, kernel: int) -> str:
    """What is still running of the batch ``batch`` and the kernel: for a failure message."""
    running = []
    try:
        for member in [psutil.Process(batch), *psutil.Process(batch).children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                running.append(f"{member.pid} {' '.join(member.cmdline()[:3])}")
    except psutil.Error:
        pass
    return f"processes {running}; kernel {kernel} gone: {_gone(kernel)}"


def _wait_for(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return True
        time.sleep(0.2)
    return False


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_ctrl_c_stops_every_notebook_and_keeps_the_previous_report(
    tmp_path: Path, quick_notebooks: Path, slow_notebooks: Path
) -> None:
    out = tmp_path / "report"
    build_reports(None, out, jobs=2, notebooks=quick_notebooks, outlets=["MENAFN"])
    before = _snapshot(out)
    markers = tmp_path / "slow-markers"

    run = subprocess.Popen(
        [sys.executable, "-c", _RUN, str(out), str(slow_notebooks)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert _wait_for(lambda: any(markers.glob("*.started")), 240), "no notebook started"
        (started,) = markers.glob("*.started")
        kernel = int(started.name.removesuffix(".started"))
        workers = psutil.Process(run.pid).children(recursive=True)

        # Item 3: a second run into the same folder is refused and touches nothing.
        assert staging_dir(out).is_dir()
        with pytest.raises(LockedError, match=f"process {run.pid} on "):
            build_reports(None, out, jobs=1, notebooks=quick_notebooks, force=True)
        assert staging_dir(out).is_dir()

        run.send_signal(signal.SIGINT)
        try:
            # Well below the slow notebook's two minutes, well above a stop on a busy machine.
            _, stderr = run.communicate(timeout=100)
        except subprocess.TimeoutExpired:
            pytest.fail(f"the batch did not stop within 100 s of Ctrl-C: {_alive(run.pid, kernel)}")
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode != 0
    assert "KeyboardInterrupt" in stderr
    # Queued notebooks never started (one ran at a time), the running one was stopped.
    assert [path.name for path in markers.glob("*.started")] == [started.name]
    assert _wait_for(lambda: _gone(kernel), 10), f"kernel {kernel} still running"
    assert _wait_for(lambda: all(_gone(worker.pid) for worker in workers), 10)
    assert _snapshot(out) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "quick",
        "quick-markers",
        "report",
        "slow",
        "slow-markers",
    ]
