"""Rates per outlet with their evidence base, labelled for reports: what the figures, tables and
summaries of the comparative and outlet reports show.

``compared_measures`` chooses a family's measures to compare (its categories' counts);
``measure_labels`` names them for people ("Hedges", "Policy frames: Security and defense");
``rates_for`` and ``differences_for`` run ``toolkit.compare.outlet_rates`` and
``outlet_differences`` on an analysis and add the labels the figures and tables read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from toolkit.codebooks import builtin_codebook, builtin_codebook_names
from toolkit.compare import document_counts, outlet_differences, outlet_rates, summary_sentences
from toolkit.metrics.base import ARTICLE, COUNT
from toolkit.metrics.registry import registry
from toolkit.pipeline.tables import TableSource

SUMMARY_MEASURES: tuple[tuple[str, str], ...] = (
    ("hedging", "hedges"),
    ("hedging", "boosters"),
    ("attribution", "attributions"),
    ("attribution", "anonymous"),
    ("attribution", "unnamed_group"),
    ("labels", "all"),
)
"""The measures the index page and the summary at the top of the reports compare."""

_FAMILY_LABELS = {
    ("hedging", "hedges"): "Hedges",
    ("hedging", "boosters"): "Boosters",
    ("hedging", "negated"): "Negated hedges",
    ("attribution", "attributions"): "Attributions",
    ("attribution", "anonymous"): "Anonymous sources",
    ("attribution", "unnamed_group"): "Unnamed groups as sources",
    ("attribution", "anonymous_or_unnamed_group"): "Anonymous or unnamed-group sources (combined)",
    ("attribution", "implicit"): "Passive reporting frames (no source)",
    ("attribution", "named"): "Named sources",
    ("attribution", "direct_quotes"): "Direct quotations",
    ("labels", "all"): "Loaded labels",
    ("tone", "positive_words"): "Positive words",
    ("tone", "negative_words"): "Negative words",
}


def measure_key(family: str, category: str) -> str:
    """The ``measure`` value of the counts, rates and differences tables: ``family/category``."""
    return f"{family}/{category}"


def compared_measures(outlets: pd.DataFrame, family: str) -> list[tuple[str, str]]:
    """The ``(family, category)`` pairs of a family that have whole-article counts, in the
    analysis's order (for the frame families: every frame of the codebook used)."""
    rows = outlets[
        (outlets["family"] == family) & (outlets["zone"] == ARTICLE) & (outlets["measure"] == COUNT)
    ]
    return [(family, str(category)) for category in dict.fromkeys(rows["category"])]


def measure_labels(
    metadata: Mapping[str, Any], pairs: Sequence[tuple[str, str]], *, short: bool = False
) -> dict[str, str]:
    """A label for people for each ``(family, category)``: the family's own words for its
    totals, else "<family label>: <category label>" with the category's label from the built-in
    codebook the analysis used (a researcher's codebook: the category id, made readable).
    ``short`` leaves out the family (for figures of one family)."""
    books = _builtin_codebooks_used(metadata)
    family_labels = {family.name: family.label for family in registry()}
    labels: dict[str, str] = {}
    for family, category in pairs:
        known = _FAMILY_LABELS.get((family, category))
        if known is None:
            name = books.get(family, {}).get(category) or category.replace("_", " ").capitalize()
            family_label = family_labels.get(family, family.capitalize())
            known = name if short else f"{family_label}: {name}"
        labels[measure_key(family, category)] = known
    return labels


def _builtin_codebooks_used(metadata: Mapping[str, Any]) -> dict[str, dict[str, str]]:
    """Category labels by family, for the built-in codebooks (same name and version) used."""
    slots = {slot.parameter: slot for slot in registry().slots()}
    builtin = set(builtin_codebook_names())
    found: dict[str, dict[str, str]] = {}
    for entry in metadata.get("codebooks", []):
        slot = slots.get(str(entry.get("parameter", "")))
        name = str(entry.get("name", ""))
        if slot is None or name not in builtin:
            continue
        book = builtin_codebook(name)
        if book.version != entry.get("version"):
            continue
        labels = {category.id: category.label for category in book.categories}
        for family in registry():
            if family.slot is not None and family.slot.parameter == slot.parameter:
                found[family.name] = labels
    return found


def rates_for(
    measures: pd.DataFrame,
    documents: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    labels: Mapping[str, str],
) -> pd.DataFrame:
    """``outlet_rates`` of the chosen measures, with their ``label``, in the order of ``pairs``.

    Columns: measure, label, outlet, count, words, articles, rate, low, high, method. Every
    outlet with words appears for every measure, with a count of 0 when it never uses it.
    """
    counts = document_counts(measures, documents, pairs)
    rates = outlet_rates(counts)
    order = {measure_key(*pair): position for position, pair in enumerate(pairs)}
    rates = rates.assign(
        label=rates["measure"].map(labels),
        _order=rates["measure"].map(order),
    ).sort_values(["_order", "outlet"], kind="stable")
    columns = ["measure", "label", "outlet", "count", "words", "articles", "rate", "low", "high"]
    return rates[[*columns, "method"]].reset_index(drop=True)


def differences_for(
    measures: pd.DataFrame,
    documents: pd.DataFrame,
    pairs: Sequence[tuple[str, str]],
    labels: Mapping[str, str],
) -> pd.DataFrame:
    """``outlet_differences`` of the chosen measures (adjusted for the corpus's stories when it
    has an ``event`` or ``topic`` column), with their ``label``."""
    counts = document_counts(measures, documents, pairs)
    differences = outlet_differences(counts)
    return differences.assign(label=differences["measure"].map(labels))


@dataclass(frozen=True)
class Comparison:
    """One family compared across outlets: rates with intervals for each of its measures, and
    the differences between outlets in its first measure (its total, or its first frame)."""

    family: str
    label: str
    rates: pd.DataFrame
    differences: pd.DataFrame


_DOCUMENT_COLUMNS = ("doc_id", "outlet", "n_words", "in_scope", "topic", "event")


def _documents(analysis: TableSource) -> pd.DataFrame:
    return analysis.table("documents", columns=list(_DOCUMENT_COLUMNS))


def _counts(analysis: TableSource, families: Sequence[str]) -> pd.DataFrame:
    """The whole-article counts of ``families`` from the measures table (read filtered)."""
    return analysis.table(
        "measures",
        columns=["doc_id", "zone", "family", "category", "measure", "value"],
        filters=[
            ("zone", "==", ARTICLE),
            ("measure", "==", COUNT),
            ("family", "in", list(families)),
        ],
    )


def family_comparison(
    analysis: TableSource, family: str, *, categories: Sequence[str] | None = None
) -> Comparison:
    """Rates and differences of ``family`` (all its categories, or ``categories``), labelled.

    Reads only the family's whole-article counts and the documents' sizes and stories.
    """
    pairs = compared_measures(analysis.table("outlets"), family)
    if categories is not None:
        pairs = [pair for pair in pairs if pair[1] in set(categories)]
    labels = measure_labels(analysis.metadata, pairs, short=True)
    measures, documents = _counts(analysis, [family]), _documents(analysis)
    rates = rates_for(measures, documents, pairs, labels)
    differences = differences_for(measures, documents, pairs[:1], labels) if pairs else rates
    label = next((f.label for f in registry() if f.name == family), family)
    return Comparison(family, label, rates, differences)


def summary(analysis: TableSource) -> list[str]:
    """The plain-language summary of the report: which outlet differences in the
    ``SUMMARY_MEASURES`` hold after Holm's correction, or a clear sentence when none does
    (``toolkit.compare.summary_sentences``). Plain text: escape it before putting it in HTML."""
    measures = _counts(analysis, sorted({family for family, _ in SUMMARY_MEASURES}))
    present = set(zip(measures["family"], measures["category"], strict=True))
    pairs = [pair for pair in SUMMARY_MEASURES if pair in present]
    labels = {key: label.lower() for key, label in measure_labels(analysis.metadata, pairs).items()}
    differences = differences_for(measures, _documents(analysis), pairs, labels)
    return summary_sentences(differences, labels=labels)
