"""Tests for toolkit.codebooks.loader: built-in codebooks and validation of researchers' files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolkit.codebooks import (
    Codebook,
    builtin_codebook,
    builtin_codebook_names,
    check_codebook,
    default_codebook,
    load_codebook,
)
from toolkit.errors import CodebookError, ParameterError
from toolkit.metrics.registry import registry

VALID = """\
name: my-hedges
version: "0.2.0"
family: hedging
description: Two hedges.
citation: Me (2024).
licence: CC0
categories:
  modal:
    label: Modals
    description: Modal verbs.
    entries:
      - id: might
        terms: [might, might well]
      - id: may
        terms: [may]
        guards: [not_month]
        weight: 0.5
        note: The month is not a hedge.
"""

# Line numbers matter: the tests below name them.
BROKEN = """\
name: broken
version: "1.0"
family: hedging
description: Many problems at once.
citation: Me (2024).
licence: CC0
colour: blue
categories:
  modal:
    label: Modals
    description: Modal verbs.
    entries:
      - id: might
        terms: []
      - id: might
        terms: [might]
        guards: [no_such_guard]
      - id: may
        terms: ["ma(y|ybe)"]
        weight: -1
      - id: could
        terms: [could, Might]
        wieght: 2
  booster:
    label: Boosters
    entries:
      - terms: [clearly]
"""


def _write(tmp_path: Path, text: str, name: str = "codebook.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_codebook_names_lists_the_shipped_files() -> None:
    assert builtin_codebook_names() == (
        "actors",
        "conflict_frames",
        "framing",
        "hedging",
        "loaded_labels",
        "policy_frames",
    )


DEFAULT_CODEBOOKS = {
    "hedging": "hedging",
    "framing": "framing",
    "policy": "policy_frames",
    "conflict": "conflict_frames",
    "labels": "loaded_labels",
    "salience": "actors",
}


def test_every_registry_slot_has_its_builtin_default() -> None:
    slots = {slot.family: slot.default for slot in registry().slots()}
    assert slots == DEFAULT_CODEBOOKS


@pytest.mark.parametrize(("family", "name"), sorted(DEFAULT_CODEBOOKS.items()))
def test_builtin_codebooks_are_valid_with_provenance(family: str, name: str) -> None:
    book = builtin_codebook(name)
    assert book.name == name
    assert book.family == family
    assert default_codebook(family) is book
    assert re.fullmatch(r"\d+\.\d+\.\d+", book.version)
    assert book.citation and book.licence and book.description
    assert check_codebook(book.path) == []
    assert builtin_codebook(name) is book  # cached


def test_builtin_hedging_categories() -> None:
    book = builtin_codebook("hedging")
    assert book.category_ids == (
        "epistemic_modal",
        "lexical_verb",
        "adverb",
        "adjective",
        "approximator",
        "distancing",
        "boosters",
    )
    may = book.category("epistemic_modal").entries[0]
    assert (may.id, may.terms, may.guards, may.weight) == ("may", ("may",), ("not_month",), 1.0)


def test_builtin_framing_has_the_generic_frames() -> None:
    book = builtin_codebook("framing")
    assert book.category_ids == (
        "conflict",
        "responsibility",
        "economic_consequences",
        "human_interest",
        "morality",
    )
    assert book.version == "2.4.0"


def test_builtin_policy_frames_are_the_15_dimensions() -> None:
    book = builtin_codebook("policy_frames")
    assert book.category_ids == (
        "economic",
        "capacity_resources",
        "morality",
        "fairness_equality",
        "legality",
        "policy_prescription",
        "crime_punishment",
        "security_defense",
        "health_safety",
        "quality_of_life",
        "cultural_identity",
        "public_opinion",
        "political",
        "external_regulation",
        "other",
    )
    assert "Boydstun" in book.citation


def test_builtin_conflict_frames_labels_and_actors() -> None:
    assert builtin_codebook("conflict_frames").category_ids == (
        "escalation_retaliation",
        "restraint_diplomacy",
        "defensive_success",
        "humanitarian_cost",
    )
    labels = builtin_codebook("loaded_labels")
    assert labels.side_ids == ("israel_us", "iran_axis", "either")
    assert labels.entry("zionist_regime")[1].favours == "iran_axis"
    assert labels.entry("iranian_regime")[1].favours == "israel_us"
    category, regime = labels.entry("regime")
    assert (category.id, regime.favours, regime.guards) == (
        "delegitimising",
        "either",
        ("political_regime",),
    )
    actors = builtin_codebook("actors")
    assert actors.category_ids[-1] == "actions"
    assert {"israel", "iran", "united_states"} <= set(actors.category_ids)


LABELS = """\
name: my-labels
version: "0.1.0"
family: labels
description: Test.
citation: Me.
licence: CC0
sides:
  north: The north.
  south: The south.
categories:
  names:
    label: Names
    description: Names.
    entries:
      - id: rebels
        terms: [rebels]
        favours: north
      - id: bandits
        terms: [bandits]
        favours: west
      - id: heroes
        terms: [heroes]
"""


def test_labels_codebooks_need_sides_and_favours(tmp_path: Path) -> None:
    path = _write(tmp_path, LABELS)
    problems = [(p.location, p.message) for p in check_codebook(path)]
    assert problems == [
        (
            f"{path}:20",
            "category 'names', entry 'bandits': 'favours' must be one of the sides north, "
            "south. Got 'west'.",
        ),
        (
            f"{path}:21",
            "category 'names', entry 'heroes': missing required key 'favours' (the side it "
            "favours)",
        ),
    ]
    no_sides = LABELS.replace("sides:\n  north: The north.\n  south: The south.\n", "")
    assert (
        f"{_write(tmp_path, no_sides, 'b.yaml')}:1",
        "codebook: a labels codebook needs 'sides' (id: description)",
    ) in [(p.location, p.message) for p in check_codebook(tmp_path / "b.yaml")]


def test_favours_and_sides_are_refused_outside_labels(tmp_path: Path) -> None:
    text = LABELS.replace("family: labels", "family: framing")
    path = _write(tmp_path, text)
    messages = [p.message for p in check_codebook(path)]
    assert "codebook: a framing codebook takes no 'sides'" in messages
    assert "category 'names', entry 'rebels': only a labels codebook takes 'favours'" in messages


def test_an_actor_codebook_needs_actions(tmp_path: Path) -> None:
    text = LABELS.replace("family: labels", "family: salience").replace(
        "sides:\n  north: The north.\n  south: The south.\n", ""
    )
    text = text.replace("        favours: north\n", "").replace("        favours: west\n", "")
    path = _write(tmp_path, text)
    assert [p.message for p in check_codebook(path)] == [
        "categories: a salience codebook needs the category 'actions'"
    ]


def test_unknown_builtin_name_is_a_parameter_error() -> None:
    with pytest.raises(ParameterError, match=r"must be one of .*Got 'hedges' instead"):
        builtin_codebook("hedges")


def test_load_valid_file(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID)
    book = load_codebook(path)
    assert isinstance(book, Codebook)
    assert (book.name, book.version, book.family, book.path) == (
        "my-hedges",
        "0.2.0",
        "hedging",
        str(path),
    )
    entries = book.category("modal").entries
    assert [entry.id for entry in entries] == ["might", "may"]
    assert entries[0].terms == ("might", "might well")
    assert entries[1].weight == 0.5
    assert entries[1].note == "The month is not a hedge."
    assert check_codebook(path) == []
    assert load_codebook(str(path)) == book


def test_every_problem_is_reported_with_file_line_and_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, BROKEN)
    problems = check_codebook(path)
    found = {(p.location, p.message) for p in problems}
    expected_fragments = [
        (2, "'version' must be a quoted semantic version"),
        (7, "unknown key 'colour'"),
        (14, "entry 'might': 'terms' must be a non-empty list"),
        (15, "entry 'might': duplicate entry id (first used on line 13)"),
        (17, "entry 'might': unknown guard 'no_such_guard'"),
        (19, "entry 'may': term 'ma(y|ybe)' is not a word or phrase"),
        (20, "entry 'may': 'weight' must be a positive number. Got '-1'"),
        (22, "entry 'could': term 'Might' is also in entry 'might'"),
        (23, "entry 'could': unknown key 'wieght'"),
        (24, "category 'booster': missing required key 'description'"),
        (27, "category 'booster', entry at line 27: missing required key 'id'"),
    ]
    for line, fragment in expected_fragments:
        location = f"{path}:{line}"
        assert any(loc == location and fragment in msg for loc, msg in found), (line, fragment)
    assert len(problems) == len(expected_fragments)

    with pytest.raises(CodebookError) as raised:
        load_codebook(path)
    assert [str(p) for p in raised.value.problems] == [str(p) for p in problems]
    assert f"{len(problems)} problem(s) in the codebook" in str(raised.value)


def test_missing_top_level_fields_and_bad_family(tmp_path: Path) -> None:
    path = _write(tmp_path, 'name: x\nversion: "1.0.0"\nfamily: tone\n')
    messages = [(p.location, p.message) for p in check_codebook(path)]
    assert (
        f"{path}:3",
        "codebook: 'family' must be one of hedging, framing, policy, conflict, labels, "
        "salience. Got 'tone'.",
    ) in (messages)
    for key in ("description", "citation", "licence", "categories"):
        assert (f"{path}:1", f"codebook: missing required key {key!r}") in messages


def test_reserved_category_id_in_hedging_codebook(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("  modal:", "  hedges:"))
    [problem] = check_codebook(path)
    assert problem.location == f"{path}:8"
    assert "reserved" in problem.message


def test_duplicate_yaml_key_is_reported(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("licence: CC0\n", "licence: CC0\nlicence: MIT\n"))
    [problem] = check_codebook(path)
    assert problem.location == f"{path}:7"
    assert "duplicate key 'licence' (first on line 6)" in problem.message


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, VALID.replace("terms: [may]", "terms: [may"))
    [problem] = check_codebook(path)
    assert problem.location.startswith(f"{path}:")
    assert "not valid YAML" in problem.message


@pytest.mark.parametrize(
    ("term", "valid"),
    [
        ("suggest*", True),
        ("so-called", True),
        ("won't join", True),
        ("U.S.", True),
        ("ab*", False),
        ("sug*gest", False),
        (r"may\b", False),
        ("may-", False),
    ],
)
def test_term_syntax(tmp_path: Path, term: str, valid: bool) -> None:
    path = _write(tmp_path, VALID.replace("terms: [may]", f"terms: [{term!r}]"))
    assert (check_codebook(path) == []) is valid


def test_missing_file_and_empty_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    [problem] = check_codebook(missing)
    assert problem.location == str(missing)
    assert "cannot read" in problem.message
    empty = _write(tmp_path, "", "empty.yaml")
    assert [p.message for p in check_codebook(empty)] == ["the file is empty"]


CONTEXT = """\
name: my-frames
version: "0.1.0"
family: conflict
description: Test.
citation: Me.
licence: CC0
categories:
  restraint:
    label: Restraint
    description: Staying out.
    entries:
      - id: non_participation
        terms: [not participate, won't join]
        negatable: false
  cost:
    label: Cost
    description: The dead.
    entries:
      - id: casualties
        terms: ["death*", killed]
        unless_before: [capital]
        unless_after: [penalty, "row", the bill]
"""


def test_negatable_and_context_words_are_read(tmp_path: Path) -> None:
    book = load_codebook(_write(tmp_path, CONTEXT))
    _, restraint = book.entry("non_participation")
    _, casualties = book.entry("casualties")
    assert (restraint.negatable, restraint.unless_before, restraint.unless_after) == (
        False,
        (),
        (),
    )
    assert casualties.negatable is True
    assert casualties.unless_before == ("capital",)
    assert casualties.unless_after == ("penalty", "row", "the bill")


def test_negatable_and_context_words_are_validated(tmp_path: Path) -> None:
    text = (
        CONTEXT.replace("negatable: false", "negatable: nope")
        .replace("unless_before: [capital]", "unless_before: []")
        .replace('[penalty, "row", the bill]', "[penalty, on, death(s)]")
    )
    path = _write(tmp_path, text)
    assert [(p.location, p.message) for p in check_codebook(path)] == [
        (
            f"{path}:14",
            "category 'restraint', entry 'non_participation': 'negatable' must be true or "
            "false. Got 'nope'.",
        ),
        (
            f"{path}:21",
            "category 'cost', entry 'casualties': 'unless_before' must be a non-empty list",
        ),
        (
            f"{path}:22",
            "category 'cost', entry 'casualties': every item of 'unless_after' must be a "
            "non-empty text (YAML reads 'on' as true or false: quote it)",
        ),
        (
            f"{path}:22",
            "category 'cost', entry 'casualties': term 'death(s)' is not a word or phrase: use "
            "letters, digits, spaces, hyphens, apostrophes and periods, with an optional '*' "
            "after a stem of at least 3 letters (regular expressions are not supported)",
        ),
    ]


def test_builtin_restraint_entries_opt_out_of_negation() -> None:
    _, entry = builtin_codebook("conflict_frames").entry("non_participation")
    assert entry.negatable is False
    assert all(
        entry.negatable
        for book in map(builtin_codebook, builtin_codebook_names())
        for category in book.categories
        for entry in category.entries
        if entry.id not in NOT_NEGATABLE
    )


NOT_NEGATABLE = frozenset({"non_participation", "no_damage", "prescription_negative", "places"})
"""Entries of the built-in codebooks that are never negated: terms that carry their own
negation, and the country names of policy_frames ("places"), a topic whatever is denied."""


def test_a_self_negative_entry_cannot_take_the_negation_guard(tmp_path: Path) -> None:
    text = CONTEXT.replace(
        "        negatable: false\n", "        negatable: false\n        guards: [not_negated]\n"
    ).replace("family: conflict", "family: hedging")
    path = _write(tmp_path, text)
    assert [(p.location, p.message) for p in check_codebook(path)] == [
        (
            f"{path}:14",
            "category 'restraint', entry 'non_participation': an entry with 'negatable: false' "
            "cannot take the not_negated guard",
        )
    ]
