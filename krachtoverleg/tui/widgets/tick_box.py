"""A checkbox that says yes or no with a sign that differs on and off (☑ / ☐): Textual's own
draws an X both ways, told apart only by colour, which a projector washes out."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Checkbox


class TickBox(Checkbox):
    @property
    def _button(self) -> Content:
        return Content.styled("☑" if self.value else "☐", "bold")  # ticked or an empty box
