"""A case as one document: its raw tables, what a save does to them, and what the case list shows.

Both engines keep a case as this one document (the folder store as a file, the team store as a
row), so a change means the same on both: `apply_changes` makes it, in memory, and the engine
writes the result in one step."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from tinydb import TinyDB

from krachtoverleg.core.errors import StoreError, ValidationError
from krachtoverleg.core.models import CASE_RECORDS, Case, ChangeEntry, Snapshot
from krachtoverleg.core.models.casedata import CaseData, planned_from
from krachtoverleg.core.models.changes import Applied, Change, Patch, Put
from krachtoverleg.core.models.meeting import OPEN_STATUSES
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.vocab import ChangeKind
from krachtoverleg.core.store.schema import META, SCHEMA_VERSION, stamp
from krachtoverleg.core.store.storage import PendingStorage

R = TypeVar("R", bound=Record)
_OPEN_STATUSES = {status.value for status in OPEN_STATUSES}
_TABLES = {record_type.TABLE: record_type for record_type in (Case, *CASE_RECORDS)}

# Fields a meeting keeps for itself while it runs (the stage on screen, the time per stage, a
# typed line): changed every minute, and no change to the client's record worth a log line.
BOOKKEEPING = frozenset({"current_stage", "stage_seconds", "drafts"})
NOT_LOGGED = frozenset({ChangeEntry.TABLE, Snapshot.TABLE})


@dataclass
class CaseSummary:
    """What the case list shows, kept apart from the case so listing never opens every case."""

    id: str
    code: str
    label: str
    open_actions: int = 0
    planned: list[date] = field(default_factory=list)
    damaged: str = ""

    def next_meeting(self, today: date) -> date | None:
        return next((day for day in self.planned if day >= today), None)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "label": self.label,
                "open_actions": self.open_actions,
                "planned": [day.isoformat() for day in self.planned], "damaged": self.damaged}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseSummary:
        # Read for every case at every open: plain lookups, no generator per entry.
        case_id, code, label = data.get("id"), data.get("code"), data.get("label")
        if not (isinstance(case_id, str) and isinstance(code, str) and isinstance(label, str)):
            raise TypeError("an index entry names a case by text")
        planned = data.get("planned")
        return cls(case_id, code, label, int(data.get("open_actions", 0)),
                   [date.fromisoformat(day) for day in planned] if planned else [], data.get("damaged", ""))


def summarise(raw: dict[str, Any]) -> CaseSummary:
    """The case list's entry of a case, straight from its raw tables (no record building)."""
    case = next(iter(raw.get(Case.TABLE, {}).values()))
    if not all(isinstance(case.get(key), str) for key in ("id", "code", "label")):
        raise TypeError("the case is not named by text")
    actions = raw.get("actions", {}).values()
    meetings = [(date.fromisoformat(m["date"]), int(m.get("number", 0)), m.get("status") == "open",
                 date.fromisoformat(m["next_meeting"]) if m.get("next_meeting") else None)
                for m in raw.get("meetings", {}).values()]
    return CaseSummary(
        id=case["id"], code=case["code"], label=case["label"],
        open_actions=sum(1 for a in actions if a.get("status") in _OPEN_STATUSES),
        planned=planned_from(meetings),
    )


# What the action index is made of (see core/rules/action_list.case_actions_of): the actions,
# their owners in the network, the meetings' numbers and dates, the steps that make hand-backs
# (and their goals, which may keep them off the screen), and the case's code and name.
ACTION_SOURCES = frozenset({"case", "meetings", "network", "actions", "steps", "goals"})


def changes_actions(changes: Sequence[Change]) -> bool:
    """Could these changes change the case's action index? A new strength cannot."""
    return any((change.record.TABLE if isinstance(change, Put) else change.record_type.TABLE)
               in ACTION_SOURCES for change in changes)


def apply_changes(raw: dict[str, Any], changes: Sequence[Change], now: datetime,
                  by: str = "") -> tuple[dict[str, Any], Applied]:
    """The case's raw tables with these changes made, in order, and what was written. A patch changes only its
    fields of the stored record, whatever copy the caller held; a change that does not fit (a
    removed record, a bad value) raises before the caller writes anything. `by` is the login
    that made the change, for the change log (the team store knows it; the folder store has one
    user)."""
    db = TinyDB(raw, storage=PendingStorage)
    applied = Applied()
    for change in changes:
        if isinstance(change, Put):
            existed = _upsert(db, change.record)
            applied.written.append(change.record)
            _log(db, now, by, change.record.TABLE, change.record.id,
                 ChangeKind.CHANGED if existed else ChangeKind.ADDED)
        elif isinstance(change, Patch):
            record = _stored(db, change.record_type, change.record_id).replace(**change.fields)
            _upsert(db, record)
            applied.written.append(record)
            if not set(change.fields) <= BOOKKEEPING:
                _log(db, now, by, record.TABLE, record.id, ChangeKind.CHANGED)
        else:
            table = db.table(change.record_type.TABLE)
            table.remove(doc_ids=[doc.doc_id for doc in table.all() if doc.get("id") == change.record_id])
            applied.removed.append((change.record_type, change.record_id))
            _log(db, now, by, change.record_type.TABLE, change.record_id, ChangeKind.REMOVED)
    storage = db.storage
    assert isinstance(storage, PendingStorage)
    return storage.data, applied


def _stored(db: TinyDB, record_type: type[R], record_id: str) -> R:
    for doc in db.table(record_type.TABLE).all():
        if doc.get("id") == record_id:
            return record_type.from_dict(dict(doc))
    raise StoreError(f"{record_type.LABEL.capitalize()} bestaat niet meer; misschien is het net verwijderd.")


def _upsert(db: TinyDB, record: Record) -> bool:
    """Store the record whole; say whether it was there before."""
    table = db.table(record.TABLE)
    doc = record.to_dict()
    if isinstance(record, Case):
        table.truncate()
        table.insert(doc)
        return True
    match = [d.doc_id for d in table.all() if d.get("id") == doc["id"]]
    if match:
        table.update(doc, doc_ids=match)  # every field is in doc, so this replaces it whole
    else:
        table.insert(doc)
    return bool(match)


def _log(db: TinyDB, at: datetime, by: str, table: str, record_id: str, kind: ChangeKind) -> None:
    """One line of the case's change log, in the same write as the change (see ChangeEntry)."""
    if table not in NOT_LOGGED:
        entry = ChangeEntry(at.replace(microsecond=0), table, record_id, kind, by=by)
        db.table(ChangeEntry.TABLE).insert(entry.to_dict())


def group(records: Iterable[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = {}
    for record in records:
        grouped.setdefault(record.TABLE, []).append(record)
    return grouped


def raw_from_records(data: CaseData) -> dict[str, Any]:
    raw: dict[str, Any] = {Case.TABLE: {"1": data.case.to_dict()}}
    for record_type in CASE_RECORDS:
        raw[record_type.TABLE] = {
            str(number): record.to_dict()
            for number, record in enumerate(data.all(record_type), start=1)
        }
    return stamp(raw, SCHEMA_VERSION)


def records_from_raw(raw: dict[str, Any]) -> CaseData:
    cases = list((raw.get(Case.TABLE) or {}).values())
    if len(cases) != 1:
        raise ValidationError("het bestand moet precies één casus bevatten")
    records: dict[str, list[Record]] = {}
    for table, docs in raw.items():
        if table in (META, Case.TABLE):
            continue
        if table not in _TABLES:
            raise ValidationError(f"onbekende tabel '{table}'")
        ordered = sorted(docs.items(), key=lambda item: int(item[0]))
        records[table] = [_TABLES[table].from_dict(doc) for _, doc in ordered]
    return CaseData(Case.from_dict(cases[0]), records)


def build_case(raw: dict[str, Any], name: str) -> CaseData:
    """The records of a case document; damage named in Dutch, never a traceback."""
    try:
        return records_from_raw(raw)
    except ValidationError as error:
        raise StoreError(f"{name} klopt niet: {error}") from None
    except (AttributeError, KeyError, TypeError, ValueError) as error:  # a table of the wrong shape
        raise StoreError(f"{name} heeft een onbekende vorm ({type(error).__name__}).") from None
