"""What a meeting still lacks when the chair closes it (issue 23): an evaluation date, plan B, the
next meeting, a summary, a step whose carrier was not chosen, a chosen step that nobody acts on.
Closing names each with the stage and key that fix it; the chair may still close.

And the count closing says: the actions agreed in this meeting, and apart from them the ones
of earlier meetings that are still open (carried over), so "0 acties" is never said over three."""

from __future__ import annotations

from dataclasses import dataclass

from krachtoverleg.core.models import Action, Meeting, Step
from krachtoverleg.core.models.agenda import StageKey, stage_named
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.rules.hand_backs import hand_back_actions
from krachtoverleg.core.rules.planning import ordered_steps, review_actions
from krachtoverleg.core.rules.wording import count


@dataclass(frozen=True)
class Missing:
    what: str  # in plain Dutch, as the chair reads it out
    stage: StageKey  # where it is filled in
    key: str  # the key there that fills it in

    def said(self) -> str:
        return f"{self.what}: bij {stage_named(self.stage)}, toets {self.key}"


def missing_at_close(data: CaseData, meeting: Meeting) -> list[Missing]:
    missing = []
    if meeting.evaluation_date is None:
        missing.append(Missing("geen evaluatiedatum", StageKey.ACTIES, "v"))
    if not meeting.plan_b.strip():
        missing.append(Missing("geen plan B", StageKey.ACTIES, "p"))
    if meeting.next_meeting is None:
        missing.append(Missing("geen datum voor het volgende overleg", StageKey.AFSLUITING, "v"))
    if not meeting.summary.strip():
        missing.append(Missing("geen samenvatting", StageKey.AFSLUITING, "s"))
    steps = [step for step in ordered_steps(data) if not step.reached]
    acted_on = {action.step_id for action in data.all(Action) if action.is_open and action.step_id}
    undecided = [step for step in steps if step.decision is None]
    if undecided:
        missing.append(Missing(f"{count(len(undecided), 'stap', 'stappen')} nog zonder keuze wie het doet "
                               f"({_named(undecided)})", StageKey.ZELF_OF_IK, "z, n, s of p"))
    idle = [step for step in steps if step.decision is not None and step.id not in acted_on]
    if idle:
        missing.append(Missing(f"{count(len(idle), 'stap', 'stappen')} zonder actie ({_named(idle)})",
                               StageKey.ACTIES, "s"))
    return missing


def _named(steps: list[Step]) -> str:
    shown = ", ".join(f"“{step.text}”" for step in steps[:2])
    return shown + (f" en nog {len(steps) - 2}" if len(steps) > 2 else "")


@dataclass(frozen=True)
class ActionCount:
    agreed_here: int  # made in this meeting
    carried_open: int  # of earlier meetings, still open or partly done

    def said(self) -> str:
        if self.agreed_here:
            text = (f"In dit overleg {'is' if self.agreed_here == 1 else 'zijn'} "
                    f"{count(self.agreed_here, 'actie', 'acties')} afgesproken")
        else:
            text = "In dit overleg is nog geen actie afgesproken"
        if self.carried_open:
            text += (f"; van eerder {'staat' if self.carried_open == 1 else 'staan'} er nog "
                     f"{self.carried_open} open")
        return text + "."


def carried_work(data: CaseData, meeting: Meeting) -> list[Action]:
    """What is still to do from before this meeting, as the minutes' action list shows it: every
    earlier action still open or partly done (oldest first), then each professional's takeover
    still out, as its hand-back to the client."""
    carried = sorted((a for a in review_actions(data, meeting) if a.is_open), key=lambda a: a.due)
    return carried + [a for a in hand_back_actions(data) if a.is_open]


def action_count(data: CaseData, meeting: Meeting) -> ActionCount:
    return ActionCount(len(data.actions_of(meeting)), len(carried_work(data, meeting)))
