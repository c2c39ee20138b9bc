"""measure_article: every family on one article, rows for every table, sentence numbers."""

from __future__ import annotations

import math

import toolkit
from toolkit.corpus.article import Article
from toolkit.metrics.base import ArticleText
from toolkit.metrics.registry import registry
from toolkit.pipeline.config import make_config
from toolkit.pipeline.measure import SentenceIndex, measure_article
from toolkit.pipeline.tables import spec


def test_rows_are_the_families_outputs_with_document_ids_and_sentences() -> None:
    article = next(a for a in toolkit.load_corpus().articles if a.outlet == "Unusual Whales")
    config = make_config()
    rows = measure_article(article, config)
    text = ArticleText(article)
    expected = [
        (item.family, item.category, item.rule, item.zone, item.start, item.end, item.text)
        for family in registry()
        for item in family.measure(text, config.for_family(family)).evidence
    ]
    columns = spec("evidence").names
    got = [dict(zip(columns, row, strict=True)) for row in rows.evidence]
    assert [
        (r["family"], r["category"], r["rule"], r["zone"], r["start"], r["end"], r["cue"])
        for r in got
    ] == expected
    sentences = {row[2]: row for row in rows.sentences}
    for row in got:
        zone, start, end = sentences[row["sentence"]][3:6]
        assert zone == row["zone"] or {zone, row["zone"]} == {"lead", "body"}
        assert start <= row["start"] <= end
    assert {row["doc_id"] for row in got} == {article.doc_id}


def test_sentence_numbers_run_through_the_headline_then_the_body() -> None:
    article = Article("d", "o", "Talks fail. Envoys leave.", "One. Two. Three.", "", "t")
    index = SentenceIndex(ArticleText(article))
    assert (index.of("headline", 0), index.of("headline", 13)) == (0, 1)
    assert (index.of("lead", 0), index.of("lead", 5), index.of("body", 10)) == (2, 3, 4)
    rows = measure_article(article, make_config())
    assert [(row[2], row[3], row[7]) for row in rows.sentences] == [
        (0, "headline", "Talks fail."),
        (1, "headline", "Envoys leave."),
        (2, "lead", "One."),
        (3, "lead", "Two."),
        (4, "body", "Three."),
    ]


def test_an_article_without_a_body_measures_its_headline() -> None:
    article = Article("d0", "Outlet", "Iran strikes Israel", "", "", "test")
    rows = measure_article(article, make_config())
    assert rows.document["n_words"] == 3 and rows.document["n_sentences"] == 0
    values = {(row[2], row[3], row[4], row[5]): row[6] for row in rows.measures}
    assert values["headline", "salience", "iran", "count"] == 1.0
    assert values["article", "salience", "iran", "count"] == 1.0
    assert math.isnan(values["article", "readability", "fk_grade", "score"])
    assert {row[5] for row in rows.evidence} == {"headline"}


def test_attribution_rows_carry_their_zone_and_sentence() -> None:
    article = Article(
        "d1", "Outlet", "Iran says it will respond", 'Iran said so. "No," he said.', "", "t"
    )
    rows = measure_article(article, make_config()).records["attributions"]
    assert [(row["zone"], row["sentence"], row["cue"]) for row in rows] == [
        ("headline", 0, "says"),
        ("lead", 1, "said"),
        ("lead", 2, "said"),
    ]
    assert list(rows[0])[:3] == ["doc_id", "outlet", "zone"]
