"""All cases: code, label, open actions, next meeting. Enter opens today's meeting.

Opened on one case (`krachtoverleg meeting K-001`), the app starts in that meeting and the list
stays behind a curtain, even after F2: the room must not see every client of the team on the
way in or out. The chair lifts the curtain with l when the projector is off."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.models import Case
from krachtoverleg.core.models.vocab import CaseKind
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.dialogs.form import FormDialog, FormField, remind_drafts
from krachtoverleg.tui.fit import KEY, Fit
from krachtoverleg.tui.format import day_label
from krachtoverleg.tui.navigation import open_todays_meeting
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.services import services
from krachtoverleg.tui.widgets.fitted_table import FittedTable
from krachtoverleg.tui.widgets.key_bar import KeyBar
from krachtoverleg.tui.widgets.notice_line import NoticeLine
from krachtoverleg.tui.widgets.top_bar import TopBar

# A team store holds hundreds of cases, a test store thousands: drawing them all took seconds
# before the first screen appeared. The list shows this many; / finds the rest.
SHOWN_AT_MOST = 200


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


class CaseListScreen(DataScreen):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("enter", "open_selected", "Openen", id="cases.open"),
        Binding("n", "new_case", "Nieuwe casus", id="cases.new"),
        Binding("o", "overview", "Overzicht", id="cases.overview"),
        Binding("a", "all_actions", "Alle acties", id="cases.actions"),
        Binding("l", "lift_curtain", "Lijst tonen", id="cases.lift"),
        Binding("slash", "search", "Zoeken", id="cases.search", key_display="/"),
        Binding("enter,escape,f2", "back_to_meeting", "Terug naar het overleg", id="cases.back",
                priority=True),
    ]
    CURTAIN = ("De lijst van alle casussen is verborgen: dit scherm kan gedeeld zijn.\n\n"
               "Enter of Escape = terug naar het overleg · l = de lijst tonen (eerst de projector uit of het "
               "scherm delen stoppen) · Ctrl+Q = stoppen")

    def __init__(self, opened_on: str | None = None) -> None:
        """`opened_on`: the case the app was started on; the list stays behind a curtain."""
        super().__init__()
        self.opened_on = opened_on
        self.curtained = opened_on is not None
        self.search = ""  # part of a code or a name: the list shows only the cases that have it
        self._resumes = 0

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("lift_curtain", "back_to_meeting"):
            return self.curtained
        return not (self.curtained and action in ("open_selected", "new_case", "overview", "all_actions",
                                                  "search"))

    def compose(self) -> ComposeResult:
        yield TopBar()
        yield Static("Kies een casus: Enter opent het overleg van vandaag, o het overzicht. "
                     "a toont de acties van alle casussen.",
                     id="cases-hint", classes="hint")
        yield FittedTable([("Code", Fit(min_width=5, priority=0, grow=0)), ("Cliënt", KEY),
                           ("Open acties", Fit(min_width=6, priority=1, grow=0)),
                           ("Volgend overleg", Fit(min_width=10, priority=0, grow=0))], id="cases")
        yield Static("", id="empty", classes="hint")
        yield NoticeLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()
        remind_drafts(self, None)

    def on_screen_resume(self) -> None:
        if self._resumes:  # the first resume is the first showing: on_mount read the list
            self.reload()
        self._resumes += 1

    def reload(self) -> None:
        app = services(self)
        self.query_one(TopBar).show("krachtoverleg · casussen", app.privacy)
        table = self.query_one(FittedTable)
        table.display = not self.curtained
        self.query_one("#cases-hint", Static).display = not self.curtained
        if self.curtained:
            table.set_rows([])
            self.query_one("#empty", Static).update(self.CURTAIN)
            return
        today = app.clock.today()
        names = app.names
        rows = []
        wanted = _fold(self.search)
        try:
            everything = app.store.cases()
        except KrachtError as error:  # the team store is away: the list stays as it was
            self.notify(str(error), title="De lijst is niet bijgewerkt", severity="warning", timeout=8)
            return
        found = [s for s in everything if not wanted or wanted in _fold(f"{s.code} {s.label}")]
        for summary in found[:SHOWN_AT_MOST]:
            label = summary.label
            if summary.damaged:
                label += "  (beschadigd bestand)"
            elif not app.privacy:
                label = self._full_name(summary.id, label, names)
            rows.append((summary.id, [summary.code, label, str(summary.open_actions),
                                      day_label(summary.next_meeting(today), today)]))
        table.set_rows(rows)
        self.query_one("#empty", Static).update(self._under_the_list(len(everything), len(found), len(rows)))

    def _under_the_list(self, total: int, found: int, shown: int) -> str:
        if not total:
            return "Nog geen casussen. Druk op n voor een nieuwe casus."
        if self.search and not found:
            return f"Geen casus met “{self.search}”. / = anders zoeken, leeg = alle casussen."
        searched = f" met “{self.search}”" if self.search else ""
        if shown < found:
            return (f"{shown} van {found} casussen{searched}. Druk / om te zoeken op code of naam "
                    "(zoals K-012 of Gezin V.).")
        return f"{found} van {total} casussen{searched}. / = anders zoeken." if self.search else ""

    def action_search(self) -> None:
        def found(text: str | None) -> None:
            if text is not None:
                self.search = text
                self.reload()

        self.app.push_screen(FormDialog("Zoek een casus", [FormField(
            "search", "Code of naam (leeg: alle casussen)", self.search, proposed=True)],
            lambda values: str(values["search"] or "").strip()), found)

    def _full_name(self, case_id: str, label: str, names: Names) -> str:
        try:
            return names.client(services(self).store.load(case_id).case)
        except KrachtError:
            return label

    def action_lift_curtain(self) -> None:
        self.curtained = False
        self.reload()
        self.refresh_bindings()
        self.query_one(DataTable).focus()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value:
            self.open_case(event.row_key.value)

    def action_back_to_meeting(self) -> None:
        if self.opened_on is not None:
            self.open_case(self.opened_on)

    def action_open_selected(self) -> None:
        case_id = self.selected_case()
        if case_id:
            self.open_case(case_id)

    def open_case(self, case_id: str) -> None:
        open_todays_meeting(services(self), case_id)

    def selected_case(self) -> str | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    def action_all_actions(self) -> None:
        from krachtoverleg.tui.screens.actions import ActionsScreen

        # Kept between visits: built once (a tenth of a second), read again at each visit, and
        # the chosen filters stay as they were.
        if not self.app.is_screen_installed(ActionsScreen.NAME):
            self.app.install_screen(ActionsScreen(), ActionsScreen.NAME)
        self.app.push_screen(ActionsScreen.NAME)

    def action_overview(self) -> None:
        from krachtoverleg.tui.screens.case_overview import CaseOverviewScreen

        case_id = self.selected_case()
        if case_id is None:
            self.notify("Er is nog geen casus.", severity="warning")
            return
        self.app.push_screen(CaseOverviewScreen(case_id))

    def action_new_case(self) -> None:
        app = services(self)
        privacy = app.privacy
        fields = [
            FormField("code", "Casuscode", app.store.next_code(), proposed=True),
            FormField("label", "Naam op het scherm (zonder volledige naam, bijvoorbeeld 'Gezin V.')"),
            FormField("kind", "Soort", CaseKind.CLIENT.value, "select",
                      [(kind.label, kind.value) for kind in CaseKind]),
            FormField("client_name", "Volledige naam cliënt (alleen zichtbaar als namen aan staan)",
                      secret=privacy),
            FormField("hulpvraag", "Hulpvraag, in de woorden van de cliënt", kind="long"),
        ]

        def build(values: dict[str, Any]) -> Case:
            code = str(values["code"] or "").strip().upper()
            if any(summary.code == code for summary in app.store.cases()):
                raise ValidationError(f"Casuscode: {code} bestaat al; kies een andere.")
            return Case(code=values["code"], label=values["label"],
                        kind=values["kind"] or CaseKind.CLIENT, client_name=values["client_name"],
                        hulpvraag=values["hulpvraag"], created=app.clock.today())

        def created(case: Case | None) -> None:
            if case is not None and app.attempt(app.store.create_case, case):
                self.reload()
                self.notify(f"Casus {case.code} is aangemaakt.")

        app.push_screen(FormDialog("Nieuwe casus", fields, build), created)
