"""Comparative media-framing analysis: hedging, attribution and framing per outlet.

Public API::

    import toolkit
    corpus = toolkit.load_corpus()          # the bundled sample corpus
    result = toolkit.analyze(corpus)        # tables: documents, evidence, attributions, ...
    result.write("tables/")
    toolkit.read_analysis("tables/")
"""

from __future__ import annotations

__version__ = "0.1.0"

from toolkit.analysis import Analysis, analyze, read_analysis
from toolkit.corpus import Corpus, load_corpus

__all__ = ["Analysis", "Corpus", "__version__", "analyze", "load_corpus", "read_analysis"]
