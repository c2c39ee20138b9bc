"""The ``toolkit`` command (also ``python -m toolkit``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from toolkit import __version__
from toolkit.errors import ToolkitError

_DESCRIPTION = """\
Comparative media-framing analysis: how each outlet hedges, attributes and frames a story,
with the words behind every number.

Without a CORPUS argument every command uses the bundled sample corpus (five articles from
four outlets about the US telling Israel it will not join a counter-strike on Iran, April 2024).
A CORPUS is a folder of .txt files (with an optional manifest.csv), a .jsonl file or a .csv file
(Media Cloud story exports work as they are).
"""

_EPILOG = """\
examples:
  toolkit report                               build the sample reports into reports/sample
  toolkit report my_corpus/ --out reports/mine build reports for your own corpus
  toolkit analyze my.jsonl --out tables/       write the tables only (CSV and Parquet)
  toolkit codebooks list                       show the built-in codebooks and their versions
"""


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "corpus", nargs="?", default=None, help="corpus folder or file (default: the sample corpus)"
    )
    parser.add_argument(
        "--on-error",
        choices=("raise", "skip"),
        default="raise",
        help="on bad articles: stop before writing anything (raise, the default) or skip them "
        "and list them in the rejected table (skip)",
    )
    parser.add_argument("--encoding", default="utf-8", help="text encoding of the corpus files")
    parser.add_argument("--hedging-codebook", type=Path, help="your own hedging codebook (YAML)")
    parser.add_argument("--framing-codebook", type=Path, help="your own framing codebook (YAML)")
    parser.add_argument("--force", action="store_true", help="replace a non-empty output folder")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``toolkit`` command."""
    parser = argparse.ArgumentParser(
        prog="toolkit",
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"toolkit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="measure a corpus and write the tables (documents, evidence, attributions, ...)",
        description="Measure every article and write the tables as CSV and Parquet.",
    )
    _add_corpus_options(analyze)
    analyze.add_argument("--out", type=Path, required=True, help="folder for the tables")

    report = commands.add_parser(
        "report",
        help="analyse a corpus and build the HTML reports (one per outlet + comparative)",
        description="Analyse once, run the report notebooks with papermill, write HTML + index.",
    )
    _add_corpus_options(report)
    report.add_argument(
        "--out",
        type=Path,
        default=Path("reports/sample"),
        help="report folder (default: reports/sample)",
    )
    report.add_argument("--show-code", action="store_true", help="keep the code cells in the HTML")
    report.add_argument(
        "--timeout", type=int, default=600, help="seconds a notebook cell may run (default: 600)"
    )

    codebooks = commands.add_parser(
        "codebooks",
        help="list, show or check codebooks",
        description="Inspect the built-in codebooks or check your own.",
    )
    actions = codebooks.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="list the built-in codebooks with their versions")
    show = actions.add_parser("show", help="print a codebook's categories and entries")
    show.add_argument("name", help="built-in codebook name or path to a YAML codebook")
    check = actions.add_parser("check", help="validate codebooks (default: every built-in one)")
    check.add_argument("paths", nargs="*", type=Path, help="YAML codebook files to check")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "report":
            return _report(args)
        return _codebooks(args)
    except ToolkitError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _analyze(args: argparse.Namespace) -> int:
    from toolkit.analysis import analyze
    from toolkit.corpus import load_corpus

    out: Path = args.out
    if out.exists() and any(out.iterdir()) and not args.force:
        print(f"error: {out} is not empty; pass --force to replace its tables.", file=sys.stderr)
        return 1
    corpus = load_corpus(args.corpus, on_error=args.on_error, encoding=args.encoding)
    analysis = analyze(
        corpus, hedging_codebook=args.hedging_codebook, framing_codebook=args.framing_codebook
    )
    analysis.write(out)
    print(
        f"Analysed {len(analysis.documents)} articles ({len(analysis.rejected)} rejected) -> {out}"
    )
    _print_rejected(corpus.rejected)
    return 0


def _report(args: argparse.Namespace) -> int:
    from toolkit.reports import build_reports, check_out_dir

    run = build_reports(
        args.corpus,
        check_out_dir(args.out),
        force=args.force,
        show_code=args.show_code,
        on_error=args.on_error,
        encoding=args.encoding,
        hedging_codebook=args.hedging_codebook,
        framing_codebook=args.framing_codebook,
        timeout=args.timeout,
        progress=lambda message: print(message, flush=True),
    )
    for item in run.runs:
        print(f"  {item.status:6} {item.seconds:6.1f}s  {item.name}  -> {run.out_dir / item.html}")
    print(f"Index: {run.out_dir / 'index.html'}")
    return 0


def _codebooks(args: argparse.Namespace) -> int:
    from toolkit.codebooks import (
        builtin_codebook,
        builtin_codebook_names,
        check_codebook,
        load_codebook,
    )

    if args.action == "list":
        for name in builtin_codebook_names():
            book = builtin_codebook(name)
            print(f"{book.name:12} {book.version:8} {book.family:10} {book.description}")
        return 0
    if args.action == "show":
        candidate = Path(args.name)
        book = (
            load_codebook(candidate)
            if candidate.suffix in {".yaml", ".yml"}
            else builtin_codebook(args.name)
        )
        print(f"{book.name} {book.version} ({book.family})\n{book.description}")
        print(f"Citation: {book.citation}")
        print(f"Licence: {book.licence}")
        for category in book.categories:
            print(f"\n[{category.id}] {category.label}")
            for entry in category.entries:
                guards = f"  guards: {', '.join(entry.guards)}" if entry.guards else ""
                print(f"  {entry.id}: {', '.join(entry.terms)}{guards}")
        return 0
    paths = list(args.paths)
    problems = []
    if not paths:
        for name in builtin_codebook_names():
            builtin_codebook(name)
            print(f"ok  {name} (built-in)")
    for path in paths:
        found = check_codebook(path)
        problems += found
        print(f"{'ok ' if not found else 'BAD'} {path}")
        for problem in found:
            print(f"    {problem}")
    return 1 if problems else 0


def _print_rejected(rejected: Sequence[object]) -> None:
    for item in rejected:
        print(f"  rejected: {getattr(item, 'location', '')}: {getattr(item, 'reason', '')}")
