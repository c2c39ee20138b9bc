from __future__ import annotations

import pytest

from toolkit.compare.figures import find_figures, parse_number


@pytest.mark.parametrize(
    ("text", "item"),
    [
        ("intercepted 99% of them", "99%"),
        ("intercepted 99 percent of them", "99%"),
        ("intercepted 99 per cent of them", "99%"),
        ("intercepted ninety-nine percent of them", "99%"),
        ("over 300 missiles and drones", "300 missiles"),
        ("three hundred missiles", "300 missiles"),
        ("$1.5 billion in aid", "$1,500,000,000"),
        ("hundreds of missiles", "hundreds of missiles"),
    ],
)
def test_spellings_of_one_figure_give_one_item(text: str, item: str) -> None:
    found = find_figures(text)
    assert [f.item for f in found] == [item]
    assert all(text[f.start : f.end] == f.words for f in found)


@pytest.mark.parametrize("text", ["on April 1st", "on 1 April 2024", "April 1, 2024", "4/1/2024"])
def test_dates_normalise(text: str) -> None:
    assert [(f.kind, f.item) for f in find_figures(text)] == [("date", "April 1")]


def test_one_and_clock_times_are_not_figures() -> None:
    assert find_figures("one of the regions at 8:47:32 AM") == []


def test_parse_number() -> None:
    assert parse_number("three hundred and five") == 305
    assert parse_number("1,000") == 1000
    assert parse_number("several") is None
