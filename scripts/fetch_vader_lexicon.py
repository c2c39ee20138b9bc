"""Fetch the VADER sentiment lexicon into ``toolkit/data/`` and record where it came from.

Run once by a maintainer (it needs PyPI); the toolkit itself never downloads anything::

    python scripts/fetch_vader_lexicon.py

It downloads the ``vaderSentiment`` wheel of the pinned version with ``pip download --no-deps``
into a temporary folder, extracts ``vaderSentiment/vader_lexicon.txt`` unchanged to
``toolkit/data/vader_lexicon.txt`` and writes ``toolkit/data/vader_lexicon.LICENSE`` with the
upstream name, version, file and wheel SHA-256 digests, the citation and the MIT licence notice
taken from the wheel. The lexicon file itself stays byte-for-byte upstream, because NLTK's reader
(``nltk.sentiment.vader``) accepts no comment lines.

Source: Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment
Analysis of Social Media Text. ICWSM-14.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "vaderSentiment"
VERSION = "3.3.2"
MEMBER = "vaderSentiment/vader_lexicon.txt"
DATA_DIR = Path(__file__).resolve().parent.parent / "toolkit" / "data"
CITATION = (
    "Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for Sentiment "
    "Analysis of Social Media Text. Eighth International Conference on Weblogs and Social Media "
    "(ICWSM-14). Ann Arbor, MI."
)


def _download_wheel(folder: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            f"{PACKAGE}=={VERSION}",
            "--no-deps",
            "--only-binary=:all:",
            "--dest",
            str(folder),
        ],
        check=True,
    )
    wheels = sorted(folder.glob("*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"expected one wheel in {folder}, found {[w.name for w in wheels]}")
    return wheels[0]


def _licence_text(wheel: zipfile.ZipFile) -> str:
    names = [
        name
        for name in wheel.namelist()
        if ".dist-info/" in name and Path(name).name.upper().startswith(("LICENSE", "LICENCE"))
    ]
    if not names:
        raise SystemExit("the wheel carries no licence file; refusing to ship the lexicon")
    return wheel.read(names[0]).decode("utf-8").strip()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def main() -> None:
    """Download, extract and record provenance."""
    with tempfile.TemporaryDirectory() as tmp:
        wheel_path = _download_wheel(Path(tmp))
        wheel_bytes = wheel_path.read_bytes()
        with zipfile.ZipFile(wheel_path) as wheel:
            lexicon = wheel.read(MEMBER)
            licence = _licence_text(wheel)
    target = DATA_DIR / "vader_lexicon.txt"
    target.write_bytes(lexicon)
    entries = sum(1 for line in lexicon.decode("utf-8").splitlines() if line.strip())
    provenance = "\n".join(
        [
            "name: VADER sentiment lexicon (vader_lexicon.txt)",
            f"upstream: {PACKAGE} {VERSION} (PyPI wheel {wheel_path.name})",
            f"member: {MEMBER}",
            f"wheel_sha256: {_sha256(wheel_bytes)}",
            f"lexicon_sha256: {_sha256(lexicon)}",
            f"entries: {entries}",
            "description: word/emoticon valence ratings from -4 (most negative) to +4 "
            "(most positive); columns are token, mean rating, standard deviation, 10 raw ratings.",
            f"citation: {CITATION}",
            "licence: MIT (notice reproduced below, as the licence requires)",
            "fetched_by: scripts/fetch_vader_lexicon.py (file copied unchanged)",
            "",
            licence,
            "",
        ]
    )
    (DATA_DIR / "vader_lexicon.LICENSE").write_text(provenance, encoding="utf-8")
    print(f"wrote {target} ({entries} entries) and its provenance file")


if __name__ == "__main__":
    main()
