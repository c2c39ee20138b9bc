"""What decides the numbers of an analysis: one codebook per codebook slot of the registry.

``make_config(hedging_codebook=..., actors_codebook=...)`` takes one keyword per slot (the
slots come from ``toolkit.metrics.registry``); a value is a ``Codebook``, a path to a codebook
file of the slot's family, or None for the built-in codebook.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from toolkit.codebooks import Codebook, builtin_codebook, load_codebook
from toolkit.corpus.language import DEFAULT_LANGUAGES, check_languages
from toolkit.errors import ParameterError
from toolkit.metrics.registry import CodebookSlot, Family, registry

CodebookLike = Codebook | str | os.PathLike[str]
"""A codebook, or the path of a codebook file."""


@dataclass(frozen=True, slots=True)
class AnalysisConfig:
    """The codebook of every slot, by parameter name, in registry order, and the languages
    analysed (picklable, hashable).

    ``languages`` are ISO 639-1 codes: articles identified as written in another language are
    measured and flagged (documents columns ``language`` and ``in_scope``) but left out of the
    outlet totals (``toolkit.corpus.language``).
    """

    codebooks: tuple[tuple[str, Codebook], ...]
    languages: tuple[str, ...] = DEFAULT_LANGUAGES

    def __post_init__(self) -> None:
        slots = {slot.parameter: slot for slot in registry().slots()}
        given = [parameter for parameter, _ in self.codebooks]
        problems = []
        if sorted(given) != sorted(slots):
            problems.append(f"codebooks must be given for {sorted(slots)}, got {sorted(given)}")
        for parameter, book in self.codebooks:
            slot = slots.get(parameter)
            got = getattr(book, "family", type(book).__name__)
            if slot is not None and (not isinstance(book, Codebook) or got != slot.family):
                problems.append(
                    f"'{parameter}' must be a codebook of family {slot.family!r}, not {got!r}"
                )
        if problems:
            raise ParameterError(f"AnalysisConfig: {'; '.join(problems)}.")
        check_languages(self.languages)

    def for_languages(self, languages: Sequence[str]) -> AnalysisConfig:
        """This configuration analysing ``languages`` (ISO 639-1 codes, e.g. ``["en", "fr"]``)."""
        return replace(self, languages=check_languages(languages))

    def codebook(self, parameter: str) -> Codebook:
        """The codebook of the slot ``parameter`` (e.g. ``"hedging_codebook"``)."""
        for name, book in self.codebooks:
            if name == parameter:
                return book
        raise ParameterError(
            f"The 'parameter' parameter of AnalysisConfig.codebook must be one of "
            f"{[name for name, _ in self.codebooks]}. Got {parameter!r} instead."
        )

    def for_family(self, family: Family) -> Codebook | None:
        """The codebook ``family`` reads (None when it reads none)."""
        return None if family.slot is None else self.codebook(family.slot.parameter)

    @property
    def books(self) -> tuple[Codebook, ...]:
        """The codebooks in use, in registry order."""
        return tuple(book for _, book in self.codebooks)


def codebook_parameters() -> tuple[str, ...]:
    """The codebook keyword parameters of ``make_config``, ``analyze`` and the notebooks."""
    return tuple(slot.parameter for slot in registry().slots())


def resolve_codebook(codebook: CodebookLike | None, slot: CodebookSlot) -> Codebook:
    """The built-in codebook of ``slot`` when ``codebook`` is None, else the given one."""
    if codebook is None:
        return builtin_codebook(slot.default)
    resolved = codebook if isinstance(codebook, Codebook) else load_codebook(codebook)
    if resolved.family != slot.family:
        raise ParameterError(
            f"The '{slot.parameter}' parameter must be a codebook of family {slot.family!r}. "
            f"Got family {resolved.family!r} instead (from {resolved.name!r})."
        )
    return resolved


def make_config(**codebooks: CodebookLike | None) -> AnalysisConfig:
    """Resolve codebook arguments (None or absent: the built-in ones) into an ``AnalysisConfig``.

    The keywords are ``codebook_parameters()``; an unknown keyword raises ``ParameterError``.
    """
    check_codebook_parameters(codebooks, "make_config")
    return AnalysisConfig(
        tuple(
            (slot.parameter, resolve_codebook(codebooks.get(slot.parameter), slot))
            for slot in registry().slots()
        )
    )


def check_codebook_parameters(codebooks: Mapping[str, object], where: str) -> None:
    """Raise ``ParameterError`` naming every keyword of ``codebooks`` that is not a slot."""
    known = codebook_parameters()
    unknown = sorted(name for name in codebooks if name not in known)
    if unknown:
        raise ParameterError(
            f"The codebook parameters of {where} must be among {list(known)}. "
            f"Got {unknown} instead."
        )
