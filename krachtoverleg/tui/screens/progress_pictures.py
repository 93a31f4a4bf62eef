"""The way travelled, in pictures, for the shared screen: the six pictures of the progress report
(ZRM per domain, the ladder, the client's own scale, the eigen-kracht balance, who carries per
life domain, capital against dimension), drawn in blocks with every number beside its bar. One
column on a laptop, two or three on a wide projector."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer, Static

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.rules.trends import (
    BALANCE_TITLE,
    DOMAIN_TITLE,
    GRID_TITLE,
    LADDER_TITLE,
    SCALE_TITLE,
    ZRM_TITLE,
    balance_bars,
    capital_grid,
    domain_bars,
    ladder_series,
    scale_series,
    untagged,
    zrm_series,
)
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.services import services
from krachtoverleg.tui.widgets.charts import CapitalGrid, SeriesChart, StackedChart
from krachtoverleg.tui.widgets.top_bar import TopBar

COLUMNS = ((210, 3), (140, 2))  # from this many terminal columns, this many pictures side by side


def pictures(data: CaseData) -> list[tuple[str, Widget]]:
    grid_note = untagged(data)
    return [
        (ZRM_TITLE, SeriesChart(zrm_series(data), "Nog geen ZRM-scores. In het overleg: Terugblik, k en m.")),
        (LADDER_TITLE, SeriesChart([ladder_series(data)], "Nog geen trede gemeten.", named=False)),
        (SCALE_TITLE, SeriesChart(scale_series(data), "De cliënt heeft nog geen schaal gegeven.")),
        (BALANCE_TITLE, StackedChart(balance_bars(data), "Nog geen overleg.")),
        (DOMAIN_TITLE, StackedChart(domain_bars(data), "Geen open stappen.")),
        (GRID_TITLE, Vertical(CapitalGrid(capital_grid(data)), Static(
            f"{grid_note} krachten, doelen en acties zonder kapitaal en dimensie tellen niet mee "
            "(kiezen met e)." if grid_note else "", classes="picture-note"), classes="picture-grid")),
    ]


class ProgressPicturesScreen(DataScreen):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("escape,f2", "back", "Terug", id="pictures.back"),
    ]

    def __init__(self, case_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self._columns = 1

    def watched_case(self) -> str | None:
        return self.case_id

    def compose(self) -> ComposeResult:
        yield TopBar()
        with VerticalScroll(id="pictures"):
            yield Grid(id="pictures-grid")
            yield Vertical(id="pictures-wide")  # the capital grid's table: the whole width
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#pictures", VerticalScroll).focus()

    def on_resize(self, event: Resize) -> None:
        self._columns = next((n for width, n in COLUMNS if event.size.width >= width), 1)
        self._lay_out()

    def _lay_out(self) -> None:
        grid = self.query_one("#pictures-grid", Grid)  # progress.tcss sets the columns per class
        for columns in (2, 3):
            grid.set_class(self._columns == columns, f"-columns-{columns}")

    def reload(self) -> None:
        app = services(self)
        grid, wide = self.query_one("#pictures-grid", Grid), self.query_one("#pictures-wide", Vertical)
        grid.remove_children()
        wide.remove_children()
        try:
            data = app.store.load(self.case_id)
        except KrachtError as error:
            self.query_one(TopBar).show("krachtoverleg · voortgang", app.privacy)
            grid.mount(Static(literal.text(f"Deze casus kan niet worden gelezen: {error}")))
            return
        self.query_one(TopBar).show(f"{app.names.case_title(data.case)} · voortgang in beeld", app.privacy)
        panels = [Vertical(Static(title, classes="picture-title"), chart, classes="picture")
                  for title, chart in pictures(data)]
        grid.mount_all(panels[:-1])
        wide.mount(panels[-1])

    def action_back(self) -> None:
        self.app.pop_screen()
