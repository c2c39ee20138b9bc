"""Comparative media-framing analysis: hedging, attribution and framing per outlet.

Public API::

    import toolkit
    corpus = toolkit.load_corpus()          # the bundled sample corpus
    result = toolkit.analyze(corpus)        # tables: documents, evidence, attributions, ...
"""

from __future__ import annotations

__version__ = "0.1.0"
