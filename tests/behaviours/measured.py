"""One constructed article through the pipeline, and its rows as the behaviour tests read them.

``measure(text, title)`` runs ``toolkit.pipeline.measure.measure_article`` (what ``toolkit
analyze`` runs for every article) with the built-in codebooks on an article whose body is
``text`` and whose headline is ``title``, and checks on the way that every evidence row's
``cue`` is the slice of its zone's text between its offsets (the title for the headline,
``Article.text`` otherwise). ``Measured.evidence(family)`` gives the evidence rows of one family
as ``Row`` tuples and ``Measured.attributions`` the attribution rows as ``Source`` tuples, in
the order of the tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from toolkit.corpus.article import Article
from toolkit.metrics.base import HEADLINE, LEAD
from toolkit.pipeline.config import AnalysisConfig, make_config
from toolkit.pipeline.measure import ArticleRows, measure_article
from toolkit.pipeline.tables import EVIDENCE

_EVIDENCE_COLUMNS = tuple(column.name for column in EVIDENCE.columns)


class Row(NamedTuple):
    """An evidence row as the tests compare it: offsets into its zone's text, and its words."""

    family: str
    category: str
    rule: str
    zone: str
    start: int
    end: int
    cue: str
    negated: bool


class Placed(NamedTuple):
    """An evidence row with its sentence number and offsets into its zone's text."""

    family: str
    category: str
    rule: str
    zone: str
    sentence: int
    start: int
    end: int
    cue: str
    negated: bool


class Source(NamedTuple):
    """An attribution row as the tests compare it."""

    source: str
    mention: str
    cue: str
    source_type: str
    affiliation: str
    zone: str


def row(
    family: str,
    category: str,
    rule: str,
    cue: str,
    start: int,
    *,
    zone: str = LEAD,
    negated: bool = False,
) -> Row:
    """An expected evidence row of the words ``cue`` at offset ``start`` of its zone's text; a
    one-sentence article is all lead, hence the default zone."""
    return Row(family, category, rule, zone, start, start + len(cue), cue, negated)


def source(
    name: str,
    cue: str,
    source_type: str,
    affiliation: str = "unknown",
    *,
    mention: str | None = None,
    zone: str = LEAD,
) -> Source:
    """An expected attribution row; ``mention`` defaults to ``name`` (nothing resolved)."""
    return Source(name, name if mention is None else mention, cue, source_type, affiliation, zone)


@dataclass(frozen=True)
class Measured:
    """The rows ``measure_article`` gave for one constructed article."""

    article: Article
    rows: ArticleRows

    @property
    def placed(self) -> list[Placed]:
        """Every evidence row, with sentence number and offsets, in the table's column order."""
        found = []
        for values in self.rows.evidence:
            item = dict(zip(_EVIDENCE_COLUMNS, values, strict=True))
            found.append(Placed(*(item[name] for name in Placed._fields)))
        return found

    def evidence(self, family: str) -> list[Row]:
        """The evidence rows of ``family``."""
        return [
            Row(p.family, p.category, p.rule, p.zone, p.start, p.end, p.cue, p.negated)
            for p in self.placed
            if p.family == family
        ]

    @property
    def attributions(self) -> list[Source]:
        """The attribution rows."""
        return [
            Source(
                a["source"], a["mention"], a["cue"], a["source_type"], a["affiliation"], a["zone"]
            )
            for a in self.rows.records.get("attributions", [])
        ]

    def value(self, family: str, category: str, measure: str, zone: str = "article") -> float:
        """The value of one measure of the measures table."""
        for _, _, at, name, what, how, value in self.rows.measures:
            if (at, name, what, how) == (zone, family, category, measure):
                return float(value)
        raise KeyError((zone, family, category, measure))


@cache
def _config() -> AnalysisConfig:
    return make_config()


def measure(text: str, title: str = "") -> Measured:
    """``text`` (the body) under ``title`` through ``measure_article`` with the built-in
    codebooks; raises AssertionError if an evidence row's words are not its offsets' slice."""
    article = Article("behaviour", "Outlet", title, text, text, "constructed", language="en")
    measured = Measured(article, measure_article(article, _config()))
    for placed in measured.placed:
        zone_text = title if placed.zone == HEADLINE else text
        if zone_text[placed.start : placed.end] != placed.cue:
            raise AssertionError(f"offsets do not give the cue: {placed}")
    return measured


def rows(family: str, text: str, title: str = "") -> list[Row]:
    """The evidence rows of ``family`` for ``text`` under ``title``."""
    return measure(text, title).evidence(family)
