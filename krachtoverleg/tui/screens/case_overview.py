"""One case at a glance: meetings over time, goals with steps reached out of steps planned, and
actions done and open. Enter opens today's meeting of the case."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Static

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.rules.overview import CaseOverview, overview
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.fit import DATE, KEY, NUMBER, Fit
from krachtoverleg.tui.format import day
from krachtoverleg.tui.navigation import open_todays_meeting
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.services import services
from krachtoverleg.tui.widgets.fitted_table import FittedTable
from krachtoverleg.tui.widgets.top_bar import TopBar


def progress_bar(reached: int, planned: int, width: int = 10) -> str:
    """Filled and empty blocks; the numbers stand beside it, so the bar is never the only carrier."""
    filled = round(width * reached / planned) if planned else 0
    return "█" * filled + "░" * (width - filled)


class CaseOverviewScreen(DataScreen):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("enter", "open_meeting", "Overleg van vandaag", id="overview.meeting"),
        Binding("escape,f2", "back", "Terug", id="overview.back"),
    ]

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id

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
            yield Static("", id="overview-actions")
        yield Footer(compact=True, show_command_palette=False)

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
        self.query_one(TopBar).show(f"{app.names.case_title(data.case)} · overzicht",
                                    app.privacy)
        self.show(overview(data, app.clock.today()))

    def show(self, summary: CaseOverview) -> None:
        self.query_one("#overview-meetings", FittedTable).set_rows([
            (str(line.number), [str(line.number), day(line.day), "gesloten" if line.closed else "open",
                                f"{line.actions_done} van {line.actions_agreed}", str(line.decisions),
                                line.zrm or "-"]) for line in summary.meetings])
        goals = [(str(number), [goal.text, goal.life_domain or "-", f"{goal.reached} van {goal.planned}",
                                progress_bar(goal.reached, goal.planned)])
                 for number, goal in enumerate(summary.goals)]
        empty = ("", ["Nog geen doelen.", "", "", ""])
        self.query_one("#overview-goals", FittedTable).set_rows(goals or [empty])
        counts = summary.actions
        late = f" · ⚠ {counts.overdue} te laat" if counts.overdue else ""
        self.query_one("#overview-actions", Static).update(
            f"Acties: {counts.done} gedaan · {counts.partly} deels · {counts.open} open · "
            f"{counts.not_done} niet gedaan{late}\n"
            "Enter = het overleg van vandaag openen · Escape = terug")

    def action_open_meeting(self) -> None:
        open_todays_meeting(services(self), self.case_id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_meeting()

    def action_back(self) -> None:
        self.app.pop_screen()
