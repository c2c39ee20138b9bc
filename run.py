#!/usr/bin/env python3
"""The two quick-start commands, for a fresh machine with nothing but Python 3.11+.

    python3 run.py reports   # build the sample corpus's reports into reports/sample/
    python3 run.py test      # lint, type-check and run the whole test suite

Both first make (or refresh) a virtual environment in ``.venv/`` with the toolkit installed
editable and every dependency pinned by ``requirements/constraints.txt``; they reinstall only when
``pyproject.toml`` or the constraints change. Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
STAMP = VENV / ".toolkit-install-stamp"
EXTRAS = "notebooks,dev"
LINTED = ("toolkit", "tests", "benchmarks", "scripts", "noxfile.py", "run.py")


def _venv_executable(name: str) -> Path:
    folder = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / folder / f"{name}{suffix}"


def _install_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", CONSTRAINTS):
        digest.update(path.read_bytes())
    digest.update(sys.version.encode())
    return digest.hexdigest()


def _run(*command: str | Path) -> None:
    print("+", " ".join(str(part) for part in command), flush=True)
    completed = subprocess.run([str(part) for part in command], cwd=ROOT, check=False)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def ensure_environment() -> Path:
    """Create or refresh ``.venv`` and return its Python interpreter."""
    python = _venv_executable("python")
    fingerprint = _install_fingerprint()
    if python.exists() and STAMP.exists() and STAMP.read_text() == fingerprint:
        return python
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    _run(python, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(python, "-m", "pip", "install", "--quiet", "-c", CONSTRAINTS, "-e", f".[{EXTRAS}]")
    STAMP.write_text(fingerprint)
    return python


def run_tests(python: Path) -> None:
    """Lint, type-check, then run the test suite."""
    _run(python, "-m", "ruff", "check", *LINTED)
    _run(python, "-m", "ruff", "format", "--check", *LINTED)
    _run(python, "-m", "mypy")
    _run(python, "-m", "pytest")


def build_sample_reports(python: Path) -> None:
    """Build the bundled sample corpus's reports into reports/sample/."""
    _run(python, "-m", "toolkit", "report", "--out", ROOT / "reports" / "sample", "--force")
    print(f"Open {ROOT / 'reports' / 'sample' / 'index.html'} in a browser.")


def main(argv: list[str]) -> None:
    commands = {"test": run_tests, "reports": build_sample_reports}
    if len(argv) != 1 or argv[0] not in commands:
        sys.exit(__doc__)
    commands[argv[0]](ensure_environment())


if __name__ == "__main__":
    main(sys.argv[1:])
