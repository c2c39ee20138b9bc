"""The notebooks in notebooks/: clean, parameterized, paired with their percent-format scripts."""

from __future__ import annotations

from pathlib import Path

import jupytext
import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_both_report_notebooks_exist() -> None:
    assert [path.name for path in NOTEBOOKS] == ["comparative_report.ipynb", "outlet_report.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_is_stored_clean_with_a_parameters_cell(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    assert notebook.metadata.kernelspec.name == "python3"
    tagged = [cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    assert all(
        cell.get("execution_count") is None for cell in notebook.cells if cell.cell_type == "code"
    )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_notebook_matches_its_paired_script(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    script = jupytext.read(path.with_suffix(".py"))
    assert [c.source for c in notebook.cells] == [c.source for c in script.cells]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: path.stem)
def test_parameters_cell_holds_plain_values_only(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if "parameters" in c.metadata.get("tags", []))
    for line in cell.source.splitlines():
        code = line.split("#", 1)[0].strip()
        if code:
            name, value = (part.strip() for part in code.split("=", 1))
            assert name.isidentifier()
            assert value.startswith(('"', "'")) or value.replace(".", "").isdigit(), line
