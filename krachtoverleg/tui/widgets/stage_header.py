"""The stage's title and its question to the room. On a narrow screen, where the agenda
column folds away, a strip above the title keeps the agenda in view: where we are, what comes
next, and the time left."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from krachtoverleg.core.models.agenda import AGENDA, STAGE_KEYS, Stage, StageKey, stage_index, stage_number
from krachtoverleg.tui import literal


class StageHeader(Vertical):
    def compose(self) -> ComposeResult:
        yield Static("", id="agenda-strip")
        yield Static("", id="stage-title")
        yield Static("", id="stage-prompt")

    def show(self, stage: Stage) -> None:
        self.stage = stage
        self.query_one("#stage-title", Static).update(f"{stage_number(stage.key)} · {stage.title}")
        self.query_one("#stage-prompt", Static).update(stage.prompt)
        self.show_time([])

    def show_time(self, time_parts: list[str]) -> None:
        """The strip: the ten stages as numbers, this one marked, the time left, the next stage
        named; what does not fit on one line is left out, least needed first."""
        key: StageKey = self.stage.key
        marks = " ".join(f"[{stage_number(s.key)}]" if s.key == key else str(stage_number(s.key))
                         for s in AGENDA)
        index = stage_index(key)
        after = [f"hierna: {AGENDA[index + 1].title}"] if index + 1 < len(STAGE_KEYS) else []
        room = (self.size.width or 80) - 2
        parts = [marks, *time_parts[:1], *after, *time_parts[1:]]
        while len(parts) > 1 and len(" · ".join(parts)) > room:
            parts.pop()
        self.query_one("#agenda-strip", Static).update(literal.text(" · ".join(parts)))
