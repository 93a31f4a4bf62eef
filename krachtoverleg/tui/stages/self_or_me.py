"""Wie doet wat? For every step the method's question: "Moet ik dit doen, of kan de cliënt dit zelf?"

zelf, netwerk (which person), samen, or professional; a professional takeover needs a reason
and a plan for handing the task back. The balance shows who carries the steps."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Goal, NetworkMember, Step, StepDecision
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import Carrier, Relation, TakeoverReason
from krachtoverleg.core.rules.hand_backs import decided
from krachtoverleg.core.rules.planning import balance, ordered_steps
from krachtoverleg.core.rules.wording import hand_back, takeover_reason
from krachtoverleg.tui import ink
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.fit import Fit
from krachtoverleg.tui.format import day, read_day
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.balance_bar import BalanceBar
from krachtoverleg.tui.widgets.fitted_table import FittedTable, show_folded
from krachtoverleg.tui.widgets.sync import cursor_key

QUESTION = "Moet ik dit doen, of kan de cliënt dit zelf?"
WHO = Fit(min_width=20, priority=0, grow=2, max_lines=3)  # the heart of the method: never folds
WHY = Fit(min_width=16, priority=2)
STEP = Fit(min_width=40, priority=0, grow=3)
BACK = Fit(min_width=16, priority=3, grow=2)


# Each choice has a sign and a word; colour is only the third cue.
SIGNS: dict[Carrier | None, tuple[str, str]] = {
    Carrier.ZELF: ("█", f"bold {ink.CLIENT}"),
    Carrier.NETWERK: ("█", f"bold {ink.CLIENT}"),
    Carrier.SAMEN: ("▓", f"bold {ink.TOGETHER}"),
    Carrier.PROFESSIONAL: ("░", f"bold {ink.PROFESSIONAL}"),
    None: ("?", "bold"),
}
GOAL_ROW = "doel:"  # row keys of the goal headings; a choice key on one of them asks for a step


def who_cell(step: Step, context: StageContext) -> tuple[str, str]:
    carrier = step.decision.carrier if step.decision else None
    sign, style = SIGNS[carrier]
    return f"{sign} {context.names.carrier(step.decision, context.data)}", style


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
        self._last_row = 0

    def compose(self) -> ComposeResult:
        yield Static(QUESTION, id="question")
        yield FittedTable([("Stap", STEP), ("Wie doet het", WHO), ("Waarom", WHY),
                           ("Terug naar cliënt", BACK)], id="decisions")
        yield Static("", classes="table-detail", id="decision-detail")
        yield BalanceBar(id="balance")

    def refresh_view(self, context: StageContext) -> None:
        steps = [s for s in ordered_steps(context.data) if not s.reached]
        self.steps = {step.id: step for step in steps}
        rows: list[tuple[str, list[str]]] = []
        styles: dict[str, list[str]] = {}
        for goal in sorted(context.data.all(Goal), key=lambda g: g.position):
            open_steps = [s for s in steps if s.goal_id == goal.id]
            if not open_steps:
                continue
            rows.append((f"{GOAL_ROW}{goal.id}", [f"Doel: {goal.text}", "", "", ""]))
            styles[f"{GOAL_ROW}{goal.id}"] = ["bold underline", "", "", ""]
            for step in open_steps:
                who, style = who_cell(step, context)
                rows.append((step.id, [f"  {step.position + 1}. {step.text}", who,
                                       takeover_reason(step.decision), hand_back(step.decision)]))
                styles[step.id] = ["", style, "", ""]
        table = self.query_one(FittedTable)
        empty = ("", ["Nog geen open stappen. Maak ze bij 'Doelen en stappen'.", "", "", ""])
        table.set_rows(rows or [empty], styles)
        if table.row_count and cursor_key(table) not in self.steps:
            self._to_step(table, 1)  # start on a step, not on a goal's heading
        self.query_one(BalanceBar).show(balance(context.data))
        self.show_detail()

    def show_detail(self) -> None:
        """What a narrow screen folds away (why a professional, handing back), for this step."""
        show_folded(self.query_one(FittedTable), self.query_one("#decision-detail", Static))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # A goal's heading is not a step: ↑ and ↓ pass over it, so every key acts on a step.
        table = self.query_one(FittedTable)
        key = event.row_key.value
        if key is not None and key not in self.steps and self.steps:
            direction = 1 if event.cursor_row >= self._last_row else -1
            self._last_row = event.cursor_row
            self._to_step(table, direction)
            if cursor_key(table) not in self.steps:  # nothing further that way: back the other way
                self._to_step(table, -direction)
            return
        self._last_row = event.cursor_row
        self.show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_detail)

    def _to_step(self, table: FittedTable, direction: int) -> None:
        keys = [row.key.value for row in table.ordered_rows]
        row = table.cursor_row
        while 0 <= row < len(keys) and keys[row] not in self.steps:
            row += direction
        if 0 <= row < len(keys):
            table.move_cursor(row=row)

    def focus_target(self) -> Widget | None:
        return self.query_one(FittedTable)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.context is not None and self.context.read_only)

    def _selected(self) -> Step | None:
        key = cursor_key(self.query_one(DataTable))
        return self.steps.get(key) if key is not None else None

    def _decide(self, step: Step, decision: StepDecision | None) -> None:
        context = self.context
        if decision is not None and context is not None:
            # kept with the meeting that chose it; a takeover that ends is kept as handed back
            decision = decided(step, decision, context.meeting, context.today)
        self.save(Patch(Step, step.id, {"decision": decision}))

    def action_clear(self) -> None:
        step = self._selected()
        if step is not None:
            self._decide(step, None)

    def action_choose(self, carrier: str) -> None:
        step, context = self._selected(), self.context
        if step is None and self.steps:
            self.notify("Kies eerst een stap (een regel onder een doel) met ↑ of ↓.", severity="warning")
            return
        if step is None or context is None:
            return
        chosen = Carrier(carrier)
        if chosen is Carrier.ZELF:
            self._decide(step, StepDecision(chosen))
            return
        members = context.data.all(NetworkMember)
        if chosen is Carrier.SAMEN:  # the client, together with someone: say who (Enter: nobody named)
            people = list(members)
            fields = [FormField("member_id", "Samen met wie? (mag leeg)", _current(step, chosen), "select",
                                [(context.names.member(m), m.id) for m in people])]
        elif chosen is Carrier.NETWERK:
            people = [m for m in members if m.relation is not Relation.PROFESSIONALS]
            fields = [FormField("member_id", "Wie uit het netwerk doet dit?",
                                _current(step, chosen), "select",
                                [(context.names.member(m), m.id) for m in people])]
        else:
            people = [m for m in members if m.relation is Relation.PROFESSIONALS]
            old = step.decision if step.decision and step.decision.carrier is chosen else None
            fields = [
                FormField("member_id", "Welke professional neemt het over?", _current(step, chosen),
                          "select", [(context.names.member(m), m.id) for m in people]),
                FormField("reason", "Waarom doet een professional dit?",
                          old.reason.value if old and old.reason else None, "select",
                          [(r.label, r.value) for r in TakeoverReason]),
                FormField("hand_back_plan", "Hoe en wanneer komt de taak weer bij jou?",
                          old.hand_back_plan if old else "", "long"),
                FormField("hand_back_by", "Wanneer is de taak terug? (dd-mm-jjjj)",
                          day(old.hand_back_by) if old and old.hand_back_by else "", "date"),
                # last: only needed when the reason is "anders", so the common case skips it
                FormField("reason_text", "Uitleg (nodig bij 'anders')", old.reason_text if old else ""),
            ]

        def build(values: dict[str, Any]) -> StepDecision:
            if "hand_back_by" in values:
                values["hand_back_by"] = read_day(values["hand_back_by"], "Terug bij cliënt op",
                                                  required=False)
            decision = StepDecision(chosen, **values)
            if chosen is Carrier.PROFESSIONAL and people and not decision.member_id:
                raise ValidationError("Kies welke professional het overneemt: het teruggeven komt "
                                      "op diens actielijst.")
            return decision

        def done(decision: StepDecision | None) -> None:
            if decision is not None:
                self._decide(step, decision)

        self.app.push_screen(FormDialog(f"{chosen.label}: {step.text}", fields, build), done)


def _current(step: Step, carrier: Carrier) -> str | None:
    decision = step.decision
    return decision.member_id if decision and decision.carrier is carrier else None
