"""Tests for toolkit.metrics.framing on sentences from the sample corpus."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.metrics.families import run
from toolkit.codebooks import Codebook, builtin_codebook, load_codebook
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics import framing
from toolkit.metrics.base import FamilyOutput
from toolkit.text import segment

VOICE = "000_c6d9780c7ae0e10c"
WHALES = "002_0bbcda579d155b64"
MENAFN_2 = "003_26c8a3c0485d93f9"
FRAMES = ("conflict", "responsibility", "economic_consequences", "human_interest", "morality")
KINDS = ("count", "per_1k", "negated_count", "score", "share")


def _article(text: str, doc_id: str = "doc", title: str = "") -> Article:
    return Article(doc_id, "Outlet", title, text, text, "test")


def _measure(
    text: str, title: str = "", family: str = "framing", codebook: Codebook | None = None
) -> FamilyOutput:
    return run(family, _article(text, title=title), codebook=codebook)


def _frames(result: FamilyOutput) -> list[tuple[str, str, int, int]]:
    return [(e.text, e.category, e.start, e.end) for e in result.evidence]


def test_headline_frames_with_typographic_apostrophe(sample_texts: dict[str, str]) -> None:
    text = sample_texts[WHALES]
    result = _measure(text, family="conflict")
    # The headline line: "US tells Israel it won't join counter-strike on Iran" (typographic ').
    assert _frames(result)[:2] == [
        ("won\u2019t join", "restraint_diplomacy", 19, 29),
        ("counter-strike", "escalation_retaliation", 30, 44),
    ]
    assert result.evidence[0].rule == "conflict_frames:non_participation"
    assert result.family == "conflict"


def test_de_escalate_is_restraint_not_escalation(sample_texts: dict[str, str]) -> None:
    text = sample_texts[WHALES]
    result = _measure(text, family="conflict")
    assert ("de-escalate", "restraint_diplomacy", 394, 405) in _frames(result)
    assert ("avoid further escalation", "restraint_diplomacy", 1379, 1403) in _frames(result)
    assert not any(e.text.lower().startswith("escalat") for e in result.evidence)


def test_headline_and_lead_weighting() -> None:
    text = (
        "Iran launched a retaliatory strike. Washington urged restraint. "
        "Later, diplomats met for talks. Nothing else happened."
    )
    title = "Calls for restraint after Iran strike"
    result = _measure(text, title=title, family="conflict")
    values = result.values
    # Headline: restraint. Body: retaliatory (escalation, lead), restraint (lead), diplomats +
    # talks (not lead). The article counts every zone.
    assert values["conflict_escalation_retaliation_count"] == 1.0
    assert result.value("escalation_retaliation", "count", "lead") == 1.0
    assert values["conflict_restraint_diplomacy_count"] == 4.0
    assert result.value("restraint_diplomacy", "count", "lead") == 1.0
    assert result.value("restraint_diplomacy", "count", "headline") == 1.0
    words = segment(text).n_words + segment(title).n_words
    assert words == 16 + 6
    # score = 1000 * (count + 2 * headline + 1 * lead) / words
    assert values["conflict_restraint_diplomacy_score"] == pytest.approx(1000 * 7 / 22)
    assert values["conflict_escalation_retaliation_score"] == pytest.approx(1000 * 2 / 22)
    assert values["conflict_restraint_diplomacy_share"] == pytest.approx(7 / 9)
    assert values["conflict_humanitarian_cost_share"] == 0.0
    assert result.document == {"conflict_dominant_frame": "restraint_diplomacy"}
    assert [(e.text, e.zone) for e in result.evidence][:2] == [
        ("restraint", "headline"),
        ("retaliatory", "lead"),
    ]


def test_whole_article_values(sample_texts: dict[str, str]) -> None:
    text = sample_texts[WHALES]
    result = _measure(text)
    counts = {frame: result.values[f"framing_{frame}_count"] for frame in FRAMES}
    assert counts == {
        "conflict": 11.0,
        "responsibility": 0.0,
        "economic_consequences": 2.0,  # "global energy supplies and trade routes"
        "human_interest": 0.0,
        "morality": 0.0,
    }
    # "will not verbally support or actively oppose", "without sparking a larger conflict":
    # kept as evidence, counted apart.
    negated = [e.text for e in result.evidence if e.negated]
    assert negated == ["oppose", "conflict"]
    assert result.values["framing_conflict_negated_count"] == 2.0
    assert result.values["framing_conflict_per_1k"] == pytest.approx(11000 / 333)
    assert sum(counts.values()) == len(result.evidence) - len(negated)


def test_policy_frames_on_a_sample_article(sample_texts: dict[str, str]) -> None:
    text = sample_texts[WHALES]
    result = _measure(text, family="policy")
    assert result.values["policy_security_defense_count"] == 12.0
    assert result.values["policy_political_count"] == 6.0
    rules = {e.rule for e in result.evidence if e.text == "Biden"}
    assert rules == {"policy_frames:government"}
    shares = [v for k, v in result.values.items() if k.endswith("_share")]
    assert len(shares) == 15 and math.fsum(shares) == pytest.approx(1.0)


def test_human_interest_and_morality(sample_texts: dict[str, str]) -> None:
    voice = _measure(sample_texts[VOICE])
    human = [e.text for e in voice.evidence if e.category == "human_interest"]
    assert human == ["fears", "anxiously", "hoping"]  # not "neighboring countries"
    menafn = _measure(sample_texts[MENAFN_2])
    morality = [(e.text, e.rule) for e in menafn.evidence if e.category == "morality"]
    assert morality == [
        ("terrorist", "framing:condemnation_label"),
        ("martyr", "framing:religion"),
    ]


def test_keys_are_fixed_and_rates_are_nan_without_words(sample_texts: dict[str, str]) -> None:
    expected = {f"framing_{frame}_{kind}" for frame in FRAMES for kind in KINDS}
    empty = _measure("")
    assert set(empty.values) == expected
    assert empty.values["framing_conflict_count"] == 0.0
    assert math.isnan(empty.values["framing_conflict_per_1k"])
    assert math.isnan(empty.values["framing_conflict_score"])
    assert math.isnan(empty.values["framing_conflict_share"])
    assert framing.dominant_frame({f: math.nan for f in FRAMES}, FRAMES) == ""
    assert empty.document == {"framing_dominant_frame": ""}
    for text in sample_texts.values():
        result = _measure(text)
        assert set(result.values) == expected
        assert all(text[e.start : e.end] == e.text for e in result.evidence)
        assert {e.family for e in result.evidence} <= {"framing"}


def test_custom_codebook_changes_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "frames.yaml"
    path.write_text(
        """\
name: my-frames
version: "2.1.0"
family: framing
description: One frame.
citation: Me (2024).
licence: CC0
scope: Test stories.
categories:
  alliance:
    label: Alliance
    description: Allies standing together.
    entries:
      - id: ally
        terms: [ally, allies, allied]
        weight: 2
      - id: support
        terms: [support]
        guards: [not_negated]
""",
        encoding="utf-8",
    )
    book = load_codebook(path)
    text = "Allied forces will support Israel; the US will not support a strike on its ally."
    builtin = _measure(text)
    assert builtin.values["framing_conflict_count"] == 0.0
    custom = _measure(text, codebook=book)
    assert set(custom.values) == {f"framing_alliance_{kind}" for kind in KINDS}
    # Allied (2) + support (1); "not support" is rejected by its guard, and "ally", in the
    # scope of that "not", is negated: evidence, counted apart.
    assert custom.values["framing_alliance_count"] == 3.0
    assert custom.values["framing_alliance_negated_count"] == 2.0
    assert [(e.text, e.rule, e.negated) for e in custom.evidence] == [
        ("Allied", "my-frames:ally", False),
        ("support", "my-frames:support", False),
        ("ally", "my-frames:ally", True),
    ]


def test_a_hedging_codebook_is_refused() -> None:
    with pytest.raises(
        ParameterError,
        match=r"The 'codebook' parameter of the framing family's measure must be a codebook of "
        r"family 'framing'\. Got 'hedging' instead\.",
    ):
        _measure("Text.", codebook=builtin_codebook("hedging"))
