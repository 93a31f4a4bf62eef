"""An Input that keeps the invisible characters that hold writing together.

Textual's Input inserts only characters Python calls printable, which leaves out Unicode's
format characters. Some of those are part of the text: the zero-width joiner makes one family
emoji of three people, the non-joiner and the direction marks shape Arabic, Persian and Hebrew
names. Pasted text keeps them; typed, they were dropped. Here they are inserted as typed.

Editing keys (Backspace, Delete, Ctrl+U, Ctrl+W, Ctrl+K, Home, End, the arrows) are Input's
bindings, and Textual runs a binding only after its key has travelled up to the app, while the
letters typed after it go straight into the field. On a busy laptop "kasten", Backspace,
"n opruimen" then became "kastenn opruime". Here a field runs its own bindings in its own queue,
in order with the letters around them."""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea

# Zero-width non-joiner and joiner, left-to-right and right-to-left mark, word joiner, and the
# direction isolates: what a keyboard or an emoji picker sends as part of a word.
KEPT_FORMAT_CHARACTERS = frozenset("\u200c\u200d\u200e\u200f\u2060\u2066\u2067\u2068\u2069")


def is_typed_text(event: events.Key) -> bool:
    """A key that puts a character in the text: printable, or a format character we keep."""
    return bool(event.character) and (event.is_printable or event.character in KEPT_FORMAT_CHARACTERS)


async def run_own_binding(field: Widget, event: events.Key) -> bool:
    """Run the field's own binding for this key now, where the key is in line with the letters
    typed before and after it. Priority bindings were already run by the app when the key
    arrived; a key the field does not bind goes on up as usual."""
    for binding in field._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await field.app.run_action(binding.action, field):
            event.stop()
            event.prevent_default()
            return True
    return False


class TextInput(Input):
    async def _on_key(self, event: events.Key) -> None:
        if event.character in KEPT_FORMAT_CHARACTERS and not event.is_printable:
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(event.character)
            return
        if not is_typed_text(event) and await run_own_binding(self, event):
            return
        await super()._on_key(event)


async def type_into(field: Widget | None, event: events.Key) -> None:
    """A key that reached a dialog itself: typed straight after the key that opened it, before
    any field had the keyboard (a field takes its own keys). It goes to the field that has the
    keyboard now, in the order typed, corrections included."""
    if not isinstance(field, Input | TextArea):
        return
    if is_typed_text(event) and event.character:
        event.stop()
        if isinstance(field, Input) and not field.selection.is_empty:
            field.replace(event.character, *field.selection)  # a proposed value: typing replaces it
        elif isinstance(field, Input):
            field.insert_text_at_cursor(event.character)
        else:
            field.insert(event.character)
    else:
        await run_own_binding(field, event)
