"""VADER tone on real sample sentences, offline, with exact evidence."""

# The sample texts use typographic apostrophes and quotes on purpose.
# ruff: noqa: RUF001, RUF003
from __future__ import annotations

import math
import socket
from importlib import resources
from typing import NoReturn

import nltk
import pytest
from nltk.sentiment.vader import SentimentIntensityAnalyzer, SentiText, VaderConstants

from tests.metrics.families import run
from toolkit.metrics import sentiment
from toolkit.metrics.base import FamilyOutput
from toolkit.metrics.sentiment import compound, vader_lexicon
from toolkit.text import Segmented, Span, segment

UNUSUAL_WHALES = "002_0bbcda579d155b64"
KEYS = {
    "tone_compound_mean",
    "tone_positive_share",
    "tone_negative_share",
    "tone_positive_words_count",
    "tone_positive_words_per_1k",
    "tone_negative_words_count",
    "tone_negative_words_per_1k",
}
# From sample article 001 (MENAFN).
WAR_SENTENCE = (
    "Axios, citing an unnamed senior White House official, revealed details of a phone call "
    "between the two leaders, where Biden expressed deep concerns over the potential escalation "
    "of hostilities and emphasized the risk of triggering a regional war with dire consequences."
)
VICTORY_SENTENCE = (
    "Israeli officials hailed this as a significant victory, demonstrating the country's ability "
    "to protect itself against external threats."
)


def _measure(text: str) -> FamilyOutput:
    return run("tone", text)


def _refuse(*args: object, **kwargs: object) -> NoReturn:
    raise AssertionError(f"network or NLTK data touched: {args!r}")


def test_lexicon_is_built_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _refuse)
    monkeypatch.setattr(nltk, "download", _refuse)
    monkeypatch.setattr(nltk.data, "find", _refuse)
    monkeypatch.setattr(nltk.data, "load", _refuse)
    sentiment.vader_analyzer.cache_clear()
    lexicon = vader_lexicon()
    assert len(lexicon) == 7506  # 7,520 lines; a few tokens are listed twice
    assert lexicon["war"] == -2.9
    assert lexicon["hailed"] == 0.9
    assert compound(VICTORY_SENTENCE) == pytest.approx(0.5859)


def test_negative_words_in_a_sample_sentence(sample_texts: dict[str, str]) -> None:
    assert WAR_SENTENCE in sample_texts["001_3ffd96728f458706"]
    result = _measure(WAR_SENTENCE)
    assert [(e.text, e.category, e.rule, e.weight, e.start, e.end) for e in result.evidence] == [
        ("hostilities", "negative", "vader:hostilities", -2.1, 181, 192),
        ("risk", "negative", "vader:risk", -1.1, 212, 216),
        ("war", "negative", "vader:war", -2.9, 242, 245),
        ("dire", "negative", "vader:dire", -2.0, 251, 255),
    ]
    assert result.values["tone_compound_mean"] == pytest.approx(-0.9022)
    assert result.values["tone_negative_share"] == 1.0
    assert result.values["tone_positive_share"] == 0.0
    assert result.values["tone_negative_words_count"] == 4
    assert result.values["tone_negative_words_per_1k"] == pytest.approx(1000 * 4 / 41)
    assert result.values["tone_positive_words_count"] == 0
    assert result.values["tone_positive_words_per_1k"] == 0.0


def test_mixed_sentence_counts_both_sides() -> None:
    result = _measure(VICTORY_SENTENCE)
    positive = [e.text for e in result.evidence if e.category == "positive"]
    negative = [e.text for e in result.evidence if e.category == "negative"]
    assert positive == ["hailed", "significant", "ability", "protect"]
    assert negative == ["threats"]
    assert result.values["tone_positive_share"] == 1.0


def test_sample_article(sample_texts: dict[str, str]) -> None:
    text = sample_texts[UNUSUAL_WHALES]
    result = _measure(text)
    assert result.family == "tone"
    assert set(result.values) == KEYS
    # 14 sentences: 5 at >= 0.05, 7 at <= -0.05, 2 neutral.
    assert result.values["tone_positive_share"] == pytest.approx(5 / 14)
    assert result.values["tone_negative_share"] == pytest.approx(7 / 14)
    assert result.values["tone_compound_mean"] == pytest.approx(-0.1215, abs=1e-4)
    assert result.values["tone_positive_words_count"] == 21
    assert result.values["tone_negative_words_count"] == 21
    assert result.values["tone_negative_words_per_1k"] == pytest.approx(1000 * 21 / 333)
    assert len(result.evidence) == 42
    for row in result.evidence:
        assert text[row.start : row.end] == row.text
        assert row.family == "tone" and row.zone in ("lead", "body")
        assert row.rule == f"vader:{row.text.lower()}"
        assert (row.weight > 0) == (row.category == "positive")
    killed = next(row for row in result.evidence if row.text == "killed")
    assert (killed.category, killed.weight) == ("negative", -3.5)


def test_curly_apostrophe_negation_is_recognised(sample_texts: dict[str, str]) -> None:
    headline = "US tells Israel it won’t join counter-strike on Iran"
    assert sample_texts[UNUSUAL_WHALES].startswith(headline)
    # "join" is positive (+1.2) in the lexicon; "won’t" negates it.
    assert compound(headline) == pytest.approx(-0.2235)
    assert compound(headline) == compound(headline.replace("’", "'"))


def test_word_counts_ignore_negation_but_compound_does_not() -> None:
    text = "The result was not good."
    result = _measure(text)
    assert [(e.text, e.category) for e in result.evidence] == [("good", "positive")]
    assert result.values["tone_compound_mean"] == pytest.approx(-0.3412)
    assert result.values["tone_negative_share"] == 1.0


@pytest.mark.parametrize("text", ["", " \n\n ", "— …"])
def test_undefined_without_words(text: str) -> None:
    result = _measure(text)
    assert set(result.values) == KEYS
    assert result.evidence == []
    assert result.values["tone_positive_words_count"] == 0
    assert result.values["tone_negative_words_count"] == 0
    for key in KEYS - {"tone_positive_words_count", "tone_negative_words_count"}:
        assert math.isnan(result.values[key]), key


# --- The faster scoring agrees with NLTK's own analyzer -------------------------------------

TRICKY_SENTENCES = [
    "The food was great!",  # a mark after a word
    "Great!!! Really great!!!! (great) -great- .great, great.",  # runs that are and aren't marks
    '"Great," she said; "great" is what she said.',  # quotes around words: left as they are
    "!!! ??? ?!? !?!? . , ;",  # punctuation alone
    "I love it :) but :( and :-( and <3 and :D",  # emoticons
    "It was good, but the ending was awful.",  # "but"
    "It was not good, and it isn't bad; it never was so bad.",  # negation, "never so"
    "He is at least kind of nice, the kiss of death, yeah right, the bomb.",  # least, idioms
    "The GOOD news is HORRIBLE for everyone.",  # capitals among lower case
    "GOOD NEWS",  # all capitals: no capital emphasis
    "good not good good",  # a repeated token is judged where it first occurs
    "a-b ab! ab, -ab x! !x",  # a word shared by tokens, one-letter words
    "The council met on Tuesday to discuss the budget.",  # no lexicon word
    # Modifiers within VADER's window (three tokens before, two after) and just outside it.
    "Not one of them was good.",
    "It was not a good day, hardly any good, at least good, very least good.",
    "It was never so good, never this good, so good, this good, just enough good.",
    "It is kind of good and sort of good; the bomb is good; good kiss of death.",
    "It is VERY GOOD, Very good and very GOOD.",
    "It wasn’t good and it wasn't good.",
    # No modifier anywhere (valences straight from the lexicon): capitals, marks that amplify.
    "GREAT results and a GREAT team, great!",
    "Is it good?? Was it bad??? Awful????",
    "",
]


def _nltk_analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's own analyzer and scoring over the shipped lexicon."""
    analyzer = SentimentIntensityAnalyzer.__new__(SentimentIntensityAnalyzer)
    analyzer.lexicon_file = (
        resources.files("toolkit").joinpath("data/vader_lexicon.txt").read_text("utf-8")
    )
    analyzer.lexicon = analyzer.make_lex_dict()
    analyzer.constants = VaderConstants()
    return analyzer


@pytest.mark.parametrize("text", TRICKY_SENTENCES)
def test_scores_match_nltk(text: str) -> None:
    nltk_analyzer = _nltk_analyzer()
    ours = sentiment.vader_analyzer()
    constants = VaderConstants()
    nltk_words = SentiText(
        text, constants.PUNC_LIST, constants.REGEX_REMOVE_PUNCTUATION
    ).words_and_emoticons
    assert sentiment._vader_words(text) == nltk_words
    expected = nltk_analyzer.polarity_scores(text)
    assert ours.polarity_scores(text) == expected
    assert ours.compound(text) == expected["compound"]
    straight = nltk_analyzer.polarity_scores(text.replace("’", "'"))
    assert compound(text) == straight["compound"]


def test_tricky_sentences_score_as_vader_does() -> None:
    # NLTK's values (checked against NLTK above), pinned to show what each case exercises.
    # A whole mark ("!!!", ",") comes off a word; "!!!!", "(", "-" and a mark on both ends don't.
    assert sentiment._vader_words(TRICKY_SENTENCES[1]) == [
        "Great",
        "Really",
        "great!!!!",
        "(great)",
        "-great-",
        ".great,",
        "great",
    ]
    assert compound("The food was great!") == 0.6588
    assert compound('"Great," she said; "great" is what she said.') == 0.0  # quoted: unknown
    assert compound("It was good, but the ending was awful.") == -0.4678
    assert compound("The GOOD news is HORRIBLE for everyone.") == -0.1531
    # Every "good" is scored where the token first occurs, so none is negated.
    assert compound("good not good good") == 0.8271
    assert compound("The council met on Tuesday to discuss the budget.") == 0.0


def test_sentence_without_lexicon_words_is_neutral() -> None:
    scores = sentiment.vader_analyzer().polarity_scores("The council met on Tuesday.")
    assert scores == {"neg": 0.0, "neu": 1.0, "pos": 0.0, "compound": 0.0}
    assert sentiment.vader_analyzer().polarity_scores("") == {
        "neg": 0.0,
        "neu": 0.0,
        "pos": 0.0,
        "compound": 0.0,
    }


def test_sentences_with_words_follow_sentence_index() -> None:
    # Words before the first sentence count for it; a sentence without words is left out.
    text = "ab — cd. — … ef gh."
    doc = Segmented.from_spans(
        text,
        (Span(3, 8), Span(9, 12), Span(13, 19)),
        (Span(0, 2), Span(5, 7), Span(13, 15), Span(16, 18)),
    )
    assert [doc.sentence_index(span.start) for span in doc.words] == [0, 0, 2, 2]
    assert sentiment._sentences_with_words(doc) == ["— cd.", "ef gh."]
    assert sentiment._sentences_with_words(segment("")) == []


@pytest.mark.parametrize(
    "text",
    [
        "The GOOD news won’t hurt.",  # upper case and a curly apostrophe
        "İstanbul had GOOD news.",  # "İ" lower-cases to two characters
        "ΣΟΦΙΑ had GOOD news, ΟΔΟΣ.",  # capital sigma lower-cases by context
    ],
)
def test_lexicon_evidence_looks_up_each_word_lower_cased(text: str) -> None:
    result = _measure(text)
    assert [(e.text, e.rule, e.weight, e.start, e.end) for e in result.evidence] == [
        ("GOOD", "vader:good", 1.9, text.index("GOOD"), text.index("GOOD") + 4)
    ] + ([("hurt", "vader:hurt", -2.4, 20, 24)] if "hurt" in text else [])


def test_vader_tokens_and_capital_differential() -> None:
    assert [sentiment._vader_token(token) for token in ["a", "!", "ab", "ab!", "(ab)", "a!"]] == [
        "",
        "",
        "ab",
        "ab",
        "(ab)",
        "a!",
    ]
    assert sentiment._cap_differential(["GOOD", "news"]) is True
    assert sentiment._cap_differential(["GOOD", "NEWS"]) is False
    assert sentiment._cap_differential(["good", "news"]) is False
    assert sentiment._cap_differential([]) is False
