"""Loaded labels: words that pass judgement on a party by naming it, and the side they favour.

A loaded label ("Zionist regime", "terrorist", "martyr", "aggression") takes over one side's
view of a conflict (Entman 1993: naming is moral evaluation; news style guides such as the AP
Stylebook and the BBC's guidance on the language of terrorism advise against unattributed
labels). Labels come from a labels codebook (the built-in ``loaded_labels`` unless a researcher's
own is given): its categories group labels by kind, and every entry says which of the codebook's
``sides`` it favours.

Values (counts are sums of entry weights; rates per 1,000 words, NaN for an article without
words; higher means more loaded language):

* ``labels_all_count`` / ``_per_1k``: every label;
* ``labels_<category>_count`` / ``_per_1k`` for each category (kind of label);
* ``labels_favours_<side>_count`` / ``_per_1k`` for each side of the codebook;
* ``labels_headline``: labels in the headline (``Article.title``), a plain count.

Evidence rows have the category ``<category>:<side>`` (e.g. ``"delegitimising:iran_axis"``), so
the side of every counted word can be read from the evidence table alone.
"""

from __future__ import annotations

from toolkit.codebooks.model import Codebook
from toolkit.corpus.article import Article
from toolkit.metrics.base import EvidenceTuple, FamilyResult, per_thousand, spans_result
from toolkit.metrics.lexicon import (
    CompiledCodebook,
    check_segmented,
    compile_codebook,
    family_codebook,
    headline_of,
)
from toolkit.text import Segmented

FAMILY = "labels"


def entry_sides(codebook: Codebook) -> dict[str, str]:
    """The side each entry of a labels codebook favours, by entry id."""
    return {
        entry.id: entry.favours or ""
        for category in codebook.categories
        for entry in category.entries
    }


def measure(
    article: Article,
    doc: Segmented,
    codebook: Codebook | None = None,
    *,
    headline: Segmented | None = None,
) -> FamilyResult:
    """Count loaded labels in ``article`` by kind and by the side they favour.

    ``doc`` must be ``segment(article.text)``; ``codebook`` defaults to the built-in
    ``loaded_labels`` codebook and must otherwise be a codebook of family ``"labels"``.
    Matches rejected by a guard of their entry are not counted. ``headline`` is
    ``segment(article.title)`` when the caller has it already.
    """
    book = family_codebook(codebook, FAMILY)
    check_segmented(article, doc)
    title = headline_of(article, headline)
    values, spans = measure_spans(doc, title, book, compile_codebook(book))
    return spans_result(article.doc_id, FAMILY, values, spans)


def measure_spans(
    doc: Segmented,
    title: Segmented | str,
    book: Codebook,
    matcher: CompiledCodebook,
    *,
    folded: str | None = None,
    folded_title: str | None = None,
) -> tuple[dict[str, float], list[EvidenceTuple]]:
    """``measure`` for ``measure_article``: the values and the evidence as ``EvidenceTuple``s.

    ``title`` is ``headline_of(article, headline)``, ``matcher`` is ``compile_codebook(book)``;
    ``folded`` and ``folded_title`` are ``scan_text`` of the text and the title, or None.
    """
    sides = entry_sides(book)
    by_category = dict.fromkeys(book.category_ids, 0.0)
    by_side = dict.fromkeys(book.side_ids, 0.0)
    spans: list[EvidenceTuple] = []
    for start, end, text, target, rejected_by in matcher.hits(doc, folded=folded):
        if rejected_by is not None:
            continue
        category, weight = target.category, target.weight
        side = sides[target.entry_id]
        by_category[category] += weight
        by_side[side] += weight
        spans.append((f"{category}:{side}", target.rule, start, end, text, weight))

    counts = {
        "all": sum(by_category.values()),
        **by_category,
        **{f"favours_{side}": count for side, count in by_side.items()},
    }
    values: dict[str, float] = {}
    for thing, count in counts.items():
        values[f"{FAMILY}_{thing}_count"] = count
        values[f"{FAMILY}_{thing}_per_1k"] = per_thousand(count, doc.n_words)
    values[f"{FAMILY}_headline"] = sum(
        target.weight
        for *_, target, rejected_by in matcher.hits(title, folded=folded_title)
        if rejected_by is None
    )
    return values, spans
