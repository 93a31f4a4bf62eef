"""A modal form that returns a validated answer. The caller saves it: dialogs never touch the store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.tui import literal
from krachtoverleg.tui.widgets.form_input import FormInput

T = TypeVar("T")


@dataclass
class FormField:
    name: str
    label: str
    value: Any = ""
    kind: Literal["text", "select", "check"] = "text"
    options: list[tuple[str, Any]] = field(default_factory=list)
    secret: bool = False  # privacy mode: a name is typed but not shown on the shared screen
    placeholder: str = ""


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
        Binding("tab", "app.focus_next", "Volgend veld", id="dialog.next", priority=True, show=False),
        Binding("shift+tab", "app.focus_previous", "Vorig veld", id="dialog.previous", priority=True,
                show=False),
    ]

    def __init__(self, title: str, fields: list[FormField],
                 build: Callable[[dict[str, Any]], T]) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.fields = fields
        self.build = build

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(literal.text(self.title_text), classes="dialog-title")
            for spec in self.fields:
                if spec.kind != "check":  # a checkbox carries its own label
                    yield Label(literal.text(spec.label), classes="field-label")
                yield self._widget_for(spec)
            yield Static("", id="form-error", classes="form-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Opslaan", variant="primary", id="save")
                yield Button("Annuleren", id="cancel")

    def on_mount(self) -> None:
        if self.fields:  # start typing in the first field, not on the scroll container
            self.set_focus(self.query_one(f"#field-{self.fields[0].name}"), scroll_visible=False)

    def on_key(self, event: events.Key) -> None:
        """Letters typed straight after the key that opened this form arrive before any field has
        the keyboard (a field takes its own letters, so only those reach the form itself): they
        go into the field that has it now, in the order typed."""
        field = self.focused
        if event.is_printable and event.character and isinstance(field, Input):
            event.stop()
            field.insert_text_at_cursor(event.character)

    def _widget_for(self, spec: FormField) -> Input | Select[Any] | Checkbox:
        widget_id = f"field-{spec.name}"
        if spec.kind == "select":
            options = [(literal.text(str(label)), value) for label, value in spec.options]
            return Select(options, value=spec.value if spec.value not in ("", None) else Select.NULL,
                          allow_blank=True, prompt="(kies)", id=widget_id)
        if spec.kind == "check":
            return Checkbox(literal.text(spec.label), bool(spec.value), id=widget_id)
        return FormInput(str(spec.value or ""), placeholder=spec.placeholder, password=spec.secret,
                         id=widget_id)

    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for spec in self.fields:
            widget = self.query_one(f"#field-{spec.name}")
            value = widget.value if isinstance(widget, Input | Select | Checkbox) else None
            result[spec.name] = None if value is Select.NULL else value
        return result

    def action_save(self, entered: dict[str, Any] | None = None) -> None:
        try:
            answer = self.build({**self.values(), **(entered or {})})
        except ValidationError as error:
            self.query_one("#form-error", Static).update(literal.text(f"Let op: {error}"))
            return
        self.dismiss(answer)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_form_input_entered(self, event: FormInput.Entered) -> None:
        """Enter in a text field saves, with that field's text as it was when Enter came."""
        event.stop()
        name = (event.field.id or "").removeprefix("field-")
        self.action_save({name: event.value})

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()
