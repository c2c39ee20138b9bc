"""Issue 16, items 2, 3, 10, 11 and 13: an output never replaces, holds or lies inside an input;
one run at a time writes an output folder; a symlinked, file or full output is handled with a
message."""

from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from toolkit.cli import main
from toolkit.reports import batch as batch_module
from toolkit.reports import build_reports, check_out_dir
from toolkit.reports.lock import LockedError, lock_path, output_lock
from toolkit.reports.manifest import input_hashes
from toolkit.reports.paths import staging_dir

SAMPLE = Path(str(resources.files("toolkit").joinpath("sample_corpus")))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLE, folder)
    return folder


@pytest.mark.parametrize(
    ("out", "relation"),
    [("corpus", "is"), (".", "contains"), ("corpus/reports", "lies inside")],
)
def test_a_report_never_replaces_holds_or_lies_in_its_corpus(
    corpus: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    out: str,
    relation: str,
) -> None:
    """`toolkit report CORPUS --out CORPUS --force` deleted the corpus and its manifest."""
    before = _snapshot(corpus)
    target = (tmp_path / out).resolve()
    status, _, err = _run(capsys, "report", str(corpus), "--out", str(target), "--force")
    assert status == 1
    assert (
        f"error: The 'out' parameter must not be, contain or lie inside an input: "
        f"{str(target)!r} {relation} the corpus ({corpus})."
    ) in err
    assert _snapshot(corpus) == before
    assert not (corpus / "reports").exists()


def test_analyze_into_its_corpus_folder_is_refused(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Item 11: tables written inside a folder corpus became inputs of the next run."""
    status, _, err = _run(capsys, "analyze", str(corpus), "--out", str(corpus / "tables"))
    assert status == 1
    assert "lies inside the corpus" in err
    assert not (corpus / "tables").exists()


def test_an_output_cannot_be_a_codebook_or_the_notebooks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from toolkit.codebooks import builtin_codebook
    from toolkit.reports import notebooks_dir

    hedging = Path(builtin_codebook("hedging").path)
    mine = tmp_path / "mine.yaml"
    shutil.copy(hedging, mine)
    for args, relation in [
        (["analyze", "--out", str(hedging.parent)], "lies inside the toolkit package"),
        (["report", "--out", str(notebooks_dir())], "is the report notebooks"),
        (["analyze", "--hedging-codebook", str(mine), "--out", str(tmp_path)], "contains the h"),
    ]:
        status, _, err = _run(capsys, *args, "--force")
        assert status == 1
        assert relation in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine.yaml"]


def test_a_coder_sheet_never_overwrites_its_corpus_or_a_coded_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stories = tmp_path / "stories.jsonl"
    line = {"id": "a", "outlet": "O", "text": "Officials said the strike may be limited."}
    stories.write_text(json.dumps(line) + "\n")
    before = stories.read_bytes()
    status, _, err = _run(capsys, "validate", "export", str(stories), "--out", str(stories))
    assert status == 1
    assert "is the corpus" in err
    assert stories.read_bytes() == before

    sheet = tmp_path / "coded.csv"
    sheet.write_text("item_id,rule,code\n1,hedging:may,1\n")
    status, _, err = _run(
        capsys, "validate", "export", str(stories), "--out", str(sheet), "--family", "hedging"
    )
    assert status == 1
    assert "already exists (it may hold a coder's work); pass --force" in err
    assert sheet.read_text() == "item_id,rule,code\n1,hedging:may,1\n"
    status, printed, _ = _run(
        capsys,
        *("validate", "export", str(stories), "--out", str(sheet)),
        *("--family", "hedging", "--force"),
    )
    assert status == 0
    assert "Wrote" in printed


def test_out_naming_a_file_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """It was a NotADirectoryError traceback."""
    file = tmp_path / "notes.txt"
    file.write_text("keep me")
    for command in ("report", "analyze"):
        status, _, err = _run(capsys, command, "--out", str(file))
        assert status == 1
        assert f"The 'out' parameter must name a folder. Got {str(file)!r}, which is a file." in err
    assert file.read_text() == "keep me"


def test_a_symlinked_out_writes_into_the_folder_it_points_to(
    tmp_path: Path, quick_notebooks: Path
) -> None:
    """The link was replaced by a real folder, and every later run failed on rmtree."""
    real = tmp_path / "real"
    link = tmp_path / "link"
    real.mkdir()
    link.symlink_to(real, target_is_directory=True)
    assert check_out_dir(link) == real.resolve()
    first = build_reports(None, link, jobs=2, notebooks=quick_notebooks, outlets=["MENAFN"])
    assert [(item.name, item.status) for item in first.runs] == [
        ("MENAFN", "ok"),
        ("Comparative report", "ok"),
    ]
    second = build_reports(None, link, jobs=2, notebooks=quick_notebooks, outlets=["MENAFN"])
    assert [item.reused for item in second.runs] == [True, True]
    assert link.is_symlink()
    assert link.resolve() == real.resolve()
    assert (real / "index.html").is_file()
    assert not (tmp_path / ".link.partial").exists()
    assert not (tmp_path / ".real.partial").exists()


def test_a_second_run_into_a_locked_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    with output_lock(out) as lock:
        assert lock == tmp_path / ".out.lock"
        for command in ("report", "analyze"):
            status, _, err = _run(capsys, command, "--out", str(out))
            assert status == 1
            assert f"is being written by another run (process {os.getpid()} on " in err
            assert f"delete the lock file {lock}" in err
        assert lock.exists()
    assert not lock.exists()


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize(
    "holder",
    [
        {"pid": _dead_pid(), "host": socket.gethostname(), "started": 0.0},
        {"pid": os.getpid(), "host": socket.gethostname(), "started": 0.0},  # pid reused since
    ],
    ids=["dead process", "reused process id"],
)
def test_a_stale_lock_is_taken_over(tmp_path: Path, holder: dict[str, object]) -> None:
    out = tmp_path / "out"
    lock_path(out).write_text(json.dumps(holder))
    with output_lock(out) as lock:
        assert json.loads(lock.read_text())["pid"] == os.getpid()
    assert not lock.exists()


def test_a_lock_from_another_host_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock = lock_path(out)
    lock.write_text(json.dumps({"pid": 1, "host": "elsewhere.example", "started": 0.0}))
    with pytest.raises(LockedError, match=r"process 1 on elsewhere\.example"), output_lock(out):
        pass
    assert lock.exists()


def test_a_full_disk_is_a_message_and_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC was a traceback, and the `.NAME.partial` folder was left behind."""
    out = tmp_path / "out"

    def full(*args: object, **kwargs: object) -> None:
        assert staging_dir(out).is_dir()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(staging_dir(out)))

    monkeypatch.setattr(batch_module, "_analysis", full)
    status, _, err = _run(capsys, "report", "--out", str(out))
    assert status == 1
    assert err.startswith(f"error: no space left on the device: {staging_dir(out)}. Nothing")
    assert "Traceback" not in err
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_ctrl_c_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(batch_module, "_analysis", interrupted)
    status, _, err = _run(capsys, "report", "--out", str(tmp_path / "out"))
    assert status == 130
    assert "error: interrupted; nothing was changed in the output" in err
    assert list(tmp_path.iterdir()) == []


def test_the_manifest_hashes_no_file_the_loader_refused(tmp_path: Path) -> None:
    """manifest.json recorded the sha256 of a file reached through a refused symlink."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("Head\n\nOfficials said so.\n")
    (tmp_path / "secret.txt").write_text("Secret\n")
    (folder / "b.txt").symlink_to(tmp_path / "secret.txt")
    (folder / "manifest.csv").write_text("file,outlet\na.txt,O\nb.txt,O\n")
    assert sorted(input_hashes(folder)) == ["a.txt", "manifest.csv"]
