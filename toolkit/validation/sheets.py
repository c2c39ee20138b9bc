"""Coder sheets: a stratified sample of evidence for human coders, and reading their codes back.

A coder sheet is a CSV file with one row per evidence item: the codebook entry (``rule``) and its
family and category, the outlet and document, the matched words (``cue``) and the sentence around
them with the cue in [brackets] (``in_context``). A coder fills in ``code``: 1 when the match is a
correct instance of its codebook entry in that sentence, 0 when it is not; a blank means not coded.
``coder`` and ``note`` are free text.

The sample is stratified by codebook entry and outlet: up to ``per_cell`` items from every
(entry, outlet) cell, drawn at random with a fixed seed, so rare entries and small outlets are
represented and the same seed gives the same sheet.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from toolkit.errors import InputProblem, ParameterError, ToolkitError
from toolkit.escaping import from_spreadsheet_cell, spreadsheet_cell
from toolkit.pipeline.tables import in_context

SHEET_COLUMNS = (
    "item_id",
    "family",
    "category",
    "rule",
    "outlet",
    "doc_id",
    "start",
    "end",
    "cue",
    "in_context",
    "code",
    "coder",
    "note",
)
"""Columns of a coder sheet, in order."""

_REQUIRED = ("item_id", "rule", "code")
_TRUE = frozenset({"1", "1.0", "yes", "y", "true", "correct"})
_FALSE = frozenset({"0", "0.0", "no", "n", "false", "wrong"})
_SKIPPED_FAMILIES = ("tone",)
"""Families left out of samples by default: tone evidence comes from a sentiment lexicon whose
entries are single words scored by VADER, not codebook entries a coder can check one by one."""


class SheetError(ToolkitError):
    """A coded sheet cannot be read; carries every problem found (file and row)."""

    def __init__(self, problems: Iterable[InputProblem]) -> None:
        self.problems = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the coder sheet(s):\n{lines}")


def sample_evidence(
    evidence: pd.DataFrame,
    sentences: pd.DataFrame,
    *,
    families: Iterable[str] | None = None,
    per_cell: int = 3,
    seed: int = 0,
) -> pd.DataFrame:
    """A coder sheet: up to ``per_cell`` evidence rows per (codebook entry, outlet), in context.

    ``evidence`` and ``sentences`` are an analysis's tables; ``families`` restricts the sample
    (default:
    every family except tone). Rows are drawn with ``seed`` and listed by family, rule, outlet,
    document and offset; ``item_id`` numbers them from 1. ``code``, ``coder`` and ``note`` are
    left blank for the coder.
    """
    if isinstance(families, str):
        raise ParameterError(
            "The 'families' parameter of sample_evidence must be an iterable of family names. "
            f"Got the single string {families!r} instead; wrap it in a list."
        )
    if per_cell < 1:
        raise ParameterError(
            f"The 'per_cell' parameter of sample_evidence must be at least 1. Got {per_cell}."
        )
    rows = evidence
    if families is None:
        rows = rows[~rows["family"].isin(_SKIPPED_FAMILIES)]
    else:
        wanted = list(families)
        unknown = sorted(set(wanted) - set(evidence["family"]))
        if unknown:
            raise ParameterError(
                "The 'families' parameter of sample_evidence must name families in the "
                f"evidence {sorted(set(evidence['family']))}. Got {unknown} instead."
            )
        rows = rows[rows["family"].isin(wanted)]
    shuffled = rows.sample(frac=1.0, random_state=seed)
    picked = in_context(
        shuffled.groupby(["rule", "outlet"], sort=False)
        .head(per_cell)
        .sort_values(["family", "rule", "outlet", "doc_id", "start"], kind="stable")
        .reset_index(drop=True),
        sentences,
    )
    sheet = pd.DataFrame(
        {
            "item_id": range(1, len(picked) + 1),
            "family": picked["family"].astype(str),
            "category": picked["category"].astype(str),
            "rule": picked["rule"].astype(str),
            "outlet": picked["outlet"].astype(str),
            "doc_id": picked["doc_id"].astype(str),
            "start": picked["start"].astype(int),
            "end": picked["end"].astype(int),
            "cue": picked["cue"].astype(str),
            "in_context": [
                _in_context(str(sentence), start - sentence_start, end - sentence_start)
                for sentence, start, end, sentence_start in zip(
                    picked["sentence_text"],
                    picked["start"].astype(int),
                    picked["end"].astype(int),
                    picked["sentence_start"].astype(int),
                    strict=True,
                )
            ],
        }
    )
    for column in ("code", "coder", "note"):
        sheet[column] = ""
    return sheet[list(SHEET_COLUMNS)]


def _in_context(sentence: str, start: int, end: int) -> str:
    if not 0 <= start <= end <= len(sentence):
        return sentence
    return f"{sentence[:start]}[{sentence[start:end]}]{sentence[end:]}"


def write_sheet(
    sheet: pd.DataFrame, path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write a coder sheet as UTF-8 CSV (opens in spreadsheets); return the path.

    Text cells are spreadsheet-safe (``toolkit.escaping.spreadsheet_cell``): a cue or
    outlet starting with ``=`` is shown as text, never run as a formula. Rows end in CRLF
    (RFC 4180). An existing file is replaced only with ``overwrite`` (it may be a sheet a coder
    already filled in).
    """
    out = Path(path)
    if out.exists() and not overwrite:
        raise ParameterError(
            f"{out} already exists (it may hold a coder's work); pass --force (overwrite=True) "
            "to replace it, or write the sheet elsewhere."
        )
    if out.is_dir():
        raise ParameterError(f"The 'path' parameter of write_sheet must name a file. Got {out}.")
    out.parent.mkdir(parents=True, exist_ok=True)
    safe = sheet.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = [
                spreadsheet_cell(value) if isinstance(value, str) else value
                for value in safe[column]
            ]
    # CRLF line ends (RFC 4180) also make the writer quote a cell holding a lone carriage return,
    # which a spreadsheet would otherwise read as the end of a row.
    safe.to_csv(out, index=False, lineterminator="\r\n")
    return out


def read_coded_sheet(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a coded sheet; ``code`` becomes 1.0, 0.0 or NaN (not coded).

    Accepted codes: 1/0, yes/no, y/n, true/false, correct/wrong (any case), or blank. Raises
    ``SheetError`` listing every bad row (file and row number as a spreadsheet shows it). Cells
    made spreadsheet-safe by ``write_sheet`` (a leading ``'``) come back as they were sampled.
    """
    location = str(path)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
        raise SheetError([InputProblem(location, f"cannot read the sheet: {error}")]) from error
    missing = [column for column in _REQUIRED if column not in raw.columns]
    if missing:
        raise SheetError([InputProblem(f"{location}:1", f"missing column(s) {', '.join(missing)}")])
    problems: list[InputProblem] = []
    codes: list[float] = []
    seen: dict[str, int] = {}
    for index, (item, code) in enumerate(zip(raw["item_id"], raw["code"], strict=True)):
        row = index + 2  # the header is row 1
        value = code.strip().lower()
        if value in _TRUE:
            codes.append(1.0)
        elif value in _FALSE:
            codes.append(0.0)
        elif not value:
            codes.append(float("nan"))
        else:
            codes.append(float("nan"))
            problems.append(
                InputProblem(
                    f"{location}:{row}",
                    f"item {item!r}: code {code!r} is not 1/0, yes/no, true/false or blank",
                )
            )
        if item in seen:
            problems.append(
                InputProblem(
                    f"{location}:{row}",
                    f"item {item!r} is listed twice (first on row {seen[item]})",
                )
            )
        seen.setdefault(item, row)
    if problems:
        raise SheetError(problems)
    sheet = raw.map(from_spreadsheet_cell)
    sheet["code"] = codes
    return sheet
