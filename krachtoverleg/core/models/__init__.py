"""Every record of a case, and the tables they live in."""

from krachtoverleg.core.models.case import Case, HouseholdMember
from krachtoverleg.core.models.history import ChangeEntry, Snapshot
from krachtoverleg.core.models.inventory import (
    Ambition,
    Need,
    NetworkMember,
    Resource,
    Strength,
)
from krachtoverleg.core.models.meeting import Action, Attendee, Decision, Meeting
from krachtoverleg.core.models.plan import Goal, Step, StepDecision
from krachtoverleg.core.models.scores import GoalScale, LadderScore, ZrmScore

# The record types stored in a case file besides the Case itself, in the order exports list them.
CASE_RECORDS = (
    Meeting, Strength, Resource, NetworkMember, Ambition, Need, Goal, Step, Action, Decision,
    ZrmScore, LadderScore, GoalScale, Snapshot, ChangeEntry,
)

__all__ = [
    "CASE_RECORDS",
    "Action",
    "Ambition",
    "Attendee",
    "Case",
    "ChangeEntry",
    "Decision",
    "Goal",
    "GoalScale",
    "HouseholdMember",
    "LadderScore",
    "Meeting",
    "Need",
    "NetworkMember",
    "Resource",
    "Snapshot",
    "Step",
    "StepDecision",
    "Strength",
    "ZrmScore",
]
