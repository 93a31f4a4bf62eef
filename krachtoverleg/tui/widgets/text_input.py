"""An Input that keeps the invisible characters that hold writing together.

Textual's Input inserts only characters Python calls printable, which leaves out Unicode's
format characters. Some of those are part of the text: the zero-width joiner makes one family
emoji of three people, the non-joiner and the direction marks shape Arabic, Persian and Hebrew
names. Pasted text keeps them; typed, they were dropped. Here they are inserted as typed."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

# Zero-width non-joiner and joiner, left-to-right and right-to-left mark, word joiner, and the
# direction isolates: what a keyboard or an emoji picker sends as part of a word.
KEPT_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f\u2060\u2066\u2067\u2068\u2069")


def is_typed_text(event: events.Key) -> bool:
    """A key that puts a character in the text: printable, or a format character we keep."""
    return bool(event.character) and (event.is_printable or event.character in KEPT_FORMAT_CHARACTERS)


class TextInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if event.character in KEPT_FORMAT_CHARACTERS and not event.is_printable:
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(event.character)
            return
        await super()._on_key(event)
