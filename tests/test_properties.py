"""Property tests across the pipeline: arbitrary Unicode never crashes the metrics, every
evidence span points at its words, and counts do not depend on line endings or runs of spaces."""

from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.corpus.article import Article
from toolkit.corpus.cleaning import clean
from toolkit.corpus.rules import load_cleaning_rules
from toolkit.pipeline.config import AnalysisConfig, make_config
from toolkit.pipeline.measure import ArticleRows, measure_article
from toolkit.pipeline.tables import spec

WORDS = (
    "Iran",
    "Israel",
    "the",
    "US",
    "officials",
    "said",
    "reportedly",
    "may",
    "not",
    "likely",
    "about",
    "300",
    "missiles",
    "according",
    "to",
    "two",
    "people",
    "familiar",
    "with",
    "the",
    "talks",
    "warned",
    "that",
    "we",
    "will",
    "respond",
    "Salami",
    "said",
    "regime",
    "martyr",
    "aggression",
    "diplomacy",
    "strike",
    "99%",
    "percent",
    *(".", ",", ";", ":", "\u2014", "\u2018", "\u2019", "\u201c", "\u201d", '"', "'", "(", ")"),
)

_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def config() -> AnalysisConfig:
    return make_config()


def _article(text: str, title: str = "A headline") -> Article:
    return Article(
        doc_id="doc",
        outlet="Outlet",
        title=title,
        text=text,
        original_text=text,
        location="generated",
    )


def _counts(rows: ArticleRows) -> dict[tuple[str, ...], object]:
    """Every count measure (zone, family, category, measure) and the number of words."""
    counts: dict[tuple[str, ...], object] = {
        tuple(row[2:6]): ("nan" if math.isnan(row[6]) else row[6])
        for row in rows.measures
        if str(row[5]).endswith("count")
    }
    counts[("n_words",)] = rows.document["n_words"]
    return counts


_EVIDENCE = spec("evidence").names
_ATTRIBUTIONS = spec("attributions").names


def _zone_text(zone: str, article: Article) -> str:
    return article.title if zone == "headline" else article.text


news_like = st.lists(st.sampled_from(WORDS), min_size=0, max_size=80).map(" ".join)


@_SETTINGS
@given(text=st.text(max_size=400), title=st.text(max_size=60))
def test_arbitrary_unicode_never_crashes_and_spans_point_at_their_words(
    config: AnalysisConfig, text: str, title: str
) -> None:
    article = _article(text, title)
    rows = measure_article(article, config)
    for values in rows.evidence:
        row = dict(zip(_EVIDENCE, values, strict=True))
        assert _zone_text(row["zone"], article)[row["start"] : row["end"]] == row["cue"]
    for row in rows.records["attributions"]:
        zone_text = _zone_text(row["zone"], article)
        assert zone_text[row["source_start"] : row["source_end"]] == row["source"]
        assert zone_text[row["cue_start"] : row["cue_end"]] == row["cue"]
    for values in rows.sentences:
        row = dict(zip(spec("sentences").names, values, strict=True))
        assert _zone_text(row["zone"], article)[row["start"] : row["end"]] == row["text"]


@_SETTINGS
@given(text=news_like)
def test_news_like_text_spans_point_at_their_words(config: AnalysisConfig, text: str) -> None:
    rows = measure_article(_article(text), config)
    for values in rows.evidence:
        row = dict(zip(_EVIDENCE, values, strict=True))
        if row["zone"] != "headline":
            assert text[row["start"] : row["end"]] == row["cue"]


@_SETTINGS
@given(text=news_like)
def test_counts_do_not_change_with_runs_of_spaces(config: AnalysisConfig, text: str) -> None:
    single = measure_article(_article(text), config)
    doubled = measure_article(_article(text.replace(" ", "  ")), config)
    assert _counts(single) == _counts(doubled)


@_SETTINGS
@given(paragraphs=st.lists(news_like, min_size=1, max_size=4))
def test_counts_do_not_change_with_line_endings(
    config: AnalysisConfig, paragraphs: list[str]
) -> None:
    rules = load_cleaning_rules()
    unix, _ = clean("\n\n".join(paragraphs), rules)
    windows, _ = clean("\r\n\r\n".join(paragraphs), rules)
    assert unix == windows
    first = measure_article(_article(unix), config)
    second = measure_article(dataclasses.replace(_article(windows)), config)
    assert _counts(first) == _counts(second)
