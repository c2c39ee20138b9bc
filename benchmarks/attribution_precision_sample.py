"""Print a fixed random sample of attributions from AllSides articles, to judge precision by hand.

Usage: python benchmarks/attribution_precision_sample.py [PATH] [--articles N] [--rows N]
[--seed S]

Draws ``--articles`` random articles (default 2,000) of ../shared/corpora/allsides-abp.jsonl.gz
with the seed, cleaned as ``toolkit analyze`` cleans them (the same draw as
``benchmarks/evidence_sample.py``; prints "skipped: ..." and exits 0 when the file is absent),
finds their attributions in headline and body as the pipeline's ``attributions`` table does, and
prints ``--rows`` (default 100) drawn with the same seed: number, doc_id, zone, offsets, source
type, source (resolved), mention (as written), cue, rule and the sentence with the cue in
<<...>> and the mention in [...], after the previous sentence when the source was resolved
there. A reader marks each row correct (a claim credited to that source by that cue) or not;
precision is correct / rows. Nothing is written to disk.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from evidence_sample import sample_articles

from toolkit.metrics.attribution import Attribution, default_actors, find_in_zones
from toolkit.metrics.attribution.cues import load_lexicon
from toolkit.metrics.base import HEADLINE, ArticleText
from toolkit.text import Segmented, Span

DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "allsides-abp.jsonl.gz"
)
SHOWN = 900
"""Characters of a sentence printed at most."""


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
    lexicon, actors = load_lexicon(), default_actors()
    found: list[tuple[str, str, Segmented, Attribution]] = []
    n_articles = 0
    for article in sample_articles(args.path, args.articles, random.Random(args.seed)):
        n_articles += 1
        text = ArticleText(article)
        for zone, attribution in find_in_zones(text, lexicon=lexicon, actors=actors):
            doc = text.headline if zone == HEADLINE else text.body
            found.append((article.doc_id, zone, doc, attribution))
    sample = random.Random(args.seed).sample(found, min(args.rows, len(found)))
    print(
        f"{len(found):,} attributions in {n_articles:,} articles; {len(sample)} sampled; "
        f"seed {args.seed}"
    )
    for number, (doc_id, zone, doc, a) in enumerate(sample, start=1):
        print(
            f"{number:3d}. {doc_id} {zone} {a.cue_start}-{a.cue_end} [{a.source_type}] "
            f"source={a.source!r} mention={a.mention!r} cue={a.cue!r} ({a.rule.split(':')[1]})"
        )
        index = doc.sentence_index(a.cue_start)
        if a.resolved and index > 0:
            print(f"     before: {_plain(doc.text, doc.sentences[index - 1])}")
        print(f"     {_marked(doc, index, a)}")
    return 0


def _plain(text: str, sentence: Span) -> str:
    return " ".join(text[sentence.start : sentence.end].split())[:SHOWN]


def _marked(doc: Segmented, index: int, a: Attribution) -> str:
    """The attribution's sentence (widened to its mention) with the cue and mention marked."""
    sentence = doc.sentences[index]
    left, right = sentence.start, sentence.end
    marks = [(a.cue_start, 1, "<<"), (a.cue_end, 0, ">>")]
    if a.mention_start >= 0:
        left, right = min(left, a.mention_start), max(right, a.mention_end)
        marks += [(a.mention_start, 1, "["), (a.mention_end, 0, "]")]
    pieces, position = [], left
    for offset, _, mark in sorted(marks):
        pieces += [doc.text[position:offset], mark]
        position = offset
    pieces.append(doc.text[position:right])
    return " ".join("".join(pieces).split())[:SHOWN]


if __name__ == "__main__":
    sys.exit(main())
