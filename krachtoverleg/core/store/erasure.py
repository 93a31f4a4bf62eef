"""The AVG right to erasure: every record of one client, from the store and from every backup.

`plan_erasure` says what would go; `erase` does it. The backups are rewritten first, so a failure
half-way leaves the case itself in place, and running the erasure again finishes the job."""

from __future__ import annotations

from dataclasses import dataclass

from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.models import CASE_RECORDS
from krachtoverleg.core.store.backup import backups_holding, erase_from_backups
from krachtoverleg.core.store.case_store import CaseSummary, Store


@dataclass(frozen=True)
class ErasurePlan:
    case: CaseSummary
    records: dict[str, int] | None  # per kind of record; None when the case file is damaged
    backups: list[str]

    def describe(self) -> list[str]:
        lines = [f"Casus {self.case.code} ({self.case.label}), id {self.case.id}"]
        if self.records is None:
            lines.append("- het casusbestand (beschadigd, dus niet te tellen)")
        else:
            lines += [f"- {count} × {label}" for label, count in self.records.items() if count]
        lines.append(f"- uit {len(self.backups)} reservekopieën: {', '.join(self.backups) or 'geen'}")
        return lines


def plan_erasure(store: Store, code_or_id: str) -> ErasurePlan:
    summary = store.resolve(code_or_id)
    try:
        data = store.load(summary.id)
        counts = {record_type.LABEL: len(data.all(record_type)) for record_type in CASE_RECORDS}
        records: dict[str, int] | None = {"Casus": 1} | counts
    except KrachtError:
        records = None
    return ErasurePlan(summary, records, backups_holding(store.root, summary.id))


def erase(store: Store, plan: ErasurePlan) -> list[str]:
    store.require_writer()
    changed = erase_from_backups(store.root, plan.case.id)
    store.erase_case(plan.case.id)
    return changed
