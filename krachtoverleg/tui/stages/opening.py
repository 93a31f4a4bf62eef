"""Opening: the hulpvraag in the client's words, today's purpose, and who is here."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from krachtoverleg.core.casedata import CaseData
from krachtoverleg.core.models import Attendee, Meeting
from krachtoverleg.core.vocab import Presence
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.format import day, yes_no


class OpeningPane(Vertical):
    BINDINGS = [
        Binding("a", "add", "Erbij", id="opening.add"),
        Binding("e", "edit", "Wijzig", id="opening.edit"),
        Binding("delete", "delete", "Weg", id="opening.delete"),
        Binding("h", "hulpvraag", "Hulpvraag", id="opening.hulpvraag"),
        Binding("g", "details", "Gegevens", id="opening.details"),
    ]

    def __init__(self) -> None:
        super().__init__(id="pane-opening", classes="stage-pane")
        self.context: StageContext | None = None
        self.data: CaseData | None = None
        self.meeting: Meeting | None = None

    def compose(self) -> ComposeResult:
        yield Static("", id="hulpvraag")
        yield Static("", id="meeting-facts")
        table: DataTable[str] = DataTable(id="attendees", cursor_type="row")
        table.add_columns("Deelnemer", "Aanwezig", "Organisatie")
        yield table

    async def show(self, context: StageContext) -> None:
        self.context = context
        data, meeting, names = context.data, context.meeting, context.names
        self.data, self.meeting = data, meeting
        hulpvraag = data.case.hulpvraag or "(nog niet ingevuld: druk op h)"
        self.query_one("#hulpvraag", Static).update(f"Hulpvraag: “{hulpvraag}”")
        facts = (
            f"Datum {day(meeting.date)} · voorzitter {names.person(meeting.chair) or '-'} · "
            f"notulist {names.person(meeting.minute_taker) or '-'}\n"
            f"Cliënt aanwezig: {yes_no(meeting.client_present)} · "
            f"akkoord met dit overleg: {yes_no(meeting.client_agreed)}\n"
            f"Doel van vandaag: {meeting.purpose or '-'}"
        )
        self.query_one("#meeting-facts", Static).update(facts)
        table = self.query_one("#attendees", DataTable)
        row = table.cursor_row
        table.clear()
        for attendee in meeting.attendees:
            present = "ja" if attendee.presence is Presence.PRESENT else "nee (afgemeld)"
            table.add_row(names.attendee(attendee), present, attendee.organisation or "-",
                          key=attendee.id)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def focus_first(self) -> bool:
        self.query_one("#attendees", DataTable).focus()
        return True

    def _selected(self) -> Attendee | None:
        table = self.query_one("#attendees", DataTable)
        if self.meeting is None or not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next((a for a in self.meeting.attendees if a.id == key), None)

    def _attendee_dialog(self, title: str, attendee: Attendee | None) -> None:
        assert self.meeting is not None
        meeting = self.meeting
        privacy = self.app.store.settings.privacy  # type: ignore[attr-defined]
        fields = [
            FormField("name", "Naam" + (" (verborgen: namen staan uit)" if privacy else ""),
                      attendee.name if attendee else "", secret=privacy),
            FormField("role", "Rol (bijvoorbeeld cliënt, broer, regisseur)",
                      attendee.role if attendee else ""),
            FormField("organisation", "Organisatie (mag leeg)", attendee.organisation if attendee else ""),
            FormField("presence", "Aanwezig?",
                      (attendee.presence if attendee else Presence.PRESENT).value, "select",
                      [(p.label, p.value) for p in Presence]),
        ]

        def build(values: dict[str, Any]) -> Meeting:
            changed = Attendee(values["name"], values["role"], values["organisation"],
                               values["presence"] or Presence.PRESENT,
                               **({"id": attendee.id} if attendee else {}))
            people = [changed if attendee and a.id == attendee.id else a for a in meeting.attendees]
            return meeting.replace(attendees=people if attendee else [*people, changed])

        self.app.push_screen(FormDialog(title, fields, build), self._save)

    def _save(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self.screen.save_records(meeting)  # type: ignore[attr-defined]

    def action_add(self) -> None:
        self._attendee_dialog("Deelnemer toevoegen", None)

    def action_edit(self) -> None:
        attendee = self._selected()
        if attendee is None:
            self.notify("Er is nog geen deelnemer. Druk op a om iemand toe te voegen.", severity="warning")
            return
        self._attendee_dialog("Deelnemer wijzigen", attendee)

    def action_delete(self) -> None:
        attendee, meeting = self._selected(), self.meeting
        if attendee is None or meeting is None:
            return
        names = self.app.names  # type: ignore[attr-defined]

        def done(yes: bool | None) -> None:
            if yes:
                self._save(meeting.replace(
                    attendees=[a for a in meeting.attendees if a.id != attendee.id]))

        self.app.push_screen(ConfirmDialog(f"{names.attendee(attendee)} van de lijst halen?"), done)

    def action_hulpvraag(self) -> None:
        assert self.data is not None
        case = self.data.case
        fields = [FormField("hulpvraag", "Hulpvraag, in de woorden van de cliënt", case.hulpvraag)]

        def done(answer: Any) -> None:
            if answer is not None:
                self.screen.save_records(answer)  # type: ignore[attr-defined]

        self.app.push_screen(FormDialog("Hulpvraag", fields,
                                        lambda v: case.replace(hulpvraag=v["hulpvraag"])), done)

    def action_details(self) -> None:
        assert self.meeting is not None
        meeting = self.meeting
        privacy = self.app.store.settings.privacy  # type: ignore[attr-defined]
        fields = [
            FormField("chair", "Voorzitter", meeting.chair, secret=privacy),
            FormField("minute_taker", "Notulist", meeting.minute_taker, secret=privacy),
            FormField("purpose", "Doel van vandaag", meeting.purpose),
            FormField("client_present", "Cliënt is aanwezig", meeting.client_present, "check"),
            FormField("client_agreed", "Cliënt is akkoord met dit overleg", meeting.client_agreed, "check"),
        ]

        def build(values: dict[str, Any]) -> Meeting:
            return meeting.replace(**values)

        self.app.push_screen(FormDialog("Gegevens van het overleg", fields, build), self._save)
