"""The meeting: the agenda on the left, the current stage on the right.

PageDown / PageUp are priority bindings, so a presenter clicker moves through the agenda even
while the capture line has focus. Escape leaves a text field but never the meeting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input

from krachtoverleg.core.agenda import AGENDA, STAGES, neighbour
from krachtoverleg.core.casedata import CaseData
from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.meetings import capture_strength
from krachtoverleg.core.models import Meeting
from krachtoverleg.core.record import Record
from krachtoverleg.core.vocab import StrengthKind
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.format import day
from krachtoverleg.tui.widgets.agenda import AgendaColumn
from krachtoverleg.tui.widgets.opening import OpeningPane
from krachtoverleg.tui.widgets.stage_header import StageHeader
from krachtoverleg.tui.widgets.stage_pending import StagePending
from krachtoverleg.tui.widgets.strength_board import StrengthBoard
from krachtoverleg.tui.widgets.top_bar import TopBar

NARROW = 110  # below this width the strength board stacks two by two


class MeetingScreen(Screen[None]):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("pagedown", "stage(1)", "Verder", id="meeting.next", priority=True),
        Binding("pageup", "stage(-1)", "Terug", id="meeting.previous", priority=True),
        Binding("f2", "cases", "Casussen", id="meeting.cases"),
        Binding("escape", "leave_field", "Uit tekstveld", id="meeting.leave_field", show=False),
    ]

    def __init__(self, case_id: str, meeting_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.meeting_id = meeting_id
        self.data: CaseData | None = None
        self.meeting: Meeting | None = None

    def compose(self) -> ComposeResult:
        yield TopBar()
        with Horizontal(id="meeting-body"):
            yield AgendaColumn()
            with Vertical(id="stage-area"):
                yield StageHeader()
                with ContentSwitcher(id="stages"):
                    for stage in AGENDA:
                        if stage.key == "opening":
                            yield OpeningPane()
                        elif stage.key == "krachten":
                            yield StrengthBoard()
                        else:
                            yield StagePending(stage)
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        await self.reload()
        if self.meeting is not None:
            self.go_to(self.meeting.current_stage, remember=False)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    async def reload(self) -> None:
        app = self.app
        try:
            self.data = app.store.load(self.case_id)  # type: ignore[attr-defined]
        except KrachtError as error:
            self.notify(str(error), title="Kan de casus niet lezen", severity="error")
            return
        self.meeting = self.data.get(Meeting, self.meeting_id)
        if self.meeting is None:
            self.notify("Dit overleg bestaat niet meer.", severity="error")
            return
        names = app.names  # type: ignore[attr-defined]
        self.query_one(TopBar).show(
            f"{names.case_title(self.data.case)} · overleg {self.meeting.number} · {day(self.meeting.date)}",
            app.store.settings.privacy)  # type: ignore[attr-defined]
        for pane in self.query(".stage-pane"):
            if isinstance(pane, (OpeningPane, StrengthBoard)):
                await pane.reload(self.data, self.meeting, names)

    @property
    def current(self) -> str:
        return self.query_one(AgendaColumn).current

    def go_to(self, key: str, remember: bool = True) -> None:
        stage = STAGES[key]
        minutes = self.meeting.timeboxes[key] if self.meeting else stage.minutes
        self.query_one(ContentSwitcher).current = f"pane-{key}"
        self.query_one(AgendaColumn).show_current(key)
        self.query_one(StageHeader).show(stage, minutes)
        pane = self.query_one(f"#pane-{key}")
        if not pane.focus_first():  # type: ignore[attr-defined]
            self.query_one(AgendaColumn).focus()
        if remember and self.meeting is not None and self.meeting.current_stage != key:
            self.meeting = self.meeting.replace(current_stage=key)
            self.app.attempt(self.app.store.save, self.case_id, self.meeting)  # type: ignore[attr-defined]

    def action_stage(self, step: int) -> None:
        self.go_to(neighbour(self.current, step))

    def on_agenda_column_stage_chosen(self, event: AgendaColumn.StageChosen) -> None:
        self.go_to(event.key)

    def action_cases(self) -> None:
        self.app.pop_screen()

    def action_leave_field(self) -> None:
        if isinstance(self.focused, Input):
            pane = self.query_one(f"#pane-{self.current}")
            board = pane.query("ListView, DataTable")
            (board.first() if board else self.query_one(AgendaColumn)).focus()

    # -- changes: saved the moment they are made ----------------------------------------

    def save_records(self, *records: Record) -> None:
        if self.app.attempt(self.app.store.save, self.case_id, *records):  # type: ignore[attr-defined]
            self.run_worker(self.reload(), exclusive=True, group="reload")

    def delete_record(self, record_type: type[Record], record_id: str) -> None:
        if self.app.attempt(self.app.store.delete, self.case_id, record_type, record_id):  # type: ignore[attr-defined]
            self.run_worker(self.reload(), exclusive=True, group="reload")

    def capture_strength(self, line: str, default: StrengthKind) -> None:
        assert self.data is not None and self.meeting is not None
        capture = self.query_one("#capture", Input)
        try:
            strength = capture_strength(self.app.store, self.data, self.meeting, line, default)  # type: ignore[attr-defined]
        except ValidationError as error:
            self.notify(f"{error} Typ de kracht achter 'ik ...'.", title="Niet opgeslagen",
                        severity="error")
            return
        except KrachtError as error:
            self.notify(str(error), title="Niet opgeslagen", severity="error")
            return
        capture.value = ""
        self.notify(f"{strength.kind.label}: {strength.text}", title="Opgeslagen")
        self.run_worker(self.reload(), exclusive=True, group="reload")
