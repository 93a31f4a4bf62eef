"""The column to the right of the stage on a wide screen: the parts of the case the talk in this
stage refers to (see `core.rules.glance`). Hidden on smaller screens and in stages without one."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from krachtoverleg.core.rules.glance import Section


def glance_text(sections: list[Section]) -> Text:
    text = Text()
    for number, section in enumerate(sections):
        if number:
            text.append("\n")
        if section.title:
            text.append(section.title + "\n", style="bold underline")
        for line in section.lines or ((section.empty,) if section.empty else ()):
            text.append(line + "\n")
    text.rstrip()
    return text


class GlanceColumn(VerticalScroll, can_focus=False):
    def on_mount(self) -> None:
        self.border_title = "Ook in beeld"

    def compose(self) -> ComposeResult:
        yield Static("", id="glance-text")

    def show(self, sections: list[Section]) -> None:
        self.query_one("#glance-text", Static).update(glance_text(sections))
