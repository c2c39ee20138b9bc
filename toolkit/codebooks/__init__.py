"""Versioned codebooks (lexicons as YAML data) and their loader.

Built-in codebooks ship as package data (``builtin_codebook("hedging")``); a researcher's own file
in the same format is loaded and validated with ``load_codebook(path)``, and
``check_codebook(path)`` lists every problem without raising.
"""

from __future__ import annotations

from toolkit.codebooks.loader import (
    builtin_codebook,
    builtin_codebook_names,
    check_codebook,
    codebook_families,
    default_codebook,
    load_codebook,
)
from toolkit.codebooks.model import Category, Codebook, Entry, normalize_term

__all__ = [
    "Category",
    "Codebook",
    "Entry",
    "builtin_codebook",
    "builtin_codebook_names",
    "check_codebook",
    "codebook_families",
    "default_codebook",
    "load_codebook",
    "normalize_term",
]
