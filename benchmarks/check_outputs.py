"""Do the tables of ``toolkit analyze`` stay the same, value for value, after a change?

Usage (from the repository root, with the toolkit's environment)::

    .venv/bin/python benchmarks/check_outputs.py             # AllSides, 3,000, vs the merge base
    .venv/bin/python benchmarks/check_outputs.py CORPUS --limit 3000 --baseline 1ebdab5

Runs ``toolkit analyze`` twice on the first ``--limit`` articles of ``CORPUS`` (default: the
AllSides corpus at ``../shared/corpora/allsides-abp.jsonl.gz``; the script says so and stops
cleanly when it is absent): once with the package of the ``--baseline`` git revision (exported
with ``git archive`` into a temporary folder and put first on ``PYTHONPATH``, same environment),
once with the working tree, CSV included (``--csv``) whenever the working tree's command has that
option. The baseline's tables are cached in the temporary folder of the system under the
revision's commit id, so checking after each step of a change runs the baseline once.

Every table written by both is compared:

- Parquet: the same column names and Arrow types in the same order, the same number of rows,
  and every value equal in order; floats bit for bit (their 64-bit patterns, so NaN equals NaN
  only with the same bits and 0.0 differs from -0.0), nulls in the same places;
- CSV: byte for byte, where both runs wrote it;
- ``analysis.json``: equal as JSON.

Exit status 0 when everything is equal, 1 when something differs (every difference listed),
0 with a note when the corpus is absent.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = next(
    (
        folder / "shared" / "corpora" / "allsides-abp.jsonl.gz"
        for folder in ROOT.parents
        if (folder / "shared" / "corpora" / "allsides-abp.jsonl.gz").exists()
    ),
    ROOT.parent / "shared" / "corpora" / "allsides-abp.jsonl.gz",
)
"""``shared/corpora`` beside the repository (or beside a folder of worktrees holding it)."""


def main(argv: list[str] | None = None) -> int:
    """Compare the tables of the baseline revision and of the working tree."""
    args = _parser().parse_args(argv)
    corpus: Path = args.corpus
    if not corpus.exists():
        print(f"skipped: corpus {corpus} is absent")
        return 0
    revision = args.baseline or _git("merge-base", "HEAD", "main").strip()
    commit = _git("rev-parse", revision).strip()
    cache = Path(tempfile.gettempdir()) / f"toolkit-check-{commit[:12]}-{args.limit}"
    cache.mkdir(exist_ok=True)
    sliced = cache / "corpus.jsonl"
    if not sliced.exists():
        _slice(corpus, args.limit, sliced)
    baseline = cache / "tables"
    if not (baseline / "analysis.json").exists():
        source = cache / "source"
        shutil.rmtree(source, ignore_errors=True)
        source.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "toolkit"], capture_output=True, check=True
        )
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
        print(f"baseline {commit[:12]}: toolkit analyze on {args.limit} articles ...", flush=True)
        _analyze(sliced, baseline, pythonpath=source, csv=False)
    with tempfile.TemporaryDirectory(prefix="toolkit-check-") as scratch:
        current = Path(scratch) / "tables"
        print("working tree: toolkit analyze ...", flush=True)
        _analyze(sliced, current, pythonpath=ROOT, csv=_has_csv_option())
        problems = compare_folders(baseline, current)
    if problems:
        print(f"DIFFERENT from {commit[:12]} ({len(problems)} problems):")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"EQUAL: every table of {args.limit} articles matches {commit[:12]} value for value")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=3000, help="articles (default 3,000)")
    parser.add_argument(
        "--baseline", help="git revision (default: where this branch left main, the merge base)"
    )
    return parser


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout


def _slice(corpus: Path, limit: int, target: Path) -> None:
    import gzip

    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as source:  # type: ignore[operator]
        lines = list(itertools.islice(source, limit))
    target.write_text("".join(lines), encoding="utf-8")


def _has_csv_option() -> bool:
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "analyze", "--help"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return "--csv" in run.stdout


def _analyze(corpus: Path, out: Path, *, pythonpath: Path, csv: bool) -> None:
    command = [sys.executable, "-m", "toolkit", "analyze", str(corpus), "--out", str(out)]
    command += ["--on-error", "skip", "--force"]
    if csv:
        command.append("--csv")
    environment = {**os.environ, "PYTHONPATH": str(pythonpath)}
    subprocess.run(command, check=True, env=environment, cwd=pythonpath, capture_output=True)


def compare_folders(expected: Path, actual: Path) -> list[str]:
    """Every difference between two analysis folders (an empty list when they are equal)."""
    problems: list[str] = []
    tables = sorted(path.stem for path in expected.glob("*.parquet"))
    mine = sorted(path.stem for path in actual.glob("*.parquet"))
    if tables != mine:
        problems.append(f"tables differ: {tables} vs {mine}")
    for name in sorted(set(tables) & set(mine)):
        problems += _compare_parquet(expected / f"{name}.parquet", actual / f"{name}.parquet")
        csv_expected, csv_actual = expected / f"{name}.csv", actual / f"{name}.csv"
        both = csv_expected.exists() and csv_actual.exists()
        if both and csv_expected.read_bytes() != csv_actual.read_bytes():
            problems.append(f"{name}.csv: bytes differ")
    metadata = [json.loads((folder / "analysis.json").read_text()) for folder in (expected, actual)]
    if metadata[0] != metadata[1]:
        problems.append("analysis.json differs")
    return problems


def _compare_parquet(expected: Path, actual: Path) -> list[str]:
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    left, right = pq.read_table(expected), pq.read_table(actual)
    name = expected.name
    if left.schema.remove_metadata() != right.schema.remove_metadata():
        return [
            f"{name}: schema {left.schema.remove_metadata()} vs {right.schema.remove_metadata()}"
        ]
    if left.num_rows != right.num_rows:
        return [f"{name}: {left.num_rows} rows vs {right.num_rows}"]
    problems = []
    for column in left.column_names:
        a, b = left[column].combine_chunks(), right[column].combine_chunks()
        if not a.is_null().equals(b.is_null()):
            problems.append(f"{name}.{column}: nulls in other places")
            continue
        if pa.types.is_floating(a.type):
            bits_a = np.asarray(a.fill_null(0.0)).view(np.int64)
            bits_b = np.asarray(b.fill_null(0.0)).view(np.int64)
            different = np.flatnonzero(bits_a != bits_b)
        else:
            different = np.flatnonzero(~np.asarray(pc.equal(a, b).fill_null(True)))
        if len(different):
            row = int(different[0])
            problems.append(
                f"{name}.{column}: {len(different)} values differ, first at row {row}: "
                f"{a[row].as_py()!r} vs {b[row].as_py()!r}"
            )
    return problems


if __name__ == "__main__":
    raise SystemExit(main())
