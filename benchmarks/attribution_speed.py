"""Attribution extraction speed, in words per second on one core, on the AllSides corpus.

Usage: python benchmarks/attribution_speed.py [PATH] [--limit N]

PATH defaults to ../shared/corpora/allsides-abp.jsonl.gz beside the repository; the script
prints "skipped: ..." and exits 0 when it is absent. Texts are segmented first (sentences and
words, shared by every metric family) and that time is reported apart from the extraction time
(``find_attributions``), which is what the goal (>= 150,000 words/s) is about. Runs in one
process, i.e. on one core.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import sys
import time
from pathlib import Path

from toolkit.metrics.attribution.actors import default_actors
from toolkit.metrics.attribution.cues import load_lexicon
from toolkit.metrics.attribution.extract import find_attributions
from toolkit.text import segment

DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "allsides-abp.jsonl.gz"
)


def main(argv: list[str] | None = None) -> int:
    """Measure and print words per second; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=3000, help="articles to read (default 3000)")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"skipped: {args.path} not found")
        return 0
    with gzip.open(args.path, "rt", encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in itertools.islice(handle, args.limit)]
    lexicon, actors = load_lexicon(), default_actors()
    find_attributions("Warm-up, officials said.", segment("Warm-up, officials said."), "", lexicon)
    started = time.perf_counter()
    docs = [segment(text) for text in texts]
    segmenting = time.perf_counter() - started
    words = sum(doc.n_words for doc in docs)
    started = time.perf_counter()
    found = sum(
        len(find_attributions(text, doc, str(i), lexicon, actors))
        for i, (text, doc) in enumerate(zip(texts, docs, strict=True))
    )
    extracting = time.perf_counter() - started
    print(f"{len(texts)} articles, {words:,} words, {found:,} attributions")
    print(f"extraction:             {words / extracting:>12,.0f} words/s ({extracting:.2f} s)")
    print(f"segmentation:           {words / segmenting:>12,.0f} words/s ({segmenting:.2f} s)")
    total = extracting + segmenting
    print(f"segmentation+extraction {words / total:>12,.0f} words/s ({total:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
