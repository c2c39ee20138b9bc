"""Sentences, words and their offsets, on real sample sentences and arbitrary text."""

# The sample texts use typographic apostrophes and quotes on purpose.
# ruff: noqa: RUF001
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.text import Segmented, Span, segment, sentence_spans, word_spans

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
