"""Removing a record without leaving anything behind that points at nothing.

A goal takes its steps and the client's scores on it with it; a removed step no longer numbers
in its goal, and actions made from it keep their text but lose the link. A person who still
carries steps or actions is not removed: the team hands those to someone else first, so nothing
agreed loses its owner."""

from __future__ import annotations

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Action, Goal, GoalScale, NetworkMember, Step
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change, Patch, Remove
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.vocab import OwnerKind


def removal(data: CaseData, record_type: type[Record], record_id: str) -> list[Change]:
    if record_type is Goal:
        steps = [s for s in data.all(Step) if s.goal_id == record_id]
        unlinked = [change for s in steps for change in _unlinked(data, s.id)]
        scales = [Remove(GoalScale, s.id) for s in data.all(GoalScale) if s.goal_id == record_id]
        return [*unlinked, *(Remove(Step, s.id) for s in steps), *scales, Remove(Goal, record_id)]
    if record_type is Step:
        step = data.get(Step, record_id)
        goal = data.get(Goal, step.goal_id) if step else None
        rest = [s for s in data.steps_of(goal) if s.id != record_id] if goal else []
        renumbered = [Patch(Step, s.id, {"position": n}) for n, s in enumerate(rest) if s.position != n]
        return [*_unlinked(data, record_id), Remove(Step, record_id), *renumbered]
    if record_type is NetworkMember:
        actions, steps = carried_by(data, record_id)
        if actions or steps:
            raise ValidationError(
                f"Deze persoon kan niet weg: er staan nog {_count(len(actions), 'actie', 'acties')} en "
                f"{_count(len(steps), 'stap', 'stappen')} op naam. Geef die eerst aan iemand anders.")
    return [Remove(record_type, record_id)]


def consequence(data: CaseData, record_type: type[Record], record_id: str) -> str:
    """What else a removal takes with it, for the confirmation question ('' if nothing)."""
    if record_type is Goal:
        steps = sum(1 for s in data.all(Step) if s.goal_id == record_id)
        return f" De {_count(steps, 'stap', 'stappen')} van dit doel gaan ook weg." if steps else ""
    return ""


def carried_by(data: CaseData, member_id: str) -> tuple[list[Action], list[Step]]:
    actions = [a for a in data.all(Action) if a.owner_kind is OwnerKind.MEMBER and a.owner_id == member_id]
    steps = [s for s in data.all(Step) if s.decision is not None and s.decision.member_id == member_id]
    return actions, steps


def _unlinked(data: CaseData, step_id: str) -> list[Change]:
    """Actions made from a removed step stay (they were agreed); they only lose the link."""
    return [Patch(Action, a.id, {"step_id": None}) for a in data.all(Action) if a.step_id == step_id]


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
