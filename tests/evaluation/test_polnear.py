"""Reading PolNeAR-format files: the hand-written fixture and malformed input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from toolkit.errors import CorpusError
from toolkit.evaluation import read_polnear
from toolkit.evaluation.polnear import DEFAULT_POLNEAR
from toolkit.text import Span

TINY = Path(__file__).parent / "data" / "handwritten_relations.jsonl"


def test_reads_articles_of_one_split_with_the_first_annotator() -> None:
    alpha, beta = read_polnear(TINY, split="dev")
    assert (alpha.doc_id, alpha.outlet, alpha.split) == ("alpha-1", "alpha", "dev")
    assert alpha.annotator == "a1"  # "a1" sorts before "zz9"
    said = alpha.relations[0]
    assert said.cue == (Span(17, 21),) and alpha.text[17:21] == "said"
    assert alpha.text[said.source[0].start : said.source[0].end] == "Senator Jane Roe"
    assert said.cue_text == "said"
    announced = beta.relations[2]
    assert (announced.cue_text, announced.source) == ("was announced", ())
    assert len(read_polnear(TINY)) == 3


def test_gzip_file_reads_the_same(tmp_path: Path) -> None:
    packed = tmp_path / "tiny.jsonl.gz"
    packed.write_bytes(gzip.compress(TINY.read_bytes()))
    assert read_polnear(packed) == read_polnear(TINY)


def test_every_problem_is_reported_with_its_line(tmp_path: Path) -> None:
    good = TINY.read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(good)
    record["attributions"]["a1"][0]["cue"][0]["spans"] = [[5, 9999]]
    lines = [good, "{not json", json.dumps({"id": "x", "split": "dev"}), json.dumps(record)]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError) as caught:
        read_polnear(path)
    messages = [str(problem) for problem in caught.value.problems]
    assert messages[0].startswith(f"{path}:2: not valid JSON")
    assert any(m.startswith(f"{path}:3: 'outlet' is missing") for m in messages)
    assert any(m.startswith(f"{path}:3: 'attributions' must map") for m in messages)
    assert any(
        m.startswith(f"{path}:4: annotator 'a1', relation 0, cue: bad span") for m in messages
    )


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="cannot read the file"):
        read_polnear(tmp_path / "absent.jsonl")


def test_default_path_is_beside_the_repository() -> None:
    assert DEFAULT_POLNEAR.parts[-3:] == ("shared", "corpora", "polnear-train-dev.jsonl.gz")
