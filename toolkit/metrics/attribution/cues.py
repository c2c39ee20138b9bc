"""The attribution lexicon: reporting cues with their stance, and the vocabulary of sources.

The shipped lexicon is ``toolkit/data/attribution.yaml``; a researcher's own file in the same
format can be passed to :func:`load_lexicon`. Validation reports every problem at once, each
located by file and key (``CodebookError``).

Stances (after Bergler 1992) say what a reporting verb signals about the reported words:
``neutral`` (said, told, according to), ``assertive`` (emphasized, insisted), ``doubt`` (claimed,
alleged), ``alarm`` (warned), ``disclosure`` (revealed, disclosed) and ``refusal`` (declined to
comment).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from toolkit import safe_yaml
from toolkit.errors import CodebookError, InputProblem

STANCES = ("neutral", "assertive", "doubt", "alarm", "disclosure")
"""Stances of reporting verbs, in the order of the ``verbs`` mapping of the lexicon file."""

REFUSAL = "refusal"
"""Stance of a refusal to comment ("declined to specify")."""

NEUTRAL = "neutral"
"""Stance of the fixed cues "according to", "citing", quote marks and emerging reports."""

_BUILTIN = "data/attribution.yaml"
_HEADER = ("name", "version", "description", "citation", "licence")
_WORD_LISTS = (
    "inverted_verbs",
    "refusals",
    "according_to",
    "citing",
    "linking_words",
    "name_stopwords",
    "connectives",
    "function_words",
    "open_verbs",
    "document_verbs",
    "naming_verbs",
    "request_verbs",
    "question_verbs",
    "not_sources",
    "adverbs",
    "distancing_participles",
    "nominal_cues",
    "noun_verbs",
)
_REPORT_LISTS = ("heads", "emergence_verbs", "emergence_participles", "emergence_modifiers")
_SOURCE_LISTS = (
    "person_heads_singular",
    "role_heads",
    "anonymous_heads",
    "anonymity_cues",
    "person_heads_plural",
    "media_heads",
    "organisation_heads",
    "modifiers",
    "quantifiers",
    "postmodifiers",
    "pronouns",
    "other_pronouns",
    "document_heads",
    "news_media",
    "organisations",
    "organisation_words",
    "governments",
)


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    """Everything the attribution rules know about words, read from one lexicon file.

    ``verbs`` pairs each reporting-verb form with its stance. Word sets are matched as written
    (cues in lower case; source words also with a capitalised first letter).
    """

    name: str
    version: str
    description: str
    citation: str
    licence: str
    verbs: tuple[tuple[str, str], ...]
    inverted_verbs: frozenset[str]
    refusals: tuple[str, ...]
    according_to: tuple[str, ...]
    citing: tuple[str, ...]
    report_heads: frozenset[str]
    emergence_verbs: tuple[str, ...]
    emergence_participles: tuple[str, ...]
    emergence_modifiers: tuple[str, ...]
    person_heads_singular: frozenset[str]
    person_heads_plural: frozenset[str]
    role_heads: frozenset[str]
    anonymous_heads: frozenset[str]
    anonymity_cues: tuple[str, ...]
    media_heads: frozenset[str]
    organisation_heads: frozenset[str]
    modifiers: frozenset[str]
    quantifiers: frozenset[str]
    postmodifiers: tuple[str, ...]
    pronouns: frozenset[str]
    other_pronouns: frozenset[str]
    document_heads: frozenset[str]
    news_media: frozenset[str]
    organisations: frozenset[str]
    organisation_words: frozenset[str]
    governments: frozenset[str]
    linking_words: tuple[str, ...]
    name_stopwords: frozenset[str]
    connectives: tuple[str, ...]
    function_words: frozenset[str]
    open_verbs: frozenset[str]
    document_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    request_verbs: frozenset[str]
    question_verbs: frozenset[str]
    not_sources: frozenset[str]
    adverbs: frozenset[str]
    distancing_participles: tuple[str, ...]
    nominal_cues: tuple[str, ...]
    noun_verbs: frozenset[str]

    def stance(self, cue: str) -> str:
        """Stance of a cue as written in the text (a verb form or a refusal phrase)."""
        normalised = " ".join(cue.lower().split())
        if normalised in self.refusals:
            return REFUSAL
        return dict(self.verbs).get(normalised, NEUTRAL)


def load_lexicon(path: str | os.PathLike[str] | None = None) -> AttributionLexicon:
    """Read and validate an attribution lexicon; None reads the shipped one (cached).

    Raises CodebookError listing every problem found in the file.
    """
    if path is None:
        return _builtin_lexicon()
    return _parse(read_data_file(path), str(path))


def read_data_file(path: str | os.PathLike[str]) -> str:
    """The text of a lexicon file (UTF-8); CodebookError naming the file when unreadable."""
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CodebookError([InputProblem(str(path), f"cannot read the file: {error}")]) from None


@cache
def _builtin_lexicon() -> AttributionLexicon:
    raw = resources.files("toolkit").joinpath(_BUILTIN).read_text(encoding="utf-8")
    return _parse(raw, f"toolkit/{_BUILTIN}")


class _Problems:
    def __init__(self, location: str) -> None:
        self.location = location
        self.items: list[InputProblem] = []

    def add(self, key: str, message: str) -> None:
        self.items.append(InputProblem(f"{self.location}: {key}", message))


def _parse(raw: str, location: str) -> AttributionLexicon:
    try:
        data = safe_yaml.load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{location}:{mark.line + 1}" if mark is not None else location
        raise CodebookError([InputProblem(where, f"not valid YAML: {error}")]) from None
    problems = _Problems(location)
    if not isinstance(data, dict):
        problems.add("(top level)", "the file must hold a mapping of keys to values")
        raise CodebookError(problems.items)
    header = {key: _text(data, key, problems) for key in _HEADER}
    verbs = _verbs(data.get("verbs"), problems)
    lists = {key: _words(data.get(key), key, problems) for key in _WORD_LISTS}
    reports = _section(data, "unattributed_reports", _REPORT_LISTS, problems)
    sources = _section(data, "sources", _SOURCE_LISTS, problems)
    forms = {form for form, _ in verbs}
    for key in (
        "inverted_verbs",
        "open_verbs",
        "document_verbs",
        "naming_verbs",
        "request_verbs",
        "question_verbs",
        "noun_verbs",
    ):
        for form in lists[key]:
            if form not in forms:
                problems.add(key, f"{form!r} is not one of the listed verbs")
    if problems.items:
        raise CodebookError(problems.items)
    return AttributionLexicon(
        name=header["name"],
        version=header["version"],
        description=header["description"],
        citation=header["citation"],
        licence=header["licence"],
        verbs=verbs,
        inverted_verbs=frozenset(lists["inverted_verbs"]),
        refusals=lists["refusals"],
        according_to=lists["according_to"],
        citing=lists["citing"],
        report_heads=frozenset(reports["heads"]),
        emergence_verbs=reports["emergence_verbs"],
        emergence_participles=reports["emergence_participles"],
        emergence_modifiers=reports["emergence_modifiers"],
        person_heads_singular=frozenset(sources["person_heads_singular"]),
        person_heads_plural=frozenset(sources["person_heads_plural"]),
        role_heads=frozenset(sources["role_heads"]),
        anonymous_heads=frozenset(sources["anonymous_heads"]),
        anonymity_cues=sources["anonymity_cues"],
        media_heads=frozenset(sources["media_heads"]),
        organisation_heads=frozenset(sources["organisation_heads"]),
        modifiers=frozenset(sources["modifiers"]),
        quantifiers=frozenset(sources["quantifiers"]),
        postmodifiers=sources["postmodifiers"],
        pronouns=frozenset(sources["pronouns"]),
        other_pronouns=frozenset(sources["other_pronouns"]),
        document_heads=frozenset(sources["document_heads"]),
        news_media=frozenset(sources["news_media"]),
        organisations=frozenset(sources["organisations"]),
        organisation_words=frozenset(sources["organisation_words"]),
        governments=frozenset(sources["governments"]),
        linking_words=lists["linking_words"],
        name_stopwords=frozenset(lists["name_stopwords"]),
        connectives=lists["connectives"],
        function_words=frozenset(lists["function_words"]),
        open_verbs=frozenset(lists["open_verbs"]),
        document_verbs=frozenset(lists["document_verbs"]),
        naming_verbs=frozenset(lists["naming_verbs"]),
        request_verbs=frozenset(lists["request_verbs"]),
        question_verbs=frozenset(lists["question_verbs"]),
        not_sources=frozenset(lists["not_sources"]),
        adverbs=frozenset(lists["adverbs"]),
        distancing_participles=lists["distancing_participles"],
        nominal_cues=lists["nominal_cues"],
        noun_verbs=frozenset(lists["noun_verbs"]),
    )


def _text(data: dict[str, Any], key: str, problems: _Problems) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        problems.add(key, "missing or empty; it must be a non-empty text")
        return ""
    return value.strip()


def _words(value: object, key: str, problems: _Problems) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        problems.add(key, "missing or empty; it must be a non-empty list of words or phrases")
        return ()
    words: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problems.add(f"{key}[{index}]", f"must be a non-empty word or phrase, got {item!r}")
        else:
            words.append(" ".join(item.split()))
    return tuple(words)


def _section(
    data: dict[str, Any], name: str, keys: tuple[str, ...], problems: _Problems
) -> dict[str, tuple[str, ...]]:
    section = data.get(name)
    if not isinstance(section, dict):
        problems.add(name, f"missing; it must be a mapping with keys {', '.join(keys)}")
        section = {}
    for key in section:
        if key not in keys:
            problems.add(f"{name}.{key}", f"unknown key (allowed: {', '.join(keys)})")
    return {key: _words(section.get(key), f"{name}.{key}", problems) for key in keys}


def _verbs(value: object, problems: _Problems) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not value:
        problems.add("verbs", f"missing; it must map stances ({', '.join(STANCES)}) to verb lists")
        return ()
    seen: dict[str, str] = {}
    for stance, forms in value.items():
        if stance not in STANCES:
            problems.add(f"verbs.{stance}", f"unknown stance (allowed: {', '.join(STANCES)})")
            continue
        for form in _words(forms, f"verbs.{stance}", problems):
            if form in seen:
                problems.add(f"verbs.{stance}", f"{form!r} is already listed under {seen[form]!r}")
            else:
                seen[form] = stance
    return tuple(seen.items())
