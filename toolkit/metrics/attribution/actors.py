"""Source affiliation: which side a source speaks for, read from the actor codebook.

One file serves actor salience and affiliation: the ``salience`` codebook
(``toolkit/codebooks/actors.yaml``, or a researcher's own given as ``--actors-codebook``), one
category per actor. A source is affiliated with the first actor, in file order, one of whose
terms occurs in its text as whole words ("US Defense Secretary Lloyd Austin" ->
``united_states``), matched regardless of case, except that a term of an entry with the guard
``capitalised`` must be written with a capital (in capitals up to three letters: "US", not
"us"); a trailing ``*`` stands for any word ending. A source typed ``news_media`` belongs to the
category marked ``media: true``. Anything else is ``unknown``. The ``actions`` category (verbs)
affiliates nobody. Counting voices by affiliation follows the sourcing studies that ask whose
side gets a voice (Sigal 1973).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from toolkit.codebooks import Codebook, default_codebook
from toolkit.errors import ParameterError
from toolkit.metrics.salience import actor_ids as salience_actors

UNKNOWN = "unknown"
"""Affiliation of a source no actor's term matches."""

FAMILY = "salience"
"""The codebook family that holds the actors."""

_CAPITALISED = "capitalised"
_Matcher = Callable[[str], bool]


def default_actors() -> Codebook:
    """The shipped actor codebook (the salience family's default)."""
    return default_codebook(FAMILY)


def actor_ids(codebook: Codebook) -> tuple[str, ...]:
    """Actor ids in file order, then ``unknown``: every value ``affiliation`` returns."""
    return (*_actor_categories(codebook), UNKNOWN)


def _actor_categories(codebook: Codebook) -> tuple[str, ...]:
    return salience_actors(codebook)


@cache
def affiliator(codebook: Codebook) -> Callable[[str, str], str]:
    """``affiliation`` for one codebook, its patterns compiled once (cached per codebook)."""
    if codebook.family != FAMILY:
        raise ParameterError(
            f"The 'actors' codebook must be of family {FAMILY!r}. "
            f"Got {codebook.name!r} of family {codebook.family!r} instead."
        )
    actors = set(_actor_categories(codebook))
    media = next((c.id for c in codebook.categories if c.media and c.id in actors), None)
    matchers: list[tuple[str, list[_Matcher]]] = []
    for category in codebook.categories:
        if category.id in actors:
            matchers.append(
                (
                    category.id,
                    [_matcher(e.terms, _CAPITALISED in e.guards) for e in category.entries],
                )
            )

    @lru_cache(maxsize=4096)
    def affiliate(source: str, source_type: str) -> str:
        if source_type == "news_media" and media is not None:
            return media
        for actor_id, found in matchers:
            if any(match(source) for match in found):
                return actor_id
        return UNKNOWN

    return affiliate


def _matcher(terms: tuple[str, ...], capitalised: bool) -> _Matcher:
    """Whether a text holds one of ``terms`` as whole words (see the module for case)."""
    ordered = sorted(terms, key=len, reverse=True)
    words = "|".join(_term_pattern(term) for term in ordered)
    pattern = re.compile(rf"(?<![\w\-])(?:{words})(?![\w\-])", re.IGNORECASE)

    def match(text: str) -> bool:
        for found in pattern.finditer(text):
            written = found.group()
            if not capitalised:
                return True
            if written.isupper() if len(written) <= 3 else written[:1].isupper():
                return True
        return False

    return match


def _term_pattern(term: str) -> str:
    stem = term.removesuffix("*")
    body = r"\s+".join(re.escape(word) for word in stem.split())
    return body + r"[\w\-]*" if term.endswith("*") else body


def affiliation(source: str, source_type: str, codebook: Codebook | None = None) -> str:
    """The id of the actor ``source`` speaks for, or ``"unknown"`` (see the module)."""
    return affiliator(codebook or default_actors())(source, source_type)
