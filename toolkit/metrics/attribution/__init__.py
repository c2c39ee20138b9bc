"""Attribution (sourcing): who the article credits its claims to, how, and with what words.

An attribution has a *source* (who), a *cue* (how: "said", "according to", "citing", a quote
mark) and *content* (what), after the attribution relations of Pareti (2016); cues carry the
stance of the reporting verb after Bergler (1992). Extraction is rule-based (regular expressions
over sentences, no parser); see ``extract`` for the rules, ``sources`` for source types and
anaphora resolution, ``quotes`` for direct/indirect/mixed content and unbalanced quote marks,
``actors`` for the actor codebook that gives each source its affiliation, ``casing`` for
all-caps texts.

``measure`` returns the family's numbers (per 1,000 words; NaN when undefined) with evidence rows
for every cue and every source span, plus the ``Attribution`` records themselves.
"""

from __future__ import annotations

import math
from collections import Counter

from toolkit.codebooks import Codebook
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics.attribution.actors import actor_ids, affiliation, default_actors
from toolkit.metrics.attribution.cues import (
    REFUSAL,
    STANCES,
    AttributionLexicon,
    load_lexicon,
)
from toolkit.metrics.attribution.extract import distinct_sources, find_attributions
from toolkit.metrics.attribution.quotes import DIRECT
from toolkit.metrics.attribution.records import Attribution, AttributionResult
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
from toolkit.metrics.base import Evidence, FamilyResult, per_thousand
from toolkit.text import Segmented

__all__ = [
    "SOURCE_TYPES",
    "Attribution",
    "AttributionLexicon",
    "AttributionResult",
    "actor_ids",
    "affiliation",
    "default_actors",
    "evidence",
    "load_lexicon",
    "measure",
]

FAMILY = "attribution"
_NAMED_TYPES = (NAMED_PERSON, ROLE, NAMED_ORGANISATION, NEWS_MEDIA)


def measure(
    article: Article,
    doc: Segmented,
    *,
    lexicon: AttributionLexicon | None = None,
    actors: Codebook | None = None,
) -> AttributionResult:
    """Count the attributions of one article, by kind of source, with their evidence.

    ``doc`` must be ``segment(article.text)``. ``lexicon`` defaults to the shipped
    ``data/attribution.yaml``, ``actors`` to the shipped actor codebook (family ``salience``,
    ``toolkit/codebooks/actors.yaml``: one file for salience and affiliation). The keys are
    the same for every article (for a given actor codebook); counts are also given per 1,000
    words (NaN for an empty text) under ``..._per_1k``:

    * ``attribution_attributions_count`` - attributions of any kind (one per source and cue);
    * ``attribution_anonymous_count`` - credited to anonymous sources (type ``anonymous``: a
      withheld identity, "a senior official", "sources familiar with the matter"): higher
      means more anonymous sourcing;
    * ``attribution_unnamed_group_count`` - credited to groups described but not named (type
      ``unnamed_group``: "US officials", "experts"); kept apart from anonymous sources;
    * ``attribution_anonymous_or_unnamed_group_count`` - the two above COMBINED (unnamed
      sourcing of either kind);
    * ``attribution_implicit_count`` - passive reporting frames without a source ("is said
      to", "it is believed that"): distancing;
    * ``attribution_named_count`` - credited to a named person, a role ("the Pentagon chief"),
      an organisation or a news medium;
    * ``attribution_direct_quotes_count`` - attributions whose content is one quotation;
    * ``attribution_affiliation_<actor>_count`` - attributions whose source speaks for each actor
      of the codebook, and ``unknown`` (whose side gets a voice; Sigal 1973);
    * ``attribution_stance_<stance>_count`` - attributions by the stance of their cue (neutral,
      assertive, doubt, alarm, disclosure, refusal; Bergler 1992);
    * ``attribution_anonymous_share`` - anonymous / all attributions, 0 to 1 (NaN when none);
    * ``attribution_anonymous_or_unnamed_group_share`` - (anonymous + unnamed group) / all
      attributions, 0 to 1, COMBINED (NaN when none);
    * ``attribution_direct_share`` - direct quotations / all attributions, 0 to 1 (NaN when none);
    * ``attribution_named_to_anonymous_ratio`` - named / anonymous attributions, 0 upwards: above 1
      means more named than unnamed sourcing (NaN without anonymous attributions);
    * ``attribution_distinct_sources`` - different identifiable sources after resolving
      pronouns, descriptions and short names (reports and unresolved pronouns left out).
    """
    if doc.text != article.text:
        raise ParameterError(
            "The 'doc' parameter of measure must be segment(article.text) "
            f"for article {article.doc_id!r}. Got the segmentation of a different text instead."
        )
    codebook = actors or default_actors()
    attributions = find_attributions(
        article.text, doc, article.doc_id, lexicon or load_lexicon(), codebook
    )
    total = len(attributions)
    anonymous = sum(a.source_type == ANONYMOUS for a in attributions)
    unnamed_group = sum(a.source_type == UNNAMED_GROUP for a in attributions)
    named = sum(a.source_type in _NAMED_TYPES for a in attributions)
    direct = sum(a.quote_type == DIRECT for a in attributions)
    counts = [
        ("attributions", total),
        ("anonymous", anonymous),
        ("unnamed_group", unnamed_group),
        ("anonymous_or_unnamed_group", anonymous + unnamed_group),
        ("implicit", sum(a.source_type == IMPLICIT for a in attributions)),
        ("named", named),
        ("direct_quotes", direct),
    ]
    affiliations = Counter(a.affiliation for a in attributions)
    stances = Counter(a.verb_stance for a in attributions)
    counts += [(f"affiliation_{actor}", affiliations[actor]) for actor in actor_ids(codebook)]
    counts += [(f"stance_{stance}", stances[stance]) for stance in (*STANCES, REFUSAL)]
    values: dict[str, float] = {}
    for thing, count in counts:
        values[f"{FAMILY}_{thing}_count"] = float(count)
        values[f"{FAMILY}_{thing}_per_1k"] = per_thousand(count, doc.n_words)
    values[f"{FAMILY}_anonymous_share"] = anonymous / total if total else math.nan
    values[f"{FAMILY}_anonymous_or_unnamed_group_share"] = (
        (anonymous + unnamed_group) / total if total else math.nan
    )
    values[f"{FAMILY}_direct_share"] = direct / total if total else math.nan
    values[f"{FAMILY}_named_to_anonymous_ratio"] = named / anonymous if anonymous else math.nan
    values[f"{FAMILY}_distinct_sources"] = float(distinct_sources(attributions))
    result = FamilyResult(FAMILY, values, evidence(attributions))
    return AttributionResult(result, attributions)


def evidence(attributions: tuple[Attribution, ...]) -> tuple[Evidence, ...]:
    """Two evidence rows per attribution: its cue (category ``cue/<stance>``) and its source
    (category = source type; none for an implicit source, which has no words). A source
    taken from an earlier mention has rule ``attribution:resolved_source``; every other row
    carries the attribution's rule.
    """
    rows: list[Evidence] = []
    for a in attributions:
        rows.append(
            Evidence(
                a.doc_id, FAMILY, f"cue/{a.verb_stance}", a.rule, a.cue_start, a.cue_end, a.cue
            )
        )
        if a.source_start < 0:  # an implicit source has no words
            continue
        source_rule = "attribution:resolved_source" if a.resolved else a.rule
        rows.append(
            Evidence(
                a.doc_id, FAMILY, a.source_type, source_rule, a.source_start, a.source_end, a.source
            )
        )
    return tuple(rows)
