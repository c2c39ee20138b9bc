"""Notebook helpers: parameter checks fail loudly."""

from __future__ import annotations

import pytest

from toolkit.errors import ParameterError
from toolkit.notebook.page import check_parameters, csv_link


def test_known_parameters_of_the_right_type_pass() -> None:
    check_parameters({"outlet": "MENAFN", "analysis_dir": ""}, {"outlet": str, "analysis_dir": str})


def test_unknown_missing_and_mistyped_parameters_are_reported_together() -> None:
    with pytest.raises(ParameterError) as caught:
        check_parameters(
            {"outlett": "MENAFN", "analysis_dir": 3}, {"outlet": str, "analysis_dir": str}
        )
    message = str(caught.value)
    assert "unknown parameter 'outlett'" in message
    assert "missing parameter 'outlet'" in message
    assert "parameter 'analysis_dir' must be str, got int 3" in message


def test_csv_links_stay_relative_to_the_page_or_are_left_out() -> None:
    assert (
        csv_link("figures/comparative", "hedging-pairs") == "figures/comparative/hedging-pairs.csv"
    )
    assert csv_link("", "hedging-pairs") is None
    assert csv_link("/tmp/figures", "hedging-pairs") is None
    assert csv_link("../elsewhere", "hedging-pairs") is None
