from __future__ import annotations

import pandas as pd
import pytest

from toolkit.compare.models import outlet_differences
from toolkit.compare.summary import summary_sentences
from toolkit.errors import ParameterError


def _difference(**values: object) -> dict[str, object]:
    row: dict[str, object] = {
        "measure": "hedging/hedges",
        "comparison": "pair",
        "outlet_a": "Outlet A",
        "outlet_b": "Outlet B",
        "count_a": 21.0,
        "count_b": 4.0,
        "articles_a": 12,
        "articles_b": 10,
        "rate_a": 2.1,
        "rate_b": 0.4,
        "log_rate_ratio": 1.6487,
        "rate_ratio": 5.2,
        "p_holm": 0.003,
        "p_bh": 0.003,
        "significant_holm": True,
        "significant_bh": True,
        "test": "wald",
        "adjustment": "none",
        "replicated": True,
    }
    row.update(values)
    return row


def test_a_difference_that_holds_reads_like_a_paper() -> None:
    table = pd.DataFrame([_difference()])
    assert summary_sentences(table, labels={"hedging/hedges": "hedges"}) == [
        "Outlet A has a higher rate of hedges than Outlet B (2.1 vs 0.4 per 1,000 words, "
        "rate ratio 5.2, Holm-adjusted p = 0.003)."
    ]


def test_the_higher_outlet_comes_first_and_adjustments_and_exact_tests_are_named() -> None:
    flipped = _difference(
        rate_a=0.42, rate_b=3.0, log_rate_ratio=-1.9, rate_ratio=0.15, adjustment="topic"
    )
    exact = _difference(
        outlet_b="Outlet C",
        rate_b=0.0,
        count_b=0.0,
        log_rate_ratio=float("inf"),
        rate_ratio=float("inf"),
        test="exact_conditional",
        p_holm=0.0004,
    )
    none_first = _difference(
        outlet_a="Outlet 0",
        rate_a=0.0,
        count_a=0.0,
        log_rate_ratio=float("-inf"),
        rate_ratio=0.0,
        test="exact_conditional",
        p_holm=0.02,
    )
    sentences = summary_sentences(pd.DataFrame([flipped, exact, none_first]))
    assert sentences == [
        "Outlet A has a higher rate of hedging/hedges than Outlet C (2.1 vs 0 per 1,000 "
        "words, 21 vs none, exact conditional test, not adjusted for topic, Holm-adjusted "
        "p < 0.001).",
        "Outlet B has a higher rate of hedging/hedges than Outlet A (3.0 vs 0.42 per 1,000 "
        "words, topic-adjusted rate ratio 6.7, Holm-adjusted p = 0.003).",
        "Outlet B has a higher rate of hedging/hedges than Outlet 0 (0.4 vs 0 per 1,000 "
        "words, 4 vs none, exact conditional test, not adjusted for topic, Holm-adjusted "
        "p = 0.02).",
    ]


def test_pairs_without_a_shared_story_are_counted_not_hidden() -> None:
    apart = _difference(
        outlet_b="Outlet Z",
        test="not_identified",
        adjustment="topic",
        significant_holm=False,
        p_holm=1.0,
    )
    assert summary_sentences(pd.DataFrame([apart])) == [
        "No difference in hedging/hedges is significant after Holm correction (2 outlets, 1 pair).",
        "1 comparison in hedging/hedges could not be made: the outlets share no topic, so "
        "their difference cannot be told from their choice of stories.",
    ]


def test_one_clear_sentence_when_no_difference_holds() -> None:
    counts = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(19)],
            "outlet": [f"Outlet {i:02d}" for i in range(19)],
            "measure": "hedging/hedges",
            "count": [float(i % 9) for i in range(19)],
            "words": [float(160 + 8 * i) for i in range(19)],
        }
    )
    table = outlet_differences(counts)
    assert summary_sentences(table, labels={"hedging/hedges": "hedges"}) == [
        "With one article per outlet, no difference in hedges is significant after Holm "
        "correction (19 outlets, 171 pairs)."
    ]
    assert summary_sentences(table, correction="bh")[0].endswith(
        "significant after Benjamini-Hochberg correction (19 outlets, 171 pairs)."
    )


def test_long_lists_are_cut_with_a_count_and_single_articles_are_flagged() -> None:
    rows = [
        _difference(outlet_b=f"Outlet {name}", p_holm=0.001 * (k + 1), replicated=k > 0)
        for k, name in enumerate("BCDEF")
    ]
    sentences = summary_sentences(pd.DataFrame(rows), per_measure=2)
    assert len(sentences) == 4
    assert sentences[2] == (
        "3 more differences in hedging/hedges hold after Holm correction (of 5 comparisons)."
    )
    assert sentences[3].startswith("Where an outlet has a single article")


def test_against_the_rest_and_bad_parameters() -> None:
    row = _difference(comparison="vs_rest", outlet_b="(all other outlets)")
    assert "than the other outlets together (" in summary_sentences(pd.DataFrame([row]))[0]
    with pytest.raises(ParameterError, match="'correction'"):
        summary_sentences(pd.DataFrame([row]), correction="bonferroni")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="lacks the column"):
        summary_sentences(pd.DataFrame([{"measure": "m"}]))


def test_measures_where_nothing_holds_share_one_sentence_after_those_where_something_does() -> None:
    quiet = {"significant_holm": False, "p_holm": 0.6}
    rows = [
        _difference(measure="attribution/anonymous", **quiet),
        _difference(measure="hedging/boosters", **quiet),
        _difference(measure="hedging/hedges"),
        _difference(measure="labels/labels", **quiet),
        _difference(measure="labels/labels", outlet_b="Outlet C", **quiet),
    ]
    labels = {
        "attribution/anonymous": "anonymous sources",
        "hedging/boosters": "boosters",
        "hedging/hedges": "hedges",
        "labels/labels": "loaded labels",
    }
    assert summary_sentences(pd.DataFrame(rows), labels=labels) == [
        "Outlet A has a higher rate of hedges than Outlet B (2.1 vs 0.4 per 1,000 words, "
        "rate ratio 5.2, Holm-adjusted p = 0.003).",
        "No difference in anonymous sources or boosters is significant after Holm correction "
        "(2 outlets, 1 pair each).",
        "No difference in loaded labels is significant after Holm correction (3 outlets, 2 pairs).",
    ]


def test_comparisons_without_a_shared_story_are_counted_in_one_sentence() -> None:
    apart = {
        "test": "not_identified",
        "adjustment": "topic",
        "significant_holm": False,
        "p_holm": 1.0,
        "articles_a": 1,
        "articles_b": 1,
    }
    rows = [
        _difference(measure="hedging/boosters", **apart),
        _difference(measure="hedging/hedges", **apart),
        _difference(measure="hedging/hedges", outlet_b="Outlet C", **apart),
    ]
    assert summary_sentences(pd.DataFrame(rows)) == [
        "With one article per outlet, no difference in hedging/boosters is significant after "
        "Holm correction (2 outlets, 1 pair).",
        "With one article per outlet, no difference in hedging/hedges is significant after "
        "Holm correction (3 outlets, 2 pairs).",
        "Some comparisons could not be made because the outlets share no topic, so their "
        "difference cannot be told from their choice of stories: 1 in hedging/boosters and "
        "2 in hedging/hedges.",
    ]
