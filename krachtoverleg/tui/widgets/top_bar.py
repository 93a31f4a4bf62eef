"""The line at the top: where we are, and whether names are hidden.

One widget renders both parts, so the line is drawn the same way every time."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from krachtoverleg.tui.services import services


class TopBar(Static):
    def show(self, title: str, privacy: bool, read_only: str | None = None) -> None:
        """`read_only`: why this window only reads this case (a screen that knows says so)."""
        grid = Table.grid(expand=True)
        grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
        grid.add_column(justify="right", no_wrap=True)
        badge = (Text(" F9 · namen verborgen ", style="bold on dark_green") if privacy
                 else Text(" F9 · NAMEN ZICHTBAAR ", style="bold black on yellow"))
        app = services(self)
        store = app.store
        if app.mirror:  # the projector's window: it follows, it does not edit
            badge = Text(" namen verborgen ", style="bold on dark_green")
        elif read_only is not None:
            title = f"ALLEEN LEZEN ({read_only}) · {title}"
        elif not store.writable:
            title = f"ALLEEN LEZEN ({store.read_only_reason}) · {title}"
        grid.add_row(Text(f" {title}", style="bold"), badge)
        self.update(grid)
