"""A case at a glance: meetings over time, goals with steps reached out of steps planned, and
how many actions are done and still open. The case list's overview screen shows this."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from krachtoverleg.core.models import Action, Decision, Goal, ZrmScore
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import ActionStatus
from krachtoverleg.core.rules.hand_backs import hand_backs


@dataclass(frozen=True)
class MeetingLine:
    id: str
    number: int
    day: date
    closed: bool
    actions_agreed: int
    actions_done: int
    decisions: int
    zrm: str  # "Financiën 3, Huisvesting 4": only the domains that were scored


@dataclass(frozen=True)
class GoalLine:
    text: str
    life_domain: str
    reached: int
    planned: int


@dataclass(frozen=True)
class ActionCounts:
    open: int
    partly: int
    done: int
    not_done: int
    overdue: int

    @property
    def total(self) -> int:
        return self.open + self.partly + self.done + self.not_done


@dataclass(frozen=True)
class TakeoverCounts:
    """Steps a professional took over: handed back to the client, still out, and of those the
    ones past their hand-back date."""

    handed_back: int
    still_out: int
    overdue: int


@dataclass(frozen=True)
class CaseOverview:
    meetings: list[MeetingLine]
    goals: list[GoalLine]
    actions: ActionCounts
    takeovers: TakeoverCounts


def overview(data: CaseData, today: date) -> CaseOverview:
    meetings = []
    for meeting in data.meetings():
        agreed = data.actions_of(meeting)
        scores = sorted((s for s in data.all(ZrmScore) if s.meeting_id == meeting.id),
                        key=lambda s: s.domain)
        meetings.append(MeetingLine(
            id=meeting.id, number=meeting.number, day=meeting.date, closed=not meeting.is_open,
            actions_agreed=len(agreed),
            actions_done=sum(a.status is ActionStatus.DONE for a in agreed),
            decisions=sum(d.meeting_id == meeting.id for d in data.all(Decision)),
            zrm=", ".join(f"{s.domain} {s.level}" for s in scores)))
    goals = [GoalLine(g.text, g.life_domain or "", sum(s.reached for s in data.steps_of(g)),
                      len(data.steps_of(g)))
             for g in sorted(data.all(Goal), key=lambda g: g.position)]
    statuses = Counter(a.status for a in data.all(Action))
    counts = ActionCounts(
        open=statuses[ActionStatus.OPEN], partly=statuses[ActionStatus.PARTLY],
        done=statuses[ActionStatus.DONE], not_done=statuses[ActionStatus.NOT_DONE],
        overdue=sum(a.overdue(today) for a in data.all(Action)))
    returning = hand_backs(data)
    takeovers = TakeoverCounts(
        handed_back=sum(h.done for h in returning), still_out=sum(not h.done for h in returning),
        overdue=sum(not h.done and h.due < today for h in returning))
    return CaseOverview(meetings, goals, counts, takeovers)
