"""The stage's title, its question to the room, and its timebox."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from krachtoverleg.core.agenda import AGENDA, Stage, stage_index


class StageHeader(Vertical):
    def compose(self) -> ComposeResult:
        with Horizontal(id="stage-title-row"):
            yield Static("", id="stage-title")
            yield Static("", id="stage-time")
        yield Static("", id="stage-prompt")

    def show(self, stage: Stage, minutes: int) -> None:
        number = stage_index(stage.key)
        self.query_one("#stage-title", Static).update(f"{number} · {stage.title}")
        self.query_one("#stage-time", Static).update(
            f"{number + 1}/{len(AGENDA)} · {minutes} min")
        self.query_one("#stage-prompt", Static).update(stage.prompt)
