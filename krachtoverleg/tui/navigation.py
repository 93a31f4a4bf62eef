"""Opening a case's meeting, from the case list, the overview or the command line."""

from __future__ import annotations

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.rules.meetings import meeting_for_today
from krachtoverleg.tui.services import ServicesApp


def open_todays_meeting(app: ServicesApp, case_id: str) -> None:
    """Today's open meeting of the case, or a new one (saved at once), on screen."""
    from krachtoverleg.tui.screens.meeting import MeetingScreen

    store, today = app.store, app.clock.today()
    try:
        if store.writable:
            meeting = meeting_for_today(store, case_id, today)
        else:  # read-only: show what is there, never start a meeting
            data = store.load(case_id)
            meetings = data.meetings()
            shown = data.meeting_on(today) or (meetings[-1] if meetings else None)
            if shown is None:
                app.notify("Deze casus heeft nog geen overleg.", severity="warning")
                return
            meeting = shown
    except KrachtError as error:
        summary = next((c for c in store.cases() if c.id == case_id), None)
        which = f"Casus {summary.code} ({summary.label})" if summary else "Deze casus"
        app.notify(f"{which} kan niet worden geopend: {error} De andere casussen werken gewoon. "
                   "Zet een reservekopie terug met 'krachtoverleg restore'.",
                   title="Kan de casus niet openen", severity="error", timeout=15)
        return
    app.push_screen(MeetingScreen(case_id, meeting.id))
