"""Where the pipeline runs and how its tables are stored: executors, chunked files, lazy reads.

Public API::

    from toolkit.engine import make_executor, open_table, read_table
    evidence = read_table("tables/", "evidence", filters=[("outlet", "==", "MENAFN")])

``toolkit.analyze`` and ``toolkit.analyze_to_folder`` run the pipeline (``toolkit.pipeline``)
on these executors: this process, N processes, or a Dask cluster.
"""

from __future__ import annotations

from toolkit.engine.executors import Executor, make_executor
from toolkit.engine.lazy import open_table, read_table

__all__ = ["Executor", "make_executor", "open_table", "read_table"]
