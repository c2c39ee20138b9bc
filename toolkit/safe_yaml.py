"""YAML as the toolkit reads it: PyYAML's safe subset, without aliases, nested at most 64 deep.

PyYAML's ``SafeLoader`` refuses tags that build Python objects, but it still accepts aliases
(``*name``) and composes nodes recursively. A 600-byte "billion laughs" file, where each alias
repeats the one before nine times, stands for a billion strings once anything walks, prints or
copies it; a file nested a few thousand levels deep ends in RecursionError. No codebook, rules
file or lexicon needs either, so every YAML file a researcher can give goes through
:func:`load` or :func:`compose`, which refuse an alias and anything nested deeper than
:data:`MAX_DEPTH`, with the line where it happens.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.error import Mark
from yaml.nodes import Node

MAX_DEPTH = 64
"""Deepest nesting of lists and mappings accepted (codebooks need 6 levels)."""


class YAMLLimitError(yaml.MarkedYAMLError):
    """A YAML file uses an alias or is nested deeper than :data:`MAX_DEPTH`."""

    def __init__(self, problem: str, mark: Mark) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _Loader(yaml.SafeLoader):
    """``yaml.SafeLoader`` whose composer refuses aliases and deep nesting."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise YAMLLimitError(
                f"the alias *{event.anchor} is not allowed (aliases can make a small file "
                "expand without bound): write the value out",
                event.start_mark,
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()  # type: ignore[no-untyped-call]
                raise YAMLLimitError(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def compose(text: str) -> Node | None:
    """The node tree of the YAML document in ``text`` (None when it is empty).

    Raises ``yaml.YAMLError`` (``YAMLLimitError`` for an alias or deep nesting) with its line.
    """
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def load(text: str) -> Any:
    """The plain Python value of the YAML document in ``text``, as ``yaml.safe_load`` gives it.

    Raises ``yaml.YAMLError`` (``YAMLLimitError`` for an alias or deep nesting) with its line.
    """
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
