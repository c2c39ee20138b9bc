"""Stream a corpus through the metrics into an analysis folder, chunk by chunk.

Memory holds the articles in flight and one chunk of rows, not the corpus: articles are read
one at a time (``toolkit.corpus.stream``), measured in batches by an executor (this process, a
process pool, or Dask), and their rows appended to the tables as Parquet row groups. Rows are
written batch by batch in input order (within a batch, rows follow ``ROW_ORDER``);
``read_analysis`` restores the usual order of the whole table (``ROW_ORDER``).

The folder is built in a staging folder beside ``out_dir`` and moved into place at the end, so
a run that fails (``on_error="raise"`` with bad articles) leaves nothing half-written.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from toolkit.analysis import (
    METADATA_FILE,
    TABLES,
    AnalysisConfig,
    CodebookLike,
    _as_corpus,
    _rejected_table,
    analysis_metadata,
    make_config,
    outlet_partials,
    outlets_from_partials,
)
from toolkit.corpus import Corpus
from toolkit.corpus.article import Article, Rejection
from toolkit.corpus.stream import ArticleStream, StreamOutcome, stream_articles
from toolkit.corpus.validation import OnError, check_on_error
from toolkit.engine.batch import ARTICLE_TABLES, BatchTables, batched, tabulate_batch
from toolkit.engine.executors import Scheduler, make_executor
from toolkit.engine.tables import ChunkWriter
from toolkit.errors import CorpusError, InputProblem, ParameterError

if TYPE_CHECKING:
    from distributed import Client


@dataclass(frozen=True, slots=True)
class AnalysisSummary:
    """What ``analyze_to_folder`` did: counts, files written and where the work ran."""

    out_dir: Path
    n_articles: int
    n_rejected: int
    n_words: int
    rejected: tuple[Rejection, ...]
    files: tuple[Path, ...]
    executor: str
    metadata: dict[str, Any]


def analyze_to_folder(
    corpus: Corpus | Iterable[Article] | str | os.PathLike[str] | None,
    out_dir: str | os.PathLike[str],
    *,
    on_error: OnError = "raise",
    encoding: str = "utf-8",
    hedging_codebook: CodebookLike | None = None,
    framing_codebook: CodebookLike | None = None,
    config: AnalysisConfig | None = None,
    jobs: int = 1,
    scheduler: Scheduler = "processes",
    client: Client | None = None,
    dask_address: str | None = None,
    chunk_size: int = 250,
    batch_size: int = 16,
) -> AnalysisSummary:
    """Analyse ``corpus`` and write the tables to ``out_dir`` without holding them in memory.

    ``corpus``: a path (a ``.jsonl``/``.csv`` file, optionally ``.gz``, is streamed; a folder
    is loaded whole), a loaded ``Corpus``, an iterable of ``Article``, or None (the sample).
    ``on_error`` and ``encoding`` are as in ``load_corpus``: with ``"raise"`` any bad article
    raises CorpusError listing every problem and nothing is written.
    ``jobs``/``scheduler``/``client``/``dask_address`` choose the executor (``make_executor``).
    Tables get one Parquet row group per ``chunk_size`` articles; workers receive
    ``batch_size`` articles per task. Files already in ``out_dir`` with a table's name are
    replaced.
    """
    check_on_error(on_error)
    for name, value in (("chunk_size", chunk_size), ("batch_size", batch_size)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ParameterError(
                f"The '{name}' parameter of analyze_to_folder must be a positive integer. "
                f"Got {value!r} instead."
            )
    if config is None:
        config = make_config(hedging_codebook=hedging_codebook, framing_codebook=framing_codebook)
    target = Path(out_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.partial-", dir=target.parent))
    try:
        summary = _run(
            corpus,
            staging,
            on_error,
            encoding,
            config,
            jobs,
            scheduler,
            client,
            dask_address,
            chunk_size,
            batch_size,
        )
        target.mkdir(exist_ok=True)
        files = []
        for path in summary.files:
            path.replace(target / path.name)
            files.append(target / path.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return AnalysisSummary(
        out_dir=target,
        n_articles=summary.n_articles,
        n_rejected=summary.n_rejected,
        n_words=summary.n_words,
        rejected=summary.rejected,
        files=tuple(files),
        executor=summary.executor,
        metadata=summary.metadata,
    )


def _run(
    corpus: Corpus | Iterable[Article] | str | os.PathLike[str] | None,
    folder: Path,
    on_error: OnError,
    encoding: str,
    config: AnalysisConfig,
    jobs: int,
    scheduler: Scheduler,
    client: Client | None,
    dask_address: str | None,
    chunk_size: int,
    batch_size: int,
) -> AnalysisSummary:
    if corpus is None or isinstance(corpus, str | os.PathLike):
        stream = stream_articles(corpus, encoding=encoding)
        articles: Iterable[Article] = stream
    else:
        loaded = _as_corpus(corpus)
        stream = None
        articles = loaded.articles
    tracker = _Progress()
    with (
        make_executor(jobs, scheduler=scheduler, client=client, address=dask_address) as executor,
        ChunkWriter(folder) as writer,
    ):
        feed = _until_problem(articles, stream, on_error)
        results = executor.map_ordered(tabulate_batch, batched(feed, batch_size), config)
        for chunk in _chunks(results, chunk_size):
            tracker.write_chunk(writer, chunk)
        if stream is not None:
            outcome = stream.outcome()
        else:
            outcome = StreamOutcome(
                loaded.source,
                len(loaded.articles),
                loaded.rejected,
                (),
                frozenset(),
                loaded.cleaning_name,
                loaded.cleaning_version,
            )
        if outcome.problems and on_error == "raise":
            raise CorpusError(list(outcome.problems))
        writer.write("rejected", _rejected_table(outcome.rejected))
        files = writer.close()
    if outcome.withdrawn:
        _drop_documents(folder, outcome.withdrawn)
    if not (folder / "documents.parquet").exists():
        rejected = [InputProblem(item.location, item.reason) for item in outcome.rejected]
        raise CorpusError(
            [*rejected, InputProblem(outcome.source, "no usable article is left to analyse")]
        )
    outlets, n_words = _outlets(folder / "documents.parquet", tracker.columns)
    with ChunkWriter(folder) as writer:
        writer.write("outlets", outlets)
        files += writer.close()
    metadata = analysis_metadata(
        source=outcome.source,
        n_articles=outcome.n_articles,
        n_rejected=len(outcome.rejected),
        cleaning=(outcome.cleaning_name, outcome.cleaning_version),
        codebooks=config.codebooks,
    )
    metadata_path = folder / METADATA_FILE
    metadata_path.write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n")
    files.sort(key=lambda path: (TABLES.index(path.stem), path.suffix))
    return AnalysisSummary(
        out_dir=folder,
        n_articles=outcome.n_articles,
        n_rejected=len(outcome.rejected),
        n_words=n_words,
        rejected=outcome.rejected,
        files=(*files, metadata_path),
        executor=executor.description,
        metadata=metadata,
    )


class _Progress:
    """Writes chunks of tabulated batches; remembers the documents' columns."""

    def __init__(self) -> None:
        self.columns: list[str] = []

    def write_chunk(self, writer: ChunkWriter, chunk: list[BatchTables]) -> None:
        for name in ARTICLE_TABLES:
            parts = [batch.parts[name] for batch in chunk]
            frames = [part.frame for part in parts if not part.frame.empty]
            frame = pd.concat(frames, ignore_index=True) if frames else parts[-1].frame
            if name == "documents" and not self.columns:
                self.columns = list(frame.columns)
            writer.write(name, frame, "".join(part.csv for part in parts))


def _until_problem(
    articles: Iterable[Article], stream: ArticleStream | None, on_error: OnError
) -> Iterator[Article]:
    """The articles; with ``on_error="raise"`` stop measuring once a problem is known."""
    for article in articles:
        if on_error == "raise" and stream is not None and stream.has_problems:
            continue
        yield article


def _chunks(results: Iterable[BatchTables], size: int) -> Iterator[list[BatchTables]]:
    chunk: list[BatchTables] = []
    count = 0
    for batch in results:
        chunk.append(batch)
        count += batch.n_articles
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk


def _drop_documents(folder: Path, doc_ids: frozenset[str]) -> None:
    """Rewrite the per-article tables without ``doc_ids`` (articles withdrawn as duplicates)."""
    keep = ~ds.field("doc_id").isin(sorted(doc_ids))
    for name in ("documents", "evidence", "attributions", "removals"):
        path = folder / f"{name}.parquet"
        dataset = ds.dataset(path, format="parquet")
        kept = folder / f"{name}.kept.parquet"
        with pq.ParquetWriter(kept, dataset.schema) as out:
            for batch in dataset.to_batches(filter=keep):
                out.write_batch(batch)
        kept.replace(path)
        csv_path = folder / f"{name}.csv"
        header = True
        for batch in pq.ParquetFile(path).iter_batches():
            frame = batch.to_pandas()
            frame.to_csv(
                csv_path,
                mode="w" if header else "a",
                header=header,
                index=False,
                lineterminator="\n",
            )
            header = False


def _outlets(documents_path: Path, columns: list[str]) -> tuple[pd.DataFrame, int]:
    """The outlet table from the documents file, read one row group at a time."""
    parquet = pq.ParquetFile(documents_path)
    parts = []
    n_words = 0
    for index in range(parquet.num_row_groups):
        chunk = parquet.read_row_group(index).to_pandas()
        n_words += int(chunk["n_words"].sum())
        parts.append(outlet_partials(chunk))
    if not parts:
        return outlets_from_partials(pd.DataFrame(), columns), 0
    summed = pd.concat(parts).groupby(level=0, sort=True).sum()
    return outlets_from_partials(summed, columns or list(parquet.schema_arrow.names)), n_words
