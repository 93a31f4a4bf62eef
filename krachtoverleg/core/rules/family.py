"""Besloten tijd (Eigen Kracht-conferentie): the professionals step out and the family makes
its own plan, then presents it. The meeting keeps how long the family had, and while the
family's plan is being written down, every action and decision agreed is marked as made by the
family, on screen and in the minutes."""

from __future__ import annotations

from krachtoverleg.core.models import Action, Decision, Meeting
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change, Patch, Put

FAMILY_MARK = "♥\u00a0van\u00a0de\u00a0familie"  # beside what the family made; never broken over lines


def family_time_ended(meeting: Meeting, seconds: int) -> Patch:
    """The family's own time is over: keep how long it was, and start writing down its plan."""
    return Patch(Meeting, meeting.id, {"family_seconds": meeting.family_seconds + max(0, seconds),
                                       "family_plan_open": True})


def family_plan_done(meeting: Meeting) -> Patch:
    return Patch(Meeting, meeting.id, {"family_plan_open": False})


def as_family(changes: list[Change], meeting: Meeting) -> list[Change]:
    """New actions and decisions of this meeting, while the family's plan is written down, are
    the family's."""
    if not meeting.family_plan_open:
        return changes
    marked: list[Change] = []
    for change in changes:
        record = change.record if isinstance(change, Put) else None
        if isinstance(record, Action | Decision) and record.meeting_id == meeting.id and not record.by_family:
            marked.append(Put(record.replace(by_family=True)))
        else:
            marked.append(change)
    return marked


def family_plan(data: CaseData, meeting: Meeting) -> tuple[list[Action], list[Decision]]:
    return ([a for a in data.actions_of(meeting) if a.by_family],
            [d for d in data.all(Decision) if d.meeting_id == meeting.id and d.by_family])


def family_summary(data: CaseData, meeting: Meeting) -> str:
    """'De familie had 25 minuten eigen tijd en maakte een eigen plan: 2 acties en 1 besluit.'"""
    if not meeting.family_seconds and not meeting.family_plan_open:
        return ""
    actions, decisions = family_plan(data, meeting)
    minutes = max(1, round(meeting.family_seconds / 60)) if meeting.family_seconds else 0
    had = f"De familie had {minutes} {'minuut' if minutes == 1 else 'minuten'} eigen tijd" if minutes \
        else "De familie had eigen tijd"
    if not actions and not decisions:
        return f"{had} (besloten tijd)."
    made = (f"{len(actions)} {'actie' if len(actions) == 1 else 'acties'} en "
            f"{len(decisions)} {'besluit' if len(decisions) == 1 else 'besluiten'}")
    return f"{had} (besloten tijd) en maakte een eigen plan: {made}. Die staan hieronder met {FAMILY_MARK}."
