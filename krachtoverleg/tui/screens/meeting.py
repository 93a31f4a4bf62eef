"""The meeting: the agenda on the left, the current stage on the right.

PageDown / PageUp are priority bindings, so a presenter clicker moves through the agenda even
while a text field has focus. Escape leaves a text field but never the meeting. `b` (what
clickers send) blanks the screen; F5 does too, also while typing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input, Static

from krachtoverleg.core.agenda import STAGE_KEYS, STAGES, neighbour
from krachtoverleg.core.casedata import CaseData
from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.meetings import CAPTURE_STAGE, capture_strength, with_draft
from krachtoverleg.core.models import Meeting
from krachtoverleg.core.record import Record
from krachtoverleg.core.timer import describe, time_view, with_time_spent
from krachtoverleg.core.vocab import StrengthKind
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.blank import BlankScreen
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.format import day
from krachtoverleg.tui.stages import PANES
from krachtoverleg.tui.widgets.agenda import AgendaColumn
from krachtoverleg.tui.widgets.stage_header import StageHeader
from krachtoverleg.tui.widgets.top_bar import TopBar

NARROW = 110  # below this width boards stack


class MeetingScreen(Screen[None]):
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("pagedown", "stage(1)", "Verder", id="meeting.next", priority=True),
        Binding("pageup", "stage(-1)", "Terug", id="meeting.previous", priority=True),
        Binding("b", "blank", "Scherm uit", id="meeting.blank"),
        Binding("f5", "blank", "Scherm uit", id="meeting.blank_always", priority=True, show=False),
        Binding("full_stop", "blank", "Scherm uit", id="meeting.blank_clicker", show=False),
        Binding("t", "timeboxes", "Tijden", id="meeting.timeboxes"),
        Binding("f2", "cases", "Casussen", id="meeting.cases"),
        Binding("escape", "leave_field", "Uit tekstveld", id="meeting.leave_field", show=False),
    ]

    def __init__(self, case_id: str, meeting_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.meeting_id = meeting_id
        self.data: CaseData | None = None
        self.meeting: Meeting | None = None
        self.entered: datetime | None = None  # when the current stage was entered
        self.stage_key = STAGE_KEYS[0]

    def compose(self) -> ComposeResult:
        yield TopBar()
        with Horizontal(id="meeting-body"):
            with Vertical(id="left-column"):
                yield AgendaColumn()
                yield Static("", id="timer")
            with Vertical(id="stage-area"):
                yield StageHeader()
                with ContentSwitcher(id="stages"):
                    for pane in PANES.values():
                        yield pane()
        yield Footer(compact=True, show_command_palette=False)

    async def on_mount(self) -> None:
        await self.reload()
        if self.meeting is not None:
            self.go_to(self.meeting.current_stage, remember=False)
        self.set_interval(1, self.show_time)
        # show_time skips itself until the screen counts as mounted, which is only after this
        # handler: draw the timer box at once, not a second later (snapshots depend on it).
        self.call_after_refresh(self.show_time)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")

    def context(self) -> StageContext | None:
        if self.data is None or self.meeting is None:
            return None
        app = self.app
        return StageContext(self.data, self.meeting, app.names,  # type: ignore[attr-defined]
                            app.store.settings.privacy, app.clock.today(),  # type: ignore[attr-defined]
                            app.store.writable)  # type: ignore[attr-defined]

    async def reload(self) -> None:
        try:
            self.data = self.app.store.load(self.case_id)  # type: ignore[attr-defined]
        except KrachtError as error:
            self.notify(str(error), title="Kan de casus niet lezen", severity="error")
            return
        self.meeting = self.data.get(Meeting, self.meeting_id)
        context = self.context()
        if context is None:
            self.notify("Dit overleg bestaat niet meer.", severity="error")
            return
        closed = " · GESLOTEN" if not context.meeting.is_open else ""
        self.query_one(TopBar).show(
            f"{context.names.case_title(self.data.case)} · overleg {context.meeting.number} · "
            f"{day(context.meeting.date)}{closed}", context.privacy)
        self.set_class(context.read_only, "read-only")
        for pane in self.query(".stage-pane"):
            await pane.show(context)  # type: ignore[attr-defined]
        self.refresh_bindings()
        self.show_time()

    @property
    def current(self) -> str:
        return self.stage_key

    def show_time(self) -> None:
        if self.meeting is None or not self.is_mounted:
            return
        stage = self.current
        entered = self.entered if self.meeting.is_open else None
        view = time_view(self.meeting, stage, entered, self.app.clock.now())  # type: ignore[attr-defined]
        timer = self.query_one("#timer", Static)
        timer.update(describe(view))
        timer.set_class(view.stage_over or view.total_over, "over")

    def go_to(self, key: str, remember: bool = True) -> None:
        leaving = self.current
        self.stage_key = key
        self.query_one(ContentSwitcher).current = f"pane-{key}"
        self.query_one(AgendaColumn).show_current(key)
        self.query_one(StageHeader).show(STAGES[key])
        pane = self.query_one(f"#pane-{key}")
        if not pane.focus_first():  # type: ignore[attr-defined]
            self.query_one(AgendaColumn).focus()
        now = self.app.clock.now()  # type: ignore[attr-defined]
        if remember and self.meeting is not None and self.meeting.is_open and self.app.store.writable:  # type: ignore[attr-defined]
            meeting = self.meeting.replace(current_stage=key)
            if self.entered is not None and leaving != key:
                meeting = with_time_spent(meeting, leaving, self.entered, now)
            if meeting != self.meeting:
                self.meeting = meeting
                self.app.attempt(self.app.store.save, self.case_id, meeting)  # type: ignore[attr-defined]
        self.entered = now
        self.show_time()

    def save_time(self) -> None:
        """Keep the running stretch of the current stage and any text typed but not yet
        submitted (leaving the screen, quitting, a closed window or a crash): one write."""
        if self.meeting is None or not self.meeting.is_open or not self.app.store.writable:  # type: ignore[attr-defined]
            return
        now = self.app.clock.now()  # type: ignore[attr-defined]
        meeting = self.meeting
        if self.entered is not None:
            meeting = with_time_spent(meeting, self.current, self.entered, now)
        captures = self.query("#capture")
        if captures:
            meeting = with_draft(meeting, CAPTURE_STAGE, captures.first(Input).value)
        if meeting != self.meeting:
            self.meeting = meeting
            self.app.attempt(self.app.store.save, self.case_id, meeting)  # type: ignore[attr-defined]
        self.entered = now

    def on_unmount(self) -> None:
        self.save_time()

    def action_stage(self, step: int) -> None:
        self.go_to(neighbour(self.current, step))

    def on_agenda_column_stage_chosen(self, event: AgendaColumn.StageChosen) -> None:
        self.go_to(event.key)

    def action_cases(self) -> None:
        self.save_time()
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "timeboxes":  # a closed meeting, or a read-only second window: no key shown
            context = self.context()
            return context is not None and not context.read_only
        return True

    def action_timeboxes(self) -> None:
        """Change this meeting's minutes per stage."""
        meeting = self.meeting
        if meeting is None or not meeting.is_open:
            return
        fields = [FormField(key, f"{stage.title} (minuten)", str(meeting.timeboxes[key]))
                  for key, stage in STAGES.items()]

        def build(values: dict[str, Any]) -> Meeting:
            return meeting.replace(timeboxes=values)

        def done(answer: Meeting | None) -> None:
            if answer is not None:
                self.meeting = answer
                self.save_records(answer)

        self.app.push_screen(FormDialog("Tijd per onderdeel", fields, build), done)

    def action_blank(self) -> None:
        self.app.push_screen(BlankScreen())

    def action_leave_field(self) -> None:
        if isinstance(self.focused, Input):
            pane = self.query_one(f"#pane-{self.current}")
            board = pane.query("ListView, DataTable")
            (board.first() if board else self.query_one(AgendaColumn)).focus()

    # -- changes: saved the moment they are made ----------------------------------------

    def save_records(self, *records: Record, allow_closed: bool = False) -> None:
        if self.meeting is not None and not self.meeting.is_open and not allow_closed:
            self.notify("Dit overleg is gesloten. Heropen het bij Afsluiting (o).", severity="warning")
            return
        if self.app.attempt(self.app.store.save, self.case_id, *records):  # type: ignore[attr-defined]
            self.run_worker(self.reload(), exclusive=True, group="reload")

    def delete_record(self, record_type: type[Record], record_id: str) -> None:
        if self.meeting is not None and not self.meeting.is_open:
            self.notify("Dit overleg is gesloten. Heropen het bij Afsluiting (o).", severity="warning")
            return
        if self.app.attempt(self.app.store.delete, self.case_id, record_type, record_id):  # type: ignore[attr-defined]
            self.run_worker(self.reload(), exclusive=True, group="reload")

    def capture_strength(self, line: str, default: StrengthKind) -> None:
        assert self.data is not None and self.meeting is not None
        if not self.meeting.is_open:
            self.notify("Dit overleg is gesloten. Heropen het bij Afsluiting (o).", severity="warning")
            return
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
