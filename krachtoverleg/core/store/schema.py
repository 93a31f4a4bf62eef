"""The stored schema version and the upgrade path from older versions.

Each case file holds its version in the `_meta` table. `MIGRATIONS[n]` turns a version-n file
into version n+1; files are upgraded on load and written back by the next writer."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from krachtoverleg.core.errors import StoreError
from krachtoverleg.core.store.safe_read import shallow

SCHEMA_VERSION = 3
META = "_meta"
CHANGE_LOG = "changes"
SNAPSHOTS = "snapshots"

Raw = dict[str, Any]
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}


def migration(version: int) -> Callable[[Callable[[Raw], Raw]], Callable[[Raw], Raw]]:
    def register(step: Callable[[Raw], Raw]) -> Callable[[Raw], Raw]:
        MIGRATIONS[version] = step
        return step

    return register


def case_tables(raw: Raw) -> Raw:
    """A copy of the case's own tables: what a snapshot holds (never the snapshots themselves,
    the change log or the version stamp)."""
    return copy.deepcopy({table: docs for table, docs in raw.items()
                          if table not in (META, SNAPSHOTS, CHANGE_LOG)})


@migration(1)
def _freeze_closed_meetings(raw: Raw) -> Raw:
    """Schema 2 makes the minutes of a closed meeting from the case as it stood when the meeting
    closed. For meetings closed before schema 2 that moment is gone; the nearest is the upgrade:
    from then on their minutes no longer change. Every other new field has a default."""
    tables = case_tables(raw)
    snapshots = dict(raw.get(SNAPSHOTS) or {})
    frozen = {doc.get("meeting_id") for doc in snapshots.values() if isinstance(doc, dict)}
    number = max((int(key) for key in snapshots), default=0)
    for meeting in (raw.get("meetings") or {}).values():
        closed = isinstance(meeting, dict) and meeting.get("status") == "closed"
        if closed and isinstance(meeting.get("id"), str) and meeting["id"] not in frozen:
            number += 1
            snapshots[str(number)] = {"meeting_id": meeting["id"], "taken": f"{meeting.get('date')}T00:00:00",
                                      "tables": tables, "id": f"upgrade-{meeting['id']}"[:64]}
    raw[SNAPSHOTS] = snapshots
    return raw


@migration(2)
def _choose_the_domains_scored(raw: Raw) -> Raw:
    """Schema 3 asks the team to choose a case's ZRM domains, and offers only those for scoring.
    A case scored before had no choice stored: the domains it scored become its choice, so
    nothing measured drops out of the form. Records can now be kept off the shared screen and
    be marked as the family's; those new fields default to 'no'."""
    scored: list[str] = []
    for doc in (raw.get("zrm_scores") or {}).values():
        domain = doc.get("domain") if isinstance(doc, dict) else None
        if isinstance(domain, str) and domain not in scored:
            scored.append(domain)
    for case in (raw.get("case") or {}).values():
        if isinstance(case, dict) and not case.get("zrm_domains") and scored:
            case["zrm_domains"] = scored
    return raw


def schema_of(raw: Raw) -> int:
    meta = raw.get(META) or {}
    versions = [doc.get("schema") for doc in meta.values() if isinstance(doc, dict)]
    if len(versions) != 1 or not isinstance(versions[0], int):
        raise StoreError("het bestand heeft geen geldig versienummer")
    return versions[0]


def stamp(raw: Raw, version: int) -> Raw:
    raw[META] = {"1": {"schema": version}}
    return raw


_DOC_ID = re.compile(r"[0-9]{1,9}")


def shape_problem(raw: object) -> str | None:
    """The shape every case document has, checked once as it is read, so nothing further on
    meets a number where a table should be: a table per name, a record per short id."""
    if not isinstance(raw, dict):
        return "het bestand heeft een onbekende vorm"
    if not shallow(raw):
        return "het bestand is te diep genest"
    for table, docs in raw.items():
        if not isinstance(docs, dict):
            return f"tabel '{table}' heeft een onbekende vorm"
        for doc_id, doc in docs.items():
            if not (_DOC_ID.fullmatch(doc_id) and isinstance(doc, dict)):
                return f"tabel '{table}' bevat een record van een onbekende vorm"
    return None


def upgrade(raw: Raw, current: int | None = None) -> tuple[Raw, bool]:
    """Bring raw case data to the current schema; say whether anything changed."""
    problem = shape_problem(raw)
    if problem:
        raise StoreError(problem)
    current = SCHEMA_VERSION if current is None else current
    version = schema_of(raw)
    if version > current:
        raise StoreError(f"het bestand is gemaakt door een nieuwere versie van krachtoverleg "
                         f"(schema {version}, dit programma kent {current}); werk het programma bij")
    changed = False
    while version < current:
        if version not in MIGRATIONS:
            raise StoreError(f"geen upgrade bekend van schema {version}")
        raw = stamp(MIGRATIONS[version](raw), version + 1)
        version += 1
        changed = True
    return raw, changed
