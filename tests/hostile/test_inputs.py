"""Hostile input through the `toolkit` command: every problem is reported at once with its file,
line, row or byte offset, and nothing is written unless the researcher asks to skip bad articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.corpus.rules import load_cleaning_rules
from toolkit.errors import CodebookError


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "messy"
    folder.mkdir()
    (folder / "good.txt").write_text("Good headline\n\nOfficials said the strike may be limited.\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "nul.txt").write_bytes(b"Headline\n\nA NUL \x00 inside the text.\n")
    (folder / "latin.txt").write_bytes("Headline\n\nCafé talks in Genève.\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "twin.txt").write_text("Twin headline\n\nSame id as twin2.txt.\n")
    (folder / "twin2.txt").write_text("Twin headline\n\nSame id as twin.txt.\n")
    (folder / "manifest.csv").write_text(
        "file,id,outlet,title\n"
        "good.txt,a1,Outlet A,Good headline\n"
        "image.txt,a2,Outlet B,\n"
        "nul.txt,a3,Outlet C,\n"
        "latin.txt,a4,Outlet D,\n"
        "empty.txt,a5,Outlet E,\n"
        "twin.txt,dup,Outlet F,\n"
        "twin2.txt,dup,Outlet F,\n"
        "missing.txt,a7,Outlet G,\n"
        "good.txt,a8,,\n"
    )
    return folder


def test_every_problem_of_a_folder_is_reported_together_and_nothing_is_written(
    messy_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status, _, err = _run(capsys, "analyze", "--csv", str(messy_folder), "--out", str(out))
    assert status == 1
    assert not out.exists()
    assert err.startswith("error: ")
    for expected in (
        "messy/image.txt: binary file, not text: NUL byte at byte offset 8",
        "messy/nul.txt: binary file, not text: NUL byte at byte offset 16",
        "messy/latin.txt: undecodable bytes for encoding 'utf-8' at byte offset 13, line 3 "
        "(byte 0xe9): pass the file's encoding, e.g. --encoding latin-1",
        "messy/empty.txt: empty text",
        "messy/twin.txt: duplicate doc_id 'dup' (also at messy/twin2.txt)",
        "messy/manifest.csv:row 9: names file 'missing.txt', which does not exist",
        "messy/manifest.csv:row 10: lists 'good.txt' again (first at row 2)",
    ):
        assert expected in err, expected


def test_skip_analyses_the_good_articles_and_lists_every_rejection(
    messy_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status, printed, _ = _run(
        capsys, "analyze", "--csv", str(messy_folder), "--out", str(out), "--on-error", "skip"
    )
    assert status == 0
    assert "rejected: messy/image.txt: binary file, not text" in printed
    rejected = (out / "rejected.csv").read_text()
    for location in ("messy/image.txt", "messy/nul.txt", "messy/latin.txt", "messy/empty.txt"):
        assert location in rejected


def test_a_corpus_with_no_usable_article_says_so_even_when_skipping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "manifest.csv").write_text("file,outlet\nempty.txt,Nobody\n")
    out = tmp_path / "out"
    status, _, err = _run(
        capsys, "analyze", "--csv", str(folder), "--out", str(out), "--on-error", "skip"
    )
    assert status == 1
    assert "bad/empty.txt: empty text" in err
    assert "no usable article is left to analyse" in err
    assert not out.exists()


def test_a_manifest_cannot_reach_outside_the_corpus_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text("Secret\n\nNot part of the corpus.\n")
    (folder / "manifest.csv").write_text("file,outlet\n../secret.txt,Leak\n")
    status, _, err = _run(capsys, "analyze", "--csv", str(folder), "--out", str(tmp_path / "out"))
    assert status == 1
    assert "names '../secret.txt', which is outside the corpus folder" in err


def test_an_explicit_encoding_reads_a_legacy_file(
    messy_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    _run(
        capsys,
        *("analyze", "--csv", str(messy_folder), "--out", str(out)),
        *("--on-error", "skip", "--encoding", "latin-1"),
    )
    documents = (out / "documents.csv").read_text(encoding="utf-8")
    assert "a4,Outlet D" in documents


def test_an_article_over_the_limit_is_rejected_with_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "huge"
    folder.mkdir()
    (folder / "huge.txt").write_text("Headline\n\n" + "Officials said it may rain. " * 100_000)
    (folder / "manifest.csv").write_text("file,outlet\nhuge.txt,Big Outlet\n")
    status, _, err = _run(capsys, "analyze", "--csv", str(folder), "--out", str(tmp_path / "out"))
    assert status == 1
    assert "huge/huge.txt: text is 2,799,999 characters long, more than the 2,000,000" in err
    assert "split it into articles" in err


def test_a_jsonl_file_with_one_broken_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "stories.jsonl"
    good = {"id": "s1", "outlet": "Wire", "title": "T", "text": "Officials said so."}
    path.write_text(json.dumps(good) + "\n" + '{"id": "s2", "outlet": "Wire", "text": \n')
    out = tmp_path / "out"
    status, _, err = _run(capsys, "analyze", "--csv", str(path), "--out", str(out))
    assert status == 1
    assert "stories.jsonl:2: broken JSON: Expecting value (column 40)" in err
    assert not out.exists()
    status, printed, _ = _run(
        capsys, "analyze", "--csv", str(path), "--out", str(out), "--on-error", "skip"
    )
    assert status == 0
    assert "Analysed 1 articles (1 rejected)" in printed
    assert "stories.jsonl:2" in (out / "rejected.csv").read_text()


def test_csv_without_a_text_column_and_with_a_ragged_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    no_text = tmp_path / "no_text.csv"
    no_text.write_text("media_name,title,url\nWire,T,https://example.org\n")
    status, _, err = _run(capsys, "analyze", "--csv", str(no_text), "--out", str(tmp_path / "a"))
    assert status == 1
    assert (
        "no_text.csv:row 1: no text column: expected one of ['text', 'story_text', 'body']" in err
    )
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("media_name,title,text\nWire,T,Officials said so.\nWire,T2,Text,extra\n")
    status, _, err = _run(capsys, "analyze", "--csv", str(ragged), "--out", str(tmp_path / "b"))
    assert status == 1
    assert "ragged.csv:row 3" in err


def test_unknown_outlets_for_a_report_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = _run(capsys, "report", "--out", str(tmp_path / "r"), "--outlets", "Nobody")
    assert status == 1
    assert "names outlets not in the corpus: ['Nobody']" in err


def test_a_codebook_with_unknown_keys_and_bad_terms_names_file_line_and_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "name: bad\nversion: 1.0.0\nfamily: hedging\ndescription: d\ncitation: c\nlicence: l\n"
        "colour: red\ncategories:\n  adverb:\n    label: A\n    description: d\n    entries:\n"
        "      - id: maybe\n        terms: ['(maybe']\n        flavour: sweet\n"
    )
    status, printed, _ = _run(capsys, "codebooks", "check", str(path))
    assert status == 1
    assert "bad.yaml:7" in printed and "colour" in printed
    assert "bad.yaml:15" in printed and "flavour" in printed
    assert "maybe" in printed


def test_cleaning_rules_with_a_bad_regular_expression(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        "name: mine\nversion: 1.0.0\ndescription: d\nlicence: l\nrules:\n"
        "  - id: broken\n    description: d\n    regex: '(unclosed'\n"
    )
    with pytest.raises(CodebookError) as caught:
        load_cleaning_rules(path)
    assert "rules.yaml:6: rule 'broken': invalid regex: missing )" in str(caught.value)
    assert "broken" in str(caught.value)
