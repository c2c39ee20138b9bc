"""The corpus layer: load articles, cut boilerplate with recorded removals, validate inputs.

Public API::

    from toolkit.corpus import load_corpus
    corpus = load_corpus()                       # the bundled sample corpus
    corpus = load_corpus("stories.csv", on_error="skip")
"""

from __future__ import annotations

from toolkit.corpus.article import Article, Corpus, Rejection, Removal
from toolkit.corpus.cleaning import clean, original_offset, original_span
from toolkit.corpus.load import load_corpus
from toolkit.corpus.rules import CleaningRule, CleaningRules, load_cleaning_rules

__all__ = [
    "Article",
    "CleaningRule",
    "CleaningRules",
    "Corpus",
    "Rejection",
    "Removal",
    "clean",
    "load_cleaning_rules",
    "load_corpus",
    "original_offset",
    "original_span",
]
