"""The stage's title and its question to the room."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from krachtoverleg.core.models.agenda import Stage, stage_index


class StageHeader(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="stage-title")
        yield Static("", id="stage-prompt")

    def show(self, stage: Stage) -> None:
        number = stage_index(stage.key)
        self.query_one("#stage-title", Static).update(f"{number} · {stage.title}")
        self.query_one("#stage-prompt", Static).update(stage.prompt)

