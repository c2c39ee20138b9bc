"""Random evidence rows of the lexicon families on real articles, to judge precision by reading.

Usage (from the repository root, with the toolkit's environment)::

    .venv/bin/python benchmarks/evidence_sample.py [PATH] [--articles 2000] [--rows 100]
        [--seed 2024] [--family hedging ...] [--negated] [--rule hedging:passive_reporting]
        [--counts]

PATH defaults to ``../shared/corpora/allsides-abp.jsonl.gz`` beside the repository (AllSides,
Baly et al. 2020); the script prints "skipped: ..." and exits 0 when it is absent. It draws
``--articles`` articles at random (reservoir sampling with ``--seed``; 0 reads every article),
runs each family's built-in codebook over the article text and prints ``--rows`` random
evidence rows per family (again reservoir sampling, one seeded generator per family, so a
family's sample does not depend on which other families are asked for). Each row shows its
sentence with the matched words in [brackets] and, when the match is in the scope of a negation
or rejection cue (``toolkit.metrics.negation``), the cue in {braces} and the cue's rule.

Which rows a family has: hedging, its kept matches plus the negated hedges (matches rejected by
the ``not_negated`` guard, shown as ``negated_hedge``); every other family, its kept matches,
each marked negated or not (entries with ``negatable: false`` are never negated). Hedges are
read with the reach ``"predicate"`` that the ``not_negated`` guard uses, every other family with
the default reach ``"complement"``. ``--negated``
samples only negated rows; ``--rule`` only rows of one codebook rule (``codebook:entry``);
``--counts`` also prints, per family, how many rows there were and how many are negated, by
negation rule.

The rows are for a person to read and judge; the script computes no precision itself. The drawn
articles pass through a temporary file that is removed at the end; no article text is kept.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "allsides-abp.jsonl.gz"
)
FAMILIES = ("hedging", "framing", "policy", "conflict", "labels", "salience")
NEGATED_HEDGE = "negated_hedge"


@dataclass(frozen=True, slots=True)
class Row:
    """One evidence row with what a reader needs to judge it."""

    family: str
    category: str
    rule: str
    outlet: str
    doc_id: str
    start: int
    end: int
    shown: str  # the sentence with [match] and {negation cue}
    negation: str  # the negation rule, "" when not negated


def main(argv: list[str] | None = None) -> int:
    """Print the sampled rows (and counts); return the exit status."""
    args = _parser().parse_args(argv)
    if not args.path.is_file():
        print(f"skipped: {args.path} not found")
        return 0
    families = tuple(args.family or FAMILIES)
    samplers = {
        family: _Reservoir(args.rows, random.Random(f"{args.seed}:{family}")) for family in families
    }
    counts: dict[str, Counter[str]] = {family: Counter() for family in families}
    articles = _sample_articles(args.path, args.articles, random.Random(args.seed))
    n_articles = 0
    for article in articles:
        n_articles += 1
        for row in _rows(article, families):
            if args.rule and row.rule != args.rule:
                continue
            counts[row.family]["rows"] += 1
            if row.negation:
                counts[row.family]["negated"] += 1
                counts[row.family][row.negation] += 1
            if args.negated and not row.negation:
                continue
            samplers[row.family].offer(row)
    print(f"# {n_articles} articles from {args.path.name}, seed {args.seed}")
    for family in families:
        rows = samplers[family].items
        print(f"\n## {family}: {len(rows)} rows sampled of {counts[family]['rows']}")
        if args.counts:
            _print_counts(counts[family])
        for number, row in enumerate(sorted(rows, key=lambda r: (r.doc_id, r.start)), 1):
            negated = f"  NEG {row.negation}" if row.negation else ""
            print(
                f"{number:3d}. {row.category} | {row.rule}{negated} | {row.outlet} | "
                f"{row.doc_id}:{row.start}-{row.end}\n     {row.shown}"
            )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument(
        "--articles", type=int, default=2000, help="articles drawn at random (0: all)"
    )
    parser.add_argument("--rows", type=int, default=100, help="rows per family (default 100)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--family", action="append", choices=FAMILIES, help="repeatable")
    parser.add_argument("--negated", action="store_true", help="only negated rows")
    parser.add_argument("--rule", help="only rows of this rule, e.g. hedging:may")
    parser.add_argument("--counts", action="store_true", help="print row and negation counts")
    return parser


class _Reservoir:
    """A uniform random sample of at most ``size`` items of a stream (Vitter's algorithm R)."""

    def __init__(self, size: int, rng: random.Random) -> None:
        self.size = size
        self.rng = rng
        self.items: list[Any] = []
        self.seen = 0

    def offer(self, item: Any) -> None:
        self.seen += 1
        if len(self.items) < self.size:
            self.items.append(item)
            return
        slot = self.rng.randrange(self.seen)
        if slot < self.size:
            self.items[slot] = item


def _sample_articles(path: Path, n: int, rng: random.Random) -> Iterator[Any]:
    """``n`` random articles of the JSONL corpus at ``path`` (all when ``n`` <= 0), cleaned.

    The lines are drawn before the toolkit reads them (cleaning every article of a large corpus
    to keep a few would take most of the run): the drawn lines go to a temporary file, which
    ``stream_articles`` reads and cleans as ``toolkit analyze`` would.
    """
    from toolkit.corpus.stream import stream_articles

    if n <= 0:
        yield from stream_articles(path)
        return
    sample = _Reservoir(n, rng)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as lines:
        for line in lines:
            if line.strip():
                sample.offer(line)
    with tempfile.TemporaryDirectory(prefix="evidence-sample-") as scratch:
        drawn = Path(scratch) / "sample.jsonl"
        drawn.write_bytes(b"".join(line.rstrip(b"\n") + b"\n" for line in sample.items))
        yield from stream_articles(drawn)


def _print_counts(counts: Counter[str]) -> None:
    rows, negated = counts["rows"], counts["negated"]
    share = f" ({negated / rows:.1%})" if rows else ""
    print(f"   rows {rows}, negated {negated}{share}")
    for rule, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if rule not in ("rows", "negated"):
            print(f"     {rule}: {count}")


def _rows(article: Any, families: tuple[str, ...]) -> Iterator[Row]:
    from toolkit.codebooks import default_codebook
    from toolkit.metrics.lexicon import find_matches
    from toolkit.text import segment

    try:
        from toolkit.metrics.negation import scan_negations
    except ImportError:  # an older toolkit, for a before/after comparison
        scan_negations = None
    doc = segment(article.text)
    negations = scan_negations(doc.text) if scan_negations is not None else None
    for family in families:
        codebook = default_codebook(family)
        for match in find_matches(codebook, doc):
            negation = None
            if family == "hedging":
                if match.rejected_by == "not_negated":
                    category = NEGATED_HEDGE
                    negation = (
                        negations.find(match.start, match.end, reach="predicate")
                        if negations
                        else None
                    )
                elif match.kept:
                    category = match.category
                else:
                    continue
            elif match.kept:
                category = match.category
                _, entry = codebook.entry(match.entry_id)
                if negations is not None and getattr(entry, "negatable", True):
                    negation = negations.find(match.start, match.end)
            else:
                continue
            yield Row(
                family=family,
                category=category,
                rule=match.rule,
                outlet=article.outlet,
                doc_id=article.doc_id,
                start=match.start,
                end=match.end,
                shown=_shown(doc, match.start, match.end, negation),
                negation=negation.rule if negation is not None else "",
            )


def _shown(doc: Any, start: int, end: int, negation: Any) -> str:
    """The sentence of ``start`` with the match in [brackets] and the negation cue in {braces}."""
    span = doc.sentences[doc.sentence_index(start)] if doc.sentences else None
    left, right = (span.start, span.end) if span is not None else (0, len(doc.text))
    marks = [(start, "["), (end, "]")]
    if negation is not None:
        marks += [(negation.start, "{"), (negation.end, "}")]
        left, right = min(left, negation.start), max(right, negation.end)
    text = doc.text
    pieces: list[str] = []
    position = left
    for offset, mark in sorted(marks):
        pieces += [text[position:offset], mark]
        position = offset
    pieces.append(text[position:right])
    return " ".join("".join(pieces).split())


if __name__ == "__main__":
    sys.exit(main())
