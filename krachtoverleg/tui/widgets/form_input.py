"""A text field for forms that takes Enter in order with the letters around it.

As an ordinary binding, Enter is handled only after the key has travelled up to the app: a
burst of keys (a paste, a slow remote link) could then save the form before the last letters
were in the field. Here Enter is taken in the field's own queue, and the answer carries the
field's text as it was at that moment. Focus never selects the text, so typing adds to what is
there instead of replacing it."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.message import Message
from textual.widget import Widget

from krachtoverleg.tui.widgets.text_input import TextInput


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
        super().__init__(value, placeholder=placeholder, password=password, id=id,
                         select_on_focus=replace_on_type, compact=True)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Entered(self, self.value))
            return
        await super()._on_key(event)
