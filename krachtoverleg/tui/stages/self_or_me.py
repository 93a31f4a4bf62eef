"""Zelf of ik? For every step: "Moet ik dit doen, of kan de cliënt dit zelf?"

zelf, netwerk (which person), samen, or professional; a professional takeover needs a reason
and a plan for handing the task back. The balance shows who carries the steps."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from krachtoverleg.core.models import NetworkMember, Step, StepDecision
from krachtoverleg.core.planning import balance, ordered_steps
from krachtoverleg.core.vocab import Carrier, Relation, TakeoverReason
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.core.wording import hand_back, takeover_reason
from krachtoverleg.tui.format import day, read_day

QUESTION = "Moet ik dit doen, of kan de cliënt dit zelf?"


def balance_text(context: StageContext) -> str:
    counts = balance(context.data)
    carried = counts.client_and_network
    bar = "█" * carried + "▒" * counts.together + "░" * counts.professional
    return (f"Balans: cliënt en netwerk {carried} █ · samen {counts.together} ▒ · "
            f"professional {counts.professional} ░ · nog kiezen {counts.open}\n{bar}")


class SelfOrMePane(Vertical):
    BINDINGS = [
        Binding("z", "choose('zelf')", "Zelf", id="zelf.zelf"),
        Binding("n", "choose('netwerk')", "Netwerk", id="zelf.netwerk"),
        Binding("s", "choose('samen')", "Samen", id="zelf.samen"),
        Binding("p", "choose('professional')", "Professional", id="zelf.professional"),
        Binding("x", "clear", "Wissen", id="zelf.clear"),
    ]

    def __init__(self) -> None:
        super().__init__(id="pane-zelf_of_ik", classes="stage-pane")
        self.context: StageContext | None = None
        self.steps: list[Step] = []

    def compose(self) -> ComposeResult:
        yield Static(QUESTION, id="question")
        table: DataTable[str] = DataTable(id="decisions", cursor_type="row", zebra_stripes=True)
        table.add_columns("Stap", "Wie doet het", "Waarom een professional", "Terug naar cliënt")
        yield table
        yield Static("", id="balance")

    async def show(self, context: StageContext) -> None:
        self.context = context
        self.steps = [s for s in ordered_steps(context.data) if not s.reached]
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for step in self.steps:
            decision = step.decision
            table.add_row(step.text, context.names.carrier(decision, context.data),
                          takeover_reason(decision), hand_back(decision))
        if self.steps:
            table.move_cursor(row=min(row, len(self.steps) - 1))
        else:
            table.add_row("Nog geen open stappen. Maak ze bij 'Doelen en stappen'.", "", "", "")
        self.query_one("#balance", Static).update(balance_text(context))

    def focus_first(self) -> bool:
        self.query_one(DataTable).focus()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.context is not None and self.context.read_only:
            return False
        return True

    def _selected(self) -> Step | None:
        if not self.steps:
            return None
        return self.steps[min(self.query_one(DataTable).cursor_row, len(self.steps) - 1)]

    def _save(self, step: Step | None) -> None:
        if step is not None:
            self.screen.save_records(step)  # type: ignore[attr-defined]

    def action_clear(self) -> None:
        step = self._selected()
        if step is not None:
            self._save(step.replace(decision=None))

    def action_choose(self, carrier: str) -> None:
        step, context = self._selected(), self.context
        if step is None or context is None:
            return
        chosen = Carrier(carrier)
        if chosen in (Carrier.ZELF, Carrier.SAMEN):
            self._save(step.replace(decision=StepDecision(chosen)))
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

        def build(values: dict[str, Any]) -> Step:
            if "hand_back_by" in values:
                values["hand_back_by"] = read_day(values["hand_back_by"], "Terug bij cliënt op",
                                                  required=False)
            return step.replace(decision=StepDecision(chosen, **values))

        self.app.push_screen(FormDialog(f"{chosen.label}: {step.text}", fields, build), self._save)


def _current(step: Step, carrier: Carrier) -> str | None:
    decision = step.decision
    return decision.member_id if decision and decision.carrier is carrier else None


