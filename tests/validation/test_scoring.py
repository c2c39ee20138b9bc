"""Tests for toolkit.validation.scoring: precision per entry, Cohen's kappa, entries to fix."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit.errors import ParameterError
from toolkit.validation import cohen_kappa, score_sheets, summary


def _sheet(codes: list[float], rules: list[str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "item_id": [str(i) for i in range(1, len(codes) + 1)],
            "family": ["hedging"] * len(codes),
            "rule": rules,
            "outlet": ["A"] * len(codes),
            "cue": ["may"] * len(codes),
            "in_context": ["It [may] rain."] * len(codes),
            "code": codes,
        }
    )


def test_cohen_kappa_textbook_values() -> None:
    # 10 items: agree on 4 ones and 3 zeros; p_o = 0.7, p_e = 0.5*0.6 + 0.5*0.4 = 0.5.
    first = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]
    second = [1, 1, 1, 1, 0, 1, 0, 0, 0, 1]
    assert cohen_kappa(first, second) == pytest.approx((0.7 - 0.5) / 0.5)
    assert cohen_kappa(first, first) == 1.0
    assert math.isnan(cohen_kappa([1, 1], [1, 1]))  # p_e = 1: undefined
    assert math.isnan(cohen_kappa([], []))
    with pytest.raises(ParameterError, match="as many codes"):
        cohen_kappa([1], [1, 0])


def test_precision_kappa_and_entries_to_fix() -> None:
    rules = ["hedging:may"] * 4 + ["hedging:about"] * 4
    first = _sheet([1, 1, 1, 1, 1, 0, 0, float("nan")], rules)
    second = _sheet([1, 1, 1, 0, 1, 0, 1, 0], rules)
    result = score_sheets([first, second])
    entries = result.entries.set_index("rule")
    assert entries.loc["hedging:may", "coded"] == 8
    assert entries.loc["hedging:may", "precision"] == pytest.approx(7 / 8)
    assert entries.loc["hedging:about", "coded"] == 7
    assert entries.loc["hedging:about", "precision"] == pytest.approx(3 / 7)
    assert result.to_fix["rule"].tolist() == ["hedging:about"]
    assert result.n_common == 7
    # Common items 1-7: first 1111100, second 1110101 -> p_o = 5/7.
    p_e = (5 / 7) * (5 / 7) + (2 / 7) * (2 / 7)
    assert result.kappa == pytest.approx((5 / 7 - p_e) / (1 - p_e))
    assert set(result.errors["rule"]) == {"hedging:about"}
    assert "Cohen's kappa 0.30 on 7 items" in summary(result)


def test_one_sheet_has_no_kappa() -> None:
    result = score_sheets([_sheet([1, 0, 1], ["a:x"] * 3)])
    assert math.isnan(result.kappa)
    assert result.to_fix["rule"].tolist() == ["a:x"]
    assert "not available" in summary(result)


def test_bad_arguments() -> None:
    with pytest.raises(ParameterError, match="one or two coded sheets"):
        score_sheets(_sheet([1], ["a:x"]))  # type: ignore[arg-type]
    with pytest.raises(ParameterError, match="one or two coded sheets"):
        score_sheets([_sheet([1], ["a:x"])] * 3)
    with pytest.raises(ParameterError, match=r"must be in \(0, 1\]"):
        score_sheets([_sheet([1], ["a:x"])], threshold=0)
