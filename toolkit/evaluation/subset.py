"""The reported-speech subset of attribution relations: cues holding a verb of communication.

PolNeAR annotates beliefs and sentiments too ("mocked", "don't like"); the subset keeps the
relations whose cue reports speech. A relation, annotated or predicted, belongs to it when its
cue text (lower-cased; the words of a discontinuous cue joined) holds, as a whole word, a form
of one of the verbs of communication of Levin (1993, class 37: "said", "told", "asked",
"argued", "warned", "reported", "announced", ...).

The list is fixed and shipped as its own data file (``toolkit/data/communication_verbs.yaml``,
with its citation and version); it is not the extractor's lexicon, so a relation whose verb the
extractor does not know still counts as a miss. Cues that are not verbs ("according to", a
quotation mark) and reporting verbs Levin files elsewhere ("added", "insisted") lie outside the
subset on both sides; the evaluation also scores all relations.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from toolkit.errors import CodebookError, InputProblem
from toolkit.metrics.attribution.cues import read_data_file

_BUILTIN = "data/communication_verbs.yaml"
_HEADER = ("name", "version", "description", "citation", "licence")
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


@dataclass(frozen=True, slots=True)
class SpeechVerbs:
    """The verb forms that make a cue a reported-speech cue, with the list's provenance.

    ``lemmas`` maps each verb to the class sections listing it ("say" -> ("37.7",)).
    """

    name: str
    version: str
    citation: str
    forms: frozenset[str]
    lemmas: tuple[tuple[str, tuple[str, ...]], ...]


def speech_verbs(path: str | os.PathLike[str] | None = None) -> SpeechVerbs:
    """Read a verb list in the format of the shipped one; None reads the shipped one (cached).

    Raises CodebookError listing every problem of the file.
    """
    if path is None:
        return _builtin()
    return _parse(read_data_file(path), str(path))


@cache
def _builtin() -> SpeechVerbs:
    raw = resources.files("toolkit").joinpath(_BUILTIN).read_text(encoding="utf-8")
    return _parse(raw, f"toolkit/{_BUILTIN}")


def _parse(raw: str, location: str) -> SpeechVerbs:
    problems: list[InputProblem] = []

    def problem(key: str, message: str) -> None:
        problems.append(InputProblem(f"{location}: {key}", message))

    try:
        data: Any = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        raise CodebookError([InputProblem(location, f"not valid YAML: {error}")]) from None
    if not isinstance(data, dict):
        raise CodebookError([InputProblem(location, "the file must hold a mapping")])
    for key in _HEADER:
        if not isinstance(data.get(key), str) or not data[key].strip():
            problem(key, "missing or empty; it must be a non-empty text")
    forms: set[str] = set()
    lemmas: dict[str, list[str]] = {}
    classes = data.get("classes")
    if not isinstance(classes, dict) or not classes:
        problem("classes", "missing; it must map class numbers to their verbs")
        classes = {}
    for number, section in classes.items():
        verbs = section.get("verbs") if isinstance(section, dict) else None
        if not isinstance(verbs, dict) or not verbs:
            problem(f"classes.{number}", "needs 'verbs': a mapping of verbs to their forms")
            continue
        for lemma, written in verbs.items():
            if not isinstance(written, list) or not all(
                isinstance(form, str) and _WORD.fullmatch(form) for form in written
            ):
                problem(f"classes.{number}.{lemma}", "forms must be a list of lower-case words")
                continue
            forms.update(written)
            lemmas.setdefault(str(lemma), []).append(str(number))
    if problems:
        raise CodebookError(problems)
    return SpeechVerbs(
        name=data["name"].strip(),
        version=data["version"].strip(),
        citation=" ".join(data["citation"].split()),
        forms=frozenset(forms),
        lemmas=tuple((lemma, tuple(numbers)) for lemma, numbers in lemmas.items()),
    )


def is_reported_speech(cue_text: str, verbs: SpeechVerbs | None = None) -> bool:
    """True when ``cue_text`` holds a form of a listed verb as a whole word (see the module)."""
    forms = (verbs or speech_verbs()).forms
    return any(word in forms for word in _WORD.findall(cue_text.lower()))
