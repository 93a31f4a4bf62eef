"""Terugblik: last meeting's actions, each marked done, partly or not done with a short why;
and a visible list of what went well."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from krachtoverleg.core.models import Action, Meeting, Step, StepDecision
from krachtoverleg.core.models.agenda import StageKey, stage_named
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import ActionStatus, Carrier
from krachtoverleg.core.rules.hand_backs import HandBack, decided, due_at, state_of
from krachtoverleg.core.rules.planning import (
    agreed_in,
    looking_back,
    reported_between,
    review_actions,
    settle,
    successes,
)
from krachtoverleg.core.rules.progress import short_summary, summary_lines
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.dialogs.measure import domains_dialog, measure_dialog
from krachtoverleg.tui.fit import DATE, KEY, Fit
from krachtoverleg.tui.format import STATUS_SIGNS, day
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.fitted_table import FittedTable, show_folded
from krachtoverleg.tui.widgets.sync import cursor_key


class ReviewPane(StagePane, Vertical):
    KEY = StageKey.TERUGBLIK
    BINDINGS = [
        stage_key("g", "mark('done')", "Gedaan", "review.done"),
        stage_key("d", "mark('partly')", "Deels", "review.partly"),
        stage_key("n", "mark('not_done')", "Niet gedaan", "review.not_done"),
        stage_key("o", "mark('open')", "Nog open", "review.open"),
        stage_key("w", "why", "Waarom", "review.why"),
        stage_key("m", "measure", "Waar staan we?", "review.measure"),
        # which ZRM domains: chosen once, changed rarely, so in the help (F1) rather than the footer
        stage_key("k", "domains", "ZRM-domeinen kiezen", "review.domains", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.actions: dict[str, Action] = {}
        self.hand_backs: dict[str, HandBack] = {}  # by row key: takeovers whose date has come
        self.wins: list[str] | None = None  # the successes shown

    def compose(self) -> ComposeResult:
        yield Static("Terugkijken: acties van het vorige overleg en wat nog open was", classes="table-title")
        yield FittedTable([("Actie", KEY), ("Hoe ging het", Fit(min_width=12, priority=0, max_lines=3)),
                           ("Wie", Fit(min_width=18, priority=1)), ("Afgesproken vóór", DATE),
                           ("Waarom", Fit(min_width=14, priority=3, grow=2)),
                           ("Afgesproken in", Fit(min_width=12, priority=4, grow=0))], id="review-actions")
        yield Static("", classes="table-detail", id="review-detail")
        yield Static("", id="looking-back")
        yield Static("", id="measures")
        yield Static("", id="measures-short")  # a small screen: one line, the actions keep their rows
        with VerticalScroll(id="successes"):  # a long list scrolls, with a bar that shows there is more
            yield Static("", id="successes-text")

    def refresh_view(self, context: StageContext) -> None:
        actions = review_actions(context.data, context.meeting)
        self.actions = {action.id: action for action in actions}
        rows = [(a.id, [a.what, _how(context, a), context.names.owner(a, context.data), day(a.due),
                        a.note or "-", _agreed(context, a)]) for a in actions]
        returning = due_at(context.data, context.meeting)
        self.hand_backs = {f"{HAND_BACK_ROW}{h.step.id}": h for h in returning}
        rows += [(key, [f"Terug naar de cliënt: {h.step.text}", state_of(h),
                        _professional(context, h), day(h.due), h.plan or "-",
                        _decided(context, h)]) for key, h in self.hand_backs.items()]
        self.query_one(FittedTable).set_rows(rows or [
            ("", ["Er zijn geen acties van een vorig overleg.", "", "", "", "", ""])])
        self.show_detail()
        agreed = looking_back(context.data, context.meeting)
        back = self.query_one("#looking-back", Static)
        back.display = bool(agreed)
        back.update(literal.text(agreed))
        where = f"Waar staan we?{context.key(' (m)')} "
        self.query_one("#measures", Static).update(literal.text(
            where + "\n".join(summary_lines(context.data, context.meeting))))
        self.query_one("#measures-short", Static).update(literal.text(
            where + short_summary(context.data, context.meeting)))
        self._show_successes(successes(context.data, context.meeting))

    def _show_successes(self, wins: list[str]) -> None:
        """One line per success; a success just added is scrolled into view, so the room sees
        what it just celebrated also when the list is longer than its box."""
        if wins == self.wins:
            return
        new = [win for win in wins if self.wins is not None and win not in self.wins]
        self.wins = wins
        self.query_one("#successes-text", Static).update(f"GELUKT ({len(wins)})" if wins else "GELUKT")
        box = self.query_one("#successes", VerticalScroll)
        box.remove_children(".success")
        lines = [Static(literal.text(f"★ {win}"), classes="success") for win in wins] or [
            Static("Nog niets afgerond. Elke kleine stap telt.", classes="success")]
        box.mount_all(lines)
        if new and self.is_mounted:
            newest = lines[wins.index(new[-1])]
            box.call_after_refresh(box.scroll_to_widget, newest, animate=False)

    def show_detail(self) -> None:
        """What a narrow screen folds away, for the selected action."""
        show_folded(self.query_one(FittedTable), self.query_one("#review-detail", Static))

    def on_data_table_row_highlighted(self) -> None:
        self.show_detail()

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_detail)

    def focus_target(self) -> Widget | None:
        return self.query_one(FittedTable)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.context is not None and self.context.read_only)

    def _selected(self) -> Action | None:
        key = cursor_key(self.query_one(FittedTable))
        return self.actions.get(key) if key is not None else None

    def action_mark(self, status: str) -> None:
        hand_back = self._selected_hand_back()
        if hand_back is not None:
            self._settle_hand_back(hand_back, ActionStatus(status))
            return
        action = self._selected()
        if action is None:
            return
        new = ActionStatus(status)
        if new in (ActionStatus.PARTLY, ActionStatus.NOT_DONE):
            # Always asked, also when a note is there: a short why belongs with partly and not
            # done, and a stray key then opens a form (Esc) instead of changing the action.
            self._ask_why(action, new)
            return
        # Done or open again: the why of 'partly' or 'not done' no longer holds (u brings it back).
        context = self.context
        if context is not None:
            self.save_edit(action, settle(action, new, "", context.today, context.meeting))

    def _selected_hand_back(self) -> HandBack | None:
        key = cursor_key(self.query_one(FittedTable))
        return self.hand_backs.get(key) if key is not None else None

    def _settle_hand_back(self, hand_back: HandBack, status: ActionStatus) -> None:
        """g: the step is back with the client (celebrated); any other key says what to do."""
        context = self.context
        if context is None:
            return
        if status is ActionStatus.DONE and not hand_back.done:
            back = decided(hand_back.step, StepDecision(Carrier.ZELF), context.meeting, context.today)
            self.save(Patch(Step, hand_back.step.id, {"decision": back}))
            return
        self.notify("Een teruggave is klaar als de stap weer bij de cliënt is: druk dan op g. Lukt "
                    f"het nog niet, kies dan bij {stage_named(StageKey.ZELF_OF_IK)} (p) een nieuwe "
                    "datum en uitleg.",
                    title="Teruggave", severity="warning", timeout=10)

    def action_measure(self) -> None:
        """Score the chosen domains, the rung and the client's own scale; the change since last
        time shows at once below the actions."""
        if self.context is None:
            return
        if not self.context.data.case.zrm_domains:
            self.notify("Nog geen ZRM-domeinen gekozen: druk eerst op k. De ladder en de eigen schaal "
                        "kunnen wel.", title="Waar staan we?", timeout=6)
        self.app.push_screen(measure_dialog(self.context.data, self.context.meeting),
                             lambda changes: self.save(*changes) if changes else None)

    def action_domains(self) -> None:
        context = self.context
        if context is not None:
            case = context.data.case
            self.app.push_screen(domains_dialog(context.data), lambda answer: self.save_edit(case, answer))

    def action_why(self) -> None:
        hand_back = self._selected_hand_back()
        if hand_back is not None:
            self._settle_hand_back(hand_back, ActionStatus.PARTLY)
            return
        action = self._selected()
        if action is not None:
            self._ask_why(action, action.status)

    def _ask_why(self, action: Action, status: ActionStatus) -> None:
        fields = [FormField("note", WHY_QUESTIONS.get(status, "Toelichting (kort)"), action.note)]

        def build(values: dict[str, Any]) -> Action:
            context = self.context
            assert context is not None
            return settle(action, status, values["note"], context.today, context.meeting)

        self.app.push_screen(FormDialog(action.what, fields, build),
                             lambda answer: self.save_edit(action, answer))


WHY_QUESTIONS = {  # 'waarom gedaan?' asks nothing: done gets what was done
    ActionStatus.PARTLY: "Waarom deels? Wat moet nog gebeuren? (kort)",
    ActionStatus.NOT_DONE: "Waarom niet gedaan? (kort)",
    ActionStatus.DONE: "Wat is er gedaan? (kort, mag leeg)",
}
HAND_BACK_ROW = "terug:"  # row keys of hand-backs, apart from the actions' ids


def _professional(context: StageContext, hand_back: HandBack) -> str:
    member = context.data.member(hand_back.professional_id)
    return context.names.member(member) if member else "professional"


def _decided(context: StageContext, hand_back: HandBack) -> str:
    meeting = context.data.get(Meeting, hand_back.decided_in_id)
    return f"overleg {meeting.number}, {day(meeting.date)}" if meeting else "-"


def _how(context: StageContext, action: Action) -> str:
    """How it went, and who reported it from their own list between meetings, and when: in the
    column every screen size keeps."""
    reported = reported_between(context.data, action)
    if reported is None:
        return STATUS_SIGNS[action.status]
    by, on = reported
    return f"{STATUS_SIGNS[action.status]}, door {by} op {on:%d-%m}"  # short: it fits a narrow column


def _agreed(context: StageContext, action: Action) -> str:
    meeting = agreed_in(context.data, action)
    return f"overleg {meeting.number}, {day(meeting.date)}" if meeting else "-"
