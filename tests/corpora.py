"""Fixtures for the engine tests: the sample corpus as a JSONL file, with and without faults."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from toolkit.corpus import load_corpus


def _lines() -> list[str]:
    corpus = load_corpus()
    return [
        json.dumps(
            {
                "id": article.doc_id,
                "outlet": article.outlet,
                "title": article.title,
                "date": article.date,
                "url": article.url,
                "text": article.original_text,
            }
        )
        for article in reversed(corpus.articles)  # not in doc_id order, as files rarely are
    ]


@pytest.fixture(scope="session")
def sample_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five sample articles as a gzip-compressed JSONL file."""
    path = tmp_path_factory.mktemp("corpus") / "sample.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(_lines()) + "\n")
    return path


@pytest.fixture(scope="session")
def faulty_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample articles plus a broken line, a record without outlet and a duplicate doc_id."""
    lines = _lines()
    duplicate = json.loads(lines[1])
    duplicate["outlet"] = "Copycat"
    lines.insert(2, "{not json")
    lines.append(json.dumps({"id": "no-outlet", "text": "Officials said it may rain."}))
    lines.append(json.dumps(duplicate))
    path = tmp_path_factory.mktemp("corpus") / "faulty.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
