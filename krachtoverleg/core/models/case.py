"""The client or household a case is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from krachtoverleg.core.models.record import Record, nested_list, new_id
from krachtoverleg.core.models.validate import (
    LONG_TEXT,
    case_code,
    case_id,
    clean_text,
    to_date,
    to_enum,
    to_int,
)
from krachtoverleg.core.models.vocab import CaseKind


@dataclass
class HouseholdMember(Record):
    LABEL = "Gezinslid"

    name: str
    role: str = ""
    birth_year: int | None = None

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "Gezinslid: naam")
        self.role = clean_text(self.role, "Gezinslid: rol", required=False)
        if self.birth_year is not None:
            self.birth_year = to_int(self.birth_year, "Gezinslid: geboortejaar", 1900, 2100)


@dataclass
class Case(Record):
    """`label` is what the shared screen shows in privacy mode; `client_name` is private."""

    TABLE = "case"
    LABEL = "Casus"

    code: str
    label: str
    kind: CaseKind = CaseKind.CLIENT
    client_name: str = ""
    hulpvraag: str = ""
    household: list[HouseholdMember] = field(default_factory=list)
    created: date | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.code = case_code(self.code)
        self.label = clean_text(self.label, "Casus: naam op het scherm", limit=80)
        self.kind = to_enum(CaseKind, self.kind, "Casus: soort")
        self.client_name = clean_text(self.client_name, "Casus: naam cliënt", required=False)
        self.hulpvraag = clean_text(self.hulpvraag, "Hulpvraag", required=False, limit=LONG_TEXT,
                                    multiline=True)
        self.household = nested_list(HouseholdMember, self.household, "Casus: gezin")
        self.created = to_date(self.created, "Casus: aangemaakt", required=False)
        self.id = case_id(self.id)
