"""Read and validate codebook files (YAML), built-in or a researcher's own.

A codebook file looks like::

    name: hedging                 # used in evidence rules: "<name>:<entry id>"
    version: "1.0.0"              # semver, quoted; bump it whenever an entry changes
    family: hedging               # the codebook slot it fills (see codebook_families())
    description: ...
    citation: ...
    licence: ...
    scope: ...                    # optional: the kind of story the categories suit
    categories:
      distancing:                 # category id: lower case, digits, underscores
        label: Distancing
        description: ...
        entries:
          - id: reportedly        # unique in the file
            terms: [reportedly]   # words or phrases; "suggest*" matches any ending
            guards: [not_negated] # optional: ids from toolkit.metrics.guards.GUARDS
            weight: 1.0           # optional, > 0; what one match adds to the count
            note: ...             # optional
            negatable: false      # optional (default true): the entry is itself negative
                                  # ("not participate"), so a negation cue before it is not read
            unless_before: [death]  # optional: words or phrases that reject a match right
            unless_after: [cabinet] # before / after it (word sense guards as data)

Loaded-label codebooks (family ``labels``) also declare the sides a label can favour and say for
every entry which one it favours::

    sides:
      israel_us: Israel and its allies
      iran_axis: Iran and its allied armed groups
    categories:
      delegitimising:
        ...
        entries:
          - id: zionist_regime
            terms: [zionist regime]
            favours: iran_axis    # required in labels codebooks, one of the sides

Actor codebooks (family ``salience``) hold one category per actor plus the category ``actions``:
verbs of action, by which an actor mention is read as agent ("Iran launched") or target
("attacked Israel"). The same file gives attribution sources their affiliation; one actor
category may say ``media: true`` (the news media, to which every news-medium source belongs).

Validation reports every problem at once, each located by file and line and naming the entry.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from toolkit import safe_yaml
from toolkit.codebooks.model import Category, Codebook, Entry, normalize_term
from toolkit.errors import CodebookError, InputProblem, ParameterError
from toolkit.metrics.guards import GUARDS, NEGATION_GUARD
from toolkit.metrics.registry import CodebookSlot, registry

_TOP_REQUIRED = ("name", "version", "family", "description", "citation", "licence", "categories")
_TOP_OPTIONAL = ("scope", "sides")
_CATEGORY_REQUIRED = ("label", "description", "entries")
_CATEGORY_OPTIONAL = ("media",)
_ENTRY_REQUIRED = ("id", "terms")
_ENTRY_OPTIONAL = (
    "guards",
    "weight",
    "note",
    "favours",
    "negatable",
    "unless_before",
    "unless_after",
)

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_CATEGORY_ID = re.compile(r"[a-z][a-z0-9_]*")
_SEMVER = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?"
)
_TERM = re.compile(r"[^\W_](?:[^\W_]|[ '\u2019.\-\u2010\u2011])*")
_MIN_STEM = 3
_STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_BOOL_TAG = "tag:yaml.org,2002:bool"

_Fields = dict[str, tuple[ScalarNode, Node]]


class _Reader:
    """Walks the YAML node tree of one file, collecting problems with their line numbers."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._found: list[tuple[int, InputProblem]] = []
        self._constructor = SafeConstructor()

    def problem(self, node: Node, message: str) -> None:
        line = node.start_mark.line + 1
        self._found.append((line, InputProblem(f"{self.location}:{line}", message)))

    @property
    def problems(self) -> list[InputProblem]:
        """Every problem so far, in line order."""
        return [problem for _, problem in sorted(self._found, key=lambda found: found[0])]

    def mapping(self, node: Node, where: str) -> _Fields | None:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{where} must be a mapping of keys to values")
            return None
        fields: _Fields = {}
        for key, value in node.value:
            if not isinstance(key, ScalarNode) or key.tag != _STR_TAG:
                self.problem(key, f"{where}: keys must be plain names")
            elif key.value in fields:
                first = fields[key.value][0].start_mark.line + 1
                self.problem(key, f"{where}: duplicate key {key.value!r} (first on line {first})")
            else:
                fields[key.value] = (key, value)
        return fields

    def check_keys(
        self,
        fields: _Fields,
        node: Node,
        where: str,
        required: tuple[str, ...],
        optional: tuple[str, ...] = (),
    ) -> None:
        allowed = (*required, *optional)
        for name, (key, _) in fields.items():
            if name not in allowed:
                self.problem(
                    key, f"{where}: unknown key {name!r} (allowed: {', '.join(sorted(allowed))})"
                )
        for name in required:
            if name not in fields:
                self.problem(node, f"{where}: missing required key {name!r}")

    def text(self, fields: _Fields, name: str, where: str) -> str | None:
        if name not in fields:
            return None
        node = fields[name][1]
        if not isinstance(node, ScalarNode) or node.tag != _STR_TAG or not node.value.strip():
            self.problem(node, f"{where}: {name!r} must be a non-empty text")
            return None
        return str(node.value).strip()

    def matching(
        self, fields: _Fields, name: str, where: str, pattern: re.Pattern[str], expected: str
    ) -> str | None:
        value = self.text(fields, name, where)
        if value is not None and not pattern.fullmatch(value):
            self.problem(fields[name][1], f"{where}: {name!r} must be {expected}. Got {value!r}.")
            return None
        return value

    def sequence(self, node: Node, where: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode) or not node.value:
            self.problem(node, f"{where} must be a non-empty list")
            return None
        return list(node.value)

    def scalar(self, node: Node) -> Any:
        return self._constructor.construct_object(node) if isinstance(node, ScalarNode) else None


def _parse(source: str, location: str) -> tuple[Codebook | None, list[InputProblem]]:
    """The codebook in ``source`` (None if invalid) and every problem found in it."""
    try:
        root = safe_yaml.compose(source)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        reason = error.problem or error.context or "unreadable"
        return None, [InputProblem(f"{location}:{line}", f"not valid YAML: {reason}")]
    except yaml.YAMLError as error:
        return None, [InputProblem(location, f"not valid YAML: {error}")]
    if root is None:
        return None, [InputProblem(f"{location}:1", "the file is empty")]

    reader = _Reader(location)
    fields = reader.mapping(root, "codebook")
    if fields is None:
        return None, reader.problems
    reader.check_keys(fields, root, "codebook", _TOP_REQUIRED, _TOP_OPTIONAL)
    name = reader.matching(
        fields, "name", "codebook", _NAME, "letters, digits, '.', '-' or '_' without spaces"
    )
    version = reader.matching(
        fields, "version", "codebook", _SEMVER, "a quoted semantic version like '1.0.0'"
    )
    family = reader.text(fields, "family", "codebook")
    if family is not None and _slot(family) is None:
        reader.problem(
            fields["family"][1],
            f"codebook: 'family' must be one of {', '.join(codebook_families())}. Got {family!r}.",
        )
    texts = {key: reader.text(fields, key, "codebook") for key in ("description", "citation")}
    licence = reader.text(fields, "licence", "codebook")
    scope = reader.text(fields, "scope", "codebook")
    sides = _sides(reader, fields, root, family)
    categories = (
        _categories(reader, fields["categories"][1], family, sides)
        if "categories" in fields
        else None
    )
    if reader.problems:
        return None, reader.problems
    assert name and version and family and licence and categories  # guaranteed when no problems
    return (
        Codebook(
            name=name,
            version=version,
            family=family,
            description=texts["description"] or "",
            citation=texts["citation"] or "",
            licence=licence,
            categories=categories,
            path=location,
            scope=scope,
            sides=sides,
        ),
        [],
    )


def codebook_families() -> tuple[str, ...]:
    """The ``family`` values a codebook file may declare: one per codebook slot of the registry."""
    return tuple(slot.family for slot in registry().slots())


def _slot(family: str | None) -> CodebookSlot | None:
    for slot in registry().slots():
        if slot.family == family:
            return slot
    return None


def _takes_sides(family: str | None) -> bool:
    slot = _slot(family)
    return slot is not None and slot.sides


def _sides(
    reader: _Reader, fields: _Fields, root: Node, family: str | None
) -> tuple[tuple[str, str], ...]:
    """The ``sides`` of a labels codebook (required there, refused in other families)."""
    if "sides" not in fields:
        if _takes_sides(family):
            reader.problem(root, f"codebook: a {family} codebook needs 'sides' (id: description)")
        return ()
    key, node = fields["sides"]
    if not _takes_sides(family):
        reader.problem(key, f"codebook: a {family} codebook takes no 'sides'")
        return ()
    side_fields = reader.mapping(node, "sides")
    if not side_fields:
        if side_fields is not None:
            reader.problem(node, "sides: at least one side is required")
        return ()
    sides: list[tuple[str, str]] = []
    for side_id, (side_key, _) in side_fields.items():
        if not _CATEGORY_ID.fullmatch(side_id):
            reader.problem(
                side_key,
                f"side {side_id!r}: ids must be lower case letters, digits and underscores",
            )
        description = reader.text(side_fields, side_id, f"side {side_id!r}")
        sides.append((side_id, description or ""))
    return tuple(sides)


def _categories(
    reader: _Reader, node: Node, family: str | None, sides: tuple[tuple[str, str], ...]
) -> tuple[Category, ...] | None:
    fields = reader.mapping(node, "categories")
    if fields is None:
        return None
    if not fields:
        reader.problem(node, "categories: at least one category is required")
    slot = _slot(family)
    for required in slot.required if slot is not None else ():
        if fields and required not in fields:
            reader.problem(node, f"categories: a {family} codebook needs the category {required!r}")
    reserved = slot.reserved if slot is not None else frozenset()
    entry_lines: dict[str, int] = {}
    term_owners: dict[str, str] = {}
    categories: list[Category] = []
    media_categories = 0
    for category_id, (key, value) in fields.items():
        where = f"category {category_id!r}"
        if not _CATEGORY_ID.fullmatch(category_id):
            reader.problem(key, f"{where}: ids must be lower case letters, digits and underscores")
        if category_id in reserved:
            reader.problem(key, f"{where}: this id is reserved in a {family} codebook")
        category_fields = reader.mapping(value, where)
        if category_fields is None:
            continue
        reader.check_keys(category_fields, key, where, _CATEGORY_REQUIRED, _CATEGORY_OPTIONAL)
        media = _media(reader, category_fields, where, family)
        if media:
            media_categories += 1
            if media_categories > 1:
                reader.problem(key, f"{where}: only one category may be marked media: true")
        label = reader.text(category_fields, "label", where)
        description = reader.text(category_fields, "description", where)
        entries: list[Entry] = []
        if "entries" in category_fields:
            for entry_node in (
                reader.sequence(category_fields["entries"][1], f"{where}: 'entries'") or []
            ):
                entry = _entry(
                    reader, entry_node, category_id, (entry_lines, term_owners), family, sides
                )
                if entry is not None:
                    entries.append(entry)
        categories.append(
            Category(category_id, label or "", description or "", tuple(entries), media)
        )
    return tuple(categories)


def _media(reader: _Reader, fields: _Fields, where: str, family: str | None) -> bool:
    """The ``media`` flag of a category: a boolean, in actor codebooks only."""
    if "media" not in fields:
        return False
    key, node = fields["media"]
    slot = _slot(family)
    if slot is None or not slot.media:
        reader.problem(key, f"{where}: only an actor (salience) codebook takes 'media'")
        return False
    value = reader.scalar(node)
    if not isinstance(value, bool):
        reader.problem(node, f"{where}: 'media' must be true or false. Got {_shown(node)}.")
        return False
    return value


def _entry(
    reader: _Reader,
    node: Node,
    category_id: str,
    seen_in_file: tuple[dict[str, int], dict[str, str]],
    family: str | None,
    sides: tuple[tuple[str, str], ...],
) -> Entry | None:
    """One entry; ``seen_in_file`` tracks entry ids (line) and terms (owner) across the file."""
    entry_lines, term_owners = seen_in_file
    where = f"category {category_id!r}, entry at line {node.start_mark.line + 1}"
    fields = reader.mapping(node, where)
    if fields is None:
        return None
    entry_id = reader.matching(
        fields, "id", where, _NAME, "letters, digits, '.', '-' or '_' without spaces"
    )
    if entry_id is not None:
        where = f"category {category_id!r}, entry {entry_id!r}"
        if entry_id in entry_lines:
            reader.problem(
                fields["id"][1],
                f"{where}: duplicate entry id (first used on line {entry_lines[entry_id]})",
            )
        else:
            entry_lines[entry_id] = node.start_mark.line + 1
    reader.check_keys(fields, node, where, _ENTRY_REQUIRED, _ENTRY_OPTIONAL)
    terms = _string_list(reader, fields, "terms", where, _term_problem)
    seen: set[str] = set()
    for term_node in fields["terms"][1].value if terms else []:
        key = normalize_term(term_node.value)
        owner = term_owners.setdefault(key, entry_id or "?")
        if key in seen:
            reader.problem(term_node, f"{where}: term {term_node.value!r} is listed twice")
        elif owner != (entry_id or "?"):
            reader.problem(
                term_node, f"{where}: term {term_node.value!r} is also in entry {owner!r}"
            )
        seen.add(key)
    guards = _string_list(
        reader,
        fields,
        "guards",
        where,
        lambda guard: (
            None
            if guard in GUARDS
            else f"unknown guard {guard!r} (known: {', '.join(sorted(GUARDS))})"
        ),
    )
    weight = _weight(reader, fields, where)
    note = reader.text(fields, "note", where)
    favours = _favours(reader, fields, node, where, family, sides)
    negatable = _flag(reader, fields, "negatable", where, default=True)
    if negatable is False and NEGATION_GUARD in (guards or ()):
        reader.problem(
            fields["negatable"][1],
            f"{where}: an entry with 'negatable: false' cannot take the {NEGATION_GUARD} guard",
        )
    context = {
        name: _string_list(reader, fields, name, where, _term_problem)
        for name in ("unless_before", "unless_after")
    }
    if entry_id is None or terms is None or weight is None or negatable is None:
        return None
    return Entry(
        entry_id,
        tuple(terms),
        tuple(guards or ()),
        weight,
        note,
        favours,
        negatable,
        tuple(context["unless_before"] or ()),
        tuple(context["unless_after"] or ()),
    )


def _flag(reader: _Reader, fields: _Fields, name: str, where: str, *, default: bool) -> bool | None:
    """A true/false field (``default`` when absent); None after reporting a problem."""
    if name not in fields:
        return default
    node = fields[name][1]
    if not isinstance(node, ScalarNode) or node.tag != _BOOL_TAG:
        reader.problem(node, f"{where}: {name!r} must be true or false. Got {_shown(node)}.")
        return None
    return bool(reader.scalar(node))


def _favours(
    reader: _Reader,
    fields: _Fields,
    node: Node,
    where: str,
    family: str | None,
    sides: tuple[tuple[str, str], ...],
) -> str | None:
    """The side a label favours: required in a labels codebook, refused elsewhere."""
    if not _takes_sides(family):
        if "favours" in fields:
            reader.problem(fields["favours"][0], f"{where}: only a labels codebook takes 'favours'")
        return None
    if "favours" not in fields:
        reader.problem(node, f"{where}: missing required key 'favours' (the side it favours)")
        return None
    side = reader.text(fields, "favours", where)
    known = [side_id for side_id, _ in sides]
    if side is not None and known and side not in known:
        reader.problem(
            fields["favours"][1],
            f"{where}: 'favours' must be one of the sides {', '.join(known)}. Got {side!r}.",
        )
        return None
    return side


def _string_list(
    reader: _Reader,
    fields: _Fields,
    name: str,
    where: str,
    check: Callable[[str], str | None],
) -> list[str] | None:
    """A list of non-empty strings, each passing ``check`` (which returns a problem or None)."""
    if name not in fields:
        return None
    items = reader.sequence(fields[name][1], f"{where}: {name!r}")
    if items is None:
        return None
    values: list[str] = []
    for item in items:
        if not isinstance(item, ScalarNode) or item.tag != _STR_TAG or not item.value.strip():
            hint = (
                f" (YAML reads {item.value!r} as true or false: quote it)"
                if isinstance(item, ScalarNode) and item.tag == _BOOL_TAG
                else ""
            )
            reader.problem(item, f"{where}: every item of {name!r} must be a non-empty text{hint}")
            continue
        problem = check(item.value)
        if problem is not None:
            reader.problem(item, f"{where}: {problem}")
            continue
        values.append(item.value.strip())
    return values if len(values) == len(items) else None


def _term_problem(term: str) -> str | None:
    """Why ``term`` cannot be matched, or None when it is a valid word, phrase or stem."""
    stem = normalize_term(term).removesuffix("*")
    wildcard = len(stem) < len(normalize_term(term))
    if (
        _TERM.fullmatch(stem)
        and (stem[-1].isalnum() or (stem[-1] == "." and not wildcard))
        and (not wildcard or len(stem) >= _MIN_STEM)
    ):
        return None
    return (
        f"term {term!r} is not a word or phrase: use letters, digits, spaces, hyphens, "
        "apostrophes and periods, with an optional '*' after a stem of at least 3 letters "
        "(regular expressions are not supported)"
    )


def _weight(reader: _Reader, fields: _Fields, where: str) -> float | None:
    if "weight" not in fields:
        return 1.0
    node = fields["weight"][1]
    value = reader.scalar(node) if node.tag in _NUMBER_TAGS else None
    if value is None or not math.isfinite(value) or value <= 0:
        reader.problem(node, f"{where}: 'weight' must be a positive number. Got {_shown(node)}.")
        return None
    return float(value)


def _shown(node: Node) -> str:
    return repr(node.value) if isinstance(node, ScalarNode) else "a list or mapping"


def check_codebook(path: str | os.PathLike[str]) -> list[InputProblem]:
    """Every problem in the codebook file at ``path``; an empty list when it is valid."""
    return _load(Path(path))[1]


def load_codebook(path: str | os.PathLike[str]) -> Codebook:
    """Load and validate the codebook file at ``path``.

    Raises ``CodebookError`` listing every problem (file, line, entry) when the file is invalid.
    """
    codebook, problems = _load(Path(path))
    if codebook is None:
        raise CodebookError(problems)
    return codebook


def _load(path: Path) -> tuple[Codebook | None, list[InputProblem]]:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [InputProblem(str(path), f"cannot read the codebook file: {error}")]
    return _parse(source, str(path))


def default_codebook(family: str) -> Codebook:
    """The built-in codebook of the slot whose codebooks declare ``family``."""
    slot = _slot(family)
    if slot is None:
        raise ParameterError(
            f"The 'family' parameter of default_codebook must be one of "
            f"{set(codebook_families())}. Got {family!r} instead."
        )
    return builtin_codebook(slot.default)


def builtin_codebook_names() -> tuple[str, ...]:
    """Names of the codebooks shipped with the toolkit (the YAML files in toolkit/codebooks)."""
    folder = resources.files("toolkit.codebooks")
    return tuple(
        sorted(
            item.name.removesuffix(".yaml")
            for item in folder.iterdir()
            if item.name.endswith(".yaml")
        )
    )


@cache
def builtin_codebook(name: str) -> Codebook:
    """The codebook shipped with the toolkit under ``name`` (see ``builtin_codebook_names``)."""
    names = builtin_codebook_names()
    if name not in names:
        raise ParameterError(
            f"The 'name' parameter of builtin_codebook must be one of {set(names)}. "
            f"Got {name!r} instead."
        )
    resource = resources.files("toolkit.codebooks").joinpath(f"{name}.yaml")
    codebook, problems = _parse(resource.read_text(encoding="utf-8"), str(resource))
    if codebook is None:
        raise CodebookError(problems)
    return codebook
