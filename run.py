#!/usr/bin/env python3
"""The two quick-start commands, for a fresh machine with nothing but Python 3.11+.

    python3 run.py reports   # build the sample corpus's reports into reports/sample/
    python3 run.py test      # lint, type-check and run the whole test suite

Both first make (or refresh) a virtual environment in ``.venv/`` with the toolkit installed
editable and every dependency pinned by ``requirements/constraints.txt``; they reinstall only when
``pyproject.toml`` or the constraints change. ``test`` also installs Debian's ``chromium`` and
``chromium-driver`` for the browser test when they are missing and it runs as root with apt-get
(as CI does; set TOOLKIT_NO_BROWSER_INSTALL=1 to skip); elsewhere that test is skipped and says
why. Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"
STAMP = VENV / ".toolkit-install-stamp"
EXTRAS = "notebooks,dev"
LINTED = ("toolkit", "tests", "benchmarks", "scripts", "noxfile.py", "run.py")
# The suite on two pytest-xdist workers (CI's machine has two cores), a test file at a time, so
# each module's slow fixture (a wheel and its environment, a report batch) is built only once;
# files in the order tests/conftest.py gives them (those with slow tests first).
PYTEST_WORKERS = ("-n", "2", "--dist", "loadfile", "--no-loadscope-reorder")
BROWSER_PACKAGES = ("chromium", "chromium-driver")
APT_TIMEOUT = 900  # seconds for each apt-get command


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


def ensure_browser() -> None:
    """Install Chromium and chromedriver (Debian packages) for the browser test, if possible.

    Only when both are missing, this process is root, apt-get exists and
    TOOLKIT_NO_BROWSER_INSTALL is unset; a failed install is reported and the test skips.
    """
    if shutil.which("chromium") and shutil.which("chromedriver"):
        return
    if os.environ.get("TOOLKIT_NO_BROWSER_INSTALL"):
        print("Chromium not installed (TOOLKIT_NO_BROWSER_INSTALL): the browser test skips.")
        return
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("apt-get") is None:
        print(
            "Chromium not installed and apt-get as root is not available: the browser test skips."
        )
        return
    started = time.monotonic()
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *BROWSER_PACKAGES]
    for command in (["apt-get", "update", "-qq"], install):
        print("+", " ".join(command), flush=True)
        try:
            completed = subprocess.run(
                command, env=environment, stdin=subprocess.DEVNULL, timeout=APT_TIMEOUT
            )
        except subprocess.TimeoutExpired:
            print(f"{command[1]} took over {APT_TIMEOUT} s: the browser test skips.")
            return
        if completed.returncode != 0:
            print(f"apt-get {command[1]} failed: the browser test skips.")
            return
    print(f"Installed {' and '.join(BROWSER_PACKAGES)} in {time.monotonic() - started:.0f} s.")


def run_tests(python: Path) -> None:
    """Lint, type-check, install the browser if possible, then run the test suite (two workers)."""
    _run(python, "-m", "ruff", "check", *LINTED)
    _run(python, "-m", "ruff", "format", "--check", *LINTED)
    _run(python, "-m", "mypy")
    ensure_browser()
    _run(python, "-m", "pytest", *PYTEST_WORKERS)


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
