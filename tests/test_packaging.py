"""The toolkit as users get it: a wheel built from the sdist, installed whole in a fresh venv.

`python -m build` makes the sdist and then the wheel from the sdist, so a file the wheel needs
but the sdist lacks fails here. The wheel is installed with the `notebooks` extra and the pinned
versions into a new virtual environment (no pip, no site packages, nothing editable) and builds
reports of the sample corpus there, away from the repository: both notebooks, for one outlet (every
outlet runs the same notebook, and tests/test_reports.py builds them all from the repository).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from collections.abc import Sequence
from pathlib import Path

import nbformat
import pytest

from toolkit.errors import ReportError
from toolkit.reports import batch, notebooks_dir

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
NOTEBOOKS = sorted(ROOT.glob("notebooks/*.ipynb"))
OUTLET, OUTLET_SLUG = "The Voice", "the-voice"


def _run(
    command: Sequence[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None
) -> str:
    """Run ``command``; its standard output, or a test failure showing the end of its errors."""
    completed = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        pytest.fail(
            f"{' '.join(map(str, command))} ended with status {completed.returncode}:\n"
            f"{completed.stdout[-2000:]}\n{completed.stderr[-4000:]}"
        )
    return completed.stdout


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sdist and the wheel built from it."""
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "build", "--outdir", out, ROOT])
    (sdist,) = out.glob("toolkit-*.tar.gz")
    (wheel,) = out.glob("toolkit-*.whl")
    return sdist, wheel


@pytest.fixture(scope="module")
def fresh_venv(
    dist: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, str]]:
    """A new virtual environment holding the wheel, and the environment variables to run it.

    pip runs from the test's interpreter (``pip --python``) so the new environment holds only
    the toolkit and its dependencies.
    """
    folder = tmp_path_factory.mktemp("fresh") / "venv"
    venv.EnvBuilder(with_pip=False).create(folder)
    python = folder / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-compile"]
    _run([*pip, "-c", CONSTRAINTS, f"{dist[1]}[notebooks]"])
    # Bytecode is written on first import instead: the ~100 packages are not all imported.
    hidden = {"VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONDONTWRITEBYTECODE"}
    env = {name: value for name, value in os.environ.items() if name not in hidden}
    paths = [path for path in env.get("PATH", "").split(os.pathsep) if ROOT.as_posix() not in path]
    env["PATH"] = os.pathsep.join([str(folder / "bin"), *paths])  # the kernel's "python" too
    return folder, env


def test_notebooks_dir_is_the_repository_s_in_a_clone() -> None:
    assert notebooks_dir() == ROOT / "notebooks"


def _fake_install(root: Path, *, packaged: bool, checkout: bool) -> None:
    """A toolkit at ``root/toolkit`` with the notebooks copied inside and/or a checkout beside."""
    (root / "toolkit" / "reports").mkdir(parents=True)
    if packaged:
        (root / "toolkit" / "_notebooks").mkdir()
        for path in NOTEBOOKS:
            (root / "toolkit" / "_notebooks" / path.name).write_text("{}")
    if checkout:
        (root / "notebooks").mkdir()
        for path in NOTEBOOKS:
            (root / "notebooks" / path.name).write_text("{}")


def test_notebooks_dir_is_the_copy_inside_an_installed_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site-packages"
    _fake_install(site, packaged=True, checkout=True)  # a stray site-packages/notebooks is no clone
    monkeypatch.setattr(batch, "__file__", str(site / "toolkit" / "reports" / "batch.py"))
    assert notebooks_dir() == site / "toolkit" / "_notebooks"


def test_notebooks_dir_names_both_places_when_neither_holds_the_notebooks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_install(tmp_path, packaged=False, checkout=False)
    (tmp_path / "pyproject.toml").write_text("")
    monkeypatch.setattr(batch, "__file__", str(tmp_path / "toolkit" / "reports" / "batch.py"))
    with pytest.raises(ReportError, match="Report notebooks not found") as raised:
        notebooks_dir()
    assert str(tmp_path / "toolkit" / "_notebooks") in str(raised.value)
    assert str(tmp_path / "notebooks") in str(raised.value)
    assert "--notebooks DIR" in str(raised.value)


@pytest.mark.slow
def test_the_wheel_holds_the_package_the_notebooks_and_the_pins(dist: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(dist[1]) as wheel:
        names = set(wheel.namelist())
        assert len(NOTEBOOKS) == 2
        for path in NOTEBOOKS:
            assert wheel.read(f"toolkit/_notebooks/{path.name}") == path.read_bytes()
        shipped = sorted(name for name in names if name.startswith("toolkit/_notebooks/"))
        assert shipped == [f"toolkit/_notebooks/{path.name}" for path in NOTEBOOKS]
        pins = wheel.read("toolkit/_requirements/constraints.txt")
        assert pins == CONSTRAINTS.read_bytes()
    package_files = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "toolkit").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert {"toolkit/py.typed", "toolkit/codebooks/hedging.yaml"} <= package_files
    assert package_files - names == set()
    assert {name.split("/")[0] for name in names} == {"toolkit", "toolkit-0.1.0.dist-info"}


@pytest.mark.slow
def test_the_sdist_holds_the_sources_of_the_notebooks_and_pins(dist: tuple[Path, Path]) -> None:
    with tarfile.open(dist[0]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    wanted = {"pyproject.toml", "README.md", "requirements/constraints.txt", "toolkit/__init__.py"}
    assert wanted | {f"notebooks/{path.name}" for path in NOTEBOOKS} <= names


@pytest.mark.slow
def test_the_installed_wheel_builds_the_outlet_and_comparative_reports(
    fresh_venv: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, env = fresh_venv
    located = _run(
        [
            folder / "bin" / "python",
            "-c",
            "import toolkit.reports as r; print(r.__file__); print(r.notebooks_dir())",
        ],
        cwd=tmp_path,
        env=env,
    ).splitlines()
    package = Path(located[0]).parents[1]
    assert package.is_relative_to(folder)
    assert Path(located[1]) == package / "_notebooks"

    out = tmp_path / "reports"
    toolkit = folder / "bin" / "toolkit"
    _run([toolkit, "report", "--out", out, "--outlets", OUTLET, "--no-progress"], tmp_path, env)
    manifest = json.loads((out / "manifest.json").read_text())
    assert [(run["name"], run["status"]) for run in manifest["notebooks"]] == [
        (OUTLET, "ok"),
        ("Comparative report", "ok"),
    ]
    index = (out / "index.html").read_text()
    for slug in [f"outlets/{OUTLET_SLUG}", "comparative"]:
        assert f'href="{slug}.html"' in index
        assert (out / f"{slug}.html").stat().st_size > 10_000
        executed = nbformat.read(out / f"{slug}.ipynb", as_version=4)
        code = [cell for cell in executed.cells if cell.cell_type == "code"]
        assert code and all(cell.execution_count for cell in code)
        outputs = [output for cell in code for output in cell.outputs]
        assert not [output for output in outputs if output.output_type == "error"]
    # Only the notebooks' kernels import toolkit.notebook: its bytecode in the new environment
    # shows that they ran the installed toolkit, not the repository's.
    assert list((package / "notebook" / "__pycache__").glob("page.*.pyc"))


@pytest.mark.slow
def test_the_installed_wheel_starts_a_study_from_its_own_copies(
    fresh_venv: tuple[Path, dict[str, str]], dist: tuple[Path, Path], tmp_path: Path
) -> None:
    folder, env = fresh_venv
    _run([folder / "bin" / "toolkit", "init", "study"], cwd=tmp_path, env=env)
    study = tmp_path / "study"
    for path in NOTEBOOKS:
        assert (study / "notebooks" / path.name).read_bytes() == path.read_bytes()
    assert (study / "constraints.txt").read_bytes() == CONSTRAINTS.read_bytes()
    assert f"toolkit[notebooks] @ {dist[1].as_uri()}" in (study / "noxfile.py").read_text()
