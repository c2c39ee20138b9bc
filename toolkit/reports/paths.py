"""Safe file names for outlets, and the staging folder a batch is built in before it is swapped in.

A report folder ``OUT`` is built in the hidden sibling ``.OUT.partial`` and swapped into place
with two renames (``OUT`` -> ``.OUT.previous``, ``.OUT.partial`` -> ``OUT``), so a run killed at
any point leaves either the previous report or the new one complete, never a half-written one.
These two hidden siblings, and the lock file ``.OUT.lock`` (``toolkit.reports.lock``), are
the only paths outside ``OUT`` a batch touches. An output path that is, contains or lies inside
an input is refused (``check_not_an_input``).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

from toolkit.errors import ParameterError

MAX_SLUG = 60


def outlet_slug(outlet: str, taken: Sequence[str] = ()) -> str:
    """A safe, unique file name stem for ``outlet``: lower-case ASCII letters, digits and hyphens.

    Path separators, dots, NUL and other characters cannot survive, so the stem never leaves the
    folder it is joined to and is never a reserved name; an empty or clashing stem gets a short
    hash of the outlet name as suffix.
    """
    ascii_name = unicodedata.normalize("NFKD", outlet).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:MAX_SLUG].strip("-")
    if not stem or stem in taken or _is_reserved(stem):
        digest = hashlib.sha256(outlet.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        stem = f"{stem}-{digest}" if stem else f"outlet-{digest}"
    return stem


def _is_reserved(stem: str) -> bool:
    """Windows device names (con, nul, com1, ...) cannot be file names there."""
    return re.fullmatch(r"con|prn|aux|nul|com[0-9]|lpt[0-9]", stem) is not None


def check_out_dir(out_dir: str | Path) -> Path:
    """The output folder as a Path; refuses empty names, the filesystem root and files.

    A symbolic link to a folder stands for that folder: the folder it points to is returned,
    so a report is built beside it and swapped into it, and the link keeps pointing to it.
    """
    text = str(out_dir)
    if not text.strip() or "\x00" in text:
        raise ParameterError(f"The 'out' parameter must name a folder. Got {text!r} instead.")
    path = Path(out_dir)
    resolved = path.resolve()
    if resolved == Path(resolved.anchor):
        raise ParameterError(f"The 'out' parameter must not be the filesystem root. Got {text!r}.")
    if path.is_symlink():
        path = resolved
    if path.exists() and not path.is_dir():
        raise ParameterError(
            f"The 'out' parameter must name a folder. Got {text!r}, which is a file."
        )
    return path


PACKAGE_INPUTS = "the toolkit package (its codebooks, lexicons and sample corpus)"


def package_dir() -> Path:
    """The folder of the installed ``toolkit`` package: built-in codebooks and data are inputs."""
    return Path(__file__).resolve().parents[1]


def check_not_an_input(
    out: str | os.PathLike[str], inputs: Mapping[str, str | os.PathLike[str] | None]
) -> None:
    """Refuse an output path that is, contains or lies inside one of ``inputs``.

    ``inputs`` maps a description ("the corpus", "the hedging codebook") to a path (None is
    skipped). Paths are compared after resolving symbolic links. Writing there would replace
    or delete the input (``--force`` replaces a whole output folder), or make the outputs part
    of the inputs of the next run.
    """
    target = Path(out).resolve()
    for what, given in inputs.items():
        if given is None:
            continue
        source = Path(given).resolve()
        if target == source:
            relation = "is"
        elif source.is_relative_to(target):
            relation = "contains"
        elif target.is_relative_to(source):
            relation = "lies inside"
        else:
            continue
        raise ParameterError(
            f"The 'out' parameter must not be, contain or lie inside an input: {str(out)!r} "
            f"{relation} {what} ({given}). Write the output somewhere else."
        )


def staging_dir(target: Path) -> Path:
    """The hidden sibling a batch for ``target`` is built in."""
    return target.parent / f".{target.name}.partial"


def retired_dir(target: Path) -> Path:
    """The hidden sibling the previous report waits in during the swap."""
    return target.parent / f".{target.name}.previous"


def recover(target: Path) -> None:
    """Finish or undo a swap that a killed run left half done, and drop stale staging folders.

    If the run died between its two renames, the previous report is restored.
    """
    retired = retired_dir(target)
    if retired.exists():
        if target.exists():
            shutil.rmtree(retired)
        else:
            retired.rename(target)
    staging = staging_dir(target)
    if staging.exists():
        shutil.rmtree(staging)


def swap_into_place(staging: Path, target: Path) -> None:
    """Replace ``target`` by the completed ``staging`` folder."""
    retired = retired_dir(target)
    if target.exists():
        target.rename(retired)
        staging.rename(target)
        shutil.rmtree(retired)
    else:
        staging.rename(target)
