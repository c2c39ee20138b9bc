"""Issue 16, items 12 and 13: YAML aliases and deep nesting refused wherever YAML is read, and a
researcher's regular expression stopped after a time limit instead of hanging the run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.codebooks import check_codebook, load_codebook
from toolkit.corpus import load_cleaning_rules, load_corpus
from toolkit.corpus import rules as rules_module
from toolkit.errors import CodebookError, CorpusError
from toolkit.metrics.attribution.cues import load_lexicon

# Nine levels of nine aliases each: 9**9 (387 million) strings once expanded, in 600 bytes.
LAUGHS = "".join(
    f"{name}: &{name} [{', '.join([f'*{before}'] * 9)}]\n"
    for before, name in zip("abcdefgh", "bcdefghi", strict=True)
)
LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + LAUGHS
RULES_HEADER = "name: mine\nversion: 1.0.0\ndescription: d\nlicence: l\n"


def _laughing_rules(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(
        LAUGHS + RULES_HEADER + "rules:\n  - id: r\n    description: d\n    regex: x\n"
        "    flags: *i\n",
        encoding="utf-8",
    )
    return path


def test_billion_laughs_in_cleaning_rules_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    assert len(LAUGHS.encode()) < 700
    with pytest.raises(CodebookError) as caught:
        load_cleaning_rules(_laughing_rules(tmp_path))
    message = str(caught.value)
    assert "rules.yaml:2" in message
    assert "the alias *a is not allowed" in message
    assert len(message) < 1000


@pytest.mark.parametrize("reader", [load_codebook, load_lexicon], ids=["codebook", "lexicon"])
def test_aliases_are_refused_in_every_yaml_a_researcher_can_give(
    reader: object, tmp_path: Path
) -> None:
    path = tmp_path / "file.yaml"
    path.write_text(LAUGHS + "name: x\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"file\.yaml:2.*the alias \*a is not allowed"):
        reader(path)  # type: ignore[operator]


def test_a_codebook_nested_thousands_deep_is_a_located_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("name: deep\ncategories: " + "[" * 5000 + "]" * 5000 + "\n")
    problems = check_codebook(path)
    assert [str(problem) for problem in problems] == [
        f"{path}:2: not valid YAML: nested more than 64 levels deep"
    ]
    assert main(["codebooks", "check", str(path)]) == 1
    assert "nested more than 64 levels deep" in capsys.readouterr().out
    status = main(["analyze", "--hedging-codebook", str(path), "--out", str(tmp_path / "out")])
    assert status == 1
    assert "nested more than 64 levels deep" in capsys.readouterr().err


def test_deeply_nested_cleaning_rules_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES_HEADER + "rules: " + "[" * 3000 + "]" * 3000 + "\n")
    with pytest.raises(CodebookError, match="nested more than 64 levels deep"):
        load_cleaning_rules(path)


@pytest.fixture
def backtracking_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(rules_module, "RULE_TIME_LIMIT", 0.1)
    path = tmp_path / "rules.yaml"
    path.write_text(
        RULES_HEADER + "rules:\n  - id: runaway\n    description: d\n    regex: '(a|aa)+$'\n"
    )
    return path


def test_a_catastrophic_rule_is_stopped_and_its_article_reported(
    backtracking_rules: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "stories.jsonl"
    lines = [
        {"id": "fine", "outlet": "O", "text": "Officials said the strike may be limited."},
        {"id": "trap", "outlet": "O", "text": "Officials said so. " + "a" * 60 + "b"},
    ]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines))
    rules = load_cleaning_rules(backtracking_rules)
    with pytest.raises(CorpusError) as caught:
        load_corpus(corpus, cleaning=rules)
    assert [str(problem) for problem in caught.value.problems] == [
        "stories.jsonl:2: cleaning rule 'runaway' ran longer than 0.1 s on this text and was "
        "stopped (its regular expression probably backtracks without end: simplify it)"
    ]
    skipped = load_corpus(corpus, cleaning=rules, on_error="skip")
    assert [article.doc_id for article in skipped.articles] == ["fine"]
    assert [(item.location, item.doc_id) for item in skipped.rejected] == [
        ("stories.jsonl:2", "trap")
    ]


def test_a_streamed_corpus_reports_the_stopped_rule_too(
    backtracking_rules: Path, tmp_path: Path
) -> None:
    from toolkit.corpus.stream import stream_articles

    corpus = tmp_path / "stories.jsonl"
    corpus.write_text(json.dumps({"id": "trap", "outlet": "O", "text": "a" * 60 + "b"}) + "\n")
    stream = stream_articles(corpus, cleaning=load_cleaning_rules(backtracking_rules))
    assert list(stream) == []
    assert "cleaning rule 'runaway' ran longer than 0.1 s" in stream.outcome().rejected[0].reason


def test_rules_keep_pythons_syntax_and_messages(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(
        RULES_HEADER + "rules:\n  - id: fancy\n    description: d\n    regex: '\\p{L}+'\n"
    )
    with pytest.raises(CodebookError, match=r"rule 'fancy': invalid regex: bad escape \\p"):
        load_cleaning_rules(path)
