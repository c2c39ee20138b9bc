"""Codebook records: a codebook holds categories, a category entries, an entry its terms.

All records are frozen and hashable, so a compiled matcher can be cached per codebook.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from toolkit.errors import ParameterError

_SPACES = re.compile(r"\s+")
_VARIANTS = str.maketrans({"\u2019": "'", "\u2010": "-", "\u2011": "-"})


def normalize_term(term: str) -> str:
    """A term (or matched text) in canonical form: lower case, single spaces, ASCII ' and -.

    Two terms with the same canonical form match the same text.
    """
    return _SPACES.sub(" ", term.strip().lower().translate(_VARIANTS))


@dataclass(frozen=True, slots=True)
class Entry:
    """One codebook entry: the terms that count for it and the context guards that filter them.

    ``terms`` are words or multi-word phrases, lower-cased as written in the file; a trailing
    ``*`` stands for any word ending ("suggest*" matches "suggests", "suggested", ...).
    ``guards`` name context rules (``toolkit.metrics.guards.GUARDS``) that every match must pass.
    ``weight`` is what one match adds to its category's count (1.0 unless the file says otherwise).
    ``favours`` (loaded-label codebooks only) is the id of the side the label favours, one of the
    codebook's ``sides``. ``negatable`` is False for an entry that is itself negative ("not
    participate", "no casualties"): its matches are never read as negated
    (``toolkit.metrics.negation``). ``unless_before`` and ``unless_after`` are words or phrases
    (``*`` for any ending) that reject a match when they stand right before or right after it
    ("death" before "penalty", "cabinet" after "war"): word sense guards written as data.
    """

    id: str
    terms: tuple[str, ...]
    guards: tuple[str, ...] = ()
    weight: float = 1.0
    note: str | None = None
    favours: str | None = None
    negatable: bool = True
    unless_before: tuple[str, ...] = ()
    unless_after: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Category:
    """A named group of entries; its id becomes part of metric column names.

    ``media`` (actor codebooks, family ``salience``, only) marks the actor that stands for the
    news media: a source typed ``news_media`` is affiliated with it.
    """

    id: str
    label: str
    description: str
    entries: tuple[Entry, ...]
    media: bool = False


@dataclass(frozen=True, slots=True)
class Codebook:
    """A versioned lexicon feeding one metric family, with its provenance.

    ``family`` names the codebook slot it fills (one of ``codebook_families()``);
    ``path`` is the file it was loaded from; ``scope`` optionally says which kind of story the
    categories suit. ``sides`` (loaded-label codebooks) maps each side id a label can favour to
    its description, in file order.
    """

    name: str
    version: str
    family: str
    description: str
    citation: str
    licence: str
    categories: tuple[Category, ...]
    path: str
    scope: str | None = None
    sides: tuple[tuple[str, str], ...] = ()

    def __hash__(self) -> int:
        # Equal codebooks have equal names, versions, families and paths, so hashing these few
        # strings (whose hashes Python caches) agrees with equality, and the matcher cache of
        # ``toolkit.metrics.lexicon.compile_codebook`` need not hash every term on each lookup.
        return hash((self.name, self.version, self.family, self.path))

    @property
    def category_ids(self) -> tuple[str, ...]:
        """Category ids in file order."""
        return tuple(category.id for category in self.categories)

    @property
    def side_ids(self) -> tuple[str, ...]:
        """Side ids in file order (empty unless the codebook declares ``sides``)."""
        return tuple(side for side, _ in self.sides)

    def entry(self, entry_id: str) -> tuple[Category, Entry]:
        """The entry with id ``entry_id`` and the category that holds it."""
        for category in self.categories:
            for entry in category.entries:
                if entry.id == entry_id:
                    return category, entry
        raise ParameterError(
            f"The 'entry_id' parameter of Codebook.entry must be an entry of codebook "
            f"{self.name!r}. Got {entry_id!r} instead."
        )

    def category(self, category_id: str) -> Category:
        """The category with id ``category_id``."""
        for category in self.categories:
            if category.id == category_id:
                return category
        raise ParameterError(
            f"The 'category_id' parameter of Codebook.category must be one of "
            f"{set(self.category_ids)}. Got {category_id!r} instead."
        )
