"""Records shared by every metric family: evidence spans and per-article results."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import TypeAlias


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(
        self,
        doc_id: str,
        family: str,
        category: str,
        rule: str,
        start: int,
        end: int,
        text: str,
        weight: float = 1.0,
    ) -> None:
        # The dataclass __init__ of a frozen class sets each field with object.__setattr__;
        # writing the slots directly does the same at half the cost, and articles have hundreds
        # of evidence rows.
        set_doc_id, set_family, set_category, set_rule, set_start, set_end, set_text, set_weight = (
            _EVIDENCE_SLOTS
        )
        set_doc_id(self, doc_id)
        set_family(self, family)
        set_category(self, category)
        set_rule(self, rule)
        set_start(self, start)
        set_end(self, end)
        set_text(self, text)
        set_weight(self, weight)


_EVIDENCE_SLOTS = tuple(getattr(Evidence, field.name).__set__ for field in fields(Evidence))


EvidenceTuple: TypeAlias = tuple[str, str, int, int, str, float]
"""An evidence row of a known article and family as ``(category, rule, start, end, text,
weight)``: what the lexicon families hand ``measure_article``, which needs no ``Evidence``."""


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


def spans_result(
    doc_id: str, family: str, values: Mapping[str, float], spans: list[EvidenceTuple]
) -> FamilyResult:
    """The ``FamilyResult`` of one article from its values and evidence tuples (same order)."""
    return FamilyResult(family, values, tuple(Evidence(doc_id, family, *span) for span in spans))
