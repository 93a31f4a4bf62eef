"""The client or household a case is about."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models.instruments import ZRM_DOMAINS
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
    # The ZRM domains the team chose for this case (only these are scored), and where the team
    # wants each to go ("waar willen we naartoe"), level 1 to 5.
    zrm_domains: list[str] = field(default_factory=list)
    zrm_targets: dict[str, int] = field(default_factory=dict)
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
        self.zrm_domains, self.zrm_targets = zrm_choice(self.zrm_domains, self.zrm_targets)
        self.id = case_id(self.id)


def zrm_choice(domains: object, targets: object) -> tuple[list[str], dict[str, int]]:
    """Chosen domains in the ZRM's own order, no doubles; a target only for a chosen domain."""
    if not isinstance(domains, (list, tuple)) or not all(isinstance(d, str) for d in domains):
        raise ValidationError("Casus: ZRM-domeinen moet een lijst van namen zijn.")
    unknown = [d for d in domains if d not in ZRM_DOMAINS]
    if unknown:
        raise ValidationError(f"Casus: ZRM-domein '{unknown[0]}' kennen we niet.")
    chosen = [d for d in ZRM_DOMAINS if d in domains]
    if not isinstance(targets, dict):
        raise ValidationError("Casus: ZRM-doelen moet per domein een niveau zijn.")
    kept = {d: to_int(level, f"Casus: ZRM-doel voor {d}", 1, 5) for d, level in targets.items()
            if d in chosen}
    return chosen, {d: kept[d] for d in chosen if d in kept}
