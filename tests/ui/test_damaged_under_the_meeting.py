"""A case file damaged while its meeting is open (issue 22, finding 8): another program or a
disk fault changes it between load and save. The save is refused in Dutch, the typing stays on
screen and is kept as a draft beside the case, the file is left exactly as it is, and check
names it. A presenter.json nested very deep leaves the mirror on its waiting screen."""

from __future__ import annotations

import json

import pytest

from krachtoverleg.core.rules.offline import DAMAGED
from krachtoverleg.core.store.check import check_store
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.meeting import MeetingScreen


def _edit(path, change) -> None:
    raw = json.loads(path.read_text())
    change(raw)
    path.write_text(json.dumps(raw))


DAMAGE = {
    "strengths table is a list": lambda raw: raw.update(strengths=[]),
    "a meeting record is a string": lambda raw: raw["meetings"].update({"1": "kapot"}),
    "meta is a number": lambda raw: raw.update(_meta=5),
    "a strength's text is a number": lambda raw: next(iter(raw["strengths"].values())).update(text=5),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
async def test_a_save_into_a_file_damaged_meanwhile_is_refused_and_keeps_the_typing(
        app, store, store_dir, demo, damage):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        path = store_dir / "cases" / f"{demo.id}.json"
        _edit(path, damage)
        damaged = path.read_bytes()
        await pilot.press(*"ik kan zingen", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MeetingScreen)
        assert app.screen.query_one("#capture").value == "ik kan zingen"
        assert any("Niet opgeslagen" in str(n.title) for n in app._notifications)
        assert path.read_bytes() == damaged  # never written over
        kept = store.drafts(demo.id)
        assert [d.values["text"] for d in kept.values() if d.title == DAMAGED] == ["zingen"]
        await pilot.press("ctrl+q")  # the quit's own save is refused too: the app says so and stays
        await pilot.pause()
        assert app.is_running
        await pilot.press("j")
        await pilot.pause()
    assert path.read_bytes() == damaged
    report = check_store(store_dir)
    assert any(r.path == path and r.problems for r in report.reports)


async def test_a_deeply_nested_presence_leaves_the_mirror_waiting(store, store_dir, demo, clock):
    (store_dir / "presenter.json").write_text("[" * 100_000 + "]" * 100_000)
    mirror = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock, mirror=True)
    async with mirror.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert mirror.is_running
