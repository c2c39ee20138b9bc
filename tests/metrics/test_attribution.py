"""Attribution (sourcing) on the real sample-corpus sentences, with exact offsets."""

# The sample texts use typographic apostrophes and quotes on purpose.
# ruff: noqa: RUF001
from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.metrics.attribution_runs import Measured, measure_article, measure_text
from toolkit.corpus.article import Article
from toolkit.errors import CodebookError
from toolkit.metrics.attribution import (
    SOURCE_TYPES,
    Attribution,
    load_lexicon,
)
from toolkit.metrics.attribution.quotes import Paragraph, paragraphs
from toolkit.text import Span, segment

VOICE = "000_c6d9780c7ae0e10c"
MENAFN_AXIOS = "001_3ffd96728f458706"
UNUSUAL_WHALES = "002_0bbcda579d155b64"
MENAFN_SALAMI = "003_26c8a3c0485d93f9"
NEWSPUBLICY = "004_08f5dd3932140497"

KEYS = {
    "attribution_attributions_count",
    "attribution_attributions_per_1k",
    "attribution_anonymous_count",
    "attribution_anonymous_per_1k",
    "attribution_unnamed_group_count",
    "attribution_unnamed_group_per_1k",
    "attribution_anonymous_or_unnamed_group_count",
    "attribution_anonymous_or_unnamed_group_per_1k",
    "attribution_implicit_count",
    "attribution_implicit_per_1k",
    "attribution_named_count",
    "attribution_named_per_1k",
    "attribution_direct_quotes_count",
    "attribution_direct_quotes_per_1k",
    "attribution_anonymous_share",
    "attribution_anonymous_or_unnamed_group_share",
    "attribution_sources_distinct",
    "attribution_direct_share",
    "attribution_named_to_anonymous_ratio",
} | {
    f"attribution_{kind}_{value}_{unit}"
    for kind, values in (
        ("affiliation", ("israel", "iran", "united_states", "hamas", "hezbollah", "houthis",
                         "palestinians", "united_kingdom", "jordan", "syria", "russia", "china",
                         "united_nations", "european_union", "other_states", "media",
                         "unknown")),
        ("stance", ("neutral", "assertive", "doubt", "alarm", "disclosure", "refusal")),
    )
    for value in values
    for unit in ("count", "per_1k")
}  # fmt: skip

Row = tuple[str, str, str, str, str, str]


def _article(text: str, doc_id: str = "doc") -> Article:
    return Article(
        doc_id=doc_id, outlet="Test", title="", text=text, original_text=text, location="test"
    )


def _measure(text: str, doc_id: str = "doc") -> Measured:
    return measure_text(text, doc_id)


@pytest.fixture(scope="module")
def results(sample_texts: dict[str, str]) -> dict[str, Measured]:
    """Attributions of each raw sample file (title line included), keyed by file stem."""
    return {stem: _measure(text, stem) for stem, text in sample_texts.items()}


def _rows(result: Measured) -> list[Row]:
    return [
        (a.source, a.source_type, a.cue, a.quote_type, a.verb_stance, a.rule.split(":")[1])
        for a in result.attributions
    ]


def _find(result: Measured, cue: str, occurrence: int = 0) -> Attribution:
    return [a for a in result.attributions if a.cue == cue][occurrence]


def _offsets(a: Attribution) -> tuple[tuple[int, int], ...]:
    return (
        (a.start, a.end),
        (a.source_start, a.source_end),
        (a.cue_start, a.cue_end),
        (a.content_start, a.content_end),
    )


def _content(text: str, a: Attribution) -> str:
    return text[a.content_start : a.content_end]


# --- the lexicon -------------------------------------------------------------------------------


def test_shipped_lexicon_has_provenance_and_stances() -> None:
    lexicon = load_lexicon()
    assert lexicon.name == "attribution"
    assert lexicon.version == "2.2.0"
    assert "Bergler" in lexicon.citation and "Pareti" in lexicon.citation
    assert lexicon.licence.startswith("MIT")
    assert [lexicon.stance(cue) for cue in ("said", "insisted", "alleged", "warned")] == [
        "neutral",
        "assertive",
        "doubt",
        "alarm",
    ]
    assert lexicon.stance("disclosed") == "disclosure"
    assert lexicon.stance("declined  to comment") == "refusal"
    assert {"Axios", "Reuters", "Al Jazeera"} <= lexicon.news_media


def test_bad_lexicon_reports_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\nversion: '1'\nverbs:\n  neutral: [said]\n  gloomy: [sighed]\n"
        "inverted_verbs: [said, shouted]\n",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError) as caught:
        load_lexicon(path)
    messages = [str(problem) for problem in caught.value.problems]
    assert all(message.startswith(f"{path}: ") for message in messages)
    assert any("description: missing" in message for message in messages)
    assert any("verbs.gloomy: unknown stance" in message for message in messages)
    assert any("'shouted' is not one of the listed verbs" in message for message in messages)
    assert any("sources: missing" in message for message in messages)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\nverbs: [said\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"broken\.yaml:\d+: not valid YAML"):
        load_lexicon(path)


# --- the real sample sentences -----------------------------------------------------------------


def test_voice_disclosure_reports_and_named_officials(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[VOICE], sample_texts[VOICE]
    assert _rows(result) == [
        # The title line, in Title Case: cues are matched whatever their case.
        ("White House", "named_organisation", "Says", "indirect", "neutral", "said_after_source"),
        ("A senior White House official", "anonymous", "disclosed", "indirect", "disclosure",
         "said_after_source"),
        ("Reports", "unattributed_report", "emerged indicating", "indirect", "neutral",
         "reports_emerged"),
        ("Israeli officials", "unnamed_group", "indicated", "indirect", "neutral",
         "said_after_source"),
        # "Israeli officials indicated that ... and emphasized the pursuit ...": conjoined verb.
        ("Israeli officials", "unnamed_group", "emphasized", "indirect", "assertive",
         "conjoined_verb"),
        ("Defence Minister Yoav Gallant", "named_person", "underscored", "indirect", "assertive",
         "said_after_source"),
        ("Germany's Chancellor Olaf Scholz", "named_person", "emphasized", "indirect",
         "assertive", "said_after_source"),
    ]  # fmt: skip
    official = _find(result, "disclosed")
    assert _offsets(official) == ((351, 501), (351, 380), (381, 390), (391, 501))
    assert _content(text, official).startswith("this development, highlighting")
    reports = _find(result, "emerged indicating")
    assert _offsets(reports) == ((504, 693), (504, 511), (512, 530), (536, 693))
    assert _content(text, reports).startswith("President Biden communicated this stance")
    # "The White House's position underscores a commitment": a possessive is not a source.
    assert not any(a.cue == "underscores" for a in result.attributions)


def test_axios_citing_an_unnamed_official_gives_two_attributions(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[MENAFN_AXIOS], sample_texts[MENAFN_AXIOS]
    official, axios = result.attributions[:2]
    assert (official.source, official.source_type, official.cue, official.rule) == (
        "an unnamed senior White House official",
        "anonymous",
        "citing",
        "attribution:citing",
    )
    assert _offsets(official) == ((395, 656), (402, 440), (395, 401), (451, 656))
    assert (axios.source, axios.source_type, axios.cue, axios.verb_stance) == (
        "Axios",
        "news_media",
        "revealed",
        "disclosure",
    )
    assert _offsets(axios) == ((388, 656), (388, 393), (442, 450), (451, 656))
    assert _content(text, axios).startswith("details of a phone call between the two leaders")


def test_according_to_at_sentence_start_takes_the_content_after(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[MENAFN_AXIOS], sample_texts[MENAFN_AXIOS]
    according = _find(result, "According to")
    assert (according.source, according.source_type, according.rule) == (
        "sources within the United States administration",
        "anonymous",  # "sources" withhold who they are
        "attribution:according_to",
    )
    assert _offsets(according) == ((659, 826), (672, 719), (659, 671), (721, 826))
    assert _content(text, according) == (
        "Biden's stance reflects a strategic calculation aimed at preventing further "
        "destabilization in the region"
    )


def test_menafn_rest_of_the_axios_story(results: dict[str, Measured]) -> None:
    assert _rows(results[MENAFN_AXIOS])[3:] == [
        # "Biden" resolves to the full name given earlier in the article (titles left out).
        ("Joe Biden", "named_person", "urged", "mixed", "neutral",
         "said_after_source"),
        # ', suggesting' after a closing straight quotation mark: the same speaker
        ("Joe Biden", "named_person", "suggesting", "indirect", "neutral",
         "participle"),
        ("Tehran", "named_organisation", "alleges", "indirect", "doubt", "said_after_source"),
        ("the Israel Defense Forces (IDF)", "named_organisation", "claimed", "indirect", "doubt",
         "said_after_source"),
        ("Sources within Israel", "anonymous", "indicate", "indirect", "neutral",
         "said_after_source"),
    ]  # fmt: skip
    urged = _find(results[MENAFN_AXIOS], "urged")
    assert _offsets(urged) == ((1019, 1059), (233, 242), (1025, 1030), (1031, 1059))


def test_according_to_at_sentence_end_takes_the_content_before(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[UNUSUAL_WHALES], sample_texts[UNUSUAL_WHALES]
    first = _find(result, "according to")
    assert (first.source, first.source_type) == (
        "two individuals familiar with their conversation",
        "anonymous",
    )
    assert _offsets(first) == ((53, 305), (257, 305), (244, 256), (53, 242))
    assert _content(text, first).startswith("resident Joe Biden informed Israeli Prime Minister")
    assert _content(text, first).endswith("following Tehran's recent attack on Israel")
    second = _find(result, "according to", 1)
    assert (second.source, second.source_type) == (
        "sources familiar with the conversation",
        "anonymous",
    )
    assert _offsets(second) == ((1616, 1852), (1814, 1852), (1801, 1813), (1616, 1799))


def test_pronoun_subject_of_a_participle_resolves_to_the_earlier_person(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[UNUSUAL_WHALES], sample_texts[UNUSUAL_WHALES]
    noting = _find(result, "noting")
    assert (noting.source, noting.source_type, noting.rule) == (
        "Joe Biden",
        "named_person",
        "attribution:participle",
    )
    # "He praised ..., noting that ...": the span starts at "He", the source is "Biden" before.
    assert text[noting.start : noting.start + 2] == "He"
    assert _offsets(noting) == ((1493, 1614), (62, 71), (1535, 1541), (1547, 1614))
    assert noting.resolved


def test_salami_named_source_quotes_and_resolution(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[MENAFN_SALAMI], sample_texts[MENAFN_SALAMI]
    assert _rows(result)[4:] == [
        ("Hossein Salami", "named_person", "stated", "mixed", "neutral", "said_after_source"),
        ("Hossein Salami", "named_person", "noted", "indirect", "neutral", "said_after_source"),
        ("Hossein Salami", "named_person", "said", "direct", "neutral", "said_after_source"),
        ("Hossein Salami", "named_person", "asserted", "indirect", "assertive",
         "said_after_source"),
        ("Hossein Salami", "named_person", "“", "direct", "neutral", "quote_paragraph"),
    ]  # fmt: skip
    stated, noted, said, asserted, paragraph = result.attributions[4:]
    # "Hossein Salami, the head of the IRGC, has stated that ... “a level of success ...”"
    assert _offsets(stated) == ((1416, 1577), (1416, 1430), (1458, 1464), (1470, 1577))
    assert _content(text, stated).endswith("“a level of success that exceeded our expectations.”")
    # "However, he noted that ..." -> the span holds "he", the source is "Hossein Salami".
    assert _offsets(noted) == ((1587, 1647), (1416, 1430), (1590, 1595), (1601, 1647))
    assert text[noted.start : noted.cue_start] == "he "
    # "“Naturally, ... at this moment,” Salami said." -> the quotation is the content.
    assert _offsets(said) == ((1649, 1882), (1416, 1430), (1878, 1882), (1649, 1870))
    assert _content(text, said).startswith("“Naturally,") and _content(text, said).endswith(",”")
    assert _offsets(asserted) == ((1884, 2001), (1416, 1430), (1891, 1899), (1905, 2001))
    # A paragraph that is one quotation, speaker named in the paragraph before.
    assert _offsets(paragraph) == ((2155, 2336), (1416, 1430), (2155, 2156), (2155, 2336))
    assert all(a.flag == "" for a in result.attributions)


def test_passive_by_and_relative_who(results: dict[str, Measured]) -> None:
    result = results[MENAFN_SALAMI]
    passive, who = result.attributions[2:4]
    assert (passive.source, passive.cue, passive.rule) == (
        "US Defense Secretary Lloyd Austin",
        "reiterated",
        "attribution:passive_by",
    )
    assert _offsets(passive) == ((326, 392), (359, 392), (345, 355), (326, 340))
    assert (who.source, who.cue, who.rule) == (
        "US Defense Secretary Lloyd Austin",
        "emphasized",
        "attribution:said_after_source",
    )
    assert _offsets(who) == ((394, 478), (359, 392), (398, 408), (409, 478))
    assert who.mention == "who"


def test_newspublicy_every_attribution(results: dict[str, Measured]) -> None:
    official = "A senior administration official"
    assert _rows(results[NEWSPUBLICY]) == [
        ("senior administration officials", "unnamed_group", "according to", "indirect",
         "neutral", "according_to"),
        (official, "anonymous", "emphasized", "indirect", "assertive", "said_after_source"),
        (official, "anonymous", "noted", "indirect", "neutral", "said_after_source"),
        ("US officials", "unnamed_group", "highlight", "indirect", "assertive",
         "said_after_source"),
        ("US Central Command (Centcom)", "named_organisation", "reported", "indirect", "neutral",
         "said_after_source"),
        ("Joe Biden", "named_person", "stressing", "mixed", "assertive",
         "said_after_source"),
        (official, "anonymous", "declined to specify", "indirect", "refusal", "declined_to"),
        (official, "anonymous", "noting", "direct", "neutral", "participle"),
        # The role stays with the name: "national security spokesperson John Kirby".
        ("national security spokesperson John Kirby", "named_person", "reiterated", "indirect",
         "assertive", "said_after_source"),
        (official, "anonymous", "stated", "indirect", "neutral", "said_after_source"),
        ("national security spokesperson John Kirby", "named_person", "affirmed", "indirect",
         "assertive", "coordinated_source"),
        (official, "anonymous", "affirmed", "indirect", "assertive", "said_after_source"),
        ("Ohio Republican Representative Mike Turner", "named_person", "stating", "mixed",
         "neutral", "participle"),
    ]  # fmt: skip


def test_the_official_resolves_to_the_official_introduced_earlier(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[NEWSPUBLICY], sample_texts[NEWSPUBLICY]
    according = _find(result, "according to")
    assert _offsets(according) == ((73, 233), (202, 233), (189, 201), (73, 187))
    introduced = _find(result, "emphasized")
    assert _offsets(introduced) == ((604, 786), (604, 636), (637, 647), (653, 786))
    assert not introduced.resolved
    also_noted = _find(result, "noted")
    assert text[also_noted.start : also_noted.cue_end] == "The official also noted"
    assert _offsets(also_noted) == ((788, 1008), (604, 636), (806, 811), (817, 1008))
    declined = _find(result, "declined to specify")
    assert _offsets(declined) == ((2026, 2124), (604, 636), (2039, 2058), (2059, 2124))
    assert _content(text, declined) == (
        "whether the White House advised against a significant retaliation"
    )
    noting = _find(result, "noting")
    assert _offsets(noting) == ((2026, 2175), (604, 636), (2126, 2132), (2138, 2175))
    assert _content(text, noting) == "“it’s a decision for Israel to make.”"
    stated = _find(result, "stated")
    assert text[stated.start : stated.cue_start] == "The senior administration official "
    assert (stated.source_start, stated.source_end) == (604, 636)


def test_organisation_mixed_quotes_and_coordinated_sources(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    result, text = results[NEWSPUBLICY], sample_texts[NEWSPUBLICY]
    centcom = _find(result, "reported")
    assert _offsets(centcom) == ((1474, 1628), (1474, 1502), (1503, 1511), (1512, 1628))
    stressing = _find(result, "stressing")
    assert _offsets(stressing) == ((1965, 2024), (495, 504), (1981, 1990), (1996, 2024))
    assert _content(text, stressing) == "Israel has “come out ahead.”"
    kirby, official = _find(result, "affirmed"), _find(result, "affirmed", 1)
    # "Both Kirby and the official affirmed": "Kirby" resolves to the earlier full mention.
    assert _offsets(kirby) == ((2478, 2620), (2223, 2264), (2501, 2509), (2515, 2620))
    assert text[kirby.start : kirby.start + 5] == "Kirby"
    assert _offsets(official) == ((2488, 2620), (604, 636), (2501, 2509), (2515, 2620))
    turner = _find(result, "stating")
    assert _offsets(turner) == ((2722, 2906), (2722, 2764), (2871, 2878), (2884, 2906))
    assert _content(text, turner) == "they were “incorrect.”"


def test_newspublicy_values(results: dict[str, Measured], sample_texts: dict[str, str]) -> None:
    values = results[NEWSPUBLICY].result.values
    assert segment(sample_texts[NEWSPUBLICY]).n_words == 427
    assert values["attribution_attributions_count"] == 13
    # Anonymous sources and unnamed groups are kept apart; their sum is labelled combined.
    assert values["attribution_anonymous_count"] == 6
    assert values["attribution_unnamed_group_count"] == 2
    assert values["attribution_anonymous_or_unnamed_group_count"] == 8
    assert values["attribution_named_count"] == 5
    assert values["attribution_direct_quotes_count"] == 1
    assert values["attribution_anonymous_share"] == pytest.approx(6 / 13)
    assert values["attribution_anonymous_or_unnamed_group_share"] == pytest.approx(8 / 13)
    # senior administration officials, the senior administration official, US officials,
    # Centcom, President Biden, John Kirby, Mike Turner.
    assert values["attribution_sources_distinct"] == 7
    assert values["attribution_attributions_per_1k"] == pytest.approx(1000 * 13 / 427)
    assert values["attribution_anonymous_per_1k"] == pytest.approx(1000 * 6 / 427)


def test_same_columns_for_every_article(results: dict[str, Measured]) -> None:
    for result in results.values():
        assert result.result.family == "attribution"
        assert set(result.result.values) == KEYS


def test_records_and_evidence_point_at_the_text(
    results: dict[str, Measured], sample_texts: dict[str, str]
) -> None:
    for stem, result in results.items():
        text = sample_texts[stem]
        evidence = result.result.evidence
        assert len(evidence) == 2 * len(result.attributions)
        for row in evidence:
            assert text[row.start : row.end] == row.text
            assert row.family == "attribution" and row.zone in ("lead", "body")
        for a in result.attributions:
            assert text[a.source_start : a.source_end] == a.source
            assert text[a.cue_start : a.cue_end] == a.cue
            assert a.start <= a.cue_start < a.cue_end <= a.end
            assert a.content_start == -1 or a.start <= a.content_start < a.content_end <= a.end
            assert a.source_type in SOURCE_TYPES
            assert a.quote_type in ("direct", "indirect", "mixed")


def test_evidence_rows_for_one_attribution(results: dict[str, Measured]) -> None:
    rows = results[MENAFN_SALAMI].result.evidence
    stated_cue, stated_source, noted_cue, noted_source = rows[8:12]
    assert (stated_cue.category, stated_cue.rule, stated_cue.text) == (
        "cue/neutral",
        "attribution:said_after_source",
        "stated",
    )
    assert (stated_source.category, stated_source.rule, stated_source.text) == (
        "named_person",
        "attribution:said_after_source",
        "Hossein Salami",
    )
    assert (noted_cue.start, noted_cue.text) == (1590, "noted")
    assert (noted_source.rule, noted_source.start, noted_source.end) == (
        "attribution:resolved_source",
        1416,
        1430,
    )


def test_cleaned_sample_corpus_keeps_evidence_exact() -> None:
    from toolkit.corpus.load import load_corpus

    for article in load_corpus().articles:
        result = measure_article(article)
        assert result.attributions
        for row in result.result.evidence:
            text = article.title if row.zone == "headline" else article.text
            assert text[row.start : row.end] == row.text


# --- constructions and false positives ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Under the said agreement, troops withdrew.",
        "Everything went according to plan.",
        "The White House's position underscores a commitment to Israel.",
        "Iran's claims were rejected.",
        "The minister issued a stern warning against retaliation.",
    ],
)
def test_no_attribution_in_look_alikes(text: str) -> None:
    assert _measure(text).attributions == ()


def test_said_before_the_source_after_a_quote() -> None:
    text = '"We will respond," said Defense Minister Yoav Gallant.'
    (a,) = _measure(text).attributions
    assert (a.source, a.source_type, a.cue, a.quote_type, a.rule) == (
        "Defense Minister Yoav Gallant",
        "named_person",
        "said",
        "direct",
        "attribution:said_before_source",
    )
    assert _offsets(a) == ((0, 53), (24, 53), (19, 23), (0, 18))


@pytest.mark.parametrize(
    ("text", "source", "source_type", "content", "quote_type"),
    [
        # A parenthetical attribution credits the whole sentence.
        ("The talks, officials said, were productive.", "officials", "unnamed_group",
         "The talks, officials said, were productive", "indirect"),
        # A post-modifier stays part of the source.
        ("A spokesperson for the ministry declined to comment.",
         "A spokesperson for the ministry", "anonymous", None, "indirect"),
        # An addressee and a colon before a quotation are not content.
        ("Kirby told reporters: “We don’t want war.”", "Kirby", "named_person",
         "“We don’t want war.”", "direct"),
        ('In a statement, the Pentagon said, "We are ready."', "the Pentagon",
         "named_organisation", '"We are ready."', "direct"),
    ],
)  # fmt: skip
def test_constructions(
    text: str, source: str, source_type: str, content: str | None, quote_type: str
) -> None:
    (a,) = _measure(text).attributions
    assert (a.source, a.source_type, a.quote_type) == (source, source_type, quote_type)
    assert (_content(text, a) if a.content_start >= 0 else None) == content


def test_what_he_said_is_not_an_attribution() -> None:
    assert _measure("What he said was not true.").attributions == ()


def test_quote_sentence_after_a_speaker_in_the_same_paragraph() -> None:
    text = "Sara Cohen said the vote was close. “It is a turning point,” she said. “We go on.”"
    said, more = _measure(text).attributions[-2:]
    assert (said.source, said.cue, said.quote_type) == ("Sara Cohen", "said", "direct")
    assert (more.source, more.rule, more.cue, more.quote_type) == (
        "Sara Cohen",
        "attribution:quote_sentence",
        "“",
        "direct",
    )
    assert _offsets(more) == ((71, 82), (0, 10), (71, 72), (71, 82))


def test_news_media_and_unresolved_pronoun() -> None:
    result = _measure("Reuters reported that talks stalled. He said the talks failed.")
    reuters, pronoun = result.attributions
    assert (reuters.source, reuters.source_type) == ("Reuters", "news_media")
    assert (pronoun.source, pronoun.source_type) == ("He", "pronoun")
    assert result.result.values["attribution_sources_distinct"] == 1


def test_unbalanced_quotes_are_flagged_not_guessed() -> None:
    text = "“We will respond, Gallant said. The official declined to comment."
    said, declined = _measure(text).attributions
    assert (said.flag, declined.flag) == ("unbalanced_quotes", "unbalanced_quotes")
    assert (said.source, said.quote_type) == ("Gallant", "mixed")
    assert (declined.source_type, declined.content_start, declined.content_end) == (
        "anonymous",
        -1,
        -1,
    )


def test_according_to_reports_is_an_unattributed_report() -> None:
    (said, according) = _measure("Iran said it would respond, according to reports.").attributions
    assert (said.source, said.source_type) == ("Iran", "named_organisation")
    assert (according.source, according.source_type, according.content_start) == (
        "reports",
        "unattributed_report",
        0,
    )


def test_empty_text_gives_nan_rates_and_share() -> None:
    result = _measure("")
    values = result.result.values
    assert set(values) == KEYS
    assert result.attributions == ()
    assert values["attribution_attributions_count"] == 0
    assert math.isnan(values["attribution_attributions_per_1k"])
    assert math.isnan(values["attribution_anonymous_share"])


def test_share_is_nan_without_attributions_but_rates_are_zero() -> None:
    values = _measure("Nothing was said here by anyone at all.").result.values
    assert values["attribution_attributions_per_1k"] == 0
    assert math.isnan(values["attribution_anonymous_share"])


def test_paragraphs_pair_the_quotation_marks_of_each_line() -> None:
    text = "He said \u201cyes\u201d and \u201cno\u201d.\n  \n\u201cOpen\n"
    text += "plain \"a\" and ''b'' end"
    assert paragraphs(text) == (
        Paragraph(0, 23, (Span(8, 13), Span(18, 22)), True),
        Paragraph(27, 32, (), False),  # the blank line is no paragraph; "“Open" is unbalanced
        Paragraph(33, 56, (Span(39, 42), Span(47, 52)), True),
    )
