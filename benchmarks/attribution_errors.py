"""Attribution errors on PolNeAR, grouped by cue word and by rule, biggest groups first.

Usage: python benchmarks/attribution_errors.py [PATH] [--split train] [--scope subset]
[--examples N] [--word WORD] [--kind missed|spurious|wrong_source|missed_source]

PATH defaults to ../shared/corpora/polnear-train-dev.jsonl.gz beside the repository; the script
prints "skipped: ..." and exits 0 when it is absent. The extractor runs on the annotated texts
(``find_attributions``, as ``toolkit.evaluation.evaluate``) and every unit the scoring counts
wrong (``toolkit.evaluation.scoring``: overlap matching) is printed in four groups:

* ``missed`` - annotated cues no predicted cue overlaps, by the cue's verb of communication;
* ``spurious`` - predicted cues that overlap no annotated cue, by cue word and rule;
* ``wrong_source`` - predicted sources on a right cue that overlap no annotated source of it,
  by rule;
* ``missed_source`` - annotated sources not found although a predicted cue overlaps the cue,
  by the rule of that prediction.

Each group shows its count and up to ``--examples`` sentences with the annotated and the
predicted words. Tune on train only; dev is for reporting. Nothing is written to disk (the
corpus text stays on screen, never in the repository).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from toolkit.evaluation import is_reported_speech, overlaps, read_polnear, speech_verbs
from toolkit.evaluation.polnear import DEFAULT_POLNEAR, GoldArticle, GoldRelation
from toolkit.metrics.attribution.cues import load_lexicon
from toolkit.metrics.attribution.extract import find_attributions
from toolkit.metrics.attribution.records import Attribution
from toolkit.text import Segmented, Span, segment

KINDS = ("missed", "spurious", "wrong_source", "missed_source")


@dataclass(frozen=True)
class Error:
    """One wrong unit: its group key, the sentence, and what was annotated and predicted."""

    kind: str
    key: str
    sentence: str
    gold: str
    predicted: str


def main(argv: list[str] | None = None) -> int:
    """Print the grouped errors; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--split", default="train")
    parser.add_argument("--scope", choices=("subset", "all"), default="subset")
    parser.add_argument("--examples", type=int, default=3)
    parser.add_argument("--groups", type=int, default=25, help="groups shown per kind")
    parser.add_argument("--word", help="only groups whose key holds this word")
    parser.add_argument("--kind", choices=KINDS, action="append")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"skipped: {args.path} not found")
        return 0
    lexicon = load_lexicon()
    errors: list[Error] = []
    for article in read_polnear(args.path, split=args.split):
        doc = segment(article.text)
        found = find_attributions(article.text, doc, article.doc_id, lexicon)
        errors += article_errors(article, doc, found, subset=args.scope == "subset")
    for kind in args.kind or KINDS:
        _print_kind(kind, [e for e in errors if e.kind == kind], args)
    return 0


def article_errors(
    article: GoldArticle, doc: Segmented, found: Sequence[Attribution], *, subset: bool
) -> list[Error]:
    """The wrong units of one article, as the subset (or all-relations) scoring counts them."""
    verbs = speech_verbs()
    relations = article.relations
    gold = [r for r in relations if r.cue and (not subset or is_reported_speech(r.cue_text, verbs))]
    predicted = [a for a in found if not subset or is_reported_speech(a.cue, verbs)]
    text = article.text

    def sentence(offset: int) -> str:
        span = doc.sentences[doc.sentence_index(offset)]
        return " ".join(text[span.start : span.end].split())

    def words(spans: Sequence[Span]) -> str:
        return " | ".join(text[s.start : s.end] for s in spans)

    errors = []
    for relation in gold:
        hits = [a for a in predicted if overlaps(_cue(a), relation.cue)]
        if not hits:
            key = _verb(relation.cue_text, verbs.forms)
            errors.append(
                Error("missed", key, sentence(relation.cue[0].start), _show(relation, words), "")
            )
        elif relation.source and not any(
            a.mention_start >= 0 and overlaps(_mention(a), relation.source) for a in hits
        ):
            got = "; ".join(f"{a.mention!r} ({a.rule.split(':')[1]})" for a in hits)
            key = hits[0].rule.split(":")[1]
            errors.append(
                Error(
                    "missed_source",
                    key,
                    sentence(relation.cue[0].start),
                    _show(relation, words),
                    got,
                )
            )
    for a in predicted:
        rule = a.rule.split(":")[1]
        matching = [r for r in relations if r.cue and overlaps(_cue(a), r.cue)]
        shown = f"source={a.mention!r} cue={a.cue!r} ({rule})"
        if not matching:
            key = f"{' '.join(a.cue.lower().split())} / {rule}"
            errors.append(Error("spurious", key, sentence(a.cue_start), "", shown))
        elif a.mention_start >= 0 and not any(
            r.source and overlaps(_mention(a), r.source) for r in matching
        ):
            gold_shown = "; ".join(_show(r, words) for r in matching)
            errors.append(Error("wrong_source", rule, sentence(a.cue_start), gold_shown, shown))
    return errors


def _cue(a: Attribution) -> tuple[Span, ...]:
    return (Span(a.cue_start, a.cue_end),)


def _mention(a: Attribution) -> tuple[Span, ...]:
    return (Span(a.mention_start, a.mention_end),)


def _verb(cue_text: str, forms: frozenset[str]) -> str:
    found = [word for word in cue_text.lower().split() if word.strip(".,“”\"'") in forms]
    return found[0].strip(".,“”\"'") if found else " ".join(cue_text.lower().split())


def _show(relation: GoldRelation, words: Callable[[Sequence[Span]], str]) -> str:
    source = words(relation.source) if relation.source else "(no source)"
    return f"source={source!r} cue={words(relation.cue)!r}"


def _print_kind(kind: str, errors: list[Error], args: argparse.Namespace) -> None:
    groups: dict[str, list[Error]] = defaultdict(list)
    for error in errors:
        groups[error.key].append(error)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))
    if args.word:
        ordered = [(key, items) for key, items in ordered if args.word in key]
    print(f"\n=== {kind}: {len(errors)} in {len(groups)} groups ===")
    for key, items in ordered[: args.groups]:
        print(f"\n-- {key}: {len(items)}")
        for error in items[: args.examples]:
            print(f"   gold: {error.gold}" if error.gold else "", end="")
            print(f"\n   pred: {error.predicted}" if error.predicted else "", end="")
            print(f"\n   >> {error.sentence[:300]}")


if __name__ == "__main__":
    sys.exit(main())
