"""clean(), find_headline() and the cleaned-to-original offset map."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.corpus import Article, Removal, clean, load_cleaning_rules, original_offset
from toolkit.corpus.cleaning import find_headline, original_span, shift
from toolkit.corpus.rules import CleaningRule, CleaningRules
from toolkit.errors import ParameterError

RULES = load_cleaning_rules()


def _rules(*patterns: tuple[str, str]) -> CleaningRules:
    return CleaningRules(
        name="test",
        version="0",
        description="test rules",
        licence="MIT",
        rules=tuple(
            CleaningRule(
                id=rule_id,
                description=rule_id,
                regex=expression,
                flags=(),
                pattern=regex.compile(expression),
            )
            for rule_id, expression in patterns
        ),
        source="<test>",
    )


def _article(original: str, rules: CleaningRules = RULES) -> Article:
    text, removals = clean(original, rules)
    return Article("d", "O", "T", text, original, "here", removals=removals)


def test_back_to_top_and_trailing_whitespace() -> None:
    text, removals = clean("Body text.\n\nBack to top button", RULES)
    assert text == "Body text."
    assert removals == (
        Removal(10, 12, "\n\n", "trailing_whitespace"),
        Removal(12, 30, "Back to top button", "back_to_top"),
    )


def test_legal_disclaimer_runs_to_the_end() -> None:
    original = "Kept.\nLegal Disclaimer:\nMENAFN provides...\n\nMore small print."
    text, removals = clean(original, RULES)
    assert text == "Kept."
    assert [(r.rule, r.start) for r in removals] == [
        ("trailing_whitespace", 5),
        ("legal_disclaimer", 6),
    ]
    assert removals[1].text == "Legal Disclaimer:\nMENAFN provides...\n\nMore small print."


def test_legal_disclaimer_on_one_line() -> None:
    text, removals = clean("Kept.\nLegal Disclaimer: MENAFN provides the information.", RULES)
    assert text == "Kept."
    assert removals[1] == Removal(
        6, 56, "Legal Disclaimer: MENAFN provides the information.", "legal_disclaimer"
    )


def test_legal_disclaimer_mid_sentence_is_kept() -> None:
    original = "The page said Legal Disclaimer: none.\nNext."
    assert clean(original, RULES) == (original, ())


def test_date_stamp_and_dateline() -> None:
    original = "Date\n4/14/2024 8:47:32 AM\n(MENAFN) In a call, Biden spoke."
    text, removals = clean(original, RULES)
    assert text == "In a call, Biden spoke."
    assert [(r.rule, r.text) for r in removals] == [
        ("date_stamp", "Date\n4/14/2024 8:47:32 AM\n"),
        ("agency_dateline", "(MENAFN) "),
    ]


def test_agency_id_only_on_its_own_line() -> None:
    story_id = "MENAFN14042024000045015839ID1108092386"
    original = f"See {story_id} here.\n{story_id}\nEnd."
    text, removals = clean(original, RULES)
    assert text == f"See {story_id} here.\nEnd."
    assert [(r.rule, r.start, r.end) for r in removals] == [("agency_story_id", 49, 88)]


def test_leave_a_comment_and_a_word_that_only_starts_alike() -> None:
    text, removals = clean("Leave a Commentary alone.\nLeave a Comment\n", RULES)
    assert text == "Leave a Commentary alone."
    assert [(r.rule, r.start) for r in removals] == [
        ("trailing_whitespace", 25),
        ("leave_a_comment", 26),
    ]


def test_crlf_is_normalised_and_recorded() -> None:
    original = "First line.\r\nSecond line.\r\n"
    text, removals = clean(original, RULES)
    assert text == "First line.\nSecond line."
    assert removals == (
        Removal(11, 12, "\r", "line_ending"),
        Removal(25, 26, "\r", "line_ending"),
        Removal(26, 27, "\n", "trailing_whitespace"),
    )


def test_rules_see_crlf_text_as_lf() -> None:
    text, removals = clean("Body.\r\nBack to top button\r\n", RULES)
    assert text == "Body."
    assert {r.rule for r in removals} == {"line_ending", "trailing_whitespace", "back_to_top"}


def test_byte_order_mark_is_recorded() -> None:
    text, removals = clean("\ufeffHello.", RULES)
    assert text == "Hello."
    assert removals == (Removal(0, 1, "\ufeff", "byte_order_mark"),)


def test_later_rule_spanning_an_earlier_cut_is_split_in_pieces() -> None:
    rules = _rules(("inner", "XX"), ("outer", "a-b"))
    text, removals = clean("a-XXb and a-b", rules)
    # After rule "inner" the text reads "a-b and a-b"; rule "outer" then removes the first
    # "a-b" as two pieces of the original, either side of the earlier cut.
    assert text == "and"
    assert [(r.rule, r.start, r.end, r.text) for r in removals] == [
        ("outer", 0, 2, "a-"),
        ("inner", 2, 4, "XX"),
        ("outer", 4, 5, "b"),
        ("leading_whitespace", 5, 6, " "),
        ("trailing_whitespace", 9, 10, " "),
        ("outer", 10, 13, "a-b"),
    ]


def test_empty_matches_are_ignored() -> None:
    rules = _rules(("nothing", "x*"))
    assert clean("abc", rules) == ("abc", ())


def test_clean_empty_text() -> None:
    assert clean("", RULES) == ("", ())
    assert clean("  \n ", RULES) == ("", (Removal(0, 4, "  \n ", "leading_whitespace"),))


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        ("Title here\n\nBody.", "Title here", "Title here\n\n"),
        ("\n  Title here\nBody.", "Title here", "\n  Title here\n"),
        (
            "US tells Israel it won\u2019t join\nBody.",
            "US tells Israel it won't  join",
            "US tells Israel it won\u2019t join\n",
        ),
        ("\u201cQuoted\u201d title\nBody.", '"Quoted" Title', "\u201cQuoted\u201d title\n"),
        ("A different first line\nBody.", "Title here", None),
    ],
)
def test_find_headline(text: str, title: str, expected: str | None) -> None:
    removal = find_headline(text, title)
    if expected is None:
        assert removal is None
    else:
        assert removal == Removal(0, len(expected), expected, "headline")


def test_headline_taken_from_text_is_always_removed() -> None:
    removal = find_headline("First line\nBody.", "", taken_from_text=True)
    assert removal == Removal(0, 11, "First line\n", "headline")
    assert find_headline("\n\n", "", taken_from_text=True) is None


def test_shift_moves_offsets() -> None:
    assert shift([Removal(1, 3, "ab", "r")], 10) == (Removal(11, 13, "ab", "r"),)


def test_original_offset_at_removal_edges() -> None:
    article = Article(
        "d",
        "O",
        "Headline",
        "Body one.",
        "Headline\n\nBody one.\n\nBack to top button",
        "here",
        removals=(
            Removal(0, 10, "Headline\n\n", "headline"),
            Removal(19, 21, "\n\n", "trailing_whitespace"),
            Removal(21, 39, "Back to top button", "back_to_top"),
        ),
    )
    assert original_offset(article, 0) == 10
    assert original_offset(article, 0, side="end") == 0
    assert original_offset(article, 9, side="end") == 19
    assert original_offset(article, 9) == 39
    assert original_span(article, 0, 9) == (10, 19)
    assert original_span(article, 4, 4) == (14, 14)


def test_original_offset_rejects_bad_arguments() -> None:
    article = _article("Body.")
    with pytest.raises(ParameterError, match="offset 6 is outside the cleaned text"):
        original_offset(article, 6)
    with pytest.raises(ParameterError, match="'side' parameter of original_offset"):
        original_offset(article, 0, side="middle")  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="span end 1 is before its start 2"):
        original_span(article, 2, 1)


_PIECES = st.sampled_from(
    [
        "Words here.",
        "purportedly",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "Back to top button\n",
        "Leave a Comment\n",
        "MENAFN14042024000045015839ID1108092386\n",
        "Date\n4/14/2024 8:47:32 AM\n",
        "(MENAFN) ",
        "\u201cquoted\u201d",
    ]
)


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=12), tail=st.booleans(), data=st.data())
def test_cleaning_is_lossless_and_offsets_map_back(
    pieces: list[str], tail: bool, data: st.DataObject
) -> None:
    original = "".join(pieces) + ("\nLegal Disclaimer:\nsmall print" if tail else "")
    article = _article(original)
    rebuilt, cursor = [], 0
    for removal in article.removals:
        assert removal.start >= cursor
        assert original[removal.start : removal.end] == removal.text
        rebuilt.append(original[cursor : removal.start])
        cursor = removal.end
    rebuilt.append(original[cursor:])
    assert "".join(rebuilt) == article.text
    assert "\r\n" not in article.text
    assert article.text == article.text.strip()
    # Any span of the cleaned text with no removal inside it maps back verbatim.
    start = data.draw(st.integers(0, len(article.text)))
    end = data.draw(st.integers(start, len(article.text)))
    begin, finish = original_span(article, start, end)
    if not any(begin < r.start < finish for r in article.removals):
        assert article.original_text[begin:finish] == article.text[start:end]
    for word in re.finditer(r"\w+", article.text):
        s, e = word.span()
        back = article.original_text[
            original_offset(article, s) : original_offset(article, e, side="end")
        ]
        assert back == word.group()
