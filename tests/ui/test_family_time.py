"""Besloten tijd (issue 14): F7 gives the family its own time in large plain words with a clock;
Enter ends it; what is agreed next is stored and shown as the family's, in the minutes too,
until F7 says the family's plan is complete."""

from __future__ import annotations

from datetime import datetime, timedelta

from krachtoverleg.core.export.minutes import minutes_markdown
from krachtoverleg.core.models import Action, Decision, Meeting
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.rules.family import FAMILY_MARK
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.tui.dialogs.family_time import FamilyTimeScreen

from .conftest import screen_text
from .test_stages import fill, go_to, stored


async def test_the_familys_own_time_and_its_plan_marked_as_theirs(app, store_dir, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, StageKey.ACTIES)
        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, FamilyTimeScreen)
        text = screen_text(app)
        assert "professionals gaan nu even de kamer uit" in text
        title = str(app.screen.query_one("#family-title").render())
        assert title.count("\n") >= 10 and "██" in title  # both lines in block letters at 120x36
        app.screen.started -= timedelta(minutes=25)  # the family took 25 minutes
        await pilot.press("enter")
        await pilot.pause()
        assert "HET PLAN VAN DE FAMILIE" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, what="Oma past op dinsdag op", owner="client", due="01-12-2026")
        table = app.screen.query_one("#decisions-table")
        table.table.focus()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Wij bellen elke zondag even met elkaar")
        assert FAMILY_MARK.replace("\xa0", " ") in screen_text(app)
        await pilot.press("f7")  # the family's plan is complete
        await pilot.pause()
        app.screen.query_one("#actions").table.focus()
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, what="Regisseur belt de school", owner="client", due="01-12-2026")
    data = stored(store_dir, demo)
    meeting = data.meetings()[-1]
    by_what = {a.what: a.by_family for a in data.all(Action) if a.meeting_id == meeting.id}
    assert by_what == {"Oma past op dinsdag op": True, "Regisseur belt de school": False}
    assert [d.by_family for d in data.all(Decision) if d.meeting_id == meeting.id] == [True]
    stored_meeting = data.get(Meeting, meeting.id)
    assert stored_meeting.family_seconds >= 25 * 60 and not stored_meeting.family_plan_open
    minutes = minutes_markdown(data, stored_meeting, Names(), datetime(2026, 11, 23, 12))
    assert "De familie had 25 minuten eigen tijd" in minutes
    assert f"Oma past op dinsdag op ({FAMILY_MARK})" in minutes
    assert f"Wij bellen elke zondag even met elkaar ({FAMILY_MARK})" in minutes
    assert f"Regisseur belt de school ({FAMILY_MARK})" not in minutes


async def test_a_small_screen_says_the_words_in_plain_bold_text(app, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f7")
        await pilot.pause()
        assert "EIGEN TIJD" in screen_text(app) and "VOOR DE FAMILIE" in screen_text(app)
