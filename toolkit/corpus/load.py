"""``load_corpus``: read, clean and validate a corpus in one call."""

from __future__ import annotations

import os
from dataclasses import replace
from importlib import resources
from pathlib import Path

from toolkit.corpus.article import Article, Corpus
from toolkit.corpus.cleaning import clean, find_headline, shift
from toolkit.corpus.language import identify_language
from toolkit.corpus.loaders import (
    RawRecord,
    Reading,
    check_input_path,
    read_csv,
    read_jsonl,
    read_txt_folder,
    record_format,
)
from toolkit.corpus.rules import CleaningRules, RuleTimeoutError, check_loading_options
from toolkit.corpus.validation import OnError, check_on_error, resolve
from toolkit.errors import CorpusError, InputProblem

SAMPLE_SOURCE = "toolkit/sample_corpus"


def load_corpus(
    path: str | os.PathLike[str] | None = None,
    *,
    on_error: OnError = "raise",
    encoding: str = "utf-8",
    cleaning: CleaningRules | None = None,
) -> Corpus:
    """Load, clean and validate a corpus; articles come back sorted by ``doc_id``.

    ``path`` is a folder of ``.txt`` files (metadata in ``manifest.csv``: columns ``file``,
    ``outlet`` and optionally ``id``, ``title``, ``date``, ``url``), a ``.jsonl`` or a ``.csv``
    file (either may be gzip-compressed, e.g. a Media Cloud story export), or None for the
    bundled sample corpus. ``cleaning`` defaults to the bundled ``data/cleaning.yaml``.

    Every problem is collected first. With ``on_error="raise"`` any problem raises one
    CorpusError listing them all; with ``"skip"`` the unusable articles are listed in
    ``Corpus.rejected``. A missing path, an unreadable manifest, a CSV without a text column
    or an input without any article always raise.
    """
    check_on_error(on_error)
    rules = check_loading_options("load_corpus", encoding, cleaning)
    if path is None:
        with resources.as_file(resources.files("toolkit").joinpath("sample_corpus")) as folder:
            reading = read_txt_folder(folder, encoding)
        source = SAMPLE_SOURCE
    else:
        reading = _read(Path(path), encoding)
        source = str(path)
    if not reading.records and not reading.problems:
        raise CorpusError([InputProblem(source, "no articles found")])
    built = [cleaned(record, rules) for record in reading.records]
    reading = replace(reading, records=tuple(record for record, _ in built))
    corpus = resolve(reading, [article for _, article in built], on_error, source)
    return replace(corpus, cleaning_name=rules.name, cleaning_version=rules.version)


def _read(path: Path, encoding: str) -> Reading:
    check_input_path(path)
    if path.is_dir():
        return read_txt_folder(path, encoding)
    if record_format(path) == "jsonl":
        return read_jsonl(path, encoding)
    return read_csv(path, encoding)


def cleaned(record: RawRecord, rules: CleaningRules) -> tuple[RawRecord, Article | None]:
    """``record`` and its cleaned article; a rule that runs out of time becomes a problem.

    When a cleaning rule is stopped (``RuleTimeoutError``), the article is None and the record comes
    back with the problem added, so that it is reported (or rejected) like any other bad record.
    """
    try:
        return record, build_article(record, rules)
    except RuleTimeoutError as timeout:
        return replace(record, text=None, problems=(*record.problems, str(timeout))), None


def build_article(record: RawRecord, rules: CleaningRules) -> Article | None:
    """The cleaned article of a record; None when its text could not be read.

    Raises ``RuleTimeoutError`` when a cleaning rule runs past its time limit on the text.
    """
    if record.text is None:
        return None
    original = record.text
    headline = find_headline(original, record.title, taken_from_text=record.title_from_text)
    body_start = headline.end if headline is not None else 0
    text, removals = clean(original[body_start:], rules)
    return Article(
        doc_id=record.doc_id,
        outlet=record.outlet or "",
        title=record.title,
        text=text,
        original_text=original,
        location=record.location,
        date=record.date,
        url=record.url,
        topic=record.topic,
        event=record.event,
        removals=((headline,) if headline is not None else ()) + shift(removals, body_start),
        language=identify_language(text),
    )
