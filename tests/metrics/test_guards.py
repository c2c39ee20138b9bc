"""Tests for toolkit.metrics.guards: one test per context rule, on real news sentences."""

from __future__ import annotations

import pytest

from toolkit.errors import ParameterError
from toolkit.metrics.guards import (
    GUARDS,
    UNLESS_AFTER,
    UNLESS_BEFORE,
    attributive,
    before_infinitive,
    before_quantity,
    capitalised,
    claim_verb,
    could_possibility,
    entry_guards,
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
        "before_infinitive": before_infinitive,
        "attributive": attributive,
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
        ("May 5 saw the first talks in Oman.", "May", False),
        ("The talks resumed. May said the deal was dead.", "May", False),
        ("\u201cMay we never see this again,\u201d she said.", "May", False),
        # An optative or a question, not an epistemic hedge.
        ("The talks stalled. May the next round go better.", "May", False),
        ("Britain's Theresa May said the strike was unwise.", "May", False),
        ("Israel May Strike Back At Iran Within Days", "May", True),
        ("ISRAEL MAY STRIKE BACK WITHIN DAYS", "MAY", True),
        ("Theresa May Says Deal Is Dead", "May", False),
        ("Protests Planned For May Day In London", "May", False),
        ("Since May, officials have met twice.", "May", False),
        ("The deadline is may 31.", "may", False),
        ("Officials said the strikes may continue.", "may", True),
        ("It may, in time, calm the region.", "may", True),
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
        # The shared mechanism: rejection cues, pseudo-negations and the reach of a hedge.
        ("Officials refused to speculate on the motive.", "speculate", False),
        ("No one seems to know who fired.", "seems", False),
        ("Neither Tehran nor Washington appeared ready.", "appeared", False),
        ("It is not only likely but certain.", "likely", True),
        ("I don't think that's likely.", "likely", False),
        ("Police did not discuss a possible motive.", "possible", True),
        ("They did not confirm the number of possible cases.", "possible", True),
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
        ("How Americans will vote in a vote-by-mail regime", "regime", False),
    ],
)
def test_political_regime_rejects_rule_sets(text: str, word: str, keep: bool) -> None:
    assert _check("political_regime", text, word) is keep


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        ("Iran is said to have moved its drones.", "is said to", True),
        ("The launchers are believed to be hidden.", "are believed to", True),
        ("The attack was reported to the police.", "was reported to", False),
        ("The remark was said to Reuters on Sunday.", "was said to", False),
        ("He was thought to be in Tehran.", "was thought to", True),
    ],
)
def test_before_infinitive(text: str, word: str, keep: bool) -> None:
    assert _check("before_infinitive", text, word) is keep


@pytest.mark.parametrize(
    ("text", "word", "keep"),
    [
        ("The reported declaration was never published.", "reported", True),
        ("Iran\u2019s rumoured plans worried officials.", "rumoured", True),
        ("a reported 300 drones", "reported", True),
        ("He reported the strike at dawn.", "reported", False),
        ("The agency reported the strike at dawn.", "reported", False),
        ("A website that reported on it was closed.", "reported", False),
        ("No casualties were reported.", "reported", False),
        ("the share of adults that reported having a job", "reported", False),
    ],
)
def test_attributive(text: str, word: str, keep: bool) -> None:
    assert _check("attributive", text, word) is keep


def _context(text: str, word: str, **lists: tuple[str, ...]) -> str | None:
    """The id of the context guard that rejects the first ``word`` in ``text``, or None."""
    start = text.index(word)
    for name, guard in entry_guards((), **lists):
        if not guard(text, start, start + len(word), segment(text)):
            return name
    return None


@pytest.mark.parametrize(
    ("text", "word", "rejected_by"),
    [
        ("Iran faces the death penalty for the spies.", "death", UNLESS_AFTER),
        ("Two deaths were reported in Isfahan.", "deaths", None),
        ("Israel's war Cabinet met on Sunday.", "war", UNLESS_AFTER),
        ("Israel's war  cabinet met on Sunday.", "war", UNLESS_AFTER),
        ("A war, Cabinet ministers warned, is near.", "war", None),
        ("The Islamic Republic fired drones.", "Islamic", UNLESS_AFTER),
        ("Islamic scholars condemned the strike.", "Islamic", None),
        ("Critics of capital punishment protested.", "punishment", UNLESS_BEFORE),
        ("It was a punishment for the strike.", "punishment", None),
        ("Israel used a dilation and evacuation procedure.", "evacuation", UNLESS_BEFORE),
        ("The bill wound up in committee.", "wound", UNLESS_AFTER),
    ],
)
def test_context_guards_reject_the_listed_neighbours(
    text: str, word: str, rejected_by: str | None
) -> None:
    lists = {
        "unless_before": ("capital", "dilation and"),
        "unless_after": ("penalty", "cabinet", "republic", "up", "state*"),
    }
    assert _context(text, word, **lists) == rejected_by


def test_context_guard_stems_and_apostrophes() -> None:
    assert _context("The Islamic States' envoys met.", "Islamic", unless_after=("state*",)) == (
        UNLESS_AFTER
    )
    assert _context("Iran's envoy spoke.", "envoy", unless_before=("iran's",)) == UNLESS_BEFORE
    assert _context("Iran\u2019s envoy spoke.", "envoy", unless_before=("iran's",)) == (
        UNLESS_BEFORE
    )


def test_entry_guards_runs_named_guards_first() -> None:
    guards = entry_guards(("not_negated",), unless_before=("x",), unless_after=("y",))
    assert [name for name, _ in guards] == ["not_negated", UNLESS_BEFORE, UNLESS_AFTER]
    assert entry_guards(()) == ()


def test_entry_guards_refuses_unknown_names() -> None:
    with pytest.raises(
        ParameterError,
        match=r"The 'names' parameter of entry_guards must hold ids of .* Got 'nope' instead\.",
    ):
        entry_guards(("nope",))
