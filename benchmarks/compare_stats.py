"""Time the outlet statistics (rates with intervals, outlet differences, summary) at scale.

Usage::

    .venv/bin/python benchmarks/compare_stats.py synthetic [--outlets 50] [--docs 700]
        [--measures 30] [--topics 108]
    .venv/bin/python benchmarks/compare_stats.py allsides [PATH] [--outlets 46] [--limit 3000]
        [--save counts.parquet]
    .venv/bin/python benchmarks/compare_stats.py counts counts.parquet

``synthetic`` builds a per-document counts table of ``outlets`` x ``docs`` articles and
``measures`` measures (overdispersed counts, rates from 0.03 to 10 per 1,000 words, so sparse
measures leave some outlets without a hit, and a topic column with topic effects), the shape
of AllSides' 46 largest outlets (33,821 articles, 108 topics). ``allsides`` analyses the first
``limit`` articles of the ``outlets`` largest AllSides outlets with ``toolkit.analyze`` (one
process) and takes the headline measures' counts from the documents table, topics from the
corpus; PATH defaults to ``../shared/corpora/allsides-abp.jsonl.gz`` beside the project, and
the script says so and exits 0 when it is absent; ``--save`` writes the counts table to
Parquet, and ``counts`` times the statistics alone on such a file (so that the peak memory
is the statistics', not the analysis's). Prints one line per step (seconds, rows) and
the peak resident memory; run it under ``/usr/bin/time -v`` for the process's own figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import numpy as np
import pandas as pd

from toolkit.compare import outlet_differences, outlet_rates, summary_sentences

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "allsides-abp.jsonl.gz"
HEADLINE_FAMILIES = ("framing_", "policy_", "conflict_")
HEADLINE_MEASURES = (
    "hedging_hedges",
    "hedging_boosters",
    "attribution_attributions",
    "attribution_anonymous",
    "attribution_named",
)
T = TypeVar("T")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="source", required=True)
    synthetic = sub.add_parser("synthetic", help="a generated counts table")
    synthetic.add_argument("--outlets", type=int, default=50)
    synthetic.add_argument("--docs", type=int, default=700, help="articles per outlet")
    synthetic.add_argument("--measures", type=int, default=30)
    synthetic.add_argument("--topics", type=int, default=108)
    allsides = sub.add_parser("allsides", help="counts of real AllSides articles")
    allsides.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    allsides.add_argument("--outlets", type=int, default=46, help="how many largest outlets")
    allsides.add_argument("--limit", type=int, default=3000, help="articles analysed (0: all)")
    allsides.add_argument("--save", type=Path, help="write the counts table here (Parquet)")
    saved = sub.add_parser("counts", help="a counts table saved with allsides --save")
    saved.add_argument("path", type=Path)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.source == "synthetic":
        counts = _timed(
            "synthetic counts",
            lambda: synthetic_counts(args.outlets, args.docs, args.measures, args.topics),
        )
    elif args.source == "counts":
        counts = _timed("read counts", lambda: pd.read_parquet(args.path))
    else:
        if not args.path.exists():
            print(
                f"skipped: {args.path} not found (the AllSides corpus lives in ../shared/corpora)"
            )
            return 0
        counts = _timed("analyse and count", lambda: allsides_counts(args.path, args))
        if args.save:
            counts.to_parquet(args.save, index=False)
    print(
        f"{counts['doc_id'].nunique():,} articles, {counts['outlet'].nunique()} outlets, "
        f"{counts['measure'].nunique()} measures, {counts['topic'].nunique()} topics, "
        f"{len(counts):,} rows"
    )
    rates = _timed("outlet_rates", lambda: outlet_rates(counts))
    print(f"  methods: {rates['method'].value_counts().to_dict()}")
    differences = _timed("outlet_differences (topic)", lambda: outlet_differences(counts))
    print(
        f"  tests: {differences['test'].value_counts().to_dict()}; significant after Holm: "
        f"{int(differences['significant_holm'].sum()):,}"
    )
    _timed(
        "outlet_differences (no adjustment)", lambda: outlet_differences(counts, adjust_for=None)
    )
    sentences = _timed("summary_sentences", lambda: summary_sentences(differences))
    print("  " + (sentences[0] if sentences else "(no sentence)"))
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"total {total:.1f} s, peak memory {peak:,.0f} MiB")
    return 0


def synthetic_counts(outlets: int, docs: int, measures: int, topics: int) -> pd.DataFrame:
    """A counts table like an analysis of ``outlets`` x ``docs`` articles (seeded)."""
    rng = np.random.default_rng(20240414)
    n_docs = outlets * docs
    outlet = np.repeat([f"Outlet {i:03d}" for i in range(outlets)], docs)
    topic_index = rng.integers(0, topics, n_docs)
    words = rng.integers(150, 1500, n_docs).astype(float)
    frames = []
    for index in range(measures):
        base = 10 ** rng.uniform(-1.5, 1.0) / 1000  # per word
        outlet_effect = np.exp(rng.normal(0, 0.3, outlets)).repeat(docs)
        topic_effect = np.exp(rng.normal(0, 0.5, topics))[topic_index]
        article_effect = rng.gamma(2.0, 0.5, n_docs)  # overdispersion between articles
        mean = words * base * outlet_effect * topic_effect * article_effect
        frames.append(
            pd.DataFrame(
                {
                    "doc_id": [f"d{i:06d}" for i in range(n_docs)],
                    "outlet": outlet,
                    "measure": f"family/measure_{index:02d}",
                    "count": rng.poisson(mean).astype(float),
                    "words": words,
                    "topic": [f"topic_{t:03d}" for t in topic_index],
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def allsides_counts(path: Path, args: argparse.Namespace) -> pd.DataFrame:
    """Headline measures' counts of the first ``args.limit`` articles of the largest outlets."""
    from toolkit import analyze
    from toolkit.corpus import load_corpus

    corpus = load_corpus(path, on_error="skip")
    sizes = pd.Series([a.outlet for a in corpus.articles]).value_counts()
    chosen = set(
        sizes.sort_index().sort_values(ascending=False, kind="stable").index[: args.outlets]
    )
    articles = [a for a in corpus.articles if a.outlet in chosen]
    if args.limit:
        articles = articles[: args.limit]
    from toolkit.notebook.views import wide

    analysis = analyze(articles)
    documents = wide(analysis.measures).merge(analysis.documents[["doc_id", "outlet"]])
    topics = _topics(path)
    columns = [
        c
        for c in documents.columns
        if c.endswith("_count")
        and (c.removesuffix("_count") in HEADLINE_MEASURES or c.startswith(HEADLINE_FAMILIES))
    ]
    long = documents.melt(
        id_vars=["doc_id", "outlet", "n_words"], value_vars=columns, var_name="measure"
    )
    return pd.DataFrame(
        {
            "doc_id": long["doc_id"],
            "outlet": long["outlet"],
            "measure": long["measure"].str.removesuffix("_count").str.replace("_", "/", n=1),
            "count": long["value"].astype(float),
            "words": long["n_words"].astype(float),
            "topic": long["doc_id"].map(topics),
        }
    )


def _topics(path: Path) -> dict[str, str]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return {
            str(record["id"]): str(record.get("topic"))
            for record in map(json.loads, lines)
            if record.get("topic")
        }


def _timed(label: str, step: Callable[[], T]) -> T:
    began = time.perf_counter()
    result = step()
    rows = f"{len(result):>10,} rows" if hasattr(result, "__len__") else ""
    print(f"{label:<38} {time.perf_counter() - began:8.1f} s {rows}", flush=True)
    return result


if __name__ == "__main__":
    sys.exit(main())
