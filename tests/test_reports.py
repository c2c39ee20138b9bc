"""The report batch on the sample corpus: files, links, offline HTML, reproducibility, failures."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jupytext
import psutil
import pytest

from tests.conftest import SAMPLE_OUTLETS
from tests.stand_ins import write_notebooks
from toolkit.errors import ParameterError, ReportError
from toolkit.reports import build_reports, notebooks_dir, outlet_slug

ROOT = Path(__file__).resolve().parents[1]


def _digest_tree(folder: Path) -> dict[str, str]:
    """sha256 of every file; manifest.json is left out because it records run times."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != "manifest.json"
    }


@pytest.mark.slow
def test_batch_writes_one_report_per_outlet_the_comparative_report_and_an_index(
    sample_reports: Path,
) -> None:
    names = {path.name for path in (sample_reports / "outlets").iterdir()}
    for outlet in SAMPLE_OUTLETS:
        assert f"{outlet_slug(outlet)}.html" in names
        assert f"{outlet_slug(outlet)}.ipynb" in names
    assert (sample_reports / "comparative.html").exists()
    index = (sample_reports / "index.html").read_text()
    for outlet in SAMPLE_OUTLETS:
        assert f'href="outlets/{outlet_slug(outlet)}.html"' in index
    assert 'href="comparative.html"' in index
    assert not list(sample_reports.parent.glob(".sample.*")), "staging folders left behind"


@pytest.mark.slow
def test_manifest_records_inputs_codebooks_packages_and_status(sample_reports: Path) -> None:
    manifest = json.loads((sample_reports / "manifest.json").read_text())
    assert [entry["status"] for entry in manifest["notebooks"]] == ["ok"] * 5
    assert all(entry["seconds"] > 0 for entry in manifest["notebooks"])
    sample = Path(__file__).resolve().parents[1] / "toolkit" / "sample_corpus"
    assert manifest["inputs"] == {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(sample.iterdir())
        if path.is_file()
    }
    assert {book["name"] for book in manifest["codebooks"]} >= {"hedging", "framing"}
    assert manifest["packages"]["papermill"] != "not installed"
    assert manifest["packages"]["toolkit"] == manifest["toolkit_version"]
    constraints = ROOT / "requirements" / "constraints.txt"
    assert manifest["constraints_sha256"] == hashlib.sha256(constraints.read_bytes()).hexdigest()


@pytest.mark.slow
def test_report_pages_are_offline_hide_code_and_show_the_evidence(sample_reports: Path) -> None:
    voice = (sample_reports / "outlets" / "the-voice.html").read_text()
    assert "[purportedly]" in voice
    assert "data:image/png;base64," in voice
    assert "check_parameters" not in voice, "code cells must be hidden by default"
    for page in sample_reports.rglob("*.html"):
        text = page.read_text()
        assert "<script" not in text, page
        assert not re.search(r"""(?:src|href)=["']https?://""", text), page
    whales = (sample_reports / "outlets" / "unusual-whales.html").read_text()
    assert "two individuals familiar with their conversation" in whales


@pytest.mark.slow
def test_a_rerun_elsewhere_gives_byte_identical_reports(
    sample_reports: Path, tmp_path: Path
) -> None:
    again = tmp_path / "sample"
    build_reports(None, again, jobs=2)
    assert _digest_tree(again) == _digest_tree(sample_reports)


def _manifest_without_durations(folder: Path) -> dict[str, object]:
    """The manifest without durations and fingerprints (fingerprints hash the configuration,
    which names the codebook files by their path: they differ between clones)."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest.pop("analysis_fingerprint")
    for entry in manifest["notebooks"]:
        entry.pop("seconds")
        entry.pop("fingerprint")
    return dict(manifest)


@pytest.mark.slow
def test_the_committed_sample_report_is_exactly_what_the_toolkit_builds(
    sample_reports: Path,
) -> None:
    """reports/sample/ is a golden file: a change in any number, table or figure must be
    committed on purpose (`python3 run.py reports`, then review the diff)."""
    golden, built = _digest_tree(ROOT / "reports" / "sample"), _digest_tree(sample_reports)
    changed = sorted(
        name for name in golden.keys() | built.keys() if golden.get(name) != built.get(name)
    )
    assert changed == [], "rebuild reports/sample with `python3 run.py reports` and review"
    assert _manifest_without_durations(sample_reports) == _manifest_without_durations(
        ROOT / "reports" / "sample"
    )


@pytest.mark.slow
def test_a_rerun_in_place_reuses_everything_and_changes_nothing(
    sample_reports: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(sample_reports, copy)
    before = _digest_tree(copy)
    run = build_reports(None, copy)
    assert all(item.reused for item in run.runs)
    assert _digest_tree(copy) == before


@pytest.mark.slow
def test_other_inputs_do_not_replace_a_report_without_force(
    sample_reports: Path, tmp_path: Path, sample_corpus_dir: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(sample_reports, copy)
    corpus = tmp_path / "corpus"
    shutil.copytree(sample_corpus_dir, corpus)
    (corpus / "004_08f5dd3932140497.txt").write_text("A changed article.\n\nIt may differ.\n")
    with pytest.raises(ReportError, match="holds a report of other inputs"):
        build_reports(corpus, copy)
    assert _digest_tree(copy) == _digest_tree(sample_reports)


def test_a_folder_that_is_not_a_report_is_not_replaced_without_force(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("previous work")
    with pytest.raises(ReportError, match="is not a toolkit report; pass --force"):
        build_reports(None, tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "previous work"


def test_unknown_outlets_are_named(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r"not in the corpus: \['Reuters'\]"):
        build_reports(None, tmp_path / "out", outlets=["Reuters", "MENAFN"])


def _sabotaged_notebooks(tmp_path: Path) -> Path:
    """Copies of the report notebooks whose outlet notebook fails for MENAFN and kills its
    kernel for NewsPublicy."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for name in ("outlet_report.ipynb", "comparative_report.ipynb"):
        shutil.copy(notebooks_dir() / name, folder / name)
    notebook = jupytext.read(folder / "outlet_report.ipynb")
    sabotage = jupytext.reads(
        "# %%\nimport os, signal\n"
        "if outlet == 'MENAFN':\n    raise RuntimeError('sabotaged for the test')\n"
        "if outlet == 'NewsPublicy':\n    os.kill(os.getpid(), signal.SIGKILL)\n",
        fmt="py:percent",
    ).cells[0]
    notebook.cells.insert(3, sabotage)
    jupytext.write(notebook, folder / "outlet_report.ipynb")
    return folder


@pytest.mark.slow
def test_failing_and_killed_notebooks_leave_failure_rows_and_other_reports_intact(
    tmp_path: Path,
) -> None:
    """Two sabotaged outlets beside one that builds (every outlet runs the same notebook)."""
    out = tmp_path / "out"
    notebooks = _sabotaged_notebooks(tmp_path)
    outlets = ["MENAFN", "NewsPublicy", "The Voice"]
    run = build_reports(None, out, jobs=2, notebooks=notebooks, outlets=outlets)
    status = {item.name: item for item in run.runs}
    assert list(status) == [*outlets, "Comparative report"]
    assert status["MENAFN"].status == "failed"
    assert "RuntimeError: sabotaged for the test" in status["MENAFN"].error
    assert re.match(r"cell \d+ \(import os, signal\)", status["MENAFN"].error)
    assert status["NewsPublicy"].status == "failed"
    assert "DeadKernelError" in status["NewsPublicy"].error or "died" in status["NewsPublicy"].error
    for outlet in ("The Voice", "Comparative report"):
        assert status[outlet].status == "ok"
    assert (out / "outlets" / "the-voice.html").stat().st_size > 10_000
    index = (out / "index.html").read_text()
    assert index.count('class="failed"') == 2
    manifest = json.loads((out / "manifest.json").read_text())
    assert [e["status"] for e in manifest["notebooks"]].count("failed") == 2


def _stopped(pid: int, seconds: float = 10) -> bool:
    """Whether process ``pid`` is gone (or a zombie) within ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
                return True
        except psutil.NoSuchProcess:
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
def test_a_hung_notebook_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    """Stand-in notebooks: the outlet's hangs once its kernel has started, the comparative one
    finishes at once."""
    markers = tmp_path / "markers"
    folder = write_notebooks(tmp_path / "notebooks", markers, sleep=600, comparative_sleep=0)
    started = time.monotonic()
    run = build_reports(
        None, tmp_path / "out", outlets=["The Voice"], notebooks=folder, notebook_timeout=20
    )
    assert time.monotonic() - started < 120
    voice = next(item for item in run.runs if item.name == "The Voice")
    assert voice.status == "failed"
    assert voice.error == "timed out after 20 s and was stopped"
    assert next(item for item in run.runs if item.name == "Comparative report").status == "ok"
    (hung,) = (path for path in markers.glob("*.started") if path.read_text() == "The Voice")
    kernel = int(hung.name.removesuffix(".started"))
    assert _stopped(kernel), f"the hung notebook's kernel {kernel} still runs"


@pytest.mark.slow
def test_sigkill_mid_batch_leaves_the_previous_report_and_the_next_run_rebuilds(
    tmp_path: Path,
) -> None:
    """Stand-in notebooks for one outlet and the comparative report (the batch stages and swaps
    the same way for the real ones and every outlet): the killed run's notebooks sleep until
    killed, the others finish at once."""
    quick = write_notebooks(tmp_path / "quick", tmp_path / "quick-markers", sleep=0)
    slow_markers = tmp_path / "slow-markers"
    slow = write_notebooks(tmp_path / "slow", slow_markers, sleep=120)
    out = tmp_path / "sample"
    build_reports(None, out, jobs=2, notebooks=quick, outlets=["MENAFN"])
    before = _digest_tree(out)
    command = [sys.executable, "-m", "toolkit", "report", "--out", str(out), "--force"]
    command += ["--outlets", "MENAFN"]
    with subprocess.Popen(
        [*command, "--notebooks", str(slow), "--no-progress", "--jobs", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    ) as process:
        deadline = time.monotonic() + 240  # wait until a notebook runs, then kill everything
        while not list(slow_markers.glob("*.started")) and time.monotonic() < deadline:
            time.sleep(0.2)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    assert list(slow_markers.glob("*.started")), "no notebook started before the kill"
    assert _digest_tree(out) == before
    assert (tmp_path / ".sample.partial").exists()
    completed = subprocess.run(
        [*command, "--notebooks", str(quick), "--no-progress"], capture_output=True, text=True
    )
    assert completed.returncode == 0, completed.stderr
    assert _digest_tree(out) == before
    assert not (tmp_path / ".sample.partial").exists()


def test_the_batch_reads_only_an_overview_of_the_analysis(tmp_path: Path) -> None:
    import pandas as pd

    from toolkit.analysis import analyze, read_analysis
    from toolkit.reports.batch import read_overview

    analyze().write(tmp_path)
    overview = read_overview(tmp_path)
    whole = read_analysis(tmp_path)
    pd.testing.assert_frame_equal(overview.outlets, whole.outlets)
    assert overview.metadata == whole.metadata
    assert overview.n_rejected == len(whole.rejected) == 0
    assert sorted(overview.outlets["outlet"].unique()) == sorted(whole.documents["outlet"].unique())


MY_POLICY = """\
name: my-policy
version: "0.3.0"
family: policy
description: A single frame.
citation: Me (2024).
licence: CC0
categories:
  restraint_first:
    label: Restraint first
    description: Calls to hold back.
    entries:
      - id: hold_back
        terms: [restraint, de-escalation]
"""


@pytest.mark.slow
def test_encoding_and_every_codebook_option_reach_every_notebook(tmp_path: Path) -> None:
    """A Latin-1 corpus with --encoding and a custom policy codebook, through the CLI."""
    from toolkit.cli import main

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, outlet in (("a", "Café Times"), ("b", "Genève Post")):
        (corpus / f"{name}.txt").write_bytes(
            f"{outlet} urges restraint\n\nThe café owner urged restraint and de-escalation, "
            "officials said.\n".encode("latin-1")
        )
    (corpus / "manifest.csv").write_bytes(
        "file,outlet\na.txt,Café Times\nb.txt,Genève Post\n".encode("latin-1")
    )
    policy = tmp_path / "my_policy.yaml"
    policy.write_text(MY_POLICY, encoding="utf-8")
    out = tmp_path / "out"
    status = main(
        [
            "report", str(corpus), "--out", str(out), "--encoding", "latin-1",
            "--policy-codebook", str(policy), "--outlets", "Café Times", "--no-progress",
        ]
    )  # fmt: skip
    assert status == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {"name": "my-policy", "version": "0.3.0", "family": "policy",
            "parameter": "policy_codebook"} in manifest["codebooks"]  # fmt: skip
    comparative = (out / "comparative.html").read_text(encoding="utf-8")
    outlet_page = (out / "outlets" / f"{outlet_slug('Café Times')}.html").read_text("utf-8")
    for page in (comparative, outlet_page):
        assert "Restraint first" in page  # the custom frame, labelled
        assert "my-policy 0.3.0" in page
        assert "Café" in page
    assert "external_regulation" not in comparative
