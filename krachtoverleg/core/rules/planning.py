"""Rules of the plan that the stages, the minutes and the tests share: the balance of who
carries the steps, the successes to celebrate, numbering, and actions made from steps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from krachtoverleg.core.models import Action, Decision, Goal, Meeting, Step
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import (
    ActionStatus,
    Carrier,
    GoalStatus,
    MeetingStatus,
    OwnerKind,
)
from krachtoverleg.core.rules.hand_backs import due_at


@dataclass(frozen=True)
class Balance:
    client_and_network: int
    together: int
    professional: int
    open: int

    @property
    def decided(self) -> int:
        return self.client_and_network + self.together + self.professional


def balance(data: CaseData) -> Balance:
    steps = [s for s in data.all(Step) if not s.reached]
    carriers = [s.decision.carrier if s.decision else None for s in steps]
    return Balance(
        client_and_network=sum(c in (Carrier.ZELF, Carrier.NETWERK) for c in carriers),
        together=sum(c is Carrier.SAMEN for c in carriers),
        professional=sum(c is Carrier.PROFESSIONAL for c in carriers),
        open=sum(c is None for c in carriers),
    )


def ordered_steps(data: CaseData) -> list[Step]:
    """Every step, goal by goal in the goals' order."""
    goals = sorted(data.all(Goal), key=lambda g: g.position)
    return [step for goal in goals for step in data.steps_of(goal)]


def review_actions(data: CaseData, meeting: Meeting) -> list[Action]:
    """The actions to look back on: every action of the previous meeting (done ones are
    celebrated), and every action of any earlier meeting that is still open or partly done, so
    nothing agreed is ever dropped. Oldest meeting first."""
    previous = data.previous_meeting(meeting)
    if previous is None:
        return []
    order = {m.id: (m.date, m.number) for m in data.meetings()}
    before = order[previous.id]
    carried = [a for a in data.all(Action)
               if a.meeting_id in order and order[a.meeting_id] < before
               and (a.is_open or settled_since(a, previous, meeting))]
    return sorted(carried, key=lambda a: order[a.meeting_id]) + data.actions_of(previous)


def settled_since(action: Action, previous: Meeting, meeting: Meeting) -> bool:
    """Settled in this meeting, or between the previous meeting and this one: then it is still
    shown (and celebrated) here, not dropped the moment it is marked."""
    if action.settled_in_id is not None:
        return action.settled_in_id == meeting.id
    return action.settled_on is not None and previous.date < action.settled_on <= meeting.date


def settle(action: Action, status: ActionStatus, note: str, today: date,
           meeting: Meeting | None = None) -> Action:
    """The action marked: with the day, and the meeting it was marked in (None: from the list)."""
    return action.replace(status=status, note=note, settled_on=None if status is ActionStatus.OPEN else today,
                          settled_in_id=meeting.id if meeting and status is not ActionStatus.OPEN else None)


def reported_between(data: CaseData, action: Action) -> tuple[str, date] | None:
    """Who reported this action's progress between meetings (from their own action list on a
    team store), and when: the login in the change log. None when it was marked in a meeting."""
    from krachtoverleg.core.models import ChangeEntry

    if action.settled_in_id is not None or action.settled_on is None:
        return None
    entries = [e for e in data.all(ChangeEntry) if e.record_id == action.id and e.by]
    return (entries[-1].by, entries[-1].at.date()) if entries else None


def agreed_in(data: CaseData, action: Action) -> Meeting | None:
    """The meeting an action was agreed in."""
    return data.get(Meeting, action.meeting_id)


def successes(data: CaseData, meeting: Meeting) -> list[str]:
    """Small successes between the previous meeting and this one: steps reached and actions
    done. A step reached after this meeting belongs to a later meeting's list, so the minutes
    of a meeting say the same whenever they are made again."""
    previous = data.previous_meeting(meeting)
    since = previous.date if previous else date.min
    reached = [f"Stap gelukt: {s.text}" for s in data.all(Step)
               if s.reached and (s.reached_on is None or since <= s.reached_on <= meeting.date)]
    done = [f"Actie gedaan: {a.what}" for a in review_actions(data, meeting)
            if a.status is ActionStatus.DONE]
    back = [f"Weer bij de cliënt: {h.step.text}" for h in due_at(data, meeting) if h.done]
    goals = [f"Doel bereikt: {g.text}" for g in data.all(Goal)
             if g.status is GoalStatus.REACHED and g.status_on and since <= g.status_on <= meeting.date]
    return goals + reached + back + done


def looking_back(data: CaseData, meeting: Meeting) -> str:
    """What the previous meeting agreed about checking the plan: its evaluation date and plan B,
    said again when the next meeting looks back. Empty when there was nothing agreed."""
    previous = data.previous_meeting(meeting)
    if previous is None:
        return ""
    parts = []
    if previous.evaluation_date:
        parts.append(f"evaluatie op {previous.evaluation_date:%d-%m-%Y}")
    if previous.plan_b:
        parts.append(f"plan B: {previous.plan_b}")
    return f"Vorige keer (overleg {previous.number}) afgesproken: " + "; ".join(parts) if parts else ""


def next_decision_number(data: CaseData, meeting: Meeting) -> int:
    numbers = [d.number for d in data.all(Decision) if d.meeting_id == meeting.id]
    return max(numbers, default=0) + 1


def step_to_propose(steps: list[Step], data: CaseData, meeting: Meeting) -> Step | None:
    """The step an "action from a step" form proposes: the first one that has no action in this
    meeting yet (the first step of all when every step has one)."""
    with_action = {a.step_id for a in data.all(Action) if a.step_id and a.meeting_id == meeting.id}
    return next((s for s in steps if s.id not in with_action), steps[0] if steps else None)


def action_from_step(step: Step, meeting: Meeting, due: date) -> Action:
    """An action prefilled from the step's zelf-of-ik decision: the client for zelf and samen,
    the chosen person for netwerk and professional."""
    decision = step.decision
    member = decision.member_id if decision and decision.carrier in (
        Carrier.NETWERK, Carrier.PROFESSIONAL) else None
    return Action(meeting_id=meeting.id, what=step.text,
                  owner_kind=OwnerKind.MEMBER if member else OwnerKind.CLIENT,
                  owner_id=member, due=due, step_id=step.id)


def move_step(data: CaseData, step_id: str, offset: int) -> list[Patch]:
    """Move a step `offset` places within its goal, renumbering only the steps that moved.
    Worked out on the case as it stands, so held keys each move the step one more place."""
    step = data.get(Step, step_id)
    goal = data.get(Goal, step.goal_id) if step else None
    if step is None or goal is None:
        return []
    ordered = data.steps_of(goal)
    index = next(i for i, s in enumerate(ordered) if s.id == step_id)
    other = index + offset
    if not 0 <= other < len(ordered):
        return []
    ordered[index], ordered[other] = ordered[other], ordered[index]
    return [Patch(Step, s.id, {"position": n}) for n, s in enumerate(ordered) if s.position != n]


def move_goal(data: CaseData, goal_id: str, offset: int) -> list[Patch]:
    """The client's order of importance: move a goal `offset` places, from the order as it
    stands when the save runs (a held key keeps moving the same goal)."""
    ordered = sorted(data.all(Goal), key=lambda g: g.position)
    index = next((i for i, g in enumerate(ordered) if g.id == goal_id), None)
    if index is None or not 0 <= index + offset < len(ordered):
        return []
    ordered[index], ordered[index + offset] = ordered[index + offset], ordered[index]
    return [Patch(Goal, g.id, {"position": n}) for n, g in enumerate(ordered) if g.position != n]


def toggle_goal(data: CaseData, goal_id: str, status: GoalStatus, today: date) -> list[Patch]:
    """A goal reached (or stopped) today; the same key again makes it run again."""
    goal = data.get(Goal, goal_id)
    if goal is None:
        return []
    new = GoalStatus.ACTIVE if goal.status is status else status
    return [Patch(Goal, goal.id, {"status": new, "status_on": None if new is GoalStatus.ACTIVE else today})]


def toggle_reached(data: CaseData, step_id: str, today: date) -> list[Patch]:
    """Step reached on or off, from the step as it stands (two quick presses: on, then off)."""
    step = data.get(Step, step_id)
    if step is None:
        return []
    reached = not step.reached
    return [Patch(Step, step.id, {"reached": reached, "reached_on": today if reached else None})]


def reopen(meeting: Meeting) -> Patch:
    """Closing (see frozen.py) makes the meeting read-only (see editing.py); only this undoes it."""
    return Patch(Meeting, meeting.id, {"status": MeetingStatus.OPEN})
