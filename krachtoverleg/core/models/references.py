"""Checks that records of one case point at records that exist. Used by import and `check`."""

from __future__ import annotations

from collections import Counter

from krachtoverleg.core.models import (
    CASE_RECORDS,
    Action,
    Decision,
    Goal,
    GoalScale,
    LadderScore,
    Meeting,
    NetworkMember,
    Snapshot,
    Step,
    Strength,
    ZrmScore,
)
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import OwnerKind


def reference_problems(data: CaseData) -> list[str]:
    problems: list[str] = []
    for record_type in CASE_RECORDS:
        counts = Counter(record.id for record in data.all(record_type))
        problems += [f"{record_type.LABEL}: id {rid} komt twee keer voor."
                     for rid, n in counts.items() if n > 1]
    meeting_numbers = Counter(m.number for m in data.all(Meeting))
    problems += [f"Er zijn {n} overleggen met nummer {number}; elk overleg heeft een eigen nummer."
                 for number, n in sorted(meeting_numbers.items()) if n > 1]
    meetings = {m.id for m in data.all(Meeting)}
    goals = {g.id for g in data.all(Goal)}
    steps = {s.id for s in data.all(Step)}
    members = {m.id for m in data.all(NetworkMember)}

    def need(ids: set[str], value: str | None, what: str, target: str) -> None:
        if value is not None and value not in ids:
            problems.append(f"{what} verwijst naar een {target} die er niet is ({value}).")

    for step in data.all(Step):
        need(goals, step.goal_id, f"Stap '{step.text}'", "doel")
        if step.decision is not None:
            need(members, step.decision.member_id, f"Stap '{step.text}'", "persoon")
    for action in data.all(Action):
        need(meetings, action.meeting_id, f"Actie '{action.what}'", "overleg")
        need(steps, action.step_id, f"Actie '{action.what}'", "stap")
        if action.owner_kind is OwnerKind.MEMBER:
            need(members, action.owner_id, f"Actie '{action.what}'", "persoon")
    for strength in data.all(Strength):
        need(meetings, strength.meeting_id, f"Kracht '{strength.text}'", "overleg")
    for meeting_ids, label in ([d.meeting_id for d in data.all(Decision)], Decision.LABEL), \
            ([z.meeting_id for z in data.all(ZrmScore)], ZrmScore.LABEL), \
            ([s.meeting_id for s in data.all(LadderScore)], LadderScore.LABEL):
        for meeting_id in meeting_ids:
            need(meetings, meeting_id, label, "overleg")
    for scale in data.all(GoalScale):
        need(meetings, scale.meeting_id, GoalScale.LABEL, "overleg")
        need(goals, scale.goal_id, GoalScale.LABEL, "doel")
    for snapshot in data.all(Snapshot):
        need(meetings, snapshot.meeting_id, Snapshot.LABEL, "overleg")
    for goal in data.all(Goal):
        need(meetings, goal.added_in_id, f"Doel '{goal.text}'", "overleg")
    for member in data.all(NetworkMember):
        need(meetings, member.added_in_id, NetworkMember.LABEL, "overleg")
    numbers = Counter((d.meeting_id, d.number) for d in data.all(Decision))
    problems += [f"Besluit nummer {number} komt twee keer voor in één overleg."
                 for (_, number), n in numbers.items() if n > 1]
    return problems
