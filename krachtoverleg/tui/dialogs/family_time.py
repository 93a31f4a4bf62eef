"""Besloten tijd on the shared screen: in large plain words, the professionals step out and the
family has its own time; a clock shows how long. Enter ends it and answers with the seconds the
family had; the meeting then writes down the family's plan."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.screen import ModalScreen
from textual.widgets import Digits, Static

from krachtoverleg.tui.services import services
from krachtoverleg.tui.widgets.big_words import BigWords


def clock_text(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class FamilyTimeScreen(ModalScreen[int]):
    BINDINGS = [
        Binding("enter,f7", "done", "Klaar: de familie vertelt het plan", id="family.done", priority=True),
    ]

    def __init__(self, already: int = 0) -> None:
        """`already`: seconds the family's time has run (a mirror joining while it runs)."""
        super().__init__()
        self.already = already
        self.started: datetime | None = None  # by the app's clock, once on screen

    def compose(self) -> ComposeResult:
        with Vertical(id="family-time"):
            yield BigWords("EIGEN TIJD", "VOOR DE FAMILIE", id="family-title")
            yield Static("De professionals gaan nu even de kamer uit.\n"
                         "De familie maakt samen een eigen plan.", id="family-words")
            with Center():
                yield Digits("00:00", id="family-clock")
            yield Static("Klaar? Druk op Enter. Dan vertelt de familie het plan, "
                         "en zetten we het samen op het scherm.", id="family-hint")

    def on_mount(self) -> None:
        self.started = services(self).clock.now() - timedelta(seconds=self.already)
        self._tick()
        self.set_interval(1, self._tick)

    def elapsed(self) -> int:
        if self.started is None:
            return self.already
        return max(0, int((services(self).clock.now() - self.started).total_seconds()))

    def _tick(self) -> None:
        self.query_one("#family-clock", Digits).update(clock_text(self.elapsed()))

    def action_done(self) -> None:
        self.dismiss(self.elapsed())
