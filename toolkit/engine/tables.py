"""Write analysis tables chunk by chunk: one Parquet row group (and CSV rows, if asked) per chunk.

Memory holds one chunk at a time, whatever the corpus size. Every chunk of a table is cast to
the schema of the table's first chunk; a column that was empty (all null) there is taken to be
text, which is what every optional column of the tables holds.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Self

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from toolkit.errors import ToolkitError


def csv_rows(frame: pd.DataFrame) -> str:
    """The rows of ``frame`` as CSV text, without the header ("" for an empty frame)."""
    if frame.empty:
        return ""
    return frame.to_csv(index=False, header=False, lineterminator="\n")


def csv_header(frame: pd.DataFrame) -> str:
    """The CSV header line of ``frame``, as pandas writes it."""
    return frame.head(0).to_csv(index=False, lineterminator="\n")


class _TableFile:
    def __init__(self, folder: Path, name: str, *, with_csv: bool) -> None:
        self.parquet_path = folder / f"{name}.parquet"
        self.csv_path = folder / f"{name}.csv"
        self.with_csv = with_csv
        self.writer: pq.ParquetWriter | None = None
        self.schema: pa.Schema | None = None

    def write(self, frame: pd.DataFrame, csv: str | None) -> None:
        first = self.writer is None
        if self.writer is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            self.schema = pa.schema(
                [
                    field.with_type(pa.string()) if pa.types.is_null(field.type) else field
                    for field in table.schema
                ],
                metadata=table.schema.metadata,
            )
            self.writer = pq.ParquetWriter(self.parquet_path, self.schema)
        else:
            assert self.schema is not None
            if list(frame.columns) != self.schema.names:
                raise ToolkitError(
                    f"{self.parquet_path.name}: a chunk has columns {list(frame.columns)}, the "
                    f"first chunk had {self.schema.names}; every article must give the same "
                    "columns."
                )
        if self.with_csv:
            rows = csv_rows(frame) if csv is None else csv
            if first:
                self.csv_path.write_text(csv_header(frame) + rows, encoding="utf-8", newline="")
            else:
                with self.csv_path.open("a", encoding="utf-8", newline="") as handle:
                    handle.write(rows)
        self.writer.write_table(
            pa.Table.from_pandas(frame, schema=self.schema, preserve_index=False)
        )

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


class ChunkWriter:
    """Appends chunks of tables to ``<folder>/<name>.parquet`` (and ``<name>.csv`` with ``csv``).

    ``write(name, frame)`` adds a chunk; empty frames are held back, and a table that only ever
    got empty frames is written from the last one at ``close`` (header only).
    """

    def __init__(self, folder: Path, *, csv: bool = True) -> None:
        self.folder = folder
        self.csv = csv
        self._files: dict[str, _TableFile] = {}
        self._empty: dict[str, pd.DataFrame] = {}

    def write(self, name: str, frame: pd.DataFrame, csv: str | None = None) -> None:
        """Append ``frame`` as one chunk (row group) of table ``name``.

        ``csv`` is the frame's rows already rendered by ``csv_rows`` (by a
        worker); without it the rows are rendered here, when the writer writes CSV.
        """
        if frame.empty:
            self._empty[name] = frame
            return
        if name not in self._files:
            self._files[name] = _TableFile(self.folder, name, with_csv=self.csv)
        self._files[name].write(frame, csv)

    def close(self) -> list[Path]:
        """Finish every file; return the files written."""
        written: list[Path] = []
        for name, frame in self._empty.items():
            if name not in self._files:
                csv_path = self.folder / f"{name}.csv"
                parquet_path = self.folder / f"{name}.parquet"
                if self.csv:
                    frame.to_csv(csv_path, index=False, lineterminator="\n")
                    written.append(csv_path)
                frame.to_parquet(parquet_path, index=False)
                written.append(parquet_path)
        for table in self._files.values():
            table.close()
            written += [table.csv_path, table.parquet_path] if self.csv else [table.parquet_path]
        return written

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for table in self._files.values():
            table.close()
