from __future__ import annotations

import pandas as pd
import pytest

from toolkit.compare.texts import texts_for_analysis, tokens
from toolkit.errors import ParameterError
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
    expected = analysis.documents.set_index("doc_id")["n_words"]
    assert words.to_dict() == expected.to_dict()


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


def test_texts_for_analysis_rejects_the_wrong_corpus(analysis, tmp_path) -> None:
    documents = pd.DataFrame({"doc_id": ["not-in-the-sample"]})
    with pytest.raises(ParameterError, match="not-in-the-sample"):
        texts_for_analysis(documents, "")
    assert len(texts_for_analysis(analysis.documents, "")) == 5
