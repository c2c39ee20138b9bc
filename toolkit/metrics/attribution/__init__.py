"""Attribution (sourcing): who the article credits its claims to, how, and with what words.

An attribution has a *source* (who), a *cue* (how: "said", "according to", "citing", a quote
mark) and *content* (what), after the attribution relations of Pareti (2016); cues carry the
stance of the reporting verb after Bergler (1992). Extraction is rule-based (regular expressions
over sentences, no parser); see ``extract`` for the rules, ``sources`` for source types and
anaphora resolution, ``quotes`` for direct/indirect/mixed content and unbalanced quote marks,
``actors`` for the actor codebook that gives each source its affiliation, ``casing`` for
all-caps texts.

``measure`` returns the family's measures (per 1,000 words; NaN when undefined) with evidence
rows for every cue and every source span, plus the attributions themselves as rows of the
``attributions`` table. Attributions are found in the headline and in the body; a headline
attribution's offsets index the title.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import fields
from operator import attrgetter
from typing import Any

from toolkit.codebooks.model import Codebook
from toolkit.metrics.attribution.actors import actor_ids, affiliation, default_actors
from toolkit.metrics.attribution.cues import (
    REFUSAL,
    STANCES,
    AttributionLexicon,
    load_lexicon,
)
from toolkit.metrics.attribution.extract import distinct_sources, find_attributions
from toolkit.metrics.attribution.quotes import DIRECT
from toolkit.metrics.attribution.records import Attribution
from toolkit.metrics.attribution.sources import (
    ANONYMOUS,
    IMPLICIT,
    NAMED_ORGANISATION,
    NAMED_PERSON,
    NEWS_MEDIA,
    ROLE,
    SOURCE_TYPES,
    UNNAMED_GROUP,
)
from toolkit.metrics.base import (
    ARTICLE,
    HEADLINE,
    ZONES,
    ArticleText,
    Evidence,
    FamilyOutput,
    Measure,
    totals_measures,
)
from toolkit.metrics.registry import Column, Family, MeasureSpec, TableSpec
from toolkit.metrics.salience import SLOT as ACTORS_SLOT

__all__ = [
    "FAMILIES",
    "SOURCE_TYPES",
    "Attribution",
    "AttributionLexicon",
    "actor_ids",
    "affiliation",
    "default_actors",
    "evidence",
    "find_in_zones",
    "load_lexicon",
    "measure",
]

FAMILY = "attribution"
TABLE = "attributions"
"""The family's own table: one row per attribution."""
_NAMED_TYPES = (NAMED_PERSON, ROLE, NAMED_ORGANISATION, NEWS_MEDIA)
_FIELDS = tuple(field.name for field in fields(Attribution) if field.name != "doc_id")
_read_fields = attrgetter(*_FIELDS)


def find_in_zones(
    text: ArticleText,
    *,
    lexicon: AttributionLexicon | None = None,
    actors: Codebook | None = None,
) -> list[tuple[str, Attribution]]:
    """Every attribution of the article with its zone: the headline's, then the body's.

    ``lexicon`` defaults to the shipped ``data/attribution.yaml``, ``actors`` to the built-in
    actor codebook (family ``salience``: one file for salience and affiliation).
    """
    lexicon = lexicon or load_lexicon()
    actors = actors or default_actors()
    found = [
        (HEADLINE, item)
        for item in find_attributions(
            text.headline.text, text.headline, text.doc_id, lexicon, actors
        )
    ]
    body = find_attributions(text.body.text, text.body, text.doc_id, lexicon, actors)
    found += [(text.body_zone(item.cue_end), item) for item in body]
    return found


def measure(text: ArticleText, codebook: Codebook | None = None) -> FamilyOutput:
    """Count the attributions of one article, by kind of source, with their evidence.

    Attributions come from the shipped lexicon ``data/attribution.yaml``; ``codebook`` is the
    actor codebook (family ``salience``) that gives each source its affiliation. Categories,
    each with ``count`` in the article, the headline and the lead and ``per_1k`` (per 1,000
    words of the article, NaN for an empty text):

    * ``attributions`` - attributions of any kind (one per source and cue);
    * ``anonymous`` - credited to anonymous sources (a withheld identity: "a senior official",
      "sources familiar with the matter"): higher means more anonymous sourcing;
    * ``unnamed_group`` - credited to groups described but not named ("US officials",
      "experts"), kept apart from anonymous sources;
    * ``anonymous_or_unnamed_group`` - the two above COMBINED (unnamed sourcing of either kind);
    * ``implicit`` - passive reporting frames without a source ("is said to", "it is believed
      that"): distancing;
    * ``named`` - credited to a named person, a role ("the Pentagon chief"), an organisation or
      a news medium;
    * ``direct_quotes`` - attributions whose content is one quotation;
    * ``affiliation_<actor>`` - attributions whose source speaks for each actor of the codebook,
      and ``unknown`` (whose side gets a voice; Sigal 1973);
    * ``stance_<stance>`` - attributions by the stance of their cue (neutral, assertive, doubt,
      alarm, disclosure, refusal; Bergler 1992).

    And for the whole article: ``anonymous``/``share`` (anonymous / all attributions, 0 to 1),
    ``anonymous_or_unnamed_group``/``share`` (COMBINED, 0 to 1), ``direct``/``share`` (direct
    quotations / all, 0 to 1), ``named_to_anonymous``/``ratio`` (named / anonymous, 0 upwards;
    above 1 means more named than anonymous sourcing), each NaN when its denominator is 0, and
    ``sources``/``distinct`` (different identifiable sources after resolving pronouns,
    descriptions and short names; reports and unresolved pronouns left out).
    """
    actors = codebook or default_actors()
    found = find_in_zones(text, actors=actors)
    records = [item for _, item in found]
    categories = [
        "attributions",
        "anonymous",
        "unnamed_group",
        "anonymous_or_unnamed_group",
        "implicit",
        "named",
        "direct_quotes",
        *(f"affiliation_{actor}" for actor in actor_ids(actors)),
        *(f"stance_{stance}" for stance in (*STANCES, REFUSAL)),
    ]
    totals = {zone: Counter[str]() for zone in ZONES}
    for zone, item in found:
        counted = totals[zone]
        kind = item.source_type
        counted["attributions"] += 1
        counted["anonymous"] += kind == ANONYMOUS
        counted["unnamed_group"] += kind == UNNAMED_GROUP
        counted["anonymous_or_unnamed_group"] += kind in (ANONYMOUS, UNNAMED_GROUP)
        counted["implicit"] += kind == IMPLICIT
        counted["named"] += kind in _NAMED_TYPES
        counted["direct_quotes"] += item.quote_type == DIRECT
        counted[f"affiliation_{item.affiliation}"] += 1
        counted[f"stance_{item.verb_stance}"] += 1
    measures = totals_measures(
        text,
        {
            zone: {category: float(counted[category]) for category in categories}
            for zone, counted in totals.items()
        },
    )
    measures += _ratios(records)
    rows = [_row(zone, item) for zone, item in found]
    return FamilyOutput(FAMILY, measures, evidence(text, found), records={TABLE: rows})


def _ratios(records: Sequence[Attribution]) -> list[Measure]:
    total = len(records)
    anonymous = sum(a.source_type == ANONYMOUS for a in records)
    unnamed = sum(a.source_type in (ANONYMOUS, UNNAMED_GROUP) for a in records)
    named = sum(a.source_type in _NAMED_TYPES for a in records)
    direct = sum(a.quote_type == DIRECT for a in records)
    return [
        Measure(ARTICLE, "anonymous", "share", anonymous / total if total else math.nan),
        Measure(
            ARTICLE, "anonymous_or_unnamed_group", "share", unnamed / total if total else math.nan
        ),
        Measure(ARTICLE, "direct", "share", direct / total if total else math.nan),
        Measure(
            ARTICLE, "named_to_anonymous", "ratio", named / anonymous if anonymous else math.nan
        ),
        Measure(ARTICLE, "sources", "distinct", float(distinct_sources(tuple(records)))),
    ]


def _row(zone: str, item: Attribution) -> dict[str, Any]:
    row: dict[str, Any] = {"zone": zone}
    row.update(zip(_FIELDS, _read_fields(item), strict=True))
    return row


def evidence(text: ArticleText, found: Sequence[tuple[str, Attribution]]) -> list[Evidence]:
    """Two evidence rows per attribution: its cue (category ``cue/<stance>``) and its source
    (category = source type; none for an implicit source, which has no words), each in the zone
    its own offsets lie in. A source taken from an earlier mention has rule
    ``attribution:resolved_source``; every other row carries the attribution's rule.
    """
    rows: list[Evidence] = []
    for zone, a in found:
        in_headline = zone == HEADLINE
        cue_zone = zone if in_headline else text.body_zone(a.cue_end)
        source_zone = zone if in_headline else text.body_zone(a.source_end)
        rows.append(
            Evidence(
                FAMILY, f"cue/{a.verb_stance}", a.rule, cue_zone, a.cue_start, a.cue_end, a.cue
            )
        )
        if a.source_start < 0:  # an implicit source has no words
            continue
        source_rule = "attribution:resolved_source" if a.resolved else a.rule
        rows.append(
            Evidence(
                FAMILY,
                a.source_type,
                source_rule,
                source_zone,
                a.source_start,
                a.source_end,
                a.source,
            )
        )
    return rows


ATTRIBUTIONS_TABLE = TableSpec(
    name=TABLE,
    description="One row per attribution: who is credited (source), how (cue) and what "
    "(content). Offsets index the text of the zone (the title for the headline).",
    columns=(
        Column("doc_id", "string", "article id"),
        Column("outlet", "string", "outlet"),
        Column("zone", "string", "headline, lead or body: where the cue is"),
        Column(
            "source",
            "string",
            "the source after resolving pronouns, descriptions and "
            "short names (an earlier mention when resolved)",
        ),
        Column(
            "source_type",
            "string",
            "anonymous, unnamed_group, named_person, "
            "named_organisation, news_media, pronoun or unattributed_report",
        ),
        Column("cue", "string", "the cue words (reporting verb, 'according to', quote mark)"),
        Column("quote_type", "string", "direct, indirect or mixed"),
        Column("start", "int64", "start of the attribution as written (characters)"),
        Column("end", "int64", "end of the attribution as written (characters)"),
        Column("source_start", "int64", "start of source"),
        Column("source_end", "int64", "end of source"),
        Column("mention", "string", "the source as written in the attribution's own sentence"),
        Column("mention_start", "int64", "start of mention (-1 when none)"),
        Column("mention_end", "int64", "end of mention (-1 when none)"),
        Column("cue_start", "int64", "start of cue"),
        Column("cue_end", "int64", "end of cue"),
        Column("content_start", "int64", "start of the content (-1 when none)"),
        Column("content_end", "int64", "end of the content (-1 when none)"),
        Column("verb_stance", "string", "neutral, assertive, doubt, alarm, disclosure, refusal"),
        Column("rule", "string", "the construction that matched (attribution:...)"),
        Column("affiliation", "string", "the actor the source speaks for, or unknown"),
        Column("source_id", "string", "the source after resolution: type and folded words"),
        Column(
            "flag",
            "string",
            "unbalanced_quotes when the paragraph's quote marks do not pair up, else empty",
        ),
        Column("sentence", "int64", "number of the sentence of the cue (sentences table)"),
    ),
    order=("doc_id", "sentence", "start", "end"),
)


def _provenance() -> list[dict[str, str]]:
    lexicon = load_lexicon()
    return [{"name": lexicon.name, "version": lexicon.version, "family": FAMILY}]


FAMILIES = (
    Family(
        name=FAMILY,
        label="Attribution",
        measure=measure,
        description="Who the article credits its claims to, how, and with what words.",
        citation="Pareti, S. (2016). PARC 3.0: A corpus of attribution relations. LREC; "
        "Bergler, S. (1992). Evidential analysis of reported speech. PhD thesis, Brandeis.",
        slot=ACTORS_SLOT,
        measures=(
            MeasureSpec(
                "attributions",
                "count",
                "attributions",
                "higher = more sourcing",
                "attributions of any kind (per_1k: per 1,000 words)",
            ),
            MeasureSpec(
                "anonymous",
                "count",
                "attributions",
                "higher = more unnamed sourcing",
                "credited to anonymous sources or unnamed groups",
            ),
            MeasureSpec(
                "named",
                "count",
                "attributions",
                "higher = more named sourcing",
                "credited to a named person, organisation or news medium",
            ),
            MeasureSpec(
                "direct_quotes",
                "count",
                "attributions",
                "higher = more quotation",
                "attributions whose content is one quotation",
            ),
            MeasureSpec(
                "affiliation_<actor>",
                "count",
                "attributions",
                "higher = more voice",
                "attributions whose source speaks for the actor",
            ),
            MeasureSpec(
                "stance_<stance>",
                "count",
                "attributions",
                "-",
                "attributions by the stance of their reporting verb",
            ),
            MeasureSpec(
                "anonymous",
                "share",
                "0 to 1",
                "higher = more unnamed sourcing",
                "anonymous / all attributions (NaN without attributions)",
            ),
            MeasureSpec(
                "direct",
                "share",
                "0 to 1",
                "higher = more quotation",
                "direct quotations / all attributions (NaN without attributions)",
            ),
            MeasureSpec(
                "named_to_anonymous",
                "ratio",
                "ratio",
                "above 1 = more named",
                "named / anonymous attributions (NaN without anonymous ones)",
            ),
            MeasureSpec(
                "sources",
                "distinct",
                "sources",
                "higher = more voices",
                "different identifiable sources after resolving pronouns and names",
            ),
        ),
        tables=(ATTRIBUTIONS_TABLE,),
        provenance=_provenance,
    ),
)
