"""The shortcuts of attribution extraction give what the plain regular expressions give.

The rules use a few regular expressions over the whole text and many backward searches before
each cue. For speed, word lists are written as tries, the whole-text patterns are only tried
where one of their words begins, and the backward searches first rule out the windows and
offsets where no source can be. Each test here compares a shortcut with the plain search.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.metrics.attribution import default_actors, load_lexicon
from toolkit.metrics.attribution.actors import affiliation, affiliator
from toolkit.metrics.attribution.context import (
    Context,
    back_start,
    compile_patterns,
    dead_ends,
    openings,
    scan,
)
from toolkit.metrics.attribution.rules import _back, _coordinated, _window
from toolkit.metrics.attribution.sources import alternation
from toolkit.text import segment

WHOLE_TEXT = ("cue", "according", "citing", "reports")
TRICKY = (
    "said the official",  # a cue at the very start
    "Résaid, “said” (said) —said 'said -said _said 3said",  # what may and may not come before
    "According to plan, according to officials, Reports emerged that local reports surfaced",
    "He declined  to\ncomment, citing sources, quoting Axios. Unconfirmed reports circulated.",
)


def _flat(words: list[str], *, capitalised: bool = True) -> str:
    """The alternation as the extractor wrote it before tries: one branch per word."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        first, *rest = word.split(" ")
        letter = first[0]
        if capitalised and letter.isalpha() and letter.islower():
            opening = f"[{letter.upper()}{letter}]" + re.escape(first[1:])
        else:
            opening = re.escape(first)
        parts.append(r"\s+".join([opening, *(re.escape(piece) for piece in rest)]))
    return "|".join(parts)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], ...]]:
    return [match.regs for match in pattern.finditer(text)]


def test_alternation_is_a_trie() -> None:
    assert alternation(["said", "says", "say"], capitalised=False) == "sa(?:id|y(?:s|))"
    assert alternation(["he", "Iran"]) == "(?:Iran|He|he)"
    assert alternation(["declined to say", "declined to comment"], capitalised=False) == (
        r"declined\s+to\s+(?:comment|say)"
    )
    assert alternation([]) == ""


WORDS = st.lists(
    st.text(alphabet="abAB ß", min_size=1, max_size=4)
    .map(lambda word: " ".join(word.split()))
    .filter(bool),
    min_size=1,
    max_size=7,
)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, capitalised=st.booleans(), text=st.text(alphabet="abAB ßSc\n", max_size=40))
def test_alternation_matches_what_the_flat_alternation_matches(
    words: list[str], capitalised: bool, text: str
) -> None:
    trie, flat = alternation(words, capitalised=capitalised), _flat(words, capitalised=capitalised)
    # alone, before a boundary, and where the engine must backtrack into the alternation
    for template in ("(?:{})", "(?<![ab])(?:{})(?![abAB])", "(?:{})(?:a|b)c", "(?:(?:{})\\s*)+c"):
        assert _spans(re.compile(template.format(trie)), text) == _spans(
            re.compile(template.format(flat)), text
        )


def test_whole_text_patterns_are_only_tried_where_their_words_begin(
    sample_texts: dict[str, str],
) -> None:
    patterns = compile_patterns(load_lexicon())
    found = 0
    for text in (*sample_texts.values(), *TRICKY):
        starts = openings(patterns.opening, text)
        for name in WHOLE_TEXT:
            pattern = getattr(patterns, name)
            expected = _spans(pattern, text)
            assert [match.regs for match in scan(pattern, text, starts)] == expected
            found += len(expected)
    assert found > 40


def test_openings_of_a_tricky_text() -> None:
    patterns = compile_patterns(load_lexicon())
    text = TRICKY[1]
    starts = openings(patterns.opening, text)
    # 0, and after “ ( — ' - é: B itself is left to the pattern
    assert {text[start : start + 4] for start in starts} == {"Résa", "said"}
    assert [match.start() for match in scan(patterns.cue, text, starts)] == [
        text.index("said”"),
        text.index("said)"),
        text.index("said 'said"),
    ]


def _windows(text: str) -> list[tuple[int, int]]:
    """Windows ending at every word start, as the rules search them and longer."""
    doc = segment(text)
    windows = []
    for match in re.finditer(r"(?<=\s)\w", text):
        end = match.start()
        sentence = doc.sentences[doc.sentence_index(end)]
        windows.append((_window(text, sentence.start, end), end))
        windows += [(max(0, end - length), end) for length in (12, 60, 240)]
    return windows


def test_backward_searches_give_what_the_plain_search_gives(sample_texts: dict[str, str]) -> None:
    patterns = compile_patterns(load_lexicon())
    sources = coordinated = 0
    for text in sample_texts.values():
        context = SimpleNamespace(text=text, patterns=patterns)
        for start, end in _windows(text):
            expected = patterns.back.search(text, start, end)
            found = _back(context, start, end)  # type: ignore[arg-type]
            assert (found and found.regs) == (expected and expected.regs)
            sources += expected is not None
            expected = patterns.coordinated.search(text, start, end)
            found = _coordinated(context, start, end)  # type: ignore[arg-type]
            assert (found and found.regs) == (expected and expected.regs)
            coordinated += expected is not None
    assert sources > 1000
    assert coordinated > 5


def test_a_lexicon_with_other_characters_searches_every_offset() -> None:
    lexicon = replace(load_lexicon(), modifiers=frozenset({"U.S.", "senior"}))
    patterns = compile_patterns(lexicon)
    assert not patterns.plain
    assert compile_patterns(load_lexicon()).plain
    text = "Officials say a U.S. official told Reuters the plan was likely to say nothing."
    context = SimpleNamespace(text=text, patterns=patterns)
    for start, end in _windows(text):
        expected = patterns.back.search(text, start, end)
        found = _back(context, start, end)  # type: ignore[arg-type]
        assert (found and found.regs) == (expected and expected.regs)
    found = _back(context, 0, text.index("told"))  # type: ignore[arg-type]
    assert found is not None and found.group("np") == "a U.S. official"


def test_no_source_ends_in_a_dead_end() -> None:
    lexicon = load_lexicon()
    ends = dead_ends(lexicon)
    assert {"to", "that", "the", "a"} <= ends
    assert "been" not in ends  # "has been" may stand between a source and its cue
    # pronouns, heads, linking words and "who" can end the text before a cue
    assert not {"he", "it", "they", "also", "has", "who", "official", "reports"} & ends
    patterns = compile_patterns(lexicon)
    text = "Women are far more likely to say so."
    context = SimpleNamespace(text=text, patterns=patterns)
    assert _back(context, 0, text.index("say")) is None  # type: ignore[arg-type]
    assert patterns.back.search(text, 0, text.index("say")) is None


def test_back_start_skips_what_no_source_holds() -> None:
    linking = compile_patterns(load_lexicon()).linking

    def earliest(text: str, cue: str) -> str:
        return text[back_start(text, 0, text.index(cue), linking) :]

    # a title with a full stop opens a name ("Mr. Singh")
    assert earliest("After high school, Mr. Singh said so.", "said") == " Mr. Singh said so."
    assert earliest("The person he knew, he said.", "said") == " he said."
    assert earliest("It cost $1,000 in total, she said.", "said") == " she said."
    assert earliest("It cost $1,000, she said.", "said") == "1,000, she said."  # "1,000 people"
    # not before an appositive, which holds commas and full stops of its own
    text = "Hossein Salami, the head of the I.R.G.C. and Sen. Smith, has stated it."
    assert earliest(text, "stated") == text
    text = "Yesterday, Joyce — who is listed as an attorney, Mr. Brown says — told us."
    assert earliest(text, "told") == text[text.index(" Joyce") :]
    text = "In the U.S. mission. officials said."
    assert earliest(text, "said") == " officials said."  # "U.S." may be a name, "mission." not
    text = "In the (U.N.) mission. officials said."
    assert earliest(text, "said") == text  # with brackets, no full stop is ruled out


def test_stances_and_affiliations_as_the_lexicon_and_codebook_give_them() -> None:
    lexicon = load_lexicon()
    context = Context("x", segment("x"), lexicon)
    cues = [form for form, _ in lexicon.verbs] + [*lexicon.refusals, "declined  to\ncomment", "x"]
    assert [context.stance(cue) for cue in cues] == [lexicon.stance(cue) for cue in cues]
    actors = default_actors()
    affiliate = affiliator(actors)
    assert affiliator(actors) is affiliate
    for source, source_type in (
        ("US Defense Secretary Lloyd Austin", "named_person"),
        ("Axios", "news_media"),
        ("a senior official", "anonymous"),
    ):
        assert affiliate(source, source_type) == affiliation(source, source_type, actors)
    assert affiliate("Axios", "news_media") == "media"
