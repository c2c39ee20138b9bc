"""Run the attribution extractor over annotated articles and tabulate the scores.

Two runs: ``evaluate_pipeline`` scores what users get, the ``attributions`` table of
``toolkit.analyze`` over the articles written as a JSON-lines corpus (loaded, cleaned and
measured like any corpus; offsets mapped back to the annotated text through the cleaning's
removals); ``evaluate`` runs the extractor directly on the annotated texts.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from toolkit.corpus.article import Article
from toolkit.corpus.cleaning import original_span
from toolkit.evaluation.polnear import GoldArticle
from toolkit.evaluation.scoring import (
    OVERALL,
    SCOPES,
    ArticleScore,
    Prediction,
    Scope,
    from_records,
    from_table,
    pooled,
    score_article,
)
from toolkit.evaluation.subset import SpeechVerbs, speech_verbs
from toolkit.metrics.attribution.cues import AttributionLexicon, load_lexicon
from toolkit.metrics.attribution.extract import find_attributions
from toolkit.text import segment

COLUMNS = (
    "outlet",
    "articles",
    "relations",
    "scored",
    "cue_precision",
    "cue_recall",
    "cue_f1",
    "source_precision",
    "source_recall",
    "source_f1",
)
_SCOPE_TITLES = {
    "subset": "Reported-speech subset (cue holds a verb of communication of the fixed list)",
    "all": "All relations (every annotated relation with a cue; every prediction)",
}


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Per-article scores of one run in both scopes, with what defined them.

    ``run`` is ``"pipeline"`` (the ``attributions`` table of ``toolkit.analyze``) or
    ``"extractor"`` (``find_attributions`` on the annotated texts).
    """

    run: str
    scores: dict[str, tuple[ArticleScore, ...]]
    lexicon_version: str
    verbs: SpeechVerbs

    def table(self, scope: Scope = "subset") -> pd.DataFrame:
        """One row per outlet (sorted) and a final ``overall`` row: article and relation counts,
        the relations scored (``scored``: the subset, or every relation with a cue), then
        pooled precision, recall and F1 for cues and sources (0 to 1; NaN when a denominator
        is 0)."""
        scores = self.scores[scope]
        outlets = sorted({score.outlet for score in scores})
        rows = [_row(outlet, [s for s in scores if s.outlet == outlet]) for outlet in outlets]
        rows.append(_row(OVERALL, list(scores)))
        return pd.DataFrame(rows, columns=list(COLUMNS))

    def summary(self) -> dict[str, float]:
        """Overall cue and source F1 in both scopes (``subset_cue_f1``, ..., ``all_source_f1``)."""
        values: dict[str, float] = {}
        for scope in SCOPES:
            cue, source = pooled(self.scores[scope])
            values[f"{scope}_cue_f1"] = cue.f1
            values[f"{scope}_source_f1"] = source.f1
        return values

    def report(self, title: str) -> str:
        """Both tables as plain text, with how the subset was chosen and spans were matched."""
        parts = [
            f"{title}: {_RUNS[self.run]}; attribution lexicon version {self.lexicon_version}",
            f"Subset verb list: {self.verbs.name} {self.verbs.version} ({self.verbs.citation})",
            "Matching: overlapping character spans; a source (the mention as written in the "
            "sentence) counts only on an overlapping cue.",
        ]
        for scope in SCOPES:
            shown = self.table(scope).to_string(
                index=False, float_format=lambda value: f"{value:.3f}"
            )
            parts += ["", f"{_SCOPE_TITLES[scope]}:", shown]
        return "\n".join(parts)


_RUNS = {
    "pipeline": "the attributions table of toolkit.analyze (what users get)",
    "extractor": "find_attributions on the annotated texts",
}


def _row(outlet: str, scores: Sequence[ArticleScore]) -> dict[str, object]:
    cue, source = pooled(scores)
    return {
        "outlet": outlet,
        "articles": len(scores),
        "relations": sum(s.relations for s in scores),
        "scored": sum(s.subset for s in scores),
        "cue_precision": cue.precision,
        "cue_recall": cue.recall,
        "cue_f1": cue.f1,
        "source_precision": source.precision,
        "source_recall": source.recall,
        "source_f1": source.f1,
    }


def _scores(
    articles: Sequence[GoldArticle],
    predictions: Sequence[list[Prediction]],
    verbs: SpeechVerbs,
) -> dict[str, tuple[ArticleScore, ...]]:
    return {
        scope: tuple(
            score_article(article, found, scope=scope, verbs=verbs)
            for article, found in zip(articles, predictions, strict=True)
        )
        for scope in SCOPES
    }


def evaluate(
    articles: Sequence[GoldArticle],
    *,
    lexicon: AttributionLexicon | None = None,
    verbs: SpeechVerbs | None = None,
) -> Evaluation:
    """Extract attributions from each annotated text directly and score them (``scoring``)."""
    lexicon = lexicon or load_lexicon()
    verbs = verbs or speech_verbs()
    predictions = [
        from_records(find_attributions(a.text, segment(a.text), a.doc_id, lexicon))
        for a in articles
    ]
    return Evaluation("extractor", _scores(articles, predictions, verbs), lexicon.version, verbs)


def evaluate_pipeline(
    articles: Sequence[GoldArticle], *, verbs: SpeechVerbs | None = None
) -> Evaluation:
    """Score the ``attributions`` table of ``toolkit.analyze`` run on the articles.

    The articles are written (id, outlet, title, text) to a JSON-lines file in a temporary
    folder, loaded with ``load_corpus`` (cleaning as usual: a title line repeated at the top of
    a text is removed, so relations annotated in it count as misses) and analysed with the
    default codebooks; every offset of the table is mapped back to the annotated text. Rows of
    the headline zone are left out: PolNeAR annotates the text, not the title.
    """
    from toolkit.analysis import analyze
    from toolkit.corpus.load import load_corpus

    verbs = verbs or speech_verbs()
    with tempfile.TemporaryDirectory(prefix="toolkit-evaluate-") as folder:
        path = Path(folder) / "polnear.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for article in articles:
                record = {
                    "id": article.doc_id,
                    "outlet": article.outlet,
                    "title": article.title,
                    "text": article.text,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        corpus = load_corpus(path)
        table = analyze(corpus).attributions
    table = table[table["zone"] != "headline"]
    loaded = {article.doc_id: article for article in corpus.articles}
    by_doc = {doc_id: rows for doc_id, rows in table.groupby("doc_id", sort=False)}
    predictions = [
        _in_original(loaded[a.doc_id], from_table(by_doc[a.doc_id])) if a.doc_id in by_doc else []
        for a in articles
    ]
    version = load_lexicon().version
    return Evaluation("pipeline", _scores(articles, predictions, verbs), version, verbs)


def _in_original(article: Article, predictions: list[Prediction]) -> list[Prediction]:
    """Predictions with offsets moved from the cleaned text to the text as read."""
    if not article.removals:
        return predictions
    moved = []
    for p in predictions:
        cue = original_span(article, p.cue_start, p.cue_end)
        mention = (
            original_span(article, p.mention_start, p.mention_end)
            if p.mention_start >= 0
            else (-1, -1)
        )
        moved.append(Prediction(p.cue, *cue, *mention))
    return moved
