"""A black screen while the team talks about something private. The same key brings it back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static


class BlankScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("b,f5,full_stop,escape,pagedown,pageup", "back", "Scherm terug", id="blank.back",
                priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield Static("Scherm even uit · b: terug", id="blank-hint")

    def action_back(self) -> None:
        self.dismiss(None)
