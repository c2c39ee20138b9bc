"""The actor codebook: which side a source speaks for (source affiliation).

``toolkit/data/actors.yaml`` is the shipped codebook; a researcher's own file in the same format
(name, version, description, citation, licence, then ``actors``: an id mapped to a ``label``,
``terms`` and optionally ``media: true``) is read by :func:`load_actors`. Every problem is
reported at once with its file and line (``CodebookError``).

A source is affiliated with the first actor, in file order, one of whose terms occurs in its
text as whole words ("US Defense Secretary Lloyd Austin" -> ``united_states``); a source typed
``news_media`` belongs to the actor marked ``media: true``; anything else is ``unknown``.
Counting voices by affiliation follows the sourcing studies that ask whose side gets a voice
(Sigal 1973).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from toolkit import safe_yaml
from toolkit.errors import CodebookError, InputProblem
from toolkit.metrics.attribution.cues import read_data_file

UNKNOWN = "unknown"
"""Affiliation of a source no actor's term matches."""

_BUILTIN = "data/actors.yaml"
_HEADER = ("name", "version", "description", "citation", "licence")
_ID = re.compile(r"[a-z][a-z0-9_]*")

_Reporter = Callable[[yaml.Node | None, str], None]


@dataclass(frozen=True, slots=True)
class Actor:
    """One actor: an id (``united_states``), a label, its terms and whether it is the media."""

    id: str
    label: str
    terms: tuple[str, ...]
    media: bool


@dataclass(frozen=True, slots=True)
class ActorCodebook:
    """The actors of one codebook file, in priority (file) order, with provenance."""

    name: str
    version: str
    description: str
    citation: str
    licence: str
    actors: tuple[Actor, ...]

    @property
    def ids(self) -> tuple[str, ...]:
        """Actor ids in file order, then ``unknown``: every value ``affiliation`` returns."""
        return (*(actor.id for actor in self.actors), UNKNOWN)


@cache
def affiliator(codebook: ActorCodebook) -> Callable[[str, str], str]:
    """``affiliation`` for one codebook, its patterns compiled once (cached per codebook)."""
    media = next((actor.id for actor in codebook.actors if actor.media), None)
    matchers = []
    for actor in codebook.actors:
        terms = sorted(actor.terms, key=len, reverse=True)
        words = "|".join(r"\s+".join(map(re.escape, term.split())) for term in terms)
        matchers.append((actor.id, re.compile(rf"(?<![\w\-])(?:{words})(?![\w\-])").search))

    def affiliate(source: str, source_type: str) -> str:
        if source_type == "news_media" and media is not None:
            return media
        for actor_id, search in matchers:
            if search(source):
                return actor_id
        return UNKNOWN

    return affiliate


def affiliation(source: str, source_type: str, codebook: ActorCodebook) -> str:
    """The id of the actor ``source`` speaks for, or ``"unknown"`` (see the module)."""
    return affiliator(codebook)(source, source_type)


def load_actors(path: str | os.PathLike[str] | None = None) -> ActorCodebook:
    """Read and validate an actor codebook; None reads the shipped one (cached).

    Raises CodebookError listing every problem, each as ``file:line: message``.
    """
    if path is None:
        return _builtin()
    return _parse(read_data_file(path), str(path))


@cache
def _builtin() -> ActorCodebook:
    raw = resources.files("toolkit").joinpath(_BUILTIN).read_text(encoding="utf-8")
    return _parse(raw, f"toolkit/{_BUILTIN}")


def _parse(raw: str, location: str) -> ActorCodebook:
    try:
        root = safe_yaml.compose(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{location}:{mark.line + 1}" if mark is not None else location
        raise CodebookError([InputProblem(where, f"not valid YAML: {error}")]) from None
    problems: list[InputProblem] = []

    def problem(node: yaml.Node | None, message: str) -> None:
        line = f":{node.start_mark.line + 1}" if node is not None else ""
        problems.append(InputProblem(f"{location}{line}", message))

    if not isinstance(root, yaml.MappingNode):
        problem(root, "the file must hold a mapping of keys to values")
        raise CodebookError(problems)
    top = {key.value: value for key, value in root.value}
    header = {}
    for key in _HEADER:
        node = top.get(key)
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            problem(node or root, f"{key}: missing or empty; it must be a non-empty text")
            header[key] = ""
        else:
            header[key] = str(node.value).strip()
    for key_node, _ in root.value:
        if key_node.value not in (*_HEADER, "actors"):
            allowed = ", ".join((*_HEADER, "actors"))
            problem(key_node, f"{key_node.value}: unknown key (allowed: {allowed})")
    actors = _actors(top.get("actors"), root, problem)
    if problems:
        raise CodebookError(problems)
    return ActorCodebook(**header, actors=actors)


def _actors(node: yaml.Node | None, root: yaml.Node, problem: _Reporter) -> tuple[Actor, ...]:
    if not isinstance(node, yaml.MappingNode) or not node.value:
        problem(node or root, "actors: missing; it must map actor ids to a label and terms")
        return ()
    actors: list[Actor] = []
    seen_terms: dict[str, str] = {}
    media = 0
    for key, value in node.value:
        actor_id = str(key.value)
        if not _ID.fullmatch(actor_id) or actor_id == UNKNOWN:
            problem(key, f"actors.{actor_id}: ids are lower-case words joined by _ (not 'unknown')")
        if not isinstance(value, yaml.MappingNode):
            problem(value, f"actors.{actor_id}: must be a mapping with label and terms")
            continue
        fields = {k.value: v for k, v in value.value}
        for extra in set(fields) - {"label", "terms", "media"}:
            problem(value, f"actors.{actor_id}.{extra}: unknown key (allowed: label, terms, media)")
        label = fields.get("label")
        if not isinstance(label, yaml.ScalarNode) or not str(label.value).strip():
            problem(label or value, f"actors.{actor_id}.label: missing or empty")
        is_media = fields.get("media")
        flag = isinstance(is_media, yaml.ScalarNode) and is_media.value == "true"
        media += flag
        terms = _terms(fields.get("terms"), value, actor_id, seen_terms, problem)
        text = str(label.value).strip() if isinstance(label, yaml.ScalarNode) else ""
        actors.append(Actor(actor_id, text, terms, flag))
    if media > 1:
        problem(node, "actors: only one actor may be marked media: true")
    return tuple(actors)


def _terms(
    node: yaml.Node | None,
    parent: yaml.Node,
    actor_id: str,
    seen: dict[str, str],
    problem: _Reporter,
) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        problem(node or parent, f"actors.{actor_id}.terms: missing or empty list of terms")
        return ()
    terms: list[str] = []
    for item in node.value:
        term = " ".join(str(item.value).split()) if isinstance(item, yaml.ScalarNode) else ""
        if not term:
            problem(item, f"actors.{actor_id}.terms: every term must be a non-empty text")
        elif term in seen:
            problem(item, f"actors.{actor_id}.terms: {term!r} is already a term of {seen[term]!r}")
        else:
            seen[term] = actor_id
            terms.append(term)
    return tuple(terms)
