"""A killed restore never leaves a mixture (issue 22, finding 1): `restore` killed about two
thirds of the way left check failing in 7 of 16 tries. Here a real process is killed at random
moments; afterwards the store is wholly as before or wholly as the backup, every case file with
it, and check passes (the next start finishes or undoes the restore and says which)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from krachtoverleg.core.store.backup import list_backups
from krachtoverleg.core.store.folder_store import FolderStore
from tests.benchmarks.bench_save import fill
from tests.unit.cli_run import run

TRIES = int(os.environ.get("KRACHTOVERLEG_RESTORE_KILLS", "6"))


def cases_of(root: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in (root / "cases").glob("*.json")}


def restore_process(root: Path, name: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "krachtoverleg", "--store", str(root), "restore", name],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.fixture
def before_and_backup(tmp_path, capsys, clock) -> tuple[Path, dict[str, bytes], dict[str, bytes], str]:
    """A store of 60 cases with one backup of it, then changed: 20 cases gone, 20 new."""
    root = tmp_path / "pristine"
    fill(root, 60)
    assert run(capsys, clock, "--store", str(root), "backup")[0] == 0
    [backup] = list_backups(root)
    with zipfile.ZipFile(backup.path) as archive:
        from_backup = {Path(n).name: archive.read(n) for n in archive.namelist() if n.startswith("cases/")}
    for path in sorted((root / "cases").glob("*.json"))[:20]:
        path.unlink()
    fill(root / "extra", 80)  # K-0061 to K-0080 are new codes
    for path in (root / "extra" / "cases").glob("*.json"):
        if any(f'"K-00{number}"'.encode() in path.read_bytes() for number in range(61, 81)):
            shutil.copy2(path, root / "cases" / path.name)
    shutil.rmtree(root / "extra")
    FolderStore.open(root, write=True).close()  # the index as a start leaves it
    return root, cases_of(root), from_backup, backup.name


def test_a_restore_killed_at_any_moment_leaves_the_store_one_or_the_other(tmp_path, capsys, clock,
                                                                          before_and_backup):
    pristine, before, from_backup, name = before_and_backup
    timing = tmp_path / "timing"
    shutil.copytree(pristine, timing)
    start = time.perf_counter()
    assert restore_process(timing, name).wait(120) == 0
    whole = time.perf_counter() - start
    assert cases_of(timing) == from_backup
    chance = random.Random(22)
    outcomes = []
    for attempt in range(TRIES):
        root = tmp_path / f"try{attempt}"
        shutil.copytree(pristine, root)
        process = restore_process(root, name)
        delay = chance.uniform(0.1, 1.0) * whole
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        code, out, err = run(capsys, clock, "--store", str(root), "check")
        assert code == 0, (delay, out, err)
        now = cases_of(root)
        assert now in (before, from_backup), f"a mixture after a kill at {delay:.2f} s of {whole:.2f} s"
        assert not (root / "restoring").exists()
        outcomes.append("backup" if now == from_backup else "before")
    assert outcomes  # which of the two varies with the moment; each is whole


def test_a_restore_staged_but_not_ready_is_undone_and_said(before_and_backup, capsys, clock):
    root, before, _, _ = before_and_backup
    (root / "restoring" / "cases").mkdir(parents=True)
    (root / "restoring" / "cases" / "half.json").write_text("{")
    code, out, err = run(capsys, clock, "--store", str(root), "check")
    assert code == 0, out
    assert "ongedaan gemaakt" in err
    assert cases_of(root) == before and not (root / "restoring").exists()


def test_a_restore_killed_in_the_swap_is_finished_and_said(before_and_backup, capsys, clock):
    from krachtoverleg.core.store import staged_restore

    root, _, from_backup, name = before_and_backup
    [safety] = [info.path for info in list_backups(root)]  # the backup itself serves as the safety one
    staged_restore.stage(root, "cases", "settings.json",
                         {f"cases/{n}": content for n, content in from_backup.items()}, name, safety)
    os.rename(root / "cases", root / "restoring" / "old-cases")  # killed between the two renames
    code, out, err = run(capsys, clock, "--store", str(root), "check")
    assert code == 0, out
    assert "afgemaakt" in err and name in err
    assert cases_of(root) == from_backup


@pytest.mark.parametrize("plan", [
    '{"backup": "x", "settings": false, "cases": "cases", "settings_name": "settings.json"}',
    '{"backup": "x", "cases": {}, "settings": null}',
    '{"backup": "x", "cases": "../../v", "settings_name": "../../f.txt"}'],
    ids=["an older mark", "an empty list", "paths outside the store"])
def test_a_restoring_folder_that_no_restore_made_changes_nothing(before_and_backup, capsys, clock, tmp_path,
                                                                  plan):
    """Found by an adversarial run: a placed restoring/ with a ready mark made a reading command
    swap in its empty folder (every case gone), or move files outside the store."""
    root, before, _, _ = before_and_backup
    (root / "restoring" / "cases").mkdir(parents=True)
    (root / "restoring" / "ready").write_text(plan)
    (tmp_path / "v").mkdir()
    code, out, _ = run(capsys, clock, "--store", str(root), "cases")
    assert code == 0 and "K-0" in out
    assert cases_of(root) == before and (tmp_path / "v").is_dir()
    assert run(capsys, clock, "--store", str(root), "check")[0] == 0
