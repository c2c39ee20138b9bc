"""The family registry: one list the pipeline, CLI, notebooks and provenance read."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator

import pytest

import toolkit
from toolkit.cli import build_parser
from toolkit.codebooks import codebook_families
from toolkit.corpus.article import Article
from toolkit.errors import ParameterError
from toolkit.metrics.base import ARTICLE, ArticleText, FamilyOutput, Measure
from toolkit.metrics.registry import Family, Registry, load_families, registry
from toolkit.pipeline.config import codebook_parameters


def test_builtin_families_in_table_order() -> None:
    assert registry().names == (
        "hedging",
        "attribution",
        "framing",
        "policy",
        "conflict",
        "labels",
        "salience",
        "readability",
        "tone",
    )


def test_codebook_slots_are_shared_where_families_read_the_same_codebook() -> None:
    assert codebook_parameters() == (
        "hedging_codebook",
        "framing_codebook",
        "policy_codebook",
        "conflict_codebook",
        "labels_codebook",
        "actors_codebook",
    )
    assert codebook_families() == ("hedging", "framing", "policy", "conflict", "labels", "salience")
    assert registry().slot("actors_codebook").option == "--actors-codebook"


def test_cli_options_come_from_the_registry() -> None:
    parser = build_parser()
    actions = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for command in ("analyze", "report"):
        options = {o for a in actions[command]._actions for o in a.option_strings}
        assert {slot.option for slot in registry().slots()} <= options


def test_duplicate_family_names_are_refused() -> None:
    family = registry().get("hedging")
    with pytest.raises(ParameterError, match=r"unique\. Got \['hedging'\]"):
        Registry([family, family])
    with pytest.raises(ParameterError, match=r"must be one of \['hedging'"):
        registry().get("hedges")


def _words_family() -> Family:
    def measure(text: ArticleText, codebook: object) -> FamilyOutput:
        long_words = sum(1 for word in text.body.word_texts() if len(word) > 8)
        return FamilyOutput("long_words", [Measure(ARTICLE, "long", "count", float(long_words))])

    return Family(
        name="long_words",
        label="Long words",
        measure=measure,
        description="Words of more than eight letters.",
        citation="None.",
    )


@pytest.fixture
def plugin_module() -> Iterator[str]:
    module = types.ModuleType("toolkit_test_plugin")
    module.FAMILIES = (_words_family(),)  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    yield module.__name__
    del sys.modules[module.__name__]


def test_a_family_is_one_module_with_one_declaration(plugin_module: str) -> None:
    families = load_families(("toolkit.metrics.hedging", plugin_module))
    assert families.names == ("hedging", "long_words")
    article = Article("d", "o", "", "Extraordinary developments unfolded.", "", "t")
    output = families.get("long_words").measure(ArticleText(article), None)
    assert output.values == {"long_words_long_count": 2.0}


def test_a_module_without_families_is_named() -> None:
    with pytest.raises(ParameterError, match=r"Module 'toolkit.text' must declare FAMILIES"):
        load_families(("toolkit.text",))


def test_every_registered_family_gives_the_same_measures_for_every_article() -> None:
    corpus = toolkit.load_corpus()
    from toolkit.pipeline.config import make_config

    config = make_config()
    for family in registry():
        shapes = set()
        for article in corpus.articles:
            output = family.measure(ArticleText(article), config.for_family(family))
            assert output.family == family.name
            shapes.add(tuple((m.zone, m.category, m.measure) for m in output.measures))
        assert len(shapes) == 1, family.name
