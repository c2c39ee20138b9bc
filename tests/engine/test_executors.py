"""Process pools and Dask give the same tables as one process, row for row."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client, LocalCluster

from toolkit.analysis import Analysis, analyze, analyze_to_folder, read_analysis
from toolkit.corpus import load_corpus
from toolkit.engine import make_executor
from toolkit.engine.executors import SerialExecutor
from toolkit.errors import ParameterError
from toolkit.pipeline.tables import table_names


@pytest.fixture(scope="module")
def serial() -> Analysis:
    return analyze(load_corpus())


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    """A Dask cluster inside this process (threads), started and stopped by the test."""
    with (
        LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=":0"
        ) as cluster,
        Client(cluster) as dask_client,
    ):
        yield dask_client


def assert_same(got: Analysis, expected: Analysis) -> None:
    for name in table_names():
        pd.testing.assert_frame_equal(got.table(name), expected.table(name), obj=name)
    assert got.metadata == expected.metadata


def test_two_processes_give_the_serial_tables(serial: Analysis) -> None:
    assert_same(analyze(load_corpus(), jobs=2), serial)


def test_dask_gives_the_serial_tables_row_for_row(serial: Analysis, client: Client) -> None:
    assert_same(analyze(load_corpus(), client=client), serial)


def test_dask_streams_to_the_same_folder_as_one_process(
    sample_jsonl: Path, client: Client, tmp_path: Path
) -> None:
    analyze_to_folder(sample_jsonl, tmp_path / "serial", chunk_size=2)
    summary = analyze_to_folder(
        sample_jsonl, tmp_path / "dask", client=client, chunk_size=2, batch_size=2
    )
    assert summary.executor.startswith("dask (")
    assert_same(read_analysis(tmp_path / "dask"), read_analysis(tmp_path / "serial"))


def test_jobs_one_runs_in_this_process() -> None:
    assert isinstance(make_executor(1), SerialExecutor)


@pytest.mark.parametrize("jobs", [0, -2, 1.5, True])
def test_jobs_must_be_a_positive_integer(jobs: object) -> None:
    with pytest.raises(ParameterError, match=r"The 'jobs' parameter must be a positive integer"):
        make_executor(jobs)  # type: ignore[arg-type]


def test_a_dask_address_needs_the_dask_scheduler() -> None:
    with pytest.raises(ParameterError, match=r"needs scheduler='dask'"):
        make_executor(2, address="tcp://127.0.0.1:8786")


def test_unknown_scheduler_is_refused() -> None:
    with pytest.raises(ParameterError, match=r"'scheduler' parameter must be one of"):
        make_executor(2, scheduler="spark")  # type: ignore[arg-type]


def test_cli_runs_on_a_dask_scheduler_address(
    client: Client, sample_jsonl: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.cli import main

    address = client.scheduler.address
    argv = ["analyze", str(sample_jsonl), "--out", str(tmp_path), "--scheduler", "dask"]
    assert main([*argv, "--dask-address", address]) == 0
    assert f"[dask ({address})]" in capsys.readouterr().out
    assert len(read_analysis(tmp_path).documents) == 5


def test_cli_refuses_a_dask_address_without_the_dask_scheduler(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.cli import main

    argv = ["analyze", "--out", str(tmp_path), "--dask-address", "tcp://127.0.0.1:8786"]
    assert main(argv) == 1
    assert "needs scheduler='dask'" in capsys.readouterr().err


def test_a_script_without_a_main_guard_gets_a_message_not_a_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text("import toolkit\ntoolkit.analyze(jobs=2)\n", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode != 0
    assert 'put that code under `if __name__ == "__main__":`' in completed.stderr
