"""Statistics across outlets: rates with intervals, outlet differences from a count model,
their plain-language summary, distinctive terms, coverage, text reuse, and framing and
sourcing contrasts.

Every table comes back as a tidy DataFrame with sorted rows, and every random step is seeded,
so a report re-run on the same input is byte-identical. Word-level comparisons need the article
texts, rebuilt from the analysis's sentences table (the corpus is never read again)::

    from toolkit import analyze, compare
    # counts: one row per document and measure (doc_id, outlet, measure, count, words[, topic])
    rates = compare.outlet_rates(counts)              # per outlet: rate per 1,000 words, 95% CI
    differences = compare.outlet_differences(counts)  # Poisson GLM contrasts, Holm and BH
    compare.summary_sentences(differences, labels={"hedging/hedges": "hedges"})

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
from toolkit.compare.counts import check_counts, document_counts
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
from toolkit.compare.models import REST, conditional_rate_test, outlet_differences
from toolkit.compare.pairwise import pairwise_differences
from toolkit.compare.rates import outlet_rates
from toolkit.compare.reuse import (
    ReuseSettings,
    aligned_sentences,
    describe_settings,
    reuse_matrix,
    reuse_settings_for,
    reuse_shares,
)
from toolkit.compare.summary import summary_sentences
from toolkit.compare.texts import (
    analysis_sentences,
    analysis_texts,
    sample_documents,
    sentence_table,
    texts_table,
)

__all__ = [
    "REST",
    "Bootstrap",
    "ReuseSettings",
    "aligned_sentences",
    "analysis_sentences",
    "analysis_texts",
    "check_counts",
    "conditional_rate_test",
    "coverage_items",
    "coverage_matrix",
    "describe_settings",
    "document_counts",
    "evidence_units",
    "exclusive_frames",
    "exclusive_sources",
    "family_intervals",
    "log_odds",
    "missing_items",
    "outlet_differences",
    "outlet_rates",
    "outlets_mentioning",
    "pairwise_differences",
    "rate_intervals",
    "resampling_note",
    "reuse_matrix",
    "reuse_settings_for",
    "reuse_shares",
    "sample_documents",
    "sentence_table",
    "source_balance",
    "source_identities",
    "summary_sentences",
    "term_counts",
    "texts_table",
    "unique_items",
]
