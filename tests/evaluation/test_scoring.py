"""Scores of the attribution extractor on a tiny hand-written PolNeAR-format fixture."""

# ruff: noqa: RUF001
from __future__ import annotations

import math
from pathlib import Path

import pytest

from toolkit.evaluation import (
    Counts,
    evaluate,
    evaluate_pipeline,
    is_reported_speech,
    overlaps,
    read_polnear,
    speech_verbs,
)
from toolkit.evaluation.polnear import DEFAULT_POLNEAR
from toolkit.text import Span

TINY = Path(__file__).parent / "data" / "handwritten_relations.jsonl"


@pytest.mark.parametrize(
    ("cue", "expected"),
    [
        ("said", True),
        ("said in a statement", True),
        ("was asked", True),  # 37.1 ask
        ("argued", True),  # 37.6 argue
        ("e-mailed", True),  # 37.4
        ("warned", True),  # 37.9
        ("According to", False),  # not a verb
        ("added", False),  # a reporting verb Levin files elsewhere
        ("citing", True),  # 37.1 cite
        ("mocked", False),
        ("don’t like", False),
        ("", False),
    ],
)
def test_reported_speech_subset_is_levin_class_37(cue: str, expected: bool) -> None:
    assert is_reported_speech(cue) is expected


def test_verb_list_is_fixed_data_with_its_citation() -> None:
    verbs = speech_verbs()
    assert verbs.name == "levin-37-communication-verbs" and verbs.version == "1.0.0"
    assert "Levin, B. (1993)" in verbs.citation and "pp. 202-211" in verbs.citation
    sections = dict(verbs.lemmas)
    assert sections["say"] == ("37.7",) and sections["tell"] == ("37.1", "37.2")
    assert len(verbs.lemmas) == 163  # distinct verbs of 37.1-37.9
    assert {"said", "told", "asked", "shouted"} <= verbs.forms and "added" not in verbs.forms


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
    alpha, beta = evaluation.scores["subset"]
    # alpha: "said" and "added" annotated; "added" is outside Levin's class 37, so the subset
    # holds "said" only; "The mayor warned" is found but not annotated (a false cue); "Critics
    # argue" is annotated and found.
    assert (alpha.relations, alpha.subset) == (3, 2)
    assert alpha.cue == Counts(correct=2, predicted=3, found=2, gold=2)
    assert alpha.source == Counts(correct=2, predicted=3, found=2, gold=2)
    # beta: "according to" is outside the subset; "Ministers insisted" too; "was announced"
    # (no source) is in it and missed.
    assert (beta.relations, beta.subset) == (3, 1)
    assert beta.cue == Counts(correct=0, predicted=0, found=0, gold=1)
    table = evaluation.table("subset").set_index("outlet")
    assert list(table.index) == ["alpha", "beta", "overall"]
    overall = table.loc["overall"]
    assert overall["articles"] == 2 and overall["scored"] == 3
    assert overall["cue_precision"] == pytest.approx(2 / 3)
    assert overall["cue_recall"] == pytest.approx(2 / 3)
    every = evaluation.table("all").set_index("outlet").loc["overall"]
    assert every["scored"] == 6
    assert every["cue_recall"] == pytest.approx(5 / 6)  # all but "was announced"
    report = evaluation.report("tiny")
    assert "Reported-speech subset" in report and "All relations" in report
    assert "Levin" in report


def test_pipeline_scores_the_attributions_table_in_original_offsets() -> None:
    articles = read_polnear(TINY, split="dev")
    pipeline = evaluate_pipeline(articles)
    direct = evaluate(articles)
    assert pipeline.run == "pipeline"
    # The fixture has no boilerplate: the table gives what the extractor gives.
    assert pipeline.scores == direct.scores


@pytest.mark.skipif(not DEFAULT_POLNEAR.is_file(), reason="PolNeAR file absent")
def test_real_polnear_dev_split_reads_and_scores() -> None:
    articles = read_polnear(DEFAULT_POLNEAR, split="dev")[:6]
    table = evaluate_pipeline(articles).table()
    assert len(articles) == 6
    overall = table.set_index("outlet").loc["overall"]
    assert overall["scored"] > 0 and 0 <= overall["cue_f1"] <= 1
    assert list(table.columns)[:4] == ["outlet", "articles", "relations", "scored"]
