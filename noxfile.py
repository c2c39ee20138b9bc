"""Nox sessions: tests, lint, typecheck, notebooks, reports, lab.

Every session runs on the pinned Python version and installs with requirements/constraints.txt;
nox never downloads an interpreter.
"""

from __future__ import annotations

import nox

PYTHON = "3.11"
CONSTRAINTS = ("-c", "requirements/constraints.txt")
LINTED = ("toolkit", "tests", "benchmarks", "scripts", "noxfile.py", "run.py")

nox.options.default_venv_backend = "venv"
nox.options.download_python = "never"
nox.options.sessions = ["lint", "typecheck", "tests"]


def _install(session: nox.Session, extras: str) -> None:
    session.install(*CONSTRAINTS, "-e", f".[{extras}]")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite."""
    _install(session, "notebooks,dev")
    workers = ("-n", "2", "--dist", "loadfile", "--no-loadscope-reorder")  # as run.py
    session.run("pytest", *workers, *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Lint and check formatting with ruff."""
    _install(session, "dev")
    session.run("ruff", "check", *LINTED)
    session.run("ruff", "format", "--check", *LINTED)


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    """Type-check the package with mypy (strict)."""
    _install(session, "dev")
    session.run("mypy")


@nox.session(python=PYTHON)
def notebooks(session: nox.Session) -> None:
    """Execute every notebook with papermill on the sample corpus (into a scratch folder)."""
    _install(session, "notebooks")
    scratch = f"{session.create_tmp()}/notebooks-check"
    session.run("python", "-m", "toolkit", "report", "--out", scratch, "--force")


@nox.session(python=PYTHON)
def reports(session: nox.Session) -> None:
    """Build the report batch (sample corpus unless a corpus path is given after --)."""
    _install(session, "notebooks")
    session.run(
        "python", "-m", "toolkit", "report", *session.posargs, "--out", "reports/sample", "--force"
    )


@nox.session(python=PYTHON)
def lab(session: nox.Session) -> None:
    """Open JupyterLab on notebooks/ with the toolkit importable."""
    _install(session, "notebooks")
    session.run("jupyter", "lab", "notebooks")
