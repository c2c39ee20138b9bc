"""The unit of work sent to a worker: measure a batch of articles.

``measure_batch`` returns the rows (for ``analyze``, which builds the tables in memory);
``tabulate_batch`` goes further and returns each table's part as a frame and as rendered CSV
rows, so that the process writing the files only concatenates: with several workers, turning
rows into frames and text is the workers' share of the work, not the writer's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

import pandas as pd

from toolkit.analysis import (
    REMOVAL_COLUMNS,
    AnalysisConfig,
    ArticleRows,
    article_frames,
    measure_article,
    removal_rows,
)
from toolkit.corpus.article import Article
from toolkit.engine.tables import csv_rows

ARTICLE_TABLES = ("documents", "evidence", "attributions", "removals")


@dataclass(frozen=True, slots=True)
class BatchRows:
    """The rows of a batch of articles, in the batch's order, and what cleaning removed."""

    articles: tuple[ArticleRows, ...]
    removals: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class TablePart:
    """One table's rows of a batch: the frame and the same rows as CSV text (no header)."""

    frame: pd.DataFrame
    csv: str


@dataclass(frozen=True, slots=True)
class BatchTables:
    """A batch of articles measured and tabulated: one ``TablePart`` per ``ARTICLE_TABLES``."""

    n_articles: int
    parts: dict[str, TablePart]


def measure_batch(articles: Sequence[Article], config: AnalysisConfig) -> BatchRows:
    """``measure_article`` on each article (run in a worker: module level, picklable)."""
    return BatchRows(
        articles=tuple(measure_article(article, config) for article in articles),
        removals=tuple(row for article in articles for row in removal_rows(article)),
    )


def tabulate_batch(articles: Sequence[Article], config: AnalysisConfig) -> BatchTables:
    """``measure_batch``, then each table's frame and CSV rows (run in a worker)."""
    rows = measure_batch(articles, config)
    frames = article_frames(
        [item.document for item in rows.articles],
        [row for item in rows.articles for row in item.evidence],
        [row for item in rows.articles for row in item.attributions],
    )
    removals = pd.DataFrame(list(rows.removals), columns=list(REMOVAL_COLUMNS))
    parts = {
        name: TablePart(frame, csv_rows(frame))
        for name, frame in zip(ARTICLE_TABLES, (*frames, removals), strict=True)
    }
    return BatchTables(n_articles=len(articles), parts=parts)


def batched(items: Iterable[Article], size: int) -> Iterator[tuple[Article, ...]]:
    """Consecutive tuples of ``size`` articles (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch
