"""Zelf of ik? For every step: "Moet ik dit doen, of kan de cliënt dit zelf?"

zelf, netwerk (which person), samen, or professional; a professional takeover needs a reason
and a plan for handing the task back. The balance shows who carries the steps."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from krachtoverleg.core.models import NetworkMember, Step, StepDecision
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import Carrier, Relation, TakeoverReason
from krachtoverleg.core.rules.planning import balance, ordered_steps
from krachtoverleg.core.rules.wording import hand_back, takeover_reason
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.format import day, read_day
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.sync import cursor_key, sync_rows

QUESTION = "Moet ik dit doen, of kan de cliënt dit zelf?"


def balance_text(context: StageContext) -> str:
    counts = balance(context.data)
    carried = counts.client_and_network
    bar = "█" * carried + "▒" * counts.together + "░" * counts.professional
    return (f"Balans: cliënt en netwerk {carried} █ · samen {counts.together} ▒ · "
            f"professional {counts.professional} ░ · nog kiezen {counts.open}\n{bar}")


class SelfOrMePane(StagePane, Vertical):
    KEY = StageKey.ZELF_OF_IK
    BINDINGS = [
        stage_key("z", "choose('zelf')", "Zelf", "zelf.zelf"),
        stage_key("n", "choose('netwerk')", "Netwerk", "zelf.netwerk"),
        stage_key("s", "choose('samen')", "Samen", "zelf.samen"),
        stage_key("p", "choose('professional')", "Professional", "zelf.professional"),
        stage_key("x", "clear", "Wissen", "zelf.clear"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.steps: dict[str, Step] = {}

    def compose(self) -> ComposeResult:
        yield Static(QUESTION, id="question")
        table: DataTable[str] = DataTable(id="decisions", cursor_type="row", zebra_stripes=True)
        table.add_columns("Stap", "Wie doet het", "Waarom een professional", "Terug naar cliënt")
        yield table
        yield Static("", id="balance")

    def refresh_view(self, context: StageContext) -> None:
        steps = [s for s in ordered_steps(context.data) if not s.reached]
        self.steps = {step.id: step for step in steps}
        rows = [(s.id, [s.text, context.names.carrier(s.decision, context.data), takeover_reason(s.decision),
                        hand_back(s.decision)]) for s in steps]
        sync_rows(self.query_one(DataTable), rows or [
            ("", ["Nog geen open stappen. Maak ze bij 'Doelen en stappen'.", "", "", ""])])
        self.query_one("#balance", Static).update(balance_text(context))

    def focus_target(self) -> Widget | None:
        return self.query_one(DataTable)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.context is not None and self.context.read_only)

    def _selected(self) -> Step | None:
        key = cursor_key(self.query_one(DataTable))
        return self.steps.get(key) if key is not None else None

    def _decide(self, step: Step, decision: StepDecision | None) -> None:
        self.save(Patch(Step, step.id, {"decision": decision}))

    def action_clear(self) -> None:
        step = self._selected()
        if step is not None:
            self._decide(step, None)

    def action_choose(self, carrier: str) -> None:
        step, context = self._selected(), self.context
        if step is None or context is None:
            return
        chosen = Carrier(carrier)
        if chosen in (Carrier.ZELF, Carrier.SAMEN):
            self._decide(step, StepDecision(chosen))
            return
        members = context.data.all(NetworkMember)
        if chosen is Carrier.NETWERK:
            people = [m for m in members if m.relation is not Relation.PROFESSIONALS]
            fields = [FormField("member_id", "Wie uit het netwerk doet dit?",
                                _current(step, chosen), "select",
                                [(context.names.member(m), m.id) for m in people])]
        else:
            people = [m for m in members if m.relation is Relation.PROFESSIONALS]
            old = step.decision if step.decision and step.decision.carrier is chosen else None
            fields = [
                FormField("member_id", "Welke professional? (mag leeg)", _current(step, chosen), "select",
                          [(context.names.member(m), m.id) for m in people]),
                FormField("reason", "Waarom doet een professional dit?",
                          old.reason.value if old and old.reason else None, "select",
                          [(r.label, r.value) for r in TakeoverReason]),
                FormField("reason_text", "Uitleg (nodig bij 'anders')", old.reason_text if old else ""),
                FormField("hand_back_plan", "Hoe gaat de taak terug naar de cliënt?",
                          old.hand_back_plan if old else ""),
                FormField("hand_back_by", "Wanneer is de taak terug? (dd-mm-jjjj)",
                          day(old.hand_back_by) if old and old.hand_back_by else ""),
            ]

        def build(values: dict[str, Any]) -> StepDecision:
            if "hand_back_by" in values:
                values["hand_back_by"] = read_day(values["hand_back_by"], "Terug bij cliënt op",
                                                  required=False)
            return StepDecision(chosen, **values)

        def done(decision: StepDecision | None) -> None:
            if decision is not None:
                self._decide(step, decision)

        self.app.push_screen(FormDialog(f"{chosen.label}: {step.text}", fields, build), done)


def _current(step: Step, carrier: Carrier) -> str | None:
    decision = step.decision
    return decision.member_id if decision and decision.carrier is carrier else None
