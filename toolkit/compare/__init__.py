"""Statistics across outlets: intervals, pairwise differences, distinctive terms, coverage,
text reuse, and framing and sourcing contrasts.

Every function returns a tidy DataFrame with sorted rows, and every random step is seeded, so a
report re-run on the same input is byte-identical. Word-level comparisons need the article
texts, rebuilt from the analysis's sentences table (the corpus is never read again)::

    from toolkit import analyze, compare
    analysis = analyze()
    texts = compare.analysis_texts(analysis.documents, analysis.sentences)
    sentences = compare.analysis_sentences(analysis.sentences)
    intervals = compare.family_intervals(analysis.evidence, sentences, "framing")
    compare.pairwise_differences(intervals)
    compare.log_odds(compare.term_counts(texts))
    items = compare.coverage_items(texts, sentences)
    compare.coverage_matrix(items)
    compare.aligned_sentences(sentences)
"""

from __future__ import annotations

from toolkit.compare.contrasts import (
    exclusive_frames,
    exclusive_sources,
    source_balance,
    source_identities,
)
from toolkit.compare.coverage import (
    coverage_items,
    coverage_matrix,
    missing_items,
    outlets_mentioning,
    unique_items,
)
from toolkit.compare.distinctive import log_odds, term_counts
from toolkit.compare.intervals import (
    Bootstrap,
    evidence_units,
    family_intervals,
    rate_intervals,
    resampling_note,
)
from toolkit.compare.pairwise import pairwise_differences
from toolkit.compare.reuse import (
    ReuseSettings,
    aligned_sentences,
    describe_settings,
    reuse_matrix,
    reuse_settings_for,
    reuse_shares,
)
from toolkit.compare.texts import analysis_sentences, analysis_texts, sentence_table, texts_table

__all__ = [
    "Bootstrap",
    "ReuseSettings",
    "aligned_sentences",
    "analysis_sentences",
    "analysis_texts",
    "coverage_items",
    "coverage_matrix",
    "describe_settings",
    "evidence_units",
    "exclusive_frames",
    "exclusive_sources",
    "family_intervals",
    "log_odds",
    "missing_items",
    "outlets_mentioning",
    "pairwise_differences",
    "rate_intervals",
    "resampling_note",
    "reuse_matrix",
    "reuse_settings_for",
    "reuse_shares",
    "sentence_table",
    "source_balance",
    "source_identities",
    "term_counts",
    "texts_table",
    "unique_items",
]
