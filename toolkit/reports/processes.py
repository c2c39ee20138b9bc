"""The worker processes of a report batch, and how they are stopped with everything they started.

Each notebook runs in a worker process (``toolkit.reports.worker``) in its own session, so that
Ctrl-C in the terminal reaches only the batch, which then decides what to stop. The worker starts
a Jupyter kernel, which ``jupyter_client`` puts in yet another session: stopping a worker's
process group would leave its kernel running. :func:`stop_process_tree` therefore stops the
worker and every process descended from it, found with ``psutil``: SIGTERM first (the worker
turns it into KeyboardInterrupt, so papermill shuts its kernel down cleanly), SIGKILL for what
is still running after a grace period.

Workers and their kernels use one thread for linear algebra (:func:`worker_environment`): the
batch already runs notebooks side by side, and a multi-threaded BLAS in each of them makes the
threads wait for one another (a model fit took eight times the CPU time on two busy cores) and
lets the last digits of a result depend on how many cores the machine has.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from collections.abc import Mapping, Sequence

STOP_GRACE_SECONDS = 3.0
"""How long stopped processes get to end on SIGTERM before they are killed."""

BLAS_THREAD_VARIABLES = (
    "OPENBLAS_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)
"""Environment variables that set the thread count of the BLAS libraries numpy may use."""


def worker_environment(base: Mapping[str, str]) -> dict[str, str]:
    """``base`` with one BLAS thread for every library that is not already set by the user."""
    environment = dict(base)
    for name in BLAS_THREAD_VARIABLES:
        environment.setdefault(name, "1")
    return environment


def stop_process_tree(process: subprocess.Popen[str], grace: float = STOP_GRACE_SECONDS) -> None:
    """Stop ``process`` and all its descendants: SIGTERM, then SIGKILL after ``grace`` seconds."""
    import psutil

    try:
        root = psutil.Process(process.pid)
        tree = [root, *root.children(recursive=True)]
    except psutil.Error:  # already gone
        return
    for member in tree:
        with contextlib.suppress(psutil.Error):
            member.terminate()
    _, alive = psutil.wait_procs(tree, timeout=grace)
    for member in alive:
        with contextlib.suppress(psutil.Error):
            member.kill()
    psutil.wait_procs(alive, timeout=grace)


class Workers:
    """The running worker processes of one batch; :meth:`stop_all` stops them and any to come."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[str]] = set()
        self._stopped = False

    def start(self, command: Sequence[str]) -> subprocess.Popen[str] | None:
        """Start ``command`` in its own session (pipes for all three streams); None once stopped."""
        with self._lock:
            if self._stopped:
                return None
            process = subprocess.Popen(
                list(command),
                env=worker_environment(os.environ),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            self._running.add(process)
            return process

    def finished(self, process: subprocess.Popen[str]) -> None:
        """Forget ``process``: it has ended."""
        with self._lock:
            self._running.discard(process)

    def stop_all(self) -> None:
        """Stop every running worker with its kernel; workers not yet started never start."""
        with self._lock:
            self._stopped = True
            running = list(self._running)
        threads = [
            threading.Thread(target=stop_process_tree, args=(process,)) for process in running
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
