"""One bad file stops nothing (issue 10, finding 11): every kind of damage, every reading
command. No traceback, the documented exit code, the damaged file untouched, the healthy case
still there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from krachtoverleg.core.store.folder_store import FolderStore
from tests.unit.cli_run import run


@pytest.fixture
def root(tmp_path, capsys, clock) -> Path:
    folder = tmp_path / "store"
    for _ in range(2):
        assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    return folder


def damaged_file(root: Path) -> Path:
    return root / "cases" / f"{FolderStore.open(root, write=False).resolve('K-001').id}.json"


def edit_raw(path: Path, change) -> None:
    raw = json.loads(path.read_text())
    change(raw)
    path.write_text(json.dumps(raw))


def as_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def dangling(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.parent / "nergens.json")


DAMAGE = {
    "case file is a folder": lambda root: as_folder(damaged_file(root)),
    "case file is a dangling link": lambda root: dangling(damaged_file(root)),
    "case file deeply nested": lambda root: damaged_file(root).write_text("[" * 100_000 + "]" * 100_000),
    "a table is a list": lambda root: edit_raw(damaged_file(root), lambda raw: raw.update(strengths=[])),
    "a document id is not a number": lambda root: edit_raw(
        damaged_file(root), lambda raw: raw.update(strengths={"x": next(iter(raw["strengths"].values()))})),
    "a record id is a list": lambda root: edit_raw(
        damaged_file(root), lambda raw: next(iter(raw["strengths"].values())).update(id=["x"])),
    "a case code is a number": lambda root: edit_raw(
        damaged_file(root), lambda raw: raw["case"]["1"].update(code=7)),
    "stray macOS file": lambda root: (root / "cases" / "._x.json").write_bytes(b"\x00\x05\x16\x07"),
    "index shard with a list": lambda root: [shard.write_text('{"cases": []}')
                                             for shard in (root / "index").glob("*.json")],
    "index shard is a folder": lambda root: (root / "index" / "zz.json").mkdir(),
    "settings is a folder": lambda root: (root / "settings.json").mkdir(),
    # issue 22, finding 4: wrong types and huge numbers were tracebacks in actions, minutes, ...
    "the meta table is a number": lambda root: edit_raw(damaged_file(root), lambda raw: raw.update(_meta=5)),
    "a record is a string": lambda root: edit_raw(
        damaged_file(root), lambda raw: raw["meetings"].update({"1": "kapot"})),
    "a number of 5,000 digits": lambda root: damaged_file(root).write_text(
        damaged_file(root).read_text().replace('"schema":3', '"schema":' + "9" * 5000, 1)),
    "settings deeply nested": lambda root: (root / "settings.json").write_text("[" * 100_000 + "]" * 100_000),
    # found by an adversarial run: passed check, then crashed export, score and the app
    "half a surrogate pair": lambda root: edit_raw(
        damaged_file(root), lambda raw: raw["_meta"]["1"].update(x="\ud800")),
    "nested 600 deep in a table": lambda root: edit_raw(
        damaged_file(root), lambda raw: next(iter(raw["strengths"].values())).update(
            text=json.loads("[" * 600 + "]" * 600))),
}
HEALTHY_STILL_LISTED = ("cases", "actions", "check")


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_one_bad_file_stops_nothing(root, capsys, clock, damage):
    damage(root)
    files = {p: (p.read_bytes() if p.is_file() else None) for p in (root / "cases").iterdir()}
    outputs = {}
    for command in (["cases"], ["actions", "--status", "all"], ["check"], ["export-case", "K-002"],
                    ["minutes", "K-001"], ["progress", "K-001"], ["export-case", "K-001"], ["backup"]):
        code, out, err = run(capsys, clock, "--store", str(root), *command)
        assert "Traceback" not in out + err, (command, err)
        assert code in (0, 1), (command, code, err)
        outputs.setdefault(command[0], (code, out))  # the first: the healthy case's
    assert outputs["cases"][0] == 0 and "K-002" in outputs["cases"][1]
    assert outputs["export-case"][0] == 0 and '"K-002"' in outputs["export-case"][1]
    assert outputs["actions"][0] == 0 and "K-002" in outputs["actions"][1]
    assert outputs["check"][0] == 1  # check names the damage
    assert {p: (p.read_bytes() if p.is_file() else None) for p in (root / "cases").iterdir()} == files


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
async def test_the_app_starts_and_lists_the_healthy_case(root, clock, damage):
    from krachtoverleg.tui.app import KrachtApp
    from tests.ui.conftest import screen_text

    damage(root)
    with FolderStore.open(root, write=True) as store:
        app = KrachtApp(store=store, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.is_running and "K-002" in screen_text(app)


def _shard_says(root: Path, case_id: str, code: str) -> None:
    from krachtoverleg.core.store.folder_store import shard_of

    shard = root / "index" / f"{shard_of(case_id)}.json"
    data = json.loads(shard.read_text())
    data["cases"][case_id]["code"] = code
    shard.write_text(json.dumps(data))


def test_a_shard_that_gives_a_case_another_code_misroutes_nothing(root, capsys, clock):
    """Issue 22, finding 2: a shard saying K-002 is K-001 made 'score K-002' answer that there
    is no K-002, and after a writer ran, 'cases' listed K-001 twice. The case files win."""
    store = FolderStore.open(root, write=False)
    first, second = store.resolve("K-001").id, store.resolve("K-002").id
    before = (root / "cases" / f"{first}.json").read_bytes()
    _shard_says(root, second, "K-001")
    code, out, err = run(capsys, clock, "--store", str(root), "score", "K-002", "--ladder", "5")
    assert code == 0, err
    assert (root / "cases" / f"{first}.json").read_bytes() == before  # K-001 untouched
    assert FolderStore.open(root, write=False).load(second).case.code == "K-002"
    code, out, err = run(capsys, clock, "--store", str(root), "cases")
    assert out.count("K-001") == 1 and out.count("K-002") == 1
    _shard_says(root, first, "K-002")  # now the other way round, and a code looked up
    assert FolderStore.open(root, write=False).resolve("K-001").id == first
    assert run(capsys, clock, "--store", str(root), "check")[0] == 0  # the writer mended it


def test_a_damaged_case_never_takes_the_code_of_a_readable_one(root, capsys, clock):
    """Found by an adversarial run: K-002's file truncated and its shard saying K-001 made
    'erase K-001 --yes' erase K-002 (the damaged entry kept the shard's code and won)."""
    store = FolderStore.open(root, write=False)
    first, second = store.resolve("K-001").id, store.resolve("K-002").id
    path = root / "cases" / f"{second}.json"
    path.write_bytes(path.read_bytes()[:1000])
    _shard_says(root, second, "K-001")
    code, out, err = run(capsys, clock, "--store", str(root), "minutes", "K-001")
    assert code == 0 and "K-001" in out, err
    assert run(capsys, clock, "--store", str(root), "erase", "K-001", "--yes")[0] == 0
    assert path.exists() and not (root / "cases" / f"{first}.json").exists()


def test_a_copy_of_a_case_under_another_name_is_never_the_case_it_names(root, capsys, clock):
    """Found by an adversarial run: K-002's file copied to another name with code K-003 made
    'minutes K-003' print K-002 and 'erase K-003 --yes' erase the real K-002."""
    second = FolderStore.open(root, write=False).resolve("K-002").id
    raw = json.loads((root / "cases" / f"{second}.json").read_text())
    raw["case"]["1"]["code"] = "K-003"
    copy = root / "cases" / ("c" * 32 + ".json")
    copy.write_text(json.dumps(raw))
    code, out, _ = run(capsys, clock, "--store", str(root), "minutes", "K-002")
    assert code == 0 and "K-002" in out
    assert run(capsys, clock, "--store", str(root), "erase", "K-003", "--yes")[0] == 0
    assert (root / "cases" / f"{second}.json").exists() and not copy.exists()
    assert run(capsys, clock, "--store", str(root), "check")[0] == 0
