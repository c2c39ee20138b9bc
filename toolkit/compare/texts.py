"""Article texts and sentences for word-level comparisons (distinctive terms, coverage, reuse).

The analysis tables hold measurements, not full texts; these functions load the texts again
from the corpus the analysis was made from. Offsets index ``Article.text`` (the cleaned body),
the same text every evidence offset of the analysis indexes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import pandas as pd

from toolkit.corpus import Article, load_corpus
from toolkit.corpus.validation import OnError
from toolkit.errors import ParameterError
from toolkit.text import sentence_spans, word_offsets, word_strings

TEXT_COLUMNS = ("doc_id", "outlet", "title", "text")
SENTENCE_COLUMNS = ("doc_id", "outlet", "sentence_id", "start", "end", "n_words", "sentence")


def load_texts(
    corpus_path: str | os.PathLike[str] = "", *, on_error: OnError = "raise"
) -> pd.DataFrame:
    """One row per article (doc_id, outlet, title, text), sorted by doc_id.

    ``corpus_path`` is what ``toolkit.load_corpus`` reads; an empty string means the bundled
    sample corpus. ``on_error="skip"`` leaves out articles the loader rejects, as an analysis
    made with ``--on-error skip`` does.
    """
    corpus = load_corpus(str(corpus_path) or None, on_error=on_error)
    return texts_table(corpus.articles)


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


def texts_for_analysis(documents: pd.DataFrame, corpus_path: str = "") -> pd.DataFrame:
    """The texts of the analysed articles, loaded from ``corpus_path`` ("" = the sample corpus).

    Raises ParameterError when the corpus lacks articles the analysis has (the wrong corpus was
    given), naming a few of them; articles the analysis left out are dropped.
    """
    require_columns(documents, ("doc_id",), "documents")
    texts = load_texts(corpus_path, on_error="skip")
    wanted = set(documents["doc_id"].astype(str))
    missing = sorted(wanted - set(texts["doc_id"]))
    if missing:
        raise ParameterError(
            f"The 'corpus_path' parameter must name the corpus the analysis was made from: "
            f"{len(missing)} analysed article(s) are not in {corpus_path or 'the sample corpus'!r}"
            f" (e.g. {missing[:3]})."
        )
    return texts[texts["doc_id"].isin(wanted)].reset_index(drop=True)
