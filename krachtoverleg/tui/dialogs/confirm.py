"""Ask yes or no; answer True only on an explicit yes."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from krachtoverleg.tui import literal


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS = [
        Binding("escape,n", "answer(False)", "Nee", id="confirm.no"),
        Binding("j,y", "answer(True)", "Ja", id="confirm.yes"),
    ]

    def __init__(self, question: str, yes: str = "Ja, verwijderen", no: str = "Nee") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.yes = yes
        self.no = no
        self.answered = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal.text(self.question), classes="dialog-title")  # wraps, never cut off
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (j)", variant="error", id="yes", compact=True)
                yield Button(f"{self.no} (n)", id="no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()  # the safe answer is the default

    def action_answer(self, answer: bool) -> None:
        if not self.answered:  # "j j": one answer, not a second dismiss of the screen below
            self.answered = True
            self.dismiss(answer)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer(event.button.id == "yes")
