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


def stage_left(view: TimeView) -> str:
    """Time left for this stage, or how far over it is: said in words, not only in colour."""
    if view.stage_over:
        return f"{clock_text(view.stage_used - view.stage_box)} te lang"
    return f"nog {clock_text(view.stage_box - view.stage_used)}"


def total_left(view: TimeView) -> str:
    if view.total_over:
        return f"{(view.total_used - view.total_box + 59) // 60} min te lang"
    return f"nog {(view.total_box - view.total_used + 59) // 60} min"


def describe(view: TimeView) -> str:
    """Two short lines for the timer box: the time left, which is what the chair steers by."""
    return (f"Dit deel: {stage_left(view)}\n  (gepland {clock_text(view.stage_box)})\n"
            f"Overleg: {total_left(view)}\n  (gepland {view.total_box // 60} min)")


def describe_short(view: TimeView) -> list[str]:
    """For a narrow screen, where the agenda folds into a strip: the parts, most needed first."""
    return [stage_left(view), f"totaal {total_left(view)}"]
