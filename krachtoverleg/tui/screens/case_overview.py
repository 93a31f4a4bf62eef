"""One case at a glance: meetings over time, goals with steps reached out of steps planned, and
actions done and open. Every meeting can be opened from here (a closed one to read and to make
its minutes again, or to reopen in Afsluiting); an empty one can be deleted; n opens today's."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Static

from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.export.files import progress_filename
from krachtoverleg.core.export.formats import PROGRESS, ProgressInput
from krachtoverleg.core.models import Case, Meeting
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change, edit
from krachtoverleg.core.rules.meetings import delete_meeting
from krachtoverleg.core.rules.overview import CaseOverview, overview
from krachtoverleg.core.rules.trends import trend_lines
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.export import MinutesChoice, progress_dialog, save_export
from krachtoverleg.tui.dialogs.measure import domains_dialog, measure_dialog
from krachtoverleg.tui.fit import DATE, KEY, NUMBER, Fit
from krachtoverleg.tui.format import day
from krachtoverleg.tui.navigation import open_meeting, open_todays_meeting
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.screens.progress_pictures import ProgressPicturesScreen
from krachtoverleg.tui.services import services
from krachtoverleg.tui.widgets.fitted_table import FittedTable
from krachtoverleg.tui.widgets.key_bar import KeyBar
from krachtoverleg.tui.widgets.notice_line import NoticeLine
from krachtoverleg.tui.widgets.sync import cursor_key
from krachtoverleg.tui.widgets.top_bar import TopBar


def progress_bar(reached: int, planned: int, width: int = 10) -> str:
    """Filled and empty blocks; the numbers stand beside it, so the bar is never the only carrier."""
    filled = round(width * reached / planned) if planned else 0
    return "█" * filled + "░" * (width - filled)


class CaseOverviewScreen(DataScreen):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("enter", "open_chosen", "Openen", id="overview.open"),
        Binding("n", "open_meeting", "Vandaag", id="overview.meeting"),
        Binding("delete", "delete_meeting", "Leeg overleg weg", id="overview.delete", show=False),
        Binding("g", "pictures", "Grafieken", id="overview.pictures"),
        Binding("m", "measure", "Waar staan we?", id="overview.measure"),
        Binding("k", "domains", "ZRM-domeinen kiezen", id="overview.domains", show=False),
        Binding("v", "progress", "Voortgang opslaan", id="overview.progress"),
        Binding("escape,f2", "back", "Terug", id="overview.back"),
    ]

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.data: CaseData | None = None

    def watched_case(self) -> str | None:
        return self.case_id

    def compose(self) -> ComposeResult:
        yield TopBar()
        with VerticalScroll(id="overview"):
            yield Static("Overleggen", classes="table-title")
            yield FittedTable([("Nr", NUMBER), ("Datum", DATE), ("Status", Fit(min_width=8, priority=0)),
                               ("Acties gedaan", Fit(min_width=8, priority=1, grow=0)),
                               ("Besluiten", Fit(min_width=9, priority=3, grow=0)),
                               ("ZRM-scores", Fit(min_width=16, priority=2, grow=3))], id="overview-meetings")
            yield Static("Doelen", classes="table-title")
            yield FittedTable([("Doel", KEY), ("Levensgebied", Fit(min_width=12, priority=2)),
                               ("Stappen gelukt", Fit(min_width=8, priority=0, grow=0)),
                               ("Voortgang", Fit(min_width=10, priority=1, grow=0))], id="overview-goals")
            yield Static("Voortgang: wat er gemeten is, overleg na overleg", classes="table-title")
            yield FittedTable([("Wat", KEY), ("Verloop", Fit(min_width=14, priority=0, grow=2)),
                               ("Laatste verandering", Fit(min_width=12, priority=1, grow=0))],
                              id="overview-progress")
            yield Static("", id="overview-actions")
        yield NoticeLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#overview-meetings", FittedTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        app = services(self)
        try:
            data = app.store.load(self.case_id)
        except KrachtError as error:
            self.query_one(TopBar).show("krachtoverleg · overzicht", app.privacy)
            self.query_one("#overview-actions", Static).update(
                literal.text(f"Deze casus kan niet worden gelezen: {error}"))
            return
        self.data = data
        self.query_one(TopBar).show(f"{app.names.case_title(data.case)} · overzicht",
                                    app.privacy)
        self.show(overview(data, app.clock.today()))
        lines = trend_lines(data)
        self.query_one("#overview-progress", FittedTable).set_rows(
            [(str(n), [line.what, line.course, line.change or "-"]) for n, line in enumerate(lines)]
            or [("", ["Nog niets gemeten. In het overleg: Terugblik, m.", "", ""])])

    def show(self, summary: CaseOverview) -> None:
        self.query_one("#overview-meetings", FittedTable).set_rows([
            (line.id, [str(line.number), day(line.day), "gesloten" if line.closed else "open",
                                f"{line.actions_done} van {line.actions_agreed}", str(line.decisions),
                                line.zrm or "-"]) for line in summary.meetings])
        goals = [(str(number), [goal.text, goal.life_domain or "-", f"{goal.reached} van {goal.planned}",
                                progress_bar(goal.reached, goal.planned)])
                 for number, goal in enumerate(summary.goals)]
        empty = ("", ["Nog geen doelen.", "", "", ""])
        self.query_one("#overview-goals", FittedTable).set_rows(goals or [empty])
        counts = summary.actions
        late = f" · ⚠ {counts.overdue} te laat" if counts.overdue else ""
        taken = summary.takeovers
        taken_late = f" (⚠ {taken.overdue} over de datum)" if taken.overdue else ""
        self.query_one("#overview-actions", Static).update(
            f"Acties: {counts.done} gedaan · {counts.partly} deels · {counts.open} open · "
            f"{counts.not_done} niet gedaan{late}\n"
            f"Overgenomen door een professional: {taken.handed_back} terug bij de cliënt · "
            f"{taken.still_out} nog bij een professional{taken_late}\n"
            "Enter = het gekozen overleg openen · n = het overleg van vandaag · g = grafieken · "
            "m = meten in het gekozen overleg · k = ZRM-domeinen kiezen · v = voortgang opslaan · "
            "Delete = een leeg overleg weg · Escape = terug")

    def action_open_meeting(self) -> None:
        open_todays_meeting(services(self), self.case_id)

    def _chosen(self) -> Meeting | None:
        table = self.query_one("#overview-meetings", FittedTable)
        key = cursor_key(table)
        return self.data.get(Meeting, key) if self.data is not None and key else None

    def action_open_chosen(self) -> None:
        meeting = self._chosen()
        if meeting is None:
            self.action_open_meeting()
            return
        open_meeting(services(self), self.case_id, meeting)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.data_table.id == "overview-meetings":
            self.action_open_chosen()

    def action_delete_meeting(self) -> None:
        meeting, data, app = self._chosen(), self.data, services(self)
        if meeting is None or data is None:
            return
        if not self._writable():
            return
        try:
            changes = delete_meeting(data, meeting)
        except ValidationError as error:
            self.notify(str(error), title="Niet verwijderd", severity="warning", timeout=8)
            return

        def answer(yes: bool | None) -> None:
            if yes and app.attempt(app.store.apply, self.case_id, *changes):
                self.notify(f"Overleg {meeting.number} ({day(meeting.date)}) is verwijderd.")
                self.reload()

        self.app.push_screen(ConfirmDialog(
            f"Overleg {meeting.number} van {day(meeting.date)} is leeg. Verwijderen?"), answer)

    def action_pictures(self) -> None:
        self.app.push_screen(ProgressPicturesScreen(self.case_id))

    def _writable(self) -> bool:
        store = services(self).store
        if not store.can_write(self.case_id):
            holder = store.holder(self.case_id)
            self.notify(f"Deze casus is nu open bij {holder}; hier kun je alleen lezen." if holder
                        else "Dit venster kan alleen lezen.", severity="warning")
            return False
        return True

    def action_measure(self) -> None:
        """Score the chosen meeting (an open one), as Terugblik's m does."""
        meeting, data, app = self._chosen(), self.data, services(self)
        if meeting is None or data is None or not self._writable():
            return
        if not meeting.is_open:
            self.notify(f"Overleg {meeting.number} is gesloten; wat toen gemeten is, blijft zo. Kies een "
                        "open overleg, of druk op n voor het overleg van vandaag.", title="Waar staan we?",
                        timeout=8)
            return

        def answer(changes: list[Change] | None) -> None:
            if changes and app.attempt(app.store.apply, self.case_id, *changes):
                self.notify(f"Gemeten in overleg {meeting.number}.")
                self.reload()

        self.app.push_screen(measure_dialog(data, meeting), answer)

    def action_domains(self) -> None:
        data, app = self.data, services(self)
        if data is None or not self._writable():
            return

        def answer(case: Case | None) -> None:
            if case is not None and app.attempt(app.store.apply, self.case_id, edit(data.case, case)):
                self.reload()

        self.app.push_screen(domains_dialog(data), answer)

    def action_progress(self) -> None:
        """Ask how and where; then write the progress report and say where it went."""
        data = self.data
        if data is None:
            return

        def done(choice: MinutesChoice | None) -> None:
            if choice is not None:
                app = services(self)
                save_export(
                    self, choice,
                    lambda names: PROGRESS.formats[choice.fmt].render(ProgressInput(data, names),
                                                                      app.clock.now()),
                    progress_filename(data, app.clock.today(), choice.fmt, choice.full_names),
                    "De voortgang", ("Voortgang opgeslagen", "Voortgang niet opgeslagen"))

        self.app.push_screen(progress_dialog(services(self).last_export), done)

    def action_back(self) -> None:
        self.app.pop_screen()
