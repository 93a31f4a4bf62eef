"""The Acties screen across cases, the case overview, and the minutes dialog at Afsluiting."""

from __future__ import annotations

import os
import stat

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Action
from krachtoverleg.core.models.agenda import StageKey, stage_index
from krachtoverleg.core.models.vocab import ActionStatus
from krachtoverleg.core.rules.action_list import collect
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.tui.screens.actions import ActionsScreen
from krachtoverleg.tui.screens.case_overview import CaseOverviewScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen

from .conftest import screen_text


def shown(app) -> list[str]:
    return [row.action.what for row in app.screen.shown]


async def open_actions(pilot) -> None:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActionsScreen)


async def test_the_actions_screen_lists_what_is_still_to_do_across_cases(app, store, clock):
    add_demo(store, clock.today())  # a second household
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        text = screen_text(app)
        assert "K-001" in text and "K-002" in text and "⚠ te laat" in text
        # per household: two open actions and the schuldhulpverlener's hand-back of a step
        assert len(shown(app)) == 6 and "Kees" not in text
        assert sum(what.startswith("Terug naar de cliënt") for what in shown(app)) == 2
        await pilot.press("f9", "j")  # show names, and confirm
        await pilot.pause()
        assert "Kees de Vries" in screen_text(app)


async def test_filters_by_status_owner_case_and_overdue(app, store, demo, clock):
    second = add_demo(store, clock.today())
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        screen = app.screen
        screen.query_one("#filter-status").value = "all"
        await pilot.pause()
        assert len(shown(app)) == 14
        screen.query_one("#filter-case").value = second.id
        await pilot.pause()
        assert len(shown(app)) == 7 and {r.case_code for r in screen.shown} == {second.code}
        owner_key = next(key for label, key in screen.page.owners if label.startswith("schuld"))
        screen.query_one("#filter-owner").value = owner_key
        await pilot.pause()
        assert sorted(shown(app)) == ["Aanmelden bij de Kredietbank",
                                      "Eerste betalingsregeling voorstellen aan de schuldeisers",
                                      "Terug naar de cliënt: Schuldeisers bellen voor een betalingsregeling"]
        screen.query_one("#filter-owner").clear()
        screen.query_one("#filter-status").value = "open"
        screen.query_one("#filter-overdue").value = True
        await pilot.pause()
        assert screen.shown and all(row.overdue for row in screen.shown)


async def test_marking_done_with_a_note_is_saved_at_once(app, store, demo):
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        what = shown(app)[0]
        await pilot.press("g")
        await pilot.pause()
        await pilot.press(*"Lijst ligt klaar", "enter")
        await pilot.pause()
        saved = next(a for a in store.load(demo.id).all(Action) if a.what == what)
        assert saved.status is ActionStatus.DONE and saved.note == "Lijst ligt klaar"
        assert what not in shown(app)  # no longer to do


async def test_partly_done_needs_a_note(app, store, demo):
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        target = next(row.action for row in app.screen.shown if not row.action.note)
        app.screen.query_one("DataTable").move_cursor(row=[r.action for r in app.screen.shown].index(target))
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "schrijf kort op" in str(app.screen.query_one("#form-error").render())
        assert store.load(demo.id).get(Action, target.id).status is ActionStatus.OPEN
        await pilot.press(*"Half af", "enter")
        await pilot.pause()
        saved = store.load(demo.id).get(Action, target.id)
        assert saved.status is ActionStatus.PARTLY and saved.note == "Half af"
        assert target.what in shown(app)  # partly done is still to do


async def test_enter_jumps_to_the_case_and_on_to_its_meeting(app, demo):
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseOverviewScreen) and app.screen.case_id == demo.id
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_the_case_overview_shows_meetings_goals_and_actions(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        text = screen_text(app)
        assert "28-09-2026" in text and "3 van 3" in text and "1 van 3" in text and "gesloten" in text
        assert "Geen schulden meer" in text and "2 van 5" in text
        counts = str(app.screen.query_one("#overview-actions").render())  # below the fold at 30 rows
        assert "4 gedaan" in counts and "1 deels" in counts and "⚠ 2 te laat" in counts
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CaseOverviewScreen)


async def test_the_minutes_dialog_writes_a_private_file_and_says_where(app, demo, tmp_path):
    folder = tmp_path / "verslagen"
    folder.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *["pagedown"] * stage_index(StageKey.AFSLUITING), "m")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-folder").value = str(tmp_path / "bestaat-niet")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "bestaat niet" in str(dialog.query_one("#form-error").render())
        dialog.query_one("#field-fmt").value = "md"
        dialog.query_one("#field-folder").value = str(folder)
        await pilot.press("ctrl+s")
        await pilot.pause()
        files = list(folder.iterdir())
        assert [f.name for f in files] == ["verslag-K-001-overleg-3-2026-11-23.md"]
        assert stat.S_IMODE(os.stat(files[0]).st_mode) == 0o600
        assert "Verslag casusoverleg K-001" in files[0].read_text("utf-8")
        assert "Petra" not in files[0].read_text("utf-8")
        assert any(str(files[0]) in str(n.message) for n in app._notifications)
        await pilot.press("m")  # again: the folder and format of last time are offered
        await pilot.pause()
        assert app.screen.query_one("#field-folder").value == str(folder)
        assert app.screen.query_one("#field-fmt").value == "md"


async def test_the_progress_report_is_saved_from_the_overview(app, demo, tmp_path):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o", "v")
        await pilot.pause()
        app.screen.query_one("#field-folder").value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (report,) = list(tmp_path.glob("voortgang-K-001-*.html"))
        page = report.read_text("utf-8")
        assert page.count("<svg") >= 6 and "Petra" not in page
        assert stat.S_IMODE(os.stat(report).st_mode) == 0o600


async def test_the_minutes_of_a_closed_meeting_can_still_be_made(app, store, demo, tmp_path):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *["pagedown"] * stage_index(StageKey.AFSLUITING), "c", "j")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#field-folder").value = str(tmp_path)
        app.screen.query_one("#field-full_names").value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        written = tmp_path / "verslag-K-001-overleg-3-2026-11-23-met-namen.html"
        assert "Petra de Vries" in written.read_text("utf-8")


async def test_marking_an_action_keeps_what_was_changed_elsewhere(app, store, demo):
    """The list was read before the meeting changed the action: marking it done changes only
    its status and note, not the due date and check set in the meeting meanwhile."""
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        row = app.screen.shown[0]
        changed = row.action.replace(check="Brief ligt er", due=row.action.due.replace(year=2027))
        store.save(demo.id, changed)  # as the meeting screen would, while this list was open
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    stored = store.load(demo.id).get(Action, row.action.id)
    assert stored is not None and stored.status is ActionStatus.DONE
    assert (stored.check, stored.due) == ("Brief ligt er", changed.due)


async def test_a_long_list_shows_its_first_rows_and_says_how_many_more(app, store, clock):
    """Issue 21: thousands of rows took seconds to draw and nobody reads them; the list shows
    the first ones, says how many there are, and a filter finds the rest."""
    from krachtoverleg.tui.screens.actions import SHOWN_AT_MOST

    for _ in range(80):
        add_demo(store, clock.today())
    async with app.run_test(size=(120, 34)) as pilot:
        await open_actions(pilot)
        screen = pilot.app.screen
        everything = collect(store, Names(False), clock.today()).filtered(screen.current_filter()).rows
        assert len(everything) > SHOWN_AT_MOST and screen.page.total == len(everything)
        assert screen.shown == everything[:SHOWN_AT_MOST]
        text = " ".join(screen_text(app).split())
        assert f"{len(everything)} acties" in text and "de eerste 200 staan hier" in text
        await pilot.press("f")  # the status filter reads again what it needs: done ones too
        screen.query_one("#filter-status").value = "done"
        await pilot.pause()
        assert all(row.action.status is ActionStatus.DONE for row in screen.shown)
        assert screen.shown, "done actions are read when asked for"


async def test_the_screen_is_kept_between_visits_with_its_filters_and_reads_again(app, store, demo, clock):
    """Issue 21: the Acties screen is built once (a tenth of a second of every visit); coming
    back shows what was saved meanwhile, with the filters as they were left."""
    second = add_demo(store, clock.today())
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        screen = pilot.app.screen
        screen.query_one("#filter-case").value = second.id
        await pilot.pause()
        assert {row.case_code for row in screen.shown} == {second.code}
        await pilot.press("escape")
        await pilot.pause()
        first_open = next(action for action in store.load(second.id).all(Action) if action.is_open)
        store.save(second.id, first_open.replace(status=ActionStatus.DONE))  # done elsewhere meanwhile
        await open_actions(pilot)
        assert pilot.app.screen is screen
        assert screen.query_one("#filter-case").value == second.id
        assert {row.case_code for row in screen.shown} == {second.code}
        assert first_open.id not in {row.action.id for row in screen.shown}


async def test_a_filter_is_chosen_from_a_list_that_typing_narrows(app, store, clock):
    """f goes to the filters; Enter opens the choice as a list in Dutch; typing part of a name
    narrows it and Enter takes it. Escape leaves the choice as it was. A long list (thousands
    of cases) shows the first hundred and says how many more there are to find by typing."""
    from krachtoverleg.tui.dialogs.pick_one import PickOneDialog

    second = add_demo(store, clock.today())
    async with app.run_test(size=(100, 30)) as pilot:
        await open_actions(pilot)
        screen = pilot.app.screen
        await pilot.press("f", "tab", "tab", "enter")  # the owner, the status, then the case
        await pilot.pause()
        assert isinstance(pilot.app.screen, PickOneDialog)
        text = screen_text(pilot.app)
        assert "Van welke casus?" in text and "Enter = nemen" in text and "Dismiss" not in text
        await pilot.press(*second.code[-3:], "enter")  # "002", typed without a pause
        await pilot.pause()
        assert pilot.app.screen is screen
        assert {row.case_code for row in screen.shown} == {second.code}
        assert second.code in screen_text(pilot.app)
        await pilot.press("enter", "escape")  # opened again and left: nothing changes
        await pilot.pause()
        assert pilot.app.screen is screen and screen.query_one("#filter-case").value == second.id
        await pilot.press("enter", "up", "up", "enter")  # up the list: back to "Alle casussen"
        await pilot.pause()
        assert screen.query_one("#filter-case").value is None
        assert {row.case_code for row in screen.shown} == {"K-001", second.code}


async def test_a_long_list_to_choose_from_is_found_by_typing(app):
    from krachtoverleg.tui.dialogs.pick_one import LISTED_AT_MOST, PickOneDialog

    many = [(f"K-{n:04d} · Gezin {n}", f"id{n}") for n in range(LISTED_AT_MOST + 50)]
    async with app.run_test(size=(80, 24)) as pilot:
        pilot.app.push_screen(PickOneDialog("Van welke casus?", [("Alle casussen", None), *many], None))
        await pilot.pause()
        assert "Nog 51 meer" in screen_text(pilot.app)
        await pilot.press(*"0149")
        await pilot.pause()
        assert "K-0149 · Gezin 149" in screen_text(pilot.app) and "meer" not in screen_text(pilot.app)
        await pilot.press(*"zzz")
        await pilot.pause()
        assert "Niets gevonden" in screen_text(pilot.app)


async def test_a_chosen_person_stays_chosen_when_their_last_action_is_done(app, store, demo):
    """Found by a fresh-eyes run: with "broer" chosen, g on his last open action made the list
    fall back to everyone, cursor on someone else's action, where a second g marked the wrong
    one. The choice stays; the list says nothing of his is left."""
    async with app.run_test(size=(120, 30)) as pilot:
        await open_actions(pilot)
        screen = pilot.app.screen
        broer = next(key for label, key in screen.page.owners if label.startswith("broer"))
        screen.query_one("#filter-owner").value = broer
        await pilot.pause()
        assert shown(app) == ["Lijst maken van alle vaste lasten"]
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#filter-owner").value == broer
        assert shown(app) == [] and "Geen acties die passen bij deze keuze" in screen_text(app)
        await pilot.press("g")  # nothing chosen to mark: nobody else's action is marked
        await pilot.pause()
        assert [a.what for a in store.load(demo.id).all(Action) if a.status is ActionStatus.DONE].count(
            "Lijst maken van alle vaste lasten") == 1
