"""Opening a case's meeting, from the case list, the overview or the command line."""

from __future__ import annotations

from textual.app import App

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.meetings import meeting_for_today


def open_todays_meeting(app: App[None], case_id: str) -> None:
    """Today's open meeting of the case, or a new one (saved at once), on screen."""
    from krachtoverleg.tui.screens.meeting import MeetingScreen

    try:
        meeting = meeting_for_today(app.store, case_id, app.clock.today())  # type: ignore[attr-defined]
    except KrachtError as error:
        app.notify(str(error), title="Kan de casus niet openen", severity="error")
        return
    app.push_screen(MeetingScreen(case_id, meeting.id))
