from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from scipy import stats
from statsmodels.stats import rates as statsmodels_rates
from statsmodels.stats.multitest import multipletests

from toolkit.compare.models import (
    EXACT,
    NOT_IDENTIFIED,
    REST,
    VS_REST,
    WALD,
    conditional_rate_test,
    outlet_differences,
)
from toolkit.errors import ParameterError


def _counts(docs: list[tuple[str, float, float]], *, topics: list[str] | None = None):
    """One measure; docs are (outlet, count, words), doc ids numbered in order."""
    table = pd.DataFrame(
        {
            "doc_id": [f"d{i:04d}" for i in range(len(docs))],
            "outlet": [d[0] for d in docs],
            "measure": "hedging/hedges",
            "count": [float(d[1]) for d in docs],
            "words": [float(d[2]) for d in docs],
        }
    )
    if topics is not None:
        table["topic"] = topics
    return table


def _row(table: pd.DataFrame, a: str, b: str) -> pd.Series:
    return table[(table["outlet_a"] == a) & (table["outlet_b"] == b)].iloc[0]


def test_wald_contrast_equals_the_hand_computation() -> None:
    a = [("A", h, 500) for h in (0, 4, 9, 1, 6)]  # 20 hits in 2,500 words, overdispersed
    b = [("B", h, 400) for h in (2, 1, 3, 2, 2)]  # 10 hits in 2,000 words
    row = outlet_differences(_counts(a + b)).iloc[0]
    assert row["test"] == WALD and row["adjustment"] == "none" and row["replicated"]
    assert (row["rate_a"], row["rate_b"]) == pytest.approx((8.0, 5.0))
    assert row["log_rate_ratio"] == pytest.approx(math.log(8 / 5))  # ratio of pooled rates
    # Sandwich by hand: var(log rate) = sum of squared residuals / count^2, times n / (n - p)
    residuals_a = np.array([0, 4, 9, 1, 6]) - 20 * 500 / 2500
    residuals_b = np.array([2, 1, 3, 2, 2]) - 10 * 400 / 2000
    robust = (np.sum(residuals_a**2) / 20**2 + np.sum(residuals_b**2) / 10**2) * 10 / 8
    # Quasi-Poisson: Pearson X^2 / (n - p) times the Poisson variance 1/20 + 1/10
    dispersion = (np.sum(residuals_a**2) / 4 + np.sum(residuals_b**2) / 2) / 8
    assert row["dispersion"] == pytest.approx(dispersion)
    quasi = dispersion * (1 / 20 + 1 / 10)
    assert 1 / 20 + 1 / 10 < robust < quasi  # here the quasi-Poisson floor is the larger
    assert row["se"] == pytest.approx(math.sqrt(quasi))
    robust = quasi
    z = math.log(8 / 5) / math.sqrt(robust)
    assert row["z"] == pytest.approx(z)
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(z))
    assert row["ratio_low"] == pytest.approx(math.exp(math.log(1.6) - 1.959964 * row["se"]))


def test_topic_model_errors_match_statsmodels_on_the_documents() -> None:
    rng = np.random.default_rng(7)
    outlets = np.repeat(["A", "B", "C"], 12)
    topics = rng.choice(["economy", "sport", "war"], 36)
    words = rng.integers(200, 900, 36).astype(float)
    hits = rng.negative_binomial(2, 0.4, 36).astype(float)
    counts = _counts(list(zip(outlets, hits, words, strict=True)), topics=list(topics))
    row = _row(outlet_differences(counts), "A", "C")
    design = pd.get_dummies(counts[["outlet", "topic"]], dtype=float).drop(columns="topic_economy")
    fit = sm.GLM(hits, design, family=sm.families.Poisson(), offset=np.log(words)).fit(
        cov_type="cluster", cov_kwds={"groups": np.arange(36)}
    )
    contrast = np.zeros(design.shape[1])
    contrast[[0, 2]] = [1, -1]
    assert row["adjustment"] == "topic"
    assert row["log_rate_ratio"] == pytest.approx(float(contrast @ fit.params), rel=1e-6)
    robust_se = math.sqrt(float(contrast @ fit.cov_params().to_numpy() @ contrast))
    assert row["se"] >= robust_se - 1e-9  # the floor can only raise it
    model = sm.GLM(hits, design, family=sm.families.Poisson(), offset=np.log(words)).fit()
    model_se = math.sqrt(float(contrast @ model.cov_params().to_numpy() @ contrast))
    dispersion = max(1.0, row["dispersion"])
    assert row["se"] == pytest.approx(max(robust_se, math.sqrt(dispersion) * model_se), rel=1e-6)


def test_a_vanishing_sandwich_cannot_make_a_difference_significant() -> None:
    # Every article has exactly its outlet's rate: the residuals, hence the sandwich, are 0.
    counts = _counts([("A", 1, 100)] * 3 + [("B", 2, 100)] * 3)
    row = outlet_differences(counts).iloc[0]
    assert row["test"] == WALD
    assert row["se"] == pytest.approx(math.sqrt(1 / 3 + 1 / 6))  # the Poisson model error
    assert row["p_value"] == pytest.approx(2 * stats.norm.sf(math.log(2) / row["se"]))
    assert row["p_value"] > 0.3 and not row["significant_holm"]


def test_an_outlet_without_hits_gets_the_exact_test_not_an_infinite_z() -> None:
    counts = _counts([("A", 0, 400)] * 5 + [("B", 1, 400)] + [("B", 0, 400)] * 4)
    row = outlet_differences(counts).iloc[0]
    assert row["test"] == EXACT and math.isnan(row["z"]) and math.isnan(row["se"])
    assert row["p_value"] == 1.0  # one hit split 0 : 1 on equal words
    assert row["rate_ratio"] == 0 and row["ratio_low"] == 0
    assert not row["significant_holm"] and not row["significant_bh"]
    many = _counts([("A", 0, 400)] * 5 + [("B", 8, 400)] * 5)
    row = outlet_differences(many).iloc[0]
    assert row["test"] == EXACT
    assert row["p_value"] == pytest.approx(2 * 0.5**40)  # 0 of 40 hits on half the words
    assert row["ratio_high"] == pytest.approx(
        (1 - 0.025 ** (1 / 40)) / 0.025 ** (1 / 40)  # Clopper-Pearson upper bound, as odds
    )


def test_a_contrast_left_unidentified_by_topics_falls_back_to_the_exact_test() -> None:
    # A writes only on topic t1, where B has no hit; B's hits are all in t2: separation.
    counts = _counts(
        [("A", 5, 300), ("A", 4, 300), ("B", 0, 300), ("B", 0, 300), ("B", 3, 300)],
        topics=["t1", "t1", "t1", "t1", "t2"],
    )
    row = outlet_differences(counts).iloc[0]
    assert row["test"] == EXACT and row["adjustment"] == "none"
    assert row["p_value"] == pytest.approx(float(conditional_rate_test(9, 600, 3, 900)[0][()]))


def test_outlets_without_a_shared_story_are_not_compared_others_are() -> None:
    # C writes only on t2, which nobody else covers: its outlet and story effects are one.
    docs = [("A", 3, 300), ("A", 5, 300), ("B", 1, 300), ("B", 2, 300), ("C", 9, 300)]
    table = outlet_differences(_counts(docs, topics=["t1", "t1", "t1", "t1", "t2"]))
    assert _row(table, "A", "B")["test"] == WALD
    assert _row(table, "A", "B")["adjustment"] == "topic"
    apart = _row(table, "A", "C")
    assert apart["test"] == NOT_IDENTIFIED and apart["adjustment"] == "topic"
    assert apart["p_value"] == 1.0 and math.isnan(apart["ratio_low"])
    assert apart["rate_ratio"] == pytest.approx((8 / 600) / (9 / 300))  # pooled, for reading
    unadjusted = outlet_differences(_counts(docs), adjust_for=None)
    assert _row(unadjusted, "A", "C")["test"] == WALD


def test_exactly_equal_rates_give_p_equal_to_one() -> None:
    same = _counts([("A", 3, 500), ("A", 1, 500), ("B", 3, 500), ("B", 1, 500)])
    row = outlet_differences(same).iloc[0]
    assert row["test"] == WALD and row["log_rate_ratio"] == 0 and row["p_value"] == 1.0
    nothing = _counts([("A", 0, 500), ("B", 0, 700)])
    row = outlet_differences(nothing).iloc[0]
    assert row["p_value"] == 1.0 and row["p_holm"] == 1.0
    assert math.isnan(row["rate_ratio"])  # 0 / 0: no ratio, but no NaN p-value either


def test_one_article_per_outlet_compares_texts_with_the_poisson_error() -> None:
    counts = _counts([("A", 8, 300), ("B", 2, 250), ("C", 0, 200)])
    table = outlet_differences(counts)
    assert not table["replicated"].any()
    row = _row(table, "A", "B")
    assert row["test"] == WALD
    assert row["se"] == pytest.approx(math.sqrt(1 / 8 + 1 / 2))
    assert _row(table, "A", "C")["test"] == EXACT
    assert not table["significant_holm"].any()


def test_topic_fixed_effects_remove_a_difference_made_by_story_choice() -> None:
    # Both outlets hedge 10 per 1,000 words on the economy and 1 on sport; A writes mostly
    # on the economy, B mostly on sport.
    def outlet(name: str, economy: int, sport: int) -> list[tuple[str, float, float]]:
        return [(name, 10 + (i % 3) - 1, 1000) for i in range(economy)] + [
            (name, 1 + (i % 3) - 1, 1000) for i in range(sport)
        ]

    docs = outlet("A", 30, 6) + outlet("B", 6, 30)
    topics = ["economy"] * 30 + ["sport"] * 6 + ["economy"] * 6 + ["sport"] * 30
    counts = _counts(docs, topics=topics)
    naive = outlet_differences(counts, adjust_for=None).iloc[0]
    adjusted = outlet_differences(counts).iloc[0]
    assert naive["adjustment"] == "none" and adjusted["adjustment"] == "topic"
    assert naive["rate_ratio"] == pytest.approx(306 / 90)
    assert naive["p_holm"] < 1e-6 and naive["significant_holm"]
    assert adjusted["rate_ratio"] == pytest.approx(1.0, abs=1e-6)
    assert adjusted["p_value"] > 0.99 and not adjusted["significant_holm"]


def test_beyond_the_pair_limit_each_outlet_is_compared_with_the_rest() -> None:
    docs = [(f"Outlet {i:02d}", (i % 5) + (j % 2), 300) for i in range(55) for j in range(2)]
    table = outlet_differences(_counts(docs))
    assert len(table) == 55
    assert (table["comparison"] == VS_REST).all() and (table["outlet_b"] == REST).all()
    row = table[table["outlet_a"] == "Outlet 04"].iloc[0]
    rest_hits = sum(d[1] for d in docs) - 9
    assert row["count_b"] == rest_hits and row["words_b"] == 54 * 600
    assert row["log_rate_ratio"] == pytest.approx(math.log((9 / 600) / (rest_hits / 32400)))
    zero = table[table["outlet_a"] == "Outlet 00"].iloc[0]  # hits 0 and 1: one hit
    assert zero["test"] == WALD
    few = outlet_differences(_counts(docs[:6]), max_paired_outlets=2)
    assert len(few) == 3 and (few["comparison"] == VS_REST).all()
    assert len(outlet_differences(_counts(docs[:6]))) == 3  # three outlets: three pairs


def test_against_the_rest_adjusts_for_stories_too() -> None:
    # Same construction as the story-choice test, with a third outlet that mirrors B.
    docs = [("A", 10, 1000)] * 30 + [("A", 1, 1000)] * 6 + [("B", 10, 1000)] * 6
    docs += [("B", 1, 1000)] * 30 + [("C", 10, 1000)] * 6 + [("C", 1, 1000)] * 30
    topics = (["economy"] * 30 + ["sport"] * 6) + (["economy"] * 6 + ["sport"] * 30) * 2
    table = outlet_differences(_counts(docs, topics=topics), max_paired_outlets=2)
    assert (table["comparison"] == VS_REST).all() and (table["adjustment"] == "topic").all()
    assert table["rate_ratio"].to_numpy() == pytest.approx([1.0, 1.0, 1.0], abs=1e-6)
    naive = outlet_differences(_counts(docs), max_paired_outlets=2)
    assert naive.loc[0, "rate_ratio"] == pytest.approx((306 / 36) / (180 / 72))


def test_auto_prefers_the_event_column_and_groups_empty_stories() -> None:
    docs = [("A", 4, 500), ("A", 6, 500), ("B", 1, 500), ("B", 2, 500)]
    counts = _counts(docs, topics=["t1", "t2", "t1", "t2"])
    counts["event"] = ["e1", None, "e1", None]
    row = outlet_differences(counts).iloc[0]
    assert row["adjustment"] == "event"
    assert outlet_differences(counts, adjust_for="topic").iloc[0]["adjustment"] == "topic"
    single = counts.assign(topic="t1").drop(columns="event")
    assert outlet_differences(single).iloc[0]["adjustment"] == "none"  # one topic: nothing to do


def test_p_values_are_corrected_within_each_measure() -> None:
    rng = np.random.default_rng(3)
    docs = [(o, float(rng.poisson(3 + 2 * k)), 500) for k, o in enumerate("ABCD") for _ in range(6)]
    first = _counts(docs)
    second = first.assign(measure="framing/conflict", count=first["count"][::-1].to_numpy())
    table = outlet_differences(pd.concat([first, second]))
    for _, rows in table.groupby("measure"):
        _, holm, _, _ = multipletests(rows["p_value"], method="holm")
        _, bh, _, _ = multipletests(rows["p_value"], method="fdr_bh")
        assert rows["p_holm"].to_numpy() == pytest.approx(holm)
        assert rows["p_bh"].to_numpy() == pytest.approx(bh)
    assert len(table) == 12


def test_conditional_test_matches_the_binomial_and_statsmodels() -> None:
    p, low, high = conditional_rate_test(
        np.array([2.0, 0.0, 5.0]), np.array([1000.0] * 3), np.array([10.0, 0.0, 5.0]), 1000.0
    )
    assert p[0] == pytest.approx(2 * stats.binom.cdf(2, 12, 0.5))
    assert p[0] == pytest.approx(
        statsmodels_rates.test_poisson_2indep(2, 1000, 10, 1000, method="exact-cond").pvalue
    )
    assert p[1] == 1.0 and math.isnan(low[1]) and math.isnan(high[1])
    assert p[2] == 1.0 and low[2] < 1 < high[2]
    bunched, _, _ = conditional_rate_test(2.0, 1000.0, 10.0, 1000.0, design_effect=2.0)
    assert bunched > p[0]  # hits that come in bunches are weaker evidence


def test_bad_parameters_are_rejected() -> None:
    counts = _counts([("A", 1, 100), ("B", 2, 100)])
    with pytest.raises(ParameterError, match="'adjust_for'"):
        outlet_differences(counts, adjust_for="event")
    with pytest.raises(ParameterError, match="'alpha'"):
        outlet_differences(counts, alpha=5)
    with pytest.raises(ParameterError, match="'max_paired_outlets'"):
        outlet_differences(counts, max_paired_outlets=1)
