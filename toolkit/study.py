"""A study folder a researcher starts with (``toolkit init DIR``)::

    DIR/
      README.md         how to rebuild the reports
      corpus/           the sample corpus (five .txt articles + manifest.csv): replace with yours
      notebooks/        copies of the report notebooks, to edit
      constraints.txt   the exact versions this toolkit was tested with (pip constraints)
      noxfile.py        `nox -s reports` rebuilds reports/ from corpus/ with notebooks/
      environment.yml   the same environment for conda

The toolkit is installed in the study's environment from where this one came from (PEP 610
``direct_url.json``: a wheel, a clone or a repository URL); "toolkit" on PyPI is another project.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from importlib import metadata, resources
from pathlib import Path

from toolkit import __version__
from toolkit.errors import ParameterError, ToolkitError
from toolkit.reports import COMPARATIVE_NOTEBOOK, OUTLET_NOTEBOOK, notebooks_dir

CONSTRAINTS = "constraints.txt"

_NOXFILE = '''\
"""Rebuild this study's reports: `nox -s reports`; edit the notebooks: `nox -s lab`."""

import nox

TOOLKIT = {requirement!r}

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["reports"]


@nox.session(python="{python}")
def reports(session: nox.Session) -> None:
    """Build reports/ from corpus/ with the notebooks in notebooks/."""
    session.install("-c", "constraints.txt", TOOLKIT)
    session.run(
        "toolkit", "report", "corpus", "--notebooks", "notebooks", "--out", "reports",
        *session.posargs,
    )


@nox.session(python="{python}")
def lab(session: nox.Session) -> None:
    """Open JupyterLab on notebooks/."""
    session.install("-c", "constraints.txt", TOOLKIT)
    session.run("jupyter", "lab", "notebooks")
'''

_ENVIRONMENT = """\
# conda env create -f environment.yml && conda activate {name}
# then: toolkit report corpus --notebooks notebooks --out reports
name: {name}
channels:
  - conda-forge
dependencies:
  - python={python}
  - pip
  - pip:
      - -c constraints.txt
      - {requirement}
"""

_README = """\
# {name}

A media-framing study made with `toolkit init` (toolkit {version}).

- `corpus/`: the articles, one .txt file each, described by `manifest.csv` (file, outlet, domain,
  title, date, url). It starts as the toolkit's sample corpus: replace it with your own.
- `notebooks/`: the report notebooks. Edit them; the reports are built from these copies.
- `reports/`: the built reports (open `reports/index.html`).

Rebuild the reports with nox (`pip install nox`, then `nox -s reports`), or with conda
(`conda env create -f environment.yml`, `conda activate {name}`, then
`toolkit report corpus --notebooks notebooks --out reports`).
"""


def init_study(folder: str | os.PathLike[str]) -> Path:
    """Write a new study into ``folder`` (created, or existing and empty) and return its path."""
    target = Path(folder)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ParameterError(
            f"The 'folder' parameter of init_study must be a new or empty folder. Got "
            f"{str(folder)!r}, which already holds files; choose another name."
        )
    notebooks = notebooks_dir()
    constraints = _constraints_file()
    fields = {
        "name": re.sub(r"[^A-Za-z0-9_.-]+", "-", target.resolve().name),
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "requirement": toolkit_requirement(),
        "version": __version__,
    }
    (target / "notebooks").mkdir(parents=True)
    for name in (OUTLET_NOTEBOOK, COMPARATIVE_NOTEBOOK):
        shutil.copyfile(notebooks / name, target / "notebooks" / name)
    sample = Path(str(resources.files("toolkit").joinpath("sample_corpus")))
    shutil.copytree(sample, target / "corpus")
    shutil.copyfile(constraints, target / CONSTRAINTS)
    for file_name, template in (
        ("noxfile.py", _NOXFILE),
        ("environment.yml", _ENVIRONMENT),
        ("README.md", _README),
    ):
        (target / file_name).write_text(template.format(**fields), encoding="utf-8")
    return target


def toolkit_requirement() -> str:
    """How a study's environment installs this toolkit, as a PEP 508 requirement.

    The wheel, clone or repository this toolkit was installed from, as pip recorded it (PEP 610
    ``direct_url.json``); a version pin when it came from a package index.
    """
    try:
        distribution = metadata.distribution("toolkit")
    except metadata.PackageNotFoundError:  # imported from a source tree, not installed
        return requirement_from(None, __version__)
    return requirement_from(distribution.read_text("direct_url.json"), distribution.version)


def requirement_from(direct_url: str | None, version: str) -> str:
    """The requirement for the toolkit installed from ``direct_url`` (PEP 610 JSON, or None)."""
    if direct_url is None:
        return f"toolkit[notebooks]=={version}"
    origin = json.loads(direct_url)
    url = str(origin["url"])
    vcs = origin.get("vcs_info")
    if vcs is not None:
        url = f"{vcs['vcs']}+{url}@{vcs['commit_id']}"
    return f"toolkit[notebooks] @ {url}"


def _constraints_file() -> Path:
    """The pinned versions: the repository's in a clone, the copy inside an installed wheel."""
    package = Path(__file__).resolve().parent
    checkout = package.parent / "requirements" / CONSTRAINTS
    if (package.parent / "pyproject.toml").is_file() and checkout.is_file():
        return checkout
    packaged = package / "_requirements" / CONSTRAINTS
    if packaged.is_file():
        return packaged
    raise ToolkitError(
        f"Pinned versions not found: neither {packaged} (an installed wheel) nor {checkout} "
        "(a clone installed with pip install -e .) exists. Reinstall the toolkit."
    )
