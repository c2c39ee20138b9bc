"""Hedges and boosters (family ``hedging``, codebook ``hedging``; Hyland 2005).

What counts: a word or phrase by which the writer (or the quoted speaker) withholds commitment
to a proposition: an epistemic modal ("may", "might", "could"), a speculative verb ("suggest",
"seem", "appear"), an epistemic adverb or adjective ("apparently", "likely"), an approximator
("about 100") or a distancing device that leaves the claim to others, among them the passive
reporting frame ("is said to", "it is said that", "the reported declaration", "was quoted as
saying"); boosters ("clearly") are counted apart. A hedge is negated only as the negated
predicate itself (reach ``"predicate"`` of ``toolkit.metrics.negation``): "not likely", "no
one seems", "refused to speculate" are negated hedges, counted apart; a hedge inside an argument
of a negated verb ("did not discuss a possible motive") still hedges, and so does a hedge after
a clause boundary. "May" the month or a name is no modal. Headline hedges are rows of zone
``headline`` whose offsets index the title.
"""

from __future__ import annotations

import pytest

from tests.behaviours.measured import Row, measure, row, rows

MODALS = [
    pytest.param(
        "The deal may collapse.",
        [row("hedging", "epistemic_modal", "hedging:may", "may", 9)],
        id="modal 'may'",
    ),
    pytest.param("May was a cold month for the talks.", [], id="'May' the month at sentence start"),
    pytest.param("May said the deal was done.", [], id="'May' the name at sentence start"),
    pytest.param(
        "In May the talks may resume.",
        [row("hedging", "epistemic_modal", "hedging:may", "may", 17)],
        id="'in May' is the month, 'may' after it the modal",
    ),
    pytest.param(
        "Theresa May may resign.",
        [row("hedging", "epistemic_modal", "hedging:may", "may", 12)],
        id="'Theresa May' is the name, 'may' after it the modal",
    ),
    pytest.param(
        "The talks could possibly resume.",
        [
            row("hedging", "epistemic_modal", "hedging:could", "could", 10),
            row("hedging", "adverb", "hedging:possibly", "possibly", 16),
        ],
        id="'could' and an adverb",
    ),
    pytest.param("The army could not hold the town.", [], id="'could not' denies an ability"),
    pytest.param(
        "She clearly won the debate.",
        [row("hedging", "boosters", "hedging:clearly", "clearly", 4)],
        id="a booster is its own category",
    ),
]

DISTANCING = [
    pytest.param(
        "The president is reported to be ill.",
        [row("hedging", "distancing", "hedging:passive_reporting", "is reported to", 14)],
        id="is reported to",
    ),
    pytest.param(
        "The president is said to be ill.",
        [row("hedging", "distancing", "hedging:passive_reporting", "is said to", 14)],
        id="is said to",
    ),
    pytest.param(
        "The president is believed to be ill.",
        [row("hedging", "distancing", "hedging:passive_reporting", "is believed to", 14)],
        id="is believed to",
    ),
    pytest.param(
        "The president is understood to be ill.",
        [row("hedging", "distancing", "hedging:passive_reporting", "is understood to", 14)],
        id="is understood to",
    ),
    pytest.param(
        "It is said that the president is ill.",
        [row("hedging", "distancing", "hedging:impersonal_passive", "It is said that", 0)],
        id="it is said that",
    ),
    pytest.param(
        "The minister was quoted as saying the deal was dead.",
        [row("hedging", "distancing", "hedging:quoted_as_saying", "quoted as saying", 17)],
        id="was quoted as saying",
    ),
    pytest.param(
        "The reported declaration surprised diplomats.",
        [row("hedging", "distancing", "hedging:reported_adjective", "reported", 4)],
        id="the reported declaration",
    ),
    pytest.param(
        "The letter was reported to the police.",
        [],
        id="'reported to' before a determiner is no frame",
    ),
    pytest.param(
        "Officials reportedly met in Oman.",
        [row("hedging", "distancing", "hedging:reportedly", "reportedly", 10)],
        id="reportedly",
    ),
]

NEGATION = [
    pytest.param(
        "The deal is not likely to pass.",
        [row("hedging", "adjective", "hedging:likely", "likely", 16, negated=True)],
        id="plain negator",
    ),
    pytest.param(
        "No one seems to know.",
        [row("hedging", "lexical_verb", "hedging:seem", "seems", 7, negated=True)],
        id="no one",
    ),
    pytest.param(
        "The minister ruled out speculation.",
        [row("hedging", "lexical_verb", "hedging:speculate", "speculation", 23, negated=True)],
        id="rule out",
    ),
    pytest.param(
        "The minister refrained from speculating.",
        [row("hedging", "lexical_verb", "hedging:speculate", "speculating", 28, negated=True)],
        id="refrain from",
    ),
    pytest.param(
        "The minister has no intention of speculating.",
        [row("hedging", "lexical_verb", "hedging:speculate", "speculating", 33, negated=True)],
        id="no intention of",
    ),
    pytest.param(
        "The minister denied plans to estimate costs.",
        [row("hedging", "lexical_verb", "hedging:estimate", "estimate", 29, negated=True)],
        id="deny ... plans",
    ),
    pytest.param(
        "The minister will not join any speculation.",
        [row("hedging", "lexical_verb", "hedging:speculate", "speculation", 31, negated=True)],
        id="will not join",
    ),
    pytest.param(
        "The minister spoke without speculating.",
        [row("hedging", "lexical_verb", "hedging:speculate", "speculating", 27, negated=True)],
        id="without",
    ),
    pytest.param(
        "The minister did not seem to know, but the aide seemed worried.",
        [
            row("hedging", "lexical_verb", "hedging:seem", "seem", 21, negated=True),
            row("hedging", "lexical_verb", "hedging:seem", "seemed", 48),
        ],
        id="scope ends at a clause boundary",
    ),
    pytest.param(
        "The minister did not discuss a possible motive.",
        [row("hedging", "adjective", "hedging:possible", "possible", 31)],
        id="a hedge in the argument of a negated verb still hedges",
    ),
    pytest.param(
        "Officials did not say whether the deal may collapse.",
        [row("hedging", "epistemic_modal", "hedging:may", "may", 39)],
        id="scope ends at 'whether'",
    ),
    pytest.param(
        "The vote is unlikely to pass.",
        [row("hedging", "adjective", "hedging:unlikely", "unlikely", 12)],
        id="'unlikely' is a hedge, not a negation",
    ),
]

SENSES = [
    pytest.param("Jobless claims rose.", [], id="jobless claims"),
    pytest.param(
        "He claims the vote was rigged.",
        [row("hedging", "distancing", "hedging:claim", "claims", 3)],
        id="claims the vote",
    ),
    pytest.param("The senator suggested to the host that the vote wait.", [], id="suggest to"),
    pytest.param(
        "The data suggest a slowdown.",
        [row("hedging", "lexical_verb", "hedging:suggest", "suggest", 9)],
        id="the data suggest",
    ),
    pytest.param("It became apparent that the deal was dead.", [], id="became apparent"),
    pytest.param(
        "The apparent target was a depot.",
        [row("hedging", "adjective", "hedging:apparent", "apparent", 4)],
        id="the apparent target",
    ),
    pytest.param("Women are twice as likely as men to agree.", [], id="as likely as"),
    pytest.param("The storm was talked about for 10 days.", [], id="'about' before no number"),
    pytest.param(
        "The storm lasted about 10 days.",
        [row("hedging", "approximator", "hedging:about", "about", 17)],
        id="'about' before a number",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MODALS + DISTANCING + NEGATION + SENSES)
def test_hedging_rows(text: str, expected: list[Row]) -> None:
    assert rows("hedging", text) == expected


def test_a_headline_hedge_is_a_headline_row_with_offsets_into_the_title() -> None:
    measured = measure("Officials spoke on Monday.", title="Iran May Strike Back")
    assert measured.evidence("hedging") == [
        row("hedging", "epistemic_modal", "hedging:may", "May", 5, zone="headline")
    ]
    assert measured.value("hedging", "hedges", "count", zone="headline") == 1.0
    assert measured.value("hedging", "hedges", "count", zone="lead") == 0.0


def test_a_headline_frame_and_a_body_frame_are_told_apart() -> None:
    measured = measure("The president is said to be ill.", title="President said to be ill")
    assert measured.evidence("hedging") == [
        row(
            "hedging",
            "distancing",
            "hedging:reporting_infinitive",
            "said to be",
            10,
            zone="headline",
        ),
        row("hedging", "distancing", "hedging:passive_reporting", "is said to", 14),
    ]


def test_a_negated_hedge_is_counted_apart() -> None:
    measured = measure("The deal is not likely to pass. It may fail.")
    assert measured.value("hedging", "hedges", "count") == 1.0
    assert measured.value("hedging", "negated", "count") == 1.0
