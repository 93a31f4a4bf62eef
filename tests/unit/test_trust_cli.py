"""check, backup, restore and erase, as a real terminal user runs them."""

from __future__ import annotations

import json
import os
import stat
import zipfile

import pytest

from krachtoverleg.core.store.backup import KEEP, list_backups, make_backup
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.core.store.schema import SCHEMA_VERSION
from tests.unit.cli_run import run


@pytest.fixture
def root(tmp_path, capsys, clock):
    folder = tmp_path / "d"
    for _ in range(2):
        assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    return folder


def case_file(root, code):
    return root / "cases" / f"{FolderStore.open(root, write=False).resolve(code).id}.json"


def test_check_passes_a_healthy_store(root, capsys, clock):
    code, out, _ = run(capsys, clock, "--store", str(root), "check")
    assert code == 0 and "✓ K-001 (Gezin V.)" in out and "2 casussen" in out


@pytest.mark.parametrize("damage", ["truncated", "garbage", "empty", "newer", "reference"])
def test_check_names_every_kind_of_damage_and_the_case(root, capsys, clock, damage):
    path = case_file(root, "K-002")
    raw = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif damage == "garbage":
        path.write_bytes(os.urandom(300))
    elif damage == "empty":
        path.write_bytes(b"")
    elif damage == "newer":
        data = json.loads(raw)
        data["_meta"] = {"1": {"schema": SCHEMA_VERSION + 1}}
        path.write_text(json.dumps(data))
    else:
        data = json.loads(raw)
        action = next(iter(data["actions"].values()))
        action["meeting_id"] = "verdwenen"
        path.write_text(json.dumps(data))
    os.chmod(path, 0o600)
    before = path.read_bytes()
    code, out, _ = run(capsys, clock, "--store", str(root), "check")
    assert code == 1
    bad = [line for line in out.splitlines() if line.startswith("✗")]
    assert len(bad) == 1 and "K-002" in bad[0]
    assert "✓ K-001" in out
    assert path.read_bytes() == before  # checking never repairs or rewrites


def test_check_reports_wide_permissions(root, capsys, clock):
    os.chmod(case_file(root, "K-001"), 0o644)
    code, out, _ = run(capsys, clock, "--store", str(root), "check")
    assert code == 1 and "leesbaar voor anderen" in out


def test_a_damaged_case_does_not_stop_the_others(root, capsys, clock):
    case_file(root, "K-002").write_bytes(b"{kapot")
    code, out, _ = run(capsys, clock, "--store", str(root), "cases", "--format", "json")
    rows = {row["code"]: row for row in json.loads(out)}
    assert code == 0 and rows["K-002"]["damaged"] and not rows["K-001"]["damaged"]
    assert run(capsys, clock, "--store", str(root), "minutes", "K-001")[0] == 0
    code, _, err = run(capsys, clock, "--store", str(root), "minutes", "K-002")
    assert code == 1 and "beschadigd" in err


def test_backup_is_private_and_lists_what_it_holds(root, capsys, clock):
    code, out, _ = run(capsys, clock, "--store", str(root), "backup")
    assert code == 0 and "K-001 (Gezin V.), K-002 (Gezin V.)" in out
    [info] = list_backups(root)
    assert stat.S_IMODE(os.stat(info.path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(info.path.parent).st_mode) == 0o700
    code, out, _ = run(capsys, clock, "--store", str(root), "restore")
    assert code == 0 and info.name in out and "2 casussen" in out


def test_restore_brings_back_a_damaged_case_and_keeps_the_state_before(root, capsys, clock):
    run(capsys, clock, "--store", str(root), "backup")
    [info] = list_backups(root)
    path = case_file(root, "K-002")
    good = path.read_bytes()
    path.write_bytes(b"")
    code, _out, _ = run(capsys, clock, "--store", str(root), "restore", info.name)
    assert code == 0 and path.read_bytes() == good
    assert len(list_backups(root)) == 2  # the state just before, damaged file and all
    assert run(capsys, clock, "--store", str(root), "check")[0] == 0


def test_restore_of_an_unknown_backup_exits_2(root, capsys, clock):
    code, _, err = run(capsys, clock, "--store", str(root), "restore", "gisteren")
    assert code == 2 and "reservekopie" in err


def test_only_the_newest_backups_are_kept(root, clock):
    from datetime import timedelta

    with FolderStore.open(root, write=True) as store:
        for hours in range(KEEP + 3):
            make_backup(store, clock.now() + timedelta(hours=hours))
    backups = list_backups(root)
    assert len(backups) == KEEP and backups[0].made == clock.now() + timedelta(hours=KEEP + 2)


def test_erase_without_yes_only_shows(root, capsys, clock):
    run(capsys, clock, "--store", str(root), "backup")
    code, out, _ = run(capsys, clock, "--store", str(root), "erase", "K-002")
    assert code == 0 and "nog niets gewist" in out and "6 × Actie" in out and "backup-" in out
    assert len(FolderStore.open(root, write=False).cases()) == 2


def test_erase_removes_the_client_everywhere_also_from_backups(root, capsys, clock):
    run(capsys, clock, "--store", str(root), "backup")
    case_id = FolderStore.open(root, write=False).resolve("K-002").id
    code, out, _ = run(capsys, clock, "--store", str(root), "erase", "K-002", "--yes")
    assert code == 0 and "1 reservekopie." in out
    assert [s.code for s in FolderStore.open(root, write=False).cases()] == ["K-001"]
    for info in list_backups(root):
        with zipfile.ZipFile(info.path) as archive:
            assert not [n for n in archive.namelist() if case_id in n]
            assert case_id not in archive.read("manifest.json").decode()
    assert not list(root.rglob(f"*{case_id}*"))
    assert run(capsys, clock, "--store", str(root), "erase", "K-002")[0] == 2


def test_writing_commands_wait_for_the_window_that_holds_the_store(root, capsys, clock):
    with FolderStore.open(root, write=True):
        for argv in (["backup"], ["restore", "x"], ["erase", "K-001", "--yes"]):
            code, _, err = run(capsys, clock, "--store", str(root), *argv)
            assert code == 3 and "ander venster" in err
        assert run(capsys, clock, "--store", str(root), "check")[0] == 0
        assert run(capsys, clock, "--store", str(root), "restore")[0] == 0  # the listing only reads


def test_the_app_start_leaves_the_days_backup_to_the_app_and_it_is_once_a_day(root, clock, monkeypatch,
                                                                              capsys):
    """Issue 21: the backup at start made the first screen wait (2.6 s at 5,000 cases); the app
    now makes it beside its first screen (tests/ui/test_daily_backup.py)."""
    from datetime import timedelta

    from krachtoverleg import cli

    seen: list[int] = []

    def launch(store, clock, case_id=None) -> int:
        seen.append(len(list_backups(root)))
        return 0

    monkeypatch.setattr(cli, "_launch", launch)
    assert run(capsys, clock, "--store", str(root))[0] == 0
    assert run(capsys, clock, "--store", str(root), "meeting", "K-001")[0] == 0
    assert seen == [0, 0], "nothing is backed up before the first screen"
    with FolderStore.open(root, write=True) as store:
        assert store.daily_backup(clock.now()) is not None
        assert store.daily_backup(clock.now()) is None, "at most once a day"
        assert store.daily_backup(clock.now() + timedelta(days=1)) is not None
    assert len(list_backups(root)) == 2


def test_restoring_the_oldest_of_fourteen_backups_keeps_it_and_works(root, capsys, clock):
    """Issue 10, finding 6: the safety backup rotated the chosen one away mid-restore."""
    from datetime import timedelta

    with FolderStore.open(root, write=True) as store:
        for hours in range(KEEP):
            make_backup(store, clock.now() - timedelta(hours=KEEP - hours))
    oldest = list_backups(root)[-1]
    code, _, err = run(capsys, clock, "--store", str(root), "restore", oldest.name)
    assert code == 0, err
    assert oldest.path.exists()  # the backup chosen is never the one rotated away
    assert len(FolderStore.open(root, write=False).cases()) == 2


def test_a_killed_backup_leaves_nothing_that_check_misses_or_the_next_writer_keeps(root, capsys, clock):
    """Issue 10, finding 7: a half-written backup zip holds every client."""
    leftovers = [root / "backups" / ".backup-20261123-100000.zip.4242.abcd.tmp",
                 root / "index" / ".00.json.4242.abcd.tmp"]
    (root / "backups").mkdir(exist_ok=True, mode=0o700)
    for path in leftovers:
        path.write_bytes(b"half a copy of every case")
        path.chmod(0o600)
    code, out, _ = run(capsys, clock, "--store", str(root), "check")
    assert code == 1 and "onderbroken schrijfactie" in out
    with FolderStore.open(root, write=True):
        pass
    assert not any(path.exists() for path in leftovers)


def test_a_backup_with_a_name_outside_the_store_restores_nothing_there(root, capsys, clock, tmp_path):
    with FolderStore.open(root, write=True) as store:
        made = make_backup(store, clock.now())
    with zipfile.ZipFile(made, "a") as archive:
        archive.writestr("cases/../../buiten.json", "{}")
    code, _, err = run(capsys, clock, "--store", str(root), "restore", made.name)
    assert code == 0, err
    assert not (tmp_path / "buiten.json").exists() and not (root.parent / "buiten.json").exists()


def test_a_symlinked_cases_folder_is_checked_and_narrowed_too(root, capsys, clock, tmp_path):
    """Issue 10, finding 14: with cases/ a link to a 0755 folder of 0644 files, check passed."""
    elsewhere = tmp_path / "elders"
    (root / "cases").rename(elsewhere)
    (root / "cases").symlink_to(elsewhere)
    elsewhere.chmod(0o755)
    for path in elsewhere.iterdir():
        path.chmod(0o644)
    code, out, _ = run(capsys, clock, "--store", str(root), "check")
    assert code == 1 and "leesbaar voor anderen" in out
    with FolderStore.open(root, write=True):
        pass
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in elsewhere.iterdir())


def test_a_link_to_a_file_outside_the_store_is_never_made_private(root, capsys, clock, tmp_path):
    """Making the store private at start followed every link and made /dev/null, /dev/zero
    and /dev/urandom 0600 (found on this machine: a store with such links, opened as root)."""
    outside = tmp_path / "niet-van-de-opslag.txt"
    outside.write_text("x")
    outside.chmod(0o644)
    os.mkfifo(tmp_path / "pijp")
    (tmp_path / "pijp").chmod(0o666)
    (root / "cases" / "link.json").symlink_to(outside)
    (root / "drafts").mkdir(mode=0o700, exist_ok=True)
    (root / "drafts" / "pijp.json").symlink_to(tmp_path / "pijp")
    (root / "index" / "map").symlink_to(tmp_path, target_is_directory=True)
    victim = tmp_path / "slachtoffer"
    victim.mkdir(mode=0o755)
    (victim / "brief.txt").write_text("x")
    (victim / "brief.txt").chmod(0o644)
    (root / "notes").symlink_to(victim, target_is_directory=True)  # not a store folder: not followed
    tmp_path.chmod(0o755)
    devices = {name: os.stat(name).st_mode for name in ("/dev/null", "/dev/zero")}
    with FolderStore.open(root, write=True):
        pass
    assert stat.S_IMODE(outside.stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "pijp").stat().st_mode) == 0o666
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755  # a folder linked from inside: untouched
    assert stat.S_IMODE(victim.stat().st_mode) == 0o755
    assert stat.S_IMODE((victim / "brief.txt").stat().st_mode) == 0o644
    out = run(capsys, clock, "--store", str(root), "check")[1]
    assert "brief.txt" not in out
    assert {name: os.stat(name).st_mode for name in devices} == devices


def test_erase_leaves_no_trace_in_any_file_also_not_the_mirrors(root, capsys, clock):
    """Issue 22, finding 9: after the mirror followed a meeting, the case's id stayed in
    presenter.json. Now no file the app writes holds the id, and check finds nothing."""
    from krachtoverleg.core.store.presence import Presence, write_presence

    run(capsys, clock, "--store", str(root), "backup")
    run(capsys, clock, "--store", str(root), "actions")  # the action index holds the case too
    case_id = FolderStore.open(root, write=False).resolve("K-002").id
    write_presence(root, Presence(case_id=case_id, stage="krachten", alive=clock.now().isoformat()))
    assert run(capsys, clock, "--store", str(root), "erase", "K-002", "--yes")[0] == 0
    for path in root.rglob("*"):
        if path.is_file() and path.suffix != ".zip":  # backups: compressed, checked above
            assert case_id.encode() not in path.read_bytes(), path
    assert run(capsys, clock, "--store", str(root), "check")[0] == 0


def test_check_names_a_presence_of_a_case_that_is_gone(root, capsys, clock):
    from krachtoverleg.core.store.presence import Presence, write_presence

    write_presence(root, Presence(case_id="0" * 32))
    code, out, _ = run(capsys, clock, "--store", str(root), "check")
    assert code == 1 and "presenter.json" in out


def test_import_replace_under_a_new_id_leaves_nothing_of_the_old_id(root, capsys, clock, tmp_path):
    """Found by an adversarial run: the old id's drafts and the mirror's file stayed behind,
    and check named them."""
    import json

    from krachtoverleg.core.store.drafts import Draft
    from krachtoverleg.core.store.presence import Presence, write_presence

    store = FolderStore.open(root, write=True)
    old = store.resolve("K-002").id
    store.keep_draft(old, Draft("k", "t", {"x": "typ"}, {"x": "x"}, clock.now()))
    store.close()
    write_presence(root, Presence(case_id=old))
    document = json.loads(run(capsys, clock, "--store", str(root), "export-case", "K-002")[1])
    document["case"]["id"] = "d" * 32
    source = tmp_path / "nieuw.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = run(capsys, clock, "--store", str(root), "import", "--replace", str(source))
    assert code == 0, err
    assert not (root / "cases" / f"{old}.json").exists()
    for path in [*(root / "drafts").glob("*"), root / "presenter.json"]:  # the new file may quote it
        assert old.encode() not in path.read_bytes(), path
    assert run(capsys, clock, "--store", str(root), "check")[0] == 0
