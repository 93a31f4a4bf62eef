"""Undo the last change with u (issue 11): the store goes back to how it was, and a stray key
in Terugblik asks before it changes an action."""

from __future__ import annotations

from krachtoverleg.core.models import Action, Goal, Meeting, Strength
from krachtoverleg.core.models.vocab import ActionStatus
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.dialogs.form import FormDialog

from .test_stages import go_to


def stored(store_dir, demo):
    return FolderStore.open(store_dir, write=False).load(demo.id)


async def test_u_takes_back_an_added_strength_then_a_changed_goal(app, store_dir, demo):
    before = stored(store_dir, demo)
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "krachten")
        await pilot.press(*"ik kan goed zingen", "enter")
        await pilot.pause()
        assert "goed zingen" in [s.text for s in stored(store_dir, demo).all(Strength)]
        await pilot.press("escape", "u")  # leave the capture line, then undo
        await pilot.pause()
        assert "goed zingen" not in [s.text for s in stored(store_dir, demo).all(Strength)]
        assert any("Ongedaan gemaakt" in str(n.message) for n in app._notifications)

        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown")  # Doelen
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-text").value = "Schuldenvrij in 2027"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Schuldenvrij in 2027" in [g.text for g in stored(store_dir, demo).all(Goal)]
        await pilot.press("u")
        await pilot.pause()
    after = stored(store_dir, demo)
    assert sorted(g.text for g in after.all(Goal)) == sorted(g.text for g in before.all(Goal))
    assert len(after.all(Strength)) == len(before.all(Strength))
    meeting = max(after.all(Meeting), key=lambda m: m.number)
    assert meeting.current_stage == "doelen"  # the meeting's own bookkeeping is not undone


async def test_a_removed_record_comes_back_whole(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "hulpbronnen")
        first = len(stored(store_dir, demo).records.get("resources", []))
        await pilot.press("delete", "j")
        await pilot.pause()
        count = len(stored(store_dir, demo).records.get("resources", []))
        assert count == first - 1
        await pilot.press("u")
        await pilot.pause()
        assert len(stored(store_dir, demo).records.get("resources", [])) == count + 1


async def test_nothing_to_undo_says_so(app, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "opening")
        await pilot.press("u")
        await pilot.pause()
        assert any("niets om ongedaan" in str(n.message) for n in app._notifications)


async def test_n_in_terugblik_always_asks_why_and_escape_changes_nothing(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "terugblik")
        await pilot.press("down", "down")  # the action that is partly done, with a note
        await pilot.pause()
        before = {a.id: (a.status, a.note) for a in stored(store_dir, demo).all(Action)}
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert {a.id: (a.status, a.note) for a in stored(store_dir, demo).all(Action)} == before
        assert not any(a.status is ActionStatus.NOT_DONE for a in stored(store_dir, demo).all(Action))


async def test_undo_never_reopens_a_closed_meeting(app, store_dir, demo):
    from krachtoverleg.core.models.vocab import MeetingStatus

    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "afsluiting")
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Goed overleg", "enter")
        await pilot.pause()
        await pilot.press("c", "j")
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
    meeting = max(stored(store_dir, demo).all(Meeting), key=lambda m: m.number)
    assert meeting.status is MeetingStatus.CLOSED
