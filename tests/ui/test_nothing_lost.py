"""Nothing typed is lost: quitting, a closed terminal (SIGHUP), logging out (SIGTERM), a crash."""

from __future__ import annotations

import os
import signal
import stat

import pytest

from krachtoverleg.core.models import Meeting, Strength
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.meeting import MeetingScreen
from tests.ui.windows import type_then_signal

TYPED = "ik kan goed luisteren"


async def type_in_krachten(pilot) -> None:
    await pilot.press("enter", "pagedown", "pagedown")
    await pilot.pause()
    await pilot.press(*TYPED)
    await pilot.pause()


def todays_meeting(store_dir, case_id) -> Meeting:
    data = FolderStore.open(store_dir, write=False).load(case_id)
    return max(data.all(Meeting), key=lambda m: m.number)


async def test_text_typed_but_not_submitted_comes_back_as_a_draft(app, store, store_dir, demo, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await type_in_krachten(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert todays_meeting(store_dir, demo.id).drafts == {"krachten": TYPED}
    again = KrachtApp(store=store, clock=clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert again.screen.query_one("#capture").value == TYPED
        await pilot.press("enter")  # submitting files it and clears the draft in one write
        await pilot.pause()
    meeting = todays_meeting(store_dir, demo.id)
    assert meeting.drafts == {}
    assert "goed luisteren" in [s.text for s in store.load(demo.id).all(Strength)]


async def test_sighup_saves_the_draft_and_stops(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await type_in_krachten(pilot)
        assert signal.SIGHUP in app._signals  # else the signal would stop the test run itself
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause()
        await pilot.pause()
    assert todays_meeting(store_dir, demo.id).drafts == {"krachten": TYPED}


async def test_a_crash_keeps_the_draft_and_shows_no_client_data(app, store_dir, demo, monkeypatch):
    def explode(self) -> None:
        secret = "Petra de Vries"  # a local variable Textual's own crash screen would print
        raise RuntimeError(f"kapot bij {secret}")

    monkeypatch.setattr(MeetingScreen, "action_timeboxes", explode)
    printed: list[object] = []
    monkeypatch.setattr(KrachtApp, "_print_error_renderables",
                        lambda self: printed.extend(self._exit_renderables))
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(100, 30)) as pilot:
            await type_in_krachten(pilot)
            await pilot.press("escape", "t")
            await pilot.pause()
    assert todays_meeting(store_dir, demo.id).drafts == {"krachten": TYPED}
    shown = " ".join(str(r) for r in printed)
    assert "onverwacht gestopt" in shown and "Petra" not in shown
    [log] = list((store_dir / "logs").iterdir())
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600
    text = log.read_text("utf-8")
    assert "RuntimeError" in text and "explode" in text  # where it failed, for a maintainer
    assert "Petra" not in text and "kapot" not in text


TYPING = """
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik kan goed luisteren")
"""


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_real_process_keeps_the_last_edit_when_its_window_goes(store, store_dir, demo, signum):
    store.close()
    out, err = type_then_signal(store_dir, TYPING, signum)
    assert "stopped" in out, err
    assert todays_meeting(store_dir, demo.id).drafts == {"krachten": TYPED}


@pytest.mark.parametrize("line, message", [("ik kan " + "x" * 10_000, "te lang"),
                                           ("ik kan \x1b[31m", "niet zijn toegestaan")])
async def test_bad_text_on_screen_gets_a_dutch_message_and_stores_nothing(app, store_dir, demo, line,
                                                                         message):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        before = (store_dir / "cases" / f"{demo.id}.json").read_bytes()  # after the stage change
        app.screen.query_one("#capture").value = line
        await pilot.press("enter")
        await pilot.pause()
        assert any(message in str(n.message) for n in app._notifications)
        assert (store_dir / "cases" / f"{demo.id}.json").read_bytes() == before
        assert app.screen.query_one("#capture").value == line  # kept, to be corrected


async def test_a_draft_keeps_its_trailing_space(app, store_dir, demo):
    """Issue 22 finding 10: 'ik ' kept on hang-up came back as 'ik', so the next word stuck to it."""
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik ")
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause()
        await pilot.pause()
    assert todays_meeting(store_dir, demo.id).drafts == {"krachten": "ik "}


def _full_disk(monkeypatch) -> None:
    def full(target, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("krachtoverleg.core.store.folder_store.write_atomic", full)


async def test_quitting_on_a_full_disk_says_the_typing_was_not_kept_and_stays(app, store_dir, demo,
                                                                               monkeypatch):
    """Issue 22 finding 7: Ctrl+Q with a half-typed line on a full disk ended with status 0,
    no draft and no word. Now the app stays, says so, and the line is still on screen."""
    from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
    from tests.ui.conftest import screen_text

    async with app.run_test(size=(100, 30)) as pilot:
        await type_in_krachten(pilot)
        _full_disk(monkeypatch)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConfirmDialog)
        assert "Niet alles is bewaard" in app.screen.question and "schijf is vol" in app.screen.question
        assert "Toch stoppen" in screen_text(app) and "Terug" in screen_text(app)
        await pilot.press("n")  # back: the line is still there
        await pilot.pause()
        assert app.screen.query_one("#capture").value == TYPED
        monkeypatch.undo()  # room again: quitting keeps it as a draft
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running and app.return_code in (0, None)
    assert todays_meeting(store_dir, demo.id).drafts == {"krachten": TYPED}


async def test_quitting_anyway_on_a_full_disk_ends_with_a_plain_word(app, store_dir, demo, monkeypatch):
    printed: list[object] = []
    monkeypatch.setattr(KrachtApp, "_print_error_renderables",
                        lambda self: printed.extend(self._exit_renderables))
    async with app.run_test(size=(100, 30)) as pilot:
        await type_in_krachten(pilot)
        _full_disk(monkeypatch)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("j")  # stop anyway
        await pilot.pause()
    assert app.return_code == 1
    said = " ".join(str(r) for r in printed)
    assert "niet bewaard" in said and "Krachten" in said
    assert todays_meeting(store_dir, demo.id).drafts == {}
