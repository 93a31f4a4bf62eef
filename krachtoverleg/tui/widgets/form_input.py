"""A text field for forms that takes Enter in order with the letters around it.

As an ordinary binding, Enter is handled only after the key has travelled up to the app: a
burst of keys (a paste, a slow remote link) could then save the form before the last letters
were in the field. Here Enter is taken in the field's own queue, and the answer carries the
field's text as it was at that moment. Focus never selects the text, so typing adds to what is
there instead of replacing it."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App
from textual.message import Message
from textual.widget import Widget

from krachtoverleg.tui.widgets.text_input import TextInput


class EnterGate:
    """Keys typed straight after Enter (`v`, a date, Enter, `p` in one burst) reach the field
    before its form has answered. They are held here, and once the form has saved they go to
    the screen below, where they were meant to go (the `p` opens plan B); when the form refused
    the value, they come back to the form. Without this they were typed into a closing form,
    and a second Enter saved it twice, which closed the screen below it as well."""

    def __init__(self) -> None:
        self.state = "typing"  # then "entered" until the form answers, "answered" once saved
        self.held: list[tuple[str, str | None]] = []

    def enter(self, field: Widget, value: Any) -> None:
        self.state = "entered"
        field.post_message(FormInput.Entered(field, value))

    def holds(self, field: Widget, event: events.Key) -> bool:
        if self.state == "typing":
            return False
        event.stop()
        event.prevent_default()
        if self.state == "entered":
            self.held.append((event.key, event.character))
        else:
            replay(field.app, [(event.key, event.character)])
        return True

    def settle(self, field: Widget, saved: bool) -> None:
        self.state = "answered" if saved else "typing"
        held, self.held = self.held, []
        replay(field.app, held)


def replay(app: App[Any], keys: list[tuple[str, str | None]]) -> None:
    for key, character in keys:
        app.post_message(events.Key(key, character))


def gate_of(field: Widget) -> EnterGate | None:
    gate = getattr(field, "gate", None)
    return gate if isinstance(gate, EnterGate) else None


class FormInput(TextInput):
    class Entered(Message):
        def __init__(self, field: Widget, value: Any) -> None:
            super().__init__()
            self.field = field
            self.value = value

    def __init__(self, value: str = "", *, placeholder: str = "", password: bool = False,
                 id: str | None = None, replace_on_type: bool = False) -> None:
        # compact: one row per field, so a whole form fits an 80x24 screen. A date shown in a
        # field is selected when the field gets the keyboard, so typing a new one replaces it.
        self.proposed = value if replace_on_type else None  # before Input's own setting of the value
        super().__init__(value, placeholder=placeholder, password=password, id=id,
                         select_on_focus=replace_on_type, compact=True)
        self.gate = EnterGate()

    def watch_value(self, value: str) -> None:
        """Once the proposed value is changed, it is the user's text: coming back to the field
        (Shift+Tab) no longer selects it, so one letter cannot wipe what was typed."""
        if self.proposed is not None and value != self.proposed:
            self.select_on_focus = False

    async def _on_key(self, event: events.Key) -> None:
        if self.gate.holds(self, event):
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.gate.enter(self, self.value)
            return
        await super()._on_key(event)
