import sys

import pytest

from toolkit.reports.processes import Workers, worker_environment


def test_worker_environment_sets_one_blas_thread_unless_the_user_chose() -> None:
    environment = worker_environment({"PATH": "/bin", "OMP_NUM_THREADS": "4"})

    assert environment["PATH"] == "/bin"
    assert environment["OMP_NUM_THREADS"] == "4"
    assert environment["OPENBLAS_NUM_THREADS"] == "1"
    assert environment["MKL_NUM_THREADS"] == "1"


def test_a_worker_process_runs_with_one_blas_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    script = "import os; print(os.environ['OPENBLAS_NUM_THREADS'])"
    process = Workers().start([sys.executable, "-c", script])

    assert process is not None
    stdout, _ = process.communicate(timeout=60)
    assert stdout.strip() == "1"
