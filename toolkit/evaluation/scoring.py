"""Precision, recall and F1 of the attribution extractor against annotated relations.

Two scopes: ``"subset"`` cuts both sides to the reported-speech subset (``subset``: cues holding
a verb of communication of a fixed list); ``"all"`` keeps every annotated relation that has a
cue and every prediction. Matching is by overlap of
character spans (``matching.overlaps``), as in the evaluations of PARC-style extractors:

* **cues** - distinct cue spans. A predicted cue is correct when it overlaps the cue of any
  annotated relation; an annotated cue is found when a predicted cue overlaps it.
* **sources** - one unit per relation with a source (predicted: the source as written in the
  sentence, ``Attribution.mention`` at ``mention_start``/``mention_end``, so "he" is scored as
  "he", not as the person it resolves to; the resolved name is a separate column). A
  predicted source is correct when one annotated relation has a cue overlapping the
  predicted cue *and* a source overlapping the predicted source; an annotated source is found
  under the same condition. A right source on the wrong cue does not count.

Precision = correct predictions / predictions, recall = annotated units found / annotated units,
F1 their harmonic mean; each is NaN when its denominator is 0. Scores are pooled (micro-averaged)
over the articles of an outlet, and over all articles for the overall row.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from toolkit.errors import ParameterError
from toolkit.evaluation.matching import overlaps
from toolkit.evaluation.polnear import GoldArticle, GoldRelation
from toolkit.evaluation.subset import SpeechVerbs, is_reported_speech
from toolkit.metrics.attribution.records import Attribution
from toolkit.text import Span

OVERALL = "overall"
SCOPES: tuple[Literal["subset"], Literal["all"]] = ("subset", "all")
"""What is scored: the reported-speech subset, or every relation."""
Scope = Literal["subset", "all"]


@dataclass(frozen=True, slots=True)
class Counts:
    """Matched and total units on each side; precision, recall and F1 derive from them."""

    correct: int
    predicted: int
    found: int
    gold: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.correct + other.correct,
            self.predicted + other.predicted,
            self.found + other.found,
            self.gold + other.gold,
        )

    @property
    def precision(self) -> float:
        """Correct predictions / predictions (NaN without predictions)."""
        return self.correct / self.predicted if self.predicted else math.nan

    @property
    def recall(self) -> float:
        """Annotated units found / annotated units (NaN without annotated units)."""
        return self.found / self.gold if self.gold else math.nan

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall (NaN when either is NaN, 0 when both are 0)."""
        p, r = self.precision, self.recall
        if math.isnan(p) or math.isnan(r):
            return math.nan
        return 2 * p * r / (p + r) if p + r else 0.0


ZERO = Counts(0, 0, 0, 0)


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """Cue and source counts of one article, with the size of its annotation and subset."""

    doc_id: str
    outlet: str
    relations: int
    subset: int
    cue: Counts
    source: Counts


@dataclass(frozen=True, slots=True)
class Prediction:
    """One predicted attribution as scored: its cue and its source as written (the mention).

    Offsets index the annotated text; ``mention_start`` is -1 when the attribution names no
    source in its own sentence (a quotation credited to an earlier speaker).
    """

    cue: str
    cue_start: int
    cue_end: int
    mention_start: int
    mention_end: int


def from_records(attributions: Iterable[Attribution]) -> list[Prediction]:
    """Predictions from the extractor's ``Attribution`` records."""
    return [
        Prediction(a.cue, a.cue_start, a.cue_end, a.mention_start, a.mention_end)
        for a in attributions
    ]


def from_table(attributions: pd.DataFrame) -> list[Prediction]:
    """Predictions from rows of the ``attributions`` table (columns ``cue``, ``cue_start``,
    ``cue_end``, ``mention_start``, ``mention_end``), offsets as they are in the table."""
    columns = ["cue", "cue_start", "cue_end", "mention_start", "mention_end"]
    return [
        Prediction(str(cue), int(cs), int(ce), int(ms), int(me))
        for cue, cs, ce, ms, me in attributions[columns].itertuples(index=False)
    ]


@dataclass(frozen=True, slots=True)
class _Predicted:
    cue: tuple[Span, ...]
    source: tuple[Span, ...]


def score_article(
    gold: GoldArticle,
    predicted: Iterable[Prediction],
    *,
    scope: Scope = "subset",
    verbs: SpeechVerbs | None = None,
) -> ArticleScore:
    """Score the predictions for ``gold.text`` against its annotated relations.

    ``scope`` is ``"subset"`` (relations and predictions whose cue holds a verb of ``verbs``,
    by default the shipped list) or ``"all"``.
    """
    if scope not in SCOPES:
        raise ParameterError(
            f"The 'scope' parameter of score_article must be one of {set(SCOPES)}. "
            f"Got {scope!r} instead."
        )
    relations = gold.relations
    if scope == "subset":
        subset = [r for r in relations if is_reported_speech(r.cue_text, verbs)]
        kept = [p for p in predicted if is_reported_speech(p.cue, verbs)]
    else:
        subset = [r for r in relations if r.cue]
        kept = list(predicted)
    predictions = [
        _Predicted(
            (Span(p.cue_start, p.cue_end),),
            (Span(p.mention_start, p.mention_end),) if p.mention_start >= 0 else (),
        )
        for p in kept
    ]
    return ArticleScore(
        gold.doc_id,
        gold.outlet,
        len(relations),
        len(subset),
        _cue_counts(relations, subset, predictions),
        _source_counts(relations, subset, predictions),
    )


def _cue_counts(
    relations: Sequence[GoldRelation], subset: Sequence[GoldRelation], predictions: list[_Predicted]
) -> Counts:
    predicted = {p.cue for p in predictions}
    gold = {r.cue for r in subset}
    correct = sum(any(overlaps(cue, r.cue) for r in relations) for cue in predicted)
    found = sum(any(overlaps(cue, p) for p in predicted) for cue in gold)
    return Counts(correct, len(predicted), found, len(gold))


def _source_counts(
    relations: Sequence[GoldRelation], subset: Sequence[GoldRelation], predictions: list[_Predicted]
) -> Counts:
    predicted = {(p.cue, p.source) for p in predictions if p.source}
    gold = {(r.cue, r.source) for r in subset if r.source}

    def match(
        pred: tuple[tuple[Span, ...], ...], cue: tuple[Span, ...], src: tuple[Span, ...]
    ) -> bool:
        return overlaps(pred[0], cue) and overlaps(pred[1], src)

    correct = sum(
        any(match(unit, r.cue, r.source) for r in relations if r.source) for unit in predicted
    )
    found = sum(any(match(unit, cue, src) for unit in predicted) for cue, src in gold)
    return Counts(correct, len(predicted), found, len(gold))


def pooled(scores: Iterable[ArticleScore]) -> tuple[Counts, Counts]:
    """Cue and source counts summed over ``scores``."""
    cue, source = ZERO, ZERO
    for score in scores:
        cue, source = cue + score.cue, source + score.source
    return cue, source
