"""Hedges and boosters: how far a writer withholds or stresses commitment to what is reported.

Hedges ("may", "suggests", "reportedly", "about 100") signal that a proposition is offered as
possible, inferred, approximate or someone else's claim; boosters ("clearly", "undoubtedly")
signal certainty. Both follow Hyland's model of interpersonal metadiscourse (Hyland 1998, 2005).
Counts come from a hedging codebook (the built-in ``hedging`` codebook unless a researcher's own
is given): every category except ``boosters`` is a hedge category. A hedge match rejected by the
``not_negated`` guard ("not likely") is not a hedge: it is reported as a negated hedge instead.

Measures (categories ``hedges``, ``boosters``, ``negated`` and each hedge category; counts are
sums of entry weights, i.e. numbers of matches with the default weight 1, in the whole article,
the headline and the lead; rates are per 1,000 words of the article, NaN without words; higher
means more hedged/boosted):

* ``hedges``: all hedge categories together;
* ``boosters``: boosters (NaN if the codebook has no ``boosters`` category);
* ``negated``: negated hedges, counted in no other category;
* ``<category>``: each hedge category.
"""

from __future__ import annotations

import math

from toolkit.codebooks.model import Codebook
from toolkit.metrics.base import ZONES, ArticleText, Evidence, FamilyOutput, totals_measures
from toolkit.metrics.guards import NEGATION_GUARD
from toolkit.metrics.lexicon_family import require_codebook, zoned_hits
from toolkit.metrics.registry import CodebookSlot, Family, MeasureSpec

FAMILY = "hedging"
BOOSTERS = "boosters"
"""The category of a hedging codebook that holds boosters; every other category holds hedges."""
HEDGES = "hedges"
NEGATED = "negated"

SLOT = CodebookSlot(
    parameter="hedging_codebook",
    family=FAMILY,
    default="hedging",
    description="hedges and boosters",
    reserved=frozenset({HEDGES, NEGATED}),
)


def hedge_categories(codebook: Codebook) -> tuple[str, ...]:
    """Ids of the hedge categories of ``codebook`` (all but ``boosters``), in file order."""
    return tuple(category for category in codebook.category_ids if category != BOOSTERS)


def measure(text: ArticleText, codebook: Codebook | None) -> FamilyOutput:
    """Count hedges, boosters and negated hedges in the headline and body (module docstring).

    ``codebook`` is a codebook of family ``"hedging"``. A hedge rejected by the negation guard
    is an evidence row with ``negated`` set, counted only as ``negated``.
    """
    book = require_codebook(codebook, FAMILY, FAMILY)
    hedges = hedge_categories(book)
    has_boosters = BOOSTERS in book.category_ids
    evidence: list[Evidence] = []
    for zone, (start, end, matched, target, rejected_by) in zoned_hits(text, book):
        negated = rejected_by == NEGATION_GUARD and target.category in hedges
        if rejected_by is None or negated:
            evidence.append(
                Evidence(
                    FAMILY,
                    target.category,
                    target.rule,
                    zone,
                    start,
                    end,
                    matched,
                    target.weight,
                    negated,
                )
            )
    categories = (HEDGES, BOOSTERS, NEGATED, *hedges)
    totals = {zone: dict.fromkeys(categories, 0.0) for zone in ZONES}
    for item in evidence:
        zone_totals = totals[item.zone]
        if item.negated:
            zone_totals[NEGATED] += item.weight
        else:
            zone_totals[item.category] += item.weight
            if item.category != BOOSTERS:
                zone_totals[HEDGES] += item.weight
    measures = totals_measures(text, totals)
    if not has_boosters:
        measures = [m._replace(value=math.nan) if m.category == BOOSTERS else m for m in measures]
    return FamilyOutput(FAMILY, measures, evidence)


FAMILIES = (
    Family(
        name=FAMILY,
        label="Hedging",
        measure=measure,
        description="Hedges (the writer withholds commitment) and boosters (stresses it).",
        citation="Hyland, K. (2005). Metadiscourse. London: Continuum.",
        slot=SLOT,
        measures=(
            MeasureSpec(
                HEDGES,
                "count",
                "matches",
                "higher = more hedged",
                "hedges of every hedge category (not negated)",
            ),
            MeasureSpec(
                HEDGES,
                "per_1k",
                "per 1,000 words",
                "higher = more hedged",
                "hedges per 1,000 words of the article",
            ),
            MeasureSpec(
                BOOSTERS,
                "count",
                "matches",
                "higher = more emphatic",
                "boosters (NaN when the codebook has no boosters category)",
            ),
            MeasureSpec(
                NEGATED,
                "count",
                "matches",
                "higher = more negated hedges",
                "hedges in the scope of a negation ('not likely'), counted nowhere else",
            ),
            MeasureSpec(
                "<category>",
                "count",
                "matches",
                "higher = more hedged",
                "one hedge category of the codebook (modal, adverb, distancing, ...)",
            ),
        ),
    ),
)
