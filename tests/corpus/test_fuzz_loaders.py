"""Bounded fuzzing of the loaders: any bytes in any input format end in a Corpus or a
CorpusError naming the problem, never in another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.corpus import load_corpus
from toolkit.errors import CorpusError

_FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_ish = st.one_of(
    st.binary(max_size=300),
    st.lists(
        st.sampled_from(
            [
                b'{"text": "A story.", "outlet": "X", "id": "1"}',
                b"{",
                b'{"text": 3}',
                b"",
                b"\xff",
                b'{"outlet": "X"}',
                b'["list"]',
                b'{"text": "", "outlet": ""}',
                b"null",
            ]
        ),
        max_size=6,
    ).map(b"\n".join),
)
csv_ish = st.one_of(
    st.binary(max_size=300),
    st.lists(
        st.sampled_from(
            [
                b"text,outlet,title",
                b"media_name,story_text,title,url",
                b'"A story",X,T',
                b'"unclosed,X',
                b"a,b,c,d,e",
                b"",
                b"\x00",
                b"only",
            ]
        ),
        max_size=6,
    ).map(b"\n".join),
)


def _load(name: str, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for on_error in ("raise", "skip"):
            try:
                corpus = load_corpus(
                    path if not name.endswith(".txt") else path.parent, on_error=on_error
                )  # type: ignore[arg-type]
            except CorpusError as error:
                assert error.problems, "a CorpusError must name at least one problem"
                assert all(str(problem).strip() for problem in error.problems)
            else:
                assert all(article.text for article in corpus.articles)


@_FUZZ
@given(data=json_ish)
def test_jsonl_loader_never_fails_unexplained(data: bytes) -> None:
    _load("stories.jsonl", data)


@_FUZZ
@given(data=csv_ish)
def test_csv_loader_never_fails_unexplained(data: bytes) -> None:
    _load("stories.csv", data)


@_FUZZ
@given(data=st.binary(max_size=300))
def test_txt_folder_loader_never_fails_unexplained(data: bytes) -> None:
    _load("story.txt", data)
