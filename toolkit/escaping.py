"""The one way a corpus string reaches Markdown, HTML or a spreadsheet: shown as its own text.

Outlet names, titles, paths and codebook entries come from files anyone can write. Put into a
page as they are, ``<img src=...>`` or ``<link rel=stylesheet ...>`` makes the page fetch from a
server when opened, ``<style>`` restyles it, ``[x](javascript:...)`` or ``<a href="jav&#x09;
ascript:...">`` runs script when clicked, and a line break splits a heading or a table. Every
such string goes through one of these functions before it is put into Markdown (notebook
output) or HTML (the index and page titles):

- :func:`markdown_text`: for running text and headings in Markdown;
- :func:`markdown_code`: for a code span in Markdown (shown in a monospace font);
- :func:`html_text`: for text and attribute values in HTML;
- :func:`spreadsheet_cell`: for a text cell of a CSV sheet that people open in a spreadsheet.

The first three make the string one line of printable text (:func:`one_line`). Escaping follows
CommonMark (any ASCII punctuation may be backslash-escaped; a code span is closed only by a
backtick run of its own length) and the HTML standard (``&``, ``<``, ``>`` and quotes as
character references); OWASP's cross-site scripting prevention cheat sheet states the same rule:
encode for the context the data is put in.
"""

from __future__ import annotations

import html
import re

_LINE_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1f\x85\u2028\u2029]+")
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff]")
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#|~$:])")
# A list marker (CommonMark 5.2): "-" or "+", or 1-9 digits and "." or ")", then a space or the end.
_BLOCK_START = re.compile(r"\A(?:[-+](?=[ \t]|\Z)|\d{1,9}(?=[.)](?:[ \t]|\Z)))")
_BACKTICKS = re.compile("`+")
REPLACEMENT = "\ufffd"
"""Shown for a control character or a lone surrogate (U+FFFD REPLACEMENT CHARACTER)."""


def one_line(value: object) -> str:
    """``value`` as one line of printable text.

    Line breaks, tabs and other separators (``\\n``, ``\\r``, U+2028, ...) become one space each
    run; other control characters and lone surrogates become U+FFFD; the ends are stripped.
    """
    spaced = _LINE_BREAKS.sub(" ", str(value))
    return _UNPRINTABLE.sub(REPLACEMENT, spaced).strip()


def markdown_text(value: object) -> str:
    """``value`` as Markdown that renders as exactly its text, on one line.

    Markdown punctuation (``\\ ` * _ { } [ ] ( ) # | ~ $ :``) is backslash-escaped, so no
    link, image, emphasis, code, table cell, math or bare URL link (``https://...``) starts; a
    list marker at the start (``- ``, ``+ ``, ``1. ``) is escaped too, so no list starts; ``&``,
    ``<`` and ``>`` become character references, so no HTML tag or entity is read. Text that
    needs none of this (``U.S. officials``, ``1.0.0``) is left as it is.
    """
    text = _MARKDOWN_PUNCTUATION.sub(r"\\\1", one_line(value))
    text = _BLOCK_START.sub(_escape_block_start, text)
    return html.escape(text, quote=False)


def _escape_block_start(match: re.Match[str]) -> str:
    marker = match.group()
    return f"{marker}\\" if marker[0].isdigit() else f"\\{marker}"


def markdown_code(value: object) -> str:
    """``value`` as a Markdown code span (monospace, no Markdown or HTML read inside).

    The span is fenced by one backtick more than the longest run of backticks in the text, and
    padded with a space when the text starts or ends with a backtick (CommonMark 6.1).
    """
    text = one_line(value)
    longest = max((len(run) for run in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def html_text(value: object) -> str:
    """``value`` as HTML text or a quoted attribute value, on one line."""
    return html.escape(one_line(value), quote=True)


FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP, CSV Injection)."""


def spreadsheet_cell(value: str) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs as a formula.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
    ``'`` (OWASP's advice against CSV injection: ``=HYPERLINK(...)`` in a cell can send data
    away when the sheet is opened). Spreadsheets hide that quote; :func:`from_spreadsheet_cell`
    removes it when the sheet is read back. Other cells are unchanged.
    """
    return f"'{value}" if value.startswith(FORMULA_TRIGGERS) else value


def from_spreadsheet_cell(value: str) -> str:
    """The value of a cell written by :func:`spreadsheet_cell` (its leading ``'`` removed)."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_TRIGGERS) else value
