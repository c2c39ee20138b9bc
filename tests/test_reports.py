"""The report batch on the sample corpus: files, links, offline HTML, reproducibility, options.

Notebooks that fail, hang or are killed: tests/reports/test_batch_failures.py."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_OUTLETS, digest_tree
from toolkit.errors import ParameterError, ReportError
from toolkit.reports import build_reports, outlet_slug

ROOT = Path(__file__).resolve().parents[1]


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
    assert digest_tree(again) == digest_tree(sample_reports)


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
    golden, built = digest_tree(ROOT / "reports" / "sample"), digest_tree(sample_reports)
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
    before = digest_tree(copy)
    run = build_reports(None, copy)
    assert all(item.reused for item in run.runs)
    assert digest_tree(copy) == before


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
    assert digest_tree(copy) == digest_tree(sample_reports)


def test_a_folder_that_is_not_a_report_is_not_replaced_without_force(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("previous work")
    with pytest.raises(ReportError, match="is not a toolkit report; pass --force"):
        build_reports(None, tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "previous work"


def test_unknown_outlets_are_named(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match=r"not in the corpus: \['Reuters'\]"):
        build_reports(None, tmp_path / "out", outlets=["Reuters", "MENAFN"])


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
