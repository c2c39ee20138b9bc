"""The one pipeline: articles in, every table out, to memory or to a folder.

Articles are read one at a time (``toolkit.corpus.stream``), measured in batches by an executor
(this process, a process pool, or Dask) and their tables handed to a sink: ``MemorySink`` keeps
them (``toolkit.analyze``), ``FolderSink`` appends them to Parquet (and CSV) files chunk by chunk
(``toolkit.engine.analyze_to_folder``), so memory holds one chunk, not the corpus. Outlet
totals are summed from each batch's partials as it arrives.

With ``on_error="raise"`` measuring stops at the first bad input and the run raises
``CorpusError`` listing every problem; nothing is kept. With ``"skip"`` bad inputs are listed in
the ``rejected`` table. A doc_id found twice in a file makes every article with it unusable;
the stream finds such ids before the first article is measured, so nothing is written and later
dropped.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import pandas as pd

from toolkit.corpus import Corpus
from toolkit.corpus.article import Article, Rejection
from toolkit.corpus.stream import ArticleStream, StreamOutcome, stream_articles
from toolkit.corpus.validation import OnError, check_on_error
from toolkit.engine.executors import Scheduler, make_executor
from toolkit.engine.tables import ChunkWriter
from toolkit.errors import CorpusError, InputProblem, ParameterError
from toolkit.pipeline.batch import BatchJob, BatchTables, batched, tabulate_batch
from toolkit.pipeline.config import AnalysisConfig
from toolkit.pipeline.metadata import METADATA_FILE, analysis_metadata
from toolkit.pipeline.tables import (
    combine_partials,
    frame,
    outlet_table,
    sort_rows,
    table_names,
)

if TYPE_CHECKING:
    from distributed import Client

CorpusLike = Corpus | Iterable[Article] | str | os.PathLike[str] | None
"""A loaded corpus, articles, a path to a corpus, or None for the bundled sample corpus."""


@dataclass(frozen=True, slots=True)
class Options:
    """How to run: error policy, encoding, where to measure, and the size of the pieces.

    Workers receive ``batch_size`` articles per task; a folder gets one Parquet row group per
    ``chunk_size`` articles.
    """

    on_error: OnError = "raise"
    encoding: str = "utf-8"
    jobs: int = 1
    scheduler: Scheduler = "processes"
    client: Client | None = None
    dask_address: str | None = None
    chunk_size: int = 250
    batch_size: int = 64

    def __post_init__(self) -> None:
        check_on_error(self.on_error)
        for name in ("chunk_size", "batch_size"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ParameterError(
                    f"The '{name}' parameter must be a positive integer. Got {value!r} instead."
                )


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """What a run did: counts, what was left out, where it ran and the metadata written."""

    n_articles: int
    n_words: int
    rejected: tuple[Rejection, ...]
    executor: str
    metadata: dict[str, Any]


class Sink(Protocol):
    """Where the tables go."""

    with_csv: bool

    def write(self, name: str, table: pd.DataFrame, csv: str) -> None:
        """Append rows to table ``name`` (``csv``: the same rows rendered, or "")."""
        ...

    def finish(self, metadata: dict[str, Any]) -> None:
        """Write what is left (metadata) and make the tables final."""
        ...


class MemorySink:
    """Keeps every table in memory; ``tables()`` gives them in their spec's row order."""

    with_csv = False

    def __init__(self) -> None:
        self._parts: dict[str, list[pd.DataFrame]] = {name: [] for name in table_names()}
        self.metadata: dict[str, Any] = {}

    def write(self, name: str, table: pd.DataFrame, csv: str) -> None:
        """Keep the rows."""
        self._parts[name].append(table)

    def finish(self, metadata: dict[str, Any]) -> None:
        """Remember the metadata."""
        self.metadata = metadata

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table, whole and sorted."""
        built = {}
        for name, parts in self._parts.items():
            kept = [part for part in parts if not part.empty]
            whole = pd.concat(kept, ignore_index=True) if kept else frame(name, [])
            built[name] = sort_rows(whole, name)
        return built


class FolderSink:
    """Writes every table as Parquet (one row group per chunk) into ``folder``, and as CSV too
    with ``csv``."""

    def __init__(self, folder: Path, *, csv: bool = True) -> None:
        self.folder = folder
        self.with_csv = csv
        self.files: list[Path] = []
        self._writer = ChunkWriter(folder, csv=csv)
        self._closed = False

    def write(self, name: str, table: pd.DataFrame, csv: str) -> None:
        """Append the rows."""
        self._writer.write(name, table, csv or None)

    def finish(self, metadata: dict[str, Any]) -> None:
        """Close the files and write ``analysis.json``."""
        self._close_writer()
        path = self.folder / METADATA_FILE
        path.write_text(json.dumps(metadata, indent=2, sort_keys=True) + "\n")
        names = table_names()
        self.files = sorted(
            (p for p in self.folder.iterdir() if p.stem in names),
            key=lambda p: (names.index(p.stem), p.suffix),
        )
        self.files.append(path)

    def _close_writer(self) -> None:
        if not self._closed:
            self._writer.close()
            self._closed = True


def run_pipeline(
    corpus: CorpusLike, sink: Sink, config: AnalysisConfig, options: Options
) -> RunOutcome:
    """Measure every article of ``corpus`` with ``config`` and hand the tables to ``sink``."""
    articles, stream, loaded = _articles(corpus, options)
    job = BatchJob(config, sink.with_csv)
    partials: list[pd.DataFrame] = []
    n_words = 0
    with make_executor(
        options.jobs,
        scheduler=options.scheduler,
        client=options.client,
        address=options.dask_address,
    ) as executor:
        feed = _until_problem(articles, stream, options.on_error)
        results = executor.map_ordered(tabulate_batch, batched(feed, options.batch_size), job)
        for chunk in _chunks(results, options.chunk_size):
            for name in chunk[0].parts:
                parts = [batch.parts[name] for batch in chunk]
                frames = [part.frame for part in parts if not part.frame.empty]
                whole = pd.concat(frames, ignore_index=True) if frames else parts[-1].frame
                sink.write(name, whole, "".join(part.csv for part in parts))
            partials.append(combine_partials([batch.partials for batch in chunk]))
            n_words += sum(batch.n_words for batch in chunk)
        description = executor.description
    outcome = stream.outcome() if stream is not None else _outcome_of(loaded)
    if outcome.problems and options.on_error == "raise":
        raise CorpusError(list(outcome.problems))
    if outcome.n_articles == 0:
        raise CorpusError(
            [
                *(InputProblem(item.location, item.reason) for item in outcome.rejected),
                InputProblem(outcome.source, "no usable article is left to analyse"),
            ]
        )
    sink.write("rejected", rejected_table(outcome.rejected), "")
    sink.write("outlets", outlet_table(combine_partials(partials)), "")
    metadata = analysis_metadata(
        source=outcome.source,
        n_articles=outcome.n_articles,
        n_rejected=len(outcome.rejected),
        cleaning=(outcome.cleaning_name, outcome.cleaning_version),
        config=config,
    )
    sink.finish(metadata)
    return RunOutcome(outcome.n_articles, n_words, outcome.rejected, description, metadata)


def _articles(
    corpus: CorpusLike, options: Options
) -> tuple[Iterable[Article], ArticleStream | None, Corpus | None]:
    if corpus is None or isinstance(corpus, str | os.PathLike):
        stream = stream_articles(corpus, encoding=options.encoding)
        return stream, stream, None
    loaded = as_corpus(corpus)
    return loaded.articles, None, loaded


def as_corpus(corpus: Corpus | Iterable[Article]) -> Corpus:
    """``corpus`` as a ``Corpus``: a loaded one as is, articles wrapped."""
    if isinstance(corpus, Corpus):
        return corpus
    articles = tuple(corpus)
    wrong = [type(item).__name__ for item in articles if not isinstance(item, Article)]
    if wrong:
        raise ParameterError(
            "The 'corpus' parameter must be a Corpus, an iterable of Article, a path or None. "
            f"Got an iterable holding {sorted(set(wrong))} instead."
        )
    return Corpus(articles=articles, rejected=(), source="<articles>")


def _outcome_of(loaded: Corpus | None) -> StreamOutcome:
    assert loaded is not None
    return StreamOutcome(
        loaded.source,
        len(loaded.articles),
        loaded.rejected,
        (),
        loaded.cleaning_name,
        loaded.cleaning_version,
    )


def rejected_table(rejected: Iterable[Rejection]) -> pd.DataFrame:
    """The ``rejected`` table of these rejections."""
    return frame(
        "rejected", [(item.location, item.doc_id, item.outlet, item.reason) for item in rejected]
    )


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
        count += len(batch.doc_ids)
        if count >= size:
            yield chunk
            chunk, count = [], 0
    if chunk:
        yield chunk


def staged_folder(out_dir: Path) -> Path:
    """A new hidden staging folder beside ``out_dir`` (moved into place by ``publish``)."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.partial-", dir=out_dir.parent))


def publish(staging: Path, files: Iterable[Path], out_dir: Path) -> tuple[Path, ...]:
    """Move ``files`` from ``staging`` into ``out_dir`` (replacing files of the same name)."""
    out_dir.mkdir(exist_ok=True)
    moved = []
    for path in files:
        path.replace(out_dir / path.name)
        moved.append(out_dir / path.name)
    shutil.rmtree(staging, ignore_errors=True)
    return tuple(moved)
