"""A tabulated batch holds each table's frame and the same rows already rendered as CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from toolkit.corpus import load_corpus
from toolkit.engine.tables import ChunkWriter, csv_header, csv_rows
from toolkit.pipeline.batch import BatchJob, batched, tabulate_batch
from toolkit.pipeline.config import make_config
from toolkit.pipeline.measure import measure_article


def test_tabulated_batch_renders_every_table_as_its_frame() -> None:
    articles = load_corpus().articles[:2]
    config = make_config()
    tables = tabulate_batch(articles, BatchJob(config, with_csv=True))
    rows = [measure_article(article, config) for article in articles]
    assert tables.doc_ids == tuple(article.doc_id for article in articles)
    assert tuple(tables.parts) == (
        "documents",
        "measures",
        "evidence",
        "sentences",
        "attributions",
        "removals",
    )
    documents = tables.parts["documents"]
    assert list(documents.frame["doc_id"]) == [article.doc_id for article in articles]
    assert len(tables.parts["evidence"].frame) == sum(len(a.evidence) for a in rows)
    assert len(tables.parts["measures"].frame) == sum(len(a.measures) for a in rows)
    for part in tables.parts.values():
        full = part.frame.to_csv(index=False, lineterminator="\n")
        assert csv_header(part.frame) + part.csv == full


def test_csv_rows_of_an_empty_frame_are_empty() -> None:
    frame = pd.DataFrame(columns=["doc_id", "start"])
    assert csv_rows(frame) == ""
    assert csv_header(frame) == "doc_id,start\n"


def test_chunk_writer_appends_rendered_rows_after_one_header(tmp_path: Path) -> None:
    first = pd.DataFrame({"doc_id": ["a", "b"], "text": ['say "no"', "x,y"]})
    second = pd.DataFrame({"doc_id": ["c"], "text": ["line\nbreak"]})
    with ChunkWriter(tmp_path) as writer:
        writer.write("evidence", first, csv_rows(first))
        writer.write("evidence", second)  # rendered by the writer itself
        writer.close()
    expected = pd.concat([first, second], ignore_index=True)
    written = (tmp_path / "evidence.csv").read_text(encoding="utf-8")
    assert written == expected.to_csv(index=False, lineterminator="\n")
    pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / "evidence.parquet"), expected)


def test_chunk_writer_without_csv_writes_parquet_only(tmp_path: Path) -> None:
    first = pd.DataFrame({"doc_id": ["a", "b"], "start": [1, 2]})
    with ChunkWriter(tmp_path, csv=False) as writer:
        writer.write("evidence", first)
        writer.write("evidence", first)
        writer.write("rejected", first.head(0))
        written = writer.close()
    assert sorted(path.name for path in written) == ["evidence.parquet", "rejected.parquet"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "evidence.parquet",
        "rejected.parquet",
    ]
    assert len(pd.read_parquet(tmp_path / "evidence.parquet")) == 4


def test_batched_keeps_order_and_a_short_last_batch() -> None:
    articles = load_corpus().articles
    sizes = [len(batch) for batch in batched(articles, 2)]
    assert sizes == [2, 2, 1]
