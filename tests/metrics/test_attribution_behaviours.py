"""What the attribution family counts, one behaviour per test (CheckList, Ribeiro et al. 2020).

Each test is one short sentence written for it, and the exact attribution rows it must give:
(source, mention, cue, source type, affiliation). Read top to bottom, this file is the
specification of attribution.
"""

# ruff: noqa: RUF001
from __future__ import annotations

import pytest

from tests.metrics.attribution_runs import measure_text

Row = tuple[str, str, str, str, str]


def rows(text: str) -> list[Row]:
    return [
        (a.source, a.mention, a.cue, a.source_type, a.affiliation)
        for a in measure_text(text).attributions
    ]


BEHAVIOURS: list[tuple[str, str, list[Row]]] = [
    # Passive distancing: the source is left unsaid (implicit: no words, offsets -1).
    ("passive 'is said to'", "Netanyahu is said to have rejected the plan.",
     [("", "", "is said to", "implicit", "unknown")]),
    ("impersonal 'it is believed that'", "It is believed that Iran will retaliate.",
     [("", "", "It is believed that", "implicit", "unknown")]),
    ("'the reported declaration'", "The reported declaration drew criticism.",
     [("", "", "The reported", "implicit", "unknown")]),
    ("'was quoted as saying' credits its subject",
     "Kirby was quoted as saying the US would not join.",
     [("Kirby", "Kirby", "was quoted as saying", "named_person", "united_states")]),
    # Recall: cues beyond "said".
    ("asked", "Kirby asked whether Iran would stop.",
     [("Kirby", "Kirby", "asked", "named_person", "united_states")]),
    ("replied", "Israeli officials replied that the strike was limited.",
     [("Israeli officials", "Israeli officials", "replied", "unnamed_group", "israel")]),
    ("tweeted", "Netanyahu tweeted that Israel would respond.",
     [("Netanyahu", "Netanyahu", "tweeted", "named_person", "israel")]),
    ("argued", "Blinken argued that restraint was wiser.",
     [("Blinken", "Blinken", "argued", "named_person", "united_states")]),
    ("made clear", "Biden made clear the US would not join.",
     [("Biden", "Biden", "made clear", "named_person", "united_states")]),
    ("voiced concerns", "Jordan voiced concerns about the escalation.",
     [("Jordan", "Jordan", "voiced concerns", "named_organisation", "jordan")]),
    ("question with an inverted cue", "“Will Iran stop?” asked the Pentagon chief.",
     [("the Pentagon chief", "the Pentagon chief", "asked", "role", "united_states")]),
    ("inverted cue with a long subject",
     "“Restraint is wise,” said the newspaper’s editorial board.",
     [("the newspaper’s editorial board", "the newspaper’s editorial board", "said",
       "news_media", "media")]),
    ("citing chain: the medium and the cited source",
     "Axios reported, citing two officials, that the US would not join.",
     [("Axios", "Axios", "reported", "news_media", "media"),
      ("two officials", "two officials", "citing", "unnamed_group", "unknown")]),
    # Precision: adverbs are never sources; "call" needs "for"/"on" or a quotation.
    ("an adverb is not a source",
     "Biden also apparently told Netanyahu that the US would not join.",
     [("Biden", "Biden", "told", "named_person", "united_states")]),
    ("'called' in a name is not a cue", "A firm called Cambridge Analytica was hired.", []),
    ("'called for' is a cue", "Jordan called for calm.",
     [("Jordan", "Jordan", "called", "named_organisation", "jordan")]),
    ("'asked X to' by a speaker is a request, reported", "Biden asked Netanyahu to wait.",
     [("Biden", "Biden", "asked", "named_person", "united_states")]),
    ("'asked X to' by a description the lexicon cannot type is not",
     "The plan asked the bankers to wait.", []),
    ("'shows' needs a document", "The poll shows Iran is divided. The move shows resolve.",
     [("The poll", "The poll", "shows", "document", "unknown")]),
    # Source typing.
    ("'sources familiar with' is anonymous",
     "The deal is off, sources familiar with the matter said.",
     [("sources familiar with the matter", "sources familiar with the matter", "said",
       "anonymous", "unknown")]),
    ("a described group is an unnamed group", "US officials said the deal is off.",
     [("US officials", "US officials", "said", "unnamed_group", "united_states")]),
    ("a role is typed and affiliated", "The Pentagon chief said the deal is off.",
     [("The Pentagon chief", "The Pentagon chief", "said", "role", "united_states")]),
    ("the army chief of staff is a role", "The army chief of staff told reporters it is off.",
     [("The army chief of staff", "The army chief of staff", "told", "role", "unknown")]),
    ("a surname resolves to the full name given earlier",
     "Lloyd Austin met Israeli leaders. Austin said the US would not join.",
     [("Lloyd Austin", "Austin", "said", "named_person", "united_states")]),
    ("a title and surname resolve too",
     "Lloyd Austin met Israeli leaders. Defense Secretary Austin said the US would not join.",
     [("Lloyd Austin", "Defense Secretary Austin", "said", "named_person", "united_states")]),
    ("'who' is credited to the phrase before it (the mention is 'who')",
     "We spoke to Kirby, who said the US would not join.",
     [("Kirby", "who", "said", "named_person", "united_states")]),
    ("Title Case headline cue", "White House Says US Will Not Join",
     [("White House", "White House", "Says", "named_organisation", "united_states")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), [(text, expected) for _, text, expected in BEHAVIOURS],
    ids=[name for name, _, _ in BEHAVIOURS],
)  # fmt: skip
def test_behaviour(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


def test_an_implicit_source_has_no_offsets_and_no_source_evidence() -> None:
    text = "Netanyahu is said to have rejected the plan."
    result = measure_text(text)
    (found,) = result.attributions
    assert (found.source_start, found.mention_start) == (-1, -1)
    assert [row.category for row in result.result.evidence] == ["cue/neutral"]
    assert result.result.values["attribution_implicit_count"] == 1


ALL_CAPS = (
    "Iran will retaliate, officials said. US Defense Secretary Lloyd Austin told reporters the "
    "US would not join. According to two people familiar with the talks, Israel agreed."
)


def test_an_all_caps_copy_gets_the_same_attributions() -> None:
    lower = rows(ALL_CAPS)
    upper = rows(ALL_CAPS.upper())
    assert len(lower) == 4
    # Same cues, types and affiliations; the words are the all-caps text's own.
    assert [(c.upper(), t, a) for _, _, c, t, a in lower] == [(c, t, a) for _, _, c, t, a in upper]
    assert [s.upper() for s, _, _, _, _ in lower] == [s for s, _, _, _, _ in upper]
