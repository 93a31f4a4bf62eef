"""Acties en afspraken: who does what, by when, and how we know it is done; numbered
decisions; the evaluation date; plan B for when things go differently."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Static

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Action, Decision, Meeting, NetworkMember, Step
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.vocab import OwnerKind
from krachtoverleg.core.rules.family import FAMILY_MARK
from krachtoverleg.core.rules.meetings import check_ahead
from krachtoverleg.core.rules.planning import (
    action_from_step,
    next_decision_number,
    ordered_steps,
    step_to_propose,
)
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.dialogs.tags import capital_field, dimension_field
from krachtoverleg.tui.fit import DATE, KEY, NUMBER, Fit
from krachtoverleg.tui.format import day, read_day
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.record_table import Column, RecordTable

CLIENT = "client"


def _owner_options(context: StageContext) -> list[tuple[str, str]]:
    people = [(context.names.member(m), m.id) for m in context.data.all(NetworkMember)]
    return [("cliënt", CLIENT), *people]


def _action_fields(action: Action | None, context: StageContext, proposed: bool = False,
                   owner_chosen: bool = True) -> list[FormField]:
    """`proposed`: the text comes from a step, not from the user; typing replaces it.
    `owner_chosen`: False for a step whose carrier the team has not chosen yet: "Wie doet het?"
    then starts empty, never on a choice nobody made."""
    owner = None
    if action and owner_chosen:
        owner = CLIENT if action.owner_kind is OwnerKind.CLIENT else action.owner_id
    return [
        FormField("what", "Wat gaan we doen?", action.what if action else "", proposed=proposed),
        FormField("owner", "Wie doet het?", owner, "select", _owner_options(context)),
        FormField("due", "Wanneer is het klaar? (dd-mm-jjjj)",
                  day(action.due) if action else day(context.today + timedelta(days=14)), "date"),
        FormField("check", "Hoe weten we dat het gelukt is?", action.check if action else ""),
        # last: optional, so the common action is saved before it (Enter in "check")
        capital_field(action.capital if action else None),
        dimension_field(action.dimension if action else None),
    ]


def _build_action(values: dict[str, Any], action: Action | None, context: StageContext) -> Action:
    owner = values["owner"]
    if not owner:
        raise ValidationError("Actie: kies wie het doet.")
    fields = {"what": values["what"], "due": read_day(values["due"], "Actie: wanneer klaar"),
                  "check": values["check"], "capital": values["capital"], "dimension": values["dimension"],
                  "owner_kind": OwnerKind.CLIENT if owner == CLIENT else OwnerKind.MEMBER,
                  "owner_id": None if owner == CLIENT else owner}
    if action:
        return action.replace(**fields)
    return Action(meeting_id=context.meeting.id, **fields)


def _decision_fields(decision: Decision | None, context: StageContext) -> list[FormField]:
    return [FormField("text", "Besluit", decision.text if decision else "")]


def _build_decision(values: dict[str, Any], decision: Decision | None, context: StageContext) -> Decision:
    if decision:
        return decision.replace(text=values["text"])
    return Decision(context.meeting.id, next_decision_number(context.whole, context.meeting), values["text"])


class ActionsTable(RecordTable[Action]):
    def action_from_step(self) -> None:
        context = self.context
        if context is None or context.read_only:
            return
        steps = [s for s in ordered_steps(context.data) if not s.reached]
        if not steps:
            self.notify("Er zijn geen open stappen.", severity="warning")
            return
        proposed = step_to_propose(steps, context.data, context.meeting)
        fields = [FormField("step", "Van welke stap maken we een actie?", proposed.id if proposed else None,
                            "select", [(s.text, s.id) for s in steps])]

        def build(values: dict[str, Any]) -> Step:
            step = context.data.get(Step, values["step"])
            if step is None:
                raise ValidationError("Kies een stap.")
            return step

        def chosen(step: Step | None) -> None:
            if step is not None:
                prefilled = action_from_step(step, context.meeting, context.today + timedelta(days=14))
                asked = _action_fields(prefilled, context, proposed=True,
                                       owner_chosen=step.decision is not None)
                dialog = FormDialog("Actie uit een stap", asked,
                                    lambda values: _build_action(values, prefilled, context))
                self.app.push_screen(dialog, lambda action: self.save_edit(None, action))

        self.app.push_screen(FormDialog("Actie uit een stap", fields, build), chosen)

class ActionsPane(StagePane, Vertical):
    """The evaluation date and plan B sit at the bottom, always in view: `v` or `p` changes
    them where the room sees it. The two tables share what is left and scroll themselves."""

    KEY = StageKey.ACTIES
    BINDINGS = [
        # the pane's, not the actions table's: it works from the decisions table too
        stage_key("s", "from_step", "Uit stap", "actions.from_step"),
        stage_key("v", "evaluation", "Evaluatie", "acties.evaluation"),
        stage_key("p", "plan_b", "Plan B", "acties.plan_b"),
    ]

    def compose(self) -> ComposeResult:
        yield ActionsTable(
            "Acties",
            [Column("Wat", lambda a, c: a.what + (f"  {FAMILY_MARK}" if a.by_family else ""), KEY),
             Column("Wie", lambda a, c: c.names.owner(a, c.data), Fit(min_width=18, priority=0)),
             Column("Afgesproken vóór", lambda a, c: day(a.due), DATE),
             Column("Hoe controleren", lambda a, c: a.check or "-", Fit(min_width=14, priority=3, grow=2))],
            lambda c: c.data.actions_of(c.meeting), _action_fields, _build_action,
            lambda a, c: a.what, id="actions", empty="Nog geen acties.",
            empty_keys="a = nieuw, s = uit een stap.",
            item=("actie", False))
        yield RecordTable(
            "Besluiten", [Column("Nr", lambda d, c: str(d.number), NUMBER),
                          Column("Besluit", lambda d, c: d.text + (f"  {FAMILY_MARK}" if d.by_family else ""),
                                 KEY)],
            lambda c: sorted((d for d in c.data.all(Decision) if d.meeting_id == c.meeting.id),
                             key=lambda d: d.number),
            _decision_fields, _build_decision, lambda d, c: f"Besluit {d.number}", id="decisions-table",
            item=("besluit", True))
        yield Static("", id="agreements")

    def refresh_view(self, context: StageContext) -> None:
        for table in self.query(RecordTable):
            table.show(context)
        meeting = context.meeting
        keys = (context.key("   (v)"), context.key("   (p)"))  # no key offered that does nothing
        self.query_one("#agreements", Static).update(literal.text(
            f"Evaluatie op: {day(meeting.evaluation_date)}{keys[0]}\n"
            f"Plan B, als het anders loopt: {meeting.plan_b or '-'}{keys[1]}"))

    def focus_target(self) -> Widget | None:
        return self.query_one("#actions", RecordTable).table

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.context is not None and self.context.read_only)

    def action_from_step(self) -> None:
        self.query_one("#actions", ActionsTable).action_from_step()

    def _edit_meeting(self, title: str, field: FormField, apply: Callable[[Meeting, Any], Meeting]) -> None:
        context = self.context
        assert context is not None
        meeting = context.meeting

        def build(values: dict[str, Any]) -> Meeting:
            return apply(meeting, values[field.name])

        self.app.push_screen(FormDialog(title, [field], build),
                             lambda answer: self.save_edit(meeting, answer))

    def action_evaluation(self) -> None:
        assert self.context is not None
        meeting = self.context.meeting
        self._edit_meeting("Evaluatiedatum", FormField(
            "evaluation_date", "Wanneer kijken we of het plan werkt? (dd-mm-jjjj)",
            day(meeting.evaluation_date) if meeting.evaluation_date else "", "date"),
            lambda m, v: m.replace(evaluation_date=check_ahead(
                m, read_day(v, "Evaluatiedatum", required=False), "Evaluatiedatum")))

    def action_plan_b(self) -> None:
        assert self.context is not None
        self._edit_meeting("Plan B", FormField("plan_b", "Wat doen we als het anders loopt?",
                                               self.context.meeting.plan_b, "long"),
                           lambda m, v: m.replace(plan_b=v))
