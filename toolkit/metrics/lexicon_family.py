"""What the lexicon families share: scanning an article's zones with a codebook.

Hedging, the frame families, loaded labels and salience all count codebook matches in the
headline and the body of an article. ``zoned_hits`` scans both zones once with a compiled
codebook and tells each match's zone; ``kept_evidence`` turns the matches that every guard of
their entry accepted into evidence rows, marking those in the scope of a negation or rejection
("will not join any counterattack", "refrain from retaliation"; ``toolkit.metrics.negation``)
as ``negated`` unless their entry opts out (``negatable: false``); ``measure_codebook`` is the
whole measure of a family that counts its codebook's categories and nothing else. Negated rows
stay as evidence and are counted apart, never in a category's count.
"""

from __future__ import annotations

from collections.abc import Iterator

from toolkit.codebooks.model import Codebook
from toolkit.errors import ParameterError
from toolkit.metrics.base import (
    BODY,
    HEADLINE,
    ArticleText,
    Evidence,
    FamilyOutput,
    count_measures,
)
from toolkit.metrics.lexicon import Hit, compile_codebook
from toolkit.metrics.negation import NegationScan, scan_negations

ZonedHit = tuple[str, Hit]
"""A codebook match with its zone: ``(zone, (start, end, text, target, rejected_by))``."""


def require_codebook(codebook: Codebook | None, family: str, codebook_family: str) -> Codebook:
    """``codebook``, checked to be a codebook of ``codebook_family``, for family ``family``."""
    if not isinstance(codebook, Codebook) or codebook.family != codebook_family:
        got = codebook.family if isinstance(codebook, Codebook) else type(codebook).__name__
        raise ParameterError(
            f"The 'codebook' parameter of the {family} family's measure must be a codebook of "
            f"family {codebook_family!r}. Got {got!r} instead."
        )
    return codebook


def zoned_hits(text: ArticleText, codebook: Codebook) -> Iterator[ZonedHit]:
    """Every match of ``codebook`` in the headline, then in the body, with its zone."""
    matcher = compile_codebook(codebook)
    for hit in matcher.hits(text.headline, folded=text.folded_headline):
        yield HEADLINE, hit
    body_zone = text.body_zone
    for hit in matcher.hits(text.body, folded=text.folded_body):
        yield body_zone(hit[1]), hit


def kept_evidence(
    family: str, text: ArticleText, codebook: Codebook, *, negation: bool = True
) -> list[Evidence]:
    """Evidence rows of the matches of ``codebook`` that every guard accepted, zone by zone.

    With ``negation``, a match of a negatable entry in the scope of a negation or rejection cue
    is ``negated``.
    """
    rows: list[Evidence] = []
    scans: dict[str, NegationScan] = {}
    for zone, (start, end, matched, target, rejected_by) in zoned_hits(text, codebook):
        if rejected_by is not None:
            continue
        negated = False
        if negation and target.negatable:
            key = HEADLINE if zone == HEADLINE else BODY
            scan = scans.get(key)
            if scan is None:
                scan = scans[key] = scan_negations(text.zone_text(zone))
            negated = scan.find(start, end) is not None
        rows.append(
            Evidence(
                family,
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
    return rows


def measure_codebook(family: str, text: ArticleText, codebook: Codebook) -> FamilyOutput:
    """Counts and rates of every category of ``codebook`` (see ``base.count_measures``)."""
    evidence = kept_evidence(family, text, codebook)
    measures = count_measures(text, codebook.category_ids, evidence)
    return FamilyOutput(family, measures, evidence)
