"""A modal form that returns a validated answer. The caller saves it: dialogs never touch the
store, except to keep what was typed as a draft when the program stops with the form open."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Select, Static, TextArea

from krachtoverleg.core.errors import KrachtError, ValidationError
from krachtoverleg.core.rules.offline import is_unsaved
from krachtoverleg.core.store.drafts import Draft
from krachtoverleg.tui import literal
from krachtoverleg.tui.dialogs.keys_help import KeyLine, KeysHelp
from krachtoverleg.tui.screens.base import DataScreen
from krachtoverleg.tui.services import services
from krachtoverleg.tui.widgets.form_input import FormInput, gate_of
from krachtoverleg.tui.widgets.long_input import LongInput
from krachtoverleg.tui.widgets.pick_list import PickList
from krachtoverleg.tui.widgets.text_input import type_into
from krachtoverleg.tui.widgets.tick_box import TickBox

T = TypeVar("T")


@dataclass
class FormField:
    name: str
    label: str
    value: Any = ""
    # long: several lines that wrap; date: typing replaces the date shown (dd-mm-jjjj)
    kind: Literal["text", "long", "date", "select", "check"] = "text"
    options: list[tuple[str, Any]] = field(default_factory=list)
    secret: bool = False  # privacy mode: a name is typed but not shown on the shared screen
    placeholder: str = ""
    # a value the app proposes (a folder, an action's text from its step; every date): shown
    # selected, so typing replaces it; End or an arrow keeps it and moves into it
    proposed: bool = False


class FormDialog(ModalScreen[T | None], Generic[T]):
    """`build` turns the entered values into the answer, raising ValidationError when they do
    not fit; its message is shown in the dialog and nothing is returned until it is right."""

    # Tab is a priority binding: handled the moment it arrives, so the letters typed after it go
    # to the next field (the letters before it are already on their way to the field being
    # left). As an ordinary binding it would wait until the key had travelled up from the field.
    # Enter is taken by the field itself, in order (FormInput).
    BINDINGS = [
        Binding("escape", "cancel", "Annuleren", id="dialog.cancel"),
        Binding("ctrl+s", "save", "Opslaan", id="dialog.save"),
        # the app's F1 is not reached from a modal screen: a form explains its own keys
        Binding("f1", "keys_help", "Alle toetsen", id="dialog.help"),
        Binding("tab", "app.focus_next", "Volgend veld", id="dialog.next", priority=True, show=False),
        Binding("shift+tab", "app.focus_previous", "Vorig veld", id="dialog.previous", priority=True,
                show=False),
    ]

    def __init__(self, title: str, fields: list[FormField],
                 build: Callable[[dict[str, Any]], T], *, keeps_drafts: bool = True,
                 case_id: str | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title[:1].upper() + title[1:]  # "professional: …" reads as a sentence
        self.fields = fields
        self.build = build
        self.keeps_drafts = keeps_drafts
        # The same form opened on the same record gets the same key, so its draft finds it again.
        opened_with = [title, [[spec.name, str(spec.value)] for spec in fields]]
        self.draft_key = hashlib.sha256(json.dumps(opened_with).encode()).hexdigest()[:24]
        self._had_draft = False
        self._case_id = case_id  # given when the screen below shows more than one case
        self.answered = False

    def compose(self) -> ComposeResult:
        # The fields scroll; the title, the messages and the buttons always stay in view, so
        # Opslaan is never below the fold on a small screen.
        with Vertical(classes="dialog form-dialog"):
            yield Static(literal.text(self.title_text), classes="dialog-title")
            with VerticalScroll(classes="dialog-fields"):
                for spec in self.fields:
                    if spec.kind != "check":  # a checkbox carries its own label
                        yield Static(literal.text(spec.label), classes="field-label")
                    yield self._widget_for(spec)
            yield Static("", id="form-note", classes="form-note")
            yield Static("", id="form-error", classes="form-error")
            if any(spec.kind == "long" for spec in self.fields):  # its own line: it would not fit
                yield Static("Ctrl+J = nieuwe regel in een lang tekstveld", classes="dialog-keys-extra")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opslaan", variant="primary", id="save", compact=True)
                yield Button("Annuleren", id="cancel", compact=True)
                yield Static(self._keys_hint(), classes="dialog-keys")

    def _keys_hint(self) -> str:
        return "Enter opslaan · Esc annuleren · F1 hulp"

    def action_keys_help(self) -> None:
        kinds: set[str] = {spec.kind for spec in self.fields}
        self.app.push_screen(KeysHelp("Toetsen in dit formulier", form_key_lines(kinds),
                                      closing="Escape of F1: terug naar het formulier. ↑ ↓: verder lezen."))

    def on_mount(self) -> None:
        if self.fields:  # start typing in the first field, not on the scroll container
            self.set_focus(self.query_one(f"#field-{self.fields[0].name}"), scroll_visible=False)
        self._bring_back_draft()

    # -- drafts: what was typed when the program stopped comes back -------------------------

    def case_id(self) -> str | None:
        """The case this form belongs to: the one on the screen it was opened from."""
        if self._case_id is not None:
            return self._case_id
        stack = self.app.screen_stack
        below = stack[: stack.index(self)] if self in stack else stack
        for screen in reversed(below):
            if isinstance(screen, DataScreen):
                return screen.watched_case()
        return None

    def unsaved(self) -> Draft | None:
        """What was typed here and not saved, as a draft; None when nothing changed."""
        if not self.keeps_drafts or not self.is_mounted:
            return None
        now = _draftable(self.values())
        if now == _draftable({spec.name: spec.value for spec in self.fields}):
            return None
        return Draft(self.draft_key, self.title_text, now,
                     {spec.name: spec.label for spec in self.fields}, services(self).clock.now(),
                     frozenset(spec.name for spec in self.fields if spec.secret))

    def _bring_back_draft(self) -> None:
        if not self.keeps_drafts:
            return
        draft = services(self).store.drafts(self.case_id()).get(self.draft_key)
        if draft is None:
            return
        self._had_draft = True
        for spec in self.fields:
            if spec.name in draft.values:
                self._fill(spec, draft.values[spec.name])
        note = self.query_one("#form-note", Static)
        note.update(literal.text(f"Teruggezet: wat je hier typte voordat het programma stopte "
                                 f"({draft.kept:%d-%m %H:%M}). Opslaan bewaart het; Annuleren gooit "
                                 "het weg."))
        note.add_class("-shown")

    def _fill(self, spec: FormField, value: Any) -> None:
        widget = self.query_one(f"#field-{spec.name}")
        if isinstance(widget, Checkbox) and isinstance(value, bool):
            widget.value = value
        elif isinstance(widget, Select):
            for _label, option in spec.options:
                if option is not None and str(option) == value:
                    widget.value = option
        elif isinstance(widget, Input | LongInput) and isinstance(value, str):
            widget.value = value

    def _forget_draft(self) -> None:
        if self._had_draft:
            with contextlib.suppress(KrachtError):  # it only comes back once more: no harm
                services(self).store.drop_draft(self.case_id(), self.draft_key)

    async def on_key(self, event: events.Key) -> None:
        await type_into(self.focused, event)  # typed before a field had the keyboard

    def _widget_for(self, spec: FormField) -> Input | Select[Any] | Checkbox | TextArea:
        widget_id = f"field-{spec.name}"
        if spec.kind == "select":
            options = [(literal.text(str(label)), value) for label, value in spec.options]
            return PickList(options, value=spec.value if spec.value not in ("", None) else Select.NULL,
                            id=widget_id, **({"prompt": spec.placeholder} if spec.placeholder else {}))
        if spec.kind == "check":
            return TickBox(literal.text(spec.label), bool(spec.value), id=widget_id)
        if spec.kind == "long":
            return LongInput(str(spec.value or ""), id=widget_id)
        is_date = spec.kind == "date"
        placeholder = spec.placeholder or ("dd-mm-jjjj" if is_date else "")
        return FormInput(str(spec.value or ""), placeholder=placeholder, password=spec.secret, id=widget_id,
                         replace_on_type=is_date or spec.proposed)

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            value = widget.value if isinstance(widget, Input | Select | Checkbox | LongInput) else None
            result[spec.name] = None if value is Select.NULL else value
        return result

    def action_save(self, entered: dict[str, Any] | None = None) -> bool:
        """Save once: a key held down, or Enter then Ctrl+S, must not answer twice (a second
        dismiss closed the screen below the form too)."""
        if self.answered:
            return True
        try:
            answer = self.build({**self.values(), **(entered or {})})
        except ValidationError as error:
            shown = self.query_one("#form-error", Static)
            shown.update(literal.text(form_message(str(error))))
            shown.add_class("-shown")
            return False
        self._forget_draft()
        self.answered = True
        self.dismiss(answer)
        return True

    def _clear_error(self) -> None:
        """A choice or a correction made: the complaint about the old value goes."""
        self.query_one("#form-error", Static).remove_class("-shown")

    def on_select_changed(self) -> None:
        self._clear_error()

    def on_input_changed(self) -> None:
        self._clear_error()

    def action_cancel(self) -> None:
        if self.answered:
            return
        self._forget_draft()
        self.answered = True
        self.dismiss(None)

    def on_form_input_entered(self, event: FormInput.Entered) -> None:
        """Enter in a text field saves, with that field's text as it was when Enter came; keys
        typed after the Enter then go on to where they belong (see EnterGate)."""
        event.stop()
        name = (event.field.id or "").removeprefix("field-")
        saved = self.action_save({name: None if event.value is Select.NULL else event.value})
        gate = gate_of(event.field)
        if gate is not None:
            gate.settle(event.field, saved)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()


def form_key_lines(kinds: set[str]) -> list[KeyLine]:
    """What a form's keys do, for the kinds of field it has (F1 in a form)."""
    form, text = "Dit formulier", "In een tekstveld"
    lines = [KeyLine(form, "Enter", "opslaan (in elk veld)"), KeyLine(form, "Esc", "annuleren"),
             KeyLine(form, "Tab", "volgend veld (Shift+Tab: vorig veld)"),
             KeyLine(form, "Ctrl+S", "opslaan"),
             KeyLine(text, "typen", "een voorgestelde tekst (gekleurd) vervang je door te typen"),
             KeyLine(text, "← → Home End", "door de tekst bewegen; End houdt een voorgestelde tekst"),
             KeyLine(text, "Backspace Del", "een teken weg, links of rechts"),
             KeyLine(text, "Ctrl+W", "het woord links weg"),
             KeyLine(text, "Ctrl+U", "alles links weg (Ctrl+K: alles rechts)")]
    if "long" in kinds:
        lines.append(KeyLine("In een lang tekstveld", "Ctrl+J", "nieuwe regel"))
    if "select" in kinds:
        pick = "In een keuzelijst"
        lines += [KeyLine(pick, "een letter", "kiest wat zo begint (p voor professional)"),
                  KeyLine(pick, "Spatie of ↓", "de hele lijst openen; Enter kiest")]
    if "check" in kinds:
        lines.append(KeyLine("Bij een vinkje", "Spatie", "aan of uit"))
    return lines


def _draftable(values: dict[str, Any]) -> dict[str, Any]:
    """Text, a choice that is text, or a tick: what a draft file can hold and give back."""
    return {name: value if isinstance(value, bool | str) else str(value)
            for name, value in values.items() if value is not None and value != ""}


def remind_drafts(node: DOMNode, case_id: str | None) -> None:
    """Say which forms wait half-filled, so the typing is found again (and what it was, unless
    it was typed hidden)."""
    drafts = services(node).store.drafts(case_id)
    for draft in drafts.values():
        if is_unsaved(draft):  # the text may hold a name: on the shared screen only with names shown
            text = f"“{draft.values.get('text', '')}”" if services(node).show_names else "(te zien met F9)"
            services(node).notify(
                f"Niet opgeslagen toen de teamopslag niet bereikbaar was: {text}. Typ of plak het "
                "opnieuw; dan verdwijnt deze melding.", title="Bewaard op deze laptop",
                severity="warning", timeout=20)
            continue
        typed = "; ".join(f"{label}: {value[:60]}" for label, value in draft.typed())
        services(node).notify(
            f"Half ingevuld toen het programma stopte: '{draft.title}'. Open dat formulier weer; "
            f"wat je typte staat er dan in." + (f"\n{typed}" if typed else ""),
            title="Concept bewaard", timeout=20)


def form_message(error: str) -> str:
    """A model's message, said once: "Netwerk: naam: vul dit in" becomes "Naam: vul dit in" in
    the form for that record (the form's title already says which record it is)."""
    parts = error.split(": ")
    if len(parts) >= 3:
        error = ": ".join(parts[1:])
    return error[:1].upper() + error[1:]
