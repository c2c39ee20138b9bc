"""Frames: how much of each frame's indicator vocabulary an article uses, and where.

Three families share this measure, each with its own codebook (a researcher's own codebook of the
same family may replace the built-in one):

* ``framing``: the generic news frames of Semetko & Valkenburg (2000) (conflict,
  responsibility, economic consequences, human interest, morality), codebook ``framing``;
* ``policy``: the 15 dimensions of the Policy Frames Codebook (Boydstun et al. 2014) used by the
  Media Frames Corpus (Card et al. 2015), codebook ``policy_frames``;
* ``conflict``: story frames of armed-conflict coverage (escalation and retaliation, restraint
  and diplomacy, defensive success, humanitarian cost), codebook ``conflict_frames``.

This is a dictionary measure of frame vocabulary, not a coder's judgement; every count can be
traced to its words in the evidence. Prominent positions weigh more, because readers and coders
take a story's frame from its headline and lead (Pan & Kosicki 1993; Tankard 2001): the headline
is ``Article.title`` and the lead the first ``LEAD_SENTENCES`` sentences of ``Article.text``
(see ``toolkit.metrics.base``).

Measures, for each frame (category) of the codebook:

* ``count`` / ``per_1k``: indicator matches (sum of entry weights) in the whole article
  (headline and body) and per 1,000 words (NaN for an article without words); ``count`` in the
  ``headline`` and ``lead`` zones too;
* ``score``: the weighted rate ``1000 * (count + HEADLINE_WEIGHT * headline + LEAD_WEIGHT *
  lead) / words`` (NaN without words): higher means the article leans more on the frame; a
  headline match counts 1 + 2 = 3 times, a lead match 1 + 1 = 2 times;
* ``share``: the frame's score over the sum of the family's scores, so shares sum to 1 (NaN
  when no frame vocabulary is found at all).

The dominant frame (``dominant_frame``) is the frame with the largest share; it is a text, so it
is not a measure: it goes in the documents column ``<family>_dominant_frame`` (empty when no
frame vocabulary is found).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import partial

from toolkit.codebooks.model import Codebook
from toolkit.metrics.base import (
    ARTICLE,
    COUNT,
    HEADLINE,
    LEAD,
    ArticleText,
    FamilyOutput,
    Measure,
    count_measures,
    per_thousand,
)
from toolkit.metrics.lexicon_family import kept_evidence, require_codebook
from toolkit.metrics.registry import CodebookSlot, Column, Family, MeasureSpec

HEADLINE_WEIGHT = 2.0
"""Extra weight of a match in the headline (it counts 1 + 2 = 3 times in the score)."""
LEAD_WEIGHT = 1.0
"""Extra weight of a match in the lead (it counts 1 + 1 = 2 times in the score)."""
SCORE = "score"
SHARE = "share"


def measure(family: str, text: ArticleText, codebook: Codebook | None) -> FamilyOutput:
    """Count each frame's indicator terms in the article (see the module docstring).

    ``family`` is ``"framing"``, ``"policy"`` or ``"conflict"`` and ``codebook`` a codebook of
    that family. Matches rejected by a guard of their entry are not counted.
    """
    book = require_codebook(codebook, family, family)
    frames = book.category_ids
    evidence = kept_evidence(family, text, book)
    measures = count_measures(text, frames, evidence)
    counts = {(m.zone, m.category): m.value for m in measures if m.measure == COUNT}
    words = text.words(ARTICLE)
    scores = {
        frame: per_thousand(
            counts[ARTICLE, frame]
            + HEADLINE_WEIGHT * counts[HEADLINE, frame]
            + LEAD_WEIGHT * counts[LEAD, frame],
            words,
        )
        for frame in frames
    }
    total = math.fsum(scores.values())
    shares = {frame: scores[frame] / total if total > 0 else math.nan for frame in frames}
    for frame in frames:
        measures.append(Measure(ARTICLE, frame, SCORE, scores[frame]))
        measures.append(Measure(ARTICLE, frame, SHARE, shares[frame]))
    document = {f"{family}_dominant_frame": dominant_frame(shares, frames)}
    return FamilyOutput(family, measures, evidence, document)


def dominant_frame(shares: Mapping[str, float], frames: tuple[str, ...]) -> str:
    """The frame with the largest share; "" when every share is undefined or 0.

    Ties go to the frame listed first in the codebook (``frames`` in codebook order).
    """
    best, best_share = "", 0.0
    for frame in frames:
        share = shares.get(frame, math.nan)
        if not math.isnan(share) and share > best_share:
            best, best_share = frame, share
    return best


def _frame_family(name: str, label: str, default: str, what: str, citation: str) -> Family:
    slot = CodebookSlot(
        parameter=f"{name}_codebook", family=name, default=default, description=what
    )
    return Family(
        name=name,
        label=label,
        measure=partial(measure, name),
        description=f"Frames: {what}, by the share of each frame's indicator vocabulary.",
        citation=citation,
        slot=slot,
        measures=(
            MeasureSpec(
                "<frame>",
                "count",
                "matches",
                "higher = more of the frame",
                "indicator terms of the frame (per_1k: per 1,000 words)",
            ),
            MeasureSpec(
                "<frame>",
                SCORE,
                "per 1,000 words",
                "higher = leans more on the frame",
                "1000 x (count + 2 x headline count + lead count) / words",
            ),
            MeasureSpec(
                "<frame>",
                SHARE,
                "0 to 1",
                "higher = more dominant",
                "the frame's score over the family's scores (shares sum to 1)",
            ),
        ),
        document_columns=(
            Column(
                f"{name}_dominant_frame",
                "string",
                f"the {name} frame with the largest share; empty when no frame term is found",
            ),
        ),
    )


FAMILIES = (
    _frame_family(
        "framing",
        "Generic frames",
        "framing",
        "generic news frames",
        "Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content "
        "analysis of press and television news. Journal of Communication 50(2), 93-109.",
    ),
    _frame_family(
        "policy",
        "Policy frames",
        "policy_frames",
        "the 15 dimensions of the Policy Frames Codebook",
        "Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking "
        "the development of media frames within and across policy issues.",
    ),
    _frame_family(
        "conflict",
        "Conflict frames",
        "conflict_frames",
        "story frames of armed-conflict coverage",
        "Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. Journal "
        "of Communication 43(4), 51-58; Galtung, J. (1998). High road, low road: Charting the "
        "course for peace journalism. Track Two 7(4).",
    ),
)
