"""Constructions found missing or wrong by error analysis on PolNeAR train, each pinned by a
constructed sentence (written for these tests) and the exact cue and source rows it yields."""

# The sentences use typographic quotes on purpose.
from __future__ import annotations

import pytest

from tests.metrics.attribution_runs import measure_text

Row = tuple[str, str, str]


def _rows(text: str) -> list[Row]:
    """(cue, source as written, rule) of every attribution, in text order."""
    return [(a.cue, a.mention, a.rule.split(":")[1]) for a in measure_text(text).attributions]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # Speech reported inside a quotation belongs to the quoted speaker, not to the article.
        ("“She told me she would resign,” Tom Baker said.",
         [("said", "Tom Baker", "said_after_source")]),
        ("“They said no to us,” the mayor told reporters on Monday.",
         [("told", "the mayor", "said_after_source")]),
        # Curly and straight marks mixed: the words between the quotations are the reporter's.
        ('“I heard parts of the speech," Tom Baker said. "He wants more, folks.”',
         [("said", "Tom Baker", "said_after_source")]),
        # A subject with an age or a long appositive before its cue.
        ("Tom Baker, 69, said he had been busy.", [("said", "Tom Baker", "said_after_source")]),
        ("Ann Lee, 63, a nurse from Ohio, told a neighbour that she was moving.",
         [("told", "Ann Lee", "said_after_source")]),
        # ... never the object of the cue.
        ("Ann Lee, 63, said the plan was late.", [("said", "Ann Lee", "said_after_source")]),
        # An inverted source after a quotation may run on past the cue's clause.
        ("“We were not happy,” said Tom Baker of the Ohio delegation.",
         [("said", "Tom Baker", "said_before_source")]),
        ("“We were not happy,” said a longtime adviser to the mayor, who asked not to be named.",
         [("said", "a longtime adviser", "said_before_source")]),
        # A document as the subject of "show", however long its description.
        ("New polls released on Sunday showed the mayor taking a lead.",
         [("showed", "New polls", "said_after_source")]),
        ("Tax records from the 2008 cycle show that he gave to both parties.",
         [("show", "Tax records", "said_after_source")]),
        ("The popularity of the mayor shows how angry voters are.", []),
        # A description headed by a source noun, whatever its modifiers.
        ("The results suggest that the mayor faces a difficult road.",
         [("suggest", "The results", "said_after_source")]),
        ("Several political experts suggest that the party will split.",
         [("suggest", "Several political experts", "said_after_source")]),
        # "call" names its object or calls for something; a time between the source and cue.
        ("Tom Baker called out his rival for insulting voters.",
         [("called", "Tom Baker", "said_after_source")]),
        ("Tom Baker called Wednesday for the judge to resign.",
         [("called", "Tom Baker", "said_after_source")]),
        ("Tom Baker called Lopez a fraud.", [("called", "Tom Baker", "said_after_source")]),
        ("She called Lopez a day later to congratulate him.", []),
        ("A firm called Northwind was paid.", []),
        ("Tom Baker on Tuesday said that the vote was close.",
         [("said", "Tom Baker", "said_after_source")]),
        ("Lopez at the time said he would pay.", [("said", "Lopez", "said_after_source")]),
        # More verbs of communication; nouns of the same spelling stay out.
        ("Lopez spoke out against the plan.", [("spoke out", "Lopez", "said_after_source")]),
        ("Lopez did not mention the vote.", [("mention", "Lopez", "said_after_source")]),
        ("Additional reporting by Tom Baker.", []),
        ("The rally drew a crowd to the call centre.", []),
        # A share of people, as polls report it, is a source.
        ("About 4 in 10 say they want change.", [("say", "About 4 in 10", "said_after_source")]),
        ("On taxes, 42% say they are liberal.", [("say", "42%", "said_after_source")]),
        ("Most of them said they had loved it.", [("said", "Most of them", "said_after_source")]),
        ("The law, some say, targets farmers.", [("say", "some", "said_after_source")]),
        # A title with a full stop is part of the name, so the subject of a participle is found.
        ("Mr. Baker changed his plans in May, saying that troops would stay.",
         [("saying", "Mr. Baker", "participle")]),
        ("Sen. Ann Lee said the vote was close.", [("said", "Sen. Ann Lee", "said_after_source")]),
        # A participle after a closing quotation mark, or after "while"/"after".
        ("Tom Baker defended “New York values,” saying the city was brave.",
         [("saying", "Tom Baker", "participle")]),
        ("Ann Lee smiled while saying that she was fine.", [("saying", "Ann Lee", "participle")]),
        # A sentence the segmenter cut after an abbreviation in brackets is read whole.
        ("Sen. Ann Lee (D-Ga.) said the vote was close.",
         [("said", "Sen. Ann Lee (D-Ga.)", "said_after_source")]),
        # A second verb of the subject, negated.
        ("Lopez praised the plan but did not mention the cost.",
         [("mention", "Lopez", "conjoined_verb")]),
        # Questions put by an asker the sentence leaves unsaid: an implicit source ("").
        ("Asked whether the plan would pass, Maria Lopez said she was hopeful.",
         [("Asked", "", "asked"), ("said", "Maria Lopez", "said_after_source")]),
        ("When asked about the vote, the senator declined to comment.",
         [("asked", "", "asked"), ("declined to comment", "the senator", "declined_to")]),
        ("Lopez was asked to name one success.", [("asked", "", "asked")]),
        # ... or named after "by".
        ("Asked by Tom Baker to respond, Lopez said nothing would change.",
         [("Asked", "Tom Baker", "asked"), ("said", "Lopez", "said_after_source")]),
    ],
)  # fmt: skip
def test_rows(text: str, rows: list[Row]) -> None:
    assert _rows(text) == rows
