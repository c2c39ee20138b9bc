"""Read raw article records from a folder of ``.txt`` files, a JSONL file or a CSV file.

Readers only read: they return the text exactly as decoded plus the metadata found, and every
problem they meet, located by file and line or row. Cleaning and validation come later.
Problems that leave nothing trustworthy to read (a missing path, an unreadable manifest, a CSV
without a text column) raise CorpusError at once.

Locations: ``folder/file.txt`` for text files, ``file.jsonl:7`` for line 7 of a JSONL file and
``file.csv:row 3`` for the third row of a CSV file as a spreadsheet numbers it (the header is
row 1).
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.errors import CorpusError, InputProblem

MANIFEST = "manifest.csv"
TEXT_COLUMNS = ("text", "story_text", "body")
_ID_KEYS = ("id", "doc_id", "stories_id")
_OUTLET_KEYS = ("outlet", "media_name")
_DATE_KEYS = ("date", "publish_date")
_MANIFEST_REQUIRED = ("file", "outlet")
# Lone surrogates: bytes that did not decode, kept by errors="surrogateescape".
SURROGATE = re.compile("[\udc80-\udcff]")
_NEWLINE = b"\n"


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as read, before cleaning.

    ``text`` is exactly as decoded, or None when it could not be read (``problems`` say why).
    ``title_from_text`` is True when no title was given and ``title`` was read from the first
    non-empty line of ``text``. ``problems`` are messages about this record; the record is
    unusable when any is present.
    """

    doc_id: str
    location: str
    text: str | None
    title: str
    outlet: str | None
    date: str | None = None
    url: str | None = None
    title_from_text: bool = False
    problems: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything a reader found: article records and problems not tied to one article."""

    records: tuple[RawRecord, ...]
    problems: tuple[InputProblem, ...]


_ENCODING_HINT = "pass the file's encoding, e.g. --encoding latin-1"


def read_txt_folder(folder: Path, encoding: str) -> Reading:
    """Read every ``.txt`` file of ``folder``, with metadata from ``manifest.csv`` if present."""
    label = folder.name or str(folder)
    manifest_path = folder / MANIFEST
    txt_files = sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() == ".txt" and not path.name.startswith(".")
    )
    if not manifest_path.exists():
        if not txt_files:
            raise CorpusError([InputProblem(str(folder), "no .txt files and no manifest.csv")])
        plain = (_txt_record(path, f"{label}/{path.name}", encoding) for path in txt_files)
        return Reading(tuple(plain), ())

    rows, problems = _read_manifest(manifest_path, f"{label}/{MANIFEST}", encoding)
    records: list[RawRecord] = []
    listed: set[Path] = set()
    for row_number, row in rows:
        row_location = f"{label}/{MANIFEST}:row {row_number}"
        path = folder / row["file"]
        listed.add(path.resolve())
        stem = Path(row["file"]).stem
        doc_id = _first(row, ("id", "doc_id")) or stem
        if not path.is_file():
            records.append(
                RawRecord(
                    doc_id=doc_id,
                    location=row_location,
                    text=None,
                    title=_first(row, ("title",)) or "",
                    outlet=_first(row, _OUTLET_KEYS),
                    problems=(f"names file {row['file']!r}, which does not exist",),
                )
            )
            continue
        records.append(
            _txt_record(path, f"{label}/{row['file']}", encoding, metadata=row, doc_id=doc_id)
        )
    for path in txt_files:
        if path.resolve() not in listed:
            problems.append(InputProblem(f"{label}/{path.name}", f"is not listed in {MANIFEST}"))
    return Reading(tuple(records), tuple(problems))


def record_format(path: Path) -> str:
    """``"jsonl"`` or ``"csv"`` from the file name (``.gz`` allowed); CorpusError otherwise."""
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".csv", ".csv.gz")):
        return "csv"
    raise CorpusError(
        [
            InputProblem(
                str(path),
                "unsupported input: give a folder of .txt files, a .jsonl(.gz) or a .csv(.gz) file",
            )
        ]
    )


def read_jsonl(path: Path, encoding: str) -> Reading:
    """Read a JSON Lines file (optionally gzip-compressed): one article object per line."""
    raw = _read_bytes(path)
    records: list[RawRecord] = []
    problems: list[InputProblem] = []
    byte_offset = 0
    for number, line_bytes in enumerate(raw.split(b"\n"), start=1):
        item = jsonl_line(path, number, line_bytes, byte_offset, encoding)
        byte_offset += len(line_bytes) + 1
        if isinstance(item, InputProblem):
            problems.append(item)
        elif item is not None:
            records.append(item)
    return Reading(tuple(records), tuple(problems))


def jsonl_line(
    path: Path, number: int, line_bytes: bytes, line_start: int, encoding: str
) -> RawRecord | InputProblem | None:
    """The record on line ``number`` of a JSONL file (starting at byte ``line_start``).

    None for a blank line; an InputProblem when the line cannot be read as a JSON object.
    """
    location = f"{path.name}:{number}"
    if not line_bytes.strip():
        return None
    binary = _binary_problem(line_bytes, encoding, line_start)
    if binary:
        return InputProblem(location, binary)
    try:
        line = line_bytes.decode(encoding)
    except UnicodeDecodeError as error:
        return InputProblem(location, _decode_message(error, encoding, line_start))
    if number == 1:
        line = line.removeprefix("\ufeff")
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return InputProblem(location, f"broken JSON: {error.msg} (column {error.colno})")
    if not isinstance(data, dict):
        return InputProblem(location, "expected a JSON object")
    return mapping_record(data, location, f"{file_stem(path)}-{number}")


def read_csv(path: Path, encoding: str) -> Reading:
    """Read a CSV file (optionally gzip-compressed) with one article per row.

    Accepts the columns of a Media Cloud story export (``stories_id``, ``media_name``,
    ``publish_date``, ``title``, ``url``) plus a text column (``text``, ``story_text`` or
    ``body``).
    """
    raw = _read_bytes(path)
    binary = _binary_problem(raw, encoding, 0)
    if binary:
        raise CorpusError([InputProblem(path.name, binary)])
    decoded = raw.decode(encoding, errors="surrogateescape")
    stem = file_stem(path)
    rows = _csv_rows(decoded.removeprefix("\ufeff"), path.name)
    header = [name.strip() for name in next(rows)[1]]
    text_column = next((name for name in TEXT_COLUMNS if name in header), None)
    if text_column is None:
        raise CorpusError(
            [
                InputProblem(
                    f"{path.name}:row 1",
                    f"no text column: expected one of {list(TEXT_COLUMNS)}, found {header}",
                )
            ]
        )
    records: list[RawRecord] = []
    problems: list[InputProblem] = []
    for row_number, values in rows:
        location = f"{path.name}:row {row_number}"
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            problems.append(
                InputProblem(location, f"has {len(values)} fields, the header has {len(header)}")
            )
            continue
        bad = next((value for value in values if SURROGATE.search(value)), None)
        if bad is not None:
            problems.append(InputProblem(location, _surrogate_message(decoded, bad, encoding)))
            continue
        row = dict(zip(header, values, strict=True))
        row["text"] = row[text_column]
        records.append(mapping_record(row, location, f"{stem}-{row_number}"))
    return Reading(tuple(records), tuple(problems))


def _csv_rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV text with their spreadsheet row numbers (header = row 1)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        try:
            values = next(reader)
        except StopIteration:
            if number == 0:
                raise CorpusError([InputProblem(name, "the CSV file is empty")]) from None
            return
        except csv.Error as error:
            raise CorpusError(
                [
                    InputProblem(
                        f"{name}:row {number + 1}",
                        f"malformed CSV near line {reader.line_num}: {error}; "
                        "rows after it cannot be read",
                    )
                ]
            ) from None
        number += 1
        yield number, values


def _read_manifest(
    path: Path, location: str, encoding: str
) -> tuple[list[tuple[int, dict[str, str]]], list[InputProblem]]:
    """Usable rows of a manifest with their row numbers, and the problems of the other rows.

    Raises CorpusError only when the manifest as a whole is unusable (undecodable, or without
    the required columns); a bad row is a problem reported with every other problem.
    """
    raw = _read_bytes(path)
    try:
        text = raw.decode(_without_bom(encoding))
    except UnicodeDecodeError as error:
        raise CorpusError([InputProblem(location, _decode_message(error, encoding, 0))]) from None
    rows = _csv_rows(text, location)
    header = [name.strip() for name in next(rows)[1]]
    problems: list[InputProblem] = []
    missing = [name for name in _MANIFEST_REQUIRED if name not in header]
    if missing:
        problems.append(InputProblem(f"{location}:row 1", f"missing column(s) {missing}"))
    result: list[tuple[int, dict[str, str]]] = []
    seen: dict[str, int] = {}
    for number, values in rows:
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            problems.append(
                InputProblem(
                    f"{location}:row {number}",
                    f"has {len(values)} fields, the header has {len(header)}",
                )
            )
            continue
        row = {name: value.strip() for name, value in zip(header, values, strict=True)}
        if missing:
            continue
        if not row["file"]:
            problems.append(InputProblem(f"{location}:row {number}", "empty 'file' cell"))
        elif row["file"] in seen:
            problems.append(
                InputProblem(
                    f"{location}:row {number}",
                    f"lists {row['file']!r} again (first at row {seen[row['file']]})",
                )
            )
        elif not (path.parent / row["file"]).resolve().is_relative_to(path.parent.resolve()):
            problems.append(
                InputProblem(
                    f"{location}:row {number}",
                    f"names {row['file']!r}, which is outside the corpus folder",
                )
            )
        else:
            seen[row["file"]] = number
            result.append((number, row))
    if missing:
        raise CorpusError(problems)
    return result, problems


def _txt_record(
    path: Path,
    location: str,
    encoding: str,
    *,
    metadata: Mapping[str, str] | None = None,
    doc_id: str | None = None,
) -> RawRecord:
    meta = metadata or {}
    outlet = _first(meta, _OUTLET_KEYS)

    def record(text: str | None, title: str, problems: Sequence[str], from_text: bool) -> RawRecord:
        return RawRecord(
            doc_id=doc_id or path.stem,
            location=location,
            text=text,
            title=title,
            outlet=outlet,
            date=_first(meta, _DATE_KEYS),
            url=_first(meta, ("url",)),
            title_from_text=from_text,
            problems=tuple(problems),
        )

    try:
        raw = path.read_bytes()
    except OSError as error:
        return record(None, "", [f"cannot read file: {error}"], False)
    binary = _binary_problem(raw, encoding, 0)
    if binary:
        return record(None, "", [binary], False)
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        return record(None, "", [_decode_message(error, encoding, 0, raw)], False)
    problems: list[str] = []
    if outlet is None:
        problems.append(
            "missing outlet (fill the 'outlet' column of manifest.csv)"
            if metadata is not None
            else "missing outlet: a folder of .txt files needs a manifest.csv with an "
            "'outlet' column"
        )
    title = _first(meta, ("title",))
    if title is None:
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return record(text, first_line, problems, True)
    return record(text, title, problems, False)


def mapping_record(data: Mapping[str, object], location: str, fallback_id: str) -> RawRecord:
    """A record from a JSON object or CSV row; missing or bad fields become problems."""
    problems: list[str] = []
    fields: dict[str, str | None] = {}
    for name, keys in (
        ("doc_id", _ID_KEYS),
        ("outlet", _OUTLET_KEYS),
        ("title", ("title",)),
        ("date", _DATE_KEYS),
        ("url", ("url",)),
    ):
        fields[name] = None
        for key in keys:
            value = data.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                problems.append(f"{key!r} must be text or a number, got {type(value).__name__}")
                break
            fields[name] = str(value).strip()
            break
    value = data.get("text")
    text = value if isinstance(value, str) else None
    if value is None:
        problems.append("missing 'text'")
    elif text is None:
        problems.append(f"'text' must be a string, got {type(value).__name__}")
    if fields["outlet"] is None:
        problems.append("missing outlet ('outlet' or 'media_name')")
    return RawRecord(
        doc_id=fields["doc_id"] or fallback_id,
        location=location,
        text=text,
        title=fields["title"] or "",
        outlet=fields["outlet"],
        date=fields["date"],
        url=fields["url"],
        problems=tuple(problems),
    )


def _first(row: Mapping[str, str], keys: Sequence[str]) -> str | None:
    for key in keys:
        value = row.get(key)
        if value is not None and value.strip():
            return value.strip()
    return None


def _read_bytes(path: Path) -> bytes:
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                return handle.read()
        return path.read_bytes()
    except (OSError, EOFError) as error:
        raise CorpusError([InputProblem(str(path), f"cannot read file: {error}")]) from None


def file_stem(path: Path) -> str:
    """The file name without ``.gz``, ``.jsonl`` or ``.csv``: the prefix of fallback ids."""
    name = path.name
    for suffix in (".gz", ".jsonl", ".csv"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def _binary_problem(raw: bytes, encoding: str, base_offset: int) -> str | None:
    """A message when ``raw`` looks binary (holds a NUL byte), else None.

    Skipped for UTF-16 and UTF-32, where NUL bytes are normal.
    """
    if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
        return None
    position = raw.find(b"\x00")
    if position < 0:
        return None
    return f"binary file, not text: NUL byte at byte offset {base_offset + position}"


def _decode_message(
    error: UnicodeDecodeError, encoding: str, base_offset: int, raw: bytes | None = None
) -> str:
    offset = base_offset + error.start
    line = "" if raw is None else f", line {raw[: error.start].count(_NEWLINE) + 1}"
    return (
        f"undecodable bytes for encoding {encoding!r} at byte offset {offset}{line} "
        f"(byte 0x{error.object[error.start]:02x}): {_ENCODING_HINT}"
    )


def _surrogate_message(decoded: str, value: str, encoding: str) -> str:
    """Locate the first undecodable byte of ``value`` in the file it was decoded from.

    ``decoded`` is the whole file decoded with ``errors="surrogateescape"``, where each
    undecodable byte became a lone surrogate.
    """
    marker = SURROGATE.search(value)
    if marker is None:
        return f"undecodable bytes for encoding {encoding!r}: {_ENCODING_HINT}"
    position = decoded.find(value[: marker.end()]) + marker.start()
    byte_offset = len(decoded[:position].encode(encoding, errors="surrogateescape"))
    line = decoded.count("\n", 0, position) + 1
    return (
        f"undecodable bytes for encoding {encoding!r} at byte offset {byte_offset}, line {line} "
        f"(byte 0x{ord(marker.group()) - 0xDC00:02x}): {_ENCODING_HINT}"
    )


def _without_bom(encoding: str) -> str:
    """``utf-8-sig`` for UTF-8, so a byte-order mark never ends up in a column name."""
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
