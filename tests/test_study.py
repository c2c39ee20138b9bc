"""`toolkit init`: a study folder that rebuilds its reports from its own corpus and notebooks."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import pytest
import yaml

from toolkit.cli import main
from toolkit.errors import ParameterError
from toolkit.reports import notebooks_dir
from toolkit.study import init_study, requirement_from, toolkit_requirement

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ("comparative_report.ipynb", "outlet_report.ipynb")


def test_init_writes_notebooks_corpus_pins_and_the_files_that_rebuild_the_reports(
    tmp_path: Path, sample_corpus_dir: Path
) -> None:
    study = init_study(tmp_path / "my study")
    assert sorted(path.name for path in (study / "notebooks").iterdir()) == list(NOTEBOOKS)
    for name in NOTEBOOKS:
        assert (study / "notebooks" / name).read_bytes() == (notebooks_dir() / name).read_bytes()
    assert sorted(path.name for path in (study / "corpus").iterdir()) == sorted(
        path.name for path in sample_corpus_dir.iterdir() if path.is_file()
    )
    assert (study / "corpus" / "manifest.csv").read_text().startswith("file,outlet,")
    constraints = (ROOT / "requirements" / "constraints.txt").read_bytes()
    assert (study / "constraints.txt").read_bytes() == constraints


def test_the_study_noxfile_and_environment_install_this_toolkit_with_the_pins(
    tmp_path: Path,
) -> None:
    study = init_study(tmp_path / "my study")
    requirement = f"toolkit[notebooks] @ {ROOT.as_uri()}"  # the editable install of this clone
    assert toolkit_requirement() == requirement

    noxfile = ast.parse((study / "noxfile.py").read_text())
    sessions = [node.name for node in noxfile.body if isinstance(node, ast.FunctionDef)]
    assert sessions == ["reports", "lab"]
    assert f"TOOLKIT = {requirement!r}" in (study / "noxfile.py").read_text()
    assert '"--notebooks", "notebooks", "--out", "reports"' in (study / "noxfile.py").read_text()

    environment = yaml.safe_load((study / "environment.yml").read_text())
    assert environment["name"] == "my-study"
    assert environment["channels"] == ["conda-forge"]
    assert environment["dependencies"][:2] == ["python=3.11", "pip"]
    assert environment["dependencies"][2] == {"pip": ["-c constraints.txt", requirement]}


@pytest.mark.parametrize(
    ("direct_url", "expected"),
    [
        (None, "toolkit[notebooks]==0.1.0"),
        (
            '{"url": "file:///tmp/dist/toolkit-0.1.0-py3-none-any.whl", "archive_info": {}}',
            "toolkit[notebooks] @ file:///tmp/dist/toolkit-0.1.0-py3-none-any.whl",
        ),
        (
            json.dumps(
                {
                    "url": "https://example.org/lab/toolkit.git",
                    "vcs_info": {"vcs": "git", "commit_id": "0123abc"},
                }
            ),
            "toolkit[notebooks] @ git+https://example.org/lab/toolkit.git@0123abc",
        ),
    ],
)
def test_requirement_names_where_the_toolkit_came_from(
    direct_url: str | None, expected: str
) -> None:
    assert requirement_from(direct_url, "0.1.0") == expected


def test_init_refuses_a_folder_that_holds_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ParameterError, match="must be a new or empty folder"):
        init_study(tmp_path)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["notes.txt"]
    with pytest.raises(ParameterError, match="must be a new or empty folder"):
        init_study(tmp_path / "notes.txt")


def test_init_fills_an_empty_folder(tmp_path: Path) -> None:
    assert init_study(tmp_path) == tmp_path
    assert (tmp_path / "noxfile.py").is_file()


def test_cli_init_reports_success_and_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["init", str(tmp_path / "study")]) == 0
    assert "Started a study in" in capsys.readouterr().out
    assert main(["init", str(tmp_path / "study")]) == 1
    assert capsys.readouterr().err.startswith("error: The 'folder' parameter of init_study")


def test_report_refuses_a_notebooks_folder_without_the_notebooks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mine").mkdir()
    nbformat.write(nbformat.v4.new_notebook(), tmp_path / "mine" / "outlet_report.ipynb")
    out = tmp_path / "out"
    assert main(["report", "--notebooks", str(tmp_path / "mine"), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert "The 'notebooks' parameter must be a folder holding" in error
    assert "lacks ['comparative_report.ipynb']" in error
    assert not out.exists()
    assert not (tmp_path / ".out.partial").exists()


@pytest.mark.slow
def test_report_runs_the_study_s_edited_notebooks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    study = init_study(tmp_path / "study")
    edited = study / "notebooks" / "outlet_report.ipynb"
    notebook = nbformat.read(edited, as_version=4)
    notebook.cells.append(nbformat.v4.new_markdown_cell("Edited for this study."))
    nbformat.write(notebook, edited)
    out = tmp_path / "reports"
    argv = ["report", str(study / "corpus"), "--notebooks", str(study / "notebooks")]
    status = main([*argv, "--out", str(out), "--outlets", "The Voice", "--no-progress"])
    assert status == 0, capsys.readouterr()  # the failing notebook and cell, if any
    assert "Edited for this study." in (out / "outlets" / "the-voice.html").read_text()
    assert "Edited for this study." not in (out / "comparative.html").read_text()
    manifest = json.loads((out / "manifest.json").read_text())
    assert [(run["name"], run["status"]) for run in manifest["notebooks"]] == [
        ("The Voice", "ok"),
        ("Comparative report", "ok"),
    ]
