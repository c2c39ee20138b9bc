"""Comparative media-framing analysis: hedging, attribution and framing per outlet.

Public API::

    import toolkit
    corpus = toolkit.load_corpus()          # the bundled sample corpus
    result = toolkit.analyze(corpus)        # tables: documents, measures, evidence, ...
    result.write("tables/")
    toolkit.read_analysis("tables/")
    toolkit.analyze_to_folder("big.jsonl.gz", "tables/", jobs=2)   # streams, flat memory
"""

from __future__ import annotations

from toolkit.analysis import Analysis, AnalysisSummary, analyze, analyze_to_folder, read_analysis
from toolkit.corpus import Corpus, load_corpus
from toolkit.version import __version__

__all__ = [
    "Analysis",
    "AnalysisSummary",
    "Corpus",
    "__version__",
    "analyze",
    "analyze_to_folder",
    "load_corpus",
    "read_analysis",
]
