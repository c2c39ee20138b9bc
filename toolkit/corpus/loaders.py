"""Read raw article records from a folder of ``.txt`` files, a JSONL file or a CSV file.

Readers only read: they return the text exactly as decoded plus the metadata found, and every
problem they meet, located by file and line or row. Cleaning and validation come later.
Problems that leave nothing trustworthy to read (a missing path, an unreadable manifest, a CSV
without a text column) raise CorpusError at once.

Locations: ``folder/file.txt`` for text files, ``file.jsonl:7`` for line 7 of a JSONL file and
``file.csv:row 3`` for the third row of a CSV file as a spreadsheet numbers it (the header is
row 1).

JSONL and CSV files are read one line at a time (``jsonl_items``, ``csv_items``), never whole: a
line, row or ``.txt`` file longer than ``MAX_RECORD_BYTES`` is skipped without being read into
memory and reported, and a CSV field may hold a whole article (``MAX_ARTICLE_CHARS``
characters, where Python's csv module stops at 131,072 by default). Text that cannot be stored
as UTF-8 (a lone surrogate such as ``"\\ud83d"`` in a JSON string) is reported with its field
and position.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast

from toolkit.corpus.limits import MAX_ARTICLE_CHARS, MAX_RECORD_BYTES, too_long_message
from toolkit.errors import CorpusError, InputProblem

MANIFEST = "manifest.csv"
TEXT_COLUMNS = ("text", "story_text", "body")
_ID_KEYS = ("id", "doc_id", "stories_id")
_OUTLET_KEYS = ("outlet", "media_name")
_DATE_KEYS = ("date", "publish_date")
_MANIFEST_REQUIRED = ("file", "outlet")
# Lone surrogates: bytes that did not decode, kept by errors="surrogateescape".
SURROGATE = re.compile("[\udc80-\udcff]")
# Any lone surrogate: half of a UTF-16 pair, not a character; it cannot be written as UTF-8.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_NEWLINE = b"\n"
_NOT_REGULAR = "is not a regular file (a folder, pipe, socket or device)"


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
    topic: str | None = None
    event: str | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """Everything a reader found: article records and problems not tied to one article."""

    records: tuple[RawRecord, ...]
    problems: tuple[InputProblem, ...]


_ENCODING_HINT = "pass the file's encoding, e.g. --encoding latin-1"


def read_txt_folder(folder: Path, encoding: str) -> Reading:
    """Read every ``.txt`` file of ``folder``, with metadata from ``manifest.csv`` if present.

    Entries named ``*.txt`` that are not regular files, and links to files outside ``folder``,
    are reported, never read.
    """
    label = shown_name(folder.name or str(folder))
    manifest_path = folder / MANIFEST
    candidates = sorted(
        path
        for path in folder.iterdir()
        if path.suffix.lower() == ".txt" and not path.name.startswith(".")
    )
    refused = {path: reason for path in candidates if (reason := _refusal(path, folder))}
    txt_files = [path for path in candidates if path not in refused]
    if not manifest_path.exists() and not manifest_path.is_symlink():
        if not candidates:
            raise CorpusError([InputProblem(str(folder), "no .txt files and no manifest.csv")])
        plain = (
            _txt_record(path, f"{label}/{shown_name(path.name)}", encoding) for path in txt_files
        )
        problems = [
            InputProblem(f"{label}/{shown_name(path.name)}", reason)
            for path, reason in refused.items()
        ]
        return Reading(tuple(plain), tuple(problems))
    if manifest_reason := _refusal(manifest_path, folder):
        raise CorpusError([InputProblem(f"{label}/{MANIFEST}", manifest_reason)])

    rows, problems = _read_manifest(manifest_path, f"{label}/{MANIFEST}", encoding)
    records: list[RawRecord] = []
    listed: set[Path] = set()
    for row_number, row in rows:
        row_location = f"{label}/{MANIFEST}:row {row_number}"
        path = folder / row["file"]
        listed.add(path)
        stem = Path(row["file"]).stem
        doc_id = _first(row, ("id", "doc_id")) or stem
        missing = (
            "which does not exist"
            if not path.exists() and not path.is_symlink()
            else _refusal(path, folder)
        )
        if missing:
            records.append(
                RawRecord(
                    doc_id=doc_id,
                    location=row_location,
                    text=None,
                    title=_first(row, ("title",)) or "",
                    outlet=_first(row, _OUTLET_KEYS),
                    problems=(f"names file {row['file']!r}, {_which(missing)}",),
                )
            )
            continue
        records.append(
            _txt_record(path, f"{label}/{row['file']}", encoding, metadata=row, doc_id=doc_id)
        )
    for path in candidates:
        if path not in listed:
            reason = refused.get(path, f"is not listed in {MANIFEST}")
            problems.append(InputProblem(f"{label}/{shown_name(path.name)}", reason))
    return Reading(tuple(records), tuple(problems))


def _refusal(path: Path, folder: Path) -> str | None:
    """Why the corpus entry ``path`` is not read, or None when it is a regular file inside."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "is a link to nothing (a broken symbolic link)" if path.is_symlink() else None
    if not stat.S_ISREG(mode):
        return "is a folder, not a text file" if stat.S_ISDIR(mode) else _NOT_REGULAR
    if not path.resolve().is_relative_to(folder.resolve()):
        return "is a link to a file outside the corpus folder"
    return None


def _which(reason: str) -> str:
    """``reason`` ("is a folder, ...") as a relative clause ("which is a folder, ...")."""
    return reason if reason.startswith("which ") else f"which {reason}"


def shown_name(name: str) -> str:
    """A file name as text: bytes that were not valid in the file system's encoding (kept as
    lone surrogates by Python) are shown as U+FFFD, so the name can be printed and stored."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def check_input_path(path: Path) -> Path:
    """``path`` when it is a folder or a regular file; CorpusError otherwise.

    A pipe or device would block or never end, so only folders and regular files are read.
    """
    if not path.exists():
        message = "is a broken symbolic link" if path.is_symlink() else "no such file or folder"
        raise CorpusError([InputProblem(str(path), message)])
    if not path.is_dir() and not path.is_file():
        raise CorpusError([InputProblem(str(path), _NOT_REGULAR)])
    return path


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
    return _reading(jsonl_items(path, encoding))


def jsonl_items(path: Path, encoding: str) -> Iterator[RawRecord | InputProblem]:
    """The records and line problems of a JSONL file, line by line, in file order."""
    offset = 0
    with open_input(path) as handle:
        for number, line in enumerate(_bounded_lines(handle, path), start=1):
            if isinstance(line, _TooLong):
                offset += line.size
                yield InputProblem(f"{path.name}:{number}", too_long_message(line.size, exact=True))
                continue
            body = line.removesuffix(b"\n")
            item = jsonl_line(path, number, body, offset, encoding)
            offset += len(line)
            if item is not None:
                yield item


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
    except RecursionError:
        return InputProblem(location, "broken JSON: nested too deeply to read")
    if not isinstance(data, dict):
        return InputProblem(location, "expected a JSON object")
    return mapping_record(data, location, f"{file_stem(path)}-{number}")


def read_csv(path: Path, encoding: str) -> Reading:
    """Read a CSV file (optionally gzip-compressed) with one article per row.

    Accepts the columns of a Media Cloud story export (``stories_id``, ``media_name``,
    ``publish_date``, ``title``, ``url``) plus a text column (``text``, ``story_text`` or
    ``body``).
    """
    return _reading(csv_items(path, encoding))


def _reading(items: Iterator[RawRecord | InputProblem]) -> Reading:
    records: list[RawRecord] = []
    problems: list[InputProblem] = []
    for item in items:
        if isinstance(item, InputProblem):
            problems.append(item)
        else:
            records.append(item)
    return Reading(tuple(records), tuple(problems))


def csv_items(path: Path, encoding: str) -> Iterator[RawRecord | InputProblem]:
    """The records and row problems of a CSV file, row by row, in file order.

    A file without a text column, with a NUL byte or with a malformed row raises CorpusError:
    what follows cannot be read reliably. A row with a field longer than an article may be, or
    a physical line longer than ``MAX_RECORD_BYTES`` characters, is a problem of that row.
    """
    stem = file_stem(path)
    with open_input(path) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="surrogateescape", newline="")
        lines = _CsvLines(text, encoding)
        rows = _csv_records(lines, path.name)
        header: list[str] | None = None
        text_column = ""
        for number, values in rows:
            location = f"{path.name}:row {number}"
            if isinstance(values, _TooLong):
                yield InputProblem(location, values.message)
                continue
            if any("\x00" in value for value in values):
                raise CorpusError([InputProblem(location, lines.nul_message())])
            if header is None:
                header = [value.strip() for value in values]
                found = next((column for column in TEXT_COLUMNS if column in header), None)
                if found is None:
                    raise CorpusError(
                        [
                            InputProblem(
                                location,
                                f"no text column: expected one of {list(TEXT_COLUMNS)}, "
                                f"found {header}",
                            )
                        ]
                    )
                text_column = found
                continue
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(header):
                yield InputProblem(
                    location, f"has {len(values)} fields, the header has {len(header)}"
                )
                continue
            bad = next((value for value in values if SURROGATE.search(value)), None)
            if bad is not None:
                yield InputProblem(location, lines.surrogate_message(bad))
                continue
            row = dict(zip(header, values, strict=True))
            row["text"] = row[text_column]
            yield mapping_record(row, location, f"{stem}-{number}")
        if header is None:
            raise CorpusError([InputProblem(path.name, "the CSV file is empty")])


@dataclass(frozen=True, slots=True)
class _TooLong:
    """Stands for a line or row that was skipped as too long."""

    size: int
    message: str = ""


class _LineTooLongError(Exception):
    """Raised through csv.reader when a physical line is longer than ``MAX_RECORD_BYTES``."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


class _CsvLines:
    """The physical lines of a decoded CSV file, for ``csv.reader``, at most
    ``MAX_RECORD_BYTES`` characters each, remembering the byte offset of each line of the
    current row so that a problem in it can be located."""

    def __init__(self, text: IO[str], encoding: str) -> None:
        self._text = text
        self._encoding = encoding
        self._encode = codecs.getincrementalencoder(encoding)(errors="surrogateescape").encode
        self._offset = 0
        self.line_number = 0
        self.row: list[tuple[int, str]] = []  # (byte offset, line) of the row being read
        self.row_first_line = 1

    def start_row(self) -> None:
        self.row = []
        self.row_first_line = self.line_number + 1

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self._text.readline(MAX_RECORD_BYTES + 1)
        if not line:
            raise StopIteration
        self.line_number += 1
        if len(line) > MAX_RECORD_BYTES and not line.endswith(("\n", "\r")):
            skipped = len(line) + _skip_line(self._text)
            raise _LineTooLongError(skipped)
        self.row.append((self._offset, line))
        self._offset += len(self._encode(line))
        return line.removeprefix("\ufeff") if self.line_number == 1 else line

    def _locate(self, position: int) -> tuple[int, int]:
        """(byte offset, line number) of character ``position`` of the current row."""
        window = "".join(line for _, line in self.row)
        start = self.row[0][0] if self.row else self._offset
        prefix = window[:position]
        empty = len("".encode(self._encoding))  # a byte-order mark, for UTF-16 and UTF-32
        size = len(prefix.encode(self._encoding, errors="surrogateescape")) - empty
        return start + size, self.row_first_line + prefix.count("\n")

    def _position(self, value: str, marker: re.Match[str]) -> int:
        window = "".join(line for _, line in self.row)
        found = window.find(value[: marker.end()])
        return max(found, 0) + marker.start()

    def surrogate_message(self, value: str) -> str:
        """Where the first undecodable byte of ``value`` (a field of the current row) is."""
        marker = SURROGATE.search(value)
        if marker is None:
            return f"undecodable bytes for encoding {self._encoding!r}: {_ENCODING_HINT}"
        offset, line = self._locate(self._position(value, marker))
        return (
            f"undecodable bytes for encoding {self._encoding!r} at byte offset {offset}, "
            f"line {line} (byte 0x{ord(marker.group()) - 0xDC00:02x}): {_ENCODING_HINT}"
        )

    def nul_message(self) -> str:
        """Where the first NUL of the current row is."""
        window = "".join(line for _, line in self.row)
        offset, _ = self._locate(max(window.find("\x00"), 0))
        return f"binary file, not text: NUL byte at byte offset {offset}"


def _skip_line(text: IO[str]) -> int:
    """Read and drop the rest of the current line, a chunk at a time; its length."""
    skipped = 0
    while chunk := text.readline(1 << 20):
        skipped += len(chunk)
        if chunk.endswith(("\n", "\r")):
            break
    return skipped


def _csv_records(lines: _CsvLines, name: str) -> Iterator[tuple[int, list[str] | _TooLong]]:
    """CSV rows with their spreadsheet row numbers (header = row 1); a row with a field longer
    than ``MAX_ARTICLE_CHARS`` or a line longer than ``MAX_RECORD_BYTES`` comes as ``_TooLong``.

    Reading goes on after such a row from the next physical line. Any other malformed row raises
    CorpusError: the rows after it cannot be read reliably.
    """
    reader = csv.reader(lines, strict=True)
    number = 0
    while True:
        lines.start_row()
        try:
            with _field_limit(MAX_ARTICLE_CHARS):
                values = next(reader)
        except StopIteration:
            return
        except _LineTooLongError as error:
            number += 1
            yield (
                number,
                _TooLong(
                    error.size,
                    f"line {lines.line_number} "
                    + too_long_message(error.size, exact=True, unit="characters"),
                ),
            )
            continue
        except csv.Error as error:
            number += 1
            if "field larger than field limit" in str(error):
                yield (
                    number,
                    _TooLong(
                        MAX_ARTICLE_CHARS,
                        f"has a field longer than the {MAX_ARTICLE_CHARS:,} characters an "
                        f"article may have (line {lines.line_number}); it was skipped. It is "
                        "probably not one article: split it into articles",
                    ),
                )
                continue
            raise CorpusError(
                [
                    InputProblem(
                        f"{name}:row {number}",
                        f"malformed CSV near line {reader.line_num}: {error}; "
                        "rows after it cannot be read",
                    )
                ]
            ) from None
        number += 1
        yield number, values


@contextmanager
def _field_limit(limit: int) -> Iterator[None]:
    """Python's csv field size limit set to ``limit`` (it is process-wide), then restored."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def _csv_rows(text: str, name: str) -> Iterator[tuple[int, list[str]]]:
    """Rows of a CSV text with their spreadsheet row numbers (header = row 1)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    while True:
        try:
            with _field_limit(MAX_ARTICLE_CHARS):
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
            doc_id=doc_id or shown_name(path.stem),
            location=location,
            text=text,
            title=title,
            outlet=outlet,
            date=_first(meta, _DATE_KEYS),
            url=_first(meta, ("url",)),
            title_from_text=from_text,
            problems=tuple(problems),
            topic=_first(meta, ("topic",)),
            event=_first(meta, ("event",)),
        )

    try:
        size = path.stat().st_size
        if size > MAX_RECORD_BYTES:
            return record(None, "", [too_long_message(size, exact=True)], False)
        with path.open("rb") as handle:
            raw = handle.read(MAX_RECORD_BYTES + 1)
    except OSError as error:
        return record(None, "", [f"cannot read file: {error}"], False)
    if len(raw) > MAX_RECORD_BYTES:
        return record(None, "", [too_long_message(MAX_RECORD_BYTES, exact=False)], False)
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
        ("topic", ("topic",)),
        ("event", ("event",)),
    ):
        fields[name] = None
        for key in keys:
            value = data.get(key)
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                problems.append(f"{key!r} must be text or a number, got {type(value).__name__}")
                break
            fields[name] = _valid_text(str(value).strip(), key, problems)
            break
    value = data.get("text")
    text = value if isinstance(value, str) else None
    if value is None:
        problems.append("missing 'text'")
    elif text is None:
        problems.append(f"'text' must be a string, got {type(value).__name__}")
    elif _valid_text(text, "text", problems) != text:
        text = None
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
        topic=fields["topic"],
        event=fields["event"],
    )


def _valid_text(value: str, key: str, problems: list[str]) -> str:
    """``value``, or with U+FFFD for its lone surrogates, which are reported in ``problems``.

    A lone surrogate (``"\\ud83d"`` in JSON: half of a UTF-16 pair) is not a character: no
    UTF-8 file or table can hold it.
    """
    found = LONE_SURROGATE.search(value)
    if found is None:
        return value
    problems.append(
        f"invalid code point U+{ord(found.group()):04X} in {key!r} at character "
        f"{found.start()}: a lone surrogate (half of a UTF-16 pair) is not text; fix the "
        "program that wrote the file"
    )
    return LONE_SURROGATE.sub("\ufffd", value)


def _first(row: Mapping[str, str], keys: Sequence[str]) -> str | None:
    for key in keys:
        value = row.get(key)
        if value is not None and value.strip():
            return value.strip()
    return None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CorpusError([InputProblem(str(path), f"cannot read file: {error}")]) from None


def open_input(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, decompressed when its name ends in ``.gz``.

    CorpusError when it cannot be opened or is not a regular file (a pipe would block).
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise CorpusError([InputProblem(str(path), _NOT_REGULAR)])
        if path.name.lower().endswith(".gz"):
            return cast(IO[bytes], gzip.open(path, "rb"))
        return path.open("rb")
    except OSError as error:
        raise CorpusError([InputProblem(str(path), f"cannot read file: {error}")]) from None


def _bounded_lines(handle: IO[bytes], path: Path) -> Iterator[bytes | _TooLong]:
    """The lines of a binary file with their newline; ``_TooLong`` (with the line's size) in
    place of a line longer than ``MAX_RECORD_BYTES``, whose bytes are dropped as they are read.
    """
    try:
        while line := handle.readline(MAX_RECORD_BYTES + 1):
            if len(line) <= MAX_RECORD_BYTES or line.endswith(_NEWLINE):
                yield line
                continue
            size = len(line)
            while chunk := handle.readline(1 << 20):
                size += len(chunk)
                if chunk.endswith(_NEWLINE):
                    break
            yield _TooLong(size)
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


def _without_bom(encoding: str) -> str:
    """``utf-8-sig`` for UTF-8, so a byte-order mark never ends up in a column name."""
    return "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
