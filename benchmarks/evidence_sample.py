"""Random evidence rows of the lexicon families on real articles, to judge precision by reading.

Usage (from the repository root, with the toolkit's environment)::

    .venv/bin/python benchmarks/evidence_sample.py [PATH] [--articles 2000] [--rows 100]
        [--seed 2024] [--family hedging ...] [--negated] [--rule hedging:passive_reporting]
        [--counts] [--topic middle_east ...]

PATH defaults to ``../shared/corpora/allsides-abp.jsonl.gz`` beside the repository (AllSides,
Baly et al. 2020; from a worktree give the path); the script prints "skipped: ..." and exits 0
when it is absent. It draws
``--articles`` articles at random (reservoir sampling with ``--seed``; 0 reads every article),
measures each with ``toolkit.pipeline.measure.measure_article`` and the built-in codebooks (what
``toolkit analyze`` does, headline included) and prints ``--rows`` random rows of the
``evidence`` table per group (again reservoir sampling, one seeded generator per group, so a
group's sample does not depend on which other groups are asked for). Each row shows its sentence
(the headline for a headline row, marked ``HEADLINE``) with the matched words in [brackets] and,
for a negated row, the negation or rejection cue (``toolkit.metrics.negation``) in {braces} and
the cue's rule.

Groups: ``hedging``, ``framing``, ``policy``, ``conflict``, ``labels``, ``attribution`` and
``tone`` are the evidence rows of those families (an attribution gives two rows: its cue,
category ``cue/<stance>``, and its source when named, category = source type); the salience
family is split into ``salience`` (actor mentions, category ``<actor>``) and ``roles`` (agent
and target readings, ``<actor>:agent``, ``<actor>:target``, spanning the actor and the action
words). Negated rows are hedges rejected
by the ``not_negated`` guard (cue found with reach ``"predicate"``), frame and label terms in a
negation scope (reach ``"complement"``) and roles whose action is negated (the cue is looked for
before the action, the role's first or last word). ``--negated`` samples only negated rows;
``--rule`` only rows of one rule (``codebook:entry``; for roles ``actors:<actor>+actors:<verb>``);
``--counts`` also prints, per group, how many rows there were and how many are negated, by
negation rule; ``--topic`` (repeatable) draws only articles whose ``topic`` field is one of
those given (AllSides topics such as ``middle_east``), to judge a codebook on the coverage it
was written for.

The rows are for a person to read and judge; the script computes no precision itself. The drawn
articles pass through a temporary file that is removed at the end; no article text is kept.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DEFAULT = (
    Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "allsides-abp.jsonl.gz"
)
GROUPS = (
    "hedging",
    "framing",
    "policy",
    "conflict",
    "labels",
    "salience",
    "roles",
    "attribution",
    "tone",
)
ROLES = "roles"
_FAMILY_OF = {group: group for group in GROUPS} | {ROLES: "salience"}


@dataclass(frozen=True, slots=True)
class Row:
    """One evidence row with what a reader needs to judge it."""

    group: str
    category: str
    rule: str
    zone: str
    outlet: str
    doc_id: str
    start: int
    end: int
    weight: float
    shown: str  # the sentence with [match] and {negation cue}
    negation: str  # the negation rule; "" when not negated, "?" when negated but no cue found
    negated: bool


def main(argv: list[str] | None = None) -> int:
    """Print the sampled rows (and counts); return the exit status."""
    args = _parser().parse_args(argv)
    if not args.path.is_file():
        print(f"skipped: {args.path} not found")
        return 0
    groups = tuple(args.family or GROUPS)
    samplers = {
        group: _Reservoir(args.rows, random.Random(f"{args.seed}:{group}")) for group in groups
    }
    counts: dict[str, Counter[str]] = {group: Counter() for group in groups}
    topics = frozenset(args.topic or ())
    articles = sample_articles(args.path, args.articles, random.Random(args.seed), topics)
    n_articles = 0
    for article in articles:
        n_articles += 1
        for row in _rows(article, groups):
            if args.rule and row.rule != args.rule:
                continue
            counts[row.group]["rows"] += 1
            if row.negated:
                counts[row.group]["negated"] += 1
                counts[row.group][row.negation] += 1
            if args.negated and not row.negated:
                continue
            samplers[row.group].offer(row)
    among = f" (topics {', '.join(sorted(topics))})" if topics else ""
    print(f"# {n_articles} articles from {args.path.name}{among}, seed {args.seed}")
    for group in groups:
        rows = samplers[group].items
        print(f"\n## {group}: {len(rows)} rows sampled of {counts[group]['rows']}")
        if args.counts:
            _print_counts(counts[group])
        for number, row in enumerate(
            sorted(rows, key=lambda r: (r.doc_id, r.zone != "headline", r.start)), 1
        ):
            negated = f"  NEG {row.negation}" if row.negated else ""
            weight = f" ({row.weight:+g})" if group == "tone" else ""
            where = " HEADLINE" if row.zone == "headline" else ""
            print(
                f"{number:3d}. {row.category}{weight} | {row.rule}{negated} | {row.outlet} | "
                f"{row.doc_id}:{row.start}-{row.end}{where}\n     {row.shown}"
            )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument(
        "--articles", type=int, default=2000, help="articles drawn at random (0: all)"
    )
    parser.add_argument("--rows", type=int, default=100, help="rows per group (default 100)")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--family", action="append", choices=GROUPS, help="repeatable")
    parser.add_argument("--negated", action="store_true", help="only negated rows")
    parser.add_argument("--rule", help="only rows of this rule, e.g. hedging:may")
    parser.add_argument("--counts", action="store_true", help="print row and negation counts")
    parser.add_argument(
        "--topic", action="append", help="draw only articles of this topic field (repeatable)"
    )
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


def sample_articles(
    path: Path, n: int, rng: random.Random, topics: frozenset[str] = frozenset()
) -> Iterator[Any]:
    """``n`` random articles of the JSONL corpus at ``path`` (all when ``n`` <= 0), cleaned;
    with ``topics``, only articles whose ``topic`` field is one of them.

    The lines are drawn before the toolkit reads them (cleaning every article of a large corpus
    to keep a few would take most of the run): the drawn lines go to a temporary file, which
    ``stream_articles`` reads and cleans as ``toolkit analyze`` would.
    """
    from toolkit.corpus.stream import stream_articles

    if n <= 0 and not topics:
        yield from stream_articles(path)
        return
    sample = _Reservoir(n if n > 0 else sys.maxsize, rng)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as lines:
        for line in lines:
            if line.strip() and (not topics or json.loads(line).get("topic") in topics):
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


def _group(family: str, category: str) -> str:
    if family == "salience" and ":" in category:
        return ROLES
    return family


def _rows(article: Any, groups: tuple[str, ...]) -> Iterator[Row]:
    from toolkit.metrics.base import HEADLINE, ArticleText
    from toolkit.metrics.negation import COMPLEMENT, PREDICATE, scan_negations
    from toolkit.pipeline.measure import measure_article

    families = {_FAMILY_OF[group] for group in groups}
    measured = measure_article(article, _config())
    text = ArticleText(article)
    for values in measured.evidence:
        _, outlet, family, category, rule, zone, _, start, end, _, weight, negated = values
        if family not in families:
            continue
        group = _group(family, category)
        if group not in groups:
            continue
        doc = text.headline if zone == HEADLINE else text.body
        negation = None
        if negated:
            scan = scan_negations(doc.text)
            if group == ROLES:
                negation = _role_negation(scan, doc.text, start, end)
            else:
                reach = PREDICATE if family == "hedging" else COMPLEMENT
                negation = scan.find(start, end, reach=reach)
        yield Row(
            group=group,
            category=category,
            rule=rule,
            zone=zone,
            outlet=outlet,
            doc_id=article.doc_id,
            start=start,
            end=end,
            weight=weight,
            shown=_shown(doc, start, end, negation),
            negation=negation.rule if negation is not None else ("?" if negated else ""),
            negated=bool(negated),
        )


def _role_negation(scan: Any, text: str, start: int, end: int) -> Any:
    """The cue that negates a role's action: its last word (agent) or its first (target)."""
    words = text[start:end].split()
    last = end - len(words[-1])
    first = start + len(words[0])
    return scan.find(last, end) or scan.find(start, first)


@cache
def _config() -> Any:
    from toolkit.pipeline.config import make_config

    return make_config()


def _shown(doc: Any, start: int, end: int, negation: Any) -> str:
    """The sentence of ``start`` with the match in [brackets] and the negation cue in {braces}."""
    span = doc.sentences[doc.sentence_index(start)] if doc.sentences else None
    left, right = (span.start, span.end) if span is not None else (0, len(doc.text))
    left, right = min(left, start), max(right, end)
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
