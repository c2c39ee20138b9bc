"""Report batch: analyse once, run the notebooks with papermill, write HTML, index and manifest.

Layout of a report folder::

    analysis/            the tables (CSV + Parquet + analysis.json)
    outlets/<slug>.ipynb executed outlet notebooks, and <slug>.html next to them
    outlets/figures/<slug>/  each outlet page's figures (PNG, SVG, PDF) and tables (CSV)
    comparative.ipynb    the comparative notebook, and comparative.html
    figures/comparative/ the comparative page's figures and tables
    index.html           every outlet with its headline rates and intervals, and the summary
    index/<column>.html  the same table sorted by another column (and further pages)
    manifest.json        parameters, input hashes, codebook and package versions, notebook status
"""

from toolkit.reports.batch import (
    ANALYSIS_FOLDER,
    COMPARATIVE_NOTEBOOK,
    OUTLET_NOTEBOOK,
    NotebookRun,
    ReportRun,
    build_reports,
    notebooks_dir,
)
from toolkit.reports.paths import check_out_dir, outlet_slug

__all__ = [
    "ANALYSIS_FOLDER",
    "COMPARATIVE_NOTEBOOK",
    "OUTLET_NOTEBOOK",
    "NotebookRun",
    "ReportRun",
    "build_reports",
    "check_out_dir",
    "notebooks_dir",
    "outlet_slug",
]
