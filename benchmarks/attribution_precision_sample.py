"""Print a fixed random sample of attributions from AllSides articles, to judge precision by hand.

Usage: python benchmarks/attribution_precision_sample.py [PATH] [--articles N] [--rows N]
[--seed S]

Reads the first N articles (default 2,000) of ../shared/corpora/allsides-abp.jsonl.gz (prints
"skipped: ..." and exits 0 when absent), extracts their attributions, and prints ``--rows``
(default 100) drawn with a fixed seed: number, source type, source, mention, cue, rule and the
sentence. A reader marks each row correct (a claim credited to that source by that cue) or not;
precision is correct / rows. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import random
import sys
from pathlib import Path

from toolkit.metrics.attribution.cues import load_lexicon
from toolkit.metrics.attribution.extract import find_attributions
from toolkit.text import segment

DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "allsides-abp.jsonl.gz"
)


def main(argv: list[str] | None = None) -> int:
    """Print the sample; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=100)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"skipped: {args.path} not found")
        return 0
    lexicon = load_lexicon()
    found = []
    with gzip.open(args.path, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, args.articles):
            text = json.loads(line)["text"]
            doc = segment(text)
            for a in find_attributions(text, doc, "", lexicon):
                sentence = doc.sentences[doc.sentence_index(a.cue_start)]
                found.append((a, " ".join(text[sentence.start : sentence.end].split())))
    sample = random.Random(args.seed).sample(found, min(args.rows, len(found)))
    print(f"{len(found):,} attributions in {args.articles:,} articles; {len(sample)} sampled")
    for number, (a, sentence) in enumerate(sample, start=1):
        print(
            f"{number:3d}. [{a.source_type}] source={a.source!r} mention={a.mention!r} "
            f"cue={a.cue!r} ({a.rule.split(':')[1]})\n     {sentence[:400]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
