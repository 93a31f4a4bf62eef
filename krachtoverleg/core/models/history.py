"""What a case remembers about its own past.

`Snapshot`: the case as it stood when a meeting closed. The minutes of a closed meeting are made
from it, so minutes made again months later are the document that was mailed, whatever changed
in the case since. `ChangeEntry`: one line of the case's change log (when, which kind of record,
added, changed or removed); part of what a client sees on inzage (export-case)."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models.record import Record, new_id
from krachtoverleg.core.models.validate import FIRST_YEAR, LAST_YEAR, clean_text, to_enum
from krachtoverleg.core.models.vocab import ChangeKind


def to_moment(value: object, label: str) -> datetime:
    """A moment, in a year a plan can have (the system clock writes one with its zone)."""
    moment = value if isinstance(value, datetime) else None
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            moment = datetime.fromisoformat(value)
    if moment is None:
        raise ValidationError(f"{label}: verwacht een tijdstip (jjjj-mm-ddTuu:mm).")
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise ValidationError(f"{label}: het jaar {moment.year} ligt niet tussen {FIRST_YEAR} en "
                              f"{LAST_YEAR}.")
    return moment


def comparable(moment: datetime) -> datetime:
    """Moments with and without a zone side by side (the system clock writes one, a file from
    elsewhere may not): as local time without a zone, so they can be ordered."""
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo is not None else moment


@dataclass
class Snapshot(Record):
    TABLE = "snapshots"
    LABEL = "Vastgelegde stand"

    meeting_id: str
    taken: datetime
    tables: dict[str, Any]  # the case file's tables, without the snapshots themselves
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.taken = to_moment(self.taken, "Vastgelegde stand: gemaakt op")
        if not isinstance(self.tables, dict) or not all(
                isinstance(key, str) and isinstance(value, dict) for key, value in self.tables.items()):
            raise ValidationError("Vastgelegde stand: verwacht de tabellen van een casus.")


@dataclass
class ChangeEntry(Record):
    TABLE = "changes"
    LABEL = "Wijziging"

    at: datetime
    record: str  # the table: "goals", "network", ...
    record_id: str
    kind: ChangeKind
    id: str = field(default_factory=new_id)
    by: str = ""  # the login that made the change, on a team store (a folder store has one user)

    def __post_init__(self) -> None:
        self.at = to_moment(self.at, "Wijziging: tijdstip")
        self.record = clean_text(self.record, "Wijziging: soort gegeven", limit=40)
        self.kind = to_enum(ChangeKind, self.kind, "Wijziging: wat")
        self.by = clean_text(self.by, "Wijziging: door", limit=63, required=False)

    def to_dict(self) -> dict[str, Any]:
        plain = super().to_dict()
        if not self.by:
            del plain["by"]  # a folder store's log stays as it always was
        return plain
