"""Shared fixtures: the bundled sample corpus, its raw article texts and JSONL copies."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

pytest_plugins = ["tests.corpora"]


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
