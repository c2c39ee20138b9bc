"""Tests for toolkit.metrics.base: the evidence record and rates per 1,000 words."""

from __future__ import annotations

import dataclasses
import math
import pickle

import pytest

from toolkit.metrics.base import Evidence, per_thousand


def test_evidence_is_a_frozen_dataclass_built_by_position_or_keyword() -> None:
    by_position = Evidence("d1", "hedging", "modal", "hedging:may", 5, 8, "may")
    by_keyword = Evidence(
        doc_id="d1",
        family="hedging",
        category="modal",
        rule="hedging:may",
        start=5,
        end=8,
        text="may",
        weight=1.0,
    )
    assert by_position == by_keyword
    assert hash(by_position) == hash(by_keyword)
    assert by_position.weight == 1.0
    assert dataclasses.astuple(by_position) == (
        "d1",
        "hedging",
        "modal",
        "hedging:may",
        5,
        8,
        "may",
        1.0,
    )
    assert dataclasses.replace(by_position, weight=2.0).weight == 2.0
    assert pickle.loads(pickle.dumps(by_position)) == by_position
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_position.start = 6  # type: ignore[misc]
    with pytest.raises(TypeError):
        Evidence("d1", "hedging", "modal", "hedging:may", 5, 8)  # type: ignore[call-arg]


def test_per_thousand_is_nan_without_words() -> None:
    assert per_thousand(3, 1500) == 2.0
    assert math.isnan(per_thousand(3, 0))
