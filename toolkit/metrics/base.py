"""What every metric family shares: the article as families read it, evidence and measures.

A family reads an ``ArticleText`` (the article's headline and body, segmented once) and returns
a ``FamilyOutput``: its ``Measure`` rows (one number each, in a zone) and the ``Evidence`` rows
behind the counts. The pipeline (``toolkit.pipeline``) adds the document id, the outlet and the
sentence index and turns them into the ``measures`` and ``evidence`` tables.

Zones. An article has three zones that do not overlap: the ``headline`` (``Article.title``), the
``lead`` (the first ``LEAD_SENTENCES`` sentences of ``Article.text``; news leads are one or two
sentences, the inverted pyramid, Pöttker 2003) and the rest of the ``body``. Evidence offsets
index the zone's own text: the title for the headline, ``Article.text`` for the lead and the
body, so ``text[start:end] == Evidence.text`` always holds for the right text
(``ArticleText.zone_text``). Measures are given for the whole ``article`` (``ARTICLE``: every
zone) and for the headline and the lead, the prominent positions readers and coders take a
story's frame from (Pan & Kosicki 1993; Tankard 2001).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from toolkit.corpus.article import Article
from toolkit.text import Segmented, scan_text, segment

HEADLINE = "headline"
LEAD = "lead"
BODY = "body"
ZONES = (HEADLINE, LEAD, BODY)
"""The zones of an article, in reading order; every evidence row lies in one of them."""
ARTICLE = "article"
"""The zone of a measure of the whole article (headline, lead and body together)."""
MEASURE_ZONES = (ARTICLE, HEADLINE, LEAD)
"""The zones measures are given for."""

LEAD_SENTENCES = 2
"""How many opening sentences of ``Article.text`` make up the lead."""

COUNT = "count"
PER_1K = "per_1k"


class Evidence(NamedTuple):
    """One matched span behind a count: the single evidence record of every family.

    ``start``/``end`` are character offsets into the text of ``zone`` (the title for the
    headline, ``Article.text`` otherwise) and ``text`` is the matched words, equal to that
    slice. ``category`` is what the span counts for (e.g. ``"distancing"``), ``rule`` the codebook
    entry or rule id that matched (e.g. ``"hedging:reportedly"``), ``weight`` what it adds to the
    count (a valence for tone). ``negated`` marks a match in the scope of a negation or
    rejection: it is kept as evidence but counted apart.
    """

    family: str
    category: str
    rule: str
    zone: str
    start: int
    end: int
    text: str
    weight: float = 1.0
    negated: bool = False


class Measure(NamedTuple):
    """One number a family measured on one article: ``value`` of ``measure`` for ``category``.

    ``zone`` is ``ARTICLE`` or a zone of ``MEASURE_ZONES``. Counts (``measure`` ``"count"`` or
    ending in ``"_count"``) are sums of evidence weights; rates (``"per_1k"``, ``"..._per_1k"``)
    are per 1,000 words of the zone and NaN, never 0, when the zone has no words.
    """

    zone: str
    category: str
    measure: str
    value: float


@dataclass(frozen=True, slots=True)
class FamilyOutput:
    """What one metric family measured on one article.

    ``document`` holds text facts for the documents table (e.g. a dominant frame), by column
    name; ``records`` holds rows of the family's own tables (e.g. ``"attributions"``).
    """

    family: str
    measures: Sequence[Measure]
    evidence: Sequence[Evidence] = ()
    document: Mapping[str, str] = field(default_factory=dict)
    records: Mapping[str, Sequence[Mapping[str, Any]]] = field(default_factory=dict)

    @property
    def values(self) -> dict[str, float]:
        """The whole-article measures by wide column name, ``<family>_<category>_<measure>``."""
        return {
            wide_name(self.family, item.category, item.measure): item.value
            for item in self.measures
            if item.zone == ARTICLE
        }

    def value(self, category: str, measure: str = COUNT, zone: str = ARTICLE) -> float:
        """The value of one measure; raises KeyError when the family did not give it."""
        for item in self.measures:
            if (item.zone, item.category, item.measure) == (zone, category, measure):
                return item.value
        raise KeyError((zone, category, measure))


def wide_name(family: str, category: str, measure: str, zone: str = ARTICLE) -> str:
    """The column of a measure in the wide layout: ``<family>_<category>[_<zone>]_<measure>``."""
    parts = [family, category] if category else [family]
    if zone != ARTICLE:
        parts.append(zone)
    if measure:
        parts.append(measure)
    return "_".join(parts)


def per_thousand(count: float, n_words: int) -> float:
    """Rate per 1,000 words; NaN when there are no words."""
    if n_words <= 0:
        return math.nan
    return 1000.0 * count / n_words


class ArticleText:
    """An article as the families read it: headline and body segmented once, lead, zones.

    ``headline`` is ``segment(article.title)``, ``body`` is ``segment(article.text)``;
    ``lead_end`` is the offset in the body where the lead ends. ``folded_headline`` and
    ``folded_body`` are their ``scan_text`` forms, made on first use and shared by every lexicon
    family.
    """

    __slots__ = ("_folded", "article", "body", "headline", "lead_end", "n_lead_words")

    def __init__(self, article: Article) -> None:
        self.article = article
        self.headline = segment(article.title)
        self.body = segment(article.text)
        self.lead_end = lead_end(self.body)
        self.n_lead_words = bisect_right(self.body.word_ends, self.lead_end)
        self._folded: dict[str, str] = {}

    @property
    def doc_id(self) -> str:
        """The article's id."""
        return self.article.doc_id

    @property
    def folded_headline(self) -> str:
        """``scan_text(article.title)``."""
        return self._fold(HEADLINE, self.headline.text)

    @property
    def folded_body(self) -> str:
        """``scan_text(article.text)``."""
        return self._fold(BODY, self.body.text)

    def _fold(self, key: str, text: str) -> str:
        folded = self._folded.get(key)
        if folded is None:
            folded = self._folded[key] = scan_text(text)
        return folded

    def body_zone(self, end: int) -> str:
        """The zone of a body span ending at ``end``: ``LEAD`` when it ends in the lead."""
        return LEAD if end <= self.lead_end else BODY

    def zone_text(self, zone: str) -> str:
        """The text that evidence offsets of ``zone`` index."""
        return self.headline.text if zone == HEADLINE else self.body.text

    def words(self, zone: str) -> int:
        """Number of words in a zone of ``MEASURE_ZONES``."""
        if zone == HEADLINE:
            return self.headline.n_words
        if zone == LEAD:
            return self.n_lead_words
        return self.headline.n_words + self.body.n_words


def lead_end(doc: Segmented) -> int:
    """Offset where the lead (the first ``LEAD_SENTENCES`` sentences of ``doc``) ends; 0 if none."""
    if not doc.sentences:
        return 0
    return doc.sentences[min(LEAD_SENTENCES, doc.n_sentences) - 1].end


NEGATED_COUNT = "negated_count"
"""The measure of a category's negated matches, counted apart from its ``count``."""


def count_measures(
    text: ArticleText, categories: Sequence[str], evidence: Sequence[Evidence]
) -> list[Measure]:
    """Counts of each category in every measure zone, and whole-article rates per 1,000 words.

    Counts sum the weights of the evidence rows of a category that are not ``negated``; the
    article count covers every zone. The negated rows of a category are summed apart, as its
    whole-article ``negated_count``. Categories without evidence get 0, so every article has
    the same measures.
    """
    totals = {zone: dict.fromkeys(categories, 0.0) for zone in (HEADLINE, LEAD, BODY)}
    negated = dict.fromkeys(categories, 0.0)
    for item in evidence:
        if item.negated:
            negated[item.category] += item.weight
        else:
            totals[item.zone][item.category] += item.weight
    measures = totals_measures(text, totals)
    measures += [
        Measure(ARTICLE, category, NEGATED_COUNT, negated[category]) for category in categories
    ]
    return measures


def totals_measures(text: ArticleText, totals: Mapping[str, Mapping[str, float]]) -> list[Measure]:
    """Measures from per-zone totals (``totals[zone][category]`` for headline, lead, body)."""
    headline, lead, body = totals[HEADLINE], totals[LEAD], totals[BODY]
    words = text.words(ARTICLE)
    measures: list[Measure] = []
    for category in headline:
        whole = headline[category] + lead[category] + body[category]
        measures.append(Measure(ARTICLE, category, COUNT, whole))
        measures.append(Measure(ARTICLE, category, PER_1K, per_thousand(whole, words)))
        measures.append(Measure(HEADLINE, category, COUNT, headline[category]))
        measures.append(Measure(LEAD, category, COUNT, lead[category]))
    return measures
