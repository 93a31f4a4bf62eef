"""Doelen en stappen: goals in the client's words with a life domain; each goal with ordered
small steps, and a step can be marked reached."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import DataTable

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Goal, Step
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.instruments import LIFE_DOMAINS
from krachtoverleg.core.models.vocab import GoalStatus
from krachtoverleg.core.rules.planning import move_goal, move_step, toggle_goal, toggle_reached
from krachtoverleg.core.rules.wording import goal_state
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormField
from krachtoverleg.tui.dialogs.tags import capital_field, dimension_field
from krachtoverleg.tui.fit import KEY, NUMBER, Fit
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.record_table import Column, RecordTable


def _goal_fields(goal: Goal | None, context: StageContext) -> list[FormField]:
    return [
        FormField("text", "Doel, in je eigen woorden", goal.text if goal else ""),
        FormField("life_domain", "Levensgebied (mag leeg)", goal.life_domain if goal else None,
                  "select", [(d, d) for d in LIFE_DOMAINS]),
        capital_field(goal.capital if goal else None),
        dimension_field(goal.dimension if goal else None),
    ]


def _build_goal(values: dict[str, Any], goal: Goal | None, context: StageContext) -> Goal:
    if goal:
        return goal.replace(**values)
    position = max((g.position for g in context.data.all(Goal)), default=-1) + 1
    return Goal(**values, position=position, added_in_id=context.meeting.id)


def _rank(goal: Goal, context: StageContext) -> str:
    """1 is what matters most to the client (positions can have gaps after a removal)."""
    ordered = sorted(context.data.all(Goal), key=lambda g: g.position)
    return str(next(i for i, g in enumerate(ordered, start=1) if g.id == goal.id))


class GoalsTable(RecordTable[Goal]):
    BINDINGS = [
        stage_key("r", "status('reached')", "Bereikt", "goals.reached"),
        stage_key("x", "status('stopped')", "Gestopt", "goals.stopped"),
        # in the help (F1), not the footer: at 80 columns it has room for the keys above
        stage_key("plus", "move(1)", "Minder belangrijk", "goals.later", show=False),
        stage_key("minus", "move(-1)", "Belangrijker", "goals.earlier", show=False),
    ]

    def action_status(self, status: str) -> None:
        goal, context = self.selected(), self.context
        if goal is None or context is None:
            return
        today, chosen = context.today, GoalStatus(status)
        self.save_worked_out(lambda data: toggle_goal(data, goal.id, chosen, today))

    def action_move(self, offset: int) -> None:
        goal = self.selected()  # the cursor follows the goal, so a held key keeps moving it
        if goal is not None:
            self.save_worked_out(lambda data: move_goal(data, goal.id, offset))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("status", "move") and self.context is not None and self.context.read_only:
            return False
        return super().check_action(action, parameters)


def _progress(goal: Goal, context: StageContext) -> str:
    steps = context.data.steps_of(goal)
    return f"{sum(s.reached for s in steps)} van {len(steps)}"


class StepsTable(RecordTable[Step]):
    BINDINGS = [
        stage_key("r", "reached", "Gelukt aan/uit", "steps.reached"),
        stage_key("plus", "move(1)", "Later", "steps.later"),
        stage_key("minus", "move(-1)", "Eerder", "steps.earlier"),
    ]

    def action_reached(self) -> None:
        step, context = self.selected(), self.context
        if step is None or context is None:
            return
        today = context.today
        self.save_worked_out(lambda data: toggle_reached(data, step.id, today))

    def action_move(self, offset: int) -> None:
        # Worked out when the save runs, from the steps as they stand then; the cursor follows
        # the step, so a held key keeps moving the same step.
        step = self.selected()
        if step is not None:
            self.save_worked_out(lambda data: move_step(data, step.id, offset))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("reached", "move") and self.context is not None and self.context.read_only:
            return False
        return super().check_action(action, parameters)


class GoalsPane(StagePane, Horizontal):
    KEY = StageKey.DOELEN
    EXTRA_CLASSES = "side-by-side"

    def __init__(self) -> None:
        super().__init__()
        self.goal: Goal | None = None

    def compose(self) -> ComposeResult:
        yield GoalsTable(
            "Doelen, het belangrijkste eerst", [
                Column("Nr", _rank, NUMBER),
                Column("Doel", lambda g, c: g.text + ("  ✚ nieuw" if g.added_in_id == c.meeting.id else ""),
                       KEY),
                Column("Stand", lambda g, c: goal_state(g), Fit(min_width=9, priority=0, grow=0)),
                Column("Levensgebied", lambda g, c: g.life_domain or "-", Fit(min_width=12, priority=3)),
                Column("Stappen gelukt", _progress, Fit(min_width=8, priority=1, grow=0))],
            lambda c: sorted(c.data.all(Goal), key=lambda g: g.position), _goal_fields, _build_goal,
            lambda g, c: g.text, id="goals", item=("doel", True))
        yield StepsTable(
            "Stappen van het gekozen doel",
            [Column("Nr", lambda s, c: str(s.position + 1), NUMBER),
             Column("Stap", lambda s, c: s.text, KEY),
             Column("Gelukt", lambda s, c: "✓ gelukt" if s.reached else "○ nog niet",
                    Fit(min_width=8, priority=0, grow=0))],
            self._steps, self._step_fields, self._build_step, lambda s, c: s.text, id="steps",
            item=("stap", False),
            empty="Nog geen stappen.", empty_keys="Kies een doel en druk op a.")

    def _steps(self, context: StageContext) -> list[Step]:
        return context.data.steps_of(self.goal) if self.goal else []

    def _step_fields(self, step: Step | None, context: StageContext) -> list[FormField]:
        return [FormField("text", f"Kleine stap naar: {self.goal.text if self.goal else '?'}",
                          step.text if step else "")]

    def _build_step(self, values: dict[str, Any], step: Step | None, context: StageContext) -> Step:
        if step:
            return step.replace(text=values["text"])
        if self.goal is None:
            raise ValidationError("Maak eerst een doel (links), dan de stappen.")
        steps = context.data.steps_of(self.goal)
        return Step(self.goal.id, values["text"], position=max((s.position for s in steps), default=-1) + 1)

    def refresh_view(self, context: StageContext) -> None:
        goals_table: RecordTable[Goal] = self.query_one("#goals", RecordTable)
        goals_table.show(context)
        self.goal = goals_table.selected()
        self.query_one("#steps", StepsTable).show(context)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        goals_table: RecordTable[Goal] = self.query_one("#goals", RecordTable)
        if event.data_table is goals_table.table and goals_table.context is not None:
            goal = goals_table.selected()
            if (goal and goal.id) != (self.goal and self.goal.id):
                self.goal = goal
                self.query_one("#steps", StepsTable).show(goals_table.context)

    def focus_target(self) -> Widget | None:
        return self.query_one("#goals", RecordTable).table
