"""Frames: how much of each frame's indicator vocabulary an article uses, and where.

Three families share this measure, each with its own codebook (a researcher's own codebook of the
same family may replace the built-in one):

* ``framing``: the generic news frames of Semetko & Valkenburg (2000) (conflict,
  responsibility, economic consequences, human interest, morality), codebook ``framing``;
* ``policy``: the 15 dimensions of the Policy Frames Codebook (Boydstun et al. 2014) used by the
  Media Frames Corpus (Card et al. 2015), codebook ``policy_frames``;
* ``conflict``: story frames of armed-conflict coverage (escalation and retaliation, restraint
  and diplomacy, defensive success, humanitarian cost), codebook ``conflict_frames``.

This is a dictionary measure of frame vocabulary, not a coder's judgement; every body count can
be traced to its words in the evidence. Prominent positions weigh more, because readers and coders
take a story's frame from its headline and lead (Pan & Kosicki 1993; Tankard 2001): the headline
is ``Article.title`` and the lead the first ``LEAD_SENTENCES`` sentences of ``Article.text``
(see ``toolkit.metrics.lexicon``).

Values, for each frame (category) of the codebook, with ``<f>`` = ``<family>_<frame>``:

* ``<f>_count`` / ``<f>_per_1k``: indicator matches in the text (sum of entry weights) and per
  1,000 words (NaN for an article without words);
* ``<f>_headline``: matches in the headline (title); ``<f>_lead``: matches in the lead (these are
  also in ``_count``);
* ``<f>_score``: the weighted rate ``1000 * (count + HEADLINE_WEIGHT * headline + LEAD_WEIGHT *
  lead) / words`` (NaN without words): higher means the article leans more on the frame;
* ``<f>_share``: the frame's score over the sum of the family's scores, so shares sum to 1 (NaN
  when no frame vocabulary is found at all).

The dominant frame (``dominant_frame``) is the frame with the largest share; it is a text, so it
is not among the values: the analysis puts it in the documents column ``<family>_dominant_frame``
(empty when no frame vocabulary is found).
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from toolkit.codebooks.model import Codebook
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics.base import EvidenceTuple, FamilyResult, per_thousand, spans_result
from toolkit.metrics.lexicon import (
    CompiledCodebook,
    check_segmented,
    compile_codebook,
    family_codebook,
    headline_of,
    lead_end,
)
from toolkit.text import Segmented

FAMILY = "framing"
FRAME_FAMILIES = ("framing", "policy", "conflict")
"""Families measured by this module, each named after the prefix of its columns."""
HEADLINE_WEIGHT = 2.0
"""Extra weight of a match in the headline (it counts 1 + 2 = 3 times in the score)."""
LEAD_WEIGHT = 1.0
"""Extra weight of a match in the lead (it counts 1 + 1 = 2 times in the score)."""


def frame_family(codebook: Codebook | None, family: str | None = None) -> str:
    """The frame family to measure: ``family``, else the codebook's, else ``"framing"``."""
    chosen = family or (codebook.family if isinstance(codebook, Codebook) else FAMILY)
    if chosen not in FRAME_FAMILIES:
        raise ParameterError(
            "The 'codebook' parameter of measure must be a codebook of family 'framing', "
            f"'policy' or 'conflict'. Got family {chosen!r} instead."
        )
    return chosen


def measure(
    article: Article,
    doc: Segmented,
    codebook: Codebook | None = None,
    *,
    family: str | None = None,
    headline: Segmented | None = None,
) -> FamilyResult:
    """Count each frame's indicator terms in ``article`` (see the module docstring).

    ``doc`` must be ``segment(article.text)``. ``family`` is ``"framing"``, ``"policy"`` or
    ``"conflict"``; it defaults to the family of ``codebook``, and ``codebook`` defaults to the
    family's built-in codebook. Matches rejected by a guard of their entry are not counted.
    ``headline`` is ``segment(article.title)`` when the caller has it already.
    """
    chosen = frame_family(codebook, family)
    book = family_codebook(codebook, chosen)
    check_segmented(article, doc)
    title = headline_of(article, headline)
    values, spans = measure_spans(doc, title, chosen, book, compile_codebook(book))
    return spans_result(article.doc_id, chosen, values, spans)


def measure_spans(
    doc: Segmented,
    title: Segmented | str,
    family: str,
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
    frames = book.category_ids
    counts = dict.fromkeys(frames, 0.0)
    leads = dict.fromkeys(frames, 0.0)
    headlines = dict.fromkeys(frames, 0.0)
    lead_stop = lead_end(doc)
    spans: list[EvidenceTuple] = []
    for start, end, text, target, rejected_by in matcher.hits(doc, folded=folded):
        if rejected_by is None:
            category, weight = target.category, target.weight
            counts[category] += weight
            if end <= lead_stop:
                leads[category] += weight
            spans.append((category, target.rule, start, end, text, weight))
    for *_, target, rejected_by in matcher.hits(title, folded=folded_title):
        if rejected_by is None:
            headlines[target.category] += target.weight

    n_words = doc.n_words
    scores = {
        frame: per_thousand(
            counts[frame] + HEADLINE_WEIGHT * headlines[frame] + LEAD_WEIGHT * leads[frame],
            n_words,
        )
        for frame in frames
    }
    total = math.fsum(scores.values())
    values: dict[str, float] = {}
    for frame in frames:
        prefix = f"{family}_{frame}"
        values[f"{prefix}_count"] = counts[frame]
        values[f"{prefix}_per_1k"] = per_thousand(counts[frame], n_words)
        values[f"{prefix}_headline"] = headlines[frame]
        values[f"{prefix}_lead"] = leads[frame]
        values[f"{prefix}_score"] = scores[frame]
        values[f"{prefix}_share"] = scores[frame] / total if total > 0 else math.nan
    return values, spans


def dominant_frame(values: Mapping[str, float], family: str, frames: tuple[str, ...]) -> str:
    """The frame with the largest ``<family>_<frame>_share`` in ``values``; "" when none is found.

    Ties go to the frame listed first in the codebook (``frames`` in codebook order).
    """
    best, best_share = "", 0.0
    for frame in frames:
        share = values.get(f"{family}_{frame}_share", math.nan)
        if not math.isnan(share) and share > best_share:
            best, best_share = frame, share
    return best


def frame_shares(table: pd.DataFrame, family: str, key: str = "outlet") -> pd.DataFrame:
    """Frame shares per row of a documents or outlets table, with the dominant frame.

    Rows are indexed by ``key``; one column per frame (short names) holding the
    ``<family>_<frame>_share`` values (for the outlets table, the mean share over the outlet's
    articles), and a ``dominant`` column naming the largest ("" when every share is undefined).
    """
    suffix = "_share"
    columns = [
        column
        for column in table.columns
        if column.startswith(f"{family}_") and column.endswith(suffix)
    ]
    shares = table.set_index(key)[columns]
    shares = shares.rename(columns=lambda c: c.removeprefix(f"{family}_").removesuffix(suffix))
    frames = tuple(shares.columns)
    dominant = [
        dominant_frame({f"{family}_{f}{suffix}": float(row[f]) for f in frames}, family, frames)
        for _, row in shares.iterrows()
    ]
    return shares.assign(dominant=dominant)
