"""Read analysis tables lazily: only the columns and rows asked for.

Tables are Parquet files (one row group per written chunk), so a filter on ``outlet`` or
``doc_id`` reads only what it needs (https://arrow.apache.org/docs/python/dataset.html).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow.dataset as ds

from toolkit.errors import ParameterError
from toolkit.pipeline.tables import table_names


def table_path(folder: str | os.PathLike[str], name: str) -> Path:
    """The Parquet file of table ``name`` in an analysis folder (it must exist)."""
    names = table_names()
    if name not in names:
        raise ParameterError(
            f"The 'name' parameter must be one of {list(names)}. Got {name!r} instead."
        )
    path = Path(folder) / f"{name}.parquet"
    if not path.is_file():
        raise ParameterError(
            f"{path} does not exist. Create the folder with `toolkit analyze CORPUS --out FOLDER`."
        )
    return path


def open_table(folder: str | os.PathLike[str], name: str) -> ds.Dataset:
    """A ``pyarrow.dataset.Dataset`` over one table: nothing is read until asked."""
    return ds.dataset(table_path(folder, name), format="parquet")


def read_table(
    folder: str | os.PathLike[str],
    name: str,
    *,
    columns: Sequence[str] | None = None,
    filters: Any = None,
) -> pd.DataFrame:
    """Read some columns and rows of one table into pandas.

    ``filters`` is a pyarrow expression (``pyarrow.dataset.field("outlet") == "MENAFN"``) or
    the list-of-tuples form ``[("outlet", "==", "MENAFN")]``; an ``in`` filter with no values
    selects no rows. Rows come in written order.
    """
    path = table_path(folder, name)
    chosen = None if columns is None else list(columns)
    if isinstance(filters, list) and any(_selects_nothing(condition) for condition in filters):
        empty: pd.DataFrame = ds.dataset(path, format="parquet").schema.empty_table().to_pandas()
        return empty if chosen is None else empty[chosen]
    return pd.read_parquet(path, columns=chosen, filters=filters)


def _selects_nothing(condition: object) -> bool:
    """True for a list-of-tuples filter ``(column, "in", [])`` (pyarrow cannot type it)."""
    return (
        isinstance(condition, tuple)
        and len(condition) == 3
        and condition[1] == "in"
        and len(condition[2]) == 0
    )
