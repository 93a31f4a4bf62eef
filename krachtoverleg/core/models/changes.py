"""A change to a case as the user made it: a new record, some fields of one record, a removal.

A save sends changes, never a whole copy of a record read earlier: a patch names only the fields
the user touched, so saving a form can never write an older copy of the other fields back."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from krachtoverleg.core.models.record import Record

R = TypeVar("R", bound=Record)


@dataclass(frozen=True)
class Put:
    """Store this record whole: a new record (or the case itself, which has one row)."""

    record: Record


@dataclass(frozen=True)
class Patch:
    """Change these fields of the stored record with this id; the others stay as stored."""

    record_type: type[Record]
    record_id: str
    fields: Mapping[str, Any]


@dataclass(frozen=True)
class Remove:
    record_type: type[Record]
    record_id: str


Change = Put | Patch | Remove


def patch(before: R, after: R) -> Patch:
    """The fields that differ between the copy a form started from and what it gave back."""
    changed = {f.name: getattr(after, f.name) for f in dataclasses.fields(before)
               if getattr(before, f.name) != getattr(after, f.name)}
    return Patch(type(before), before.id, changed)


def edit(before: R | None, after: R) -> Change:
    """What saving a form means: a new record when there was none, else only what changed."""
    return Put(after) if before is None else patch(before, after)


@dataclass
class Applied:
    """What a save wrote, as stored: the screen shows these without reading the case again."""

    written: list[Record] = field(default_factory=list)
    removed: list[tuple[type[Record], str]] = field(default_factory=list)

    def find(self, record_type: type[R], record_id: str) -> R | None:
        return next((r for r in self.written if isinstance(r, record_type) and r.id == record_id), None)
