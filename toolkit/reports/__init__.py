"""Report batch: analyse once, run the notebooks with papermill, write HTML, index and manifest.

Layout of a report folder::

    analysis/            tables written by ``Analysis.write`` (CSV + Parquet + analysis.json)
    outlets/<slug>.ipynb executed outlet notebooks, and <slug>.html next to them
    comparative.ipynb    the comparative notebook, and comparative.html
    index.html           links to everything, with headline figures
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
