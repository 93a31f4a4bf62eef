"""The agenda timer: time used and left for the current stage and the whole meeting.

Time spent per stage is kept on the meeting (`stage_seconds`), so a restart does not reset it;
the running stretch since the stage was entered is added on top. Running over only changes the
display: the meeting never blocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from krachtoverleg.core.models import Meeting


@dataclass(frozen=True)
class TimeView:
    stage_used: int
    stage_box: int
    total_used: int
    total_box: int

    @property
    def stage_over(self) -> bool:
        return self.stage_used > self.stage_box

    @property
    def total_over(self) -> bool:
        return self.total_used > self.total_box


def time_view(meeting: Meeting, stage: str, entered: datetime | None, now: datetime) -> TimeView:
    running = int((now - entered).total_seconds()) if entered else 0
    running = max(running, 0)
    stage_used = meeting.stage_seconds.get(stage, 0) + running
    total_used = sum(meeting.stage_seconds.values()) + running
    return TimeView(stage_used, meeting.timeboxes[stage] * 60, total_used,
                    sum(meeting.timeboxes.values()) * 60)


def stage_seconds_with(meeting: Meeting, stage: str, entered: datetime, now: datetime) -> dict[str, int]:
    """The meeting's time per stage with the stretch since `entered` added to `stage`."""
    spent = max(int((now - entered).total_seconds()), 0)
    seconds = dict(meeting.stage_seconds)
    seconds[stage] = seconds.get(stage, 0) + spent
    return seconds


def clock_text(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def describe(view: TimeView) -> str:
    """Two short lines for the timer box; running over is said in words, not only in colour."""
    stage = f"Dit deel {clock_text(view.stage_used)} van {clock_text(view.stage_box)}"
    if view.stage_over:
        stage += f"\n  {clock_text(view.stage_used - view.stage_box)} te lang"
    total = f"Overleg {view.total_used // 60} van {view.total_box // 60} min"
    if view.total_over:
        total += "\n  te lang"
    return f"{stage}\n{total}"
