"""The save path: a save changes only what the user changed, shows it in place, and the app
never ends unless asked."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from krachtoverleg import cli
from krachtoverleg.core.models import Meeting, Strength
from krachtoverleg.core.models.agenda import STAGE_KEYS, StageKey
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.guard import UnexpectedCancel
from krachtoverleg.tui.screens.meeting import MeetingScreen
from krachtoverleg.tui.stages.strengths import StrengthBoard, StrengthColumn


def todays_meeting(store_dir, case_id) -> Meeting:
    return max(FolderStore.open(store_dir, write=False).load(case_id).all(Meeting), key=lambda m: m.number)


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
        assert [str(o.prompt) for o in after[len(before):]] == ["✚ fietsen  nieuw"]  # named today
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


async def test_a_full_disk_keeps_the_app_running_and_gives_the_line_back(app, store, demo, monkeypatch):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        before = len(store.load(demo.id).all(Strength))

        def full(target, data):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("krachtoverleg.core.store.folder_store.write_atomic", full)
        await pilot.press(*"ik kan zingen", "enter")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, MeetingScreen)
        assert app.screen.query_one("#capture").value == "ik kan zingen"
        assert any("schijf is vol" in str(n.message) for n in app._notifications)
        monkeypatch.undo()
        await pilot.press("enter")  # the disk has room again: the same line is saved once
        await pilot.pause()
    texts = [s.text for s in store.load(demo.id).all(Strength)]
    assert len(texts) == before + 1 and texts.count("zingen") == 1


async def test_closing_keeps_a_line_typed_in_krachten_as_a_draft(app, store_dir, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik wil een hond")
        await pilot.press(*["pagedown"] * (len(STAGE_KEYS) - 3), "c", "j")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    meeting = todays_meeting(store_dir, demo.id)
    assert not meeting.is_open and meeting.drafts == {"krachten": "ik wil een hond"}


async def test_keys_typed_right_after_pagedown_land_in_the_new_stage(app, store, demo):
    from textual import events

    from .test_fast_saves import key_events, post_without_pause

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown")
        await pilot.pause()
        post_without_pause(app, [events.Key("pagedown", None), *key_events("ik heb een fiets\r")])
        await pilot.pause(0.3)
        assert app.screen.current is StageKey.KRACHTEN
    assert "een fiets" in [s.text for s in store.load(demo.id).all(Strength)]


async def test_coming_back_to_a_half_typed_line_adds_to_it(app, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik kan zwemmen", "pagedown", "pageup")
        await pilot.pause()
        await pilot.press(*" en duiken")
        await pilot.pause()
        assert app.screen.query_one("#capture").value == "ik kan zwemmen en duiken"


async def test_a_draft_the_user_cleared_stays_cleared(app, store, store_dir, demo, clock):
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik kan koken", "f2")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        capture = app.screen.query_one("#capture")
        assert capture.value == "ik kan koken"
        capture.value = ""
        await pilot.press("f9", "j", "pageup")  # names shown: every screen reads the case again
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen.query_one("#capture").value == ""


async def test_enter_in_a_dialog_saves_the_letters_typed_just_before_it(app, store, demo):
    """One burst, as a paste or a slow remote link delivers it: name, Tab, role, Tab, organisation, Enter."""
    from textual import events

    from .test_fast_saves import key_events, post_without_pause

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        tab = events.Key("tab", "\t")
        post_without_pause(app, [*key_events("Jan Jansen"), tab, *key_events("wijkagent"),
                                 events.Key("tab", "\t"), *key_events("Politie\r")])
        await pilot.pause(0.3)
        assert isinstance(app.screen, MeetingScreen)
    meeting = max(store.load(demo.id).all(Meeting), key=lambda m: m.number)
    jan = next(a for a in meeting.attendees if a.name == "Jan Jansen")
    assert (jan.role, jan.organisation) == ("wijkagent", "Politie")


async def test_the_read_only_window_offers_no_capture_line_and_says_why(store, store_dir, demo, clock):
    second = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock)
    async with second.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        capture = second.screen.query_one("#capture")
        assert capture.disabled and second.focused is not capture


async def test_a_name_typed_straight_after_the_key_that_opens_the_form_is_kept(app, store, demo):
    """`a` then 'Kees' with no pause: the letters used to reach the attendee table (the `e` of
    Kees opened another dialog) instead of the form."""
    from .test_fast_saves import key_events, post_without_pause

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        post_without_pause(app, key_events("aKees Kok"))
        await pilot.pause(0.3)
        dialog = app.screen
        assert dialog.query_one("#field-name").value == "Kees Kok"


async def test_a_closed_meeting_offers_no_edits_it_would_refuse(app, store, demo):
    """Issue 10, finding 2: on a closed meeting's Opening the footer offered a and e, the form
    opened, and only the save said no: the typing was lost."""
    from krachtoverleg.core.rules.frozen import close
    from krachtoverleg.tui.dialogs.form import FormDialog

    from .conftest import screen_text

    data = store.load(demo.id)
    meeting = max(data.all(Meeting), key=lambda m: m.number)
    store.apply(demo.id, *close(data, meeting, datetime(2026, 11, 23, 11, 0)))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.push_screen(MeetingScreen(demo.id, meeting.id))
        await pilot.pause()
        assert "GESLOTEN" in screen_text(app)
        await pilot.press("home")  # the agenda: back to Opening
        await app.screen.go_to(StageKey.OPENING)
        await pilot.pause()
        offered = {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}
        assert "Verder" in offered
        assert not offered & {"Toevoegen", "Wijzig", "Verwijderen", "Hulpvraag", "Gegevens"}
        for key in ("a", "e", "h", "g"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, FormDialog)
