"""A choice list that picks by typing: with the list closed, typing the first letters of an
option chooses it at once ("p" for professional), without opening the list and pressing ↓ six
times. Space or ↓ open the whole list; Enter saves the form, as in every other field."""

from __future__ import annotations

import time
from typing import Any

from textual import events
from textual.widgets import Select

from krachtoverleg.tui.widgets.form_input import EnterGate

TYPING_PAUSE = 0.8  # seconds: letters typed closer together than this search together


class PickList(Select[Any]):
    def __init__(self, options: list[tuple[str, Any]], *, value: Any, id: str,
                 prompt: str = "(typ een letter · spatie = lijst)") -> None:
        super().__init__(options, value=value, allow_blank=True, prompt=prompt, id=id, type_to_search=True,
                         compact=True)
        self.choices = options
        self._typed = ""
        self._typed_at = 0.0
        self.gate = EnterGate()

    async def _on_key(self, event: events.Key) -> None:
        if self.gate.holds(self, event):
            return
        if event.key == "enter" and not self.expanded:  # Enter saves the form, as in every field;
            event.stop()  # Space or ↓ open the list
            event.prevent_default()
            self.gate.enter(self, self.value)
            return
        character = event.character
        if self.expanded or not event.is_printable or not character or character == " ":
            return
        event.stop()
        event.prevent_default()
        if self.numbers and not character.isdigit():
            return  # a letter in a list of numbers: not part of what is being typed
        now = time.monotonic()
        self._typed = (self._typed if now - self._typed_at < TYPING_PAUSE else "") + character.lower()
        self._typed_at = now
        found = self.match(self._typed)
        if found is not None:
            self.value = found

    @property
    def numbers(self) -> bool:
        """A list of numbers, such as levels 1 to 5: only digits pick."""
        return bool(self.choices) and all(str(label)[:1].isdigit() for label, _ in self.choices)

    def match(self, typed: str) -> Any:
        """The first option whose label starts with what was typed, else the first holding it.
        In a list of numbers ("3 beperkt zelfredzaam") only the number counts: "e" picks nothing,
        where it would have picked "1 geïsoleerd" for the letter in its words."""
        labels = [(label.lower(), value) for label, value in self.choices]
        for label, value in labels:
            if label.startswith(typed):
                return value
        if self.numbers:
            return None
        return next((value for label, value in labels if typed in label), None)
