"""What else the room wants in view during a stage, when the screen is wide enough: the plan so
far at the opening, who already helps while resources are listed, the goals next to the
ambitions, every step and who does it while actions are agreed.

Stages that show little by nature leave most of a large screen empty; this fills it with the
parts of the case the talk refers to. A stage has a glance by declaring its key in `GLANCES`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from krachtoverleg.core.models import Action, Decision, Goal, Meeting, NetworkMember, Strength
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import StrengthKind, Tie
from krachtoverleg.core.rules.planning import looking_back, review_actions
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.rules.wording import count, day


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[str, ...]
    empty: str = ""  # said instead of the lines when there are none


Glance = Callable[[CaseData, Meeting, Names], list[Section]]
GLANCES: dict[StageKey, Glance] = {}


def glance(key: StageKey) -> Callable[[Glance], Glance]:
    def register(function: Glance) -> Glance:
        if key in GLANCES:
            raise TypeError(f"two glances for stage {key}")
        GLANCES[key] = function
        return function

    return register


def sections_for(key: StageKey, data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    function = GLANCES.get(key)
    return function(data, meeting, names) if function else []


def _goals(data: CaseData) -> Section:
    lines = []
    for goal in sorted(data.all(Goal), key=lambda g: g.position):
        steps = data.steps_of(goal)
        reached = sum(s.reached for s in steps)
        lines.append(f"• {goal.text} ({reached} van {count(len(steps), 'stap', 'stappen')} gelukt)")
    return Section("Doelen", tuple(lines), "Nog geen doelen.")


def _open_actions(data: CaseData, meeting: Meeting, names: Names) -> Section:
    open_ones = [a for a in review_actions(data, meeting) if a.is_open]
    lines = tuple(f"• {a.what} ({names.owner(a, data)}, klaar op {day(a.due)})" for a in open_ones)
    return Section(f"Nog open ({len(open_ones)})", lines, "Geen open acties van eerder.")


@glance(StageKey.OPENING)
def _opening(data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    sections = [_goals(data), _open_actions(data, meeting, names)]
    agreed = looking_back(data, meeting)
    if agreed:
        sections.append(Section("Evaluatie en plan B", (agreed,)))
    return sections


@glance(StageKey.HULPBRONNEN)
def _resources(data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    helpers = sorted(data.all(NetworkMember), key=lambda m: list(Tie).index(m.tie))
    people = tuple(f"• {names.member(m)}: {', '.join(s.label for s in m.support) or m.tie.label}"
                   for m in helpers)
    owned = tuple(f"• {s.text}" for s in data.all(Strength) if s.kind is StrengthKind.IK_HEB)
    return [Section("Netwerk: wie helpt al", people, "Nog niemand in het netwerk."),
            Section("Krachten: ik heb", owned, "Nog niets bij 'ik heb'.")]


@glance(StageKey.AMBITIES)
def _ambitions(data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    question = data.case.hulpvraag
    return [Section("Hulpvraag", (f"“{question}”",) if question else (), "Nog geen hulpvraag."),
            _goals(data)]


@glance(StageKey.ACTIES)
def _actions(data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    with_action = {a.step_id for a in data.all(Action) if a.step_id and a.meeting_id == meeting.id}
    sections = []
    for goal in sorted(data.all(Goal), key=lambda g: g.position):
        lines = tuple(
            f"{'✓' if step.id in with_action else '•'} {step.text} ({names.carrier(step.decision, data)})"
            for step in data.steps_of(goal) if not step.reached)
        sections.append(Section(f"Doel: {goal.text}", lines, "Alle stappen gelukt."))
    if not sections:
        return [Section("Stappen", (), "Nog geen doelen en stappen.")]
    sections.append(Section("", ("✓ = er is al een actie voor deze stap",)))
    return sections


@glance(StageKey.TERUGBLIK)
def _review(data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    steps = []
    for goal in sorted(data.all(Goal), key=lambda g: g.position):
        for step in data.steps_of(goal):
            if not step.reached:
                steps.append(f"• {step.text} ({names.carrier(step.decision, data)})")
    return [_goals(data), Section("Nog te doen in het plan", tuple(steps), "Alle stappen zijn gelukt.")]


@glance(StageKey.AFSLUITING)
def _closing(data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    """Beside today's read-back (in the stage itself): the plan it adds to, and what is still
    open from earlier meetings, so nothing agreed before is forgotten when this one closes."""
    return [_goals(data), _open_actions(data, meeting, names)]


def read_back(data: CaseData, meeting: Meeting, names: Names) -> list[Section]:
    """Afsluiting reads back what was agreed today, by whom and when, before the meeting closes:
    in the stage itself at every size (it is what the room must see), not in a side column."""
    actions = sorted(data.actions_of(meeting), key=lambda a: a.due)
    lines = tuple(f"• {a.what} ({names.owner(a, data)}, klaar op {day(a.due)})" for a in actions)
    decided = sorted((d for d in data.all(Decision) if d.meeting_id == meeting.id), key=lambda d: d.number)
    return [Section(f"Vandaag afgesproken: {count(len(actions), 'actie', 'acties')}", lines,
                    "Nog geen acties afgesproken."),
            Section(f"Besluiten ({len(decided)})", tuple(f"{d.number}. {d.text}" for d in decided),
                    "Geen besluiten.")]
