"""Krachten: a capture line and a board of four columns (ik ben / ik kan / ik heb / ik wil).

Typing `ik kan goed koken` + Enter files "goed koken" under ik kan; a line without one of the
four openings goes to the selected column."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.events import DescendantFocus
from textual.widgets import Input, Label, ListItem, ListView, Static

from krachtoverleg.core.casedata import CaseData
from krachtoverleg.core.meetings import CAPTURE_STAGE
from krachtoverleg.core.models import Meeting, Strength
from krachtoverleg.core.vocab import Dimension, NamedBy, StrengthKind
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.dialogs.form import FormDialog, FormField

KINDS = list(StrengthKind)


class StrengthColumn(Vertical):
    def __init__(self, kind: StrengthKind) -> None:
        super().__init__(id=f"column-{kind.value}", classes="strength-column")
        self.kind = kind
        self.strength_ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static(self.kind.label.upper(), classes="column-title")
        yield ListView(id=f"list-{self.kind.value}")

    def show_selected(self, selected: bool, count: int) -> None:
        marker = "▸ " if selected else ""
        self.query_one(".column-title", Static).update(f"{marker}{self.kind.label.upper()} ({count})")
        self.set_class(selected, "selected")

    async def fill(self, strengths: list[Strength]) -> None:
        view = self.query_one(ListView)
        keep = view.index
        await view.clear()
        self.strength_ids = [s.id for s in strengths]
        await view.extend(ListItem(Label(_item_text(s))) for s in strengths)
        if strengths:
            view.index = min(keep or 0, len(strengths) - 1)

    def highlighted(self) -> str | None:
        index = self.query_one(ListView).index
        if index is None or not 0 <= index < len(self.strength_ids):
            return None
        return self.strength_ids[index]


def _item_text(strength: Strength) -> str:
    tags = [tag.label.split(" (")[0] for tag in (strength.named_by, strength.dimension) if tag]
    return f"• {strength.text}" + (f"  ({' · '.join(tags)})" if tags else "")


class StrengthBoard(Vertical):
    BINDINGS = [
        Binding("e", "edit", "Wijzig", id="krachten.edit"),
        Binding("delete", "delete", "Weg", id="krachten.delete"),
        Binding("left", "column(-1)", "Kolom links", id="krachten.left", show=False),
        Binding("right", "column(1)", "Kolom rechts", id="krachten.right", show=False),
        Binding("i", "capture", "Typen", id="krachten.capture"),
    ]

    def __init__(self) -> None:
        super().__init__(id="pane-krachten", classes="stage-pane")
        self.selected = StrengthKind.IK_BEN
        self.context: StageContext | None = None
        self.data: CaseData | None = None
        self.meeting: Meeting | None = None

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Typ: ik kan goed koken  (Enter = opslaan)", id="capture")
        yield Static("", id="capture-hint", classes="hint")
        with Grid(id="board"):
            for kind in KINDS:
                yield StrengthColumn(kind)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Letter keys type text while the capture line has focus.
        if action in ("edit", "delete", "column", "capture") and isinstance(self.app.focused, Input):
            return False
        return True

    async def show(self, context: StageContext) -> None:
        self.context = context
        data, meeting, names = context.data, context.meeting, context.names
        self.data, self.meeting = data, meeting
        for kind in KINDS:
            column = self.query_one(f"#column-{kind.value}", StrengthColumn)
            strengths = [s for s in data.all(Strength) if s.kind is kind]
            await column.fill(strengths)
        capture = self.query_one("#capture", Input)
        draft = meeting.drafts.get(CAPTURE_STAGE, "")
        if draft and not capture.value:  # typed before the window closed: back where it was
            capture.value = draft
        self._show_selection()

    def _show_selection(self) -> None:
        if self.data is None:
            return
        for kind in KINDS:
            count = sum(1 for s in self.data.all(Strength) if s.kind is kind)
            self.query_one(f"#column-{kind.value}", StrengthColumn).show_selected(kind is self.selected, count)
        self.query_one("#capture-hint", Static).update(
            f"Geen ik ben/kan/heb/wil vooraan? Dan naar: {self.selected.label}.")

    def focus_first(self) -> bool:
        self.query_one("#capture", Input).focus()
        return True

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        for column in self.query(StrengthColumn):
            if event.widget in column.query(ListView):
                self.selected = column.kind
                self._show_selection()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.screen.capture_strength(event.value, self.selected)  # type: ignore[attr-defined]

    def action_capture(self) -> None:
        self.focus_first()

    def action_column(self, step: int) -> None:
        index = (KINDS.index(self.selected) + step) % len(KINDS)
        self.query_one(f"#list-{KINDS[index].value}", ListView).focus()

    def _highlighted(self) -> Strength | None:
        if self.data is None:
            return None
        column = self.query_one(f"#column-{self.selected.value}", StrengthColumn)
        return self.data.get(Strength, column.highlighted())

    def action_edit(self) -> None:
        strength = self._highlighted()
        if strength is None:
            self.notify("Kies eerst een kracht in een kolom (pijltjes, Tab).", severity="warning")
            return
        fields = [
            FormField("text", "Kracht", strength.text),
            FormField("kind", "Soort", strength.kind.value, "select",
                      [(k.label, k.value) for k in StrengthKind]),
            FormField("dimension", "Dimensie (mag leeg)", strength.dimension.value if strength.dimension else None,
                      "select", [(d.label, d.value) for d in Dimension]),
            FormField("named_by", "Wie noemde het (mag leeg)",
                      strength.named_by.value if strength.named_by else None, "select",
                      [(n.label, n.value) for n in NamedBy]),
        ]

        def build(values: dict[str, Any]) -> Strength:
            return strength.replace(text=values["text"], kind=values["kind"] or strength.kind,
                                    dimension=values["dimension"], named_by=values["named_by"])

        def done(answer: Strength | None) -> None:
            if answer is not None:
                self.selected = answer.kind
                self.screen.save_records(answer)  # type: ignore[attr-defined]

        self.app.push_screen(FormDialog("Kracht wijzigen", fields, build), done)

    def action_delete(self) -> None:
        strength = self._highlighted()
        if strength is None:
            self.notify("Kies eerst een kracht in een kolom.", severity="warning")
            return

        def done(yes: bool | None) -> None:
            if yes:
                self.screen.delete_record(Strength, strength.id)  # type: ignore[attr-defined]

        self.app.push_screen(ConfirmDialog(f"Kracht '{strength.text}' verwijderen?"), done)
