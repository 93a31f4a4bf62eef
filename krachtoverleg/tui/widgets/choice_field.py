"""A filter on one line: it shows its choice, and Enter, Space, ↓ or a click open a list to
change it that typing narrows (PickOneDialog). Three of Textual's Select took 140 ms to build,
most of the Acties screen's first showing; this is one widget each, and a list of 5,000 cases
is searched rather than scrolled."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from krachtoverleg.tui.dialogs.pick_one import Picked, PickOneDialog

ARROW = " ▼"


class ChoiceField(Widget, can_focus=True):
    # Acted on the moment it arrives (see bindings.stage_key): the letters typed right after it
    # then reach the list's search line, not this field, where they were lost.
    BINDINGS = [Binding("enter,space,down", "pick", "Kiezen", show=False, id="choice.pick", priority=True)]

    class Changed(Message):
        """Posted when the value changes: chosen in the list, or set in code."""

        def __init__(self, choice_field: ChoiceField, value: str | None) -> None:
            super().__init__()
            self.choice_field = choice_field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.choice_field

    def __init__(self, options: Iterable[tuple[str, str]], *, question: str, blank: str | None = None,
                 value: str | None = None, id: str | None = None) -> None:
        """`blank`: the label of choosing nothing ("Iedereen"); without it one option is always
        chosen, the first unless `value` says otherwise."""
        super().__init__(id=id)
        self.question = question
        self.blank = blank
        self._options: list[tuple[str, str]] = list(options)
        self._value = value if self._known(value) else self._fallback()

    # -- the value ----------------------------------------------------------------------------

    @property
    def value(self) -> str | None:
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        if not self._known(value):
            raise ValueError(f"{value!r} is not one of the choices of {self.id}")
        if value != self._value:
            self._value = value
            self.refresh()
            self.post_message(self.Changed(self, value))

    @property
    def options(self) -> list[tuple[str, str]]:
        return list(self._options)

    def set_options(self, options: Iterable[tuple[str, str]]) -> None:
        """New options; the choice stays if it is still one of them, else it falls back."""
        self._options = list(options)
        if not self._known(self._value):
            self.value = self._fallback()
        self.refresh()

    def clear(self) -> None:
        self.value = self._fallback()

    def _known(self, value: str | None) -> bool:
        if value is None:
            return self.blank is not None
        return any(value == option for _, option in self._options)

    def _fallback(self) -> str | None:
        if self.blank is not None or not self._options:
            return None
        return self._options[0][1]

    def label(self) -> str:
        if self._value is None:
            return self.blank or ""
        return next(label for label, value in self._options if value == self._value)

    # -- shown and chosen ---------------------------------------------------------------------

    def render(self) -> Text:
        room = max(self.content_region.width - cell_len(ARROW), 1)
        # the blank choice dimmed, but not when focused: dim on the focus colour is unreadable
        shown = Text(self.label(), style="dim" if self._value is None and not self.has_focus else "",
                     no_wrap=True)
        shown.truncate(room, overflow="ellipsis", pad=True)
        shown.append(ARROW)
        return shown

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_pick(self) -> None:
        listed: list[tuple[str, str | None]] = []
        if self.blank is not None:
            listed.append((self.blank, None))
        listed.extend(self._options)

        def chosen(answer: Picked | None) -> None:
            if answer is not None and self._known(answer.value):
                self.value = answer.value
            self.focus()

        self.app.push_screen(PickOneDialog(self.question, listed, self._value), chosen)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_pick()
