"""Issue 16, items 6, 7, 8 and 13: invalid code points, long CSV articles, unbounded lines and
entries that are not regular files, read by ``load_corpus`` and by the streaming reader."""

from __future__ import annotations

import gzip
import json
import os
import threading
from pathlib import Path

import pandas as pd
import pytest

from toolkit.cli import main
from toolkit.corpus import load_corpus
from toolkit.corpus.limits import MAX_RECORD_BYTES
from toolkit.corpus.stream import stream_articles
from toolkit.errors import CorpusError

GOOD = {"id": "good", "outlet": "Wire", "title": "T", "text": "Officials said the strike may end."}


def _problems(path: Path) -> list[str]:
    with pytest.raises(CorpusError) as caught:
        load_corpus(path)
    return [str(problem) for problem in caught.value.problems]


def _streamed_rejections(path: Path) -> list[tuple[str, str]]:
    stream = stream_articles(path)
    list(stream)
    return [(item.location, item.reason) for item in stream.outcome().rejected]


def test_a_lone_surrogate_is_reported_with_its_field_and_position(tmp_path: Path) -> None:
    path = tmp_path / "stories.jsonl"
    path.write_text(
        json.dumps(GOOD)
        + "\n"
        + '{"id": "half", "outlet": "Wire", "text": "Smile \\ud83d here."}\n'
        + '{"id": "name", "outlet": "W\\udc00ire", "text": "Officials said so."}\n',
        encoding="utf-8",
    )
    assert _problems(path) == [
        "stories.jsonl:2: invalid code point U+D83D in 'text' at character 6: a lone surrogate "
        "(half of a UTF-16 pair) is not text; fix the program that wrote the file",
        "stories.jsonl:3: invalid code point U+DC00 in 'outlet' at character 1: a lone "
        "surrogate (half of a UTF-16 pair) is not text; fix the program that wrote the file",
    ]
    assert [location for location, _ in _streamed_rejections(path)] == [
        "stories.jsonl:2",
        "stories.jsonl:3",
    ]


def test_skip_analyses_around_a_lone_surrogate_and_names_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It ended the run with a pyarrow UnicodeEncodeError traceback, even with skip."""
    path = tmp_path / "stories.jsonl"
    path.write_text(
        json.dumps(GOOD) + "\n" + '{"id": "s2", "outlet": "W\\ud83d", "text": "\\ud83d"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["analyze", "--csv", str(path), "--out", str(out), "--on-error", "skip"]) == 0
    printed = capsys.readouterr().out
    assert "Analysed 1 articles (1 rejected)" in printed
    assert "rejected: stories.jsonl:2: invalid code point U+D83D in 'outlet'" in printed
    rejected = pd.read_csv(out / "rejected.csv")
    assert rejected[["location", "doc_id", "outlet"]].values.tolist() == [
        ["stories.jsonl:2", "s2", "W\ufffd"]
    ]


def test_a_csv_article_longer_than_the_csv_modules_default_loads(tmp_path: Path) -> None:
    """Python's csv module stops at 131,072 characters a field unless told otherwise."""
    text = "Officials said the strike may be limited. " * 12_000  # 504,000 characters
    path = tmp_path / "long.csv"
    pd.DataFrame({"id": ["long"], "outlet": ["Wire"], "text": [text]}).to_csv(path, index=False)
    (article,) = load_corpus(path).articles
    assert len(article.text) == len(text.strip())
    assert [article.doc_id for article in stream_articles(path)] == ["long"]


def test_a_csv_field_over_the_article_limit_rejects_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(
        f"id,outlet,text\nhuge,Wire,{'a' * 2_000_001}\nfine,Wire,Officials said so.\n",
        encoding="utf-8",
    )
    expected = (
        "rows.csv:row 2",
        "has a field longer than the 2,000,000 characters an article may have (line 2); it was "
        "skipped. It is probably not one article: split it into articles",
    )
    corpus = load_corpus(path, on_error="skip")
    assert [article.doc_id for article in corpus.articles] == ["fine"]
    assert [(item.location, item.reason) for item in corpus.rejected] == [expected]
    assert _streamed_rejections(path) == [expected]


def test_a_gzip_line_longer_than_any_article_is_skipped_not_read_whole(tmp_path: Path) -> None:
    """A small gzip file expanding to one huge line was decompressed whole (MemoryError)."""
    path = tmp_path / "bomb.jsonl.gz"
    size = MAX_RECORD_BYTES + 5_000_000
    with gzip.open(path, "wb", compresslevel=1) as handle:
        handle.write(b'{"id": "bomb", "outlet": "Wire", "text": "')
        handle.write(b"a" * (size - 43))
        handle.write(b'"}\n' + json.dumps(GOOD).encode() + b"\n")
    assert path.stat().st_size < 200_000
    message = (
        f"is {size + 2:,} bytes long, more than an article of at most 2,000,000 characters can "
        "take (25,048,576 bytes); it was skipped without being read whole."
    )
    corpus = load_corpus(path, on_error="skip")
    assert [article.doc_id for article in corpus.articles] == ["good"]
    ((location, reason),) = [(item.location, item.reason) for item in corpus.rejected]
    assert location == "bomb.jsonl.gz:1"
    assert reason.startswith(message)
    streamed = _streamed_rejections(path)
    assert streamed[0][1].startswith(message)


def test_a_csv_line_longer_than_any_article_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,outlet,text\n")
        handle.write("x" * (MAX_RECORD_BYTES + 10) + "\n")
        handle.write("fine,Wire,Officials said so.\n")
    corpus = load_corpus(path, on_error="skip")
    assert [article.doc_id for article in corpus.articles] == ["fine"]
    assert [item.reason[:60] for item in corpus.rejected] == [
        "line 2 is 25,048,587 characters long, more than an article o"
    ]


def test_a_txt_file_larger_than_any_article_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    with (folder / "big.txt").open("wb") as handle:
        handle.truncate(3 * MAX_RECORD_BYTES)  # sparse: nothing to read, only a size
    (folder / "manifest.csv").write_text("file,outlet\nbig.txt,Wire\n")
    assert _problems(folder)[0].startswith(
        "big/big.txt: is 75,145,728 bytes long, more than an article of at most 2,000,000"
    )


def test_entries_that_are_not_files_say_what_they_are(tmp_path: Path) -> None:
    """A FIFO or a folder named x.txt was reported as "does not exist"."""
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "good.txt").write_text("Headline\n\nOfficials said so.\n")
    (folder / "folder.txt").mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "secret.txt").write_text("Secret\n\nNot part of the corpus.\n")
    (folder / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "manifest.csv").write_text(
        "file,outlet\ngood.txt,Wire\nfolder.txt,Wire\npipe.txt,Wire\nmissing.txt,Wire\n"
    )
    assert _problems(folder) == [
        "odd/dangling.txt: is a link to nothing (a broken symbolic link)",
        "odd/manifest.csv:row 3: names file 'folder.txt', which is a folder, not a text file",
        "odd/manifest.csv:row 4: names file 'pipe.txt', which is not a regular file (a folder, "
        "pipe, socket or device)",
        "odd/manifest.csv:row 5: names file 'missing.txt', which does not exist",
        "odd/outside.txt: is a link to a file outside the corpus folder",
    ]


def test_a_pipe_given_as_the_corpus_is_refused_at_once(tmp_path: Path) -> None:
    """Opening a FIFO blocks until something writes to it: the loader must not open it."""
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    outcome: list[BaseException] = []

    def load() -> None:
        for reader in (load_corpus, stream_articles):
            try:
                reader(fifo)
            except CorpusError as error:
                outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "reading a FIFO blocked"
    assert [str(error.problems[0]) for error in outcome] == [  # type: ignore[attr-defined]
        f"{fifo}: is not a regular file (a folder, pipe, socket or device)"
    ] * 2


def test_an_undecodable_file_name_is_shown_not_crashed_on(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # not UTF-8: Python keeps the byte as a lone surrogate
    (folder / name).write_text("Headline\n\nOfficials said so.\n")
    problems = _problems(folder)
    assert problems == [
        "names/caf\ufffd.txt: missing outlet: a folder of .txt files needs a manifest.csv with "
        "an 'outlet' column"
    ]
