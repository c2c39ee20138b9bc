"""Run the per-article analysis at scale: in batches, on one core, on N processes or on Dask.

Public API::

    from toolkit.engine import analyze_to_folder, open_table, read_table
    summary = analyze_to_folder("stories.jsonl.gz", "tables/", jobs=2)   # streams, flat memory
    evidence = read_table("tables/", "evidence", filters=[("outlet", "==", "MENAFN")])

``toolkit.analyze(corpus, jobs=N, client=...)`` uses the same executors for in-memory tables.
"""

from __future__ import annotations

from toolkit.engine.executors import Executor, make_executor
from toolkit.engine.folder import AnalysisSummary, analyze_to_folder
from toolkit.engine.lazy import open_table, read_table

__all__ = [
    "AnalysisSummary",
    "Executor",
    "analyze_to_folder",
    "make_executor",
    "open_table",
    "read_table",
]
