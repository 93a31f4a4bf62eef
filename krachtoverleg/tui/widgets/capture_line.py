"""The capture line: type a line, Enter files it.

Enter empties the line in the same step that takes its text, before any key typed after it
is handled, so fast typing never lands in the line just filed."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class CaptureLine(Input):
    class Captured(Message):
        def __init__(self, line: CaptureLine, text: str) -> None:
            super().__init__()
            self.line = line
            self.text = text

    async def _on_key(self, event: events.Key) -> None:
        # Enter is taken here, in this widget's own queue, in order with the letters around it.
        # As an ordinary binding it would be handled only after the key had travelled up to the
        # app, and the letters typed just after it would already be in the line.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.capture()
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        self.capture()

    def capture(self) -> None:
        text = self.value
        if not text.strip():
            return
        self.value = ""
        self.post_message(self.Captured(self, text))

    def give_back(self, text: str) -> None:
        """Not saved: put the text back, ahead of anything typed since."""
        self.value = f"{text} {self.value}".rstrip() if self.value.strip() else text
        self.cursor_position = len(self.value)
