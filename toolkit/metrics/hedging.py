"""Hedges and boosters: how far a writer withholds or stresses commitment to what is reported.

Hedges ("may", "suggests", "reportedly", "about 100") signal that a proposition is offered as
possible, inferred, approximate or someone else's claim; boosters ("clearly", "undoubtedly")
signal certainty. Both follow Hyland's model of interpersonal metadiscourse (Hyland 1998, 2005).
Counts come from a hedging codebook (the built-in ``hedging`` codebook unless a researcher's own
is given): every category except ``boosters`` is a hedge category. A hedge match rejected by the
``not_negated`` guard ("not likely") is not a hedge: it is reported as a negated hedge instead.

Values (counts are sums of entry weights, i.e. numbers of matches with the default weight 1;
rates are per 1,000 words, NaN for an article without words; higher means more hedged/boosted):

* ``hedging_hedges_count`` / ``_per_1k``: all hedge categories together;
* ``hedging_boosters_count`` / ``_per_1k``: boosters (NaN if the codebook has no ``boosters``);
* ``hedging_negated_count`` / ``_per_1k``: negated hedges, counted in no other column;
* ``hedging_<category>_count`` / ``_per_1k`` for each hedge category.
"""

from __future__ import annotations

import math

from toolkit.codebooks.model import Codebook
from toolkit.corpus.article import Article
from toolkit.metrics.base import EvidenceTuple, FamilyResult, per_thousand, spans_result
from toolkit.metrics.guards import NEGATION_GUARD
from toolkit.metrics.lexicon import (
    CompiledCodebook,
    check_segmented,
    compile_codebook,
    family_codebook,
)
from toolkit.text import Segmented

FAMILY = "hedging"
BOOSTERS = "boosters"
"""The category of a hedging codebook that holds boosters; every other category holds hedges."""
NEGATED = "negated_hedge"
"""Evidence category of a hedge rejected by the negation guard."""


def hedge_categories(codebook: Codebook) -> tuple[str, ...]:
    """Ids of the hedge categories of ``codebook`` (all but ``boosters``), in file order."""
    return tuple(category for category in codebook.category_ids if category != BOOSTERS)


def measure(article: Article, doc: Segmented, codebook: Codebook | None = None) -> FamilyResult:
    """Count hedges, boosters and negated hedges in ``article`` (see the module docstring).

    ``doc`` must be ``segment(article.text)``; ``codebook`` defaults to the built-in hedging
    codebook and must otherwise be a codebook of family ``"hedging"``.
    """
    book = family_codebook(codebook, FAMILY)
    check_segmented(article, doc)
    values, spans = measure_spans(doc, book, compile_codebook(book))
    return spans_result(article.doc_id, FAMILY, values, spans)


def measure_spans(
    doc: Segmented, book: Codebook, matcher: CompiledCodebook, *, folded: str | None = None
) -> tuple[dict[str, float], list[EvidenceTuple]]:
    """``measure`` for ``measure_article``: the values and the evidence as ``EvidenceTuple``s.

    ``matcher`` is ``compile_codebook(book)``; ``folded`` is ``scan_text(doc.text)`` or None.
    """
    hedges = hedge_categories(book)
    totals = dict.fromkeys((*hedges, BOOSTERS, NEGATED), 0.0)
    spans: list[EvidenceTuple] = []
    for start, end, text, target, rejected_by in matcher.hits(doc, folded=folded):
        if rejected_by is None:
            category = target.category
        elif rejected_by == NEGATION_GUARD and target.category in hedges:
            category = NEGATED
        else:
            continue
        totals[category] += target.weight
        spans.append((category, target.rule, start, end, text, target.weight))

    boosters = totals[BOOSTERS] if BOOSTERS in book.category_ids else math.nan
    counts = {
        "hedges": sum(totals[category] for category in hedges),
        "boosters": boosters,
        "negated": totals[NEGATED],
        **{category: totals[category] for category in hedges},
    }
    values: dict[str, float] = {}
    for thing, count in counts.items():
        values[f"{FAMILY}_{thing}_count"] = count
        values[f"{FAMILY}_{thing}_per_1k"] = per_thousand(count, doc.n_words)
    return values, spans
