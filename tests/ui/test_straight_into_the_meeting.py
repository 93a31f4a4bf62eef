"""Opened on one case, the app never passes the list of all clients across the shared screen
(issue 14): it starts in the meeting, and F2 lands on a curtain the chair lifts with l."""

from __future__ import annotations

from datetime import date

from krachtoverleg.core.models import Case
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.case_list import CaseListScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen

from .conftest import screen_text


async def test_opened_on_a_case_the_other_clients_stay_hidden(store, demo, clock):
    store.create_case(Case(code="K-777", label="Familie Zwart", created=date(2026, 11, 1)))
    app = KrachtApp(store=store, clock=clock, open_case=demo.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert "Familie Zwart" not in screen_text(app)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, CaseListScreen)
        text = screen_text(app)
        assert "Familie Zwart" not in text and "K-777" not in text and "casussen is verborgen" in text
        await pilot.press("o", "a")  # nothing behind the curtain can be opened
        await pilot.pause()
        assert isinstance(app.screen, CaseListScreen) and "Familie Zwart" not in screen_text(app)
        await pilot.press("enter")  # back to the meeting it was opened on
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        assert "Familie Zwart" in screen_text(app)


async def test_started_without_a_case_the_list_shows_as_before(store, demo, clock):
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Gezin V." in screen_text(app) and "casussen is verborgen" not in screen_text(app)
