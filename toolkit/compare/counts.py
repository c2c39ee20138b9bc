"""The per-document counts table that outlet rates and outlet differences read, and its check.

One row per document and measure: ``doc_id``, ``outlet``, ``measure`` (e.g. "hedging/hedges"),
``count`` (evidence rows, a number >= 0), ``words`` (the document's words, > 0: the exposure),
and optionally a story column (``event`` or ``topic``) used to adjust comparisons for the
choice of stories. Documents with a count of 0 are rows like any other: an outlet without a
single hedge is an outlet with a hedging rate of 0, not a missing outlet.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from toolkit.compare.texts import require_columns
from toolkit.errors import ParameterError

COUNT_COLUMNS = ("doc_id", "outlet", "measure", "count", "words")
STORY_COLUMNS = ("event", "topic")  # in order of preference: an event is the finer grouping
NO_STORY = "(none)"  # the story level of documents whose story column is empty
_SHOWN = 5  # row labels named per problem


def check_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """The counts table with its five columns typed (three strings, two floats), or an error.

    Raises ParameterError listing every problem found (not only the first), each with the
    labels of a few offending rows: missing identifiers, counts that are negative or not
    numbers, words that are not positive, a measure counted twice for one document, a document
    filed under two outlets.
    """
    if not isinstance(counts, pd.DataFrame):
        raise ParameterError(
            "The 'counts' parameter must be a pandas DataFrame with the columns "
            f"{list(COUNT_COLUMNS)}. Got {type(counts).__name__} instead."
        )
    require_columns(counts, COUNT_COLUMNS, "counts")
    problems: list[str] = []
    for column in ("doc_id", "outlet", "measure"):
        _note(problems, counts[column].isna(), f"'{column}' is empty")
    count = pd.to_numeric(counts["count"], errors="coerce").astype(float)
    words = pd.to_numeric(counts["words"], errors="coerce").astype(float)
    _note(problems, ~np.isfinite(count) | (count < 0), "'count' is not a number >= 0")
    _note(problems, ~np.isfinite(words) | (words <= 0), "'words' is not a number > 0")
    typed = pd.DataFrame(
        {
            "doc_id": counts["doc_id"].astype(str),
            "outlet": counts["outlet"].astype(str),
            "measure": counts["measure"].astype(str),
            "count": count,
            "words": words,
        },
        index=counts.index,
    )
    _note(
        problems,
        typed.duplicated(["doc_id", "measure"], keep=False),
        "the document has two rows for one measure (sum its zones or pass one zone)",
    )
    outlets_per_doc = typed.groupby("doc_id", sort=False)["outlet"].transform("nunique")
    _note(problems, outlets_per_doc > 1, "the document is filed under two outlets")
    if problems:
        listed = "\n".join(f"  - {problem}" for problem in problems)
        raise ParameterError(f"{len(problems)} problem(s) in the 'counts' table:\n{listed}")
    return typed


def story_column(counts: pd.DataFrame, adjust_for: str | None) -> str | None:
    """The story column to adjust for: ``adjust_for`` itself, or with ``"auto"`` the first of
    ``event``, ``topic`` that the table has with at least two levels (empty values are one
    level, ``NO_STORY``); None for none."""
    if adjust_for is None:
        return None
    if adjust_for == "auto":
        for column in STORY_COLUMNS:
            if column in counts.columns and story_levels(counts[column]).nunique() >= 2:
                return column
        return None
    if adjust_for not in counts.columns:
        raise ParameterError(
            "The 'adjust_for' parameter must be None, 'auto' or a column of the 'counts' table "
            f"{sorted(map(str, counts.columns))}. Got {adjust_for!r} instead."
        )
    return adjust_for


def story_levels(values: pd.Series) -> pd.Series:
    """Story labels as strings, with empty values grouped as one level, ``NO_STORY``."""
    return values.astype("string").fillna(NO_STORY).astype(str)


def _note(problems: list[str], mask: pd.Series | np.ndarray, message: str) -> None:
    flags = np.asarray(mask, dtype=bool)
    if flags.any():
        labels: Sequence[object] = np.flatnonzero(flags)[:_SHOWN].tolist()
        total = int(flags.sum())
        problems.append(f"{total} row(s): {message} (row positions {list(labels)})")


def document_counts(
    measures: pd.DataFrame,
    documents: pd.DataFrame,
    selection: Sequence[tuple[str, str]],
    *,
    zone: str = "article",
) -> pd.DataFrame:
    """The counts table of an analysis: one row per in-scope document and selected measure.

    ``selection`` names ``(family, category)`` pairs of the ``measures`` table; their ``count``
    in ``zone`` becomes ``count`` and the article's words (``n_words`` of ``documents``) the
    exposure, ``measure`` reads ``"<family>/<category>"``. ``topic`` and ``event`` come from the
    documents table when it has them. Documents without words and documents out of scope
    (``in_scope`` False) are left out: a rate needs words, and outlet totals leave them out too.
    """
    require_columns(
        measures, ("doc_id", "zone", "family", "category", "measure", "value"), "measures"
    )
    require_columns(documents, ("doc_id", "outlet", "n_words"), "documents")
    wanted = pd.DataFrame(list(selection), columns=["family", "category"])
    rows = measures[(measures["zone"] == zone) & (measures["measure"] == "count")]
    rows = rows.merge(wanted, on=["family", "category"], how="inner")
    keep = [
        c for c in ("doc_id", "outlet", "n_words", "in_scope", *STORY_COLUMNS) if c in documents
    ]
    docs = documents[keep]
    if "in_scope" in docs.columns:
        docs = docs[docs["in_scope"].astype(bool)]
    docs = docs[docs["n_words"] > 0]
    joined = rows[["doc_id", "family", "category", "value"]].merge(docs, on="doc_id", how="inner")
    table = pd.DataFrame(
        {
            "doc_id": joined["doc_id"].astype(str),
            "outlet": joined["outlet"].astype(str),
            "measure": joined["family"].astype(str) + "/" + joined["category"].astype(str),
            "count": joined["value"].astype(float),
            "words": joined["n_words"].astype(float),
        }
    )
    for column in STORY_COLUMNS:
        if column in joined.columns and joined[column].notna().any():
            table[column] = joined[column].to_numpy()
    return table.sort_values(["measure", "outlet", "doc_id"], kind="stable").reset_index(drop=True)
