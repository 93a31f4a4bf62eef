"""`krachtoverleg migrate --to …`: every case from one store to another, folder to team store or
back, with its snapshots, change log and drafts.

The source is only read. Each case is checked after copying: the same number of records of
every kind, and the same checksum of its canonical export (interchange.py). Run again after an
interruption, it copies what is missing and skips what is there already, so nothing is
duplicated; a case that is in the target with other content is left alone and named."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from krachtoverleg.core.errors import KrachtError, UnknownCase
from krachtoverleg.core.export.interchange import dumps, export_case
from krachtoverleg.core.models import CASE_RECORDS
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.store.engine import CaseStore

CANONICAL_MOMENT = datetime(2000, 1, 1)  # the export's own time, the same on both sides


def checksum(data: CaseData) -> str:
    return hashlib.sha256(dumps(export_case(data, CANONICAL_MOMENT)).encode("utf-8")).hexdigest()


def counts(data: CaseData) -> dict[str, int]:
    return {record_type.TABLE: len(data.all(record_type)) for record_type in CASE_RECORDS}


@dataclass(frozen=True)
class Moved:
    code: str
    outcome: str  # "gekopieerd", "stond er al", or why it was not copied
    ok: bool

    def line(self) -> str:
        return f"{'✓' if self.ok else '✗'} {self.code}: {self.outcome}"


def migrate(source: CaseStore, target: CaseStore) -> list[Moved]:
    moved = []
    for summary in source.cases():
        try:
            data = source.load(summary.id)
        except KrachtError as error:
            moved.append(Moved(summary.code, f"niet gekopieerd, de bron is beschadigd: {error}", False))
            continue
        moved.append(_copy(source, target, data))
    for draft in source.drafts(None).values():  # forms outside any case (a new case)
        target.keep_draft(None, draft)
    return moved


def _copy(source: CaseStore, target: CaseStore, data: CaseData) -> Moved:
    code, wanted = data.case.code, checksum(data)
    try:
        there = target.load(target.resolve(data.case.id).id)
    except UnknownCase:
        there = None
    if there is not None:
        if checksum(there) == wanted:
            _copy_drafts(source, target, data.case.id)
            return Moved(code, "stond er al (gelijk)", True)
        return Moved(code, "staat in het doel met een andere inhoud; niet overschreven", False)
    try:
        target.create_case(data.case, [r for rows in data.records.values() for r in rows])
        copied = target.load(data.case.id)
    except KrachtError as error:
        return Moved(code, f"niet gekopieerd: {error}", False)
    if counts(copied) != counts(data) or checksum(copied) != wanted:
        return Moved(code, "gekopieerd, maar de controle klopt niet; kijk het na", False)
    _copy_drafts(source, target, data.case.id)
    total = sum(counts(data).values()) + 1
    return Moved(code, f"gekopieerd en gecontroleerd ({total} gegevens)", True)


def _copy_drafts(source: CaseStore, target: CaseStore, case_id: str) -> None:
    for draft in source.drafts(case_id).values():
        target.keep_draft(case_id, draft)
