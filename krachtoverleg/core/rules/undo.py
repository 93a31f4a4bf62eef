"""Undo: the change that takes a save back, worked out from the case as it was before the save.

A record the save added is removed again; a record it removed comes back whole; a record it
changed gets back only the fields the save changed, so whatever else happened to it since (the
meeting's clock, the current stage) stays."""

from __future__ import annotations

from dataclasses import dataclass, field

from krachtoverleg.core.models import Case
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Applied, Change, Patch, Put, Remove, patch
from krachtoverleg.core.models.record import Record

UNDO_DEPTH = 20  # how many saves back `u` can go


@dataclass(frozen=True)
class Undo:
    what: str  # said when it is undone: "Kracht: een doorzetter"
    changes: list[Change] = field(default_factory=list)


def _before(data: CaseData, record: Record) -> Record | None:
    if isinstance(record, Case):
        return data.case
    return data.get(type(record), record.id)


def undo_of(before: CaseData, applied: Applied) -> Undo | None:
    """What brings the case back to `before`; None when the save changed nothing."""
    changes: list[Change] = []
    for record in applied.written:
        old = _before(before, record)
        if old is None:
            changes.append(Remove(type(record), record.id))
            continue
        back = patch(record, old)
        if back.fields:
            changes.append(Patch(back.record_type, back.record_id, back.fields))
    for record_type, record_id in applied.removed:
        old = before.get(record_type, record_id)
        if old is not None:
            changes.append(Put(old))
    if not changes:
        return None
    return Undo(describe(applied), list(reversed(changes)))


def describe(applied: Applied) -> str:
    """A few words for the notice: the kind of record and its text, if it has one."""
    records = [r for r in applied.written if not isinstance(r, Case)] or list(applied.written)
    if records:
        first = records[0]
        text = getattr(first, "text", None) or getattr(first, "what", None) or ""
        return f"{first.LABEL}: {text}" if text else first.LABEL
    if applied.removed:
        return f"{applied.removed[0][0].LABEL} weggehaald"
    return "de laatste wijziging"
