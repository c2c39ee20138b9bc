"""Shared fixtures: the bundled sample corpus, its raw article texts and JSONL copies, its report
batch (built once per session), and stand-in report notebooks."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from toolkit.reports import build_reports

pytest_plugins = ["tests.corpora", "tests.stand_ins"]

SAMPLE_OUTLETS = ("MENAFN", "NewsPublicy", "The Voice", "Unusual Whales")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the test files with the most slow tests first, the others in the order collected: on
    two xdist workers (run.py: ``-n 2 --dist loadfile --no-loadscope-reorder``) the long files
    start at once and the many short ones fill in after them, instead of a long one running last."""
    slow = Counter(item.path for item in items if item.get_closest_marker("slow"))
    items.sort(key=lambda item: -slow[item.path])  # stable: the order within a file is kept


def digest_tree(folder: Path) -> dict[str, str]:
    """sha256 of every file; manifest.json is left out because it records run times."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "manifest.json"
    }


@pytest.fixture(scope="session")
def sample_corpus_dir() -> Path:
    """Folder of the sample corpus shipped inside the package."""
    return Path(str(resources.files("toolkit").joinpath("sample_corpus")))


@pytest.fixture(scope="session")
def sample_texts(sample_corpus_dir: Path) -> dict[str, str]:
    """Raw text of each sample article keyed by file stem (e.g. ``"000_c6d9780c7ae0e10c"``)."""
    return {
        path.stem: path.read_text(encoding="utf-8")
        for path in sorted(sample_corpus_dir.glob("*.txt"))
    }


@pytest.fixture(scope="session")
def sample_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus's report batch, built once for every test that reads it (a test that
    changes a report works on a copy); each notebook must have run without error.

    Under pytest-xdist (run.py: ``-n 2 --dist loadfile``) the workers share one build: the first
    to ask builds it in the session's common folder while holding a lock, the other waits and
    reads it."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # pytest-N/, above each worker's popen-gwN/
    out = shared / "sample-reports" / "sample"
    with (shared / "sample-reports.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (out / "manifest.json").exists():
            build_reports(None, out, jobs=2)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [(entry["name"], entry["status"]) for entry in manifest["notebooks"]] == [
        *((outlet, "ok") for outlet in SAMPLE_OUTLETS),
        ("Comparative report", "ok"),
    ]
    return out
