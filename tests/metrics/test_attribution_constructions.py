"""Each construction of the attribution issue, on sentences of the sample corpus (verbatim
where the corpus has the construction, otherwise built from its people and quotations)."""

# The sample texts use typographic apostrophes and quotes on purpose.
# ruff: noqa: RUF001
from __future__ import annotations

import math

import pytest

from tests.metrics.attribution_runs import Measured, measure_text
from toolkit.text import segment

Row = tuple[str, str, str, str, str, str, str]


def _measure(text: str) -> Measured:
    return measure_text(text)


def _rows(text: str) -> list[Row]:
    """(source, type, mention, cue, quote type, rule, content) of every attribution."""
    return [
        (a.source, a.source_type, a.mention, a.cue, a.quote_type, a.rule.split(":")[1],
         text[a.content_start : a.content_end] if a.content_start >= 0 else "")
        for a in _measure(text).attributions
    ]  # fmt: skip


CASES: list[tuple[str, list[Row]]] = [
    # "X said (that) ..." (sample 004, verbatim)
    ("US Central Command (Centcom) reported that its forces, along with European allies, "
     "intercepted over 80 drones.",
     [("US Central Command (Centcom)", "named_organisation", "US Central Command (Centcom)",
       "reported", "indirect", "said_after_source",
       "its forces, along with European allies, intercepted over 80 drones")]),
    # "..., X said" with the quotation before it, and the speaker resolved from a short name
    ("Hossein Salami, the head of the IRGC, has stated that the operation was a success. "
     "“Naturally, the US have a better understanding,” Salami said.",
     [("Hossein Salami", "named_person", "Hossein Salami", "stated", "indirect",
       "said_after_source", "the operation was a success"),
      ("Hossein Salami", "named_person", "Salami", "said", "direct", "said_after_source",
       "“Naturally, the US have a better understanding,”")]),
    # "said X"
    ("“We will not take part,” said John Kirby.",
     [("John Kirby", "named_person", "John Kirby", "said", "direct", "said_before_source",
       "“We will not take part,”")]),
    # "X told Y that ..." (the addressee is not content) and "X told Y: “...”"
    ("John Kirby told reporters that the US would not take part.",
     [("John Kirby", "named_person", "John Kirby", "told", "indirect", "said_after_source",
       "the US would not take part")]),
    ("John Kirby told reporters: “It’s a decision for Israel to make.”",
     [("John Kirby", "named_person", "John Kirby", "told", "direct", "said_after_source",
       "“It’s a decision for Israel to make.”")]),
    # colon introduction
    ("Salami said: “Our operation was limited.”",
     [("Salami", "named_person", "Salami", "said", "direct", "said_after_source",
       "“Our operation was limited.”")]),
    # warned / insisted / claimed / denied / confirmed, with a pronoun resolved
    ("The IRGC claimed the operation was a success. Iran denied targeting civilians. Hossein "
     "Salami warned Israel against retaliation. He insisted that Iran was ready.",
     [("The IRGC", "named_organisation", "The IRGC", "claimed", "indirect",
       "said_after_source", "the operation was a success"),
      ("Iran", "named_organisation", "Iran", "denied", "indirect", "said_after_source",
       "targeting civilians"),
      ("Hossein Salami", "named_person", "Hossein Salami", "warned", "indirect",
       "said_after_source", "Israel against retaliation"),
      ("Hossein Salami", "named_person", "He", "insisted", "indirect", "said_after_source",
       "Iran was ready")]),
    # a quotation whose speaker is named in the previous sentence (straight quotes)
    ('"We will defend Israel," said the Pentagon. "Our commitment is ironclad."',
     [("the Pentagon", "named_organisation", "the Pentagon", "said", "direct",
       "said_before_source", '"We will defend Israel,"'),
      ("the Pentagon", "named_organisation", "", '"', "direct", "quote_sentence",
       '"Our commitment is ironclad."')]),
    # a mixed quote (sample 004, verbatim)
    ("President Biden also expressed support for Israel, stressing that Israel has “come out "
     "ahead.”",
     [("President Biden", "named_person", "President Biden", "stressing", "mixed",
       "participle", "Israel has “come out ahead.”")]),
    # doubled apostrophes used as quote marks
    ("''We will respond,'' said Defence Minister Yoav Gallant.",
     [("Defence Minister Yoav Gallant", "named_person", "Defence Minister Yoav Gallant", "said",
       "direct", "said_before_source", "''We will respond,''")]),
    # titles and roles stay with the name; the bare surname resolves to the same source
    ("Army chief of staff Major General Mohammad Bagheri warned Israel. Bagheri said Iran "
     "would respond.",
     [("Army chief of staff Major General Mohammad Bagheri", "named_person",
       "Army chief of staff Major General Mohammad Bagheri", "warned", "indirect",
       "said_after_source", "Israel"),
      ("Army chief of staff Major General Mohammad Bagheri", "named_person", "Bagheri", "said",
       "indirect", "said_after_source", "Iran would respond")]),
    # news media as a description, and a trailing attribution crediting the clause before it
    ("Tehran alleges Israel targeted its consulate in Damascus, Iranian state media reported.",
     [("Tehran", "named_organisation", "Tehran", "alleges", "indirect", "said_after_source",
       "Israel targeted its consulate in Damascus"),
      ("Iranian state media", "news_media", "Iranian state media", "reported", "indirect",
       "said_after_source", "Tehran alleges Israel targeted its consulate in Damascus")]),
    ("Iran denied any role in the strike, the IRGC said in a statement.",
     [("Iran", "named_organisation", "Iran", "denied", "indirect", "said_after_source",
       "any role in the strike"),
      ("the IRGC", "named_organisation", "the IRGC", "said", "indirect", "said_after_source",
       "Iran denied any role in the strike")]),
    # a document, a description the lexicon cannot type, a conjoined verb
    ("The one-page statement says the attack was a response.",
     [("The one-page statement", "document", "The one-page statement", "says", "indirect",
       "said_after_source", "the attack was a response")]),
    ("The presumptive Republican nominee told Fox News that he backs Israel.",
     [("The presumptive Republican nominee", "unclassified",
       "The presumptive Republican nominee", "told", "indirect", "said_after_source",
       "he backs Israel")]),
    ("Biden expressed concern and urged Netanyahu to “take the win.”",
     [("Biden", "named_person", "Biden", "expressed concern", "indirect", "said_after_source",
       ""),
      ("Biden", "named_person", "Biden", "urged", "mixed", "conjoined_verb",
       "Netanyahu to “take the win.”")]),
    # "they" resolves to the nearest group
    ("US officials said the strike was contained. They said Israel should not respond.",
     [("US officials", "unnamed_group", "US officials", "said", "indirect", "said_after_source",
       "the strike was contained"),
      ("US officials", "unnamed_group", "They", "said", "indirect", "said_after_source",
       "Israel should not respond")]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_construction(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


def test_a_quote_over_two_paragraphs_is_flagged_not_guessed() -> None:
    text = "“Naturally, the US have a better understanding.\nIt is a lesson,” Salami said."
    (said,) = _measure(text).attributions
    assert (said.source, said.quote_type, said.flag) == ("Salami", "mixed", "unbalanced_quotes")


def test_source_ids_are_shared_by_every_mention_of_one_source() -> None:
    text = "Hossein Salami warned Israel. Salami said Iran was ready. He added more."
    ids = {a.source_id for a in _measure(text).attributions}
    assert ids == {"named_person:hossein salami"}


def test_affiliation_and_stance_values_of_a_sample_paragraph() -> None:
    text = (
        "Axios, citing an unnamed senior White House official, revealed details of a phone "
        "call. Tehran alleges Israel targeted its consulate in Damascus. Defence Minister Yoav "
        "Gallant underscored the gravity of the situation."
    )
    result = _measure(text)
    values = result.result.values
    assert [a.affiliation for a in result.attributions] == [
        "united_states", "media", "iran", "israel",
    ]  # fmt: skip
    assert values["attribution_affiliation_united_states_count"] == 1
    assert values["attribution_affiliation_media_count"] == 1
    assert values["attribution_affiliation_unknown_count"] == 0
    assert values["attribution_stance_disclosure_count"] == 1
    assert values["attribution_stance_doubt_count"] == 1
    assert values["attribution_stance_assertive_count"] == 1
    assert values["attribution_stance_neutral_count"] == 1  # citing
    assert values["attribution_named_to_anonymous_ratio"] == 3
    assert values["attribution_direct_share"] == 0
    n_words = segment(text).n_words
    assert values["attribution_stance_doubt_per_1k"] == pytest.approx(1000 / n_words)


def test_ratio_is_nan_without_anonymous_sources() -> None:
    values = _measure("Hossein Salami warned Israel.").result.values
    assert math.isnan(values["attribution_named_to_anonymous_ratio"])
    assert values["attribution_direct_share"] == 0


def test_look_alikes_of_generic_sources_are_not_attributions() -> None:
    for text in (
        "Everything went according to plan.",
        "The messaging underscores a commitment to Israel.",
        "The minister issued a stern warning against retaliation.",
        "It was an earlier incident in which officials met.",
    ):
        assert _measure(text).attributions == (), text
