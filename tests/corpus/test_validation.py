"""Every input problem is named by file and line/row, collected, then raised together or skipped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.corpus import Rejection, load_corpus
from toolkit.errors import CorpusError

MANIFEST_HEADER = "file,outlet,title,id\n"


def _problems(path: Path) -> list[tuple[str, str]]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    return [(problem.location, problem.message) for problem in caught.value.problems]


@pytest.fixture
def messy_folder(tmp_path: Path) -> Path:
    """A folder with one good article and one of each per-article problem."""
    folder = tmp_path / "messy"
    folder.mkdir()
    files: dict[str, bytes] = {
        "good.txt": b"Good title\n\nA fine article.",
        "empty.txt": b"",
        "boiler.txt": b"Boiler title\n\nBack to top button\n",
        "latin1.txt": "Caf\u00e9 title\nBody.".encode("latin-1"),
        "binary.txt": b"GIF89a\x00\x01\x02",
        "no_outlet.txt": b"T\nSome text.",
        "dup_a.txt": b"Dup A\nText a.",
        "dup_b.txt": b"Dup B\nText b.",
        "stray.txt": b"Not in the manifest.",
    }
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    (folder / "manifest.csv").write_text(
        MANIFEST_HEADER
        + "good.txt,Post,Good title,\n"
        + "empty.txt,Post,Empty,\n"
        + "boiler.txt,Post,Boiler title,\n"
        + "latin1.txt,Post,Caf\u00e9 title,\n"
        + "binary.txt,Post,Picture,\n"
        + "no_outlet.txt,,T,\n"
        + "dup_a.txt,Post,Dup A,same\n"
        + "dup_b.txt,Times,Dup B,same\n"
        + "gone.txt,Times,Gone,gone-1\n",
        encoding="utf-8",
    )
    return folder


EXPECTED = [
    ("messy/binary.txt", "binary file, not text: NUL byte at byte offset 6"),
    (
        "messy/boiler.txt",
        "empty text after cleaning (everything removed by rules ['back_to_top', 'headline'])",
    ),
    ("messy/dup_a.txt", "duplicate doc_id 'same' (also at messy/dup_b.txt)"),
    ("messy/dup_b.txt", "duplicate doc_id 'same' (also at messy/dup_a.txt)"),
    ("messy/empty.txt", "empty text"),
    (
        "messy/latin1.txt",
        "undecodable bytes for encoding 'utf-8' at byte offset 3, line 1 (byte 0xe9): "
        "pass the file's encoding, e.g. --encoding latin-1",
    ),
    ("messy/manifest.csv:row 10", "names file 'gone.txt', which does not exist"),
    ("messy/no_outlet.txt", "missing outlet (fill the 'outlet' column of manifest.csv)"),
    ("messy/stray.txt", "is not listed in manifest.csv"),
]


def test_all_folder_problems_in_one_error(messy_folder: Path) -> None:
    assert _problems(messy_folder) == EXPECTED


def test_error_message_lists_every_problem(messy_folder: Path) -> None:
    with pytest.raises(CorpusError) as caught:
        load_corpus(messy_folder)
    text = str(caught.value)
    assert text.startswith("9 problem(s) in the corpus:\n  - messy/binary.txt: binary file")
    assert "  - messy/stray.txt: is not listed in manifest.csv" in text


def test_skip_returns_good_articles_and_every_rejection(messy_folder: Path) -> None:
    corpus = load_corpus(messy_folder, on_error="skip")
    assert [a.doc_id for a in corpus.articles] == ["good"]
    assert corpus.rejected == (
        Rejection("messy/binary.txt", EXPECTED[0][1], "binary", "Post"),
        Rejection("messy/boiler.txt", EXPECTED[1][1], "boiler", "Post"),
        Rejection("messy/dup_a.txt", EXPECTED[2][1], "same", "Post"),
        Rejection("messy/dup_b.txt", EXPECTED[3][1], "same", "Times"),
        Rejection("messy/empty.txt", "empty text", "empty", "Post"),
        Rejection("messy/latin1.txt", EXPECTED[5][1], "latin1", "Post"),
        Rejection("messy/manifest.csv:row 10", EXPECTED[6][1], "gone-1", "Times"),
        Rejection("messy/no_outlet.txt", EXPECTED[7][1], "no_outlet", None),
        Rejection("messy/stray.txt", EXPECTED[8][1], None, None),
    )


def test_encoding_parameter_fixes_undecodable_file(tmp_path: Path) -> None:
    folder = tmp_path / "latin"
    folder.mkdir()
    (folder / "a.txt").write_bytes("Caf\u00e9 title\nBody.".encode("latin-1"))
    (folder / "manifest.csv").write_bytes("file,outlet\na.txt,Le Monde\n".encode("latin-1"))
    article = load_corpus(folder, encoding="latin-1").articles[0]
    assert (article.title, article.text) == ("Caf\u00e9 title", "Body.")


def test_several_problems_on_one_article_are_joined(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"id": "x", "title": "T", "text": "   "}) + "\n", encoding="utf-8")
    corpus = load_corpus(path, on_error="skip")
    assert corpus.rejected == (
        Rejection("s.jsonl:1", "missing outlet ('outlet' or 'media_name'); empty text", "x", None),
    )


def test_jsonl_problems_name_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {"id": "a", "outlet": "O", "title": "T", "text": "Fine."}
    lines = [
        json.dumps(good),
        '{"id": "b", "outlet": "O", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "c", "outlet": "O", "title": "T"}),
        json.dumps({"id": "d", "outlet": ["O"], "title": "T", "text": 5}),
        json.dumps(good),
    ]
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(raw + b'{"id": "e", "outlet": "O", "text": "bad \xff byte"}\n')
    line_seven = len(raw)
    assert _problems(path) == [
        ("feed.jsonl:1", "duplicate doc_id 'a' (also at feed.jsonl:6)"),
        ("feed.jsonl:2", "broken JSON: Unterminated string starting at (column 36)"),
        ("feed.jsonl:3", "expected a JSON object"),
        ("feed.jsonl:4", "missing 'text'"),
        ("feed.jsonl:5", "'outlet' must be text or a number, got list"),
        ("feed.jsonl:5", "'text' must be a string, got int"),
        ("feed.jsonl:5", "missing outlet ('outlet' or 'media_name')"),
        ("feed.jsonl:6", "duplicate doc_id 'a' (also at feed.jsonl:1)"),
        (
            "feed.jsonl:7",
            f"undecodable bytes for encoding 'utf-8' at byte offset {line_seven + 40} "
            "(byte 0xff): pass the file's encoding, e.g. --encoding latin-1",
        ),
    ]


def test_csv_row_problems_name_the_row(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(
        b"id,media_name,title,body\n"
        b"1,Post,T,Fine text.\n"
        b"2,Post,T\n"
        b"3,,T,No outlet.\n"
        b'4,Post,T,"multi\nline \xff"\n'
        b"1,Times,T,Same id.\n"
    )
    assert _problems(path) == [
        ("rows.csv:row 2", "duplicate doc_id '1' (also at rows.csv:row 6)"),
        ("rows.csv:row 3", "has 3 fields, the header has 4"),
        ("rows.csv:row 4", "missing outlet ('outlet' or 'media_name')"),
        (
            "rows.csv:row 5",
            "undecodable bytes for encoding 'utf-8' at byte offset 91, line 6 (byte 0xff): "
            "pass the file's encoding, e.g. --encoding latin-1",
        ),
        ("rows.csv:row 6", "duplicate doc_id '1' (also at rows.csv:row 2)"),
    ]


def test_csv_without_text_column_always_raises(tmp_path: Path) -> None:
    path = tmp_path / "meta.csv"
    path.write_text("stories_id,media_name,title\n1,Post,T\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        load_corpus(path, on_error="skip")
    (problem,) = caught.value.problems
    assert problem.location == "meta.csv:row 1"
    assert problem.message == (
        "no text column: expected one of ['text', 'story_text', 'body'], "
        "found ['stories_id', 'media_name', 'title']"
    )


def test_malformed_csv_always_raises(tmp_path: Path) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text('text,outlet\n"fine",Post\n"a "bad" quote",Post\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"quotes\.csv:row 3: malformed CSV near line 3"):
        load_corpus(path, on_error="skip")


def test_malformed_manifest_always_raises_with_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "a.txt").write_text("A\nText.", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,title\na.txt,A\nb.txt,B,extra\n,C\n", encoding="utf-8"
    )
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder, on_error="skip")
    assert [(p.location, p.message) for p in caught.value.problems] == [
        ("m/manifest.csv:row 1", "missing column(s) ['outlet']"),
        ("m/manifest.csv:row 3", "has 3 fields, the header has 2"),
    ]


def test_manifest_rows_checked_together(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "a.txt").write_text("A\nText.", encoding="utf-8")
    (folder / "manifest.csv").write_text(
        "file,outlet\na.txt,Post\n,Post\na.txt,Times\n", encoding="utf-8"
    )
    assert _problems(folder) == [
        ("m/manifest.csv:row 3", "empty 'file' cell"),
        ("m/manifest.csv:row 4", "lists 'a.txt' again (first at row 2)"),
    ]


def test_unreadable_manifest_always_raises(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "manifest.csv").write_bytes(b"file,outlet\nx.txt,Caf\xe9\n")
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder, on_error="skip")
    assert [(p.location, p.message) for p in caught.value.problems] == [
        (
            "m/manifest.csv",
            "undecodable bytes for encoding 'utf-8' at byte offset 21 (byte 0xe9): "
            "pass the file's encoding, e.g. --encoding latin-1",
        )
    ]


def test_empty_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match=r"no \.txt files and no manifest\.csv"):
        load_corpus(tmp_path)


def test_empty_csv_raises(tmp_path: Path) -> None:
    path = tmp_path / "nothing.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"nothing\.csv: the CSV file is empty"):
        load_corpus(path)


def test_input_without_articles_raises(tmp_path: Path) -> None:
    path = tmp_path / "header_only.csv"
    path.write_text("id,outlet,text\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        load_corpus(path, on_error="skip")
    assert [(p.location, p.message) for p in caught.value.problems] == [
        (str(path), "no articles found")
    ]
