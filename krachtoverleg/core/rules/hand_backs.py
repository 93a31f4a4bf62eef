"""A professional's takeover is temporary: it names how and by when the step goes back to the
client. That hand-back is followed up like an agreed action: it is in the professional's action
list and calendar, Terugblik shows it once it is due, and when the step goes back to the client
(or their network) the 'Gelukt' list celebrates it.

A hand-back is not stored as an action of its own: it is worked out from the step's decision,
so changing the takeover (another date, another professional) can never leave a stale copy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from krachtoverleg.core.models import Action, Meeting, Step, StepDecision
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import ActionStatus, Carrier, OwnerKind

BACK_TO_CLIENT = (Carrier.ZELF, Carrier.NETWERK)
ID_PREFIX = "terug-"  # the id of a hand-back's action: never the id of a stored action


@dataclass(frozen=True)
class HandBack:
    step: Step
    professional_id: str | None
    due: date
    plan: str
    done_on: date | None  # the day the step went back; None while the professional has it
    decided_in_id: str | None

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def as_action(self, data: CaseData) -> Action | None:
        """The hand-back as a row of the professional's action list (None: nobody named)."""
        if self.professional_id is None or data.member(self.professional_id) is None:
            return None
        meeting_id = self.decided_in_id or _latest_meeting_id(data, self.due)
        return Action(
            meeting_id=meeting_id or "-", what=f"Terug naar de cliënt: {self.step.text}",
            owner_kind=OwnerKind.MEMBER, owner_id=self.professional_id, due=self.due,
            check=self.plan, step_id=self.step.id,
            status=ActionStatus.DONE if self.done else ActionStatus.OPEN,
            id=f"{ID_PREFIX}{self.step.id}"[:64])


def _latest_meeting_id(data: CaseData, before: date) -> str | None:
    held = [m for m in data.meetings() if m.date <= before]
    return held[-1].id if held else None


def hand_backs(data: CaseData) -> list[HandBack]:
    """Every takeover with a hand-back date: still out, or handed back. By due date."""
    found = []
    for step in data.all(Step):
        decision = step.decision
        if decision is None or decision.hand_back_by is None:
            continue
        if decision.carrier is Carrier.PROFESSIONAL:
            found.append(HandBack(step, decision.member_id, decision.hand_back_by, decision.hand_back_plan,
                                  None, decision.decided_in_id))
        elif decision.handed_back:
            found.append(HandBack(step, decision.taken_over_by_id, decision.hand_back_by,
                                  decision.hand_back_plan, decision.handed_back_on, decision.decided_in_id))
    return sorted(found, key=lambda h: (h.due, h.step.text))


def hand_back_actions(data: CaseData) -> list[Action]:
    return [action for h in hand_backs(data) if (action := h.as_action(data)) is not None]


def is_hand_back(action: Action) -> bool:
    return action.id.startswith(ID_PREFIX)


def due_at(data: CaseData, meeting: Meeting) -> list[HandBack]:
    """For Terugblik: hand-backs still out whose date has come by this meeting, and the ones
    handed back since the previous meeting (celebrated)."""
    previous = data.previous_meeting(meeting)
    since = previous.date if previous else date.min
    return [h for h in hand_backs(data)
            if (not h.done and h.due <= meeting.date)
            or (h.done_on is not None and since <= h.done_on <= meeting.date)]


def decided(step: Step, chosen: StepDecision, meeting: Meeting, today: date) -> StepDecision:
    """The decision as it is stored: with the meeting that chose it, and, when a step that a
    professional had taken over goes back to the client or their network, with the takeover and
    the day it ended, so the hand-back is done rather than forgotten."""
    chosen = chosen.replace(decided_in_id=meeting.id)
    old = step.decision
    if old is None or chosen.carrier not in BACK_TO_CLIENT:
        return chosen
    ended: date | None
    if old.carrier is Carrier.PROFESSIONAL and old.hand_back_by is not None:
        ended, by = today, old.member_id
    elif old.handed_back:
        ended, by = old.handed_back_on, old.taken_over_by_id  # handed back before: keep it
    else:
        return chosen
    return chosen.replace(handed_back_on=ended, taken_over_by_id=by, reason=old.reason,
                          reason_text=old.reason_text, hand_back_plan=old.hand_back_plan,
                          hand_back_by=old.hand_back_by, decided_in_id=old.decided_in_id)


def state_of(hand_back: HandBack) -> str:
    if hand_back.done_on is not None:
        return f"✓ terug bij cliënt ({hand_back.done_on:%d-%m-%Y})"
    return "⟲ nog bij professional"
