"""Tests for toolkit.validation.sheets: stratified coder sheets and reading coded sheets back."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit.analysis import Analysis
from toolkit.errors import ParameterError
from toolkit.validation import (
    SHEET_COLUMNS,
    SheetError,
    read_coded_sheet,
    sample_evidence,
    write_sheet,
)


@pytest.fixture(scope="module")
def sample_analysis() -> Analysis:
    return toolkit.analyze()


def test_sample_is_stratified_by_entry_and_outlet(sample_analysis: Analysis) -> None:
    evidence = sample_analysis.evidence
    sheet = sample_evidence(evidence, sample_analysis.sentences, families=["hedging"], per_cell=1)
    assert tuple(sheet.columns) == SHEET_COLUMNS
    hedges = evidence[evidence["family"] == "hedging"]
    assert len(sheet) == hedges.groupby(["rule", "outlet"]).ngroups
    assert not sheet.duplicated(["rule", "outlet"]).any()
    assert sheet["item_id"].tolist() == list(range(1, len(sheet) + 1))
    assert (sheet["code"] == "").all()
    purportedly = sheet[sheet["rule"] == "hedging:purportedly"].iloc[0]
    assert purportedly["outlet"] in set(hedges["outlet"])
    assert "[purportedly]" in purportedly["in_context"]


def test_sample_is_reproducible_and_skips_tone(sample_analysis: Analysis) -> None:
    first = sample_evidence(sample_analysis.evidence, sample_analysis.sentences, per_cell=2, seed=7)
    again = sample_evidence(sample_analysis.evidence, sample_analysis.sentences, per_cell=2, seed=7)
    pd.testing.assert_frame_equal(first, again)
    assert "tone" not in set(first["family"])
    assert {"policy", "conflict", "labels", "salience"} <= set(first["family"])
    assert first.groupby(["rule", "outlet"]).size().max() == 2


def test_bad_sample_parameters(sample_analysis: Analysis) -> None:
    with pytest.raises(ParameterError, match="single string 'hedging'"):
        sample_evidence(sample_analysis.evidence, sample_analysis.sentences, families="hedging")
    with pytest.raises(ParameterError, match=r"Got \['hedges'\] instead"):
        sample_evidence(sample_analysis.evidence, sample_analysis.sentences, families=["hedges"])
    with pytest.raises(ParameterError, match="at least 1"):
        sample_evidence(sample_analysis.evidence, sample_analysis.sentences, per_cell=0)


def test_read_coded_sheet_codes_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "coded.csv"
    path.write_text(
        "item_id,rule,code,coder\n1,hedging:may,1,ann\n2,hedging:may,no,ann\n3,hedging:may,,ann\n"
        "4,hedging:may,maybe,ann\n4,hedging:may,0,ann\n",
        encoding="utf-8",
    )
    with pytest.raises(SheetError) as caught:
        read_coded_sheet(path)
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:5: item '4': code 'maybe' is not 1/0, yes/no, true/false or blank",
        f"{path}:6: item '4' is listed twice (first on row 5)",
    ]
    path.write_text("item_id,rule,code\n1,hedging:may,Yes\n2,hedging:may,0\n3,x,\n", "utf-8")
    codes = read_coded_sheet(path)["code"].tolist()
    assert codes[:2] == [1.0, 0.0] and pd.isna(codes[2])


def test_missing_columns_are_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("item,rule\n1,x\n", encoding="utf-8")
    with pytest.raises(SheetError, match=r"bad.csv:1: missing column\(s\) item_id, code"):
        read_coded_sheet(path)


def test_round_trip_through_csv(sample_analysis: Analysis, tmp_path: Path) -> None:
    sheet = sample_evidence(
        sample_analysis.evidence, sample_analysis.sentences, families=["labels"], per_cell=5
    )
    path = write_sheet(sheet.assign(code="1"), tmp_path / "sheets" / "labels.csv")
    back = read_coded_sheet(path)
    assert back["cue"].tolist() == sheet["cue"].tolist()
    assert back["in_context"].tolist() == sheet["in_context"].tolist()
    assert (back["code"] == 1.0).all()
