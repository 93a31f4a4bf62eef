"""Krachten: a capture line and a board of four columns (ik ben / ik kan / ik heb / ik wil).

Typing `ik kan goed koken` + Enter files "goed koken" under ik kan; a line without one of the
four openings goes to the selected column."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.events import DescendantFocus
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Meeting, Strength
from krachtoverleg.core.models.agenda import CAPTURE_STAGE, StageKey
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Applied, Change
from krachtoverleg.core.models.vocab import NamedBy, StrengthKind
from krachtoverleg.core.rules.editing import refusal
from krachtoverleg.core.rules.hidden import MARK, hidden_notice, toggle_hidden
from krachtoverleg.core.rules.meetings import capture, capture_lines, parse_capture
from krachtoverleg.tui import literal
from krachtoverleg.tui.bindings import stage_key
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog, FormField
from krachtoverleg.tui.dialogs.tags import capital_field, dimension_field
from krachtoverleg.tui.stages.base import StagePane
from krachtoverleg.tui.widgets.capture_line import CaptureLine
from krachtoverleg.tui.widgets.sync import plan_list

KINDS = list(StrengthKind)
ROOMY_ROWS = 40  # from this pane height each strength gets two lines and air (see _item_text)
BRIEF_COLUMNS = 100  # below this pane width a strength is shown without who named it


class StrengthColumn(Vertical):
    """One kind of strength. An OptionList draws only the lines in view, so a column of 500
    strengths costs one widget, and adding a strength adds one line, not a widget."""

    def __init__(self, kind: StrengthKind) -> None:
        super().__init__(id=f"column-{kind.value}", classes="strength-column")
        self.kind = kind
        self.strength_ids: list[str] = []
        self.texts: dict[str, str] = {}
        self.roomy = False  # a tall screen: who named it on a line of its own, and air between
        self.brief = False  # a small screen: the strength alone, so a box holds more of them

    def compose(self) -> ComposeResult:
        yield Static(self.kind.label.upper(), classes="column-title")
        yield OptionList(id=f"list-{self.kind.value}")

    @property
    def view(self) -> OptionList:
        return self.query_one(OptionList)

    def show_selected(self, selected: bool, count: int) -> None:
        marker = "▸ " if selected else ""
        self.query_one(".column-title", Static).update(f"{marker}{self.kind.label.upper()} ({count})")
        self.set_class(selected, "selected")
        self.set_class(not selected, "-other")

    def sync(self, strengths: list[Strength], new_in: str | None = None) -> None:
        """Show these strengths: add, change or remove only the lines that differ. Those first
        named in meeting `new_in` are marked new."""
        view = self.view
        wanted = [s.id for s in strengths]
        texts = {s.id: _item_text(s, new=new_in is not None and s.meeting_id == new_in, roomy=self.roomy,
                                  brief=self.brief) for s in strengths}
        plan = plan_list(self.strength_ids, wanted)
        appended_only = plan is not None and all(index >= len(wanted) - len(plan.insert)
                                                 for index, _ in plan.insert)
        if plan is None or not appended_only:
            kept_row, kept_id = view.highlighted, self.highlighted()
            view.set_options(Option(texts[key], id=key) for key in wanted)
            if wanted:  # the highlight stays on the same strength, or near where it was
                view.highlighted = (wanted.index(kept_id) if kept_id in texts
                                    else min(kept_row or 0, len(wanted) - 1))
        else:
            for key in plan.remove:
                view.remove_option(key)
            for key in wanted:
                if key in self.texts and texts[key] != self.texts[key]:
                    view.replace_option_prompt(key, texts[key])
            view.add_options(Option(texts[key], id=key) for _, key in plan.insert)
            if plan.insert:  # the line just said is the one the room looks for: show it
                view.highlighted = len(wanted) - 1
        self.strength_ids, self.texts = wanted, texts
        if strengths and view.highlighted is None:
            view.highlighted = 0

    def highlighted(self) -> str | None:
        option = self.view.highlighted_option
        return option.id if option is not None else None


def _item_text(strength: Strength, new: bool = False, roomy: bool = False, brief: bool = False) -> str:
    """`brief` (80x24): without who named it, so few strengths wrap and a scrolled box never
    starts with a loose "(cliënt · kunnen)" line; `e` and the minutes still say it."""
    named = () if brief else (strength.named_by, strength.dimension)
    tags = [tag.label.split(" (")[0] for tag in named if tag]
    mark = "✚ " if new else "• "  # new since last time: a sign of its own, and the word below
    mark = f"⊘ {mark}" if strength.hidden else mark  # seen only here, with names shown
    said = " · ".join(tags)
    if roomy:  # the strength in its own line, who named it below, a blank line after
        return literal.text(f"{mark}{strength.text}" + ("  nieuw" if new else "")
                            + (f"\n  ({said})" if said else "") + "\n")
    text = f"{mark}{strength.text}" + (f"  ({said})" if said else "")
    return literal.text(text + ("  nieuw" if new else ""))


class StrengthBoard(StagePane, Vertical):
    KEY = StageKey.KRACHTEN
    BINDINGS = [
        stage_key("e", "edit", "Wijzig", "krachten.edit"),
        stage_key("delete", "delete", "Verwijderen", "krachten.delete"),
        stage_key("left", "column(-1)", "Kolom links", "krachten.left", show=False),
        stage_key("right", "column(1)", "Kolom rechts", "krachten.right", show=False),
        stage_key("i", "capture", "Typen", "krachten.capture"),
        stage_key("f8", "toggle_hidden", "Niet op het scherm (of weer wel)", "krachten.hidden", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.selected = StrengthKind.IK_BEN
        self._draft_shown = False

    def compose(self) -> ComposeResult:
        yield CaptureLine(placeholder="Typ: ik kan goed koken  (Enter = opslaan)", id="capture")
        yield Static("", id="capture-hint", classes="hint")
        with Grid(id="board"):
            for kind in KINDS:
                yield StrengthColumn(kind)

    def on_resize(self) -> None:
        """A tall screen gives each strength more lines; the boxes no longer stand empty."""
        roomy, brief = self.size.height >= ROOMY_ROWS, self.size.width < BRIEF_COLUMNS
        columns = list(self.query(StrengthColumn))
        if columns and (columns[0].roomy, columns[0].brief) != (roomy, brief):
            for column in columns:
                column.roomy, column.brief = roomy, brief
            if self.context is not None:
                self.refresh_view(self.context)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Letter keys type text while the capture line has focus.
        if action in ("edit", "delete", "column", "capture") and isinstance(self.app.focused, CaptureLine):
            return False
        return not (action in ("edit", "delete", "toggle_hidden") and self.context is not None
                    and self.context.read_only)

    def refresh_view(self, context: StageContext) -> None:
        strengths = context.data.all(Strength)
        # "new" only means something once there was a meeting before this one
        new_in = context.meeting.id if context.data.previous_meeting(context.meeting) else None
        for kind in KINDS:
            self.query_one(f"#column-{kind.value}", StrengthColumn).sync(
                [s for s in strengths if s.kind is kind], new_in)
        capture_line = self.query_one(CaptureLine)
        capture_line.disabled = context.read_only  # offer typing only where it can be saved:
        capture_line.display = not context.read_only  # elsewhere (the mirror too) the board gets the rows
        self.query_one("#capture-hint", Static).display = not context.read_only
        draft = context.meeting.drafts.get(CAPTURE_STAGE, "")
        if not self._draft_shown and context.window_writable:
            # Typed before the window closed: back where it was, once. A line the user then
            # clears stays cleared.
            self._draft_shown = True
            if draft and not capture_line.value:
                capture_line.value = draft
        self._show_selection()

    def _show_selection(self) -> None:
        if self.context is None:
            return
        strengths = self.context.data.all(Strength)
        for kind in KINDS:
            count = sum(1 for s in strengths if s.kind is kind)
            column = self.query_one(f"#column-{kind.value}", StrengthColumn)
            column.show_selected(kind is self.selected, count)
        self.query_one("#capture-hint", Static).update(
            f"Geen ik ben/kan/heb/wil vooraan? Dan naar: {self.selected.label}.")

    def focus_target(self) -> Widget | None:
        capture_line = self.query_one(CaptureLine)
        if capture_line.disabled:
            return self.query_one(f"#column-{self.selected.value}", StrengthColumn).view
        return capture_line

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        for column in self.query(StrengthColumn):
            if event.widget is column.view:
                self.selected = column.kind
                self._show_selection()

    def on_capture_line_captured(self, event: CaptureLine.Captured) -> None:
        event.stop()
        line, text, default = event.line, event.text, self.selected
        if self.context is None:
            return
        reason = refusal(self.context.meeting, self.context.window_writable, [])
        if reason is not None:
            self._give_back(line, text)
            self.notify(reason, severity="warning")
            return
        try:
            kind, what = parse_capture(text, default)
            Strength(kind=kind, text=what)  # checked here, so the message can say what to type
        except ValidationError as error:
            self._give_back(line, text)
            self.notify(f"{error} Typ de kracht achter 'ik ...'.", title="Niet opgeslagen", severity="error")
            return
        meeting_id = self.context.meeting.id

        def changes(data: CaseData) -> list[Change]:
            meeting = data.get(Meeting, meeting_id)
            assert meeting is not None
            return capture(meeting, text, default)[1]

        def done(applied: Applied | None) -> None:
            if applied is None:
                self._give_back(line, text)
                return
            saved = next(r for r in applied.written if isinstance(r, Strength))
            self.notify(f"{saved.kind.label}: {saved.text}", title="Opgeslagen")

        self.post_message(self.SaveRequested(changes, done))

    def on_capture_line_pasted(self, event: CaptureLine.Pasted) -> None:
        """A pasted list: every line that fits becomes a strength, in one write; lines that do
        not fit are named, and the first of them goes back into the line to correct."""
        event.stop()
        if self.context is None:
            return
        reason = refusal(self.context.meeting, self.context.window_writable, [])
        if reason is not None:
            self._give_back(event.line, "\n".join(event.lines))
            self.notify(reason, severity="warning")
            return
        good: list[str] = []
        bad: list[str] = []
        for text in event.lines:
            try:
                kind, what = parse_capture(text, self.selected)
                Strength(kind=kind, text=what)
                good.append(text)
            except ValidationError:
                bad.append(text)
        if bad:
            self._give_back(event.line, bad[0])
            self.notify(f"{len(bad)} {'regel' if len(bad) == 1 else 'regels'} niet opgeslagen (leeg, te "
                        f"lang of met vreemde tekens): " + "; ".join(f"“{t[:40]}”" for t in bad),
                        title="Niet opgeslagen", severity="warning", timeout=15)
        if not good:
            return
        meeting_id, default = self.context.meeting.id, self.selected

        def changes(data: CaseData) -> list[Change]:
            meeting = data.get(Meeting, meeting_id)
            assert meeting is not None
            return capture_lines(meeting, good, default)[1]

        def done(applied: Applied | None) -> None:
            if applied is not None:
                count = sum(isinstance(r, Strength) for r in applied.written)
                self.notify(f"{count} {'kracht' if count == 1 else 'krachten'} toegevoegd, één per regel.",
                            title="Opgeslagen")

        self.post_message(self.SaveRequested(changes, done))

    def _give_back(self, line: CaptureLine, text: str) -> None:
        if not line.give_back(text):  # something new is typed there already: say it, never mix
            self.notify(f"Niet opgeslagen, typ deze regel opnieuw: “{text}”", severity="warning", timeout=20)

    def action_capture(self) -> None:
        target = self.focus_target()
        if target is not None:
            target.focus()

    def action_column(self, step: int) -> None:
        index = (KINDS.index(self.selected) + step) % len(KINDS)
        self.query_one(f"#column-{KINDS[index].value}", StrengthColumn).view.focus()

    def _highlighted(self) -> Strength | None:
        if self.context is None:
            return None
        column = self.query_one(f"#column-{self.selected.value}", StrengthColumn)
        return self.context.data.get(Strength, column.highlighted())

    def action_edit(self) -> None:
        strength = self._highlighted()
        if strength is None:
            self.notify("Kies eerst een kracht in een kolom (pijltjes, Tab).", severity="warning")
            return
        fields = [
            FormField("text", "Kracht", strength.text),
            FormField("kind", "Soort", strength.kind.value, "select",
                      [(k.label, k.value) for k in StrengthKind]),
            dimension_field(strength.dimension),
            capital_field(strength.capital),
            FormField("named_by", "Wie noemde het (mag leeg)",
                      strength.named_by.value if strength.named_by else None, "select",
                      [(n.label, n.value) for n in NamedBy]),
        ]

        def build(values: dict[str, Any]) -> Strength:
            return strength.replace(text=values["text"], kind=values["kind"] or strength.kind,
                                    dimension=values["dimension"], named_by=values["named_by"],
                                    capital=values["capital"])

        def done(answer: Strength | None) -> None:
            # The keyboard stays in the column it was in, also when the strength moves to
            # another kind: e and Delete then act on what is highlighted there.
            self.save_edit(strength, answer)

        self.app.push_screen(FormDialog("Kracht wijzigen", fields, build), done)

    def action_toggle_hidden(self) -> None:
        """F8: keep the highlighted strength off the shared screen, or put it back."""
        strength = self._highlighted()
        if strength is None:
            self.notify("Kies eerst een kracht in een kolom.", severity="warning")
            return
        self.save(toggle_hidden(strength))
        self.notify(hidden_notice(not strength.hidden), title=MARK, timeout=8)

    def action_delete(self) -> None:
        strength = self._highlighted()
        if strength is None:
            self.notify("Kies eerst een kracht in een kolom.", severity="warning")
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.remove_record(Strength, strength.id)

        self.app.push_screen(ConfirmDialog(f"Kracht '{strength.text}' verwijderen?"), done)
