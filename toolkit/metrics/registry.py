"""The registry of metric families: the one list the pipeline, the CLI, the notebooks and
provenance read.

A family is one module of ``toolkit.metrics`` that declares a module-level ``FAMILIES`` tuple of
``Family`` records (most modules declare one; ``framing`` declares the three frame families).
``BUILTIN_MODULES`` names those modules in table order. Adding a family is writing its module
and adding it to ``BUILTIN_MODULES``; nothing else in the package names it (in the spirit of
papermill's registered engines and translators).

A family that reads a codebook names a ``CodebookSlot``: the keyword parameter that takes a
researcher's codebook (``hedging_codebook=...``, ``--hedging-codebook``, the notebook parameter of
the same name), the ``family`` value codebook files of that slot declare, the built-in default,
and the categories the slot requires or reserves. Two families may share a slot: salience and
attribution both read the actors codebook.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from toolkit.errors import ParameterError

if TYPE_CHECKING:
    from toolkit.codebooks.model import Codebook
    from toolkit.metrics.base import ArticleText, FamilyOutput

BUILTIN_MODULES = (
    "toolkit.metrics.hedging",
    "toolkit.metrics.attribution",
    "toolkit.metrics.framing",
    "toolkit.metrics.labels",
    "toolkit.metrics.salience",
    "toolkit.metrics.readability",
    "toolkit.metrics.sentiment",
)
"""The modules that declare the built-in families, in the order of the tables' rows."""


@dataclass(frozen=True, slots=True)
class CodebookSlot:
    """A place for a codebook: its parameter, the codebook family and the built-in default.

    ``parameter`` is the keyword of ``make_config`` and ``analyze`` and the notebooks'
    parameter (the CLI option is ``--`` + its dashed form); codebook files for the slot declare
    ``family: <family>``. ``required`` categories must be in every such codebook, ``reserved``
    ids must not be category ids (the family uses them for its own measures). ``sides``: the
    codebook declares the sides its entries favour (loaded labels). ``media``: one category may
    be flagged ``media: true`` (the actor the news media are, for source affiliation).
    """

    parameter: str
    family: str
    default: str
    description: str
    required: tuple[str, ...] = ()
    reserved: frozenset[str] = frozenset()
    sides: bool = False
    media: bool = False

    @property
    def option(self) -> str:
        """The command-line option, e.g. ``--hedging-codebook``."""
        return "--" + self.parameter.replace("_", "-")


@dataclass(frozen=True, slots=True)
class MeasureSpec:
    """One kind of number a family contributes, for the data dictionary and report labels.

    ``category`` is a category id or a pattern in angle brackets (``"<frame>"``); ``measure`` is
    the measure name (``"count"``, ``"per_1k"``, ...). ``unit`` and ``direction`` say what the
    number is and which way it runs.
    """

    category: str
    measure: str
    unit: str
    direction: str
    description: str


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its name, its type and what it holds (unit, which way it runs).

    ``dtype`` is ``"string"``, ``"int64"``, ``"float64"`` or ``"bool"``.
    """

    name: str
    dtype: str
    description: str


@dataclass(frozen=True, slots=True)
class TableSpec:
    """A table of the analysis: its columns and the order of its rows (``order``)."""

    name: str
    description: str
    columns: tuple[Column, ...]
    order: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Column names in table order."""
        return tuple(column.name for column in self.columns)


@dataclass(frozen=True, slots=True)
class Family:
    """A metric family: its name, what it reads and how it measures one article.

    ``measure(text, codebook)`` gets the article and the codebook of ``slot`` (None when the
    family reads no codebook) and returns the family's ``FamilyOutput``; it is pure. ``label`` is
    the human name shown in reports. ``measures`` documents the numbers it gives.
    ``document_columns`` are the text columns it adds to the documents table; ``tables`` the
    extra tables it fills. ``provenance`` lists the data files besides the
    codebook that decide its numbers (name, version), for the analysis metadata.
    """

    name: str
    label: str
    measure: Callable[[ArticleText, Codebook | None], FamilyOutput]
    description: str
    citation: str
    slot: CodebookSlot | None = None
    measures: tuple[MeasureSpec, ...] = ()
    document_columns: tuple[Column, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    provenance: Callable[[], Sequence[Mapping[str, str]]] | None = None


class Registry:
    """The families, in table order, looked up by name."""

    def __init__(self, families: Sequence[Family]) -> None:
        names = [family.name for family in families]
        repeated = sorted({name for name in names if names.count(name) > 1})
        if repeated:
            raise ParameterError(f"Family names must be unique. Got {repeated} more than once.")
        self._families = MappingProxyType({family.name: family for family in families})

    def __iter__(self) -> Iterator[Family]:
        return iter(self._families.values())

    def __len__(self) -> int:
        return len(self._families)

    def __contains__(self, name: object) -> bool:
        return name in self._families

    @property
    def names(self) -> tuple[str, ...]:
        """Family names in table order."""
        return tuple(self._families)

    def get(self, name: str) -> Family:
        """The family called ``name``."""
        if name not in self._families:
            raise ParameterError(
                f"The 'family' parameter must be one of {list(self._families)}. "
                f"Got {name!r} instead."
            )
        return self._families[name]

    def slots(self) -> tuple[CodebookSlot, ...]:
        """Every codebook slot, once, in the order of the families that own them.

        A slot's owner is the family of the same name as the slot's codebook family (salience
        owns the actors slot that attribution reads too); a slot without one comes where a
        family first names it.
        """
        positions: dict[str, tuple[int, CodebookSlot]] = {}
        for position, family in enumerate(self):
            slot = family.slot
            if slot is None:
                continue
            if slot.parameter not in positions or family.name == slot.family:
                positions[slot.parameter] = (position, slot)
        return tuple(slot for _, slot in sorted(positions.values(), key=lambda item: item[0]))

    def slot(self, parameter: str) -> CodebookSlot:
        """The slot whose parameter is ``parameter`` (e.g. ``"actors_codebook"``)."""
        for slot in self.slots():
            if slot.parameter == parameter:
                return slot
        raise ParameterError(
            f"The codebook parameter must be one of {[s.parameter for s in self.slots()]}. "
            f"Got {parameter!r} instead."
        )

    def codebook_slot(self, codebook_family: str) -> CodebookSlot:
        """The slot whose codebooks declare ``family: codebook_family``."""
        for slot in self.slots():
            if slot.family == codebook_family:
                return slot
        raise ParameterError(
            f"A codebook's family must be one of {[s.family for s in self.slots()]}. "
            f"Got {codebook_family!r} instead."
        )

    def tables(self) -> tuple[TableSpec, ...]:
        """The extra tables of every family, in registry order."""
        return tuple(table for family in self for table in family.tables)

    def document_columns(self) -> tuple[Column, ...]:
        """The documents-table columns of every family, in registry order."""
        return tuple(column for family in self for column in family.document_columns)


def load_families(modules: Sequence[str]) -> Registry:
    """A registry of the ``FAMILIES`` declared by ``modules`` (imported by name), in order."""
    families: list[Family] = []
    for name in modules:
        module: Any = importlib.import_module(name)
        declared = getattr(module, "FAMILIES", None)
        if not isinstance(declared, tuple) or not all(isinstance(f, Family) for f in declared):
            raise ParameterError(
                f"Module {name!r} must declare FAMILIES, a tuple of toolkit.metrics.registry."
                "Family records."
            )
        families += declared
    return Registry(families)


@cache
def registry() -> Registry:
    """The built-in families (``BUILTIN_MODULES``), loaded on first use."""
    return load_families(BUILTIN_MODULES)
