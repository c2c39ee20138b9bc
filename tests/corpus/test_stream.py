"""Streaming a corpus finds the same articles and problems as loading it whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.corpus import load_corpus
from toolkit.corpus.stream import stream_articles
from toolkit.errors import CorpusError, ParameterError

DATA = Path(__file__).parent / "data"


def test_csv_stream_yields_the_loaded_articles_in_file_order() -> None:
    path = DATA / "mediacloud_stories.csv"
    stream = stream_articles(path)
    streamed = list(stream)
    loaded = load_corpus(path, on_error="skip")
    assert sorted(streamed, key=lambda article: article.doc_id) == list(loaded.articles)
    assert stream.outcome().rejected == loaded.rejected
    assert stream.outcome().n_articles == len(loaded.articles)


def test_jsonl_problems_and_duplicates_match_load_corpus(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "outlet": "X", "text": "Officials said it may rain."}),
        "[1, 2]",
        json.dumps({"id": "b", "outlet": "X", "text": "   "}),
        json.dumps({"id": "a", "outlet": "Y", "text": "Reportedly, it rained."}),
        json.dumps({"id": "c", "outlet": "Y", "text": "It rained."}),
    ]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    stream = stream_articles(path)
    assert [article.doc_id for article in stream] == ["c"]  # "a" is repeated: never yielded
    outcome = stream.outcome()
    assert outcome.n_articles == 1
    loaded = load_corpus(path, on_error="skip")
    assert outcome.rejected == loaded.rejected
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    assert list(outcome.problems) == list(caught.value.problems)


def test_outcome_is_known_only_after_iterating(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r"only after a full iteration"):
        stream_articles(DATA / "mediacloud_stories.csv").outcome()


def test_a_missing_file_raises_at_once(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"no such file or folder"):
        stream_articles(tmp_path / "absent.jsonl")


def test_a_folder_is_loaded_whole() -> None:
    stream = stream_articles()
    assert len(list(stream)) == 5
    assert stream.outcome().source == "toolkit/sample_corpus"
