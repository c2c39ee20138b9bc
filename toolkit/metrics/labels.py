"""Loaded labels: words that pass judgement on a party by naming it, and the side they favour.

A loaded label ("Zionist regime", "terrorist", "martyr", "aggression") takes over one side's
view of a conflict (Entman 1993: naming is moral evaluation; news style guides such as the AP
Stylebook and the BBC's guidance on the language of terrorism advise against unattributed
labels). Labels come from a labels codebook (the built-in ``loaded_labels`` unless a researcher's
own is given): its categories group labels by kind, and every entry says which of the codebook's
``sides`` it favours.

Measures (counts are sums of entry weights in the whole article (headline and body), the
headline and the lead; rates per 1,000 words of the article, NaN without words; higher means
more loaded language):

* ``all``: every label;
* ``<category>``: each category (kind of label);
* ``favours_<side>``: labels favouring each side of the codebook.

Evidence rows have the category ``<category>:<side>`` (e.g. ``"delegitimising:iran_axis"``), so
the side of every counted word can be read from the evidence table alone. A label in the scope of
a negation ("Iran is not a terrorist state") is an evidence row marked ``negated``, counted only
in ``all``/``negated_count``.
"""

from __future__ import annotations

from toolkit.codebooks.model import Codebook
from toolkit.metrics.base import (
    ARTICLE,
    NEGATED_COUNT,
    ZONES,
    ArticleText,
    Evidence,
    FamilyOutput,
    Measure,
    totals_measures,
)
from toolkit.metrics.lexicon_family import kept_evidence, require_codebook
from toolkit.metrics.registry import CodebookSlot, Family, MeasureSpec

FAMILY = "labels"
ALL = "all"
FAVOURS = "favours"

SLOT = CodebookSlot(
    parameter="labels_codebook",
    family=FAMILY,
    default="loaded_labels",
    description="loaded labels and the side each favours",
    reserved=frozenset({ALL, FAVOURS}),
    sides=True,
)


def entry_sides(codebook: Codebook) -> dict[str, str]:
    """The side each entry of a labels codebook favours, by entry id."""
    return {
        entry.id: entry.favours or ""
        for category in codebook.categories
        for entry in category.entries
    }


def measure(text: ArticleText, codebook: Codebook | None) -> FamilyOutput:
    """Count loaded labels by kind and by the side they favour (see the module docstring).

    ``codebook`` is a codebook of family ``"labels"``. Matches rejected by a guard of their entry
    are not counted.
    """
    book = require_codebook(codebook, FAMILY, FAMILY)
    sides = entry_sides(book)
    side_categories = {side: f"{FAVOURS}_{side}" for side in book.side_ids}
    categories = (ALL, *book.category_ids, *side_categories.values())
    totals = {zone: dict.fromkeys(categories, 0.0) for zone in ZONES}
    negated = 0.0
    evidence: list[Evidence] = []
    for match in kept_evidence(FAMILY, text, book):
        side = sides[match.rule.partition(":")[2]]
        evidence.append(match._replace(category=f"{match.category}:{side}"))
        if match.negated:
            negated += match.weight
            continue
        zone_totals = totals[match.zone]
        zone_totals[ALL] += match.weight
        zone_totals[match.category] += match.weight
        zone_totals[side_categories[side]] += match.weight
    measures = totals_measures(text, totals)
    measures.append(Measure(ARTICLE, ALL, NEGATED_COUNT, negated))
    return FamilyOutput(FAMILY, measures, evidence)


FAMILIES = (
    Family(
        name=FAMILY,
        label="Loaded labels",
        measure=measure,
        description="Words that pass judgement on a party by naming it, and the side they favour.",
        citation="Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. "
        "Journal of Communication 43(4), 51-58.",
        slot=SLOT,
        measures=(
            MeasureSpec(
                ALL,
                "count",
                "matches",
                "higher = more loaded language",
                "every loaded label (per_1k: per 1,000 words)",
            ),
            MeasureSpec(
                "<category>",
                "count",
                "matches",
                "higher = more loaded language",
                "labels of one kind (delegitimising, terrorism, glorifying, ...)",
            ),
            MeasureSpec(
                "favours_<side>",
                "count",
                "matches",
                "higher = leans to that side",
                "labels that favour one side of the codebook",
            ),
        ),
    ),
)
