"""The status line: the newest notice, in the screen's bottom line where the footer's keys are.

Textual shows notices as toasts over the bottom right of the screen, where they hid the newest
strength and a pick list's ▼. Here a notice takes the footer's place until it expires, so it
covers no work, and the keys come back after it. A screen without this line (the blank screen,
the family's own time, the mirror) shows no notice at all: a notice can hold client text."""

from __future__ import annotations

from rich.text import Text
from textual.notifications import Notification
from textual.widgets import Static

SIGNS = {"information": "›", "warning": "⚠", "error": "✖"}  # a tick would say "gelukt" to everything


class NoticeLine(Static):
    def __init__(self) -> None:
        super().__init__("", id="notice-line")
        self.notice: Notification | None = None

    def show_notice(self, notice: Notification | None) -> None:
        if notice is self.notice:
            return
        self.notice = notice
        self.screen.set_class(notice is not None, "-notice")
        for severity in SIGNS:
            self.set_class(notice is not None and notice.severity == severity, f"-{severity}")
        if notice is None:
            self.update("")
            return
        line = Text(f" {SIGNS.get(notice.severity, '•')} ", style="bold")
        if notice.title:
            line.append(f"{notice.title}: ", style="bold")
        line.append(" ".join(str(notice.message).split()))  # one paragraph: lines would be lost
        self.update(line)
