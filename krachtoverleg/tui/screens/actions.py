"""All agreed actions across cases: what each professional works from between meetings.

Filter by owner, status, case and overdue; mark an action done or partly done with a note
(saved at once); Enter jumps to the case's overview. The rules live in core/rules/action_list.py."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Checkbox, DataTable, Static

from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.models import Action
from krachtoverleg.core.models.agenda import StageKey, stage_named
from krachtoverleg.core.models.changes import edit
from krachtoverleg.core.models.vocab import ActionStatus
from krachtoverleg.core.rules.action_list import (
    STATUS_FILTERS,
    ActionFilter,
    ActionPage,
    ActionRow,
    StatusFilter,
    collect_page,
    owner_key_of,
)
from krachtoverleg.core.rules.hand_backs import is_hand_back
from krachtoverleg.core.rules.planning import settle
from krachtoverleg.core.rules.wording import OVERDUE
from krachtoverleg.tui.bindings import PRIVACY_BINDING
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.fit import KEY, Fit
from krachtoverleg.tui.format import STATUS_SIGNS, day
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.services import services
from krachtoverleg.tui.widgets.choice_field import ChoiceField
from krachtoverleg.tui.widgets.fitted_table import FittedTable
from krachtoverleg.tui.widgets.key_bar import KeyBar
from krachtoverleg.tui.widgets.notice_line import NoticeLine
from krachtoverleg.tui.widgets.tick_box import TickBox
from krachtoverleg.tui.widgets.top_bar import TopBar

STATUS_CHOICES = [("Nog te doen", "open"), ("Gedaan", "done"), ("Alles", "all")]
# A table of thousands of rows takes seconds to draw and nobody reads it: the list shows this
# many, says how many more there are, and a filter finds the rest.
SHOWN_AT_MOST = 200


class ActionsScreen(DataScreen):
    NAME = "actions"  # installed once, kept between visits (see CaseListScreen.action_all_actions)
    BINDINGS = [
        PRIVACY_BINDING,
        Binding("g", "mark('done')", "Gedaan", id="actions.done"),
        Binding("d", "mark('partly')", "Deels", id="actions.partly"),
        Binding("enter", "open_case", "Naar casus", id="actions.open_case"),
        # f and Tab act when they arrive, in order with the Enter that opens a filter after them
        # (see ChoiceField): "f Tab Tab Enter" typed fast opens the case filter, not the owner's.
        Binding("f", "filters", "Filters", id="actions.filters", priority=True),
        Binding("tab", "app.focus_next", id="actions.next", priority=True, show=False),
        Binding("shift+tab", "app.focus_previous", id="actions.previous", priority=True, show=False),
        Binding("escape,f2", "back", "Casussen", id="actions.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.page = ActionPage([], 0, 0, [], [], [])
        self._read_for: ActionFilter | None = None  # the filter the page was read for
        self.shown: list[ActionRow] = []
        self._started = False  # the first list starts on "mine" where the store knows who I am
        self.shows = 0  # how often the rows were put on screen (the benchmark waits for this)
        self._resumes = 0

    def compose(self) -> ComposeResult:
        yield TopBar()
        with Horizontal(id="action-filters"):
            # Compact: one line of filters leaves the room for the actions themselves.
            yield ChoiceField([], question="Wiens acties?", blank="Iedereen", id="filter-owner")
            yield ChoiceField(STATUS_CHOICES, question="Welke acties?", value="open", id="filter-status")
            yield ChoiceField([], question="Van welke casus?", blank="Alle casussen", id="filter-case")
            yield TickBox("Alleen te laat", id="filter-overdue", compact=True)
        yield FittedTable([("Wanneer", Fit(min_width=10, priority=0, grow=0, max_lines=2)),
                           ("Status", Fit(min_width=8, priority=0, grow=0)),
                           ("Wie", Fit(min_width=12, priority=1)), ("Actie", KEY),
                           ("Casus", Fit(min_width=10, priority=2)),
                           ("Toelichting", Fit(min_width=14, priority=3, grow=2))], id="all-actions")
        yield Static("", id="actions-summary", classes="hint")
        yield NoticeLine()
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        if self._resumes:  # the first resume is the screen's first showing: on_mount read it
            self.reload()  # back from a case's meeting: show what was changed there
        self._resumes += 1

    # -- data -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the page the filters ask for: the store sorts and counts an outline of every
        row, and only the rows shown are read whole (thousands of cases answer at once)."""
        app = services(self)
        first, self._started = not self._started, True
        owner = self.query_one("#filter-owner", ChoiceField)
        if first and app.store.me:
            # A professional's own laptop: their list first. The page of their list names
            # everyone there is to choose from, so one read tells whether they have any.
            mine = owner_key_of(app.store.me)
            if not self._read(replace(self.current_filter(), owner_key=mine)):
                return
            if mine in {key for _, key in self.page.owners}:
                self._show_choices(mine)
                self._show_page()
                return
            self.notify(f"Er staan geen acties op naam van {app.store.me} (zo heet je in de teamopslag); "
                        "hier staan die van het hele team.", timeout=10)
        if not self._read(self.current_filter()):
            return
        self._show_choices(owner.value)
        self._show_page()

    def _read(self, wanted: ActionFilter) -> bool:
        app = services(self)
        try:
            self.page = collect_page(app.store, app.names, app.clock.today(), wanted, SHOWN_AT_MOST)
        except KrachtError as error:  # the team store is away: the list stays as it was
            self.notify(str(error), title="De lijst is niet bijgewerkt", severity="warning", timeout=8)
            return False
        self._read_for = wanted
        for problem in self.page.problems:
            self.notify(problem, title="Casus overgeslagen", severity="warning", timeout=10)
        return True

    def _show_choices(self, owner_value: str | None) -> None:
        owner = self.query_one("#filter-owner", ChoiceField)
        case = self.query_one("#filter-case", ChoiceField)
        case_value = case.value
        self.query_one(TopBar).show(f"krachtoverleg · acties{self._whose()}", services(self).privacy)
        with self.prevent(ChoiceField.Changed):
            # A chosen person or case stays chosen when nothing of theirs is left in the list
            # (their last action just marked done): falling back to everyone would put the
            # cursor on someone else's action, where a second g marks the wrong one.
            owner.set_options(_keeping(self.page.owners, owner, owner_value))
            case.set_options(_keeping(self.page.cases, case, case_value))
            if owner_value in {key for _, key in owner.options}:
                owner.value = owner_value
            if case_value in {case_id for _, case_id in case.options}:
                case.value = case_value

    def _whose(self) -> str:
        login = services(self).store.login
        return f" · ingelogd als {login}" if login else " · alle casussen"

    def current_filter(self) -> ActionFilter:
        owner = self.query_one("#filter-owner", ChoiceField).value
        case = self.query_one("#filter-case", ChoiceField).value
        chosen = self.query_one("#filter-status", ChoiceField).value
        status: StatusFilter = next((s for s in STATUS_FILTERS if s == chosen), "open")
        return ActionFilter(
            owner_key=owner,
            case_id=case,
            status=status,
            overdue=self.query_one("#filter-overdue", Checkbox).value,
        )

    def _show_page(self) -> None:
        page = self.page
        self.shown = page.rows
        table = self.query_one(FittedTable)
        table.set_rows([(row.action.id, [day(row.action.due) + (f" {OVERDUE}" if row.overdue else ""),
                                         STATUS_SIGNS[row.action.status], row.owner, row.action.what,
                                         row.case_title, row.action.note or "-"]) for row in self.shown])
        summary = f"{page.total} {'actie' if page.total == 1 else 'acties'}"
        if page.late:
            summary += f", waarvan {page.late} te laat ({OVERDUE})"
        if page.total > len(self.shown):
            summary += f"; de eerste {len(self.shown)} staan hier, kies een persoon of casus (f)"
        self.query_one("#actions-summary", Static).update(
            (summary if page.total else "Geen acties die passen bij deze keuze.")
            + "   g = gedaan · d = deels · Enter = naar de casus · f = filters")
        self.shows += 1

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        if self.current_filter() != self._read_for:  # not the choices this screen just set itself
            self.reload()  # a filter chosen: the page it asks for, and the choices that go with it

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        if self.current_filter() != self._read_for:
            self.reload()

    def selected(self) -> ActionRow | None:
        if not self.shown:
            return None
        return self.shown[min(self.query_one(FittedTable).cursor_row, len(self.shown) - 1)]

    # -- actions --------------------------------------------------------------------------

    def action_filters(self) -> None:
        # at once, not after a refresh as focus() does: a Tab typed right after moves on from here
        self.set_focus(self.query_one("#filter-owner", ChoiceField))

    def action_back(self) -> None:
        if self.focused is not None and self.focused.id and self.focused.id.startswith("filter-"):
            self.query_one(DataTable).focus()  # Escape first leaves the filters
            return
        self.app.pop_screen()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_case()

    def action_open_case(self) -> None:
        from krachtoverleg.tui.screens.case_overview import CaseOverviewScreen

        row = self.selected()
        if row is not None:
            self.app.push_screen(CaseOverviewScreen(row.case_id))

    def action_mark(self, status: str) -> None:
        row = self.selected()
        if row is None:
            self.notify("Er is geen actie gekozen.", severity="warning")
            return
        new = ActionStatus(status)
        action = row.action
        if is_hand_back(action):
            self.notify("Dit is een teruggave. Die is klaar als de stap terug is bij de cliënt: kies in het "
                        f"overleg bij {stage_named(StageKey.ZELF_OF_IK)} z (zelf) of n (netwerk) "
                        "voor deze stap.",
                        title="Teruggave", severity="warning", timeout=10)
            return
        note_label = ("Wat is er gedaan? (mag leeg)" if new is ActionStatus.DONE
                      else "Wat is er gedaan, en wat nog niet?")

        def build(values: dict[str, Any]) -> Action:
            note = str(values["note"] or "").strip()
            if new is ActionStatus.PARTLY and not note:
                raise ValidationError("Toelichting: schrijf kort op wat nog moet gebeuren.")
            return settle(action, new, note, services(self).clock.today())

        def done(answer: Action | None) -> None:
            # Only the status and note: whatever else changed in the meeting since this list was
            # read stays as it is.
            store = services(self).store
            # A report, not an edit of the plan: merged in even while the case's meeting is open
            # in another window.
            if answer is not None and services(self).attempt(store.report_progress, row.case_id,
                                                             edit(action, answer)):
                self.notify(f"{answer.what}: {STATUS_SIGNS[new]}", title="Opgeslagen")
                self.reload()

        title = f"{STATUS_SIGNS[new]}: {action.what}"
        self.app.push_screen(FormDialog(title, [FormField("note", note_label, action.note, "long")], build,
                                        case_id=row.case_id), done)


def _keeping(options: list[tuple[str, str]], field: ChoiceField, chosen: str | None) -> list[tuple[str, str]]:
    """The options of a list, and the one chosen before if it is no longer among them."""
    if chosen is None or any(value == chosen for _, value in options):
        return options
    label = next((label for label, value in field.options if value == chosen), None)
    return options if label is None else [*options, (label, chosen)]
