"""The ``toolkit`` command (also ``python -m toolkit``)."""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Sequence
from pathlib import Path

from toolkit.errors import ToolkitError
from toolkit.version import __version__

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
  toolkit init my_study                        start a study: notebooks to edit, corpus, noxfile
  toolkit analyze my.jsonl --out tables/       write the tables only (CSV and Parquet)
  toolkit codebooks list                       show the built-in codebooks and their versions
  toolkit evaluate polnear --split dev         score attribution against PolNeAR annotations
  toolkit validate export --out sheet.csv      sample evidence for human coders
  toolkit validate score coder1.csv coder2.csv precision per entry, kappa, entries to fix
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
    parser.add_argument(
        "--languages",
        nargs="+",
        default=["en"],
        metavar="CODE",
        help="languages analysed, as ISO 639-1 codes (default: en); articles identified as "
        "written in another language are kept and flagged but left out of outlet figures",
    )
    _add_codebook_options(parser)
    parser.add_argument(
        "--force",
        action="store_true",
        help="replace a non-empty output folder or an existing sheet",
    )


def _add_codebook_options(parser: argparse.ArgumentParser) -> None:
    """One ``--<slot>-codebook`` option per codebook slot of the family registry."""
    from toolkit.metrics.registry import registry

    for slot in registry().slots():
        parser.add_argument(
            slot.option,
            dest=slot.parameter,
            type=Path,
            metavar="YAML",
            help=f"your own codebook of {slot.description} (family: {slot.family})",
        )


def _codebook_arguments(args: argparse.Namespace) -> dict[str, Path]:
    """The codebook options given on the command line, by parameter name."""
    from toolkit.pipeline.config import codebook_parameters

    return {
        name: value
        for name in codebook_parameters()
        if (value := getattr(args, name, None)) is not None
    }


def add_scale_options(parser: argparse.ArgumentParser, *, default_jobs: int = 1) -> None:
    """Options that choose where articles are measured: N processes or a Dask cluster."""
    parser.add_argument(
        "--jobs",
        type=int,
        default=default_jobs,
        metavar="N",
        help=f"worker processes (default: {default_jobs}): articles are measured on N "
        "processes (with --scheduler dask and no --dask-address, N local Dask workers)",
    )
    parser.add_argument(
        "--scheduler",
        choices=("processes", "dask"),
        default="processes",
        help="processes on this machine (default) or Dask (pip install 'toolkit[scale]')",
    )
    parser.add_argument(
        "--dask-address",
        metavar="tcp://HOST:PORT",
        help="address of a running Dask scheduler (with --scheduler dask)",
    )


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
        description="Measure every article and write the tables as Parquet (and CSV with --csv).",
    )
    _add_corpus_options(analyze)
    analyze.add_argument("--out", type=Path, required=True, help="folder for the tables")
    analyze.add_argument(
        "--csv",
        action="store_true",
        help="write every table as CSV as well (the long tables get large: on news, measures.csv "
        "is about 70 times measures.parquet, and writing CSV takes about a sixth of the run)",
    )
    add_scale_options(analyze)

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
        "--outlets", nargs="+", metavar="OUTLET", help="build only these outlets' reports"
    )
    report.add_argument(
        "--notebook-jobs",
        type=int,
        metavar="N",
        help="notebooks run at once (default: --jobs); fewer saves memory on large corpora",
    )
    report.add_argument(
        "--cell-timeout",
        type=int,
        default=600,
        help="seconds a notebook cell may run (default: 600)",
    )
    report.add_argument(
        "--notebook-timeout",
        type=int,
        default=1800,
        help="seconds a whole notebook may run before it is stopped (default: 1800)",
    )
    report.add_argument("--no-progress", action="store_true", help="no progress bar")
    report.add_argument(
        "--notebooks",
        type=Path,
        metavar="DIR",
        help="folder of your own report notebooks (as made by `toolkit init`; default: the "
        "toolkit's)",
    )
    add_scale_options(report, default_jobs=2)

    init = commands.add_parser(
        "init",
        help="start a study folder: notebooks to edit, a corpus, noxfile.py, environment.yml",
        description="Write a study folder: copies of the report notebooks to edit, the sample "
        "corpus to replace with yours, and a noxfile.py and environment.yml that rebuild the "
        "reports from it. DIR must be new or empty.",
    )
    init.add_argument("folder", type=Path, metavar="DIR", help="the study folder to create")

    lab = commands.add_parser(
        "lab",
        help="open JupyterLab on the report notebooks",
        description="Start JupyterLab on notebooks/ with the toolkit importable. Any other "
        "option is passed to JupyterLab as it is (e.g. --port 8899), also after --.",
    )
    lab.add_argument(
        "--no-browser", action="store_true", help="do not open a browser (passed to JupyterLab)"
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
    _add_validate_parser(commands)
    _add_evaluate_parser(commands)
    return parser


def _add_validate_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = commands.add_parser(
        "validate",
        help="check the coding: export a coder sheet, score coded sheets",
        description="Export a stratified sample of evidence (by codebook entry and outlet) to a "
        "coder sheet (CSV); coders write 1 (correct) or 0 (wrong) in its 'code' column; score "
        "one or two coded sheets: per-entry precision, Cohen's kappa, entries to fix.",
    )
    steps = validate.add_subparsers(dest="step", required=True, metavar="STEP")
    export = steps.add_parser("export", help="write a coder sheet of sampled evidence")
    _add_corpus_options(export)
    export.add_argument("--out", type=Path, required=True, help="coder sheet to write (CSV)")
    export.add_argument(
        "--analysis-dir", type=Path, help="sample from tables written by `toolkit analyze`"
    )
    export.add_argument(
        "--family",
        action="append",
        dest="families",
        help="only this family (repeatable; default: all but tone)",
    )
    export.add_argument(
        "--per-cell", type=int, default=3, help="items per codebook entry and outlet (default: 3)"
    )
    export.add_argument("--seed", type=int, default=0, help="random seed of the sample")
    score = steps.add_parser("score", help="score one or two coded sheets")
    score.add_argument("sheets", nargs="+", type=Path, help="one or two coded sheets (CSV)")
    score.add_argument(
        "--threshold", type=float, default=0.8, help="precision below which an entry needs fixing"
    )
    score.add_argument(
        "--min-items", type=int, default=3, help="judgements an entry needs to be flagged"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status.

    Every error a researcher can cause ends in a one-paragraph message on standard error and
    status 1, never a traceback; Ctrl-C ends in a message and status 130.
    """
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "lab":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command == "lab":
        args.lab_args = extra
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "report":
            return _report(args)
        if args.command == "lab":
            return _lab(args)
        if args.command == "init":
            return _init(args)
        if args.command == "validate":
            return _validate(args)
        if args.command == "evaluate":
            return _evaluate(args)
        return _codebooks(args)
    except ToolkitError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(
            "\nerror: interrupted; nothing was changed in the output (a previous report or "
            "table folder is as it was).",
            file=sys.stderr,
        )
        return 130
    except OSError as error:
        print(f"error: {_os_error_message(error)}", file=sys.stderr)
        return 1


def _os_error_message(error: OSError) -> str:
    """What went wrong with the file system, in words, with the path it concerns."""
    reason = error.strerror or str(error)
    where = f": {error.filename}" if error.filename else ""
    if error.errno == errno.ENOSPC:
        reason = "no space left on the device"
    return (
        f"{reason}{where}. Nothing was changed in the output (a previous report or table "
        "folder is as it was); free the space or fix the path and run again."
        if error.errno in _WRITE_ERRORS
        else f"{reason}{where}."
    )


_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})


def _analyze(args: argparse.Namespace) -> int:
    from toolkit.analysis import analyze_to_folder
    from toolkit.pipeline.config import make_config
    from toolkit.reports.lock import output_lock
    from toolkit.reports.paths import check_not_an_input, check_out_dir

    out = check_out_dir(args.out)
    codebooks = _codebook_arguments(args)
    check_not_an_input(out, _inputs(args, codebooks))
    if out.exists() and any(out.iterdir()) and not args.force:
        print(f"error: {out} is not empty; pass --force to replace its tables.", file=sys.stderr)
        return 1
    with output_lock(out):
        summary = analyze_to_folder(
            args.corpus,
            out,
            on_error=args.on_error,
            encoding=args.encoding,
            config=make_config(**codebooks).for_languages(args.languages),
            jobs=args.jobs,
            scheduler=args.scheduler,
            dask_address=args.dask_address,
            csv=args.csv,
        )
    print(
        f"Analysed {summary.n_articles} articles ({summary.n_rejected} rejected) -> {out} "
        f"[{summary.executor}]"
    )
    _print_rejected(summary.rejected)
    from toolkit.reports.batch import language_note

    note = language_note(out, args.languages)
    if note:
        print(note)
    return 0


def _inputs(args: argparse.Namespace, codebooks: dict[str, Path]) -> dict[str, Path | None]:
    """Every path a command reads, by description (an output may not be, hold or lie in one)."""
    from toolkit.reports.manifest import SAMPLE_CORPUS
    from toolkit.reports.paths import PACKAGE_INPUTS, package_dir

    found: dict[str, Path | None] = {
        "the corpus": SAMPLE_CORPUS if args.corpus is None else Path(args.corpus),
        PACKAGE_INPUTS: package_dir(),
    }
    found.update(
        (f"the {name.removesuffix('_codebook')} codebook", path) for name, path in codebooks.items()
    )
    found["the analysis folder"] = getattr(args, "analysis_dir", None)
    return found


def _report(args: argparse.Namespace) -> int:
    from toolkit.reports import build_reports, check_out_dir

    run = build_reports(
        args.corpus,
        check_out_dir(args.out),
        force=args.force,
        outlets=args.outlets,
        jobs=args.jobs,
        notebook_jobs=args.notebook_jobs,
        show_code=args.show_code,
        on_error=args.on_error,
        encoding=args.encoding,
        codebooks=_codebook_arguments(args),
        cell_timeout=args.cell_timeout,
        notebook_timeout=args.notebook_timeout,
        progress=not args.no_progress and sys.stderr.isatty(),
        notebooks=args.notebooks,
        scheduler=args.scheduler,
        dask_address=args.dask_address,
        languages=args.languages,
        say=lambda message: print(message, flush=True),
    )
    print(f"\n  {'status':8}{'seconds':>8}  report")
    for item in run.runs:
        status = "kept" if item.reused else item.status
        print(f"  {status:8}{item.seconds:8.1f}  {item.name} -> {run.out_dir / item.html}")
        if item.error:
            print(f"  {'':16}  {item.error}")
    print(f"Index: {run.out_dir / 'index.html'}")
    if run.failed:
        print(f"error: {len(run.failed)} notebook(s) failed (see above).", file=sys.stderr)
        return 1
    return 0


def _init(args: argparse.Namespace) -> int:
    from toolkit.study import init_study

    folder = init_study(args.folder)
    print(f"Started a study in {folder}: edit notebooks/, put your articles in corpus/, then")
    print(f"  cd {folder} && nox -s reports    (or see {folder / 'README.md'})")
    return 0


def _lab(args: argparse.Namespace) -> int:
    import subprocess

    from toolkit.reports import notebooks_dir

    extra = list(args.lab_args)
    if extra[:1] == ["--"]:
        extra = extra[1:]
    if args.no_browser:
        extra.insert(0, "--no-browser")
    command = [sys.executable, "-m", "jupyterlab", str(notebooks_dir()), *extra]
    return subprocess.run(command, check=False).returncode


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
            print(f"{book.name:16} {book.version:8} {book.family:10} {book.description}")
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
        for side, description in book.sides:
            print(f"Side {side}: {description}")
        for category in book.categories:
            print(f"\n[{category.id}] {category.label}")
            for entry in category.entries:
                guards = f"  guards: {', '.join(entry.guards)}" if entry.guards else ""
                weight = f"  weight: {entry.weight:g}" if entry.weight != 1.0 else ""
                favours = f"  favours: {entry.favours}" if entry.favours else ""
                print(f"  {entry.id}: {', '.join(entry.terms)}{guards}{weight}{favours}")
        return 0
    paths = list(args.paths)
    problems = []
    if not paths:
        for name in builtin_codebook_names():
            book = builtin_codebook(name)
            found = check_codebook(book.path)
            problems += found
            status = "ok " if not found else "BAD"
            print(f"{status} {name} {book.version} ({book.family}, built-in)")
    for path in paths:
        found = check_codebook(path)
        problems += found
        print(f"{'ok ' if not found else 'BAD'} {path}")
        for problem in found:
            print(f"    {problem}")
    return 1 if problems else 0


def _validate(args: argparse.Namespace) -> int:
    from toolkit.validation import (
        read_coded_sheet,
        sample_evidence,
        score_sheets,
        summary,
        write_sheet,
    )

    if args.step == "export":
        from toolkit.reports.paths import check_not_an_input

        check_not_an_input(args.out, _inputs(args, _codebook_arguments(args)))
        if args.out.exists() and not args.force:
            print(
                f"error: {args.out} already exists (it may hold a coder's work); pass --force to "
                "replace it, or write the sheet elsewhere.",
                file=sys.stderr,
            )
            return 1
        if args.analysis_dir is not None:
            from toolkit.analysis import read_analysis

            analysis = read_analysis(args.analysis_dir)
        else:
            from toolkit.analysis import analyze
            from toolkit.corpus import load_corpus
            from toolkit.pipeline.config import make_config

            codebooks = _codebook_arguments(args)
            corpus = load_corpus(args.corpus, on_error=args.on_error, encoding=args.encoding)
            config = make_config(**codebooks).for_languages(args.languages)
            analysis = analyze(corpus, config=config)
        sheet = sample_evidence(
            analysis.evidence,
            analysis.sentences,
            families=args.families,
            per_cell=args.per_cell,
            seed=args.seed,
        )
        path = write_sheet(sheet, args.out, overwrite=args.force)
        print(f"Wrote {len(sheet)} items to {path}: write 1 (correct) or 0 (wrong) in 'code'.")
        return 0
    if len(args.sheets) > 2:
        print("error: give one or two coded sheets.", file=sys.stderr)
        return 1
    result = score_sheets(
        [read_coded_sheet(path) for path in args.sheets],
        threshold=args.threshold,
        min_items=args.min_items,
    )
    print(result.entries.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    print()
    print(summary(result))
    return 0


def _print_rejected(rejected: Sequence[object]) -> None:
    for item in rejected:
        print(f"  rejected: {getattr(item, 'location', '')}: {getattr(item, 'reason', '')}")


def _add_evaluate_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from toolkit.evaluation.polnear import DEFAULT_POLNEAR

    evaluate = commands.add_parser(
        "evaluate",
        help="score the attribution extractor against human annotations (PolNeAR)",
        description="Score attribution cues and sources against PolNeAR (Newell et al. 2018): "
        "the attributions table of toolkit.analyze, on the reported-speech subset (cues holding "
        "a verb of communication of Levin 1993, class 37: a fixed list) and on all relations. "
        "Overlap matching; precision, recall and F1 per outlet and overall.",
    )
    datasets = evaluate.add_subparsers(dest="dataset", required=True, metavar="DATASET")
    polnear = datasets.add_parser("polnear", help="PolNeAR train/dev JSON lines (.jsonl[.gz])")
    polnear.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=DEFAULT_POLNEAR,
        help=f"annotated file (default: {DEFAULT_POLNEAR})",
    )
    polnear.add_argument(
        "--split", choices=("train", "dev"), default="dev", help="split to score (default: dev)"
    )


def _evaluate(args: argparse.Namespace) -> int:
    from toolkit.evaluation import evaluate, evaluate_pipeline, read_polnear

    path: Path = args.path
    if not path.is_file():
        print(f"skipped: {path} not found (PolNeAR annotations are not shipped with the toolkit)")
        return 0
    articles = read_polnear(path, split=args.split)
    print(evaluate_pipeline(articles).report(f"PolNeAR {args.split} ({path.name})"))
    direct = evaluate(articles).summary()
    print(
        "\nThe extractor run directly on the annotated texts (no cleaning), overall F1: "
        + ", ".join(f"{key} {value:.3f}" for key, value in direct.items())
    )
    return 0
