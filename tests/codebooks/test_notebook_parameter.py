"""A researcher's codebook passed as a notebook parameter changes the outlet report.

One papermill run of notebooks/outlet_report.ipynb on the sample corpus, with a custom policy
codebook and two coded sheets: the report must show the custom frame, name the codebook and its
version, and show the validation section.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
import pytest

import toolkit
from toolkit.validation import sample_evidence

papermill = pytest.importorskip("papermill")

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "outlet_report.ipynb"
POLICY = """\
name: my-policy
version: "0.3.0"
family: policy
description: A single frame.
citation: Me (2024).
licence: CC0
categories:
  restraint_first:
    label: Restraint first
    description: Calls to hold back.
    entries:
      - id: hold_back
        terms: [refrain, restraint, de-escalate]
"""


def _outputs(notebook: dict[str, object]) -> str:
    texts: list[str] = []
    for cell in notebook["cells"]:  # type: ignore[attr-defined]
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            texts.append("".join(data.get("text/plain", "")))
            texts.append("".join(data.get("text/markdown", "")))
            texts.append(html.unescape("".join(data.get("text/html", ""))))
            texts.append("".join(output.get("text", "")))
    return "\n".join(texts)


def test_custom_policy_codebook_and_coded_sheets_change_the_report(tmp_path: Path) -> None:
    policy = tmp_path / "my_policy.yaml"
    policy.write_text(POLICY, encoding="utf-8")
    analysis = toolkit.analyze()
    sheet = sample_evidence(analysis.evidence, analysis.sentences, families=["labels"], per_cell=5)
    sheet.assign(code="1").to_csv(tmp_path / "ann.csv", index=False)
    sheet.assign(code=["0" if c == "aggression" else "1" for c in sheet["cue"]]).to_csv(
        tmp_path / "bob.csv", index=False
    )
    out = tmp_path / "report.ipynb"
    papermill.execute_notebook(
        str(NOTEBOOK),
        str(out),
        parameters={
            "outlet": "MENAFN",
            "policy_codebook": str(policy),
            "coded_sheets": f"{tmp_path / 'ann.csv'},{tmp_path / 'bob.csv'}",
        },
        kernel_name="python3",
        progress_bar=False,
        cwd=str(tmp_path),
    )
    text = _outputs(json.loads(out.read_text(encoding="utf-8")))
    assert "my-policy 0.3.0" in text  # provenance names the custom codebook and version
    assert "restraint_first" in text  # the custom frame replaces the 15 built-in dimensions
    assert "external_regulation" not in text
    assert "loaded_labels:aggression" in text  # validation section: entries and errors
    assert "Cohen's kappa" in text
    assert pd.notna(sheet["cue"]).all()
