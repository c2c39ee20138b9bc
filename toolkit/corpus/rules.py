"""Cleaning rules: boilerplate patterns kept as data (``toolkit/data/cleaning.yaml``).

A rules file is YAML with ``name``, ``version``, ``description``, ``licence`` (and optionally
``citation``) and a list of ``rules``, each with ``id``, ``description``, ``regex`` and optional
``flags``. A researcher's own file in the same format is a first-class input; every problem in
it is reported together, by file and line.

Rule expressions are Python regular expressions (checked with ``re``), run with the ``regex``
package (whose version-0 syntax is Python's) because it can stop a match after a time limit: a
rule that backtracks without end on some text ("catastrophic backtracking", e.g. ``(a|aa)+$``
on a long run of a's) is stopped after :data:`RULE_TIME_LIMIT` seconds on that article, which is
then reported instead of hanging the run.
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import regex
import yaml

from toolkit import safe_yaml
from toolkit.errors import CodebookError, InputProblem, ParameterError, ToolkitError

RulePattern = regex.Pattern[str]
"""A compiled rule expression (``regex`` package)."""

RULE_TIME_LIMIT = 1.0
"""Seconds one cleaning rule may spend on one article before the article is reported."""

#: Rule ids recorded by the loader itself; a rules file may not reuse them.
BUILTIN_RULE_IDS = frozenset(
    {"headline", "byte_order_mark", "line_ending", "leading_whitespace", "trailing_whitespace"}
)

_FLAGS = {
    "ignorecase": regex.IGNORECASE,
    "multiline": regex.MULTILINE,
    "dotall": regex.DOTALL,
    "verbose": regex.VERBOSE,
    "ascii": regex.ASCII,
}
_HEADER_KEYS = ("name", "version", "description", "licence")
_TOP_KEYS = frozenset({*_HEADER_KEYS, "citation", "rules"})
_RULE_KEYS = frozenset({"id", "description", "regex", "flags"})
_RULE_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class CleaningRule:
    """One boilerplate pattern; every span it matches is cut from the article text."""

    id: str
    description: str
    regex: str
    flags: tuple[str, ...]
    pattern: RulePattern


class RuleTimeoutError(ToolkitError):
    """A cleaning rule ran longer than its time limit on one text."""

    def __init__(self, rule: str, seconds: float) -> None:
        self.rule = rule
        self.seconds = seconds
        super().__init__(
            f"cleaning rule {rule!r} ran longer than {seconds:g} s on this text and was stopped "
            "(its regular expression probably backtracks without end: simplify it)"
        )


def rule_spans(rule: CleaningRule, text: str) -> list[tuple[int, int]]:
    """The non-empty spans ``rule`` matches in ``text``.

    Raises RuleTimeoutError when matching runs past ``RULE_TIME_LIMIT`` seconds.
    """
    try:
        return [
            match.span()
            for match in rule.pattern.finditer(text, timeout=RULE_TIME_LIMIT)
            if match.end() > match.start()
        ]
    except TimeoutError:
        raise RuleTimeoutError(rule.id, RULE_TIME_LIMIT) from None


def check_loading_options(function: str, encoding: str, cleaning: object) -> CleaningRules:
    """Validate the ``encoding`` and ``cleaning`` arguments of ``function``; return the rules.

    ``cleaning`` None means the bundled rules.
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ParameterError(
            f"The 'encoding' parameter of {function} must name a Python codec. "
            f"Got {encoding!r} instead."
        ) from None
    if cleaning is None:
        return load_cleaning_rules()
    if not isinstance(cleaning, CleaningRules):
        raise ParameterError(
            f"The 'cleaning' parameter of {function} must be CleaningRules or None; read a "
            f"rules file with load_cleaning_rules(path). Got {type(cleaning).__name__} instead."
        )
    return cleaning


@dataclass(frozen=True, slots=True)
class CleaningRules:
    """A versioned, ordered set of cleaning rules and where it was read from."""

    name: str
    version: str
    description: str
    licence: str
    rules: tuple[CleaningRule, ...]
    source: str
    citation: str | None = None


def load_cleaning_rules(path: str | os.PathLike[str] | None = None) -> CleaningRules:
    """Read cleaning rules from ``path``, or the bundled ``data/cleaning.yaml`` when None.

    Raises CodebookError listing every problem (file and line) when the file is invalid.
    """
    if path is None:
        return _bundled_rules()
    file = Path(path)
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CodebookError([InputProblem(str(file), f"cannot read rules file: {error}")]) from None
    return _parse(raw, str(file))


@cache
def _bundled_rules() -> CleaningRules:
    resource = resources.files("toolkit").joinpath("data/cleaning.yaml")
    return _parse(resource.read_text(encoding="utf-8"), "toolkit/data/cleaning.yaml")


def _parse(raw: str, source: str) -> CleaningRules:
    try:
        data = safe_yaml.load(raw)
        root = safe_yaml.compose(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark is not None else source
        raise CodebookError([InputProblem(where, f"invalid YAML: {error}")]) from None
    if not isinstance(data, dict) or root is None:
        raise CodebookError([InputProblem(source, "expected a mapping with a 'rules' list")])

    problems: list[InputProblem] = []
    top_line = _child_lines(root)
    header: dict[str, str] = {}
    for key in sorted(set(data) - _TOP_KEYS, key=str):
        problems.append(InputProblem(f"{source}:{top_line.get(key, 1)}", f"unknown key {key!r}"))
    for key in _HEADER_KEYS:
        value = data.get(key)
        if isinstance(value, (int, float)) and key == "version":
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            problems.append(InputProblem(source, f"missing or empty {key!r}"))
        else:
            header[key] = value.strip()
    citation = data.get("citation")
    if citation is not None and not isinstance(citation, str):
        problems.append(
            InputProblem(f"{source}:{top_line.get('citation', 1)}", "'citation' must be text")
        )

    rules_data = data.get("rules")
    rules: list[CleaningRule] = []
    if not isinstance(rules_data, list):
        problems.append(InputProblem(source, "'rules' must be a list (it may be empty)"))
    else:
        lines = _item_lines(root, "rules")
        seen: dict[str, int] = {}
        for index, entry in enumerate(rules_data):
            line = lines[index] if index < len(lines) else 1
            rule, rule_problems = _parse_rule(entry, index, f"{source}:{line}")
            problems.extend(rule_problems)
            if rule is None:
                continue
            if rule.id in seen:
                problems.append(
                    InputProblem(
                        f"{source}:{line}",
                        f"duplicate rule id {rule.id!r} (first at line {seen[rule.id]})",
                    )
                )
                continue
            seen[rule.id] = line
            rules.append(rule)
    if problems:
        raise CodebookError(problems)
    return CleaningRules(
        name=header["name"],
        version=header["version"],
        description=header["description"],
        licence=header["licence"],
        rules=tuple(rules),
        source=source,
        citation=citation.strip() if isinstance(citation, str) else None,
    )


def _parse_rule(
    entry: Any, index: int, location: str
) -> tuple[CleaningRule | None, list[InputProblem]]:
    label = f"rule {index + 1}"
    if not isinstance(entry, dict):
        return None, [InputProblem(location, f"{label} must be a mapping")]
    problems: list[InputProblem] = []
    rule_id = entry.get("id")
    if isinstance(rule_id, str):
        label = f"rule {rule_id!r}"
    for key in sorted(set(entry) - _RULE_KEYS, key=str):
        problems.append(InputProblem(location, f"{label}: unknown key {key!r}"))
    if not isinstance(rule_id, str) or not _RULE_ID.fullmatch(rule_id):
        problems.append(
            InputProblem(location, f"{label}: 'id' must be lower-case letters, digits and '_'")
        )
    elif rule_id in BUILTIN_RULE_IDS:
        problems.append(InputProblem(location, f"{label}: id is reserved for the loader"))
    description = entry.get("description")
    if not isinstance(description, str) or not description.strip():
        problems.append(InputProblem(location, f"{label}: missing 'description'"))
    flag_names = entry.get("flags", [])
    flags = 0
    if not isinstance(flag_names, list):
        problems.append(InputProblem(location, f"{label}: 'flags' must be a list"))
        flag_names = []
    for name in flag_names:
        if not isinstance(name, str) or name.lower() not in _FLAGS:
            problems.append(
                InputProblem(
                    location,
                    f"{label}: unknown flag {name!r}; use any of {sorted(_FLAGS)}",
                )
            )
        else:
            flags |= _FLAGS[name.lower()]
    expression = entry.get("regex")
    pattern: RulePattern | None = None
    if not isinstance(expression, str) or not expression:
        problems.append(InputProblem(location, f"{label}: missing 'regex'"))
    else:
        try:
            re.compile(expression, _re_flags(flag_names))  # Python's syntax and its messages
            pattern = regex.compile(expression, flags)
        except (re.error, regex.error) as error:
            problems.append(InputProblem(location, f"{label}: invalid regex: {error}"))
    if problems or pattern is None or not isinstance(rule_id, str):
        return None, problems
    if not isinstance(expression, str) or not isinstance(description, str):
        return None, problems
    return (
        CleaningRule(
            id=rule_id,
            description=description.strip(),
            regex=expression,
            flags=tuple(str(name).lower() for name in flag_names),
            pattern=pattern,
        ),
        problems,
    )


def _re_flags(names: list[Any]) -> int:
    """The flags of Python's ``re`` named by ``names`` (unknown names left out)."""
    flags = 0
    for name in names:
        if isinstance(name, str) and name.lower() in _FLAGS:
            flags |= getattr(re, name.upper())
    return flags


def _child_lines(root: yaml.Node) -> dict[str, int]:
    """1-based line of each top-level key of a YAML mapping node."""
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {
        str(key.value): key.start_mark.line + 1
        for key, _ in root.value
        if isinstance(key, yaml.ScalarNode)
    }


def _item_lines(root: yaml.Node, key: str) -> list[int]:
    """1-based line of each item of the list under ``key`` in a YAML mapping node."""
    if not isinstance(root, yaml.MappingNode):
        return []
    for key_node, value_node in root.value:
        if getattr(key_node, "value", None) == key and isinstance(value_node, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value_node.value]
    return []
