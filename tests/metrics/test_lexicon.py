"""Tests for toolkit.metrics.lexicon: the compiled codebook matcher."""

from __future__ import annotations

import re

import pytest

from toolkit.codebooks import Category, Codebook, Entry, builtin_codebook
from toolkit.errors import ParameterError
from toolkit.metrics.lexicon import Hit, compile_codebook
from toolkit.text import fold_text, scan_text, segment


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


def _hits(book: Codebook, text: str) -> list[Hit]:
    return compile_codebook(book).hits(segment(text))


def _found(book: Codebook, text: str) -> list[tuple[str, str, int, int]]:
    return [(matched, t.entry_id, start, end) for start, end, matched, t, _ in _hits(book, text)]


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
    hits = _hits(book, text)
    assert [(start, rejected_by) for start, _, _, _, rejected_by in hits] == [
        (12, "before_quantity"),
        (26, None),
    ]
    start, end, matched, target, _ = hits[1]
    assert (start, end, matched) == (26, 31, "about")
    assert (target.category, target.entry_id, target.rule, target.weight) == (
        "cat",
        "about",
        "mini:about",
        2.0,
    )


def test_compiled_matcher_is_cached_per_codebook() -> None:
    book = builtin_codebook("hedging")
    assert compile_codebook(book) is compile_codebook(book)
    assert compile_codebook(book).pattern.flags & 2  # re.IGNORECASE


def test_empty_text_has_no_matches() -> None:
    assert _hits(builtin_codebook("framing"), "") == []


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
    spans = [(start, end) for start, end, *_ in _hits(book, text)]
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
        expected = [(hit[0], hit[4]) for hit in matcher.hits(segment(title))]
        assert [(hit[0], hit[4]) for hit in matcher.hits(title)] == expected
    assert [hit[4] for hit in matcher.hits("Envoys meet on May 5")] == ["not_month"]


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


def test_letters_paired_only_by_case_folding_find_their_term() -> None:
    # The case-insensitive scan matches a final sigma for a medial one; lower() keeps them apart.
    book = _book(Entry("war", ("\u03c0\u03cc\u03bb\u03b5\u03bc\u03bf\u03c2",)))
    text = "\u03bf \u03c0\u03cc\u03bb\u03b5\u03bc\u03bf\u03c3 \u03ac\u03c1\u03c7\u03b9\u03c3\u03b5."
    assert _found(book, text) == [("\u03c0\u03cc\u03bb\u03b5\u03bc\u03bf\u03c3", "war", 2, 9)]
