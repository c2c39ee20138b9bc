"""Run one registered family on a constructed article, as the pipeline does."""

from __future__ import annotations

from toolkit.codebooks import Codebook, builtin_codebook
from toolkit.corpus.article import Article
from toolkit.metrics.base import ArticleText, FamilyOutput
from toolkit.metrics.registry import registry


def article(text: str, title: str = "", doc_id: str = "doc") -> Article:
    """An article of outlet "Outlet" with this body and headline (none by default, so that
    counts and rates are the body's)."""
    return Article(doc_id, "Outlet", title, text, text, "test")


def run(
    family: str,
    item: Article | str,
    *,
    title: str = "",
    codebook: Codebook | None = None,
) -> FamilyOutput:
    """``family`` measured on ``item`` (an article, or a body text under ``title``) with
    ``codebook`` or the built-in codebook of the family's slot."""
    chosen = registry().get(family)
    if codebook is None and chosen.slot is not None:
        codebook = builtin_codebook(chosen.slot.default)
    target = article(item, title) if isinstance(item, str) else item
    return chosen.measure(ArticleText(target), codebook)
