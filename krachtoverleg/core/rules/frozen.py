"""Minutes are a fixed record: the minutes of a closed meeting are made from the case as it
stood when the meeting closed, so made again a month later they are the same document.

When a meeting closes, a `Snapshot` of the case (every table but the snapshots and the change
log) is stored in the case file with it, in the same write. Reopening keeps the snapshot; closing
again replaces it with the case as it stands then, because what the reopened meeting changed
belongs in its minutes. A meeting closed before snapshots existed (schema 1) got one when its
store was upgraded. An open meeting's minutes are a draft, made from the case as it is now."""

from __future__ import annotations

from datetime import datetime

from krachtoverleg.core.errors import StoreError, ValidationError
from krachtoverleg.core.models import Meeting, Snapshot
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change, Patch, Put
from krachtoverleg.core.models.history import comparable
from krachtoverleg.core.models.vocab import MeetingStatus
from krachtoverleg.core.store.case_document import raw_from_records, records_from_raw
from krachtoverleg.core.store.schema import case_tables


def snapshot_of(data: CaseData, meeting_id: str) -> Snapshot | None:
    found = [s for s in data.all(Snapshot) if s.meeting_id == meeting_id]
    return max(found, key=lambda s: comparable(s.taken)) if found else None


def close(data: CaseData, meeting: Meeting, now: datetime) -> list[Change]:
    """Close the meeting and keep the case as it stands, closed meeting included."""
    closed = meeting.replace(status=MeetingStatus.CLOSED)
    records = {table: [closed if isinstance(r, Meeting) and r.id == meeting.id else r for r in rows]
               for table, rows in data.records.items()}
    tables = case_tables(raw_from_records(CaseData(data.case, records)))
    earlier = snapshot_of(data, meeting.id)
    snapshot = Snapshot(meeting.id, now.replace(microsecond=0), tables,
                        **({"id": earlier.id} if earlier else {}))
    return [Patch(Meeting, meeting.id, {"status": MeetingStatus.CLOSED}), Put(snapshot)]


def as_minuted(data: CaseData, meeting: Meeting) -> CaseData:
    """The case the minutes of this meeting are made from."""
    snapshot = None if meeting.is_open else snapshot_of(data, meeting.id)
    if snapshot is None:
        return data
    try:
        return records_from_raw(snapshot.tables)
    except (ValidationError, AttributeError, KeyError, TypeError, ValueError) as error:
        raise StoreError(f"De vastgelegde stand van overleg {meeting.number} is beschadigd ({error}); "
                         "het verslag kan zo niet opnieuw worden gemaakt.") from None


def snapshot_problems(data: CaseData) -> list[str]:
    """Snapshots that could not make their minutes: for `check` and for an import."""
    problems = []
    numbers = {m.id: m.number for m in data.all(Meeting)}
    for snapshot in data.all(Snapshot):
        where = f"De vastgelegde stand van overleg {numbers.get(snapshot.meeting_id, '?')}"
        try:
            records_from_raw(snapshot.tables)
        except (ValidationError, AttributeError, KeyError, TypeError, ValueError) as error:
            problems.append(f"{where} is beschadigd ({error}).")
    return problems
