"""The AVG right to erasure: every record of one client, from the store and from every backup.

`plan_erasure` says what would go; `erase` does it. The backups are rewritten first, so a failure
half-way leaves the case itself in place, and running the erasure again finishes the job.

A team store keeps no backups of its own (the server's backups are the DBA's, and so is their
retention): there the erasure removes the case's row, its action rows and this laptop's drafts."""

from __future__ import annotations

from dataclasses import dataclass

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.models import CASE_RECORDS
from krachtoverleg.core.store.backup import backups_holding, erase_from_backups
from krachtoverleg.core.store.case_document import CaseSummary
from krachtoverleg.core.store.engine import CaseStore
from krachtoverleg.core.store.folder_store import FolderStore


@dataclass(frozen=True)
class ErasurePlan:
    case: CaseSummary
    records: dict[str, int] | None  # per kind of record; None when the case file is damaged
    backups: list[str]
    on_server: bool = False  # a team store: its backups are the server's, kept by the DBA

    def describe(self) -> list[str]:
        lines = [f"Casus {self.case.code} ({self.case.label}), id {self.case.id}"]
        if self.records is None:
            lines.append("- het casusbestand (beschadigd, dus niet te tellen)")
        else:
            lines += [f"- {count} × {label}" for label, count in self.records.items() if count]
        if self.on_server:
            lines.append("- de concepten op deze laptop. De reservekopieën van de server beheert de "
                         "beheerder; die verdwijnen volgens de bewaartermijn van de gemeente.")
        else:
            lines.append(f"- uit {len(self.backups)} reservekopieën: {', '.join(self.backups) or 'geen'}")
        return lines


def plan_erasure(store: CaseStore, code_or_id: str) -> ErasurePlan:
    summary = store.resolve(code_or_id)
    try:
        data = store.load(summary.id)
        counts = {record_type.LABEL: len(data.all(record_type)) for record_type in CASE_RECORDS}
        records: dict[str, int] | None = {"Casus": 1} | counts
    except KrachtError:
        records = None
    backups = backups_holding(store.root, summary.id) if isinstance(store, FolderStore) else []
    return ErasurePlan(summary, records, backups, on_server=not isinstance(store, FolderStore))


def erase(store: CaseStore, plan: ErasurePlan) -> list[str]:
    store.require_writer()
    changed = erase_from_backups(store.root, plan.case.id) if isinstance(store, FolderStore) else []
    store.erase_case(plan.case.id)
    return changed
