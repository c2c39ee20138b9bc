"""The `toolkit validate` round trip on the sample corpus: export a sheet, code it, score it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from toolkit.cli import main


def test_export_code_and_score(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet_path = tmp_path / "sheet.csv"
    assert main(["validate", "export", "--out", str(sheet_path), "--family", "labels"]) == 0
    assert "write 1 (correct) or 0 (wrong)" in capsys.readouterr().out
    sheet = pd.read_csv(sheet_path, dtype=str, keep_default_na=False)
    assert set(sheet["family"]) == {"labels"}
    # Coder 1 rejects every bare "aggression"; coder 2 accepts everything.
    first = sheet.assign(code=["0" if cue == "aggression" else "1" for cue in sheet["cue"]])
    second = sheet.assign(code="1")
    first.to_csv(tmp_path / "ann.csv", index=False)
    second.to_csv(tmp_path / "bob.csv", index=False)
    status = main(
        [
            "validate",
            "score",
            str(tmp_path / "ann.csv"),
            str(tmp_path / "bob.csv"),
            "--min-items",
            "1",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "loaded_labels:aggression" in out
    assert f"Cohen's kappa 0.00 on {len(sheet)} items" in out
    assert "judgements: `loaded_labels:aggression`." in out


def test_bad_code_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "coded.csv"
    path.write_text("item_id,rule,code\n1,hedging:may,perhaps\n", encoding="utf-8")
    assert main(["validate", "score", str(path)]) == 1
    assert f"{path}:2: item '1': code 'perhaps'" in capsys.readouterr().err


def test_codebooks_check_validates_every_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codebooks", "check"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "ok  actors 2.1.1 (salience, built-in)",
        "ok  conflict_frames 1.3.0 (conflict, built-in)",
        "ok  framing 2.4.0 (framing, built-in)",
        "ok  hedging 1.2.0 (hedging, built-in)",
        "ok  loaded_labels 1.2.0 (labels, built-in)",
        "ok  policy_frames 1.2.0 (policy, built-in)",
    ]


def test_codebooks_show_prints_sides_and_favours(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["codebooks", "show", "loaded_labels"]) == 0
    out = capsys.readouterr().out
    assert "Side iran_axis: Iran and the armed groups allied with it" in out
    assert "zionist_regime: zionist regime" in out and "favours: iran_axis" in out
