"""The way travelled, in pictures, for the shared screen: the six pictures of the progress report
(ZRM per domain, the ladder, the client's own scale, the eigen-kracht balance, who carries per
life domain, capital against dimension), drawn in blocks with every number beside its bar. One
column on a laptop, two or three on a wide projector."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Static

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import Dimension
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
from krachtoverleg.tui.widgets.key_bar import KeyBar
from krachtoverleg.tui.widgets.notice_line import NoticeLine
from krachtoverleg.tui.widgets.top_bar import TopBar

COLUMNS = ((210, 3), (140, 2))  # from this many terminal columns, this many pictures side by side
# Which pictures stack in which column: the tall ZRM picture beside the short ones, so no
# column stands half empty. The capital grid spans the width below them.
STACKS = {1: [[0, 1, 2, 3, 4]], 2: [[0, 2], [1, 3, 4]], 3: [[0], [1, 2], [3, 4]]}


DIMENSIONS = "Dimensies: " + ", ".join(d.label for d in Dimension) + "."


def pictures(data: CaseData) -> list[tuple[str, Widget]]:
    grid_note = untagged(data)
    return [
        (ZRM_TITLE, SeriesChart(zrm_series(data), "Nog geen ZRM-scores. In het overleg: Terugblik, k en m.")),
        (LADDER_TITLE, SeriesChart([ladder_series(data)], "Nog geen trede gemeten.", named=False)),
        (SCALE_TITLE, SeriesChart(scale_series(data), "De cliënt heeft nog geen schaal gegeven.")),
        (BALANCE_TITLE, StackedChart(balance_bars(data), "Nog geen overleg.")),
        (DOMAIN_TITLE, StackedChart(domain_bars(data), "Geen open stappen.")),
        (GRID_TITLE, Vertical(CapitalGrid(capital_grid(data)), Static(
            DIMENSIONS + (f"\n{grid_note} krachten, doelen en acties zonder kapitaal en dimensie tellen "
                          "niet mee: kies ze in het overleg met e, bij Krachten, Doelen of Acties."
                          if grid_note else ""), classes="picture-note"), classes="picture-grid")),
    ]


class ProgressPicturesScreen(DataScreen):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("escape,f2", "back", "Terug", id="pictures.back"),
        # Scrolled at once, not animated: keys typed in a burst or held down (or a presenter's
        # clicker) each move the view; an animation restarting on every key moved it only once.
        Binding("pagedown", "scroll(1, True)", "Verder", id="pictures.page_down", priority=True,
                key_display="PgDn"),
        Binding("pageup", "scroll(-1, True)", "Terug omhoog", id="pictures.page_up", priority=True,
                show=False),
        Binding("down", "scroll(1, False)", "Regel omlaag", id="pictures.down", priority=True, show=False),
        Binding("up", "scroll(-1, False)", "Regel omhoog", id="pictures.up", priority=True, show=False),
        Binding("home", "scroll_edge(False)", "Naar boven", id="pictures.home", show=False),
        Binding("end", "scroll_edge(True)", "Naar beneden", id="pictures.end", show=False),
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
            yield Horizontal(id="pictures-columns")
            yield Vertical(id="pictures-wide")  # the capital grid's table: the whole width
        yield NoticeLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#pictures", VerticalScroll).focus()

    def on_resize(self, event: Resize) -> None:
        columns = next((n for width, n in COLUMNS if event.size.width >= width), 1)
        if columns != self._columns or not self.query(".picture"):
            self._columns = columns
            self.reload()

    def reload(self) -> None:
        app = services(self)
        columns = self.query_one("#pictures-columns", Horizontal)
        wide = self.query_one("#pictures-wide", Vertical)
        columns.remove_children()
        wide.remove_children()
        try:
            data = app.store.load(self.case_id)
        except KrachtError as error:
            self.query_one(TopBar).show("krachtoverleg · voortgang", app.privacy)
            wide.mount(Static(literal.text(f"Deze casus kan niet worden gelezen: {error}")))
            return
        self.query_one(TopBar).show(f"{app.names.case_title(data.case)} · voortgang in beeld", app.privacy)
        panels = [Vertical(Static(title, classes="picture-title"), chart, classes="picture")
                  for title, chart in pictures(data)]
        columns.mount_all([Vertical(*(panels[n] for n in stack), classes="picture-column")
                           for stack in STACKS[self._columns]])
        wide.mount(panels[-1])

    def action_scroll(self, direction: int, page: bool) -> None:
        view = self.query_one("#pictures", VerticalScroll)
        step = max(1, view.size.height - 2) if page else 1
        view.scroll_to(y=view.scroll_y + direction * step, animate=False, immediate=True)

    def action_scroll_edge(self, end: bool) -> None:
        view = self.query_one("#pictures", VerticalScroll)
        view.scroll_to(y=view.max_scroll_y if end else 0, animate=False, immediate=True)

    def action_back(self) -> None:
        self.app.pop_screen()
