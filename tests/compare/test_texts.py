from __future__ import annotations

import pandas as pd

import toolkit
from toolkit.compare.texts import sentence_table, tokens
from toolkit.text import word_offsets, word_spans


def test_texts_hold_every_sample_article(texts: pd.DataFrame) -> None:
    assert len(texts) == 5
    assert sorted(texts["outlet"].unique()) == [
        "MENAFN",
        "NewsPublicy",
        "The Voice",
        "Unusual Whales",
    ]
    assert texts["doc_id"].is_monotonic_increasing


def test_sentence_offsets_index_the_text(texts: pd.DataFrame, sentences: pd.DataFrame) -> None:
    by_id = dict(zip(texts["doc_id"], texts["text"], strict=True))
    for row in sentences.itertuples():
        assert by_id[row.doc_id][row.start : row.end] == row.sentence


def test_sentence_words_add_up_to_the_analysis_words(analysis, sentences: pd.DataFrame) -> None:
    words = sentences.groupby("doc_id")["n_words"].sum()
    documents = analysis.documents.set_index("doc_id")
    expected = documents["n_words"] - documents["n_headline_words"]
    assert words.to_dict() == expected.to_dict()


def test_texts_rebuilt_from_the_analysis_keep_every_offset(
    texts: pd.DataFrame, sentences: pd.DataFrame
) -> None:
    """The rebuilt body differs from the article only in the whitespace between sentences."""
    originals = {a.doc_id: a.text for a in toolkit.load_corpus().articles}
    for row in texts.itertuples():
        original = originals[row.doc_id]
        assert len(row.text) <= len(original)
        assert row.text.split() == original[: len(row.text)].split()
    again = sentence_table(texts)
    assert again[["doc_id", "start", "end", "sentence"]].equals(
        sentences[["doc_id", "start", "end", "sentence"]]
    )


def test_word_offsets_and_tokens_match_the_text_layer() -> None:
    text = "Iran\u2019s attack on Saturday, involving 99% of U.S. drones."
    assert word_offsets(text) == [(s.start, s.end) for s in word_spans(text)]
    assert tokens(text) == [
        "iran's",
        "attack",
        "on",
        "saturday",
        "involving",
        "99",
        "of",
        "u.s",
        "drones",
    ]
