"""The save path: a save changes only what the user changed, shows it in place, and the app
never ends unless asked."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from krachtoverleg import cli
from krachtoverleg.core.models import Meeting, Strength
from krachtoverleg.core.models.agenda import STAGE_KEYS, StageKey
from krachtoverleg.core.store.case_store import Store
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.guard import UnexpectedCancel
from krachtoverleg.tui.screens.meeting import MeetingScreen
from krachtoverleg.tui.stages.strengths import StrengthBoard, StrengthColumn


def todays_meeting(store_dir, case_id) -> Meeting:
    return max(Store.open(store_dir, write=False).load(case_id).all(Meeting), key=lambda m: m.number)


async def test_a_meeting_form_keeps_the_time_and_stage_saved_while_it_was_open(app, store_dir, demo, clock):
    """The measured bug: 20 s in Opening, PageDown to Afsluiting, then a summary wiped the
    stage times and put the meeting back at Opening."""
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        clock.moment += timedelta(seconds=20)
        await pilot.press(*["pagedown"] * (len(STAGE_KEYS) - 1))
        await pilot.pause()
        saved = todays_meeting(store_dir, demo.id)
        assert saved.current_stage is StageKey.AFSLUITING and saved.stage_seconds["opening"] == 20
        await pilot.press("s")
        await pilot.pause()
        await pilot.press(*"Goed overleg", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
    meeting = todays_meeting(store_dir, demo.id)
    assert meeting.summary == "Goed overleg"
    assert meeting.stage_seconds["opening"] == 20
    assert meeting.current_stage is StageKey.AFSLUITING


async def test_a_capture_adds_one_item_and_leaves_the_others_on_screen(app, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        column = app.screen.query_one("#column-ik_kan", StrengthColumn)
        before = list(column.view.options)
        await pilot.press(*"ik kan fietsen", "enter")
        await pilot.pause()
        after = list(column.view.options)
        assert after[:len(before)] == before  # the same lines: nothing redrawn
        assert [str(o.prompt) for o in after[len(before):]] == ["• fietsen"]
        assert app.screen.query_one(StrengthBoard).query_one("#capture").value == ""


async def test_panes_are_built_when_first_shown(app, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert len(app.screen.query(".stage-pane")) == 1
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert len(app.screen.query(".stage-pane")) == 3


async def test_a_cancelled_handler_ends_in_the_crash_path_not_in_silence(app, store_dir, demo, monkeypatch):
    """The measured bug: a CancelledError inside a handler ended Textual's loop with code 0 and
    no message. Now it is a crash: a Dutch message, a log, a non-zero exit."""
    def cancelled(self) -> None:
        raise asyncio.CancelledError

    monkeypatch.setattr(MeetingScreen, "action_timeboxes", cancelled)
    printed: list[object] = []
    monkeypatch.setattr(KrachtApp, "_print_error_renderables",
                        lambda self: printed.extend(self._exit_renderables))
    with pytest.raises(UnexpectedCancel):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
    assert app.return_code == 1
    assert "onverwacht gestopt" in " ".join(str(r) for r in printed)
    [log] = list((store_dir / "logs").iterdir())
    assert "UnexpectedCancel" in log.read_text("utf-8")


def test_the_command_line_reports_an_unasked_stop_as_a_crash(store, demo, clock, monkeypatch, capsys):
    monkeypatch.setattr(KrachtApp, "run", lambda self, **kwargs: None)  # ends without anyone asking
    assert cli._launch(store, clock) == 1
    assert "onverwacht gestopt" in capsys.readouterr().err
    [log] = list((store.root / "logs").iterdir())
    assert "RuntimeError" in log.read_text("utf-8")


def test_the_command_line_ends_quietly_when_asked(store, demo, clock, monkeypatch):
    def asked(self: KrachtApp, **kwargs: object) -> None:
        self.quit_requested = True

    monkeypatch.setattr(KrachtApp, "run", asked)
    assert cli._launch(store, clock) == 0


async def test_a_strength_edited_elsewhere_in_the_case_is_not_overwritten_by_a_capture(app, store, demo):
    """A capture writes only the new strength (and clears the draft); nothing else is written back."""
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik heb een fiets", "enter")
        await pilot.pause()
    texts = [s.text for s in store.load(demo.id).all(Strength)]
    assert texts.count("een fiets") == 1
