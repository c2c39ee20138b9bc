"""Measure the attribution extractor against human annotations (PolNeAR).

``read_polnear`` reads the annotated articles; ``evaluate_pipeline`` scores the ``attributions``
table of ``toolkit.analyze`` (what users get) and ``evaluate`` the extractor run directly, each
on the reported-speech subset (``subset``: cues holding a verb of communication of Levin 1993,
class 37, a fixed list shipped as data) and on all relations, with overlap matching
(``scoring``); ``Evaluation.table`` gives precision, recall and F1 per outlet and overall.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "overlaps": "toolkit.evaluation.matching",
    "GoldArticle": "toolkit.evaluation.polnear",
    "GoldRelation": "toolkit.evaluation.polnear",
    "read_polnear": "toolkit.evaluation.polnear",
    "Evaluation": "toolkit.evaluation.run",
    "evaluate": "toolkit.evaluation.run",
    "evaluate_pipeline": "toolkit.evaluation.run",
    "SCOPES": "toolkit.evaluation.scoring",
    "ArticleScore": "toolkit.evaluation.scoring",
    "Counts": "toolkit.evaluation.scoring",
    "Prediction": "toolkit.evaluation.scoring",
    "from_records": "toolkit.evaluation.scoring",
    "from_table": "toolkit.evaluation.scoring",
    "score_article": "toolkit.evaluation.scoring",
    "SpeechVerbs": "toolkit.evaluation.subset",
    "is_reported_speech": "toolkit.evaluation.subset",
    "speech_verbs": "toolkit.evaluation.subset",
}
"""Where each public name lives: imported on first use (PEP 562), so that the command line
builds its parser without pandas."""

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


def __getattr__(name: str) -> Any:
    """The public names, imported from their modules on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
