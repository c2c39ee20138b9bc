"""Tests for toolkit.metrics.lexicon: the compiled codebook matcher."""

from __future__ import annotations

import re
import time

import pytest

from toolkit.codebooks import Category, Codebook, Entry, builtin_codebook
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics.lexicon import (
    LexiconMatch,
    check_segmented,
    compile_codebook,
    family_codebook,
    find_matches,
    fold_text,
    headline_matches,
    headline_of,
    scan_text,
)
from toolkit.text import segment


def _book(*entries: Entry, family: str = "framing") -> Codebook:
    category = Category(id="cat", label="Cat", description="d", entries=entries)
    return Codebook(
        name="mini",
        version="1.0.0",
        family=family,
        description="d",
        citation="c",
        licence="CC0",
        categories=(category,),
        path="mini.yaml",
    )


def _found(book: Codebook, text: str) -> list[tuple[str, str, int, int]]:
    return [(m.text, m.entry_id, m.start, m.end) for m in find_matches(book, segment(text))]


def test_longest_phrase_wins_and_offsets_index_the_text() -> None:
    book = _book(Entry("may", ("may",)), Entry("may_well", ("may well",)))
    text = "Iran may well respond, and Israel may wait."
    assert _found(book, text) == [("may well", "may_well", 5, 13), ("may", "may", 34, 37)]


def test_wildcard_stem_and_listed_forms() -> None:
    book = _book(Entry("suggest", ("suggest*",)), Entry("appear", ("appear", "appears")))
    text = "This suggests, and that suggested; it appears, not in TV appearances."
    assert [m[0] for m in _found(book, text)] == ["suggests", "suggested", "appears"]


def test_exact_term_beats_a_stem_of_another_entry() -> None:
    book = _book(
        Entry("escalation", ("escalat*",)), Entry("deesc", ("de-escalat*", "escalation ladder"))
    )
    text = "calls to de-escalate; escalation ladder; escalating tensions; de\u2011escalation"
    assert [(m[0], m[1]) for m in _found(book, text)] == [
        ("de-escalate", "deesc"),
        ("escalation ladder", "deesc"),
        ("escalating", "escalation"),
        ("de\u2011escalation", "deesc"),
    ]


def test_hyphenated_compound_is_one_word() -> None:
    book = _book(Entry("escalation", ("escalat*",)))
    assert _found(book, "urging all parties to de-escalate tensions") == []


def test_case_apostrophes_and_whitespace() -> None:
    book = _book(Entry("not_join", ("won't join",)), Entry("in_fact", ("in fact",)))
    text = "US tells Israel it WON\u2019T JOIN counter-strike; in\n  fact it won't join."
    assert _found(book, text) == [
        ("WON\u2019T JOIN", "not_join", 19, 29),
        ("in\n  fact", "in_fact", 46, 55),
        ("won't join", "not_join", 59, 69),
    ]


def test_guard_rejection_is_recorded_not_dropped() -> None:
    book = _book(Entry("about", ("about",), guards=("before_quantity",), weight=2.0))
    text = "They talked about Iran as about 100 ballistic missiles flew."
    matches = find_matches(book, segment(text))
    assert [(m.start, m.rejected_by, m.kept) for m in matches] == [
        (12, "before_quantity", False),
        (26, None, True),
    ]
    assert matches[1] == LexiconMatch(
        start=26,
        end=31,
        text="about",
        category="cat",
        entry_id="about",
        rule="mini:about",
        weight=2.0,
    )


def test_evidence_rows_keep_offsets_and_rule() -> None:
    book = _book(Entry("reportedly", ("reportedly",)))
    text = "President Joe Biden reportedly conveyed a clear message"
    [match] = find_matches(book, segment(text))
    evidence = match.evidence("doc-1", "hedging")
    assert (evidence.doc_id, evidence.family, evidence.category, evidence.rule) == (
        "doc-1",
        "hedging",
        "cat",
        "mini:reportedly",
    )
    assert text[evidence.start : evidence.end] == evidence.text == "reportedly"
    assert match.evidence("doc-1", "hedging", "other").category == "other"


def test_compiled_matcher_is_cached_per_codebook() -> None:
    book = builtin_codebook("hedging")
    assert compile_codebook(book) is compile_codebook(book)
    assert compile_codebook(book).pattern.flags & 2  # re.IGNORECASE


def test_empty_text_has_no_matches() -> None:
    assert find_matches(builtin_codebook("framing"), segment("")) == ()


def test_family_codebook_defaults_and_errors() -> None:
    assert family_codebook(None, "hedging") is builtin_codebook("hedging")
    with pytest.raises(
        ParameterError,
        match=r"^The 'codebook' parameter of measure must be a codebook of family 'hedging'\. "
        r"Got family 'framing' instead\.$",
    ):
        family_codebook(builtin_codebook("framing"), "hedging")
    with pytest.raises(ParameterError, match=r"Got str instead\.$"):
        family_codebook("hedging.yaml", "hedging")  # type: ignore[arg-type]


def test_check_segmented_rejects_a_doc_of_another_text() -> None:
    article = Article("d1", "o", "t", "One text.", "One text.", "here")
    check_segmented(article, segment("One text."))
    with pytest.raises(ParameterError, match=r"segment\(article\.text\)"):
        check_segmented(article, segment("Another text."))


def test_matching_is_fast(sample_texts: dict[str, str]) -> None:
    doc = segment("\n".join(sample_texts.values()) * 25)  # about 50,000 words
    book = builtin_codebook("framing")
    compile_codebook(book)
    began = time.perf_counter()
    matches = find_matches(book, doc)
    elapsed = time.perf_counter() - began
    assert len(matches) > 1000
    assert doc.n_words / elapsed > 100_000  # measured about 1.5 million words/s


def _reference(book: Codebook, text: str) -> list[tuple[int, int]]:
    """Spans of the case-insensitive pattern, which the folded one must reproduce."""
    return [found.span() for found in compile_codebook(book).pattern.finditer(text)]


def test_folded_matching_finds_what_case_insensitive_matching_finds() -> None:
    book = _book(
        Entry("iran", ("iran",)),
        Entry("us", ("united states", "states")),
        Entry("kurd", ("kurd*",)),
        Entry("strike", ("strike", "strikes")),
    )
    assert compile_codebook(book).folded is not None
    text = (
        "Iran. IRAN,iran\u0130RAN \u00e9iran de-iran iran- \u212aURDISH KURD\u0130SH "
        "United\n States; states strikes\u2019 strike_x strike2 \u201cStrikes\u201d"
    )
    spans = [(m.start, m.end) for m in find_matches(book, segment(text))]
    assert spans == _reference(book, text)
    assert [text[start:end] for start, end in spans] == [
        "Iran",
        "IRAN",
        "\u212aURDISH",  # the Kelvin sign matches "k" case-insensitively
        "KURD\u0130SH",  # and the dotted capital I matches "i"
        "United\n States",
        "states",
        "strikes",
        "Strikes",
    ]


def test_folding_keeps_offsets_classes_and_case_insensitive_equality() -> None:
    everything = "".join(map(chr, range(0x110000)))
    folded = fold_text(everything)
    assert len(folded) == len(everything)
    for pattern in (r"\w", r"\s", r"[\w-]", r"['\u2019]", r"[-\u2010\u2011]"):
        assert [m.start() for m in re.finditer(pattern, folded)] == [
            m.start() for m in re.finditer(pattern, everything)
        ], pattern
    # A folded character is an ASCII term character exactly when the original matches it
    # case-insensitively (capitals never occur in terms, which are lower-cased).
    term_chars = "".join(chr(code) for code in range(128) if not chr(code).isupper())
    by_fold = {
        (everything[m.start()], m.group())
        for m in re.finditer(f"[{re.escape(term_chars)}]", folded)
    }
    by_regex = {
        (m.group(), char)
        for m in re.finditer(f"[{re.escape(term_chars)}]", everything, re.IGNORECASE)
        for char in term_chars
        if re.fullmatch(re.escape(char), m.group(), re.IGNORECASE)
    }
    assert by_fold == by_regex


def test_non_ascii_terms_use_the_case_insensitive_pattern() -> None:
    book = _book(Entry("poettker", ("p\u00f6ttker",)), Entry("iran", ("iran",)))
    assert compile_codebook(book).folded is None
    text = "P\u00d6TTKER on Iran; p\u00f6ttker."
    assert _found(book, text) == [
        ("P\u00d6TTKER", "poettker", 0, 7),
        ("Iran", "iran", 11, 15),
        ("p\u00f6ttker", "poettker", 17, 24),
    ]


def test_longest_stem_wins() -> None:
    book = _book(Entry("protest", ("protest*",)), Entry("protester", ("protester*",)))
    text = "Protesters were protesting; a protester's sign."
    assert [(m[0], m[1]) for m in _found(book, text)] == [
        ("Protesters", "protester"),
        ("protesting", "protest"),
        ("protester", "protester"),
    ]


def test_a_plain_text_is_segmented_only_for_guards() -> None:
    book = _book(Entry("may", ("may",), guards=("not_month",)))
    matcher = compile_codebook(book)
    for title in ("Talks May Resume", "Envoys meet on May 5", "May talks resume"):
        expected = [(m.start, m.rejected_by) for m in matcher.find(segment(title))]
        assert [(m.start, m.rejected_by) for m in matcher.find(title)] == expected
    assert [m.rejected_by for m in matcher.find("Envoys meet on May 5")] == ["not_month"]


def test_headline_matches_take_a_segmented_title() -> None:
    book = builtin_codebook("conflict_frames")
    title = "US tells Israel it won\u2019t join counter-strike on Iran"
    matches = headline_matches(book, title)
    assert [m.text for m in matches] == ["won\u2019t join", "counter-strike"]
    assert headline_matches(book, title, segment(title)) == matches
    with pytest.raises(ParameterError, match=r"'headline' parameter of headline_matches"):
        headline_matches(book, title, segment("Another title"))


def test_headline_of_checks_the_segmented_title() -> None:
    article = Article("d1", "o", "A title", "One text.", "One text.", "here")
    assert headline_of(article) == "A title"
    headline = segment("A title")
    assert headline_of(article, headline) is headline
    with pytest.raises(ParameterError, match=r"segment\(article\.title\)"):
        headline_of(article, segment("Another title"))


def test_letters_that_match_ascii_case_insensitively_find_their_term() -> None:
    # "\u0131" (dotless i), "\u0130" (dotted capital I) and "\u017f" (long s) match "i" and "s"
    # in the case-insensitive scan; the term lookup folds them the same way.
    book = _book(Entry("iran", ("iran",)), Entry("us", ("states",)))
    text = "\u0131ran and \u0130RAN; \u017ftates."
    assert _found(book, text) == [
        ("\u0131ran", "iran", 0, 4),
        ("\u0130RAN", "iran", 9, 13),
        ("\u017ftates", "us", 15, 21),
    ]


def test_hits_take_the_scan_text_the_caller_has_already() -> None:
    book = _book(Entry("may", ("may",)), Entry("suggest", ("suggest*",)))
    text = "It May suggest that MAY is near."
    matcher = compile_codebook(book)
    assert scan_text(text) == " it may suggest that may is near."
    given = matcher.hits(text, folded=scan_text(text))
    assert given == matcher.hits(text)
    assert [(start, end, found) for start, end, found, *_ in given] == [
        (3, 6, "May"),
        (7, 14, "suggest"),
        (20, 23, "MAY"),
    ]
    with pytest.raises(ParameterError, match="scan_text"):
        matcher.hits(text, folded=scan_text(text + "!"))


def test_targets_know_their_match_fields() -> None:
    book = _book(Entry("may", ("may",), weight=0.5))
    (*_, target, _) = compile_codebook(book).hits("may")[0]
    assert target.identity == ("cat", "may", "mini:may", 0.5)


def test_letters_paired_only_by_case_folding_find_their_term() -> None:
    # The case-insensitive scan matches a final sigma for a medial one; lower() keeps them apart.
    book = _book(Entry("war", ("\u03c0\u03cc\u03bb\u03b5\u03bc\u03bf\u03c2",)))
    text = "\u03bf \u03c0\u03cc\u03bb\u03b5\u03bc\u03bf\u03c3 \u03ac\u03c1\u03c7\u03b9\u03c3\u03b5."
    assert _found(book, text) == [("\u03c0\u03cc\u03bb\u03b5\u03bc\u03bf\u03c3", "war", 2, 9)]
