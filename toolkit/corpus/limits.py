"""How much of an input is read as one article, so that memory stays bounded whatever the input.

A corpus can be anything: a 10 MB gzip file can expand to one 10 GB line. Readers never hold more
than :data:`MAX_RECORD_BYTES` of one line, row or file: past that, the rest is skipped without
being read into memory and the record is reported as too long.
"""

from __future__ import annotations

MAX_ARTICLE_CHARS = 2_000_000
"""Longest text accepted as one article (about 300,000 words, far beyond any news story)."""

MAX_RECORD_BYTES = 12 * MAX_ARTICLE_CHARS + 1_048_576
"""Longest line of a JSONL file, physical line of a CSV file (in characters) or ``.txt`` file
read: the most an article of :data:`MAX_ARTICLE_CHARS` characters can take as a JSON line (12
bytes a character, when each is escaped as a surrogate pair such as ``\\ud83d\\ude00``), plus
1 MiB for its other fields. 25,048,576 bytes."""


def too_long_message(size: int, *, exact: bool, unit: str = "bytes") -> str:
    """Why a line, row or file of ``size`` bytes (or characters: ``unit``) is refused.

    ``exact`` False means "more than ``size``" (the rest was not read).
    """
    amount = f"{size:,} {unit}" if exact else f"more than {size:,} {unit}"
    return (
        f"is {amount} long, more than an article of at most {MAX_ARTICLE_CHARS:,} characters "
        f"can take ({MAX_RECORD_BYTES:,} {unit}); it was skipped without being read whole. It is "
        "probably not one article (a scraped page, several files joined or a broken export): "
        "split it into articles"
    )
