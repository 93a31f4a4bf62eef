"""The stored schema version and the upgrade path from older versions.

Each case file holds its version in the `_meta` table. `MIGRATIONS[n]` turns a version-n file
into version n+1; files are upgraded on load and written back by the next writer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from krachtoverleg.core.errors import StoreError

SCHEMA_VERSION = 1
META = "_meta"

Raw = dict[str, Any]
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}


def schema_of(raw: Raw) -> int:
    meta = raw.get(META) or {}
    versions = [doc.get("schema") for doc in meta.values() if isinstance(doc, dict)]
    if len(versions) != 1 or not isinstance(versions[0], int):
        raise StoreError("het bestand heeft geen geldig versienummer")
    return versions[0]


def stamp(raw: Raw, version: int) -> Raw:
    raw[META] = {"1": {"schema": version}}
    return raw


def upgrade(raw: Raw, current: int | None = None) -> tuple[Raw, bool]:
    """Bring raw case data to the current schema; say whether anything changed."""
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
