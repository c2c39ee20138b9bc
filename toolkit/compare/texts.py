"""Article texts and sentences for word-level comparisons (distinctive terms, coverage, reuse).

They come from the analysis's ``sentences`` table, never from the corpus again:
``analysis_sentences`` keeps the body's sentences, ``analysis_texts`` rebuilds each body text
with every sentence at its offsets (the whitespace between sentences becomes line breaks).
Offsets index ``Article.text`` (the cleaned body), the same text every body evidence offset of
the analysis indexes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pandas as pd

from toolkit.corpus import Article
from toolkit.errors import ParameterError
from toolkit.text import sentence_spans, word_offsets, word_strings

TEXT_COLUMNS = ("doc_id", "outlet", "title", "text")
SENTENCE_COLUMNS = ("doc_id", "outlet", "sentence_id", "start", "end", "n_words", "sentence")


def analysis_sentences(sentences: pd.DataFrame) -> pd.DataFrame:
    """The body sentences of an analysis's ``sentences`` table in the layout of
    ``sentence_table``: ``sentence_id`` is the analysis's sentence number (headline sentences
    come first there, so a body's first ``sentence_id`` is the number of headline sentences)."""
    require_columns(
        sentences, ("doc_id", "outlet", "sentence", "zone", "start", "end", "n_words", "text"),
        "sentences",
    )  # fmt: skip
    body = sentences[sentences["zone"] != "headline"]
    table = pd.DataFrame(
        {
            "doc_id": body["doc_id"].astype(str),
            "outlet": body["outlet"].astype(str),
            "sentence_id": body["sentence"].astype("int64"),
            "start": body["start"].astype("int64"),
            "end": body["end"].astype("int64"),
            "n_words": body["n_words"].astype("int64"),
            "sentence": body["text"].astype(str),
        }
    )
    return table.sort_values(["doc_id", "sentence_id"], kind="stable").reset_index(drop=True)


def analysis_texts(documents: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per analysed article (doc_id, outlet, title, text), from the analysis tables.

    ``text`` holds every body sentence at its offset in ``Article.text``; what lay between
    sentences (whitespace) is written as line breaks, so offsets into it are offsets into the
    article text.
    """
    require_columns(documents, ("doc_id", "outlet", "title"), "documents")
    body = analysis_sentences(sentences)
    pieces: dict[str, list[str]] = {}
    ends: dict[str, int] = {}
    for doc_id, start, end, sentence in zip(
        body["doc_id"], body["start"], body["end"], body["sentence"], strict=True
    ):
        parts = pieces.setdefault(doc_id, [])
        parts.append("\n" * (int(start) - ends.get(doc_id, 0)))
        parts.append(sentence)
        ends[doc_id] = int(end)
    rows = [
        (str(doc_id), str(outlet), str(title), "".join(pieces.get(str(doc_id), [])))
        for doc_id, outlet, title in zip(
            documents["doc_id"], documents["outlet"], documents["title"], strict=True
        )
    ]
    table = pd.DataFrame(rows, columns=list(TEXT_COLUMNS))
    return table.sort_values("doc_id", kind="stable").reset_index(drop=True)


def texts_table(articles: Iterable[Article]) -> pd.DataFrame:
    """The texts table of already loaded articles, sorted by doc_id."""
    rows = [(a.doc_id, a.outlet, a.title, a.text) for a in articles]
    table = pd.DataFrame(rows, columns=list(TEXT_COLUMNS))
    return table.sort_values("doc_id", kind="stable").reset_index(drop=True)


def sentence_table(texts: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: doc_id, outlet, sentence_id (0-based within the article), start,
    end (offsets into the article text), n_words and the sentence itself.

    Sentences and words are those of ``toolkit.text.segment``, as in the analysis.
    """
    require_columns(texts, ("doc_id", "outlet", "text"), "texts")
    rows: list[tuple[str, str, int, int, int, int, str]] = []
    for doc_id, outlet, text in zip(texts["doc_id"], texts["outlet"], texts["text"], strict=True):
        body = str(text)
        word_starts = [start for start, _ in word_offsets(body)]
        position = 0
        for index, span in enumerate(sentence_spans(body)):
            first = position
            while position < len(word_starts) and word_starts[position] < span.end:
                position += 1
            rows.append(
                (
                    str(doc_id),
                    str(outlet),
                    index,
                    span.start,
                    span.end,
                    position - first,
                    body[span.start : span.end],
                )
            )
    return pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))


def tokens(text: str) -> list[str]:
    """The words of ``text`` (as ``toolkit.text.word_spans`` finds them), lower-cased, with
    curly apostrophes made straight."""
    return [word.lower().replace("\u2019", "'") for word in word_strings(text)]


def require_columns(table: pd.DataFrame, columns: Iterable[str], name: str) -> None:
    """Raise ParameterError naming every column ``table`` lacks."""
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise ParameterError(
            f"The {name!r} table lacks the column(s) {missing}; it has {list(table.columns)}."
        )


WORD_LEVEL_ARTICLES = 2000
"""How many articles, at most, the word-level comparisons read (spread evenly over outlets)."""


def sample_documents(
    documents: pd.DataFrame, *, total: int = WORD_LEVEL_ARTICLES, minimum: int = 20
) -> pd.DataFrame:
    """The articles word-level comparisons read: every article when there are at most
    ``total``; else up to ``max(minimum, total // outlets)`` per outlet.

    The articles of an outlet are chosen by the SHA-256 of their ids (the lowest first), so the
    choice is the same on every run and does not change when other outlets are added. Rows come
    sorted by doc_id.
    """
    require_columns(documents, ("doc_id", "outlet"), "documents")
    if len(documents) <= total:
        return documents.sort_values("doc_id", kind="stable").reset_index(drop=True)
    per_outlet = max(minimum, total // max(documents["outlet"].nunique(), 1))
    keys = [
        hashlib.sha256(str(doc_id).encode("utf-8")).hexdigest() for doc_id in documents["doc_id"]
    ]
    ranked = documents.assign(_key=keys).sort_values(["outlet", "_key"], kind="stable")
    chosen = ranked.groupby("outlet", sort=False).head(per_outlet).drop(columns="_key")
    return chosen.sort_values("doc_id", kind="stable").reset_index(drop=True)
