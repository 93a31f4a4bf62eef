"""A stage whose own board is still to come: its question and what it will record."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from krachtoverleg.core.agenda import Stage


class StagePending(Vertical):
    def __init__(self, stage: Stage) -> None:
        super().__init__(id=f"pane-{stage.key}", classes="stage-pane")
        self.stage = stage

    def compose(self) -> ComposeResult:
        yield Static(f"Hier leggen we vast: {self.stage.records}.", classes="pending-records")
        yield Static("Praat hierover met elkaar. Dit onderdeel krijgt later een eigen bord; "
                     "PageDown gaat verder.", classes="hint")

    def focus_first(self) -> bool:
        return False  # nothing to type here yet: the agenda keeps focus
