"""The unit of work sent to a worker: measure a batch of articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any

from toolkit.analysis import AnalysisConfig, ArticleRows, measure_article, removal_rows
from toolkit.corpus.article import Article


@dataclass(frozen=True, slots=True)
class BatchRows:
    """The rows of a batch of articles, in the batch's order, and what cleaning removed."""

    articles: tuple[ArticleRows, ...]
    removals: tuple[dict[str, Any], ...]


def measure_batch(articles: Sequence[Article], config: AnalysisConfig) -> BatchRows:
    """``measure_article`` on each article (run in a worker: module level, picklable)."""
    return BatchRows(
        articles=tuple(measure_article(article, config) for article in articles),
        removals=tuple(row for article in articles for row in removal_rows(article)),
    )


def batched(items: Iterable[Article], size: int) -> Iterator[tuple[Article, ...]]:
    """Consecutive tuples of ``size`` articles (the last may be shorter), read lazily."""
    iterator = iter(items)
    while batch := tuple(islice(iterator, size)):
        yield batch
