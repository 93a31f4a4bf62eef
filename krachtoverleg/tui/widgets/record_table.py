"""A table of one kind of record with add, change and remove from the keyboard. Each stage
describes its columns and its form; this widget does the rest and asks its screen to save."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from krachtoverleg.core.models.changes import Change, edit
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.rules.hidden import HIDEABLE, MARK, hidden_notice, is_hidden, toggle_hidden
from krachtoverleg.core.rules.removal import consequence, removal
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.fit import PLAIN, Fit
from krachtoverleg.tui.stages.base import Changes, StagePane
from krachtoverleg.tui.widgets.fitted_table import FittedTable, show_folded
from krachtoverleg.tui.widgets.sync import cursor_key

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    value: Callable[[R, StageContext], str]
    fit: Fit = PLAIN  # how it shares a narrow screen: see fit.py


def _marked(cells: list[str], record: Record) -> list[str]:
    """A hidden record (seen only with names shown) says so in its first cell."""
    if is_hidden(record) and cells:
        return [f"⊘ {cells[0]}", *cells[1:]]
    return cells


class RecordTable(Vertical, Generic[R]):
    BINDINGS = [
        stage_key("a", "add", "Toevoegen", "table.add"),
        stage_key("e", "edit", "Wijzig", "table.edit"),
        stage_key("delete", "delete", "Verwijderen", "table.delete"),
        stage_key("f8", "toggle_hidden", "Niet op het scherm (of weer wel)", "table.hidden", show=False),
    ]

    def __init__(
        self,
        title: str,
        columns: list[Column[R]],
        items: Callable[[StageContext], list[R]],
        fields: Callable[[R | None, StageContext], list[FormField]],
        build: Callable[[dict[str, Any], R | None, StageContext], R],
        describe: Callable[[R, StageContext], str],
        *,
        id: str,
        empty: str = "Nog niets.",
        empty_keys: str = "Druk op a om iets toe te voegen.",  # said only where the keys work
        item: tuple[str, bool] = ("gegeven", False),  # what one row is, and whether it is a het-word
    ) -> None:
        super().__init__(id=id, classes="record-table")
        self.title, self.columns, self.items = title, columns, items
        self.fields, self.build, self.describe = fields, build, describe
        self.empty, self.empty_keys = empty, empty_keys
        self.item, self.neuter = item
        self.context: StageContext | None = None
        self.records: dict[str, R] = {}
        self._added: str | None = None  # a record just added here: the cursor goes to it

    def compose(self) -> ComposeResult:
        yield Static(self.title, classes="table-title")
        yield FittedTable([(column.title, column.fit) for column in self.columns])
        yield Static("", classes="table-empty hint")
        yield Static("", classes="table-detail")

    @property
    def table(self) -> FittedTable:
        return self.query_one(FittedTable)

    def show(self, context: StageContext) -> None:
        self.context = context
        records = self.items(context)
        self.records = {record.id: record for record in records}
        self.table.set_rows([(record.id, _marked([column.value(record, context) for column in self.columns],
                                                 record)) for record in records])
        self.query_one(".table-title", Static).update(literal.text(f"{self.title} ({len(records)})"))
        said = f"{self.empty} {context.key(self.empty_keys)}".strip()
        self.query_one(".table-empty", Static).update("" if records else said)
        if self._added in self.records:
            # the new row in view and chosen: the room sees it, and the next key (+, -, e) acts on it
            self.table.move_cursor(row=list(self.records).index(self._added))
            self._added = None
        self.show_detail()

    def show_detail(self) -> None:
        """The columns a narrow screen folded away, for the selected row."""
        show_folded(self.table, self.query_one(".table-detail", Static))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_detail)

    def selected(self) -> R | None:
        key = cursor_key(self.table)
        return self.records.get(key) if key is not None else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A closed meeting is read-only; the footer hides the keys.
        read_only = self.context is not None and self.context.read_only
        if action == "toggle_hidden" and not issubclass(self._kind(), HIDEABLE):
            return False
        return not (action in ("add", "edit", "delete", "toggle_hidden") and read_only)

    def _kind(self) -> type[Record]:
        record = next(iter(self.records.values()), None)
        return type(record) if record is not None else Record

    def action_toggle_hidden(self) -> None:
        """F8: keep the selected record off the shared screen, or put it back."""
        record = self.selected()
        if record is None or not isinstance(record, HIDEABLE):
            return
        self.save(toggle_hidden(record))
        self.notify(hidden_notice(not is_hidden(record)), title=MARK, timeout=8)

    def save(self, *changes: Change) -> None:
        self.post_message(StagePane.SaveRequested(changes))

    def save_edit(self, before: R | None, after: R | None) -> None:
        if after is not None:
            if before is None:
                self._added = after.id
            self.save(edit(before, after))

    def save_worked_out(self, changes: Changes) -> None:
        self.post_message(StagePane.SaveRequested(changes))

    def open_form(self, title: str, record: R | None) -> None:
        context = self.context
        assert context is not None
        dialog = FormDialog(title, self.fields(record, context),
                            lambda values: self.build(values, record, context))

        self.app.push_screen(dialog, lambda answer: self.save_edit(record, answer))

    def action_add(self) -> None:
        self.open_form(f"{'Nieuw' if self.neuter else 'Nieuwe'} {self.item}", None)

    def action_edit(self) -> None:
        record = self.selected()
        if record is None:
            self.notify(f"{self.empty} {self.empty_keys}", severity="warning")
            return
        self.open_form(f"{self.item[:1].upper()}{self.item[1:]} wijzigen", record)

    def action_delete(self) -> None:
        record, context = self.selected(), self.context
        if record is None or context is None:
            return

        record_type, record_id = type(record), record.id

        def done(yes: bool | None) -> None:
            if yes:  # worked out when the save runs: what else goes, or why it may not
                self.save_worked_out(lambda data: removal(data, record_type, record_id))

        also = consequence(context.data, record_type, record_id)
        self.app.push_screen(ConfirmDialog(f"'{self.describe(record, context)}' verwijderen?{also}"), done)
