"""Sentences, words and their offsets, on real sample sentences and arbitrary text."""

# The sample texts use typographic apostrophes and quotes on purpose.
# ruff: noqa: RUF001
from __future__ import annotations

import dataclasses
import pickle
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from toolkit.text import (
    Segmented,
    Span,
    segment,
    sentence_spans,
    word_offsets,
    word_spans,
    word_strings,
)

UNUSUAL_WHALES = "002_0bbcda579d155b64"


def _sentences(text: str) -> list[str]:
    return [text[span.start : span.end] for span in sentence_spans(text)]


def _words(text: str) -> list[str]:
    return [text[span.start : span.end] for span in word_spans(text)]


def test_abbreviation_does_not_split_but_paragraph_does(sample_texts: dict[str, str]) -> None:
    text = sample_texts[UNUSUAL_WHALES]
    sentences = _sentences(text)
    assert len(sentences) == 14
    # The headline has no final period; its line break still ends it.
    assert sentences[0] == "US tells Israel it won’t join counter-strike on Iran"
    assert sentences[2].startswith("Meanwhile, U.S. officials are advising Israel")
    assert sentences[2].endswith("engulf the Middle East and draw in the United States.")
    assert sentences[-1] == (
        "U.S. officials viewed the attack as limited and carefully planned, likely intended to "
        "satisfy a domestic audience without sparking a larger conflict."
    )


def test_headline_words_have_exact_offsets(sample_texts: dict[str, str]) -> None:
    text = sample_texts[UNUSUAL_WHALES]
    headline = word_spans(text)[:8]
    assert headline == (
        Span(0, 2),
        Span(3, 8),
        Span(9, 15),
        Span(16, 18),
        Span(19, 24),
        Span(25, 29),
        Span(30, 44),
        Span(45, 47),
    )
    assert [text[s.start : s.end] for s in headline] == [
        "US", "tells", "Israel", "it", "won’t", "join", "counter-strike", "on",
    ]  # fmt: skip


def test_numbers_and_percentages_are_words(sample_texts: dict[str, str]) -> None:
    assert "300" in _words(sample_texts["000_c6d9780c7ae0e10c"])
    words = _words("US officials highlight that approximately 99% of the missiles, 1,000.5 each")
    assert words == [
        "US", "officials", "highlight", "that", "approximately", "99", "of", "the", "missiles",
        "1,000.5", "each",
    ]  # fmt: skip


def test_word_boundaries() -> None:
    assert _words("U.S. officials, i.e. p.m. D.C.") == ["U.S", "officials", "i.e", "p.m", "D.C"]
    assert _words("the end.Next Iraq,Jordan") == ["the", "end", "Next", "Iraq", "Jordan"]
    assert _words("Iran's Kirby’s R-Ohio -- a_b") == ["Iran's", "Kirby’s", "R-Ohio", "a", "b"]
    assert _words("“Naturally,” he said…") == ["Naturally", "he", "said"]


def test_sentence_boundaries() -> None:
    assert _sentences("He lives in Washington, D.C. The city is big.") == [
        "He lives in Washington, D.C.",
        "The city is big.",
    ]
    assert _sentences("Sen. John Smith spoke at 3 p.m. Tuesday. He left.") == [
        "Sen. John Smith spoke at 3 p.m. Tuesday.",
        "He left.",
    ]
    assert _sentences("He fell ill. Mass protests followed.") == [
        "He fell ill.",
        "Mass protests followed.",
    ]
    assert _sentences("Salami said “it is over.” However, he noted more.") == [
        "Salami said “it is over.”",
        "However, he noted more.",
    ]


def test_sentences_exclude_surrounding_space_and_split_on_any_line_break() -> None:
    text = "  Legal Disclaimer:\r\nMENAFN provides it.\u2028Second line.  \n\n   \n"
    assert sentence_spans(text) == (Span(2, 19), Span(21, 40), Span(41, 53))
    assert _sentences(text) == ["Legal Disclaimer:", "MENAFN provides it.", "Second line."]


def test_empty_and_blank_text() -> None:
    for text in ("", "   \n\t\n"):
        doc = segment(text)
        assert doc.sentences == () and doc.words == ()
        assert doc.n_words == 0 and doc.n_sentences == 0
        assert doc.sentence_text(0) == ""


def test_sentence_lookup(sample_texts: dict[str, str]) -> None:
    text = sample_texts[UNUSUAL_WHALES]
    doc = segment(text)
    offset = text.index("officials are advising")
    assert doc.sentence_index(offset) == 2
    assert doc.sentence_text(offset).startswith("Meanwhile, U.S. officials")
    # The line break between two sentences belongs to the one before it.
    assert doc.sentence_index(doc.sentences[1].start - 1) == 0
    assert doc.sentence_index(0) == 0


def test_every_sample_span_is_exact(sample_texts: dict[str, str]) -> None:
    for text in sample_texts.values():
        doc = segment(text)
        assert isinstance(doc, Segmented) and doc.text == text
        for span in doc.words:
            word = text[span.start : span.end]
            assert word and word[0].isalnum() and word[-1].isalnum()
        for span in doc.sentences:
            sentence = text[span.start : span.end]
            assert sentence == sentence.strip() and "\n" not in sentence


def _assert_well_formed(spans: tuple[Span, ...], length: int) -> None:
    previous_end = 0
    for span in spans:
        assert 0 <= previous_end <= span.start < span.end <= length
        previous_end = span.end


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_gives_ordered_disjoint_spans(text: str) -> None:
    doc = segment(text)
    _assert_well_formed(doc.sentences, len(text))
    _assert_well_formed(doc.words, len(text))
    for span in doc.words:
        assert doc.sentences, "a word outside every sentence"
        sentence = doc.sentences[doc.sentence_index(span.start)]
        assert sentence.start <= span.start and span.end <= sentence.end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*"aZ9 .,!?\n\r\"“”’'-()…\u2028\t", "U.S.", "Mr.", "The"])))
def test_punctuation_heavy_text_gives_well_formed_spans(pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = segment(text)
    _assert_well_formed(doc.sentences, len(text))
    _assert_well_formed(doc.words, len(text))


def _punkt_reference(text: str) -> tuple[Span, ...]:
    """Sentence spans as NLTK's own ``span_tokenize`` gives them, one line at a time."""
    lists = resources.files("toolkit").joinpath("data")
    params = PunktParameters()
    for name, attribute in (
        ("abbreviations.txt", "abbrev_types"),
        ("sentence_starters.txt", "sent_starters"),
    ):
        raw = lists.joinpath(name).read_text("utf-8").splitlines()
        setattr(params, attribute, {w.strip() for w in raw if w.strip() and w[0] != "#"})
    tokenizer = PunktSentenceTokenizer(params)
    spans = []
    for line in re.finditer(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+", text):
        for start, end in tokenizer.span_tokenize(line.group()):
            piece = line.group()[start:end]
            if piece.strip():
                first = line.start() + start + len(piece) - len(piece.lstrip())
                spans.append(Span(first, first + len(piece.strip())))
    return tuple(spans)


PUNKT_CASES = {
    # a plain word before the period; an abbreviation before a name or a sentence starter
    "Mr. Smith met Dr. Jones. They spoke.": ["Mr. Smith met Dr. Jones.", "They spoke."],
    "In Washington, D.C. The city is big.": ["In Washington, D.C.", "The city is big."],
    # Punkt's own quirk: after "Mo.)" the next word starts a sentence
    "Rep. Clay (D-Mo.) spoke. Sen. Blunt left.": [
        "Rep. Clay (D-Mo.)",
        "spoke.",
        "Sen. Blunt left.",
    ],
    # a number: the next word's case decides; ";" never starts a sentence
    "It began in 2020. The war ended in 2021. then it began again.": [
        "It began in 2020.",
        "The war ended in 2021. then it began again.",
    ],
    "Costs rose in 2020.; they fell.": ["Costs rose in 2020.; they fell."],
    # an initial: a break only before a closing mark
    "It was John F. Kennedy. His aide said “plan B.” Then he left.": [
        "It was John F. Kennedy.",
        "His aide said “plan B.”",
        "Then he left.",
    ],
    "Really? Yes! Fine.": ["Really?", "Yes!", "Fine."],
    # a closing mark before the period; the next word cut at an apostrophe or a final comma
    "It was large). And it grew.": ["It was large).", "And it grew."],
    "Mr. Trump’s aides met Rep. Clay, then left.": ["Mr. Trump’s aides met Rep. Clay, then left."],
    "Mrs. He’s here.": ["Mrs.", "He’s here."],
    "Plan B. (or C) won.": ["Plan B.", "(or C) won."],
    # left to NLTK: spaced dots, a non-breaking space after an abbreviation
    "He paused. . . and left.": ["He paused.", ".", ".", "and left."],
    "Gov.\u00a0Newsom spoke.  (He left.) Then: silence.": [
        "Gov.\u00a0Newsom spoke.",
        "(He left.)",
        "Then: silence.",
    ],
}


def test_sentences_are_punkts_own() -> None:
    for text, expected in PUNKT_CASES.items():
        assert _sentences(text) == expected
        assert sentence_spans(text) == _punkt_reference(text)


_PUNKT_WORDS = ["word", "Word", "The", "he", "U.S", "R-Fla", "Mr", "mr", "Gen", "p.m", "J", "v"]
_PUNKT_WORDS += ["2020", "1,000", "1980s", "don't", "Ünïcode", "According", "A", "a", "I"]
_PUNKT_MARKS = ["", "", ".", ".", "?", "!", "...", ".”", '."', ".)", ".’", ".;", ".:", ".,", "--"]
_PUNKT_MARKS += [")", ").", "”.", "’s", ",", ",”", "-x", "/"]
_PUNKT_GAPS = [" ", " ", " ", "  ", "\t", "\u00a0", " . ", " . . . ", "\n"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["", "", "", '"', "“", "(", "‘", "#", "--", "$"]),
            st.sampled_from(_PUNKT_WORDS),
            st.sampled_from(_PUNKT_MARKS),
            st.sampled_from(_PUNKT_GAPS),
        ),
        max_size=20,
    )
)
def test_sentences_agree_with_nltk_punkt(parts: list[tuple[str, str, str, str]]) -> None:
    text = "".join("".join(part) for part in parts)
    assert sentence_spans(text) == _punkt_reference(text)


def test_sentence_index_between_and_after_sentences() -> None:
    doc = segment("  One. Two.\n\nThree.  ")
    assert [doc.sentence_text(offset) for offset in (0, 2, 7, 11, 13, 20, 99)] == [
        "One.",
        "One.",
        "Two.",
        "Two.",
        "Three.",
        "Three.",
        "Three.",
    ]


def test_span_is_a_frozen_value() -> None:
    span = Span(start=3, end=8)
    assert span == Span(3, 8) and hash(span) == hash(Span(3, 8)) and span != Span(3, 9)
    assert repr(span) == "Span(start=3, end=8)"
    assert dataclasses.replace(span, end=9) == Span(3, 9)
    assert pickle.loads(pickle.dumps(span)) == span
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start = 4  # type: ignore[misc]


def test_words_are_kept_as_offsets_and_given_as_spans_on_demand() -> None:
    text = "Iran's envoy said: 99.5% of U.S. aid."
    doc = segment(text)
    assert doc.word_texts() == word_strings(text)
    assert doc.word_texts() == ["Iran's", "envoy", "said", "99.5", "of", "U.S", "aid"]
    assert list(zip(doc.word_starts, doc.word_ends, strict=True)) == word_offsets(text)
    assert doc.words == word_spans(text)
    assert doc.words is doc.words  # built once
    assert doc.n_words == 7
    assert Segmented.from_spans(text, doc.sentences, doc.words) == doc


def test_segmented_needs_an_end_for_every_word_start() -> None:
    with pytest.raises(ValueError, match="as many word ends as starts"):
        Segmented("ab cd", (Span(0, 5),), (0, 3), (2,))


def test_sentences_with_edge_space_closing_marks_and_lone_marks() -> None:
    cases = {
        "  He left.  She stayed. \t": [(2, 10), (12, 23)],
        "Yes?! ) No.": [(0, 7), (8, 11)],  # ")" moves to the sentence before
        '"Go."  "Now."': [(0, 5), (7, 13)],
        " . . ": [(1, 2), (3, 4)],
    }
    for text, expected in cases.items():
        assert [(span.start, span.end) for span in sentence_spans(text)] == expected
        assert sentence_spans(text) == _punkt_reference(text)
