"""Issue 12 on screen: a hand-back comes back in Terugblik when due and g hands the step back;
every meeting opens from the case overview; an empty one can be deleted; a closed meeting of
today is not replaced by a new one without asking."""

from __future__ import annotations

from datetime import date, datetime

from krachtoverleg.core.models import Goal, Meeting, Step
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import Carrier, GoalStatus, MeetingStatus
from krachtoverleg.core.rules.frozen import close
from krachtoverleg.core.rules.meetings import start_meeting
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog
from krachtoverleg.tui.screens.case_overview import CaseOverviewScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen
from krachtoverleg.tui.widgets.fitted_table import FittedTable

from .conftest import screen_text
from .test_stages import fill, form_error, go_to


def _creditors(store, demo) -> Step:
    return next(s for s in store.load(demo.id).all(Step) if s.text.startswith("Schuldeisers"))


async def test_a_due_hand_back_is_in_terugblik_and_g_hands_the_step_back(app, store, demo):
    step = _creditors(store, demo)
    due_before_today = step.decision.replace(hand_back_by=date(2026, 11, 20))
    store.apply(demo.id, Patch(Step, step.id, {"decision": due_before_today}))
    async with app.run_test(size=(150, 45)) as pilot:
        await go_to(pilot, "terugblik")
        assert "Terug naar de cliënt: Schuldeisers bellen" in screen_text(app)
        table = app.screen.query_one("#review-actions", FittedTable)
        row = next(i for i, r in enumerate(table.ordered_rows) if str(r.key.value).startswith("terug:"))
        table.move_cursor(row=row)
        await pilot.press("n")  # not for a hand-back: it says what to do instead
        await pilot.pause()
        assert _creditors(store, demo).decision.carrier is Carrier.PROFESSIONAL
        await pilot.press("g")
        await pilot.pause()
        decision = _creditors(store, demo).decision
        assert decision.carrier is Carrier.ZELF and decision.handed_back_on == date(2026, 11, 23)
        assert "Weer bij de cliënt: Schuldeisers bellen" in screen_text(app)


async def test_every_meeting_opens_from_the_overview_and_an_empty_one_can_go(app, store, demo):
    start_meeting(store, store.load(demo.id), date(2026, 12, 7))  # planned, then not held
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, CaseOverviewScreen)
        await pilot.press("enter")  # the first row: meeting 1, closed
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        first = store.load(demo.id).get(Meeting, app.screen.meeting_id)
        assert first.number == 1 and "GESLOTEN" in screen_text(app)
        await pilot.press("f2")  # to the case list, also from a meeting opened in the overview
        await pilot.pause()
        assert not isinstance(app.screen, (MeetingScreen, CaseOverviewScreen))
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("delete")  # meeting 1 holds actions: it stays
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert len(store.load(demo.id).meetings()) == 4
        await pilot.press("down", "down", "down", "delete")  # meeting 4: nothing in it
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("j")
        await pilot.pause()
        assert [m.number for m in store.load(demo.id).meetings()] == [1, 2, 3]


async def test_a_closed_meeting_of_today_asks_before_a_new_one(app, store, demo):
    data = store.load(demo.id)
    today = max(data.meetings(), key=lambda m: m.number)
    store.apply(demo.id, *close(data, today, datetime(2026, 11, 23, 11, 0)))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "al gesloten" in screen_text(app)
        await pilot.press("n")  # no: read the closed one
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting_id == today.id
        assert len(store.load(demo.id).meetings()) == 3
        await pilot.press("f2", "enter")
        await pilot.pause()
        await pilot.press("j")  # yes: a new meeting
        await pilot.pause()
        meetings = store.load(demo.id).meetings()
        assert [m.number for m in meetings] == [1, 2, 3, 4] and meetings[-1].status is MeetingStatus.OPEN
        assert isinstance(app.screen, MeetingScreen) and app.screen.meeting_id == meetings[-1].id


async def test_the_case_and_household_are_edited_from_the_keyboard(app, store, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "opening")
        await pilot.press("k")  # names are hidden: this form of full names is not shown
        await pilot.pause()
        assert not isinstance(app.screen, FormDialog)
        await pilot.press("f9", "j")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        await fill(pilot, label="Gezin de V.", household="Petra de Vries, moeder, 1988\nSem, zoon, 20x6")
        assert "geen geboortejaar" in form_error(pilot)
        await fill(pilot, household="Petra de Vries, moeder, 1988\nSem de Vries, zoon, 2016\nOpa Jan, opa")
        case = store.load(demo.id).case
        assert case.label == "Gezin de V."
        assert [(m.name, m.role, m.birth_year) for m in case.household] == [
            ("Petra de Vries", "moeder", 1988), ("Sem de Vries", "zoon", 2016), ("Opa Jan", "opa", None)]
        await pilot.press("f9")  # names hidden again: the household by relation and age
        await pilot.pause()
        shown = screen_text(app)
        assert "moeder (38 jaar) · zoon (10 jaar) · opa" in shown and "Sem" not in shown


async def test_goals_take_the_clients_order_and_are_marked_reached(app, store, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "doelen")
        await pilot.press("down", "minus")  # the second goal matters most to the client
        await pilot.pause()
        goals = sorted(store.load(demo.id).all(Goal), key=lambda g: g.position)
        assert goals[0].text.startswith("De post openen")
        await pilot.press("r")  # the cursor followed the goal: it is reached today
        await pilot.pause()
        goal = store.load(demo.id).get(Goal, goals[0].id)
        assert goal.status is GoalStatus.REACHED and goal.status_on == date(2026, 11, 23)
        assert "★ bereikt" in screen_text(app)


async def test_a_person_named_today_is_marked_new(app, store, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "netwerk")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, name="Fatima El Amrani", role="vriendin", relation="friends")
        text = screen_text(app)
        assert "vriendin" in text and text.count("✚ nieuw") == 1  # only today's new person
