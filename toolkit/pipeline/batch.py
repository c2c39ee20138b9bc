"""The unit of work sent to a worker: measure a batch of articles and tabulate their rows.

Turning rows into frames (and CSV text, when the tables go to files) is the workers' share of
the work, so that the process writing the tables only concatenates. Each batch also carries the
outlet partials of its measures, so outlet totals never need the measures table re-read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import pandas as pd

from toolkit.corpus.article import Article
from toolkit.engine.tables import csv_rows
from toolkit.metrics.registry import registry
from toolkit.pipeline.config import AnalysisConfig
from toolkit.pipeline.measure import ArticleRows, measure_article
from toolkit.pipeline.tables import frame, in_scope_rows, outlet_partials


@dataclass(frozen=True, slots=True)
class TablePart:
    """One table's rows of a batch: the frame, and the same rows as CSV text (no header) when
    the batch was tabulated for files ("" otherwise)."""

    frame: pd.DataFrame
    csv: str


@dataclass(frozen=True, slots=True)
class BatchTables:
    """A batch of articles measured and tabulated: one ``TablePart`` per table it adds to."""

    doc_ids: tuple[str, ...]
    n_words: int
    parts: dict[str, TablePart]
    partials: pd.DataFrame


@dataclass(frozen=True, slots=True)
class BatchJob:
    """What every batch shares: the configuration and whether to render CSV rows."""

    config: AnalysisConfig
    with_csv: bool


def tabulate_batch(articles: Sequence[Article], job: BatchJob) -> BatchTables:
    """Measure ``articles`` and build each table's part (run in a worker: module level)."""
    measured = [measure_article(article, job.config) for article in articles]
    frames = article_frames(measured, articles)
    parts = {
        name: TablePart(table, csv_rows(table) if job.with_csv else "")
        for name, table in frames.items()
    }
    return BatchTables(
        doc_ids=tuple(article.doc_id for article in articles),
        n_words=sum(int(rows.document["n_words"]) for rows in measured),
        parts=parts,
        partials=outlet_partials(in_scope_rows(frames["measures"], frames["documents"])),
    )


def article_frames(
    measured: Sequence[ArticleRows], articles: Sequence[Article]
) -> dict[str, pd.DataFrame]:
    """The frames of every per-article table for measured articles, rows in article order."""
    frames = {
        "documents": frame("documents", [rows.document for rows in measured]),
        "measures": frame("measures", _concat(rows.measures for rows in measured)),
        "evidence": frame("evidence", _concat(rows.evidence for rows in measured)),
        "sentences": frame("sentences", _concat(rows.sentences for rows in measured)),
    }
    for table in registry().tables():
        frames[table.name] = frame(
            table.name, _concat(rows.records.get(table.name, ()) for rows in measured)
        )
    frames["removals"] = frame("removals", _concat(removal_rows(a) for a in articles))
    return frames


def _concat(parts: Iterable[Iterable[Any]]) -> list[Any]:
    return [row for part in parts for row in part]


def removal_rows(article: Article) -> list[tuple[Any, ...]]:
    """One row per span cleaning removed from ``article`` (offsets into its original text)."""
    return [
        (article.doc_id, article.outlet, item.rule, item.start, item.end, item.text)
        for item in article.removals
    ]


def batched(items: Iterable[Article], size: int) -> Iterator[tuple[Article, ...]]:
    """Consecutive tuples of ``size`` articles (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch
