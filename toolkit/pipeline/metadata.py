"""The metadata of an analysis: what produced its tables (``analysis.json``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from toolkit.metrics.registry import registry
from toolkit.pipeline.config import AnalysisConfig
from toolkit.version import __version__

METADATA_FILE = "analysis.json"


def analysis_metadata(
    *,
    source: str,
    n_articles: int,
    n_rejected: int,
    cleaning: tuple[str, str],
    config: AnalysisConfig,
) -> dict[str, Any]:
    """Versions of the toolkit, of every codebook in ``config`` (with the parameter it filled)
    and of every other data file a family reads, the corpus and the cleaning rules."""
    codebooks: list[dict[str, str]] = [
        {"name": book.name, "version": book.version, "family": book.family, "parameter": name}
        for name, book in config.codebooks
    ]
    for family in registry():
        if family.provenance is not None:
            codebooks += [dict(item) for item in family.provenance()]
    codebooks.append({"name": cleaning[0], "version": cleaning[1], "family": "cleaning"})
    return {
        "toolkit_version": __version__,
        "corpus": portable_source(source),
        "n_articles": n_articles,
        "n_rejected": n_rejected,
        "families": list(registry().names),
        "codebooks": codebooks,
    }


def portable_source(source: str) -> str:
    """The corpus source without machine-specific absolute paths (for byte-identical reruns)."""
    return Path(source).name if Path(source).is_absolute() else source
