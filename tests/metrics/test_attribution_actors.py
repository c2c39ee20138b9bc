"""Affiliation read from the actor codebook (family salience): one file for both families."""

from __future__ import annotations

from pathlib import Path

import pytest

from toolkit.codebooks import load_codebook
from toolkit.errors import CodebookError, ParameterError
from toolkit.metrics.attribution import actor_ids, affiliation, default_actors


def test_shipped_codebook_is_the_salience_codebook_with_a_media_actor() -> None:
    actors = default_actors()
    assert (actors.name, actors.family, actors.version) == ("actors", "salience", "2.1.1")
    assert "Sigal" in actors.citation
    ids = actor_ids(actors)
    assert ids[:3] == ("israel", "iran", "united_states")
    assert ids[-3:] == ("other_states", "media", "unknown")
    assert "actions" not in ids
    assert [c.id for c in actors.categories if c.media] == ["media"]


@pytest.mark.parametrize(
    ("source", "source_type", "expected"),
    [
        ("US Defense Secretary Lloyd Austin", "named_person", "united_states"),
        ("A senior White House official", "anonymous", "united_states"),
        ("the Pentagon chief", "role", "united_states"),
        ("Defence Minister Yoav Gallant", "named_person", "israel"),
        ("the Israel Defense Forces (IDF)", "named_organisation", "israel"),
        ("Hossein Salami", "named_person", "iran"),
        ("Tehran", "named_organisation", "iran"),
        ("Germany's Chancellor Olaf Scholz", "named_person", "other_states"),
        ("Axios", "news_media", "media"),
        ("two individuals familiar with their conversation", "anonymous", "unknown"),
        # Whole words only; "us" the pronoun is not the United States (capitalised guard).
        ("Austin", "named_person", "unknown"),
        ("us", "pronoun", "unknown"),
        ("IRANIAN OFFICIALS", "unnamed_group", "iran"),
    ],
)
def test_affiliation(source: str, source_type: str, expected: str) -> None:
    assert affiliation(source, source_type, default_actors()) == expected


def test_researcher_codebook_serves_affiliation(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(
        "name: mine\nversion: '2.0.0'\nfamily: salience\ndescription: d\ncitation: c\n"
        "licence: CC0\ncategories:\n"
        "  unions:\n    label: Trade unions\n    description: d\n"
        "    entries:\n      - id: unions\n        terms: [afl-cio, teamsters]\n"
        "  press:\n    label: Press\n    description: d\n    media: true\n"
        "    entries:\n      - id: press\n        terms: [gazette]\n"
        "  actions:\n    label: Actions\n    description: d\n"
        "    entries:\n      - id: attack\n        terms: [attacked]\n",
        encoding="utf-8",
    )
    actors = load_codebook(path)
    assert actor_ids(actors) == ("unions", "press", "unknown")
    assert affiliation("the Teamsters", "named_organisation", actors) == "unions"
    assert affiliation("Reuters", "news_media", actors) == "press"


def test_media_flag_is_checked(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "name: bad\nversion: '1.0.0'\nfamily: salience\ndescription: d\ncitation: c\n"
        "licence: CC0\ncategories:\n"
        "  press:\n    label: Press\n    description: d\n    media: maybe\n"
        "    entries:\n      - id: press\n        terms: [gazette]\n"
        "  actions:\n    label: Actions\n    description: d\n"
        "    entries:\n      - id: attack\n        terms: [attacked]\n",
        encoding="utf-8",
    )
    with pytest.raises(CodebookError, match=r"bad\.yaml:11: category 'press': 'media' must be"):
        load_codebook(path)


def test_a_codebook_of_another_family_is_refused() -> None:
    from toolkit.codebooks import default_codebook

    with pytest.raises(ParameterError, match="must be of family 'salience'"):
        affiliation("Iran", "named_organisation", default_codebook("hedging"))
