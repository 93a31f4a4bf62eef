"""Every key of the screen the chair is on, in plain Dutch (F1 or ?). The footer shows only the
keys of the stage; this lists the rest too, grouped by where they work."""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from krachtoverleg.tui import literal


@dataclass(frozen=True)
class KeyLine:
    group: str  # "Dit onderdeel", "Overleg", "Altijd"
    keys: str  # as the keyboard says it: "PgDn", "a", "F9"
    description: str


CLOSING = "Escape of F1: sluiten. ↑ ↓: verder lezen. Ctrl+P: zoek een opdracht."


class KeysHelp(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,question_mark,q", "close", "Sluiten", id="help.close")]

    def __init__(self, title: str, lines: list[KeyLine], closing: str = CLOSING) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.lines = lines
        self.closing = closing

    def compose(self) -> ComposeResult:
        # The list scrolls (↑ ↓) between a title and a closing line that always stay in view.
        with Vertical(classes="dialog", id="keys-help"):
            yield Label(literal.text(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="help-body"):
                widest = max((len(line.keys) for line in self.lines), default=8)  # one key column for all
                for group in dict.fromkeys(line.group for line in self.lines):
                    yield Static(literal.text(group), classes="help-group")
                    table = Table.grid(padding=(0, 2))
                    table.add_column(justify="right", style="bold", min_width=widest)
                    table.add_column()
                    for line in self.lines:
                        if line.group == group:
                            table.add_row(Text(line.keys), Text(line.description))
                    yield Static(table, classes="help-lines")
            yield Static(self.closing, classes="hint help-close")

    def on_mount(self) -> None:
        self.query_one(".help-body", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss(None)
