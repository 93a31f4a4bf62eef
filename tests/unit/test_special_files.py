"""No file placed in the store hangs or crashes a command (issue 22, finding 3): a named pipe,
a link to /dev/zero, a folder, a dangling link and a link loop, each in the place of a case file,
an index shard, a drafts file, the settings and a backup. Every reading and writing command runs
under a timeout; each must end quickly, without a traceback, and the healthy case stays listed."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from krachtoverleg.core.store.folder_store import FolderStore, shard_of
from tests.unit.cli_run import run

TIMEOUT = 30  # seconds: a command that waits on a pipe never ends; a slow CI machine still does

KINDS: dict[str, Callable[[Path], None]] = {
    "named pipe": lambda path: os.mkfifo(path),
    "link to /dev/zero": lambda path: path.symlink_to("/dev/zero"),
    "folder": lambda path: path.mkdir(),
    "dangling link": lambda path: path.symlink_to(path.parent / "nergens.json"),
    "link loop": lambda path: path.symlink_to(path),
}


def _case_id(root: Path, code: str) -> str:
    return FolderStore.open(root, write=False).resolve(code).id


PLACES: dict[str, Callable[[Path], Path]] = {
    "case file": lambda root: root / "cases" / f"{_case_id(root, 'K-001')}.json",
    "index shard": lambda root: root / "index" / f"{shard_of(_case_id(root, 'K-002'))}.json",
    "drafts file": lambda root: root / "drafts" / f"{_case_id(root, 'K-002')}.json",
    "settings": lambda root: root / "settings.json",
    "backup": lambda root: root / "backups" / "backup-20261123-090000.zip",
    "action index": lambda root: root / "actions.sqlite",
    "action index journal": lambda root: root / "actions.sqlite-journal",
}

COMMANDS = (["cases"], ["actions", "--status", "all"], ["actions", "--format", "ics"], ["check"],
            ["export-case", "K-002"], ["minutes", "K-002"], ["progress", "K-002"], ["scores", "K-002"],
            ["client-plan", "K-002"], ["score", "K-002", "--ladder", "5"], ["erase", "K-002"],
            ["backup"], ["restore"])


@pytest.fixture
def root(tmp_path, capsys, clock) -> Path:
    folder = tmp_path / "store"
    for _ in range(2):
        assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    return folder


def place(root: Path, where: str, kind: str) -> Path:
    path = PLACES[where](root)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if path.is_symlink() or path.exists():
        path.unlink()
    KINDS[kind](path)
    return path


def run_in_time(capsys, clock, *argv: str) -> tuple[int, str, str]:
    """In a thread, so a command that hangs fails this test instead of stopping the suite."""
    answer: list[tuple[int, str, str]] = []
    worker = threading.Thread(target=lambda: answer.append(run(capsys, clock, *argv)), daemon=True)
    worker.start()
    worker.join(TIMEOUT)
    assert answer, f"{argv} still waits after {TIMEOUT} s"
    return answer[0]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("where", PLACES)
def test_a_special_file_hangs_and_crashes_no_command(root, capsys, clock, where, kind):
    special = place(root, where, kind)
    for command in COMMANDS:
        code, out, err = run_in_time(capsys, clock, "--store", str(root), *command)
        assert "Traceback" not in out + err, (command, err)
        assert code in (0, 1, 2), (command, code, err)
        if command == ["cases"]:
            assert code == 0 and "K-002" in out
        if command == ["check"] and not where.startswith("action index"):  # a cache: mended by then
            assert code == 1 and special.name in out, out  # named, not passed over
    if where.startswith("action index"):
        return  # a cache: removed and made again from the case files
    assert special.is_symlink() or special.exists()  # still there: named, never "repaired" away


@pytest.mark.parametrize("kind", ["named pipe", "link to /dev/zero"])
@pytest.mark.parametrize("where", ["case file", "index shard", "settings"])
async def test_the_app_lists_the_healthy_case_beside_a_special_file(root, clock, where, kind):
    from krachtoverleg.tui.app import KrachtApp
    from tests.ui.conftest import screen_text

    place(root, where, kind)
    with FolderStore.open(root, write=True) as store:
        app = KrachtApp(store=store, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.is_running and "K-002" in screen_text(app)


@pytest.mark.parametrize("kind", ["named pipe", "link to /dev/zero", "folder"])
def test_import_reads_only_a_regular_file(tmp_path, capsys, clock, kind):
    source = tmp_path / "casus.json"
    KINDS[kind](source)
    code, _, err = run_in_time(capsys, clock, "--store", str(tmp_path / "store"), "import", str(source))
    assert code == 2 and "Traceback" not in err
    assert "Kan" in err and "niet lezen" in err


@pytest.mark.parametrize("manifest", ["[" * 100_000 + "]" * 100_000, '{"made": 1, "cases": 7}',
                                      '{"made": "2026-11-23", "cases": [' + "9" * 5000 + "]}"],
                         ids=["nested deep", "wrong types", "a huge number"])
def test_a_damaged_backup_manifest_is_named_not_a_crash(root, capsys, clock, manifest):
    import zipfile

    (root / "backups").mkdir(mode=0o700, exist_ok=True)
    with zipfile.ZipFile(root / "backups" / "backup-20261123-090000.zip", "w") as archive:
        archive.writestr("manifest.json", manifest)
    for command in (["restore"], ["backup"], ["cases"], ["minutes", "K-002"], ["check"],
                    ["restore", "backup-20261123-090000.zip"], ["erase", "K-002", "--yes"]):
        code, out, err = run_in_time(capsys, clock, "--store", str(root), *command)
        assert "Traceback" not in out + err, (command, err)
        assert code in (0, 1, 2), (command, code, err)
    assert "beschadigd" in run(capsys, clock, "--store", str(root), "restore")[1]


def _odd_zip(path: Path, how: str) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", '{"made": "2026-11-23T09:00:00", "cases": []}')
    data = bytearray(path.read_bytes())
    local, central = data.find(b"PK\x03\x04"), data.find(b"PK\x01\x02")
    if how == "encrypted":  # the general-purpose flag's encryption bit, in both headers
        data[local + 6] |= 1
        data[central + 8] |= 1
    else:  # compression method 99 (AES), which zipfile cannot read
        data[local + 8:local + 10] = (99).to_bytes(2, "little")
        data[central + 10:central + 12] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["encrypted", "unknown compression"])
def test_a_backup_zipfile_cannot_read_is_named_not_a_traceback(root, capsys, clock, how):
    """Found by an adversarial run: RuntimeError and NotImplementedError from zipfile."""
    (root / "backups").mkdir(mode=0o700, exist_ok=True)
    _odd_zip(root / "backups" / "backup-20261123-090000.zip", how)
    for command in (["restore"], ["check"], ["restore", "backup-20261123-090000.zip"],
                    ["erase", "K-002", "--yes"], ["backup"]):
        code, out, err = run_in_time(capsys, clock, "--store", str(root), *command)
        assert "Traceback" not in out + err and code in (0, 1, 2), (command, err)


def test_rotation_never_throws_away_a_backup_it_cannot_read_or_did_not_name(root, capsys, clock):
    """Found by an adversarial run: 14 stray 'backup-9999…' files made 'backup' delete the new
    backup and every real one; damaged backups and pipes went too."""
    folder = root / "backups"
    folder.mkdir(mode=0o700, exist_ok=True)
    strays = [folder / f"backup-9999{n:04d}-000000.zip" for n in range(14)]
    for stray in strays:
        stray.write_bytes(b"not a zip")
    os.mkfifo(folder / "backup-00000000-000000.zip")
    for _ in range(16):
        assert run(capsys, clock, "--store", str(root), "backup")[0] == 0
    assert all(stray.exists() for stray in strays) and (folder / "backup-00000000-000000.zip").exists()
    readable = [p for p in folder.iterdir() if p not in strays and p.name != "backup-00000000-000000.zip"]
    assert len(readable) == 14  # the newest 14 the program made


def test_a_word_that_is_no_utf8_gets_a_dutch_refusal(root, capsys, clock):
    code, _, err = run(capsys, clock, "--store", str(root), "actions", "--owner", "a\udcff")
    assert code == 2 and "geen UTF-8" in err
