"""The stage's title, its question to the room, and the agenda timer."""

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

    def show(self, stage: Stage) -> None:
        number = stage_index(stage.key)
        self.query_one("#stage-title", Static).update(f"{number} · {stage.title}  ({number + 1}/{len(AGENDA)})")
        self.query_one("#stage-prompt", Static).update(stage.prompt)

    def show_time(self, text: str, over: bool) -> None:
        clock = self.query_one("#stage-time", Static)
        clock.update(f"tijd {text}")
        clock.set_class(over, "over")
