"""Shared fixtures for the comparison tests: the sample corpus analysed once, its texts and
sentences."""

from __future__ import annotations

import pandas as pd
import pytest

from toolkit import Analysis, analyze
from toolkit.compare import analysis_sentences, analysis_texts


@pytest.fixture(scope="session")
def analysis() -> Analysis:
    """The bundled sample corpus, analysed with the built-in codebooks."""
    return analyze()


@pytest.fixture(scope="session")
def texts(analysis: Analysis) -> pd.DataFrame:
    """Texts of the sample corpus, rebuilt from the analysis's sentences."""
    return analysis_texts(analysis.documents, analysis.sentences)


@pytest.fixture(scope="session")
def sentences(analysis: Analysis) -> pd.DataFrame:
    """Body sentences of the sample corpus, from the analysis."""
    return analysis_sentences(analysis.sentences)
