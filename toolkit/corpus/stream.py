"""Stream a corpus one article at a time, so memory does not grow with the corpus.

``stream_articles`` reads a JSONL or CSV file (optionally gzip-compressed) record by record and
cleans each record as ``load_corpus`` does, with the same problems found: unreadable lines,
missing fields, empty text, duplicate doc_ids. Articles come out in file order (not sorted).

Iterating yields the usable articles; once the iteration is over, ``outcome()`` tells what was
left out. A first, light pass over the file finds the doc_ids given to more than one record, so
no article with such an id is ever yielded (nothing is measured, written, then dropped): the
result equals ``load_corpus`` with ``on_error="skip"``. A folder of ``.txt`` files is read whole
by ``load_corpus``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from toolkit.corpus.article import Article, Rejection
from toolkit.corpus.load import SAMPLE_SOURCE, cleaned, load_corpus
from toolkit.corpus.loaders import (
    RawRecord,
    check_input_path,
    csv_items,
    jsonl_items,
    record_format,
)
from toolkit.corpus.rules import CleaningRules, check_loading_options
from toolkit.corpus.validation import natural_key, record_problems
from toolkit.errors import InputProblem, ParameterError


@dataclass(frozen=True, slots=True)
class StreamOutcome:
    """What a finished stream left out.

    ``rejected``: every unusable record or line, sorted by location, as in ``Corpus.rejected``.
    ``problems``: the same as InputProblems (what ``on_error="raise"`` reports).
    ``n_articles``: usable articles (those yielded).
    """

    source: str
    n_articles: int
    rejected: tuple[Rejection, ...]
    problems: tuple[InputProblem, ...]
    cleaning_name: str
    cleaning_version: str


class ArticleStream:
    """An iterable of the usable articles of one corpus file; see the module docstring."""

    def __init__(self, path: Path | None, encoding: str, rules: CleaningRules) -> None:
        self.path = path
        self.encoding = encoding
        self.rules = rules
        self._outcome: StreamOutcome | None = None
        self._tracker: _Tracker | None = None

    @property
    def has_problems(self) -> bool:
        """True once the iteration so far has met any problem (a bad record or a duplicate)."""
        tracker = self._tracker
        return tracker is not None and bool(tracker.problems or tracker.bad or tracker.duplicates)

    @property
    def source(self) -> str:
        """The corpus source as recorded in the tables' metadata."""
        return SAMPLE_SOURCE if self.path is None else str(self.path)

    def outcome(self) -> StreamOutcome:
        """What was left out; only available once the iteration has finished."""
        if self._outcome is None:
            raise ParameterError("ArticleStream.outcome() is known only after a full iteration.")
        return self._outcome

    def __iter__(self) -> Iterator[Article]:
        if self.path is None or self.path.is_dir():
            yield from self._whole_folder()
            return
        tracker = self._tracker = _Tracker(repeated_ids(self.path, self.encoding))
        for item in _records(self.path, self.encoding):
            if isinstance(item, InputProblem):
                tracker.problem(item)
                continue
            record, article = cleaned(item, self.rules)
            if tracker.admit(record, article) and article is not None:
                yield article
        self._outcome = tracker.outcome(self.source, self.rules)

    def _whole_folder(self) -> Iterator[Article]:
        corpus = load_corpus(
            self.path, on_error="skip", encoding=self.encoding, cleaning=self.rules
        )
        yield from corpus.articles
        problems = tuple(InputProblem(item.location, item.reason) for item in corpus.rejected)
        self._outcome = StreamOutcome(
            corpus.source,
            len(corpus.articles),
            corpus.rejected,
            problems,
            corpus.cleaning_name,
            corpus.cleaning_version,
        )


def stream_articles(
    path: str | os.PathLike[str] | None = None,
    *,
    encoding: str = "utf-8",
    cleaning: CleaningRules | None = None,
) -> ArticleStream:
    """Stream the articles of a ``.jsonl``/``.csv`` file (optionally ``.gz``) in file order.

    Accepts what ``load_corpus`` accepts; a folder (or None, the sample corpus) is loaded whole.
    Errors that leave nothing to read (a missing file, a CSV without a text column) raise
    CorpusError during iteration; problems of single records end up in ``outcome()``.
    """
    rules = check_loading_options("stream_articles", encoding, cleaning)
    resolved = None if path is None else check_input_path(Path(path))
    return ArticleStream(resolved, encoding, rules)


def repeated_ids(path: Path, encoding: str = "utf-8") -> frozenset[str]:
    """The doc_ids that more than one readable record of the file ``path`` carries."""
    seen: set[str] = set()
    repeated: set[str] = set()
    for item in _records(path, encoding):
        if isinstance(item, RawRecord):
            (repeated if item.doc_id in seen else seen).add(item.doc_id)
    return frozenset(repeated)


class _Tracker:
    """Per-record bookkeeping of a stream: seen doc_ids, bad records, duplicates.

    ``repeated``: doc_ids known (from a first pass) to occur more than once; none is admitted.
    """

    def __init__(self, repeated: frozenset[str] = frozenset()) -> None:
        self.repeated = repeated
        self.seen: dict[str, tuple[str, str | None, bool]] = {}  # id -> location, outlet, good
        self.duplicates: dict[str, list[tuple[str, str | None, list[str]]]] = {}
        self.bad: dict[str, tuple[str, str | None, list[str]]] = {}  # location -> record
        self.problems: list[InputProblem] = []
        self.yielded = 0

    def problem(self, problem: InputProblem) -> None:
        self.problems.append(problem)

    def admit(self, record: RawRecord, article: Article | None) -> bool:
        """Record ``record``; True when its article may be yielded now."""
        messages = record_problems([record], [article])[0]
        first = self.seen.get(record.doc_id)
        if first is not None:
            entries = self.duplicates.setdefault(record.doc_id, [])
            if not entries:
                location, outlet, _good = first
                earlier = self.bad.pop(location, (location, outlet, []))
                entries.append(earlier)
            entries.append((record.location, record.outlet, messages))
            return False
        self.seen[record.doc_id] = (record.location, record.outlet, not messages)
        if record.doc_id in self.repeated:
            return False
        if messages:
            self.bad[record.location] = (record.location, record.outlet, messages)
            return False
        self.yielded += 1
        return True

    def outcome(self, source: str, rules: CleaningRules) -> StreamOutcome:
        problems = list(self.problems)
        rejections = [Rejection(location=p.location, reason=p.message) for p in self.problems]
        entries = [(doc_id, *entry) for doc_id, entry in self.bad_by_id()]
        for doc_id, group in self.duplicates.items():
            for location, outlet, messages in group:
                others = ", ".join(other[0] for other in group if other[0] != location)
                entries.append(
                    (
                        doc_id,
                        location,
                        outlet,
                        [*messages, f"duplicate doc_id {doc_id!r} (also at {others})"],
                    )
                )
        for doc_id, location, outlet, messages in entries:
            problems.extend(InputProblem(location, message) for message in messages)
            rejections.append(
                Rejection(
                    location=location, reason="; ".join(messages), doc_id=doc_id, outlet=outlet
                )
            )
        problems.sort(key=lambda problem: natural_key(problem.location))
        rejections.sort(key=lambda rejection: natural_key(rejection.location))
        return StreamOutcome(
            source,
            self.yielded,
            tuple(rejections),
            tuple(problems),
            rules.name,
            rules.version,
        )

    def bad_by_id(self) -> list[tuple[str, tuple[str, str | None, list[str]]]]:
        location_to_id = {
            location: doc_id for doc_id, (location, _o, good) in self.seen.items() if not good
        }
        return [(location_to_id[location], entry) for location, entry in self.bad.items()]


def _records(path: Path, encoding: str) -> Iterator[RawRecord | InputProblem]:
    if record_format(path) == "jsonl":
        return jsonl_items(path, encoding)
    return csv_items(path, encoding)
