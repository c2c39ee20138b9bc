"""The whole pipeline on the bundled sample corpus: tables, evidence, aggregation, offline."""

from __future__ import annotations

import dataclasses
import math
import socket
from pathlib import Path

import nltk
import pandas as pd
import pytest

import toolkit
from toolkit.analysis import Analysis, make_config, measure_article, outlet_table, read_analysis
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics import attribution
from toolkit.text import segment


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
    assert documents["n_words"].tolist() == [420, 437, 324, 324, 414]


def test_purportedly_in_the_voice_is_a_distancing_hedge_with_exact_offsets(
    sample: Analysis,
) -> None:
    article = next(a for a in toolkit.load_corpus().articles if a.outlet == "The Voice")
    rows = sample.evidence[(sample.evidence["cue"] == "purportedly")]
    voice = rows[rows["outlet"] == "The Voice"].iloc[0]
    assert (voice["family"], voice["category"], voice["rule"]) == (
        "hedging",
        "distancing",
        "hedging:purportedly",
    )
    assert (voice["start"], voice["end"]) == (822, 833)
    assert article.text[822:833] == "purportedly"
    assert voice["sentence"].startswith("The attack, attributed to Iran, was purportedly")


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


def test_every_evidence_row_points_at_its_words(sample: Analysis) -> None:
    texts = {a.doc_id: a.text for a in toolkit.load_corpus().articles}
    for row in sample.evidence.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.cue
        assert texts[row.doc_id][row.sentence_start :].startswith(row.sentence)
    for row in sample.attributions.itertuples():
        assert texts[row.doc_id][row.source_start : row.source_end] == row.source
        assert texts[row.doc_id][row.cue_start : row.cue_end] == row.cue


def test_counts_equal_their_evidence_rows(sample: Analysis) -> None:
    hedges = sample.evidence[
        (sample.evidence["family"] == "hedging")
        & ~sample.evidence["category"].isin(["boosters", "negated_hedge"])
    ]
    per_doc = hedges.groupby("doc_id").size()
    documents = sample.documents.set_index("doc_id")
    for doc_id, count in per_doc.items():
        assert documents.loc[doc_id, "hedging_hedges_count"] == count
    attributions = sample.attributions.groupby("doc_id").size()
    for doc_id, count in attributions.items():
        assert documents.loc[doc_id, "attribution_attributions_count"] == count


def test_outlet_rates_pool_counts_over_words(sample: Analysis) -> None:
    outlets = sample.outlets.set_index("outlet")
    assert outlets.index.tolist() == ["MENAFN", "NewsPublicy", "The Voice", "Unusual Whales"]
    menafn = sample.documents[sample.documents["outlet"] == "MENAFN"]
    assert outlets.loc["MENAFN", "n_articles"] == 2
    assert outlets.loc["MENAFN", "n_words"] == 761
    pooled = 1000 * menafn["hedging_hedges_count"].sum() / 761
    assert outlets.loc["MENAFN", "hedging_hedges_per_1k"] == pytest.approx(pooled)
    assert outlets.loc["MENAFN", "readability_fk_grade"] == pytest.approx(
        menafn["readability_fk_grade"].mean()
    )


def test_outlet_with_no_words_gets_nan_rates_not_zero() -> None:
    documents = pd.DataFrame(
        {
            "doc_id": ["a"],
            "outlet": ["Empty"],
            "n_words": [0],
            "n_sentences": [0],
            "hedging_hedges_count": [0.0],
            "hedging_hedges_per_1k": [math.nan],
        }
    )
    table = outlet_table(documents)
    assert math.isnan(table.loc[0, "hedging_hedges_per_1k"])


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


def test_metadata_records_every_codebook_version(sample: Analysis) -> None:
    names = {book["family"]: book["name"] for book in sample.metadata["codebooks"]}
    assert names == {
        "hedging": "hedging",
        "framing": "framing",
        "policy": "policy_frames",
        "conflict": "conflict_frames",
        "labels": "loaded_labels",
        "salience": "actors",
        "attribution": "attribution",
        "cleaning": "toolkit-boilerplate",
    }
    assert sample.metadata["corpus"] == "toolkit/sample_corpus"


def test_write_and_read_back_round_trip(sample: Analysis, tmp_path: Path) -> None:
    written = sample.write(tmp_path)
    assert len(written) == 13
    again = read_analysis(tmp_path)
    pd.testing.assert_frame_equal(again.documents, sample.documents)
    pd.testing.assert_frame_equal(again.evidence, sample.evidence)
    assert again.metadata == sample.metadata


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
    assert result.documents["hedging_hedges_count"].tolist() == [0.0, 1.0, 0.0, 0.0, 1.0]
    assert {"name": "tiny-hedges", "version": "0.1.0", "family": "hedging"} in (
        result.metadata["codebooks"]
    )


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
    assert not result.documents["readability_fk_grade"].isna().any()


def test_read_analysis_for_one_outlet_reads_only_its_rows(sample: Analysis, tmp_path: Path) -> None:
    sample.write(tmp_path)
    menafn = read_analysis(tmp_path, outlet="MENAFN")
    assert set(menafn.documents["outlet"]) == {"MENAFN"}
    expected = sample.evidence[sample.evidence["outlet"] == "MENAFN"].reset_index(drop=True)
    pd.testing.assert_frame_equal(menafn.evidence, expected)
    assert len(menafn.outlets) == 4
    with pytest.raises(ParameterError, match=r"must be one of \['MENAFN', 'NewsPublicy'"):
        read_analysis(tmp_path, outlet="Nobody")


def test_rows_quote_the_sentence_of_each_span_and_every_attribution_field() -> None:
    article = next(a for a in toolkit.load_corpus().articles if a.outlet == "Unusual Whales")
    rows = measure_article(article, make_config())
    doc = segment(article.text)
    assert len(rows.evidence) > 50
    for row in rows.evidence:
        sentence = doc.sentences[doc.sentence_index(row["start"])]
        assert (row["sentence_start"], row["sentence"]) == (
            sentence.start,
            doc.sentence_text(row["start"]),
        )
    records = attribution.measure(article, doc).attributions
    assert rows.attributions == [
        {
            "doc_id": article.doc_id,
            "outlet": article.outlet,
            **dataclasses.asdict(record),
            "sentence": doc.sentence_text(record.start),
        }
        for record in records
    ]
    assert list(rows.attributions[0])[:3] == ["doc_id", "outlet", "source"]


def test_an_article_without_sentences_gets_empty_rows_and_nan_rates() -> None:
    article = Article("d0", "Outlet", "Iran strikes Israel", "", "", "test")
    rows = measure_article(article, make_config())
    assert (rows.evidence, rows.attributions) == ([], [])
    assert rows.document["n_words"] == 0
    assert rows.document["salience_iran_headline"] == 1.0
    assert math.isnan(rows.document["hedging_hedges_per_1k"])


def test_attribution_rows_hold_every_record_field_as_asdict_gives_it() -> None:
    article = Article("d1", "Outlet", "Title", 'Iran said so. "We will not," he said.', "", "test")
    doc = segment(article.text)
    records = attribution.measure(article, doc).attributions
    rows = measure_article(article, make_config()).attributions
    assert len(rows) == len(records) == 2
    for row, record in zip(rows, records, strict=True):
        expected = {"doc_id": "d1", "outlet": "Outlet", **dataclasses.asdict(record)}
        expected["sentence"] = doc.sentence_text(record.start)
        assert row == expected
        assert list(row) == list(expected)


def test_rows_of_the_lexicon_families_are_their_measured_evidence_and_values() -> None:
    from toolkit.metrics import framing, hedging, labels, readability, salience, sentiment

    article = next(a for a in toolkit.load_corpus().articles if a.outlet == "Unusual Whales")
    config = make_config()
    doc, headline = segment(article.text), segment(article.title)
    results = [
        hedging.measure(article, doc, config.hedging_codebook),
        attribution.measure(article, doc).result,
        *(
            framing.measure(article, doc, book, family=family, headline=headline)
            for book, family in zip(
                (config.framing_codebook, config.policy_codebook, config.conflict_codebook),
                framing.FRAME_FAMILIES,
                strict=True,
            )
        ),
        labels.measure(article, doc, config.labels_codebook, headline=headline),
        salience.measure(article, doc, config.actors_codebook, headline=headline),
        readability.measure(article, doc),
        sentiment.measure(article, doc),
    ]
    rows = measure_article(article, config)
    expected = [
        (item.family, item.category, item.rule, item.text, item.start, item.end, item.weight)
        for result in results
        for item in result.evidence
    ]
    got = [
        (r["family"], r["category"], r["rule"], r["cue"], r["start"], r["end"], r["weight"])
        for r in rows.evidence
    ]
    assert got == expected
    assert {row["family"] for row in rows.evidence} >= {"hedging", "policy", "salience"}
    for result in results:
        for name, value in result.values.items():
            assert rows.document[name] == value or math.isnan(value)


def test_a_config_with_a_codebook_of_the_wrong_family_is_refused() -> None:
    config = make_config()
    with pytest.raises(ParameterError, match="'framing_codebook' must be a codebook of family"):
        dataclasses.replace(config, framing_codebook=config.policy_codebook)
