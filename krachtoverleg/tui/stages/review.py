"""Terugblik: last meeting's actions, each marked done, partly or not done with a short why;
and a visible list of what went well."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from krachtoverleg.core.models import Action
from krachtoverleg.core.planning import review_actions, successes
from krachtoverleg.core.vocab import ActionStatus
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.format import STATUS_SIGNS, day


class ReviewPane(Vertical):
    BINDINGS = [
        Binding("g", "mark('done')", "Gedaan", id="review.done"),
        Binding("d", "mark('partly')", "Deels", id="review.partly"),
        Binding("n", "mark('not_done')", "Niet gedaan", id="review.not_done"),
        Binding("o", "mark('open')", "Nog open", id="review.open"),
        Binding("w", "why", "Waarom", id="review.why"),
    ]

    def __init__(self) -> None:
        super().__init__(id="pane-terugblik", classes="stage-pane")
        self.context: StageContext | None = None
        self.actions: list[Action] = []

    def compose(self) -> ComposeResult:
        yield Static("Acties van het vorige overleg", classes="table-title")
        table: DataTable[str] = DataTable(id="review-actions", cursor_type="row", zebra_stripes=True)
        table.add_columns("Actie", "Hoe ging het", "Wie", "Klaar op", "Waarom")
        yield table
        yield Static("", id="successes")

    async def show(self, context: StageContext) -> None:
        self.context = context
        self.actions = review_actions(context.data, context.meeting)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for action in self.actions:
            table.add_row(action.what, STATUS_SIGNS[action.status],
                          context.names.owner(action, context.data), day(action.due), action.note or "-")
        if self.actions:
            table.move_cursor(row=min(row, len(self.actions) - 1))
        wins = successes(context.data, context.meeting)
        lines = "\n".join(f"★ {win}" for win in wins) or "Nog niets afgerond. Elke kleine stap telt."
        self.query_one("#successes", Static).update(f"GELUKT\n{lines}")
        if not self.actions:
            table.add_row("Er zijn geen acties van een vorig overleg.", "", "", "", "")

    def focus_first(self) -> bool:
        self.query_one(DataTable).focus()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.context is not None and self.context.read_only:
            return False
        return True

    def _selected(self) -> Action | None:
        if not self.actions:
            return None
        return self.actions[min(self.query_one(DataTable).cursor_row, len(self.actions) - 1)]

    def action_mark(self, status: str) -> None:
        action = self._selected()
        if action is None:
            return
        new = ActionStatus(status)
        if new in (ActionStatus.PARTLY, ActionStatus.NOT_DONE) and not action.note:
            self._ask_why(action, new)  # a short why belongs with partly and not done
            return
        self.screen.save_records(action.replace(status=new))  # type: ignore[attr-defined]

    def action_why(self) -> None:
        action = self._selected()
        if action is not None:
            self._ask_why(action, action.status)

    def _ask_why(self, action: Action, status: ActionStatus) -> None:
        fields = [FormField("note", f"Waarom {STATUS_SIGNS[status].split(' ', 1)[1]}? (kort)", action.note)]

        def build(values: dict[str, Any]) -> Action:
            return action.replace(status=status, note=values["note"])

        def done(answer: Action | None) -> None:
            if answer is not None:
                self.screen.save_records(answer)  # type: ignore[attr-defined]

        self.app.push_screen(FormDialog(action.what, fields, build), done)
