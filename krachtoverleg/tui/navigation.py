"""Opening a case's meeting, from the case list, the overview or the command line."""

from __future__ import annotations

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.models import Meeting
from krachtoverleg.core.rules.meetings import meeting_for_today, start_meeting
from krachtoverleg.tui.services import ServicesApp


def _say_cannot_open(app: ServicesApp, case_id: str, error: KrachtError) -> None:
    summary = next((c for c in app.store.cases() if c.id == case_id), None)
    which = f"Casus {summary.code} ({summary.label})" if summary else "Deze casus"
    app.notify(f"{which} kan niet worden geopend: {error} De andere casussen werken gewoon. "
               "Zet een reservekopie terug met 'krachtoverleg restore'.",
               title="Kan de casus niet openen", severity="error", timeout=15)


def open_meeting(app: ServicesApp, case_id: str, meeting: Meeting) -> None:
    from krachtoverleg.tui.screens.meeting import MeetingScreen

    app.push_screen(MeetingScreen(case_id, meeting.id))


def open_todays_meeting(app: ServicesApp, case_id: str) -> None:
    """Today's open meeting of the case, or a new one (saved at once), on screen. When today's
    meeting was closed already, the chair is asked: a new meeting, or the closed one to read."""
    from krachtoverleg.tui.dialogs.confirm import ConfirmDialog

    store, today = app.store, app.clock.today()
    try:
        if store.can_write(case_id):
            data = store.load(case_id)
            held = data.meeting_on(today)
            if held is not None and not held.is_open:
                def answer(new: bool | None) -> None:
                    if not new:
                        open_meeting(app, case_id, held)
                        return
                    try:
                        open_meeting(app, case_id, start_meeting(store, store.load(case_id), today))
                    except KrachtError as error:
                        _say_cannot_open(app, case_id, error)

                app.push_screen(ConfirmDialog(
                    f"Het overleg van vandaag (overleg {held.number}) is al gesloten. Een nieuw overleg "
                    "beginnen?", yes="Ja, nieuw overleg", no="Nee, het gesloten overleg lezen"), answer)
                return
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
        _say_cannot_open(app, case_id, error)
        return
    open_meeting(app, case_id, meeting)
