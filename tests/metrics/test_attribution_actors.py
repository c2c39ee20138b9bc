"""The actor codebook: shipped provenance, affiliation of sample-corpus sources, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.errors import CodebookError
from toolkit.metrics.attribution import affiliation, load_actors


def test_shipped_codebook_has_provenance_and_actors() -> None:
    actors = load_actors()
    assert (actors.name, actors.version) == ("actors", "1.0.0")
    assert "Sigal" in actors.citation and actors.licence.startswith("MIT")
    assert actors.ids == (
        "united_states", "israel", "iran", "other_states", "international", "media", "unknown",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("source", "source_type", "expected"),
    [
        # Sources of the sample corpus, as the extractor writes them.
        ("US Defense Secretary Lloyd Austin", "named_person", "united_states"),
        ("A senior White House official", "anonymous", "united_states"),
        ("Defence Minister Yoav Gallant", "named_person", "israel"),
        ("the Israel Defense Forces (IDF)", "named_organisation", "israel"),
        ("Hossein Salami", "named_person", "iran"),
        ("Tehran", "named_organisation", "iran"),
        ("Germany's Chancellor Olaf Scholz", "named_person", "other_states"),
        ("Axios", "news_media", "media"),
        ("two individuals familiar with their conversation", "unnamed_group", "unknown"),
        # Whole words only: "USA" is a term, "Austin" alone is not, "Iranian" is not "Iran".
        ("Austin", "named_person", "unknown"),
        ("Iranian officials", "unnamed_group", "iran"),
    ],
)
def test_affiliation(source: str, source_type: str, expected: str) -> None:
    assert affiliation(source, source_type, load_actors()) == expected


def test_researcher_codebook_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\nversion: '2'\ndescription: d\ncitation: c\nlicence: CC0\n"
        "actors:\n  unions:\n    label: Trade unions\n    terms: [AFL-CIO, Teamsters]\n",
        encoding="utf-8",
    )
    actors = load_actors(path)
    assert actors.ids == ("unions", "unknown")
    assert affiliation("the Teamsters", "named_organisation", actors) == "unions"


def test_bad_codebook_reports_every_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "name: bad\nversion: '1'\ndescription: d\nlicence: x\ncolour: red\n"
        "actors:\n"
        "  Big-Tech:\n    label: Tech\n    terms: [Google]\n"
        "  press:\n    label: Press\n    terms: [Google, '']\n    media: true\n"
        "  other:\n    terms: []\n",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError) as caught:
        load_actors(path)
    messages = [str(problem) for problem in caught.value.problems]
    assert f"{path}:1: citation: missing or empty; it must be a non-empty text" in messages
    assert any(m.startswith(f"{path}:5: colour: unknown key") for m in messages)
    assert any(m.startswith(f"{path}:7: actors.Big-Tech: ids are lower-case") for m in messages)
    assert f"{path}:12: actors.press.terms: 'Google' is already a term of 'Big-Tech'" in messages
    assert any(m.startswith(f"{path}:12: actors.press.terms: every term") for m in messages)
    assert any(m.startswith(f"{path}:15: actors.other.label: missing") for m in messages)
    assert any(m.startswith(f"{path}:15: actors.other.terms: missing") for m in messages)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\nactors: [oops\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"broken\.yaml:\d+: not valid YAML"):
        load_actors(path)
