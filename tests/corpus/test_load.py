"""load_corpus on the bundled sample corpus, and its parameters."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.corpus import Corpus, load_corpus, original_offset
from toolkit.errors import CorpusError, ParameterError

TITLES = {
    "000_c6d9780c7ae0e10c": (
        "The Voice",
        "US Will Not Take Part in Retaliatory Action Against Iran, White House Says",
    ),
    "001_3ffd96728f458706": (
        "MENAFN",
        "Biden informs Netanyahu he will not back revenge against Iran",
    ),
    "002_0bbcda579d155b64": (
        "Unusual Whales",
        "US tells Israel it won\u2019t join counter-strike on Iran",
    ),
    "003_26c8a3c0485d93f9": (
        "MENAFN",
        "US reaffirms abstaining from involving in any offensive actions against Iran",
    ),
    "004_08f5dd3932140497": (
        "NewsPublicy",
        "US Informs Israel: No Participation in Retaliatory Strikes Against Iran",
    ),
}


@pytest.fixture(scope="module")
def sample() -> Corpus:
    return load_corpus()


def test_sample_has_five_articles_from_four_outlets(sample: Corpus) -> None:
    assert sample.source == "toolkit/sample_corpus"
    assert sample.rejected == ()
    assert [a.doc_id for a in sample.articles] == sorted(TITLES)
    assert {a.doc_id: (a.outlet, a.title) for a in sample.articles} == TITLES
    outlets = [a.outlet for a in sample.articles]
    assert outlets.count("MENAFN") == 2
    assert set(outlets) == {"The Voice", "MENAFN", "Unusual Whales", "NewsPublicy"}


def test_sample_metadata_from_manifest(sample: Corpus) -> None:
    article = {a.doc_id: a for a in sample.articles}["003_26c8a3c0485d93f9"]
    assert article.date == "2024-04-14"
    assert article.url is None
    assert article.location == "sample_corpus/003_26c8a3c0485d93f9.txt"
    voice = sample.articles[0]
    assert voice.date is None
    assert voice.url == (
        "https://thevoice.pk/us-will-not-take-part-in-retaliatory-action-against-iran-"
        "white-house-says/"
    )


def test_original_text_is_the_file(sample: Corpus, sample_texts: dict[str, str]) -> None:
    for article in sample.articles:
        assert article.original_text == sample_texts[article.doc_id]


def test_headline_is_removed_and_recorded(sample: Corpus) -> None:
    for article in sample.articles:
        headline = article.removals[0]
        assert headline.rule == "headline"
        assert headline.start == 0
        assert headline.text.strip() == article.title
        assert not article.text.startswith(article.title)
    voice = sample.articles[0]
    assert voice.text.startswith("Amid escalating tensions in the Middle East")
    assert voice.removals[0].end == len(voice.title) + 2  # the title line and one blank line


def test_boilerplate_is_removed_and_recorded(sample: Corpus) -> None:
    articles = {a.doc_id: a for a in sample.articles}
    rules = {doc_id: [r.rule for r in a.removals] for doc_id, a in articles.items()}
    assert rules == {
        "000_c6d9780c7ae0e10c": ["headline", "trailing_whitespace", "back_to_top"],
        "001_3ffd96728f458706": [
            "headline",
            "agency_dateline",
            "trailing_whitespace",
            "legal_disclaimer",
        ],
        "002_0bbcda579d155b64": ["headline"],
        "003_26c8a3c0485d93f9": [
            "headline",
            "date_stamp",
            "agency_dateline",
            "trailing_whitespace",
            "agency_story_id",
            "legal_disclaimer",
        ],
        "004_08f5dd3932140497": ["headline", "trailing_whitespace", "leave_a_comment"],
    }
    menafn = articles["003_26c8a3c0485d93f9"]
    removed = {r.rule: r.text for r in menafn.removals}
    assert removed["date_stamp"] == "Date\n4/14/2024 8:47:32 AM\n"
    assert removed["agency_story_id"] == "MENAFN14042024000045015839ID1108092386\n"
    assert removed["agency_dateline"] == "(MENAFN) "
    assert removed["legal_disclaimer"].startswith("Legal Disclaimer:\nMENAFN provides")
    assert menafn.text.startswith("In a recent telephone conversation")
    assert menafn.text.endswith("martyr our dear commanders.\u201d")
    for article in sample.articles:
        for phrase in ("Legal Disclaimer", "Back to top", "Leave a Comment", "(MENAFN)"):
            assert phrase not in article.text
        assert "MENAFN14042024" not in article.text
        assert article.text == article.text.strip()


def test_removals_index_original_and_rebuild_it(sample: Corpus) -> None:
    for article in sample.articles:
        kept, cursor = [], 0
        for removal in article.removals:
            assert article.original_text[removal.start : removal.end] == removal.text
            kept.append(article.original_text[cursor : removal.start])
            cursor = removal.end
        kept.append(article.original_text[cursor:])
        assert "".join(kept) == article.text


def test_hedge_word_survives_cleaning(sample: Corpus) -> None:
    voice = sample.articles[0]
    assert voice.outlet == "The Voice"
    start = voice.text.index("purportedly")
    assert start == 822  # byte 898 of the ASCII file minus the headline
    begin = original_offset(voice, start)
    end = original_offset(voice, start + len("purportedly"), side="end")
    assert voice.original_text[begin:end] == "purportedly"
    assert begin == 898  # as `grep -bo purportedly` reports for the file


def test_sample_text_lengths_are_stable(sample: Corpus) -> None:
    # Characters in the file minus the removals listed above, e.g. 000: 2985 - 76 (headline)
    # - 2 (blank line) - 18 ("Back to top button"); 001: 3580 - 63 - 9 - 4 - 381.
    assert [len(a.text) for a in sample.articles] == [2889, 3123, 2128, 2224, 2833]


def test_missing_path_always_raises(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(CorpusError) as caught:
        load_corpus(missing, on_error="skip")
    assert [p.message for p in caught.value.problems] == ["no such file or folder"]
    assert caught.value.problems[0].location == str(missing)


def test_unsupported_file_type_raises(tmp_path: Path) -> None:
    path = tmp_path / "articles.docx"
    path.write_bytes(b"x")
    with pytest.raises(CorpusError, match=r"articles\.docx: unsupported input"):
        load_corpus(path)


def test_bad_on_error_is_a_parameter_error() -> None:
    with pytest.raises(ParameterError, match=r"'on_error' parameter .* Got 'ignore' instead"):
        load_corpus(on_error="ignore")  # type: ignore[arg-type]


def test_bad_encoding_is_a_parameter_error() -> None:
    with pytest.raises(ParameterError, match=r"'encoding' parameter .* Got 'utf-9' instead"):
        load_corpus(encoding="utf-9")


def test_cleaning_must_be_rules_not_a_path() -> None:
    with pytest.raises(ParameterError, match=r"'cleaning' parameter .* Got str instead"):
        load_corpus(cleaning="my_rules.yaml")  # type: ignore[arg-type]
