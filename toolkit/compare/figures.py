"""Figures and dates in a text, normalised so that different spellings of one figure match.

"99%", "99 percent", "99 per cent" and "ninety-nine percent" all give the item ``99%``;
"300 missiles" and "three hundred missiles" give ``300 missiles`` (the number and the next word,
unless that is a function word); "$1.5 billion" gives ``$1,500,000,000``; "April 1", "1 April",
"April 1st" and "4/1/2024" give ``April 1``; weekdays are dates too ("Saturday"), and so is a
lone year ("in 2024"). Vague quantities keep their word: "hundreds of missiles" gives
``hundreds of missiles``. The number word "one" alone is not a figure (it is mostly a pronoun
or determiner).

Every found span satisfies ``text[start:end] == words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.compare.wordlists import word_lists

FIGURE = "figure"
DATE = "date"

_UNITS = {
    "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "one": 1,
}  # fmt: skip
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_NUMBER_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
_WORDS_NUMBER = rf"(?:{_NUMBER_WORD})(?:(?:-|\s+(?:and\s+)?)(?:{_NUMBER_WORD}))*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIGURE = re.compile(
    rf"(?<![\w$€£.,/:-])(?P<currency>US\$|\$|€|£)?\s?"
    rf"(?P<number>{_DIGITS}|{_WORDS_NUMBER})"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    r"(?![\w/:]|[.,]\d)"
    r"(?:(?P<percent>\s?%|\s+(?:percent|per\s+cent|percentage\s+points?)\b)"
    r"|\s+(?P<noun>[A-Za-z][\w'\u2019-]*))?",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?P<vague>tens|dozens|hundreds|thousands|millions|billions)\s+of\s+(?P<noun>[A-Za-z][\w-]*)",
    re.IGNORECASE,
)
_MONTH = "|".join(f"{m[:3]}(?:{m[3:]}|\\.)?" if len(m) > 3 else m for m in _MONTHS)
_DATES = re.compile(
    rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>{_MONTH})\b(?:,?\s+\d{{4}}\b)?"
    rf"|\b(?P<m3>\d{{1,2}})/(?P<d3>\d{{1,2}})/(?P<y3>\d{{4}})\b"
    rf"|\b(?P<weekday>{'|'.join(_WEEKDAYS)})\b"
)


@dataclass(frozen=True, slots=True)
class Found:
    """One figure or date: its kind, normalised item, and where it is in the text."""

    kind: str
    item: str
    start: int
    end: int
    words: str


def parse_number(words: str) -> float | None:
    """The value of a number written in digits or English words; None when it is not one.

    ``parse_number("ninety-nine") == 99``, ``parse_number("1,000") == 1000``,
    ``parse_number("three hundred and five") == 305``.
    """
    cleaned = words.strip().lower()
    if re.fullmatch(_DIGITS, cleaned):
        return float(cleaned.replace(",", ""))
    total, current, seen = 0, 0, False
    for token in re.split(r"[\s-]+", cleaned):
        if token == "and":
            continue
        if token in _UNITS:
            current += _UNITS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _SCALES:
            total += max(current, 1) * _SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def find_figures(text: str) -> list[Found]:
    """Figures and dates in ``text``, in text order (dates first where both would match)."""
    found: list[Found] = []
    taken: list[tuple[int, int]] = []
    for match in _DATES.finditer(text):
        found.append(Found(DATE, _date_item(match), match.start(), match.end(), match.group()))
        taken.append(match.span())
    for match in _VAGUE.finditer(text):
        item = f"{match['vague'].lower()} of {match['noun'].lower()}"
        found.append(Found(FIGURE, item, match.start(), match.end(), match.group()))
        taken.append(match.span())
    function_words = word_lists().function_words
    for match in _FIGURE.finditer(text):
        start = match.start("currency") if match["currency"] else match.start("number")
        if any(a < match.end("number") and start < b for a, b in taken):
            continue
        value = _figure_item(match, function_words)
        if value is None:
            continue
        kind = DATE if re.fullmatch(r"(?:19|20)\d\d", value) else FIGURE
        end = (
            match.end()
            if (match["percent"] or value.endswith(f" {_noun(match)}"))
            else (match.end("scale") if match["scale"] else match.end("number"))
        )
        found.append(Found(kind, value, start, end, text[start:end]))
    return sorted(found, key=lambda f: (f.start, f.end))


def format_number(value: float) -> str:
    """``value`` with thousands separators, without a trailing ``.0`` ("1,500", "99.5")."""
    return f"{int(value):,}" if value == int(value) else f"{value:,.10g}"


def _figure_item(match: re.Match[str], function_words: frozenset[str]) -> str | None:
    number = match["number"]
    value = parse_number(number)
    if value is None:
        return None
    if match["scale"]:
        value *= _SCALES[match["scale"].lower()]
    if match["percent"]:
        return f"{format_number(value)}%"
    currency = match["currency"] or ""
    if currency:
        return f"{currency.upper()}{format_number(value)}"
    if number.lower() == "one" and not match["scale"]:
        return None
    noun = _noun(match)
    if noun and noun not in function_words and noun not in {m.lower() for m in _MONTHS}:
        return f"{format_number(value)} {noun}"
    if re.fullmatch(r"(?:19|20)\d\d", number):
        return number  # a year: kept as written, reported as a date
    return format_number(value)


def _noun(match: re.Match[str]) -> str:
    return (match["noun"] or "").lower().replace("\u2019", "'")


def _date_item(match: re.Match[str]) -> str:
    if match["weekday"]:
        return match["weekday"]
    if match["m3"]:
        month = int(match["m3"])
        return f"{_MONTHS[month - 1]} {int(match['d3'])}" if 1 <= month <= 12 else match.group()
    month_text = str(match["month"] or match["month2"])
    day = str(match["day"] or match["day2"])
    name = next(m for m in _MONTHS if m[:3].lower() == month_text[:3].lower())
    return f"{name} {int(day)}"
