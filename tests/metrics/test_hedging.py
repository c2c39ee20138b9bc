"""Tests for toolkit.metrics.hedging on sentences from the sample corpus."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.metrics.families import run
from toolkit.codebooks import Codebook, builtin_codebook, load_codebook
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics.base import Evidence, FamilyOutput
from toolkit.text import segment

VOICE = "000_c6d9780c7ae0e10c"
MENAFN = "001_3ffd96728f458706"
WHALES = "002_0bbcda579d155b64"
NEWSPUBLICY = "004_08f5dd3932140497"


def _article(text: str, doc_id: str = "doc") -> Article:
    return Article(doc_id, "Outlet", "", text, text, "test")


def _measure(text: str, codebook: Codebook | None = None) -> FamilyOutput:
    return run("hedging", _article(text), codebook=codebook)


def _spans(result: FamilyOutput) -> list[tuple[str, str, int, int]]:
    return [(e.text, e.category, e.start, e.end) for e in result.evidence]


def test_purportedly_is_a_distancing_hedge_with_exact_offsets(sample_texts: dict[str, str]) -> None:
    text = sample_texts[VOICE]
    result = run("hedging", _article(text, VOICE))
    evidence = [e for e in result.evidence if e.text == "purportedly"]
    assert evidence == [
        Evidence(
            family="hedging",
            category="distancing",
            rule="hedging:purportedly",
            zone="body",
            start=898,
            end=909,
            text="purportedly",
        )
    ]
    assert text[898:909] == "purportedly"
    # "a suspected Israeli strike" and "Iran's perceived nuclear ambitions" distance too.
    distancing = [e.text for e in result.evidence if e.category == "distancing"]
    assert distancing == ["purportedly", "suspected", "perceived"]
    assert result.values["hedging_distancing_count"] == 3.0


def test_approximators_need_a_quantity(sample_texts: dict[str, str]) -> None:
    text = sample_texts[NEWSPUBLICY]
    result = run("hedging", _article(text))
    approximators = [(e.text, e.start) for e in result.evidence if e.category == "approximator"]
    # "almost all of the weapons", "approximately 99%", "about 100 ballistic missiles";
    # not "think strategically about its reaction" (offset 687).
    assert approximators == [("almost", 429), ("approximately", 1039), ("about", 1779)]
    assert text[1039:1056] == "approximately 99%"
    assert result.values["hedging_approximator_count"] == 3.0


def test_may_face_is_a_modal_hedge(sample_texts: dict[str, str]) -> None:
    text = sample_texts[WHALES]
    result = run("hedging", _article(text))
    assert ("may", "epistemic_modal", 562, 565) in _spans(result)
    assert text[562:570] == "may face"


def test_could_lead_is_a_modal_hedge(sample_texts: dict[str, str]) -> None:
    text = sample_texts[MENAFN]
    result = run("hedging", _article(text))
    assert ("could", "epistemic_modal", 928, 933) in _spans(result)
    assert text[928:947] == "could lead to a bro"


def test_whole_article_values(sample_texts: dict[str, str]) -> None:
    text = sample_texts[WHALES]
    result = run("hedging", _article(text))
    assert _spans(result) == [
        ("potential", "adjective", 408, 417),
        ("could", "epistemic_modal", 432, 437),
        ("may", "epistemic_modal", 562, 565),
        ("could", "epistemic_modal", 651, 656),
        ("demonstrated", "boosters", 1558, 1570),
        ("likely", "adjective", 2099, 2105),
    ]
    n_words = segment(text).n_words
    assert n_words == 333
    assert result.values["hedging_hedges_count"] == 5.0
    assert result.values["hedging_hedges_per_1k"] == pytest.approx(5000 / 333)
    assert result.values["hedging_boosters_count"] == 1.0
    assert result.values["hedging_epistemic_modal_count"] == 3.0
    assert result.values["hedging_adjective_count"] == 2.0
    assert result.values["hedging_negated_count"] == 0.0


def test_month_may_is_not_a_hedge() -> None:
    result = _measure("Talks resumed in May 2024, and on May 5 the envoys met.")
    assert result.evidence == []
    assert result.values["hedging_hedges_count"] == 0.0


def test_negated_hedge_is_counted_apart() -> None:
    text = "A wider war is not likely, officials said, though escalation is possible."
    result = _measure(text)
    assert _spans(result) == [
        ("likely", "adjective", 19, 25),
        ("possible", "adjective", 64, 72),
    ]
    assert [(e.rule, e.negated) for e in result.evidence] == [
        ("hedging:likely", True),
        ("hedging:possible", False),
    ]
    assert result.values["hedging_negated_count"] == 1.0
    assert result.values["hedging_hedges_count"] == 1.0
    assert result.values["hedging_adjective_count"] == 1.0


def test_could_not_is_not_a_hedge() -> None:
    result = _measure("Air defences could not intercept every drone.")
    assert result.evidence == []


def test_undoubtedly_is_a_booster_not_a_hedge(sample_texts: dict[str, str]) -> None:
    text = sample_texts[MENAFN]
    result = run("hedging", _article(text))
    boosters = [(e.text, e.start, e.rule) for e in result.evidence if e.category == "boosters"]
    assert boosters == [
        ("demonstrating", 1888, "hedging:demonstrate"),
        ("undoubtedly", 3090, "hedging:undoubtedly"),
    ]
    assert result.values["hedging_boosters_count"] == 2.0
    hedges = [e.text for e in result.evidence if e.category != "boosters" and not e.negated]
    assert "undoubtedly" not in hedges
    assert result.values["hedging_hedges_count"] == len(hedges)


def test_claimed_noun_and_idiom_are_not_hedges() -> None:
    result = _measure(
        "The IDF claimed to have intercepted 99 percent. The claim was disputed. "
        "No group claimed responsibility."
    )
    assert _spans(result) == [("claimed", "distancing", 8, 15)]


def test_keys_are_fixed_and_rates_are_nan_without_words(sample_texts: dict[str, str]) -> None:
    empty = _measure("")
    expected_keys = {
        f"hedging_{thing}_{kind}"
        for thing in (
            "hedges",
            "boosters",
            "negated",
            "epistemic_modal",
            "lexical_verb",
            "adverb",
            "adjective",
            "approximator",
            "distancing",
        )
        for kind in ("count", "per_1k")
    }
    assert set(empty.values) == expected_keys
    assert empty.values["hedging_hedges_count"] == 0.0
    assert all(math.isnan(v) for k, v in empty.values.items() if k.endswith("_per_1k"))
    for stem, text in sample_texts.items():
        result = run("hedging", _article(text, stem))
        assert set(result.values) == expected_keys
        assert result.family == "hedging"
        for item in result.evidence:
            assert text[item.start : item.end] == item.text


def test_custom_codebook_changes_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        """\
name: mine
version: "0.1.0"
family: hedging
description: Only distancing, weighted.
citation: Me (2024).
licence: CC0
categories:
  distancing:
    label: Distancing
    description: Attributed claims.
    entries:
      - id: reportedly
        terms: [reportedly, according to]
        weight: 0.5
""",
        encoding="utf-8",
    )
    text = (
        "Biden reportedly conveyed a clear message, according to Axios. Israel may face pressure."
    )
    builtin = _measure(text)
    assert builtin.values["hedging_hedges_count"] == 2.0  # reportedly, may

    custom = _measure(text, codebook=load_codebook(path))
    assert set(custom.values) == {
        f"hedging_{thing}_{kind}"
        for thing in ("hedges", "boosters", "negated", "distancing")
        for kind in ("count", "per_1k")
    }
    assert custom.values["hedging_hedges_count"] == 1.0  # two matches of weight 0.5
    assert [(e.text, e.rule, e.weight) for e in custom.evidence] == [
        ("reportedly", "mine:reportedly", 0.5),
        ("according to", "mine:reportedly", 0.5),
    ]
    assert math.isnan(custom.values["hedging_boosters_count"])  # no boosters category


def test_a_framing_codebook_is_refused() -> None:
    with pytest.raises(
        ParameterError,
        match=r"The 'codebook' parameter of the hedging family's measure must be a codebook of "
        r"family 'hedging'\. Got 'framing' instead\.",
    ):
        _measure("Text.", codebook=builtin_codebook("framing"))


def _hedges(text: str) -> list[tuple[str, str, str]]:
    """``(text, category, rule)`` of every evidence row of ``text``; a negated hedge's category
    reads ``negated_hedge``."""
    return [
        (e.text, "negated_hedge" if e.negated else e.category, e.rule)
        for e in _measure(text).evidence
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran is said to have moved its drones.",
            [("is said to", "distancing", "hedging:passive_reporting")],
        ),
        (
            "The launchers are believed to be hidden near Isfahan.",
            [("are believed to", "distancing", "hedging:passive_reporting")],
        ),
        (
            "The envoy was understood to favour a pause.",
            [("was understood to", "distancing", "hedging:passive_reporting")],
        ),
        (
            "The commander is widely thought to have planned it.",
            [("widely thought to", "distancing", "hedging:passive_reporting")],
        ),
        (
            "Tehran said to be preparing a second wave",
            [("said to be", "distancing", "hedging:reporting_infinitive")],
        ),
        (
            "It is reported that the base was hit.",
            [("It is reported that", "distancing", "hedging:impersonal_passive")],
        ),
        (
            "It was rumoured that talks had begun.",
            [("It was rumoured that", "distancing", "hedging:impersonal_passive")],
        ),
        (
            "The minister was quoted as saying the strike was over.",
            [("quoted as saying", "distancing", "hedging:quoted_as_saying")],
        ),
        (
            "The reported declaration was never published.",
            [("reported", "distancing", "hedging:reported_adjective")],
        ),
        (
            "Iran's rumoured plans worried officials.",
            [("rumoured", "distancing", "hedging:reported_adjective")],
        ),
    ],
)
def test_passive_distancing_is_a_hedge(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _hedges(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He reported the strike at dawn.",
        "The agency reported the strike at dawn.",
        "She said the talks had failed.",
        "The theft was reported to the police.",
        "He believed the envoy.",
    ],
)
def test_active_reporting_is_not_distancing(text: str) -> None:
    assert [row for row in _hedges(text) if row[1] == "distancing"] == []


def test_believed_without_passive_stays_a_lexical_verb() -> None:
    assert _hedges("Officials believed the envoy.") == [
        ("believed", "lexical_verb", "hedging:believe")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "May 5 saw the first talks in Oman.",
        "The talks resumed. May said the deal was dead.",
        "May and June were quiet.",
        "Theresa May Says Deal Is Dead",
    ],
)
def test_may_the_month_or_the_name_is_not_a_hedge(text: str) -> None:
    assert _hedges(text) == []


def test_may_the_modal_in_a_headline_is_a_hedge() -> None:
    assert _hedges("Israel May Strike Back Within Days") == [
        ("May", "epistemic_modal", "hedging:may")
    ]


def test_hedges_share_the_negation_scope_of_every_family() -> None:
    # A rejection cue negates a hedge verb; a pseudo-negation negates nothing; a hedge inside
    # the object of a negated verb still hedges.
    assert _hedges("Officials refused to speculate on the motive.") == [
        ("speculate", "negated_hedge", "hedging:speculate")
    ]
    assert _hedges("A truce is not only possible but near.") == [
        ("possible", "adjective", "hedging:possible")
    ]
    assert _hedges("Police did not discuss a possible motive.") == [
        ("possible", "adjective", "hedging:possible")
    ]


def test_sense_guards_of_hedges() -> None:
    assert _hedges("Republicans are more likely than Democrats to vote.") == []
    assert _hedges("She will appear on Fox News tonight.") == []
    assert _hedges("The vote could prove to be decisive.") == [
        ("could", "epistemic_modal", "hedging:could")
    ]
    assert _hedges("He made a suggestion.") == []
    assert _hedges("It was the best possible outcome, reached as soon as possible.") == []
    assert _hedges("The Memo is a reported column.") == []
    assert _hedges("I'm talking about 11-year-olds.") == []
    assert _hedges("Israel fired about 100 missiles.") == [
        ("about", "approximator", "hedging:about")
    ]
    assert _hedges("The court dismissed most of the claims.") == []
