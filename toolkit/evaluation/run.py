"""Run the attribution extractor over annotated articles and tabulate the scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from toolkit.evaluation.polnear import GoldArticle
from toolkit.evaluation.scoring import OVERALL, ArticleScore, pooled, score_article
from toolkit.evaluation.subset import speech_cues
from toolkit.metrics.attribution.cues import AttributionLexicon, load_lexicon
from toolkit.metrics.attribution.extract import find_attributions
from toolkit.text import segment

COLUMNS = (
    "outlet",
    "articles",
    "relations",
    "subset",
    "cue_precision",
    "cue_recall",
    "cue_f1",
    "source_precision",
    "source_recall",
    "source_f1",
)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Per-article scores of one run, with the lexicon that defined the subset."""

    scores: tuple[ArticleScore, ...]
    lexicon_version: str

    def table(self) -> pd.DataFrame:
        """One row per outlet (sorted) and a final ``overall`` row: article, relation and subset
        counts, then pooled precision, recall and F1 for cues and sources (0 to 1; NaN when a
        denominator is 0)."""
        outlets = sorted({score.outlet for score in self.scores})
        rows = [
            self._row(outlet, [s for s in self.scores if s.outlet == outlet]) for outlet in outlets
        ]
        rows.append(self._row(OVERALL, list(self.scores)))
        return pd.DataFrame(rows, columns=list(COLUMNS))

    def report(self, title: str) -> str:
        """The table as plain text, with how the subset was chosen and how spans were matched."""
        table = self.table()
        shown = table.to_string(index=False, float_format=lambda value: f"{value:.3f}")
        return (
            f"{title}: attribution extractor, lexicon version {self.lexicon_version}\n"
            "Reported-speech subset: relations whose cue holds a reporting-verb form of the "
            "lexicon (any stance), 'citing'/'quoting', 'according to' or a listed refusal; the "
            "same filter applies to predictions.\n"
            "Matching: overlapping character spans; a source counts only on an overlapping cue.\n"
            f"{shown}"
        )

    @staticmethod
    def _row(outlet: str, scores: Sequence[ArticleScore]) -> dict[str, object]:
        cue, source = pooled(scores)
        return {
            "outlet": outlet,
            "articles": len(scores),
            "relations": sum(s.relations for s in scores),
            "subset": sum(s.subset for s in scores),
            "cue_precision": cue.precision,
            "cue_recall": cue.recall,
            "cue_f1": cue.f1,
            "source_precision": source.precision,
            "source_recall": source.recall,
            "source_f1": source.f1,
        }


def evaluate(
    articles: Sequence[GoldArticle], *, lexicon: AttributionLexicon | None = None
) -> Evaluation:
    """Extract attributions from each article's text and score them (see ``scoring``)."""
    lexicon = lexicon or load_lexicon()
    cues = speech_cues(lexicon)
    scores = []
    for article in articles:
        found = find_attributions(article.text, segment(article.text), article.doc_id, lexicon)
        scores.append(score_article(article, found, cues))
    return Evaluation(tuple(scores), lexicon.version)
