"""Everything stored about one case, loaded at once, with the look-ups screens and exports need."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from krachtoverleg.core.models import (
    CASE_RECORDS,
    Action,
    Case,
    Goal,
    Meeting,
    NetworkMember,
    Step,
)
from krachtoverleg.core.models.changes import Applied
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.vocab import MeetingStatus

R = TypeVar("R", bound=Record)


@dataclass
class CaseData:
    case: Case
    records: dict[str, list[Record]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for record_type in CASE_RECORDS:
            self.records.setdefault(record_type.TABLE, [])

    def all(self, record_type: type[R]) -> list[R]:
        return self.records[record_type.TABLE]  # type: ignore[return-value]  # each table holds one type

    def get(self, record_type: type[R], record_id: str | None) -> R | None:
        return next((r for r in self.all(record_type) if r.id == record_id), None)

    def apply(self, applied: Applied) -> None:
        """Take in what a save wrote, in the order the case file keeps: the screen shows the
        records just written without reading the case again."""
        for record in applied.written:
            if isinstance(record, Case):
                self.case = record
                continue
            table = self.records[record.TABLE]
            index = next((i for i, r in enumerate(table) if r.id == record.id), None)
            if index is None:
                table.append(record)
            else:
                table[index] = record
        for record_type, record_id in applied.removed:
            table = self.records[record_type.TABLE]
            self.records[record_type.TABLE] = [r for r in table if r.id != record_id]

    def meetings(self) -> list[Meeting]:
        return sorted(self.all(Meeting), key=lambda m: (m.date, m.number))

    def meeting_on(self, day: date) -> Meeting | None:
        """The meeting held that day: the open one if there is one, else the last one closed."""
        held = [m for m in self.meetings() if m.date == day]
        return next((m for m in held if m.is_open), held[-1] if held else None)

    def previous_meeting(self, meeting: Meeting) -> Meeting | None:
        earlier = [m for m in self.meetings() if (m.date, m.number) < (meeting.date, meeting.number)]
        return earlier[-1] if earlier else None

    def member(self, member_id: str | None) -> NetworkMember | None:
        return self.get(NetworkMember, member_id)

    def steps_of(self, goal: Goal) -> list[Step]:
        return sorted((s for s in self.all(Step) if s.goal_id == goal.id), key=lambda s: s.position)

    def actions_of(self, meeting: Meeting) -> list[Action]:
        return [a for a in self.all(Action) if a.meeting_id == meeting.id]

    def open_actions(self) -> list[Action]:
        return [a for a in self.all(Action) if a.is_open]

    def planned_dates(self) -> list[date]:
        """Dates of meetings still to come: open meetings and the agreed next meetings."""
        return planned_from(
            [(m.date, m.number, m.status is MeetingStatus.OPEN, m.next_meeting) for m in self.all(Meeting)])

    def next_meeting_number(self) -> int:
        return max((m.number for m in self.all(Meeting)), default=0) + 1


def planned_from(meetings: list[tuple[date, int, bool, date | None]]) -> list[date]:
    """Meetings still to come: the date of every open meeting, and the next meeting agreed in
    the newest meeting. An older meeting's "next meeting" has been held (or replaced) since."""
    dates = {day for day, _, is_open, _ in meetings if is_open}
    if meetings:
        day, _, _, next_meeting = max(meetings, key=lambda m: (m[0], m[1]))
        if next_meeting is not None and next_meeting > day:
            dates.add(next_meeting)
    return sorted(dates)
