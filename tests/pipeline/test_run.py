"""Streaming an analysis to a folder in chunks gives the tables ``analyze`` holds in memory."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from toolkit.analysis import Analysis, analyze, analyze_to_folder, read_analysis
from toolkit.corpus import load_corpus
from toolkit.engine import read_table
from toolkit.errors import CorpusError, ParameterError
from toolkit.pipeline.tables import table_names


def assert_same_tables(got: Analysis, expected: Analysis) -> None:
    for name in table_names():
        pd.testing.assert_frame_equal(got.table(name), expected.table(name), obj=name)
    assert got.metadata == expected.metadata


@pytest.fixture(scope="module")
def in_memory(sample_jsonl: Path, tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    """The in-memory analysis of the JSONL sample, written and read back."""
    folder = tmp_path_factory.mktemp("memory")
    analyze(load_corpus(sample_jsonl)).write(folder)
    return read_analysis(folder)


def test_chunked_folder_reads_back_equal_to_the_in_memory_tables(
    sample_jsonl: Path, in_memory: Analysis, tmp_path: Path
) -> None:
    summary = analyze_to_folder(sample_jsonl, tmp_path / "out", chunk_size=2, batch_size=1)
    assert summary.n_articles == 5
    assert summary.executor == "serial (1 process)"
    # 5 articles in chunks of 2: three row groups, rows in file order until read back.
    assert pq.ParquetFile(tmp_path / "out" / "documents.parquet").num_row_groups == 3
    assert_same_tables(read_analysis(tmp_path / "out"), in_memory)
    assert summary.n_words == in_memory.documents["n_words"].sum()


def test_in_memory_tables_equal_their_written_copy(sample_jsonl: Path, in_memory: Analysis) -> None:
    fresh = analyze(load_corpus(sample_jsonl))
    for name in ("documents", "evidence", "outlets"):
        pd.testing.assert_frame_equal(in_memory.table(name), fresh.table(name), obj=name)


def test_csv_files_hold_every_row(sample_jsonl: Path, in_memory: Analysis, tmp_path: Path) -> None:
    analyze_to_folder(sample_jsonl, tmp_path, chunk_size=2, batch_size=1)
    evidence = pd.read_csv(tmp_path / "evidence.csv")
    assert len(evidence) == len(in_memory.evidence)
    assert sorted(evidence["doc_id"].unique()) == sorted(in_memory.documents["doc_id"])


def test_read_table_reads_only_the_rows_asked_for(sample_jsonl: Path, tmp_path: Path) -> None:
    analyze_to_folder(sample_jsonl, tmp_path, chunk_size=2)
    voice = read_table(
        tmp_path, "evidence", columns=["doc_id", "cue"], filters=[("outlet", "==", "The Voice")]
    )
    assert list(voice.columns) == ["doc_id", "cue"]
    assert "purportedly" in set(voice["cue"].str.lower())
    everything = read_table(tmp_path, "evidence")
    assert 0 < len(voice) < len(everything)
    none = read_table(
        tmp_path, "sentences", columns=["doc_id", "text"], filters=[("doc_id", "in", [])]
    )
    assert none.empty
    assert list(none.columns) == ["doc_id", "text"]


def test_read_table_names_an_unknown_table(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r"'name' parameter must be one of"):
        read_table(tmp_path, "paragraphs")


def test_bad_articles_raise_with_every_problem_and_write_nothing(
    faulty_jsonl: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with pytest.raises(CorpusError) as caught:
        analyze_to_folder(faulty_jsonl, out)
    message = str(caught.value)
    assert "faulty.jsonl:3: broken JSON" in message
    assert "missing outlet" in message
    assert "duplicate doc_id" in message
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_skip_equals_load_corpus_skip_even_for_a_late_duplicate(
    faulty_jsonl: Path, tmp_path: Path
) -> None:
    analyze(load_corpus(faulty_jsonl, on_error="skip")).write(tmp_path / "memory")
    summary = analyze_to_folder(faulty_jsonl, tmp_path / "out", on_error="skip", chunk_size=2)
    assert summary.n_articles == 4
    assert summary.n_rejected == 4  # the broken line, the record without outlet, both duplicates
    assert [item.location for item in summary.rejected] == [
        "faulty.jsonl:2",
        "faulty.jsonl:3",
        "faulty.jsonl:7",
        "faulty.jsonl:8",
    ]
    assert_same_tables(read_analysis(tmp_path / "out"), read_analysis(tmp_path / "memory"))


def test_without_csv_the_folder_holds_the_same_parquet_tables_and_no_csv(
    faulty_jsonl: Path, tmp_path: Path
) -> None:
    # faulty.jsonl repeats a doc_id after it was written: dropping rows rewrites the files.
    analyze_to_folder(faulty_jsonl, tmp_path / "csv", on_error="skip", chunk_size=2)
    summary = analyze_to_folder(
        faulty_jsonl, tmp_path / "parquet", on_error="skip", chunk_size=2, csv=False
    )
    assert not list((tmp_path / "parquet").glob("*.csv"))
    assert all(path.suffix != ".csv" for path in summary.files)
    assert_same_tables(read_analysis(tmp_path / "parquet"), read_analysis(tmp_path / "csv"))
