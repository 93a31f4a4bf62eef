"""The contract every stage pane keeps: it declares its stage key once, shows a context, says
where the keyboard starts, and asks its screen to save by message, never by calling it.

Panes register themselves by declaring `KEY`; `PANES` is read by the meeting screen and checked
against the agenda by a test."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual.message import Message
from textual.widget import Widget

from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Applied, Change, Remove, edit
from krachtoverleg.core.models.record import Record
from krachtoverleg.tui.context import StageContext
from krachtoverleg.tui.guard import NoSilentCancel

# Either the changes themselves, or how to work them out from the case as it stands when the
# save runs (moving a step with a held key must start from the previous move).
Changes = Sequence[Change] | Callable[[CaseData], Sequence[Change]]

PANES: dict[StageKey, type[StagePane]] = {}


def pane_id(key: StageKey) -> str:
    return f"pane-{key.value}"


class StagePane(NoSilentCancel, Widget):
    KEY: ClassVar[StageKey]
    EXTRA_CLASSES: ClassVar[str] = ""

    class SaveRequested(Message):
        """Save these changes; `done` receives the records as written (None: not saved)."""

        def __init__(self, changes: Changes, done: Callable[[Applied | None], None] | None = None) -> None:
            super().__init__()
            self.changes = changes
            self.done = done

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        key = cls.__dict__.get("KEY")
        if key is not None:
            if key in PANES:
                raise TypeError(f"two panes for stage {key}: {PANES[key].__name__} and {cls.__name__}")
            PANES[key] = cls

    def __init__(self) -> None:
        super().__init__(id=pane_id(self.KEY), classes=f"stage-pane {self.EXTRA_CLASSES}".strip())
        self.context: StageContext | None = None

    def show(self, context: StageContext) -> None:
        """Show this context, changing only what differs from what is on screen."""
        self.context = context
        self.refresh_view(context)

    def refresh_view(self, context: StageContext) -> None:
        raise NotImplementedError

    def focus_target(self) -> Widget | None:
        """Where the keyboard goes when the stage opens; None if there is no such place. The
        screen moves focus there at once, so keys typed just after PageDown arrive there."""
        return None

    def save(self, *changes: Change, done: Callable[[Applied | None], None] | None = None) -> None:
        self.post_message(self.SaveRequested(changes, done))

    def save_edit(self, before: Record | None, after: Record | None) -> None:
        """A form's answer: a new record, or only the fields the user changed."""
        if after is not None:
            self.save(edit(before, after))

    def remove_record(self, record_type: type[Record], record_id: str) -> None:
        self.save(Remove(record_type, record_id))
