"""The line at the top: where we are, and whether names are hidden."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static


class TopBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static("", id="top-title")
        yield Static("", id="top-privacy")

    def show(self, title: str, privacy: bool) -> None:
        self.query_one("#top-title", Static).update(title)
        badge = self.query_one("#top-privacy", Static)
        badge.update("F4 · namen verborgen" if privacy else "F4 · NAMEN ZICHTBAAR")
        badge.set_class(not privacy, "names-visible")
