"""Run the attribution family on a constructed article and keep its attribution records."""

from __future__ import annotations

from dataclasses import dataclass

from toolkit.corpus.article import Article
from toolkit.metrics import attribution
from toolkit.metrics.attribution import Attribution, find_in_zones
from toolkit.metrics.base import ArticleText, FamilyOutput


@dataclass(frozen=True)
class Measured:
    """The family's output (``result``) and the attribution records behind it."""

    result: FamilyOutput
    attributions: tuple[Attribution, ...]


def measure_article(article: Article) -> Measured:
    """The attribution family on ``article`` (its body and headline)."""
    text = ArticleText(article)
    return Measured(attribution.measure(text), tuple(item for _, item in find_in_zones(text)))


def measure_text(text: str, doc_id: str = "doc") -> Measured:
    """The attribution family on an article with body ``text`` and no headline."""
    return measure_article(Article(doc_id, "Test", "", text, text, "test"))
