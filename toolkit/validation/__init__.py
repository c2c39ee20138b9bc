"""Checking the coding: coder sheets of sampled evidence, and precision and agreement scores.

Export a stratified sample of evidence (``sample_evidence`` + ``write_sheet``), let one or two
coders mark each match correct (1) or not (0), read the sheets back (``read_coded_sheet``) and
score them (``score_sheets``): per-entry precision, Cohen's kappa between coders, entries to fix.
From the command line: ``toolkit validate export`` and ``toolkit validate score``.
"""

from __future__ import annotations

from toolkit.validation.scoring import (
    DEFAULT_MIN_ITEMS,
    DEFAULT_THRESHOLD,
    ValidationResult,
    cohen_kappa,
    score_sheets,
    summary,
)
from toolkit.validation.sheets import (
    SHEET_COLUMNS,
    SheetError,
    read_coded_sheet,
    sample_evidence,
    write_sheet,
)

__all__ = [
    "DEFAULT_MIN_ITEMS",
    "DEFAULT_THRESHOLD",
    "SHEET_COLUMNS",
    "SheetError",
    "ValidationResult",
    "cohen_kappa",
    "read_coded_sheet",
    "sample_evidence",
    "score_sheets",
    "summary",
    "write_sheet",
]
