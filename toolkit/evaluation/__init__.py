"""Measure the attribution extractor against human annotations (PolNeAR).

``read_polnear`` reads the annotated articles, ``evaluate`` runs the extractor and scores cues and
sources on the reported-speech subset (``subset``) with overlap matching (``scoring``);
``Evaluation.table`` gives precision, recall and F1 per outlet and overall.
"""

from __future__ import annotations

from toolkit.evaluation.matching import overlaps
from toolkit.evaluation.polnear import GoldArticle, GoldRelation, read_polnear
from toolkit.evaluation.run import Evaluation, evaluate
from toolkit.evaluation.scoring import ArticleScore, Counts, score_article
from toolkit.evaluation.subset import SpeechCues, is_reported_speech, speech_cues

__all__ = [
    "ArticleScore",
    "Counts",
    "Evaluation",
    "GoldArticle",
    "GoldRelation",
    "SpeechCues",
    "evaluate",
    "is_reported_speech",
    "overlaps",
    "read_polnear",
    "score_article",
    "speech_cues",
]
