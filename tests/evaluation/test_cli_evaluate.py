"""The ``toolkit evaluate polnear`` command on the tiny fixture and on a missing file."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.cli import main

TINY = Path(__file__).parent / "data" / "handwritten_relations.jsonl"


def test_evaluate_prints_the_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "polnear", str(TINY), "--split", "dev"]) == 0
    out = capsys.readouterr().out
    assert "PolNeAR dev (handwritten_relations.jsonl)" in out
    assert "cue_precision" in out and "overall" in out and "0.800" in out


def test_missing_file_is_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "polnear", str(tmp_path / "absent.jsonl.gz")]) == 0
    assert capsys.readouterr().out.startswith("skipped: ")
