"""Records shared by every metric family: evidence spans and per-article results."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Evidence:
    """One matched span behind a count.

    ``start``/``end`` are character offsets into ``Article.text`` and
    ``article.text[start:end] == text`` always holds. ``category`` is the codebook category
    (e.g. ``"distancing"``), ``rule`` the codebook entry or rule id that matched
    (e.g. ``"hedging:reportedly"``), ``family`` the metric family (e.g. ``"hedging"``).
    """

    doc_id: str
    family: str
    category: str
    rule: str
    start: int
    end: int
    text: str
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class FamilyResult:
    """What one metric family measured on one article.

    ``values`` maps column names of the documents table (prefixed with the family, e.g.
    ``"hedging_count"``) to numbers; undefined values are NaN, never 0.
    """

    family: str
    values: Mapping[str, float]
    evidence: tuple[Evidence, ...] = field(default=())


def per_thousand(count: float, n_words: int) -> float:
    """Rate per 1,000 words; NaN when the article has no words."""
    if n_words <= 0:
        return math.nan
    return 1000.0 * count / n_words
