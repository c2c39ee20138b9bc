"""The report batch on the sample corpus: files, links, offline HTML, reproducibility, safety."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from toolkit.errors import ReportError
from toolkit.reports import build_reports, outlet_slug

SAMPLE_OUTLETS = ("MENAFN", "NewsPublicy", "The Voice", "Unusual Whales")


@pytest.mark.parametrize(
    ("outlet", "slug"),
    [
        ("The Voice", "the-voice"),
        ("MENAFN", "menafn"),
        ("../../etc", "etc"),
        ("/absolute/path", "absolute-path"),
        ("Le Monde diplomatique", "le-monde-diplomatique"),
        ("Çağdaş Gazete", "cagdas-gazete"),
    ],
)
def test_outlet_slug_is_a_safe_file_name(outlet: str, slug: str) -> None:
    assert outlet_slug(outlet) == slug


def test_outlet_slug_is_unique_and_never_empty() -> None:
    assert re.fullmatch(r"outlet-[0-9a-f]{8}", outlet_slug("الجزيرة"))
    assert re.fullmatch(r"outlet-[0-9a-f]{8}", outlet_slug("\x00"))
    clash = outlet_slug("The  Voice", taken=["the-voice"])
    assert clash.startswith("the-voice-") and clash != "the-voice"
    assert len(outlet_slug("x" * 500)) <= 60


def _digest_tree(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("reports") / "sample"
    run = build_reports(None, out)
    assert [item.status for item in run.runs] == ["ok"] * 5
    return out


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
    manifest = json.loads((sample_reports / "manifest.json").read_text())
    assert [entry["status"] for entry in manifest["notebooks"]] == ["ok"] * 5
    assert set(manifest["inputs"]) == {
        "000_c6d9780c7ae0e10c.txt",
        "001_3ffd96728f458706.txt",
        "002_0bbcda579d155b64.txt",
        "003_26c8a3c0485d93f9.txt",
        "004_08f5dd3932140497.txt",
        "manifest.csv",
    }
    assert {book["name"] for book in manifest["codebooks"]} >= {"hedging", "framing"}


@pytest.mark.slow
def test_report_pages_are_offline_and_show_the_evidence(sample_reports: Path) -> None:
    voice = (sample_reports / "outlets" / "the-voice.html").read_text()
    assert "purportedly" in voice
    assert "<img" in voice and "data:image/png;base64," in voice
    for page in sample_reports.rglob("*.html"):
        text = page.read_text()
        assert "<script" not in text, page
        assert not re.search(r"""(?:src|href)=["']https?://""", text), page
    whales = (sample_reports / "outlets" / "unusual-whales.html").read_text()
    assert "two individuals familiar with their conversation" in whales


@pytest.mark.slow
def test_a_rerun_gives_byte_identical_reports(sample_reports: Path, tmp_path: Path) -> None:
    again = tmp_path / "sample"
    build_reports(None, again)
    assert _digest_tree(again) == _digest_tree(sample_reports)


def test_an_existing_report_folder_is_not_replaced_without_force(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("previous report")
    with pytest.raises(ReportError, match="already exists and is not empty; pass --force"):
        build_reports(None, tmp_path)
    assert (tmp_path / "keep.txt").read_text() == "previous report"
