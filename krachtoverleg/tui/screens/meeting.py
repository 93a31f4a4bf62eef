"""The meeting: the agenda on the left, the current stage on the right.

PageDown / PageUp are priority bindings, so a presenter clicker moves through the agenda even
while a text field has focus. Escape leaves a text field but never the meeting. `b` (what
clickers send) blanks the screen; F5 does too, also while typing.

This screen owns the case while it is open: panes ask it to save (`StagePane.SaveRequested`),
it saves through the store, takes the written records into its copy of the case and shows them
in the current pane. Nothing is read back from disk for a save, so nothing can interleave."""

from __future__ import annotations

import contextlib
import time
from datetime import datetime, timedelta
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.notifications import SeverityLevel
from textual.widgets import ContentSwitcher, Input, Static

from krachtoverleg.core.errors import CaseFileDamaged, KrachtError, StoreUnreachable
from krachtoverleg.core.models import Case, Meeting
from krachtoverleg.core.models.agenda import CAPTURE_STAGE, STAGES, StageKey, neighbour, stage_named
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Applied, Change, Patch, edit
from krachtoverleg.core.rules.editing import closes, may_edit, refusal, why_read_only
from krachtoverleg.core.rules.family import (
    FAMILY_MARK,
    as_family,
    family_plan,
    family_plan_done,
    family_time_ended,
)
from krachtoverleg.core.rules.glance import GLANCES, sections_for
from krachtoverleg.core.rules.hidden import names_already_there, names_in_changes, on_screen, without_names
from krachtoverleg.core.rules.meetings import draft_change
from krachtoverleg.core.rules.offline import DAMAGED, UNREACHABLE, saved_keys, unsaved_drafts
from krachtoverleg.core.rules.timer import describe, describe_short, stage_seconds_with, time_view
from krachtoverleg.core.rules.undo import UNDO_DEPTH, Undo, undo_of
from krachtoverleg.core.rules.wording import count
from krachtoverleg.tui.bindings import PRIVACY_BINDING, stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.blank import BlankScreen
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.family_time import FamilyTimeScreen
from krachtoverleg.tui.dialogs.form import FormDialog, FormField, remind_drafts
from krachtoverleg.tui.format import day
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.services import services
from krachtoverleg.tui.stages.base import Changes, StagePane, pane_id
from krachtoverleg.tui.stages.registry import stage_panes
from krachtoverleg.tui.unkept import Unkept
from krachtoverleg.tui.widgets.agenda import AgendaColumn
from krachtoverleg.tui.widgets.capture_line import CaptureLine
from krachtoverleg.tui.widgets.glance_column import GlanceColumn
from krachtoverleg.tui.widgets.key_bar import KeyBar
from krachtoverleg.tui.widgets.notice_line import NoticeLine
from krachtoverleg.tui.widgets.stage_header import StageHeader
from krachtoverleg.tui.widgets.top_bar import TopBar

NARROW = 110  # below this width boards stack
COMPACT = 120  # below this width the agenda column folds into a strip: the stage gets the width
# The stage keys that change the case; a closed meeting answers them with why it cannot.
CHANGING_KEYS = ("a", "e", "delete", "s", "v", "p", "r", "n", "d", "o", "z", "w", "x", "i", "c", "k",
                 "m", "g", "h", "plus", "minus")
NOTICE_REPEAT = 4.0  # seconds in which the same notice is not shown again
WIDE = 180  # from this width a stage with little to show gets a column of related parts
TALL = 34  # from this many rows, a narrow Terugblik has room for the measurements in words


class MeetingScreen(DataScreen):
    BINDINGS = [
        PRIVACY_BINDING,
        # The footer shows the stage's own keys; these are in the help screen (F1) and the palette.
        Binding("pagedown", "stage(1)", "Verder", id="meeting.next", priority=True, key_display="PgDn"),
        Binding("pageup", "stage(-1)", "Terug", id="meeting.previous", priority=True, key_display="PgUp",
                show=False),
        stage_key("b", "blank", "Scherm uit", id="meeting.blank", show=False),
        Binding("f5", "blank_always", "Scherm uit", id="meeting.blank_always", priority=True, show=False),
        stage_key("full_stop", "blank", "Scherm uit", id="meeting.blank_clicker", show=False),
        Binding("f7", "family_time", "Besloten tijd: eigen tijd voor de familie", id="meeting.family",
                priority=True, show=False),
        stage_key("t", "timeboxes", "Tijd per onderdeel", id="meeting.timeboxes", show=False),
        stage_key("u", "undo", "Ongedaan maken", id="meeting.undo", show=False),
        Binding("f2", "cases", "Naar de casussen", id="meeting.cases", show=False),
        Binding("escape", "leave_field", "Uit tekstveld", id="meeting.leave_field", show=False),
        # In a closed meeting the stage keys that change something are off; pressed anyway, they
        # say why instead of doing nothing. Not a priority binding: keys still on (g, o, m) win.
        # No description: not a key of its own in the help (F1) or the palette.
        *(Binding(key, "read_only_notice", "", id=f"meeting.read_only.{key}", show=False)
          for key in CHANGING_KEYS),
    ]

    def __init__(self, case_id: str, meeting_id: str) -> None:
        super().__init__()
        self.case_id = case_id
        self.meeting_id = meeting_id
        self.data: CaseData | None = None
        self.meeting: Meeting | None = None
        self.entered: datetime | None = None  # when the current stage was entered
        self.stage_key = StageKey.OPENING
        self._current_shown: set[StageKey] = set()  # panes that show the case as it is now
        self.undo_stack: list[Undo] = []  # the saves made here, newest last
        self._last_notice, self._last_notice_at = "", 0.0  # see say_once
        self.writable = False  # may this window change this case? Asked of the store at each load
        self._kept_locally = False  # a save was refused and its typing kept as a draft beside the case

    def watched_case(self) -> str | None:
        return self.case_id

    def compose(self) -> ComposeResult:
        yield TopBar()
        with Horizontal(id="meeting-body"):
            with Vertical(id="left-column"):
                yield AgendaColumn()
                yield Static("", id="timer")
            with Vertical(id="stage-area"):
                yield Static("", id="family-plan-banner")
                yield StageHeader()
                yield ContentSwitcher(id="stages")  # panes are built when first shown
            yield GlanceColumn(id="glance")
        yield NoticeLine()

    async def on_mount(self) -> None:
        if self.load() and self.meeting is not None:
            await self.go_to(self.meeting.current_stage, remember=False)
            remind_drafts(self, self.case_id)
            self._warn_names_in_text()
        # The footer comes last, when the keyboard is where work starts: it is then drawn once,
        # with the keys of that place, instead of twice (about a third of the start-up time).
        await self.mount(KeyBar())
        self.set_interval(1, self.show_time)
        # show_time skips itself until the screen counts as mounted, which is only after this
        # handler: draw the timer box at once, not a second later (snapshots depend on it).
        self.call_after_refresh(self.show_time)

    def on_resize(self, event: Resize) -> None:
        self.set_class(event.size.width < NARROW, "narrow")
        self.set_class(event.size.width < COMPACT, "compact")
        self.set_class(event.size.height < TALL, "low")
        self.set_class(event.size.width >= WIDE, "wide")

    # -- the case on screen ----------------------------------------------------------------

    def context(self) -> StageContext | None:
        if self.data is None or self.meeting is None:
            return None
        app = services(self)
        return StageContext(on_screen(self.data, app.show_names), self.meeting, app.names, app.privacy,
                            app.clock.today(), self.writable, self.data, mirror=app.mirror)

    def load(self) -> bool:
        """Read the case from disk: when the screen opens, and when another window saved."""
        try:
            data = services(self).store.load(self.case_id)
        except KrachtError as error:
            self.notify(str(error), title="Kan de casus niet lezen", severity="error")
            return False
        meeting = data.get(Meeting, self.meeting_id)
        if meeting is None:
            self.notify("Dit overleg bestaat niet meer.", severity="error")
            return False
        self.data, self.meeting = data, meeting
        # On a team store a window holds the case it changes; a second window on it only reads.
        self.writable = services(self).store.can_write(self.case_id)
        self._current_shown.clear()
        self._show_meeting_state()
        return True

    def _warn_names_in_text(self) -> None:
        """Names hidden, yet a stored text holds a known name: tell the chair where (not the
        name), in the chair's window only."""
        app = services(self)
        if self.data is None or not app.privacy or app.mirror:
            return
        found = names_already_there(self.data)
        if found:
            where = ", ".join(f"{kind.lower()}: {n}" for kind, n in found.items())
            self.notify(f"Er staat een naam uit de casus in tekst die de kamer leest ({where}). Pas die aan "
                        "met e, of zet hem met F8 niet op het scherm.", title="Let op: namen",
                        severity="warning", timeout=15)

    def reload(self) -> None:
        if self.load():
            self._show_current_pane()

    def _show_meeting_state(self) -> None:
        context = self.context()
        if context is None:
            return
        closed = " · GESLOTEN" if not context.meeting.is_open else ""
        self.query_one(TopBar).show(
            f"{context.names.case_title(context.data.case)} · overleg {context.meeting.number} · "
            f"{day(context.meeting.date)}{closed}", context.privacy, self._read_only_reason())
        self.set_class(context.read_only, "read-only")
        banner = self.query_one("#family-plan-banner", Static)
        banner.set_class(context.meeting.family_plan_open, "-open")
        banner.update(f"HET PLAN VAN DE FAMILIE · wat nu wordt afgesproken, staat erin als {FAMILY_MARK} · "
                      "F7 = klaar")
        self.refresh_bindings()

    def _read_only_reason(self) -> str | None:
        store = services(self).store
        if self.writable or not store.writable:
            return None  # writing here, or a window that reads everything (said by the top bar)
        holder = store.holder(self.case_id)
        return f"open bij {holder}" if holder else store.read_only_reason

    def _pane(self, key: StageKey) -> StagePane | None:
        found = self.query_one(ContentSwitcher).query_children(f"#{pane_id(key)}")
        pane = found.first() if found else None
        return pane if isinstance(pane, StagePane) else None

    def _show_current_pane(self) -> None:
        pane, context = self._pane(self.stage_key), self.context()
        if pane is not None and context is not None:
            pane.show(context)
            self._current_shown.add(self.stage_key)
            self._show_glance(context)

    def _show_glance(self, context: StageContext) -> None:
        has_glance = self.stage_key in GLANCES
        self.set_class(has_glance, "has-glance")
        if has_glance:
            self.query_one(GlanceColumn).show(
                sections_for(self.stage_key, context.data, context.meeting, context.names))

    # -- moving through the agenda ---------------------------------------------------------

    @property
    def current(self) -> StageKey:
        return self.stage_key

    def show_time(self) -> None:
        if self.meeting is None or not self.is_mounted:
            return
        timer, header = self.query_one("#timer", Static), self.query_one(StageHeader)
        if not self.meeting.is_open:  # no clock runs in a closed meeting: say what it used
            used = sum(self.meeting.stage_seconds.values()) // 60
            timer.update(f"Gesloten overleg\n  ({used} min gebruikt)")
            timer.set_class(False, "over")
            header.show_time(["gesloten"])
            header.set_class(False, "over")
            return
        view = time_view(self.meeting, self.current, self.entered, services(self).clock.now())
        timer.update(describe(view))
        timer.set_class(view.stage_over or view.total_over, "over")
        header.show_time(describe_short(view))
        header.set_class(view.stage_over or view.total_over, "over")

    async def go_to(self, key: StageKey, remember: bool = True) -> None:
        leaving = self.current
        pane = self._pane(key)
        if pane is None:  # first visit: build it now, not when the meeting opens
            pane = stage_panes()[key]()
            await self.query_one(ContentSwitcher).mount(pane)
        self.stage_key = key
        if key not in self._current_shown:
            self._show_current_pane()
        elif (context := self.context()) is not None:
            self._show_glance(context)
        self.query_one(ContentSwitcher).current = pane_id(key)
        self.query_one(AgendaColumn).show_current(key)
        self.query_one(StageHeader).show(STAGES[key])
        self.set_focus(pane.focus_target() or self.query_one(AgendaColumn))
        now = services(self).clock.now()
        if remember and self.meeting is not None and leaving != key:
            fields: dict[str, Any] = {"current_stage": key}
            if self.entered is not None:
                fields["stage_seconds"] = stage_seconds_with(self.meeting, leaving, self.entered, now)
            self._save_quietly(fields)
        self.entered = now
        self.show_time()

    def _save_quietly(self, fields: dict[str, Any]) -> str | None:
        """Keep the meeting's own bookkeeping (stage, time, drafts) when it may be changed.
        Returns why it could not be stored, if it could not."""
        meeting, store = self.meeting, services(self).store
        if meeting is None or not may_edit(meeting, self.writable) or self.data is None:
            return None
        if all(getattr(meeting, name) == value for name, value in fields.items()):
            return None  # nothing new: no write
        change = Patch(Meeting, meeting.id, fields)
        try:
            applied = store.apply(self.case_id, change)
        except KrachtError as error:
            self.notify(str(error), title="Niet opgeslagen", severity="error", timeout=8)
            self._keep_locally(error, [change])
            return str(error)
        self._saved_after_all([change])
        self.data.apply(applied)
        self.meeting = applied.find(Meeting, meeting.id) or meeting
        return None

    def _keep_locally(self, error: KrachtError, changes: list[Change]) -> None:
        """The team store is away, or the case file was damaged under the open meeting: what
        was typed is kept as a draft beside the case as well (see offline.py)."""
        if isinstance(error, StoreUnreachable):
            title = UNREACHABLE
        elif isinstance(error, CaseFileDamaged):
            title = DAMAGED
        else:
            return
        store = services(self).store
        for draft in unsaved_drafts(changes, services(self).clock.now(), title):
            with contextlib.suppress(KrachtError):
                store.keep_draft(self.case_id, draft)
                self._kept_locally = True

    def _saved_after_all(self, changes: list[Change]) -> None:
        store = services(self).store
        if not (store.writes_per_case or self._kept_locally):
            return  # nothing was kept beside the case: no drafts file to read
        waiting = store.drafts(self.case_id)
        for key in saved_keys(changes):
            if key in waiting:
                with contextlib.suppress(KrachtError):
                    store.drop_draft(self.case_id, key)

    def save_unsaved(self) -> list[Unkept]:
        """Keep the running stretch of the current stage and any text typed but not yet
        submitted (leaving the screen, quitting, a closed window or a crash): one write."""
        meeting = self.meeting
        if meeting is None:
            return []
        now = services(self).clock.now()
        fields: dict[str, Any] = {}
        if self.entered is not None:
            fields["stage_seconds"] = stage_seconds_with(meeting, self.current, self.entered, now)
        captures = self.query(CaptureLine)
        typed = captures.first().value if captures else ""
        if captures:
            fields.update(draft_change(meeting, CAPTURE_STAGE, typed).fields)
        failed = self._save_quietly(fields)
        self.entered = now
        if failed is None or not typed.strip():
            return []  # only the stage's clock was not stored: nothing anyone typed
        return [Unkept(f"de getypte tekst bij {stage_named(CAPTURE_STAGE)}", failed)]

    def on_unmount(self) -> None:
        self.save_unsaved()

    async def action_stage(self, step: int) -> None:
        target = neighbour(self.current, step)
        if target == self.current:  # the stage's clock runs on; it is not started again
            self.say_once("Dit is het laatste onderdeel." if step > 0 else "Dit is het eerste onderdeel.")
            return
        await self.go_to(target)

    async def on_agenda_column_stage_chosen(self, event: AgendaColumn.StageChosen) -> None:
        await self.go_to(event.key)

    def action_cases(self) -> None:
        """To the case list, also when the meeting was opened from a case's overview."""
        from krachtoverleg.tui.screens.case_overview import CaseOverviewScreen

        self.save_unsaved()
        self.app.pop_screen()
        if len(self.app.screen_stack) > 1 and isinstance(self.app.screen_stack[-1], CaseOverviewScreen):
            self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("blank", "timeboxes", "undo") and isinstance(self.focused, Input):
            return False  # while typing, b, t and . are letters (F5 still blanks the screen)
        if action in ("timeboxes", "read_only_notice"):  # a closed meeting, or a second window
            # asked on every refresh of the keys: the meeting alone answers it, no case copy
            read_only = self.meeting is None or not may_edit(self.meeting, self.writable)
            return read_only if action == "read_only_notice" else not read_only
        return True

    def action_read_only_notice(self) -> None:
        context = self.context()
        if context is None:
            return
        self.say_once(why_read_only(context.meeting, context.window_writable,
                                    at_closing=self.current is StageKey.AFSLUITING), severity="warning")

    def say_once(self, message: str, severity: SeverityLevel = "information") -> None:
        """A key pressed again and again gets one notice, not a stack of the same one."""
        now = time.monotonic()
        if self._last_notice == message and now - self._last_notice_at < NOTICE_REPEAT:
            return
        self._last_notice, self._last_notice_at = message, now
        self.notify(message, severity=severity, timeout=NOTICE_REPEAT)

    def action_timeboxes(self) -> None:
        """Change this meeting's minutes per stage."""
        meeting = self.meeting
        if meeting is None or not meeting.is_open:
            return
        fields = [FormField(key, f"{stage.title} (minuten)", str(meeting.timeboxes[key]))
                  for key, stage in STAGES.items()]

        def done(answer: Meeting | None) -> None:
            if answer is not None:
                self.apply([edit(meeting, answer)])

        self.app.push_screen(FormDialog("Tijd per onderdeel", fields,
                                        lambda values: meeting.replace(timeboxes=values)), done)

    def action_blank(self) -> None:
        self.app.push_screen(BlankScreen())

    def action_blank_always(self) -> None:
        self.action_blank()

    def action_family_time(self) -> None:
        """F7: the family's own time (besloten tijd), then its plan written down as the family's.
        While that plan is being written down, F7 says it is complete."""
        meeting = self.meeting
        if meeting is None:
            return
        reason = refusal(meeting, self.writable, [])
        if reason is not None:
            self.notify(reason, severity="warning")
            return
        if meeting.family_plan_open:
            if self.apply([family_plan_done(meeting)]) is not None and self.data is not None:
                actions, decisions = family_plan(self.data, meeting)
                made = (f"{count(len(actions), 'actie', 'acties')} en "
                        f"{count(len(decisions), 'besluit', 'besluiten')}")
                self.notify(f"Het plan van de familie staat erin: {made}.", title="Besloten tijd")
            return

        def ended(seconds: int | None) -> None:
            current = self.meeting
            if seconds is not None and self.entered is not None:
                self.entered += timedelta(seconds=seconds)  # the family's time is not the stage's
            if seconds is not None and current is not None and self.apply(
                    [family_time_ended(current, seconds)]) is not None:
                self.notify("Schrijf nu het plan van de familie op (a bij Acties, of een besluit). "
                            "F7 als het plan compleet is.", title="Het plan van de familie", timeout=12)

        self.app.push_screen(FamilyTimeScreen(), ended)

    def action_leave_field(self) -> None:
        if isinstance(self.focused, Input):
            pane = self._pane(self.current)
            board = pane.query("OptionList, DataTable") if pane else None
            self.set_focus(board.first() if board else self.query_one(AgendaColumn))

    # -- changes: saved the moment they are made, shown from what was written -----------------

    def on_stage_pane_save_requested(self, event: StagePane.SaveRequested) -> None:
        """Save; but a known name typed into free text while names are hidden is said first,
        with the offer to put the role or initials in its place before the room reads it."""
        event.stop()
        changes, data = event.changes, self.data
        found = []
        if services(self).privacy and data is not None:
            try:
                changes = list(changes(data) if callable(changes) else changes)
            except KrachtError as error:
                self.notify(str(error), title="Niet opgeslagen", severity="error", timeout=8)
                if event.done is not None:
                    event.done(None)
                return
            found = names_in_changes(changes, data)

        def save(chosen: Changes) -> None:
            applied = self.apply(chosen)
            if event.done is not None:
                event.done(applied)

        if not found:
            save(changes)
            return
        resolved = list(changes) if not callable(changes) else []
        said = ", ".join(f"'{name.name}' door '{name.instead}'" for name in found)

        def answer(swap: bool | None) -> None:
            save(without_names(resolved, found) if swap else resolved)

        self.app.push_screen(ConfirmDialog(
            f"De namen staan verborgen, maar in de tekst staat een naam. Vervangen: {said}?",
            yes="Ja, vervangen", no="Nee, zo laten staan"), answer)

    def action_undo(self) -> None:
        """Take the last save made in this meeting back (u, or 'Ongedaan maken' in the palette)."""
        if not self.undo_stack:
            self.notify("Er is niets om ongedaan te maken.", severity="warning")
            return
        undo = self.undo_stack.pop()
        if self.apply(undo.changes, remember=False) is None:
            self.undo_stack.append(undo)  # refused (a closed meeting) or not written: keep it
            return
        self.notify(f"Ongedaan gemaakt: {undo.what}", title="Ongedaan")

    def apply(self, changes: Changes, remember: bool = True) -> Applied | None:
        """Save the changes (worked out from the case as it is now, if asked), take the written
        records into the case on screen and show them. None when nothing was saved."""
        data, meeting, store = self.data, self.meeting, services(self).store
        if data is None or meeting is None:
            return None
        resolved: list[Change] = []
        try:
            resolved = list(changes(data) if callable(changes) else changes)
            if not resolved:
                return Applied()
            resolved = as_family(resolved, meeting)  # the family's plan, while it is written down
            reason = refusal(meeting, self.writable, resolved)
            if reason is not None:
                self.notify(reason, severity="warning")
                return None
            closing = any(closes(meeting, change) for change in resolved)
            if closing:
                self.save_unsaved()  # the stage's time and a typed line are kept, not shut out
            applied = store.apply(self.case_id, *resolved)
        except KrachtError as error:
            self.notify(str(error), title="Niet opgeslagen", severity="error", timeout=8)
            self._keep_locally(error, resolved)
            return None
        self._saved_after_all(resolved)
        undo = undo_of(data, applied) if remember else None  # data: still the case before the save
        if closing:
            self.undo_stack = []  # closed is closed: reopening is its own key (o), with a question
        elif undo is not None:
            self.undo_stack = [*self.undo_stack, undo][-UNDO_DEPTH:]
        data.apply(applied)
        self.meeting = data.get(Meeting, self.meeting_id)
        self._current_shown.clear()
        self._show_current_pane()
        if any(isinstance(r, Meeting | Case) for r in applied.written):
            self._show_meeting_state()
        self.show_time()
        return applied
