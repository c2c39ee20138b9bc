"""Time the comparison across outlets on the AllSides corpus's largest outlets.

Usage::

    .venv/bin/python benchmarks/compare_scale.py [PATH] [--outlets 46] [--limit N]

PATH defaults to ``../shared/corpora/allsides-abp.jsonl.gz`` beside the project; when the file
is absent the script says so and exits 0. Prints one line per step (seconds, rows) and the
total. Rates with intervals and pairwise tests run on mention rates per 1,000 words from the
coverage table (people, places, organisations, figures, dates), so no metric analysis is
needed. Text reuse looks for copied (wire) text: word-trigram shingles, Jaccard >= 0.5. The
report's default, content words at Jaccard >= 0.3 (paraphrase), is meant for one story's
coverage: across a whole corpus of unrelated stories, sentences that merely share common words
make too many candidate pairs.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd

from toolkit.compare import (
    ReuseSettings,
    aligned_sentences,
    coverage_items,
    coverage_matrix,
    log_odds,
    missing_items,
    pairwise_differences,
    rate_intervals,
    reuse_matrix,
    reuse_shares,
    sentence_table,
    term_counts,
    texts_table,
    unique_items,
)
from toolkit.corpus import load_corpus

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "allsides-abp.jsonl.gz"
T = TypeVar("T")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--outlets", type=int, default=46, help="how many of the largest outlets")
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles (0: all)")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"skipped: {args.path} not found (the AllSides corpus lives in ../shared/corpora)")
        return 0
    start = time.perf_counter()

    corpus = _timed("load corpus", lambda: load_corpus(args.path, on_error="skip"))
    texts = texts_table(corpus.articles)
    largest = (
        texts["outlet"].value_counts().sort_index().sort_values(ascending=False, kind="stable")
    )
    chosen = sorted(largest.index[: args.outlets])
    texts = texts[texts["outlet"].isin(chosen)].reset_index(drop=True)
    if args.limit:
        texts = texts.head(args.limit)
    print(
        f"{len(texts):,} articles from {texts['outlet'].nunique()} outlets, "
        f"{int(texts['text'].str.len().sum()):,} characters"
    )
    sentences = _timed("sentences", lambda: sentence_table(texts))
    counts = _timed("term counts (1-2 grams)", lambda: term_counts(texts, min_count=5))
    _timed("log-odds one vs rest", lambda: log_odds(counts, top=20))
    _timed(
        "log-odds pairwise (all ordered pairs)",
        lambda: log_odds(counts, comparison="pairwise", top=10),
    )
    items = _timed("coverage items", lambda: coverage_items(texts, sentences))
    _timed("coverage matrix", lambda: coverage_matrix(items, min_outlets=2))
    _timed("unique items", lambda: unique_items(items))
    _timed("missing items", lambda: missing_items(items))
    wire = ReuseSettings(shingle=3, threshold=0.5)  # copied text; see the module docstring
    aligned = _timed(
        "reuse: aligned sentences (MinHash LSH)", lambda: aligned_sentences(sentences, wire)
    )
    _timed("reuse matrix", lambda: reuse_matrix(sentences, aligned))
    shares = _timed("reuse shares", lambda: reuse_shares(sentences, aligned))
    units = _mention_units(items, sentences)
    measures = ["person", "place", "organisation", "figure", "date"]
    intervals = _timed("rate intervals (bootstrap)", lambda: rate_intervals(units, measures))
    _timed("pairwise differences", lambda: pairwise_differences(intervals))

    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"median reused share per outlet: {shares['share'].median():.3f}")
    print(f"total {total:.1f} s, peak memory {peak:,.0f} MiB")
    return 0


def _timed(label: str, step: Callable[[], T]) -> T:
    began = time.perf_counter()
    result = step()
    rows = f"{len(result):>10,} rows" if hasattr(result, "__len__") else ""
    print(f"{label:<42} {time.perf_counter() - began:8.1f} s {rows}", flush=True)
    return result


def _mention_units(items: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per article: outlet, doc_id, unit, n_words and mentions of each kind."""
    words = sentences.groupby(["outlet", "doc_id"])["n_words"].sum()
    mentions = items.groupby(["outlet", "doc_id", "kind"]).size().unstack("kind", fill_value=0)
    table = pd.DataFrame({"n_words": words}).join(mentions, how="left").fillna(0)
    table["unit"] = "articles"
    return table.reset_index()


if __name__ == "__main__":
    sys.exit(main())
