"""The conda environment, the constraints file and the nox sessions agree with pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pyproject() -> dict[str, object]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9_.-]+", requirement)
    assert match is not None, requirement
    return match.group().lower().replace("_", "-")


def test_environment_yml_installs_the_package_with_every_extra() -> None:
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    assert environment["channels"] == ["conda-forge"]
    dependencies = environment["dependencies"]
    python = next(d for d in dependencies if isinstance(d, str) and d.startswith("python="))
    assert project["requires-python"] == ">=" + python.removeprefix("python=")
    assert "pip" in dependencies
    pip_section = next(d["pip"] for d in dependencies if isinstance(d, dict))
    extras = set(project["optional-dependencies"])
    assert pip_section == [f"-e .[{','.join(sorted(extras))}]"]


def test_constraints_pin_every_declared_dependency() -> None:
    project = _pyproject()["project"]
    assert isinstance(project, dict)
    declared = {_name(r) for r in project["dependencies"]}
    for group in project["optional-dependencies"].values():
        declared |= {_name(r) for r in group}
    lines = (ROOT / "requirements" / "constraints.txt").read_text().splitlines()
    pinned = {_name(line) for line in lines if line and not line.startswith("#")}
    assert declared - pinned == set()
    assert all("==" in line for line in lines if line and not line.startswith("#"))


def test_nox_pins_python_and_never_downloads_an_interpreter() -> None:
    noxfile = (ROOT / "noxfile.py").read_text()
    assert 'nox.options.download_python = "never"' in noxfile
    version = _pyproject()["project"]["requires-python"]  # type: ignore[index]
    assert f'PYTHON = "{str(version).removeprefix(">=")}"' in noxfile
    for session in ("tests", "lint", "typecheck", "notebooks", "reports", "lab"):
        assert f"def {session}(session: nox.Session)" in noxfile


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    command = [line for line in ci if line and not line.startswith(("#", "set ", "cd "))]
    assert command == ["python3 run.py test"]
    assert "python3 run.py test" in (ROOT / "README.md").read_text()
