"""Measure one article with every registered family and turn the results into table rows.

``measure_article`` is a pure function of the article and the configuration: it segments the
headline and the body once (``ArticleText``), runs each family of the registry in order, and
returns the article's rows for every table (see ``toolkit.pipeline.tables`` for the columns).
"""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from toolkit.corpus.article import Article
from toolkit.corpus.language import identify_language, in_scope
from toolkit.metrics.base import (
    ARTICLE,
    BODY,
    COUNT,
    HEADLINE,
    LEAD,
    LEAD_SENTENCES,
    ArticleText,
    Evidence,
    FamilyOutput,
)
from toolkit.metrics.registry import registry
from toolkit.pipeline.config import AnalysisConfig
from toolkit.text import Segmented

SIZE_FAMILY = "text"
"""The family of the size measures (words and sentences) every article has."""
IDENTITY = ("doc_id", "outlet", "title", "date", "url", "topic", "event", "location", "language")
"""The documents table's columns taken from the article record."""


@dataclass(frozen=True, slots=True)
class ArticleRows:
    """One article's rows: the documents row, and tuples in the column order of each table."""

    document: dict[str, Any]
    measures: list[tuple[Any, ...]]
    evidence: list[tuple[Any, ...]]
    sentences: list[tuple[Any, ...]]
    records: dict[str, list[dict[str, Any]]]


class SentenceIndex:
    """Sentence numbers of an article in reading order: the headline's first, then the body's."""

    __slots__ = ("_body_starts", "_headline_starts", "n_headline")

    def __init__(self, text: ArticleText) -> None:
        self._headline_starts = [span.start for span in text.headline.sentences]
        self._body_starts = [span.start for span in text.body.sentences]
        self.n_headline = len(self._headline_starts)

    def of(self, zone: str, start: int) -> int:
        """The number of the sentence that holds offset ``start`` of ``zone``'s text.

        An offset between sentences belongs to the sentence before it; one before the first
        sentence of its text, to that first sentence.
        """
        if zone == HEADLINE:
            return max(bisect_right(self._headline_starts, start) - 1, 0)
        return self.n_headline + max(bisect_right(self._body_starts, start) - 1, 0)


def measure_article(article: Article, config: AnalysisConfig) -> ArticleRows:
    """Run every family of the registry on ``article``; a pure function of its arguments.

    An article whose ``language`` was not identified at load time is identified here; the
    documents row says whether it is in the analysis's languages (``in_scope``).
    """
    if not article.language:
        article = replace(article, language=identify_language(article.text))
    text = ArticleText(article)
    doc_id, outlet = article.doc_id, article.outlet
    index = SentenceIndex(text)
    document: dict[str, Any] = {field: getattr(article, field) for field in IDENTITY}
    document["in_scope"] = in_scope(article.language, config.languages)
    document["n_words"] = text.words(ARTICLE)
    document["n_headline_words"] = text.words(HEADLINE)
    document["n_lead_words"] = text.words(LEAD)
    document["n_sentences"] = text.body.n_sentences
    measures: list[tuple[Any, ...]] = [
        (doc_id, outlet, zone, SIZE_FAMILY, "words", COUNT, float(text.words(zone)))
        for zone in (ARTICLE, HEADLINE, LEAD)
    ]
    measures.append(
        (doc_id, outlet, ARTICLE, SIZE_FAMILY, "sentences", COUNT, float(text.body.n_sentences))
    )
    evidence: list[tuple[Any, ...]] = []
    records: dict[str, list[dict[str, Any]]] = {}
    for family in registry():
        output = family.measure(text, config.for_family(family))
        _check_output(family.name, output)
        name = output.family
        measures += [(doc_id, outlet, *item[:1], name, *item[1:]) for item in output.measures]
        evidence += _evidence_rows(doc_id, outlet, output.evidence, index)
        document.update(output.document)
        for table, rows in output.records.items():
            records.setdefault(table, []).extend(
                {"doc_id": doc_id, "outlet": outlet, **row, "sentence": index.of(*_place(row))}
                for row in rows
            )
    return ArticleRows(document, measures, evidence, sentence_rows(article, text), records)


def _place(row: Mapping[str, Any]) -> tuple[str, int]:
    """``(zone, start)`` of a record row of a family's own table."""
    return str(row["zone"]), int(row["start"])


def _check_output(family: str, output: FamilyOutput) -> None:
    if output.family != family:
        raise AssertionError(f"family {family!r} returned the output of {output.family!r}")


def _evidence_rows(
    doc_id: str, outlet: str, evidence: Sequence[Evidence], index: SentenceIndex
) -> list[tuple[Any, ...]]:
    """Evidence tuples in the column order of ``EVIDENCE_COLUMNS``."""
    sentence_of = index.of
    return [
        (
            doc_id,
            outlet,
            family,
            category,
            rule,
            zone,
            sentence_of(zone, start),
            start,
            end,
            text,
            weight,
            negated,
        )
        for family, category, rule, zone, start, end, text, weight, negated in evidence
    ]


def sentence_rows(article: Article, text: ArticleText) -> list[tuple[Any, ...]]:
    """One tuple per sentence (``SENTENCE_COLUMNS``): the headline's, then the body's."""
    rows: list[tuple[Any, ...]] = []
    doc_id, outlet = article.doc_id, article.outlet
    number = 0
    for zone_of, doc in ((lambda i: HEADLINE, text.headline), (_body_zone, text.body)):
        counts = _words_per_sentence(doc)
        for position, (span, n_words) in enumerate(zip(doc.sentences, counts, strict=True)):
            rows.append(
                (
                    doc_id,
                    outlet,
                    number,
                    zone_of(position),
                    span.start,
                    span.end,
                    n_words,
                    doc.text[span.start : span.end],
                )
            )
            number += 1
    return rows


def _body_zone(position: int) -> str:
    return LEAD if position < LEAD_SENTENCES else BODY


def _words_per_sentence(doc: Segmented) -> list[int]:
    """Words starting in each sentence (a word before the first sentence counts for it)."""
    if not doc.sentences:
        return []
    starts = doc.word_starts
    bounds = [0, *(bisect_left(starts, span.start) for span in doc.sentences[1:]), len(starts)]
    return [after - before for before, after in itertools.pairwise(bounds)]
