#!/usr/bin/env python3
"""Regenerate requirements/constraints.txt: resolve the toolkit's dependencies afresh and pin them.

    python3 scripts/lock.py

Installs ``.[notebooks,dev]`` into a throw-away virtual environment and writes ``pip freeze``
(without the toolkit itself) as the constraints file that ``run.py`` and nox install with.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = (
    "# Exact versions the toolkit is tested and reports are built with (pip constraints).\n"
    "# Regenerate with: python3 scripts/lock.py\n"
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        venv.EnvBuilder(with_pip=True).create(folder)
        python = Path(folder) / ("Scripts" if sys.platform == "win32" else "bin") / "python"
        subprocess.run([python, "-m", "pip", "install", "-q", f"{ROOT}[notebooks,dev]"], check=True)
        frozen = subprocess.run(
            [python, "-m", "pip", "freeze", "--exclude-editable"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    pins = sorted(
        (line for line in frozen.splitlines() if line and not line.startswith("toolkit")),
        key=str.lower,
    )
    (ROOT / "requirements" / "constraints.txt").write_text(HEADER + "\n".join(pins) + "\n")


if __name__ == "__main__":
    main()
