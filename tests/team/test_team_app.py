"""The app on a team store, on a real PostgreSQL server: the server stopped mid-meeting, a
professional's report shown in the chair's window in place, a second window that reads and
follows."""

from __future__ import annotations

import asyncio
import stat
from datetime import date, datetime

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Action, Strength
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import ActionStatus
from krachtoverleg.core.rules.offline import is_unsaved
from krachtoverleg.core.store.location import StoreLocation
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.meeting import MeetingScreen
from krachtoverleg.tui.widgets.capture_line import CaptureLine
from tests.ui.conftest import screen_text

TODAY = date(2026, 11, 23)


def team(url: str):
    return StoreLocation(url=url).open(write=True, now=lambda: datetime(2026, 11, 23, 10, 0))


async def until(check, seconds: float = 3.0) -> bool:
    for _ in range(int(seconds / 0.05)):
        if check():
            return True
        await asyncio.sleep(0.05)
    return check()


async def in_stage(pilot, key: StageKey) -> MeetingScreen:
    assert await until(lambda: isinstance(pilot.app.screen, MeetingScreen) and pilot.app.screen.data)
    screen = pilot.app.screen
    await screen.go_to(key)
    await pilot.pause()
    return screen


async def test_the_server_stops_mid_meeting_and_nothing_typed_is_lost(team_url, pg_server, clock):
    store = team(team_url("ans"))
    case = add_demo(store, TODAY)
    before = len(store.load(case.id).all(Strength))
    app = KrachtApp(store=store, clock=clock, open_case=case.id)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await in_stage(pilot, StageKey.KRACHTEN)
            line = screen.query_one(CaptureLine)
            line.focus()
            await pilot.press(*"ik ben geduldig")
            pg_server.stop("immediate")
            await pilot.press("enter")
            await pilot.pause(0.3)
            assert line.value == "ik ben geduldig", "the typed line stays in its field"
            assert "teamopslag is niet bereikbaar" in screen_text(app)
            assert "Traceback" not in screen_text(app)
            kept = [d for d in store.drafts(case.id).values() if is_unsaved(d)]
            assert [d.values["text"] for d in kept] == ["geduldig"]  # the strength, as it would be stored
            drafts = next((store.local_dir / "drafts").glob("*.json"))
            assert stat.S_IMODE(drafts.stat().st_mode) == 0o600

            pg_server.start()
            line.focus()
            await pilot.press("end", "enter")  # the same save again: it reconnects by itself
            await pilot.pause(0.3)
            assert line.value == ""
            assert not [d for d in store.drafts(case.id).values() if is_unsaved(d)]
        with team(team_url("ans")) as check:
            texts = [s.text for s in check.load(case.id).all(Strength)]
            assert len(texts) == before + 1 and "geduldig" in texts[-1]
    finally:
        pg_server.start()  # never leave the shared server down for the next test
        store.close()


async def test_a_report_shows_in_the_chairs_window_in_place(team_url, clock):
    store = team(team_url("ans"))
    case = add_demo(store, TODAY)
    action = next(a for a in store.load(case.id).all(Action) if a.is_open)
    app = KrachtApp(store=store, clock=clock, open_case=case.id)
    try:
        async with app.run_test(size=(200, 50)) as pilot:
            screen = await in_stage(pilot, StageKey.KRACHTEN)
            line = screen.query_one(CaptureLine)
            line.focus()
            await pilot.press(*"ik kan koken")
            with team(team_url("bert")) as professional:
                professional.report_progress(case.id, Patch(Action, action.id, {
                    "status": ActionStatus.DONE, "note": "Aanvraag is binnen", "settled_on": TODAY}))

            def shown() -> bool:
                stored = screen.data.get(Action, action.id) if screen.data else None
                return stored is not None and stored.status is ActionStatus.DONE

            assert await until(shown, 2.0), "the chair's window follows within a second or two"
            assert line.value == "ik kan koken", "nothing the chair typed is lost"
            await screen.go_to(StageKey.TERUGBLIK)
            await pilot.pause()
            text = screen_text(app)  # the narrow column wraps: "✓ gedaan, door / bert op / 23-11"
            assert "bert op" in text and "Aanvraag is" in text
    finally:
        store.close()


async def test_a_second_window_on_the_same_case_reads_and_follows(team_url, clock):
    chair = team(team_url("ans"))
    case = add_demo(chair, TODAY)
    assert chair.can_write(case.id)
    second = team(team_url("bert"))
    app = KrachtApp(store=second, clock=clock, open_case=case.id)
    try:
        async with app.run_test(size=(120, 34)) as pilot:
            screen = await in_stage(pilot, StageKey.KRACHTEN)
            assert not screen.writable
            assert "ALLEEN LEZEN (open bij ans" in screen_text(app)
            meeting = chair.load(case.id).meetings()[-1]
            from krachtoverleg.core.models import Meeting

            chair.apply(case.id, Patch(Meeting, meeting.id, {"plan_b": "Buurvrouw belt"}))
            assert await until(lambda: screen.meeting is not None
                               and screen.meeting.plan_b == "Buurvrouw belt", 2.0)
    finally:
        second.close()
        chair.close()
