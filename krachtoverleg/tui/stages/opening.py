"""Opening: the hulpvraag in the client's words, today's purpose, and who is here."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from krachtoverleg.core.models import Attendee, Case, Meeting
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.vocab import Presence
from krachtoverleg.core.rules.household import household_names, household_text, parse_household
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.fit import KEY, Fit
from krachtoverleg.tui.format import day, yes_no
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.fitted_table import FittedTable
from krachtoverleg.tui.widgets.sync import cursor_key


class OpeningPane(StagePane, Vertical):
    KEY = StageKey.OPENING
    BINDINGS = [
        stage_key("a", "add", "Toevoegen", "opening.add"),
        stage_key("e", "edit", "Wijzig", "opening.edit"),
        stage_key("delete", "delete", "Verwijderen", "opening.delete"),
        stage_key("h", "hulpvraag", "Hulpvraag", "opening.hulpvraag"),
        stage_key("g", "details", "Gegevens", "opening.details"),
        stage_key("k", "case", "Casus en gezin", "opening.case", show=False),  # "(k)" by the household
    ]

    def __init__(self) -> None:
        super().__init__()
        self._added: str | None = None  # an attendee just added: the cursor goes to them

    def compose(self) -> ComposeResult:
        yield Static("", id="hulpvraag")
        yield Static("", id="meeting-facts")
        yield FittedTable([("Deelnemer", KEY), ("Aanwezig", Fit(min_width=8, priority=0, max_lines=2)),
                           ("Organisatie", Fit(min_width=12, priority=2))], id="attendees",
                          zebra_stripes=False)

    def refresh_view(self, context: StageContext) -> None:
        data, meeting, names = context.data, context.meeting, context.names
        hulpvraag = data.case.hulpvraag or f"(nog niet ingevuld{context.key(': druk op h')})"
        self.query_one("#hulpvraag", Static).update(literal.text(f"Hulpvraag: “{hulpvraag}”"))
        facts = (
            f"Datum {day(meeting.date)} · voorzitter {names.person(meeting.chair) or '-'} · "
            f"notulist {names.person(meeting.minute_taker) or '-'}\n"
            f"Cliënt aanwezig: {yes_no(meeting.client_present)} · "
            f"akkoord met dit overleg: {yes_no(meeting.client_agreed)}\n"
            f"Doel van vandaag: {meeting.purpose or '-'}\n"
            f"Gezin: {' · '.join(household_names(data.case.household, names, meeting.date.year)) or '-'}"
            + context.key("   (k)")
        )
        self.query_one("#meeting-facts", Static).update(literal.text(facts))
        table = self.query_one("#attendees", FittedTable)
        table.set_rows([
            (a.id, [names.attendee(a), "ja" if a.presence is Presence.PRESENT else "nee (afgemeld)",
                    a.organisation or "-"]) for a in meeting.attendees])
        ids = [a.id for a in meeting.attendees]
        if self._added in ids:
            table.move_cursor(row=ids.index(self._added))
            self._added = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A closed meeting offers no edits it would then refuse.
        return self.context is None or not self.context.read_only

    def focus_target(self) -> Widget | None:
        return self.query_one("#attendees", DataTable)

    def _selected(self) -> Attendee | None:
        key = cursor_key(self.query_one("#attendees", DataTable))
        if self.context is None or key is None:
            return None
        return next((a for a in self.context.meeting.attendees if a.id == key), None)

    def _attendee_dialog(self, title: str, attendee: Attendee | None) -> None:
        assert self.context is not None
        meeting, privacy = self.context.meeting, self.context.privacy
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
            if attendee is None:
                self._added = changed.id  # once saved, the new row is chosen and in view
            return meeting.replace(attendees=people if attendee else [*people, changed])

        self.app.push_screen(FormDialog(title, fields, build), lambda answer: self.save_edit(meeting, answer))

    def action_add(self) -> None:
        self._attendee_dialog("Deelnemer toevoegen", None)

    def action_edit(self) -> None:
        attendee = self._selected()
        if attendee is None:
            self.notify("Er is nog geen deelnemer. Druk op a om iemand toe te voegen.", severity="warning")
            return
        self._attendee_dialog("Deelnemer wijzigen", attendee)

    def action_delete(self) -> None:
        attendee = self._selected()
        if attendee is None or self.context is None:
            return
        meeting, names = self.context.meeting, self.context.names

        def done(yes: bool | None) -> None:
            if yes:
                self.save_edit(meeting, meeting.replace(
                    attendees=[a for a in meeting.attendees if a.id != attendee.id]))

        self.app.push_screen(ConfirmDialog(f"{names.attendee(attendee)} van de lijst halen?"), done)

    def action_hulpvraag(self) -> None:
        assert self.context is not None
        case = self.context.data.case
        fields = [FormField("hulpvraag", "Hulpvraag, in je eigen woorden", case.hulpvraag, "long")]
        dialog = FormDialog("Hulpvraag", fields, lambda v: case.replace(hulpvraag=v["hulpvraag"]))
        self.app.push_screen(dialog, lambda answer: self.save_edit(case, answer))

    def action_case(self) -> None:
        """The case's name on screen, the client's name and the household, from the keyboard."""
        assert self.context is not None
        case = self.context.data.case
        if self.context.privacy:  # this form holds full names: not on the shared screen
            self.notify("In dit formulier staan volledige namen. Zet eerst de namen aan met F9.",
                        title="Namen zijn verborgen", severity="warning", timeout=8)
            return
        fields = [
            FormField("label", "Naam op het scherm (zonder achternaam, zoals 'Gezin V.')", case.label),
            FormField("client_name", "Naam cliënt (alleen zichtbaar met F9)", case.client_name),
            FormField("household", "Gezin: één persoon per regel, 'naam, relatie, geboortejaar' (Ctrl+J = "
                      "nieuwe regel)", household_text(case.household), "long"),
        ]

        def build(values: dict[str, Any]) -> Case:
            return case.replace(label=values["label"], client_name=values["client_name"],
                                household=parse_household(values["household"] or ""))

        self.app.push_screen(FormDialog("Casus en gezin", fields, build),
                             lambda answer: self.save_edit(case, answer))

    def action_details(self) -> None:
        assert self.context is not None
        meeting, privacy = self.context.meeting, self.context.privacy
        fields = [
            FormField("chair", "Voorzitter", meeting.chair, secret=privacy),
            FormField("minute_taker", "Notulist", meeting.minute_taker, secret=privacy),
            FormField("purpose", "Doel van vandaag", meeting.purpose),
            FormField("client_present", "Cliënt is aanwezig", meeting.client_present, "check"),
            FormField("client_agreed", "Cliënt is akkoord met dit overleg", meeting.client_agreed, "check"),
        ]

        def build(values: dict[str, Any]) -> Meeting:
            return meeting.replace(**values)

        self.app.push_screen(FormDialog("Gegevens van het overleg", fields, build),
                             lambda answer: self.save_edit(meeting, answer))
