"""An exclusive lock on an output folder, held for one run, so that two runs never write there.

The lock is the file ``.OUT.lock`` beside the folder ``OUT`` (the folder itself is swapped for
a new one at the end of a report run, so the lock cannot live inside it). It is created with
``O_CREAT | O_EXCL``, which only one process can do, and holds the process id, host name and
start time of the run that holds it. A lock left by a run that died (killed, power cut) is
*stale*: its process no longer exists on this host, or that process id now belongs to a process
started after the lock was taken. A stale lock is broken and taken over; a live one is refused
with a message naming the run that holds it. A lock taken on another host cannot be checked and
is always refused (delete the file by hand when that run is gone).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from toolkit.errors import ToolkitError

_NEW_LOCK_SECONDS = 5.0
"""A lock file still empty after this long was left by a run that died while taking it."""


class LockedError(ToolkitError):
    """Another run holds the lock on an output folder."""


def lock_path(target: Path) -> Path:
    """The lock file of the output folder (or file) ``target``: ``.NAME.lock`` beside it."""
    return target.parent / f".{target.name}.lock"


@contextmanager
def output_lock(target: Path) -> Iterator[Path]:
    """Hold the lock on ``target`` for the ``with`` block; LockedError when another run has it.

    Yields the lock file. The lock is released (its file deleted) however the block ends.
    """
    path = lock_path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    token = _acquire(path, target)
    try:
        yield path
    finally:
        _release(path, token)


def _acquire(path: Path, target: Path) -> str:
    token = json.dumps(
        {"pid": os.getpid(), "host": socket.gethostname(), "started": time.time()},
        sort_keys=True,
    )
    for _ in range(20):
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            held = _read(path)
            if held is None:  # vanished, or just created and not yet written: look again
                time.sleep(0.05)
                continue
            if not _is_stale(held, path):
                raise LockedError(_held_message(target, path, held)) from None
            _break(path, held)
            continue
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(token)
        return token
    raise LockedError(
        f"Could not take the lock {path} on {target}: another run keeps taking it. "
        "Wait for the other run to finish."
    )


def _read(path: Path) -> dict[str, Any] | None:
    """The holder recorded in a lock file; None when the file is gone or not yet written.

    A file that is not a lock the toolkit wrote counts as a holder that cannot be checked.
    """
    try:
        text = path.read_text(encoding="utf-8")
        age = time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        return {"raw": "unreadable"}
    if not text:
        return {"raw": "", "empty_for": age} if age > _NEW_LOCK_SECONDS else None
    try:
        held = json.loads(text)
    except ValueError:
        return {"raw": text[:200]}
    return held if isinstance(held, dict) else {"raw": text[:200]}


def _is_stale(held: dict[str, Any], path: Path) -> bool:
    if "empty_for" in held:
        return True
    pid, host, started = held.get("pid"), held.get("host"), held.get("started")
    if not isinstance(pid, int) or host != socket.gethostname():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # alive, another user's
        return False
    return isinstance(started, int | float) and _started_after(pid, started)


def _started_after(pid: int, started: float) -> bool:
    """True when process ``pid`` began after ``started``: the id was reused by a new process."""
    try:
        import psutil
    except ImportError:  # without psutil a reused id looks alive: the lock is kept (safe side)
        return False
    try:
        return bool(psutil.Process(pid).create_time() > started + 1.0)
    except psutil.Error:
        return False


def _break(path: Path, held: dict[str, Any]) -> None:
    """Remove the stale lock ``path`` unless another run replaced it in the meantime."""
    aside = path.with_name(f"{path.name}.stale-{os.getpid()}")
    try:
        path.rename(aside)
    except FileNotFoundError:
        return
    if _read(aside) == held or "empty_for" in held:
        aside.unlink(missing_ok=True)
        return
    # Not the lock judged stale: put it back, unless a new one is already there.
    with contextlib.suppress(FileExistsError):
        os.link(aside, path)
    aside.unlink(missing_ok=True)


def _release(path: Path, token: str) -> None:
    try:
        if path.read_text(encoding="utf-8") == token:
            path.unlink()
    except FileNotFoundError:
        pass


def _held_message(target: Path, path: Path, held: dict[str, Any]) -> str:
    if "pid" in held:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(held.get("started", 0))))
        holder = f"process {held['pid']} on {held.get('host', '?')}, started {when}"
    else:
        holder = "a lock file this toolkit did not write"
    return (
        f"{target} is being written by another run ({holder}): wait for it to finish. If no "
        f"such run is going on, delete the lock file {path}."
    )
