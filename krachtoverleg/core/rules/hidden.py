"""'Niet op het scherm': a record the room must not read (a note about the ex-partner, a child's
name in a resource) is marked hidden. It is shown only where names are shown (the chair's own
window with F9); never in privacy mode, on the mirror or in the default minutes, which say only
how many points they leave out. And a name known in the case, typed into free text while names
are hidden, is found so the chair can swap it for a role or initials before the room reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from krachtoverleg.core.models import Action, Decision, NetworkMember, Resource, Strength
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change, Patch, Put
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.rules.privacy import initials

HIDEABLE: tuple[type[Record], ...] = (Strength, Resource, NetworkMember, Action, Decision)
MARK = "⊘ niet op scherm"  # beside a hidden record in the chair's window


def toggle_hidden(record: Record) -> Patch:
    return Patch(type(record), record.id, {"hidden": not is_hidden(record)})


def hidden_notice(now_hidden: bool) -> str:
    if now_hidden:
        return ("Niet op het scherm: alleen te zien in dit venster met namen aan (F9), en alleen in het "
                "volledige verslag.")
    return "Weer op het scherm."


def is_hidden(record: Record) -> bool:
    return bool(getattr(record, "hidden", False))


def on_screen(data: CaseData, show_names: bool) -> CaseData:
    """The case as a screen or a document may show it: everything with names shown, else
    without the hidden records (and without actions owned by a hidden person)."""
    if show_names or not any(is_hidden(r) for rows in data.records.values() for r in rows):
        return data  # the usual case: nothing kept off, nothing copied
    hidden_people = {m.id for m in data.all(NetworkMember) if m.hidden}
    records = {table: [r for r in rows if not is_hidden(r)
                       and not (isinstance(r, Action) and r.owner_id in hidden_people)]
               for table, rows in data.records.items()}
    return CaseData(data.case, records)


def left_out(data: CaseData, record_type: type[Record], show_names: bool) -> int:
    """How many of this kind a privacy-mode view leaves out."""
    return 0 if show_names else len(data.all(record_type)) - len(on_screen(data, False).all(record_type))


def left_out_note(count: int) -> str:
    """'(1 punt alleen in het volledige verslag)': what the default minutes say instead."""
    if not count:
        return ""
    return f"({count} {'punt' if count == 1 else 'punten'} alleen in het volledige verslag)"


@dataclass(frozen=True)
class NameFound:
    name: str  # as typed in the text
    instead: str  # the role, or initials


# Parts of Dutch surnames that are ordinary words in a sentence ('van der Berg'): never a name.
NOT_A_NAME = {"van", "der", "den", "ter", "ten", "het", "des", "von", "vom", "zum", "aan"}


def _known(data: CaseData) -> dict[str, str]:
    """Every word of a known name (3 letters or more), folded, with what to say instead."""
    known: dict[str, str] = {}

    def add(full: str, instead: str) -> None:
        for word in re.findall(r"\w{3,}", full):
            if word.casefold() not in NOT_A_NAME:
                known.setdefault(word.casefold(), instead)

    if data.case.client_name:
        add(data.case.client_name, "de cliënt")
    for person in data.case.household:
        add(person.name, person.role or initials(person.name))
    for member in data.all(NetworkMember):
        add(member.name, member.role or initials(member.name))
    return known


def names_in(text: str, data: CaseData) -> list[NameFound]:
    """Known names in a typed text, each once, in the order they appear."""
    known, found, seen = _known(data), [], set()
    for word in re.findall(r"\w{3,}", text):
        folded = word.casefold()
        if folded in known and folded not in seen:
            seen.add(folded)
            found.append(NameFound(word, known[folded]))
    return found


def replace_names(text: str, found: list[NameFound]) -> str:
    for name in found:
        text = re.sub(rf"\b{re.escape(name.name)}\b", name.instead, text, flags=re.IGNORECASE)
    return text


# Fields where a name belongs (who someone is) or that are not free text.
NAME_FIELDS = {"id", "name", "client_name", "label", "code", "chair", "minute_taker", "role", "organisation",
               "household", "attendees"}


def _texts(change: Change) -> dict[str, str]:
    """The free-text fields a change writes."""
    if isinstance(change, Patch):
        fields = change.fields
    elif isinstance(change, Put):
        fields = {name: getattr(change.record, name) for name in change.record.__dataclass_fields__}
    else:
        return {}
    return {name: value for name, value in fields.items() if isinstance(value, str)
            and not isinstance(value, Enum) and name not in NAME_FIELDS and not name.endswith("_id")}


def names_in_changes(changes: list[Change], data: CaseData) -> list[NameFound]:
    found: dict[str, NameFound] = {}
    for change in changes:
        for text in _texts(change).values():
            for name in names_in(text, data):
                found.setdefault(name.name.casefold(), name)
    return list(found.values())


def without_names(changes: list[Change], found: list[NameFound]) -> list[Change]:
    """The same changes with each found name replaced by its role or initials."""
    result: list[Change] = []
    for change in changes:
        swapped = {name: replace_names(text, found) for name, text in _texts(change).items()}
        if isinstance(change, Patch):
            result.append(Patch(change.record_type, change.record_id, {**change.fields, **swapped}))
        elif isinstance(change, Put) and swapped:
            result.append(Put(change.record.replace(**swapped)))
        else:
            result.append(change)
    return result


def names_already_there(data: CaseData) -> dict[str, int]:
    """Records the room would read (names hidden) whose text holds a name known in the case,
    counted per kind ('Hulpbron': 1): typed before, or imported. The chair is told where, never
    the name itself, so the warning does not show it either."""
    counts: dict[str, int] = {}
    shown = on_screen(data, False)
    for rows in shown.records.values():
        for record in rows:
            if any(names_in(text, data) for text in _texts(Put(record)).values()):
                counts[record.LABEL] = counts.get(record.LABEL, 0) + 1
    return counts
