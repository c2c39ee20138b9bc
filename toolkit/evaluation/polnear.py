"""Read PolNeAR (Newell, Margolin & Ruths 2018) annotations from a JSON-lines file.

One JSON object a line: ``id, split, outlet, text, attributions`` and optionally ``title`` (other
keys are ignored), where
``attributions`` maps an annotator id to a list of relations ``{type, source, cue, content}``;
each part is a list of ``{label, spans: [[start, end], ...], text}`` with character offsets into
``text``. ``type`` is ``"Attribution"`` or ``"Attribution-no-source"``. A ``.gz`` file is read
compressed. A few articles were annotated by several people: the annotator whose id sorts first
is used, so every article counts once.

Newell, E., Margolin, D. & Ruths, D. (2018). An attribution relations corpus for political news.
Proceedings of LREC 2018.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from toolkit.errors import CorpusError, InputProblem
from toolkit.text import Span

_PARTS = ("cue", "source", "content")

DEFAULT_POLNEAR = (
    Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "polnear-train-dev.jsonl.gz"
)
"""Where the project's checkout finds PolNeAR: ``../shared/corpora/`` beside the repository."""
_TYPES = ("Attribution", "Attribution-no-source")


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One annotated attribution: its cue, source and content spans (possibly discontinuous).

    ``source`` is empty for a relation of type ``Attribution-no-source``; ``cue`` is empty for
    the few relations annotated without a cue (they never enter the reported-speech subset).
    """

    cue: tuple[Span, ...]
    source: tuple[Span, ...]
    content: tuple[Span, ...]
    cue_text: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    """One PolNeAR article with the relations of one annotator."""

    doc_id: str
    split: str
    outlet: str
    text: str
    annotator: str
    relations: tuple[GoldRelation, ...]
    title: str = ""


def read_polnear(
    path: str | os.PathLike[str], *, split: str | None = None
) -> tuple[GoldArticle, ...]:
    """Every article of the file (only those of ``split`` when given), in file order.

    Raises CorpusError listing every malformed line (``file:line: problem``).
    """
    file = Path(path)
    articles: list[GoldArticle] = []
    problems: list[InputProblem] = []
    with _open(file) as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{file}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                problems.append(InputProblem(where, f"not valid JSON: {error.msg}"))
                continue
            found: list[str] = []
            article = _article(record, found)
            problems += [InputProblem(where, message) for message in found]
            if article is not None and not found and (split is None or article.split == split):
                articles.append(article)
    if problems:
        raise CorpusError(problems)
    return tuple(articles)


def _open(file: Path) -> TextIO:
    try:
        if file.suffix == ".gz":
            return gzip.open(file, "rt", encoding="utf-8")
        return file.open(encoding="utf-8")
    except OSError as error:
        raise CorpusError([InputProblem(str(file), f"cannot read the file: {error}")]) from None


def _article(record: object, problems: list[str]) -> GoldArticle | None:
    if not isinstance(record, dict):
        problems.append("each line must hold a JSON object")
        return None
    fields = {}
    for key in ("id", "split", "outlet", "text"):
        value = record.get(key)
        if not isinstance(value, str) or not value:
            problems.append(f"{key!r} is missing or not a non-empty string")
        fields[key] = value if isinstance(value, str) else ""
    annotations = record.get("attributions")
    if isinstance(annotations, str):
        problems.append("'attributions' must be a JSON object, not a string")
        return None
    if not isinstance(annotations, dict) or not annotations:
        problems.append("'attributions' must map annotator ids to lists of relations")
        return None
    annotator = min(annotations)
    relations = tuple(_relations(annotations[annotator], fields["text"], annotator, problems))
    title = record.get("title")
    return GoldArticle(
        fields["id"],
        fields["split"],
        fields["outlet"],
        fields["text"],
        annotator,
        relations,
        title if isinstance(title, str) else "",
    )


def _relations(
    items: object, text: str, annotator: str, problems: list[str]
) -> Iterator[GoldRelation]:
    if not isinstance(items, list):
        problems.append(f"annotator {annotator!r}: relations must be a list")
        return
    for index, item in enumerate(items):
        where = f"annotator {annotator!r}, relation {index}"
        if not isinstance(item, dict) or item.get("type") not in _TYPES:
            problems.append(f"{where}: 'type' must be one of {', '.join(_TYPES)}")
            continue
        parts = {
            part: _spans(item.get(part), text, f"{where}, {part}", problems) for part in _PARTS
        }
        cue_text = " ".join(text[span.start : span.end] for span in parts["cue"])
        yield GoldRelation(parts["cue"], parts["source"], parts["content"], cue_text)


def _spans(value: Any, text: str, where: str, problems: list[str]) -> tuple[Span, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(f"{where}: must be a list of labelled spans")
        return ()
    spans: list[Span] = []
    for part in value:
        pairs = part.get("spans") if isinstance(part, dict) else None
        if not isinstance(pairs, list):
            problems.append(f"{where}: each part needs a 'spans' list")
            continue
        for pair in pairs:
            if (
                not isinstance(pair, list)
                or len(pair) != 2
                or not all(isinstance(x, int) for x in pair)
                or not 0 <= pair[0] < pair[1] <= len(text)
            ):
                problems.append(f"{where}: bad span {pair!r} (text has {len(text)} characters)")
                continue
            spans.append(Span(pair[0], pair[1]))
    return tuple(sorted(spans, key=lambda span: (span.start, span.end)))
