"""What may be changed, and the one place the screen asks before it saves.

A closed meeting is read-only until it is reopened; a second window on the same store only
reads. The panes ask `may_edit` to offer only the keys that work; the screen asks `refusal`."""

from __future__ import annotations

from collections.abc import Sequence

from krachtoverleg.core.models import Meeting
from krachtoverleg.core.models.agenda import StageKey, stage_named
from krachtoverleg.core.models.changes import Change, Patch
from krachtoverleg.core.models.vocab import MeetingStatus

CLOSED = ("Dit overleg is gesloten: er verandert niets meer. "
          f"Heropenen: ga naar {stage_named(StageKey.AFSLUITING)} en druk op o.")
CLOSED_HERE = "Dit overleg is gesloten: er verandert niets meer. Heropenen: druk op o."
READ_ONLY_WINDOW = ("Niet opgeslagen: dit venster kan alleen lezen, want de gegevens zijn al open "
                    "in een ander venster. Wijzig daar.")


def may_edit(meeting: Meeting, window_writable: bool) -> bool:
    return meeting.is_open and window_writable


def why_read_only(meeting: Meeting, window_writable: bool, *, at_closing: bool = False) -> str:
    """What a key that would change something says when nothing may change."""
    if not window_writable:
        return READ_ONLY_WINDOW
    return CLOSED_HERE if at_closing else CLOSED


def closes(meeting: Meeting, change: Change) -> bool:
    return (isinstance(change, Patch) and change.record_type is Meeting
            and change.record_id == meeting.id and change.fields.get("status") is MeetingStatus.CLOSED)


def reopens(meeting: Meeting, change: Change) -> bool:
    return (isinstance(change, Patch) and change.record_type is Meeting
            and change.record_id == meeting.id and change.fields.get("status") is MeetingStatus.OPEN)


def refusal(meeting: Meeting, window_writable: bool, changes: Sequence[Change]) -> str | None:
    """Why these changes may not be saved now, in Dutch; None when they may."""
    if not window_writable:
        return READ_ONLY_WINDOW
    if meeting.is_open or (changes and all(reopens(meeting, change) for change in changes)):
        return None
    return CLOSED
