"""Afsluiting: a short summary, the next meeting date, and closing the meeting. A closed meeting
is read-only; the chair can reopen it after a confirmation."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from krachtoverleg.core.export.files import (
    client_plan_filename,
    minutes_filename,
    render_client_plan,
    render_minutes,
)
from krachtoverleg.core.models import Meeting
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.rules.completeness import action_count, missing_at_close
from krachtoverleg.core.rules.frozen import close
from krachtoverleg.core.rules.glance import read_back
from krachtoverleg.core.rules.meetings import check_ahead
from krachtoverleg.core.rules.planning import reopen
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.export import MinutesChoice, client_plan_dialog, minutes_dialog, save_export
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.format import day, read_day
from krachtoverleg.tui.services import services
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.glance_column import glance_text


class ClosingPane(StagePane, VerticalScroll):
    KEY = StageKey.AFSLUITING
    BINDINGS = [
        stage_key("s", "summary", "Samenvatting", "afsluiting.summary"),
        stage_key("v", "next_meeting", "Volgend overleg", "afsluiting.next"),
        stage_key("c", "close", "Sluiten", "afsluiting.close"),
        stage_key("o", "reopen", "Heropenen", "afsluiting.reopen"),
        stage_key("m", "minutes", "Verslag", "afsluiting.minutes"),
        stage_key("p", "client_plan", "Mijn plan", "afsluiting.client_plan"),
    ]
    can_focus = True

    def compose(self) -> ComposeResult:
        yield Static("", id="closed-banner")
        yield Static("", id="closing-summary")
        yield Static("", id="closing-read-back")
        yield Static("", id="closing-facts")
        yield Static("", id="closing-keys", classes="key-hint")

    def refresh_view(self, context: StageContext) -> None:
        meeting = context.meeting
        banner = self.query_one("#closed-banner", Static)
        closed = not meeting.is_open
        banner.update("■ DIT OVERLEG IS GESLOTEN: alleen lezen. Heropenen met o."
                      if closed and context.window_writable else "■ DIT OVERLEG IS GESLOTEN.")
        banner.display = closed
        s_key, v_key = context.key(" (s)"), context.key(" (v)")  # only keys that work
        self.query_one("#closing-summary", Static).update(
            literal.text(f"Samenvatting{s_key}: {meeting.summary or '- nog niet ingevuld -'}"))
        self.query_one("#closing-read-back", Static).update(
            glance_text(read_back(context.data, meeting, context.names)))
        self.query_one("#closing-facts", Static).update(literal.text(
            f"Evaluatie op: {day(meeting.evaluation_date)} · "
            f"Volgend overleg{v_key}: {day(meeting.next_meeting)}\n"
            f"Plan B: {meeting.plan_b or '-'}"))
        self.query_one("#closing-keys", Static).update(context.key(
            "m = verslag maken · p = Mijn plan: jouw plan op één pagina, in gewone taal", edits=False))

    def focus_target(self) -> Widget | None:
        return self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.context is None:
            return True
        if action in ("minutes", "client_plan"):
            return True  # the minutes and the client's copy of a closed meeting change nothing
        if action == "reopen":
            return not self.context.meeting.is_open and self.context.window_writable
        return not self.context.read_only

    def action_summary(self) -> None:
        assert self.context is not None
        meeting = self.context.meeting
        field = FormField("summary", "Korte samenvatting van dit overleg", meeting.summary, "long")
        self.app.push_screen(FormDialog("Samenvatting", [field],
                                        lambda v: meeting.replace(summary=v["summary"])),
                             lambda answer: self.save_edit(meeting, answer))

    def action_next_meeting(self) -> None:
        assert self.context is not None
        meeting = self.context.meeting
        field = FormField("next_meeting", "Datum volgend overleg (dd-mm-jjjj)",
                          day(meeting.next_meeting) if meeting.next_meeting else "", "date")

        def build(values: dict[str, Any]) -> Meeting:
            next_day = read_day(values["next_meeting"], "Volgend overleg", required=False)
            return meeting.replace(next_meeting=check_ahead(meeting, next_day, "Volgend overleg"))

        self.app.push_screen(FormDialog("Volgend overleg", [field], build),
                             lambda answer: self.save_edit(meeting, answer))

    def action_close(self) -> None:
        """Closing says what was agreed and what is still missing, each with the key that fills
        it in; the chair may close all the same (a meeting can end before everything is known)."""
        assert self.context is not None
        meeting = self.context.meeting
        missing = missing_at_close(self.context.data, meeting)

        def done(yes: bool | None) -> None:
            if yes:
                now = services(self).clock.now()
                self.post_message(self.SaveRequested(lambda data: close(data, meeting, now)))

        question = f"Overleg sluiten? {action_count(self.context.data, meeting).said()}"
        if missing:
            question += "\n\nNog in te vullen:\n" + "\n".join(f"• {item.said()}" for item in missing)
        question += "\n\nNa het sluiten kan niemand meer iets wijzigen, tot het overleg weer geopend wordt."
        self.app.push_screen(ConfirmDialog(question, yes="Toch sluiten" if missing else "Ja, sluiten",
                                           no="Nee, eerst aanvullen" if missing else "Nee"), done)

    def action_reopen(self) -> None:
        assert self.context is not None
        meeting = self.context.meeting

        def done(yes: bool | None) -> None:
            if yes:
                self.save(reopen(meeting))

        self.app.push_screen(ConfirmDialog("Dit gesloten overleg weer openen om te wijzigen?",
                                           yes="Ja, heropenen"), done)

    def action_minutes(self) -> None:
        """Ask how and where; then write the minutes here and say where they went."""
        assert self.context is not None
        context = self.context

        def done(choice: MinutesChoice | None) -> None:
            if choice is not None:
                save_export(
                    self, choice,
                    lambda names: render_minutes(context.data, context.meeting, names,
                                                 services(self).clock.now(), choice.fmt),
                    minutes_filename(context.data, context.meeting, choice.fmt, choice.full_names),
                    "Het verslag", ("Verslag gemaakt", "Verslag niet gemaakt"))

        self.app.push_screen(minutes_dialog(services(self).last_export), done)

    def action_client_plan(self) -> None:
        """The client's own one-page copy: ask the format, the folder and whether the client's
        name may be on it; then write it and say where."""
        assert self.context is not None
        context = self.context

        def done(choice: MinutesChoice | None) -> None:
            if choice is not None:
                app = services(self)
                save_export(
                    self, choice,
                    lambda _names: render_client_plan(context.data, context.meeting, app.clock.today(),
                                                      app.clock.now(), choice.fmt, choice.full_names),
                    client_plan_filename(context.data, context.meeting, choice.fmt),
                    "Mijn plan", ("Mijn plan gemaakt", "Mijn plan niet gemaakt"))

        self.app.push_screen(client_plan_dialog(services(self).last_export), done)
