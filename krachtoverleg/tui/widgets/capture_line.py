"""The capture line: type a line, Enter files it.

Enter empties the line in the same step that takes its text, before any key typed after it
is handled, so fast typing never lands in the line just filed."""

from __future__ import annotations

from textual import events
from textual.message import Message

from krachtoverleg.tui.widgets.text_input import TextInput


class CaptureLine(TextInput):
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

    class Pasted(Message):
        """Several lines pasted at once: each becomes its own strength."""

        def __init__(self, line: CaptureLine, lines: list[str]) -> None:
            super().__init__()
            self.line = line
            self.lines = lines

    def _on_paste(self, event: events.Paste) -> None:
        lines = [line.strip() for line in event.text.splitlines() if line.strip()]
        if len(lines) < 2:
            return  # one line: Input's own paste puts it where the cursor is

        event.stop()
        event.prevent_default()  # Input's own paste would keep only the first line
        typed = self.value.strip()
        if typed:  # what was typed before the paste belongs to its first line
            lines[0] = f"{typed} {lines[0]}"
        self.value = ""
        self.post_message(self.Pasted(self, lines))

    async def action_submit(self) -> None:
        self.capture()

    def capture(self) -> None:
        text = self.value
        if not text.strip():
            return
        self.value = ""
        self.post_message(self.Captured(self, text))

    def __init__(self, *, placeholder: str = "", id: str | None = None) -> None:
        # Focus never selects the text: coming back to a half-typed line, the next key adds to
        # it instead of replacing it.
        super().__init__(placeholder=placeholder, id=id, select_on_focus=False)

    def give_back(self, text: str) -> bool:
        """Not saved: put the text back if the line is still empty. A line typed since is never
        mixed with it (the caller then shows the text in its message); False in that case."""
        if self.value.strip():
            return False
        self.value = text
        self.cursor_position = len(text)
        return True
