"""Tone: VADER sentiment per sentence and the lexicon words behind it (Hutto & Gilbert 2014).

VADER (Valence Aware Dictionary and sEntiment Reasoner) scores a sentence from a lexicon of
about 7,500 words rated from -4 (most negative) to +4 (most positive) plus rules for negation,
intensifiers, "but" and punctuation. Its compound score runs from -1 (most negative) to +1
(most positive); the authors call a sentence positive at >= 0.05 and negative at <= -0.05.
Following their advice for texts longer than a sentence, each sentence is scored on its own.

The scoring is NLTK's implementation (``nltk.sentiment.vader``) with the lexicon shipped in
``toolkit/data/vader_lexicon.txt`` (vaderSentiment 3.3.2, MIT; provenance and licence in
``vader_lexicon.LICENSE``, fetched by ``scripts/fetch_vader_lexicon.py``). Nothing is read from
NLTK's data folders and nothing is downloaded.

The word counts are plain lexicon hits (any word whose valence is above or below 0), each with
an evidence row; they are NOT adjusted for negation or intensifiers ("not good" counts "good" as
positive), and they ignore capitalisation, so names can count ("United" in "United States" is
+1.8, as in VADER itself); the evidence rows show every such hit. The compound scores are the
context-aware measure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from importlib import resources

from nltk.sentiment.vader import SentimentIntensityAnalyzer, VaderConstants

from toolkit.corpus.article import Article
from toolkit.metrics.base import Evidence, FamilyResult, per_thousand
from toolkit.text import Segmented

FAMILY = "tone"
POSITIVE_THRESHOLD = 0.05
"""A sentence with compound >= 0.05 is positive (Hutto & Gilbert's recommended cut-off)."""
NEGATIVE_THRESHOLD = -0.05
"""A sentence with compound <= -0.05 is negative."""


class _ShippedLexiconAnalyzer(SentimentIntensityAnalyzer):  # type: ignore[misc]
    """NLTK's VADER analyzer fed the shipped lexicon as text.

    ``SentimentIntensityAnalyzer.__init__`` reads its lexicon through ``nltk.data.load``, whose
    path sandbox (NLTK 3.10) opens only files under ``nltk.data.path``; adding our folder to that
    list would change global state, so this sets the same three attributes directly instead
    (``tests/metrics/test_sentiment.py`` checks the result against known VADER scores).
    """

    def __init__(self, lexicon_text: str) -> None:
        self.lexicon_file = lexicon_text
        self.lexicon = self.make_lex_dict()
        self.constants = VaderConstants()


@cache
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """The VADER analyzer over the shipped lexicon, built on first use and then reused."""
    lexicon = resources.files("toolkit").joinpath("data/vader_lexicon.txt").read_text("utf-8")
    return _ShippedLexiconAnalyzer(lexicon)


def vader_lexicon() -> Mapping[str, float]:
    """The VADER lexicon: lower-case token -> mean valence, from -4 (negative) to +4 (positive)."""
    lexicon: Mapping[str, float] = vader_analyzer().lexicon
    return lexicon


def compound(sentence: str) -> float:
    """VADER compound score of one sentence: -1 (most negative) to +1 (most positive).

    Curly apostrophes (U+2019) are read as straight ones first, so VADER's negations ("won't",
    "don't") are recognised in typeset news text.
    """
    return float(vader_analyzer().polarity_scores(_straight(sentence))["compound"])


def _straight(text: str) -> str:
    return text.replace("\u2019", "'")


def _sentences_with_words(doc: Segmented) -> list[str]:
    indices = sorted({doc.sentence_index(span.start) for span in doc.words})
    return [doc.text[doc.sentences[i].start : doc.sentences[i].end] for i in indices]


def lexicon_evidence(article: Article, doc: Segmented) -> tuple[Evidence, ...]:
    """One evidence row per word with a VADER valence: category "positive" or "negative",
    rule ``"vader:<lexicon entry>"``, weight the valence (-4 to +4)."""
    lexicon = vader_lexicon()
    rows: list[Evidence] = []
    for span in doc.words:
        word = doc.text[span.start : span.end]
        entry = _straight(word.lower())
        valence = lexicon.get(entry)
        if valence is None or valence == 0:
            continue
        rows.append(
            Evidence(
                doc_id=article.doc_id,
                family=FAMILY,
                category="positive" if valence > 0 else "negative",
                rule=f"vader:{entry}",
                start=span.start,
                end=span.end,
                text=word,
                weight=valence,
            )
        )
    return tuple(rows)


def measure(article: Article, doc: Segmented) -> FamilyResult:
    """Tone of one article.

    ``tone_compound_mean``: mean sentence compound score, -1 (negative) to +1 (positive).
    ``tone_positive_share`` / ``tone_negative_share``: share of sentences (0 to 1) with compound
    >= 0.05 / <= -0.05. These three are NaN when the article has no sentence with a word.
    ``tone_positive_words_count`` / ``tone_negative_words_count``: lexicon words with positive /
    negative valence (one evidence row each), with ``_per_1k`` rates per 1,000 words (NaN
    without words).
    """
    scores = [compound(sentence) for sentence in _sentences_with_words(doc)]
    evidence = lexicon_evidence(article, doc)
    positive = sum(1 for row in evidence if row.category == "positive")
    negative = len(evidence) - positive
    if scores:
        mean = math.fsum(scores) / len(scores)
        positive_share = sum(1 for s in scores if s >= POSITIVE_THRESHOLD) / len(scores)
        negative_share = sum(1 for s in scores if s <= NEGATIVE_THRESHOLD) / len(scores)
    else:
        mean = positive_share = negative_share = math.nan
    return FamilyResult(
        family=FAMILY,
        values={
            "tone_compound_mean": mean,
            "tone_positive_share": positive_share,
            "tone_negative_share": negative_share,
            "tone_positive_words_count": positive,
            "tone_positive_words_per_1k": per_thousand(positive, doc.n_words),
            "tone_negative_words_count": negative,
            "tone_negative_words_per_1k": per_thousand(negative, doc.n_words),
        },
        evidence=evidence,
    )
