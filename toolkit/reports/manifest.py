"""Fingerprints that decide what a batch must rebuild, and the run manifest that records a batch.

The analysis fingerprint hashes everything the tables depend on: the bytes of every input file,
the codebooks and rules in use, the loading options and the toolkit version. A notebook's
fingerprint adds the notebook's own bytes and parameters. Equal fingerprints mean equal outputs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from toolkit.corpus.loaders import shown_name
from toolkit.version import __version__

MANIFEST = "manifest.json"
GENERATOR = "toolkit report"
CONSTRAINTS = Path(__file__).resolve().parents[2] / "requirements" / "constraints.txt"


SAMPLE_CORPUS = Path(str(resources.files("toolkit").joinpath("sample_corpus")))
"""The folder of the bundled sample corpus."""


def corpus_files(corpus: str | Path | None) -> list[Path]:
    """The files a corpus is read from (the bundled sample's files when ``corpus`` is None).

    In a folder, every regular file under it, except links that lead out of it (the loader
    refuses those, so they are not inputs).
    """
    path = SAMPLE_CORPUS if corpus is None else Path(corpus)
    if path.is_dir():
        root = path.resolve()
        return sorted(
            item
            for item in path.rglob("*")
            if item.is_file() and item.resolve().is_relative_to(root)
        )
    return [path] if path.is_file() else []


def input_hashes(corpus: str | Path | None) -> dict[str, str]:
    """sha256 of every input file, keyed by its path relative to the corpus folder."""
    files = corpus_files(corpus)
    if not files:
        return {}
    base = files[0].parent if len(files) == 1 else _common_folder(files)
    return {shown_name(item.relative_to(base).as_posix()): _sha256(item) for item in files}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _common_folder(files: Sequence[Path]) -> Path:
    parents = [set(path.parents) for path in files]
    common = set.intersection(*parents)
    return max(common, key=lambda path: len(path.parts))


def fingerprint(*parts: object) -> str:
    """sha256 over the JSON (or repr) of ``parts``, in order."""
    digest = hashlib.sha256()
    for part in parts:
        text = json.dumps(part, sort_keys=True, default=repr)
        digest.update(text.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def package_versions() -> dict[str, str]:
    """Installed versions of the toolkit and every package the constraints file pins."""
    names = ["toolkit"]
    if CONSTRAINTS.exists():
        names += [
            line.split("==", 1)[0].strip()
            for line in CONSTRAINTS.read_text().splitlines()
            if "==" in line and not line.startswith("#")
        ]
    versions = {}
    for name in sorted(set(names), key=str.lower):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def constraints_hash() -> str:
    """sha256 of the constraints file the environment was built with ("" when it is absent)."""
    if not CONSTRAINTS.exists():
        return ""
    return hashlib.sha256(CONSTRAINTS.read_bytes()).hexdigest()


def build_manifest(
    *,
    parameters: Mapping[str, Any],
    inputs: Mapping[str, str],
    analysis_fingerprint: str,
    codebooks: Sequence[Mapping[str, str]],
    notebooks: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The run manifest written as ``manifest.json`` next to the reports."""
    return {
        "generator": GENERATOR,
        "toolkit_version": __version__,
        "parameters": dict(parameters),
        "inputs": dict(inputs),
        "analysis_fingerprint": analysis_fingerprint,
        "codebooks": list(codebooks),
        "constraints_sha256": constraints_hash(),
        "packages": package_versions(),
        "notebooks": list(notebooks),
    }


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest of a report folder written by the toolkit, or None when there is none."""
    path = folder / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("generator") != GENERATOR:
        return None
    return manifest
