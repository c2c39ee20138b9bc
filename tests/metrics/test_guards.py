"""Tests for toolkit.metrics.guards: one test per context rule, on real news sentences."""

from __future__ import annotations

import pytest

from toolkit.metrics.guards import (
    GUARDS,
    before_quantity,
    capitalised,
    claim_verb,
    could_possibility,
    not_month,
    not_negated,
    political_regime,
)
from toolkit.text import segment


def _check(guard_id: str, text: str, word: str) -> bool:
    """Run guard ``guard_id`` on the first occurrence of ``word`` in ``text``."""
    start = text.index(word)
    return GUARDS[guard_id](text, start, start + len(word), segment(text))


def test_registry_names_every_guard() -> None:
    assert dict(GUARDS) == {
        "not_negated": not_negated,
        "could_possibility": could_possibility,
        "before_quantity": before_quantity,
        "not_month": not_month,
        "claim_verb": claim_verb,
        "capitalised": capitalised,
        "political_regime": political_regime,
    }


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        ("US officials highlight that approximately 99% of the missiles", "approximately", True),
        ("as about 100 ballistic missiles were simultaneously heading", "about", True),
        ("Israel should think strategically about its reaction", "about", False),
        ("concerns persist about the risk of broader conflict", "about", False),
        ("Iran launched some 300 drones and missiles", "some", True),
        ("some officials condemned the strike", "some", False),
        ("up to a dozen drones", "up to", True),
        ("leaders around the world", "around", False),
        ("around 5 a.m. on Sunday", "around", True),
        ("about $1.5 billion in aid", "about", True),
        ("about half of the drones", "about", True),
        ("about three hundred drones", "about", True),
    ],
)
def test_before_quantity(text: str, word: str, keep: bool) -> None:
    assert _check("before_quantity", text, word) is keep


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        ("Netanyahu may face political pressure to respond more aggressively.", "may", True),
        ("The talks resumed in May 2024 after a pause.", "May", False),
        ("The strike happened on May 5 near Damascus.", "May", False),
        ("May 5 was quiet in Tehran.", "May", False),
        ("The talks stalled. May the next round go better.", "May", True),
        ("Britain's Theresa May said the strike was unwise.", "May", False),
        ("Israel May Strike Back At Iran Within Days", "May", True),
        ("Since May, officials have met twice.", "May", False),
        ("The deadline is may 31.", "may", False),
    ],
)
def test_not_month(text: str, word: str, keep: bool) -> None:
    assert _check("not_month", text, word) is keep


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        ("The question is likely to dominate discussions.", "likely", True),
        ("A wider war is not likely at this stage.", "likely", False),
        ("A wider war is not very likely.", "likely", False),
        ("The strike doesn\u2019t appear to have caused damage.", "appear", False),
        ("The strike didn't appear to have caused damage.", "appear", False),
        ("Israel could not possibly intercept everything.", "possibly", False),
        ("There is no reason to believe the talks failed.", "believe", False),
        ("It was not over, possibly a pause.", "possibly", True),
        ("It was not the end of what is likely a long war.", "likely", True),
    ],
)
def test_not_negated(text: str, word: str, keep: bool) -> None:
    assert _check("not_negated", text, word) is keep


@pytest.mark.parametrize(
    ("text", "keep"),
    [
        ("any actions that could lead to a broader conflict", True),
        ("The next steps taken by Israel could have far-reaching implications", True),
        ("Air defences could not intercept every drone.", False),
        ("The region could never absorb another war.", False),
        ("Israel could hardly ignore the attack.", False),
    ],
)
def test_could_possibility(text: str, keep: bool) -> None:
    assert _check("could_possibility", text, "could") is keep


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        (
            "the Israel Defense Forces (IDF) claimed to have successfully intercepted",
            "claimed",
            True,
        ),
        ("Tehran claims that Israel targeted its consulate.", "claims", True),
        ("The claim that 99 percent were intercepted", "claim", False),
        ("Iran's claims were not verified.", "claims", False),
        ("Iran\u2019s claims were not verified.", "claims", False),
        ("No group has claimed responsibility for the strike.", "claimed", False),
        ("The war has claimed the lives of thousands.", "claimed", False),
        ("the claimed interception rate", "claimed", True),
    ],
)
def test_claim_verb(text: str, word: str, keep: bool) -> None:
    assert _check("claim_verb", text, word) is keep


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        ("The US will not take part in any retaliatory action.", "US", True),
        ("Iran told us it had no choice.", "us", False),
        ("Let us hope the calm holds.", "us", False),
        ("the UN Security Council met on Sunday", "UN", True),
        ("The White House said Washington would not join.", "Washington", True),
    ],
)
def test_capitalised_keeps_names_not_pronouns(text: str, word: str, keep: bool) -> None:
    assert _check("capitalised", text, word) is keep


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        ("aggression from the Zionist regime, particularly", "regime", True),
        ("The regime in Tehran vowed a harsh response.", "regime", True),
        ("Washington tightened the sanctions regime on Iran.", "regime", False),
        ("under the inspection regime agreed in 2015", "regime", False),
    ],
)
def test_political_regime_rejects_rule_sets(text: str, word: str, keep: bool) -> None:
    assert _check("political_regime", text, word) is keep
