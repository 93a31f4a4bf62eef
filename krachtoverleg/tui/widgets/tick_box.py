"""A checkbox that says yes or no with a sign that differs on and off (☑ / ☐): Textual's own
draws an X both ways, told apart only by colour, which a projector washes out."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox

from krachtoverleg.tui.widgets.form_input import FormInput


class TickBox(Checkbox):
    """Space ticks; Enter saves the form it is in, as in every other field."""

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "space":  # this box, also when Tab typed right after moved the keyboard on
            event.stop()
            event.prevent_default()
            self.toggle()
            return
        if event.key == "enter" and isinstance(self.screen, ModalScreen):
            event.stop()
            event.prevent_default()
            self.post_message(FormInput.Entered(self, self.value))

    @property
    def _button(self) -> Content:
        return Content.styled("☑" if self.value else "☐", "bold")  # ticked or an empty box
