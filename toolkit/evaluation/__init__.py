"""Measure the attribution extractor against human annotations (PolNeAR).

``read_polnear`` reads the annotated articles; ``evaluate_pipeline`` scores the ``attributions``
table of ``toolkit.analyze`` (what users get) and ``evaluate`` the extractor run directly, each
on the reported-speech subset (``subset``: cues holding a verb of communication of Levin 1993,
class 37, a fixed list shipped as data) and on all relations, with overlap matching
(``scoring``); ``Evaluation.table`` gives precision, recall and F1 per outlet and overall.
"""

from __future__ import annotations

from toolkit.evaluation.matching import overlaps
from toolkit.evaluation.polnear import GoldArticle, GoldRelation, read_polnear
from toolkit.evaluation.run import Evaluation, evaluate, evaluate_pipeline
from toolkit.evaluation.scoring import (
    SCOPES,
    ArticleScore,
    Counts,
    Prediction,
    from_records,
    from_table,
    score_article,
)
from toolkit.evaluation.subset import SpeechVerbs, is_reported_speech, speech_verbs

__all__ = [
    "SCOPES",
    "ArticleScore",
    "Counts",
    "Evaluation",
    "GoldArticle",
    "GoldRelation",
    "Prediction",
    "SpeechVerbs",
    "evaluate",
    "evaluate_pipeline",
    "from_records",
    "from_table",
    "is_reported_speech",
    "overlaps",
    "read_polnear",
    "score_article",
    "speech_verbs",
]
