"""Shared fixtures for the comparison tests: the sample corpus analysed once, its texts and
sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import Analysis, analyze
from toolkit.compare import load_texts, sentence_table


@pytest.fixture(scope="session")
def analysis() -> Analysis:
    """The bundled sample corpus, analysed with the built-in codebooks."""
    return analyze()


@pytest.fixture(scope="session")
def texts() -> pd.DataFrame:
    """Texts of the sample corpus."""
    return load_texts()


@pytest.fixture(scope="session")
def sentences(texts: pd.DataFrame) -> pd.DataFrame:
    """Sentences of the sample corpus."""
    return sentence_table(texts)
