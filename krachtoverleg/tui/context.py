"""What a stage pane needs to show itself: the case's data, this meeting, and how to name people."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from krachtoverleg.core.models import Meeting
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.rules.editing import may_edit
from krachtoverleg.core.rules.privacy import Names


@dataclass(frozen=True)
class StageContext:
    data: CaseData
    meeting: Meeting
    names: Names
    privacy: bool
    today: date
    window_writable: bool = True  # False in a second window on the same store
    # The whole case, hidden records included: `data` leaves out what is kept off the screen
    # in privacy mode; numbering and checks that must see everything use this.
    everything: CaseData | None = None
    mirror: bool = False  # the room's screen: content only, no keys to press


    @property
    def whole(self) -> CaseData:
        return self.everything if self.everything is not None else self.data

    @property
    def read_only(self) -> bool:
        return not may_edit(self.meeting, self.window_writable)

    def key(self, hint: str, *, edits: bool = True) -> str:
        """A key hint ("(v)", "druk op h") where the key works: never on the mirror, and for a key
        that changes the case (`edits`) not in a closed meeting or a second window."""
        if self.mirror or (edits and self.read_only):
            return ""
        return hint
