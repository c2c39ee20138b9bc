"""Scores of the attribution extractor on a tiny hand-written PolNeAR-format fixture."""

# ruff: noqa: RUF001
from __future__ import annotations

import math
from pathlib import Path

import pytest

from toolkit.evaluation import (
    Counts,
    evaluate,
    is_reported_speech,
    overlaps,
    read_polnear,
    speech_cues,
)
from toolkit.evaluation.polnear import DEFAULT_POLNEAR
from toolkit.metrics.attribution import load_lexicon
from toolkit.text import Span

TINY = Path(__file__).parent / "data" / "handwritten_relations.jsonl"


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("said", True),
        ("said in a statement", True),
        ("According to", True),
        ("declined to comment", True),
        ("was announced", True),
        ("citing", True),
        ("argue", False),  # not a listed reporting verb
        ("mocked", False),
        ("don’t like", False),
        ("", False),
    ],
)
def test_reported_speech_subset(cue: str, expected: bool) -> None:
    assert is_reported_speech(cue, speech_cues(load_lexicon())) is expected


def test_overlap_of_discontinuous_spans() -> None:
    assert overlaps((Span(0, 3), Span(10, 12)), (Span(11, 20),))
    assert not overlaps((Span(0, 3),), (Span(3, 5),))
    assert not overlaps((), (Span(0, 5),))


def test_counts_give_nan_when_undefined() -> None:
    assert math.isnan(Counts(0, 0, 0, 4).precision)
    assert math.isnan(Counts(0, 0, 0, 4).f1)
    assert Counts(0, 2, 0, 4).f1 == 0
    assert Counts(1, 2, 3, 4) + Counts(1, 1, 1, 1) == Counts(2, 3, 4, 5)


def test_scores_on_the_tiny_fixture() -> None:
    evaluation = evaluate(read_polnear(TINY, split="dev"))
    alpha, beta = evaluation.scores
    # alpha: "said" and "added" found; "The mayor warned" is not annotated (a false cue);
    # "Critics argue" is outside the subset on both sides.
    assert (alpha.relations, alpha.subset) == (3, 2)
    assert alpha.cue == Counts(correct=2, predicted=3, found=2, gold=2)
    assert alpha.source == Counts(correct=2, predicted=3, found=2, gold=2)
    # beta: "according to" and "Ministers insisted" found; the sourceless "was announced" missed.
    assert beta.cue == Counts(correct=2, predicted=2, found=2, gold=3)
    assert beta.source == Counts(correct=2, predicted=2, found=2, gold=2)
    table = evaluation.table().set_index("outlet")
    assert list(table.index) == ["alpha", "beta", "overall"]
    overall = table.loc["overall"]
    assert overall["articles"] == 2 and overall["subset"] == 5
    assert overall["cue_precision"] == pytest.approx(0.8)
    assert overall["cue_recall"] == pytest.approx(0.8)
    assert overall["source_recall"] == pytest.approx(1.0)
    assert overall["source_f1"] == pytest.approx(2 * 0.8 / 1.8)
    assert table.loc["beta", "cue_recall"] == pytest.approx(2 / 3)
    report = evaluation.report("tiny")
    assert "Reported-speech subset" in report and "overall" in report


@pytest.mark.skipif(not DEFAULT_POLNEAR.is_file(), reason="PolNeAR file absent")
def test_real_polnear_dev_split_reads_and_scores() -> None:
    articles = read_polnear(DEFAULT_POLNEAR, split="dev")[:6]
    table = evaluate(articles).table()
    assert len(articles) == 6
    overall = table.set_index("outlet").loc["overall"]
    assert overall["subset"] > 0 and 0 <= overall["cue_f1"] <= 1
    assert list(table.columns)[:4] == ["outlet", "articles", "relations", "subset"]
