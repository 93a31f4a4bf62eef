"""All cases: code, label, open actions, next meeting. Enter opens today's meeting."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.meetings import meeting_for_today
from krachtoverleg.core.models import Case
from krachtoverleg.core.vocab import CaseKind
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.format import day_label
from krachtoverleg.tui.widgets.top_bar import TopBar


class CaseListScreen(Screen[None]):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("enter", "open_selected", "Openen", id="cases.open"),
        Binding("n", "new_case", "Nieuwe casus", id="cases.new"),
    ]

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield Static("Kies een casus en druk op Enter om het overleg van vandaag te openen.",
                     classes="hint")
        table: DataTable[str] = DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        table.add_columns("Code", "Cliënt", "Open acties", "Volgend overleg")
        yield table
        yield Static("", id="empty", classes="hint")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        app = self.app
        self.query_one(TopBar).show("krachtoverleg · casussen", app.store.settings.privacy)  # type: ignore[attr-defined]
        table = self.query_one(DataTable)
        selected = table.cursor_row
        table.clear()
        today = app.clock.today()  # type: ignore[attr-defined]
        names = app.names  # type: ignore[attr-defined]
        for summary in app.store.cases():  # type: ignore[attr-defined]
            label = summary.label
            if summary.damaged:
                label += "  (beschadigd bestand)"
            elif not app.store.settings.privacy:  # type: ignore[attr-defined]
                label = self._full_name(summary.id, label, names)
            table.add_row(summary.code, label, str(summary.open_actions),
                          day_label(summary.next_meeting(today), today), key=summary.id)
        if table.row_count:
            table.move_cursor(row=min(selected, table.row_count - 1))
        self.query_one("#empty", Static).update(
            "" if table.row_count else "Nog geen casussen. Druk op n voor een nieuwe casus.")

    def _full_name(self, case_id: str, label: str, names: Any) -> str:
        try:
            return names.client(self.app.store.load(case_id).case)  # type: ignore[attr-defined]
        except KrachtError:
            return label

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.open_case(event.row_key.value)

    def action_open_selected(self) -> None:
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key:
                self.open_case(key)

    def open_case(self, case_id: str) -> None:
        from krachtoverleg.tui.screens.meeting import MeetingScreen

        app = self.app
        try:
            meeting = meeting_for_today(app.store, case_id, app.clock.today())  # type: ignore[attr-defined]
        except KrachtError as error:
            self.notify(str(error), title="Kan de casus niet openen", severity="error")
            return
        app.push_screen(MeetingScreen(case_id, meeting.id))

    def action_new_case(self) -> None:
        app = self.app
        privacy = app.store.settings.privacy  # type: ignore[attr-defined]
        fields = [
            FormField("code", "Casuscode", app.store.next_code()),  # type: ignore[attr-defined]
            FormField("label", "Naam op het scherm (zonder volledige naam, bijvoorbeeld 'Gezin V.')"),
            FormField("kind", "Soort", CaseKind.CLIENT.value, "select",
                      [(kind.label, kind.value) for kind in CaseKind]),
            FormField("client_name", "Volledige naam cliënt (alleen zichtbaar als namen aan staan)",
                      secret=privacy),
            FormField("hulpvraag", "Hulpvraag, in de woorden van de cliënt"),
        ]

        def build(values: dict[str, Any]) -> Case:
            code = str(values["code"] or "").strip().upper()
            if any(summary.code == code for summary in app.store.cases()):  # type: ignore[attr-defined]
                raise ValidationError(f"Casuscode: {code} bestaat al; kies een andere.")
            return Case(code=values["code"], label=values["label"],
                        kind=values["kind"] or CaseKind.CLIENT, client_name=values["client_name"],
                        hulpvraag=values["hulpvraag"], created=app.clock.today())  # type: ignore[attr-defined]

        def created(case: Case | None) -> None:
            if case is not None and app.attempt(app.store.create_case, case):  # type: ignore[attr-defined]
                self.reload()
                self.notify(f"Casus {case.code} is aangemaakt.")

        app.push_screen(FormDialog("Nieuwe casus", fields, build), created)
