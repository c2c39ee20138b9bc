"""Overlap matching of character spans (a cue, source or content may be discontinuous)."""

from __future__ import annotations

from collections.abc import Sequence

from toolkit.text import Span


def overlaps(first: Sequence[Span], second: Sequence[Span]) -> bool:
    """True when some span of ``first`` shares at least one character with one of ``second``."""
    return any(a.start < b.end and b.start < a.end for a in first for b in second)
