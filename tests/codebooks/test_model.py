"""Tests for toolkit.codebooks.model: frozen, hashable records and term canonical form."""

from __future__ import annotations

import dataclasses

import pytest

from toolkit.codebooks import Category, Codebook, Entry, builtin_codebook, normalize_term
from toolkit.errors import ParameterError


def _book() -> Codebook:
    entry = Entry(id="might", terms=("might",))
    category = Category(id="modal", label="Modals", description="Modal verbs.", entries=(entry,))
    return Codebook(
        name="mini",
        version="1.0.0",
        family="hedging",
        description="d",
        citation="c",
        licence="CC0",
        categories=(category,),
        path="mini.yaml",
    )


def test_records_are_frozen_and_hashable() -> None:
    book = _book()
    with pytest.raises(dataclasses.FrozenInstanceError):
        book.name = "other"  # type: ignore[misc]
    assert hash(book) == hash(_book())
    assert {book: 1}[_book()] == 1
    assert hash(builtin_codebook("hedging"))


def test_entry_defaults() -> None:
    entry = Entry(id="x", terms=("x",))
    assert (entry.guards, entry.weight, entry.note) == ((), 1.0, None)
    assert (entry.negatable, entry.unless_before, entry.unless_after) == (True, (), ())


def test_category_lookup() -> None:
    book = _book()
    assert book.category_ids == ("modal",)
    assert book.category("modal").entries[0].id == "might"
    with pytest.raises(ParameterError, match=r"must be one of \{'modal'\}. Got 'adverb' instead"):
        book.category("adverb")


@pytest.mark.parametrize(
    ("term", "canonical"),
    [
        ("Won\u2019t  Join", "won't join"),
        ("  counter\u2010strike ", "counter-strike"),
        ("in\nfact", "in fact"),
        ("suggest*", "suggest*"),
    ],
)
def test_normalize_term(term: str, canonical: str) -> None:
    assert normalize_term(term) == canonical


def test_hash_agrees_with_equality_and_survives_pickling() -> None:
    import pickle

    book = _book()
    other = dataclasses.replace(book, description="another description")
    assert other != book
    assert hash(other) == hash(book)  # hashed by name, version, family and path
    assert hash(dataclasses.replace(book, name="other")) != hash(book)
    copy = pickle.loads(pickle.dumps(book))
    assert copy == book
    assert hash(copy) == hash(book)
    assert {book: 1}[copy] == 1
