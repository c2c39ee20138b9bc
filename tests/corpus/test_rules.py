"""Cleaning rules are data: the bundled file, a researcher's own file, and bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.corpus import clean, load_cleaning_rules, load_corpus
from toolkit.errors import CodebookError

GOOD = """\
name: my-rules
version: 2
description: Strip the footer of my outlet.
licence: CC0
rules:
  - id: footer
    description: Subscribe prompt.
    regex: '^Subscribe now!$'
    flags: [multiline, IGNORECASE]
"""


def test_bundled_rules_header_and_order() -> None:
    rules = load_cleaning_rules()
    assert rules.name == "toolkit-boilerplate"
    assert rules.version == "1.0.0"
    assert rules.licence.startswith("MIT")
    assert rules.citation is not None
    assert rules.source == "toolkit/data/cleaning.yaml"
    assert [rule.id for rule in rules.rules] == [
        "legal_disclaimer",
        "agency_story_id",
        "date_stamp",
        "agency_dateline",
        "back_to_top",
        "leave_a_comment",
    ]
    back = rules.rules[4]
    assert back.flags == ("multiline", "ignorecase")
    assert back.pattern.flags & re.MULTILINE and back.pattern.flags & re.IGNORECASE
    assert load_cleaning_rules() is rules  # read once, then cached


def test_researcher_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(GOOD, encoding="utf-8")
    rules = load_cleaning_rules(path)
    assert (rules.name, rules.version, rules.source) == ("my-rules", "2", str(path))
    assert clean("Story.\nSUBSCRIBE NOW!", rules)[0] == "Story."
    # The researcher's rules replace the bundled ones: "Back to top button" stays.
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Body.\nBack to top button\nSubscribe now!", encoding="utf-8")
    (folder / "manifest.csv").write_text("file,outlet,title\na.txt,Daily,Story\n", encoding="utf-8")
    article = load_corpus(folder, cleaning=rules).articles[0]
    assert article.text == "Body.\nBack to top button"
    assert [r.rule for r in article.removals] == ["trailing_whitespace", "footer"]


def test_empty_rule_list_only_normalises(tmp_path: Path) -> None:
    path = tmp_path / "none.yaml"
    path.write_text("name: n\nversion: '1'\ndescription: d\nlicence: l\nrules: []\n", "utf-8")
    rules = load_cleaning_rules(path)
    assert rules.rules == ()
    assert clean("A.\r\nBack to top button\n", rules)[0] == "A.\nBack to top button"


def test_every_problem_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        """\
name: bad
version: "1"
description: several mistakes
colour: blue
rules:
  - id: ok
    description: fine
    regex: 'x'
  - id: broken
    description: unbalanced bracket
    regex: '(a'
  - id: ok
    description: same id again
    regex: 'y'
  - id: headline
    description: reserved id
    regex: 'z'
    flags: [multiline, sideways]
""",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError) as caught:
        load_cleaning_rules(path)
    found = [(p.location, p.message) for p in caught.value.problems]
    name = str(path)
    assert found == [
        (f"{name}:4", "unknown key 'colour'"),
        (name, "missing or empty 'licence'"),
        (
            f"{name}:9",
            "rule 'broken': invalid regex: missing ), unterminated subpattern at position 0",
        ),
        (f"{name}:12", "duplicate rule id 'ok' (first at line 6)"),
        (f"{name}:15", "rule 'headline': id is reserved for the loader"),
        (
            f"{name}:15",
            "rule 'headline': unknown flag 'sideways'; use any of "
            "['ascii', 'dotall', 'ignorecase', 'multiline', 'verbose']",
        ),
    ]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\nrules:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=rf"{re.escape(str(path))}:4: invalid YAML"):
        load_cleaning_rules(path)


def test_missing_rules_file(tmp_path: Path) -> None:
    with pytest.raises(CodebookError, match="cannot read rules file"):
        load_cleaning_rules(tmp_path / "absent.yaml")
