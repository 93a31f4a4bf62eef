"""A field for text of several lines (a hulpvraag, a summary, plan B): it wraps instead of
scrolling sideways. Enter saves the form, as in every other field; Ctrl+J starts a new line
(pasted text keeps its lines). It answers to `value` like a one-line field does."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from krachtoverleg.tui.widgets.form_input import EnterGate
from krachtoverleg.tui.widgets.text_input import is_typed_text, run_own_binding


class LongInput(TextArea):
    def __init__(self, value: str = "", *, id: str | None = None) -> None:
        super().__init__(value, id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                         classes="long-field", compact=True)
        self.gate = EnterGate()

    def on_focus(self) -> None:
        self.move_cursor(self.document.end)  # coming back to a text, typing adds to its end

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.text = text

    async def _on_key(self, event: events.Key) -> None:
        if self.gate.holds(self, event):
            return
        if event.key == "enter":  # in order with the letters before it, like FormInput
            event.stop()
            event.prevent_default()
            self.gate.enter(self, self.text)
            return
        if event.key == "ctrl+j":
            event.stop()
            event.prevent_default()
            self.insert("\n")
            return
        if not is_typed_text(event) and await run_own_binding(self, event):
            return  # Backspace, Ctrl+U and the rest in order with the letters (see TextInput)
        await super()._on_key(event)
