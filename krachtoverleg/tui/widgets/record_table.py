"""A table of one kind of record with add, change and remove from the keyboard. Each stage
describes its columns and its form; this widget does the rest and asks the screen to save."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from krachtoverleg.core.record import Record
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog, FormField

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    value: Callable[[R, StageContext], str]


class RecordTable(Vertical, Generic[R]):
    BINDINGS = [
        Binding("a", "add", "Erbij", id="table.add"),
        Binding("e", "edit", "Wijzig", id="table.edit"),
        Binding("delete", "delete", "Weg", id="table.delete"),
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
        empty: str = "Nog niets. Druk op a om iets toe te voegen.",
    ) -> None:
        super().__init__(id=id, classes="record-table")
        self.title, self.columns, self.items = title, columns, items
        self.fields, self.build, self.describe, self.empty = fields, build, describe, empty
        self.context: StageContext | None = None
        self.records: list[R] = []

    def compose(self) -> ComposeResult:
        yield Static(self.title, classes="table-title")
        table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
        table.add_columns(*(column.title for column in self.columns))
        yield table
        yield Static("", classes="table-empty hint")

    @property
    def table(self) -> DataTable[str]:
        return self.query_one(DataTable)

    def show(self, context: StageContext) -> None:
        self.context = context
        self.records = self.items(context)
        table = self.table
        row = table.cursor_row
        table.clear()
        for index, record in enumerate(self.records):
            table.add_row(*(column.value(record, context) for column in self.columns), key=str(index))
        if self.records:
            table.move_cursor(row=min(row, len(self.records) - 1))
        self.query_one(".table-title", Static).update(f"{self.title} ({len(self.records)})")
        self.query_one(".table-empty", Static).update("" if self.records else self.empty)

    def selected(self) -> R | None:
        if not self.records:
            return None
        return self.records[min(self.table.cursor_row, len(self.records) - 1)]

    def focus_table(self) -> None:
        self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add", "edit", "delete") and self.context is not None and self.context.read_only:
            return False  # a closed meeting is read-only; the footer hides the keys
        return True

    def open_form(self, title: str, record: R | None) -> None:
        context = self.context
        assert context is not None
        dialog = FormDialog(title, self.fields(record, context),
                            lambda values: self.build(values, record, context))
        self.app.push_screen(dialog, self._save)

    def _save(self, record: R | None) -> None:
        if record is not None:
            self.screen.save_records(record)  # type: ignore[attr-defined]

    def action_add(self) -> None:
        self.open_form(f"{self.title}: nieuw", None)

    def action_edit(self) -> None:
        record = self.selected()
        if record is None:
            self.notify(self.empty, severity="warning")
            return
        self.open_form(f"{self.title}: wijzigen", record)

    def action_delete(self) -> None:
        record, context = self.selected(), self.context
        if record is None or context is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.screen.delete_record(type(record), record.id)  # type: ignore[attr-defined]

        self.app.push_screen(ConfirmDialog(f"'{self.describe(record, context)}' verwijderen?"), done)
