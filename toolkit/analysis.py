"""Analyse a corpus into tidy tables, in memory (``analyze``) or from a folder (``read_analysis``).

An ``Analysis`` holds the tables of ``toolkit.pipeline.tables`` (documents, measures, evidence,
sentences, attributions, outlets, rejected, removals; every column documented in
``docs/data-dictionary.md``) and the metadata that records the toolkit and codebook versions
used. ``Analysis.write`` saves them as CSV and Parquet with ``analysis.json``; ``read_analysis``
loads such a folder back. For corpora too large for memory, ``analyze_to_folder`` runs the same
pipeline straight to files.
"""

from __future__ import annotations

import html
import json
import os
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from toolkit.corpus.article import Rejection
from toolkit.corpus.validation import OnError
from toolkit.engine.executors import Scheduler
from toolkit.errors import ParameterError
from toolkit.pipeline.config import AnalysisConfig, CodebookLike, make_config
from toolkit.pipeline.metadata import METADATA_FILE
from toolkit.pipeline.run import (
    CorpusLike,
    FolderSink,
    MemorySink,
    Options,
    publish,
    run_pipeline,
    staged_folder,
)
from toolkit.pipeline.tables import sort_rows, spec, table_names

if TYPE_CHECKING:
    from distributed import Client

PER_OUTLET_TABLES = ("documents", "measures", "evidence", "sentences", "attributions", "removals")
"""Tables with one outlet's rows per article; ``read_analysis(outlet=...)`` filters them."""


@dataclass(frozen=True)
class Analysis:
    """The tables produced by ``analyze``, plus what produced them (``metadata``).

    Tables are pandas DataFrames, by name (``analysis.table("measures")`` or the attribute of the
    same name); their columns are documented in ``docs/data-dictionary.md``. ``views.wide``
    gives the measures of ``measures`` or ``outlets`` one column each.
    """

    tables: Mapping[str, pd.DataFrame]
    metadata: Mapping[str, Any]

    def __post_init__(self) -> None:
        missing = [name for name in table_names() if name not in self.tables]
        if missing:
            raise ParameterError(f"An Analysis needs every table; missing {missing}.")

    def table(
        self,
        name: str,
        *,
        columns: Sequence[str] | None = None,
        filters: Sequence[Filter] | None = None,
    ) -> pd.DataFrame:
        """The table called ``name`` (one of ``toolkit.pipeline.tables.table_names()``).

        ``columns`` keeps only those columns; ``filters`` keeps the rows meeting every
        ``(column, op, value)`` condition, ``op`` one of ``==``, ``!=``, ``in`` (as
        ``AnalysisFolder.table`` reads them from Parquet).
        """
        if name not in self.tables:
            raise ParameterError(
                f"The 'name' parameter of Analysis.table must be one of {list(self.tables)}. "
                f"Got {name!r} instead."
            )
        return select_rows(self.tables[name], columns, filters)

    @property
    def documents(self) -> pd.DataFrame:
        """One row per article: identity, sizes, dominant frames."""
        return self.table("documents")

    @property
    def measures(self) -> pd.DataFrame:
        """One row per number measured on an article (long layout)."""
        return self.table("measures")

    @property
    def evidence(self) -> pd.DataFrame:
        """One row per matched span behind a count."""
        return self.table("evidence")

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence (headline first); evidence points here."""
        return self.table("sentences")

    @property
    def attributions(self) -> pd.DataFrame:
        """One row per attribution (source, cue, content)."""
        return self.table("attributions")

    @property
    def outlets(self) -> pd.DataFrame:
        """The measures per outlet (long layout)."""
        return self.table("outlets")

    @property
    def rejected(self) -> pd.DataFrame:
        """Articles not analysed, with where they came from and why."""
        return self.table("rejected")

    @property
    def removals(self) -> pd.DataFrame:
        """What cleaning cut from each article."""
        return self.table("removals")

    def __repr__(self) -> str:
        return f"<Analysis {self._summary()}>"

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td><td>{len(table):,}</td>"
            f"<td>{len(table.columns)}</td></tr>"
            for name, table in self.tables.items()
        )
        return (
            f"<p><b>Analysis</b> {html.escape(self._summary())}</p>"
            f"<table><tr><th>table</th><th>rows</th><th>columns</th></tr>{rows}</table>"
        )

    def _summary(self) -> str:
        meta = self.metadata
        outlets = self.documents["outlet"].nunique()
        return (
            f"of {meta.get('corpus', '?')}: {len(self.documents):,} articles from "
            f"{outlets:,} outlets, {len(self.rejected):,} rejected; tables "
            + ", ".join(f"{name} ({len(table):,})" for name, table in self.tables.items())
        )

    def write(self, out_dir: str | os.PathLike[str], *, chunk_rows: int = 100_000) -> list[Path]:
        """Write every table as CSV and Parquet plus ``analysis.json``; return the files written.

        Tables are written ``chunk_rows`` rows at a time, one Parquet row group per chunk, the
        layout ``toolkit.engine.analyze_to_folder`` streams to.
        """
        from toolkit.engine.tables import ChunkWriter

        folder = Path(out_dir)
        folder.mkdir(parents=True, exist_ok=True)
        names = list(self.tables)
        with ChunkWriter(folder) as writer:
            for name in names:
                table = self.tables[name]
                for start in range(0, max(len(table), 1), chunk_rows):
                    writer.write(name, table.iloc[start : start + chunk_rows])
            written = writer.close()
        written.sort(key=lambda path: (names.index(path.stem), path.suffix))
        metadata_path = folder / METADATA_FILE
        metadata_path.write_text(json.dumps(dict(self.metadata), indent=2, sort_keys=True) + "\n")
        written.append(metadata_path)
        return written


Filter = tuple[str, str, Any]
"""A row condition ``(column, op, value)``: ``op`` is ``==``, ``!=`` or ``in``."""


def select_rows(
    table: pd.DataFrame,
    columns: Sequence[str] | None = None,
    filters: Sequence[Filter] | None = None,
) -> pd.DataFrame:
    """The rows of ``table`` meeting every filter, and only ``columns`` (row order kept)."""
    keep = pd.Series(True, index=table.index)
    for column, op, value in filters or ():
        if op == "==":
            keep &= table[column] == value
        elif op == "!=":
            keep &= table[column] != value
        elif op == "in":
            keep &= table[column].isin(list(value))
        else:
            raise ParameterError(
                f"A filter's operator must be one of {{'==', '!=', 'in'}}. Got {op!r} instead."
            )
    selected = table if filters is None else table[keep]
    if columns is not None:
        selected = selected[list(columns)]
    return selected.reset_index(drop=True) if filters else selected


class AnalysisFolder:
    """An analysis folder read lazily: each table is read, as far as it is asked for, when asked.

    ``table(name, columns=..., filters=...)`` reads only those columns and the rows meeting the
    filters from Parquet (for a large corpus, the per-article tables run to gigabytes). Tables
    come in the row order ``read_analysis`` gives them. ``metadata`` is ``analysis.json``.
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        _check_folder(self.folder)
        self.metadata: Mapping[str, Any] = json.loads(
            (self.folder / METADATA_FILE).read_text(encoding="utf-8")
        )

    def __repr__(self) -> str:
        return f"<AnalysisFolder {self.folder}>"

    def table(
        self,
        name: str,
        *,
        columns: Sequence[str] | None = None,
        filters: Sequence[Filter] | None = None,
    ) -> pd.DataFrame:
        """Columns and rows of one table (see the class docstring and ``Analysis.table``)."""
        from toolkit.engine.lazy import read_table

        order = [c for c in spec(name).order if columns is None or c in columns]
        wanted = None if columns is None else list(dict.fromkeys([*columns, *order]))
        frame = read_table(self.folder, name, columns=wanted, filters=list(filters or []) or None)
        if order:
            frame = frame.sort_values(order, kind="stable").reset_index(drop=True)
        return frame if columns is None else frame[list(columns)]


def analyze(
    corpus: CorpusLike = None,
    *,
    config: AnalysisConfig | None = None,
    jobs: int = 1,
    client: Client | None = None,
    languages: Sequence[str] | None = None,
    **codebooks: CodebookLike | None,
) -> Analysis:
    """Measure every article of ``corpus`` and return the tables (held in memory).

    ``corpus`` is a loaded ``Corpus``, an iterable of ``Article``, a path to a corpus, or None
    for the bundled sample corpus (a path with bad articles raises ``CorpusError`` listing
    them; load it with ``load_corpus(path, on_error="skip")`` to skip them). Codebooks default
    to the built-in ones; a researcher's codebook may be given per slot (``hedging_codebook=``,
    ``actors_codebook=``, ...; see ``toolkit.pipeline.config.codebook_parameters()``), or a
    whole ``config`` from ``make_config``.

    ``languages`` (ISO 639-1 codes, default English) are the languages whose articles enter the
    outlet totals; the others are measured and flagged (``language``, ``in_scope``).

    ``jobs`` > 1 measures articles on that many processes; ``client`` (a
    ``distributed.Client``) runs them on a Dask cluster; the tables are the same either way.
    With ``jobs`` > 1 a script must call ``analyze`` under ``if __name__ == "__main__":``
    (worker processes import the script that starts them).
    """
    chosen = _config(config, codebooks, "analyze")
    if languages is not None:
        chosen = chosen.for_languages(languages)
    sink = MemorySink()
    run_pipeline(corpus, sink, chosen, Options(jobs=jobs, client=client))
    return Analysis(sink.tables(), sink.metadata)


def read_analysis(folder: str | os.PathLike[str], *, outlet: str | None = None) -> Analysis:
    """Load an analysis folder written by ``Analysis.write`` or ``analyze_to_folder``.

    Rows come in the order ``analyze`` gives them. With ``outlet``, the per-article tables
    (``PER_OUTLET_TABLES``) hold only that outlet's rows, read with a Parquet filter, so one
    outlet's report does not load a whole large corpus; the other tables stay whole. For other
    selections use ``toolkit.engine.read_table``.
    """
    path = Path(folder)
    _check_folder(path)
    names = table_names()
    tables = {name: sort_rows(_read_table(path, name, outlet), name) for name in names}
    if outlet is not None and outlet not in set(tables["outlets"]["outlet"]):
        known = sorted(str(name) for name in tables["outlets"]["outlet"].unique())
        raise ParameterError(
            f"The 'outlet' parameter must be one of {known}. Got {outlet!r} instead."
        )
    metadata = json.loads((path / METADATA_FILE).read_text())
    return Analysis(tables, metadata)


def _check_folder(path: Path) -> None:
    missing = [
        name
        for name in (*(f"{t}.parquet" for t in table_names()), METADATA_FILE)
        if not (path / name).exists()
    ]
    if missing:
        raise ParameterError(
            f"{path} is not a complete analysis folder: missing {', '.join(missing)}. "
            "Create one with `toolkit analyze CORPUS --out FOLDER`."
        )


def _read_table(folder: Path, name: str, outlet: str | None) -> pd.DataFrame:
    file = folder / f"{name}.parquet"
    if outlet is None or name not in PER_OUTLET_TABLES:
        return pd.read_parquet(file)
    import pyarrow.parquet as pq

    if pq.ParquetFile(file).metadata.num_rows == 0:
        return pd.read_parquet(file)
    return pd.read_parquet(file, filters=[("outlet", "==", outlet)])


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
    corpus: CorpusLike,
    out_dir: str | os.PathLike[str],
    *,
    on_error: OnError = "raise",
    encoding: str = "utf-8",
    config: AnalysisConfig | None = None,
    jobs: int = 1,
    scheduler: Scheduler = "processes",
    client: Client | None = None,
    dask_address: str | None = None,
    chunk_size: int = 250,
    batch_size: int = 64,
    languages: Sequence[str] | None = None,
    csv: bool = True,
    **codebooks: CodebookLike | None,
) -> AnalysisSummary:
    """Analyse ``corpus`` and write the tables to ``out_dir`` without holding them in memory.

    ``corpus``: a path (a ``.jsonl``/``.csv`` file, optionally ``.gz``, is streamed; a folder
    is loaded whole), a loaded ``Corpus``, an iterable of ``Article``, or None (the sample).
    ``on_error`` and ``encoding`` are as in ``load_corpus``: with ``"raise"`` any bad article
    raises CorpusError listing every problem and nothing is written. Codebooks and ``languages``
    are given as in ``analyze`` (``config`` or one keyword per codebook slot, not both).
    ``jobs``/``scheduler``/``client``/``dask_address`` choose the executor (``make_executor``).
    Tables get one Parquet row group per ``chunk_size`` articles; workers receive
    ``batch_size`` articles per task. Every table is written as Parquet, and as CSV too unless
    ``csv=False``. Files already in ``out_dir`` with a table's name are replaced.
    """
    options = Options(
        on_error=on_error,
        encoding=encoding,
        jobs=jobs,
        scheduler=scheduler,
        client=client,
        dask_address=dask_address,
        chunk_size=chunk_size,
        batch_size=batch_size,
    )
    config = _config(config, codebooks, "analyze_to_folder")
    if languages is not None:
        config = config.for_languages(languages)
    target = Path(out_dir)
    staging = staged_folder(target)
    try:
        sink = FolderSink(staging, csv=csv)
        outcome = run_pipeline(corpus, sink, config, options)
        files = publish(staging, sink.files, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return AnalysisSummary(
        out_dir=target,
        n_articles=outcome.n_articles,
        n_rejected=len(outcome.rejected),
        n_words=outcome.n_words,
        rejected=outcome.rejected,
        files=files,
        executor=outcome.executor,
        metadata=outcome.metadata,
    )


def _config(
    config: AnalysisConfig | None, codebooks: Mapping[str, CodebookLike | None], where: str
) -> AnalysisConfig:
    if config is None:
        return make_config(**codebooks)
    if any(value is not None for value in codebooks.values()):
        raise ParameterError(
            f"Give {where} either 'config' or codebook parameters, not both: put the codebooks "
            "in make_config(...)."
        )
    return config
