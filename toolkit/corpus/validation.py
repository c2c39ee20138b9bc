"""Decide which articles are usable: collect every problem, then raise or set articles aside.

Nothing is ever dropped silently: with ``on_error="raise"`` any problem raises one CorpusError
listing them all; with ``on_error="skip"`` each unusable article or input row becomes a
Rejection that says where it came from and why.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Literal

from toolkit.corpus.article import Article, Corpus, Rejection
from toolkit.corpus.limits import MAX_ARTICLE_CHARS
from toolkit.corpus.loaders import RawRecord, Reading
from toolkit.errors import CorpusError, InputProblem, ParameterError

OnError = Literal["raise", "skip"]
_DIGITS = re.compile(r"(\d+)")


def check_on_error(on_error: str) -> None:
    """Raise ParameterError unless ``on_error`` is ``"raise"`` or ``"skip"``."""
    if on_error not in ("raise", "skip"):
        raise ParameterError(
            "The 'on_error' parameter of load_corpus must be one of {'raise', 'skip'}. "
            f"Got {on_error!r} instead."
        )


def record_problems(
    records: Sequence[RawRecord], articles: Sequence[Article | None]
) -> list[list[str]]:
    """Problems of each record: those met while reading, empty or oversized text, duplicate ids.

    ``articles[i]`` is the cleaned article built from ``records[i]`` (None when its text
    could not be read). Every record sharing a doc_id with another gets a problem naming
    the other locations.
    """
    found = [list(record.problems) for record in records]
    for problems, article in zip(found, articles, strict=True):
        if article is not None and not article.text:
            problems.append(_empty_message(article))
        elif article is not None and len(article.text) > MAX_ARTICLE_CHARS:
            problems.append(
                f"text is {len(article.text):,} characters long, more than the "
                f"{MAX_ARTICLE_CHARS:,} an article may have; it is probably not one article "
                "(a scraped page or several files joined): split it into articles"
            )
    by_id: defaultdict[str, list[int]] = defaultdict(list)
    for index, record in enumerate(records):
        by_id[record.doc_id].append(index)
    for doc_id, indexes in by_id.items():
        if len(indexes) < 2:
            continue
        for index in indexes:
            others = ", ".join(records[other].location for other in indexes if other != index)
            found[index].append(f"duplicate doc_id {doc_id!r} (also at {others})")
    return found


def resolve(
    reading: Reading,
    articles: Sequence[Article | None],
    on_error: OnError,
    source: str,
) -> Corpus:
    """The corpus of usable articles, or CorpusError listing every problem.

    With ``on_error="raise"`` any problem raises; with ``"skip"`` unusable inputs become
    Rejections (sorted by location, in file and line order) and the rest is returned.
    """
    check_on_error(on_error)
    problems = list(reading.problems)
    rejections = [
        Rejection(location=problem.location, reason=problem.message) for problem in reading.problems
    ]
    good: list[Article] = []
    found = record_problems(reading.records, articles)
    for record, article, messages in zip(reading.records, articles, found, strict=True):
        if not messages and article is not None:
            good.append(article)
            continue
        problems.extend(InputProblem(record.location, message) for message in messages)
        rejections.append(
            Rejection(
                location=record.location,
                reason="; ".join(messages),
                doc_id=record.doc_id,
                outlet=record.outlet,
            )
        )
    if problems and on_error == "raise":
        problems.sort(key=lambda problem: natural_key(problem.location))
        raise CorpusError(problems)
    rejections.sort(key=lambda rejection: natural_key(rejection.location))
    good.sort(key=lambda article: article.doc_id)
    return Corpus(articles=tuple(good), rejected=tuple(rejections), source=source)


def _empty_message(article: Article) -> str:
    if not article.original_text.strip():
        return "empty text"
    rules = sorted({removal.rule for removal in article.removals})
    return f"empty text after cleaning (everything removed by rules {rules})"


def natural_key(location: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders ``a.jsonl:9`` before ``a.jsonl:10``."""
    return tuple(
        (1, int(part)) if part.isdigit() else (0, part) for part in _DIGITS.split(location) if part
    )
