"""The `toolkit` command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from toolkit.cli import build_parser, main


def test_help_describes_every_command() -> None:
    text = build_parser().format_help()
    for command in ("analyze", "report", "codebooks"):
        assert command in text
    assert "bundled sample corpus" in text


def test_python_dash_m_toolkit_prints_help() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "toolkit", "--help"], capture_output=True, text=True, check=True
    )
    assert completed.stdout.startswith("usage: toolkit")


TABLES = ("documents", "evidence", "attributions", "outlets", "rejected", "removals")


def test_analyze_writes_every_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--out", str(tmp_path / "tables")]) == 0
    assert "Analysed 5 articles (0 rejected)" in capsys.readouterr().out
    for table in TABLES:
        assert (tmp_path / "tables" / f"{table}.parquet").exists()
    assert not list((tmp_path / "tables").glob("*.csv"))
    assert len(pd.read_parquet(tmp_path / "tables" / "documents.parquet")) == 5


def test_analyze_with_csv_writes_every_table_as_csv_too(tmp_path: Path) -> None:
    assert main(["analyze", "--out", str(tmp_path / "tables"), "--csv"]) == 0
    for table in TABLES:
        parquet = pd.read_parquet(tmp_path / "tables" / f"{table}.parquet")
        csv = pd.read_csv(tmp_path / "tables" / f"{table}.csv")
        assert list(csv.columns) == list(parquet.columns)
        assert len(csv) == len(parquet)
    assert len(pd.read_csv(tmp_path / "tables" / "documents.csv")) == 5


def test_analyze_refuses_a_non_empty_folder_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "other.txt").write_text("x")
    assert main(["analyze", "--out", str(tmp_path)]) == 1
    assert "pass --force" in capsys.readouterr().err


def test_bad_corpus_gives_a_clear_error_and_exit_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    assert main(["analyze", str(missing), "--out", str(tmp_path / "out")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: ")
    assert "nowhere" in error
    assert not (tmp_path / "out").exists()


def test_codebooks_list_and_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codebooks", "list"]) == 0
    listed = capsys.readouterr().out
    assert "hedging" in listed and "framing" in listed
    assert main(["codebooks", "check"]) == 0
