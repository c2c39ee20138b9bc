"""Comparative media-framing analysis: hedging, attribution and framing per outlet.

Public API::

    import toolkit
    corpus = toolkit.load_corpus()          # the bundled sample corpus
    result = toolkit.analyze(corpus)        # tables: documents, measures, evidence, ...
    result.write("tables/")
    toolkit.read_analysis("tables/")
    toolkit.AnalysisFolder("tables/").table("evidence", filters=[("family", "==", "hedging")])
    toolkit.analyze_to_folder("big.jsonl.gz", "tables/", jobs=2)   # streams, flat memory

The names are imported on first use (PEP 562), so ``import toolkit`` and ``toolkit --help``
do not pay for pandas, pyarrow and NLTK (0.7 s of ``import toolkit`` here).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from toolkit.version import __version__

if TYPE_CHECKING:
    from toolkit.analysis import (
        Analysis,
        AnalysisFolder,
        AnalysisSummary,
        analyze,
        analyze_to_folder,
        read_analysis,
    )
    from toolkit.corpus import Corpus, load_corpus

_HOMES = {
    "Analysis": "toolkit.analysis",
    "AnalysisFolder": "toolkit.analysis",
    "AnalysisSummary": "toolkit.analysis",
    "analyze": "toolkit.analysis",
    "analyze_to_folder": "toolkit.analysis",
    "read_analysis": "toolkit.analysis",
    "Corpus": "toolkit.corpus",
    "load_corpus": "toolkit.corpus",
}

__all__ = [
    "Analysis",
    "AnalysisFolder",
    "AnalysisSummary",
    "Corpus",
    "__version__",
    "analyze",
    "analyze_to_folder",
    "load_corpus",
    "read_analysis",
]


def __getattr__(name: str) -> Any:
    """The public names, imported from their modules on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'toolkit' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
