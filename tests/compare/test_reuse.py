from __future__ import annotations

import pandas as pd
import pytest

from toolkit.compare.reuse import ReuseSettings, aligned_sentences, reuse_matrix, reuse_shares
from toolkit.errors import ParameterError


def test_the_ledes_are_aligned_across_outlets(sentences: pd.DataFrame) -> None:
    aligned = aligned_sentences(sentences)
    pairs = set(aligned[["outlet", "other_outlet"]].itertuples(index=False, name=None))
    assert pairs == {
        ("MENAFN", "The Voice"),
        ("MENAFN", "Unusual Whales"),
        ("The Voice", "MENAFN"),
        ("The Voice", "Unusual Whales"),
        ("Unusual Whales", "MENAFN"),
        ("Unusual Whales", "The Voice"),
    }
    voice = aligned[
        (aligned["outlet"] == "The Voice") & (aligned["other_outlet"] == "Unusual Whales")
    ]
    assert voice.iloc[0]["sentence"].startswith("Amid escalating tensions")
    assert voice.iloc[0]["other_sentence"].startswith("resident Joe Biden informed")
    assert (aligned["jaccard"] >= 0.3).all()


def test_matrix_and_shares(sentences: pd.DataFrame) -> None:
    aligned = aligned_sentences(sentences)
    matrix = reuse_matrix(sentences, aligned)
    assert matrix.loc["Unusual Whales", "The Voice"] == pytest.approx(36 / 324)
    assert matrix.loc["NewsPublicy"].fillna(0).sum() == 0
    shares = reuse_shares(sentences, aligned).set_index("outlet")
    assert shares.loc["Unusual Whales", "share"] == pytest.approx(36 / 324)
    assert shares.loc["MENAFN", "reused_sentences"] == 2


def test_copied_sentences_match_with_trigram_shingles() -> None:
    sentence = "The attack involved more than three hundred drones and missiles launched at night."
    table = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["A", "B", "A"],
            "sentence_id": [0, 0, 0],
            "sentence": [
                sentence,
                sentence,
                "A completely different sentence about the weather today.",
            ],
            "n_words": [13, 13, 8],
        }
    )
    aligned = aligned_sentences(table, ReuseSettings(shingle=3, threshold=0.5))
    assert aligned[["outlet", "doc_id", "other_doc_id", "jaccard"]].values.tolist() == [
        ["A", "a", "b", 1.0],
        ["B", "b", "a", 1.0],
    ]


def test_bad_settings() -> None:
    with pytest.raises(ParameterError, match="threshold"):
        ReuseSettings(threshold=0)


def test_too_many_candidates_stop_with_a_clear_error(sentences: pd.DataFrame) -> None:
    with pytest.raises(ParameterError, match="too many common words"):
        aligned_sentences(sentences, ReuseSettings(max_candidates=1))


def test_settings_follow_the_size_of_the_comparison() -> None:
    from toolkit.compare import describe_settings, reuse_settings_for
    from toolkit.compare.reuse import PARAPHRASE_LIMIT

    small = reuse_settings_for(pd.DataFrame({"sentence": ["x"] * 10}))
    large = reuse_settings_for(pd.DataFrame({"sentence": ["x"] * (PARAPHRASE_LIMIT + 1)}))
    assert (small.shingle, small.threshold) == (1, 0.3)
    assert (large.shingle, large.threshold) == (3, 0.5)
    assert describe_settings(large).startswith("Looking for copied text: sentences of at least 8")
