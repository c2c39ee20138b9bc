"""Each input format: .txt folder with and without manifest, JSONL, CSV, Media Cloud CSV."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from toolkit.corpus import load_corpus
from toolkit.corpus.loaders import read_txt_folder
from toolkit.errors import CorpusError

DATA = Path(__file__).parent / "data"


def _folder(tmp_path: Path, files: dict[str, str], manifest: str | None) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


def test_txt_folder_with_manifest(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {
            "b.txt": "\u201cBig\u201d news today\n\nOfficials said the talks went well.",
            "a.txt": "First paragraph is not a headline.\nSecond paragraph.",
            "notes.md": "not an article",
        },
        "file,outlet,title,date,url,domain,id\n"
        'b.txt,Daily Star,"""Big"" News Today",2024-04-14,https://x.test/b,x.test,\n'
        "a.txt,Evening Post,Some Headline,,,y.test,post-1\n",
    )
    corpus = load_corpus(folder)
    assert corpus.source == str(folder)
    assert [a.doc_id for a in corpus.articles] == ["b", "post-1"]
    big, post = corpus.articles
    assert (big.outlet, big.title, big.date, big.url) == (
        "Daily Star",
        '"Big" News Today',
        "2024-04-14",
        "https://x.test/b",
    )
    assert big.location == "news/b.txt"
    assert big.text == "Officials said the talks went well."
    assert big.removals[0].text == "\u201cBig\u201d news today\n\n"
    # The first line differs from the manifest title, so it is body text and is kept.
    assert (post.title, post.date, post.url) == ("Some Headline", None, None)
    assert post.text == "First paragraph is not a headline.\nSecond paragraph."
    assert post.removals == ()


def test_txt_folder_without_manifest_reads_titles_but_needs_outlets(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"one.txt": "\nHeadline One\r\nBody one.\r\n"}, None)
    reading = read_txt_folder(folder, "utf-8")
    (record,) = reading.records
    assert (record.doc_id, record.title, record.title_from_text) == ("one", "Headline One", True)
    assert record.outlet is None
    with pytest.raises(CorpusError) as caught:
        load_corpus(folder)
    (problem,) = caught.value.problems
    assert problem.location == "news/one.txt"
    assert problem.message == (
        "missing outlet: a folder of .txt files needs a manifest.csv with an 'outlet' column"
    )
    skipped = load_corpus(folder, on_error="skip")
    assert skipped.articles == ()
    assert [(r.doc_id, r.outlet, r.location) for r in skipped.rejected] == [
        ("one", None, "news/one.txt")
    ]


def test_txt_crlf_file_keeps_original_and_records_line_endings(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        {"a.txt": "Title\r\n\r\nLine one.\r\nLine two.\r\n"},
        "file,outlet,title\na.txt,Post,Title\n",
    )
    article = load_corpus(folder).articles[0]
    assert article.original_text == "Title\r\n\r\nLine one.\r\nLine two.\r\n"
    assert article.text == "Line one.\nLine two."
    assert [(r.rule, r.start, r.text) for r in article.removals] == [
        ("headline", 0, "Title\r\n\r\n"),
        ("line_ending", 18, "\r"),
        ("line_ending", 29, "\r"),
        ("trailing_whitespace", 30, "\n"),
    ]


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    lines = [
        {"id": 7, "outlet": "Wire", "title": "T1", "date": "2024-04-14", "text": "Body one."},
        {
            "media_name": "Gazette",
            "title": "T2",
            "publish_date": "2024-04-15",
            "text": "T2\n\nBody two.",
            "url": "https://g.test/2",
        },
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert [(a.doc_id, a.outlet, a.title, a.date, a.location) for a in corpus.articles] == [
        ("7", "Wire", "T1", "2024-04-14", "stories.jsonl:1"),
        ("stories-2", "Gazette", "T2", "2024-04-15", "stories.jsonl:2"),
    ]
    assert corpus.articles[1].text == "Body two."
    assert corpus.articles[1].url == "https://g.test/2"
    assert corpus.articles[1].removals[0].rule == "headline"


def test_jsonl_with_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    record = {"id": "b", "outlet": "Wire", "title": "T", "text": "Text."}
    path.write_text("\ufeff" + json.dumps(record) + "\n", encoding="utf-8")
    assert [a.doc_id for a in load_corpus(path).articles] == ["b"]


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl.gz"
    record = {"doc_id": "x1", "outlet": "Wire", "title": "T", "text": "Hello there."}
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(record) + "\n")
    (article,) = load_corpus(path).articles
    assert (article.doc_id, article.text, article.location) == (
        "x1",
        "Hello there.",
        "stories.jsonl.gz:1",
    )


def test_csv_plain(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(
        "\ufeffid,outlet,title,date,url,text\n"
        'a1,Post,Headline,2024-04-14,,"Para one.\nPara two."\n'
        ",Times,Other,,,Just one line.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(path)
    assert [(a.doc_id, a.outlet, a.location, a.text) for a in corpus.articles] == [
        ("a1", "Post", "articles.csv:row 2", "Para one.\nPara two."),
        ("articles-3", "Times", "articles.csv:row 3", "Just one line."),
    ]


def test_media_cloud_export() -> None:
    corpus = load_corpus(DATA / "mediacloud_stories.csv")
    assert [(a.doc_id, a.outlet, a.title, a.date, a.url) for a in corpus.articles] == [
        (
            "2701",
            "Harbour Gazette",
            "Ministers meet after overnight attack",
            "2024-04-14 09:12:00",
            "https://example.org/ministers",
        ),
        (
            "2702",
            "Valley Courier",
            "Talks continue, envoy says",
            "2024-04-15 18:40:05",
            "https://example.net/talks",
        ),
    ]
    first, second = corpus.articles
    assert first.text == (
        "Ministers met on Sunday, officials said.\n\n"
        "The cabinet will reportedly meet again on Monday."
    )
    assert second.text == "An envoy said talks would continue."
    assert [r.rule for r in second.removals] == ["trailing_whitespace", "back_to_top"]
    # Rows numbered as a spreadsheet shows them, even when a cell spans several lines.
    assert second.location == "mediacloud_stories.csv:row 3"


def test_media_cloud_export_gzipped(tmp_path: Path) -> None:
    path = tmp_path / "export.csv.gz"
    path.write_bytes(gzip.compress((DATA / "mediacloud_stories.csv").read_bytes()))
    corpus = load_corpus(path)
    assert [a.doc_id for a in corpus.articles] == ["2701", "2702"]
    assert corpus.articles[0].location == "export.csv.gz:row 2"
