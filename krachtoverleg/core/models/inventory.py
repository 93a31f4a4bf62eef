"""What the client has: strengths, resources, network, ambitions and needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models.record import Record, new_id
from krachtoverleg.core.models.validate import LONG_TEXT, clean_text, to_bool, to_enum
from krachtoverleg.core.models.vocab import (
    Capital,
    Dimension,
    Influence,
    NamedBy,
    NeedKind,
    Relation,
    ResourceGroup,
    ResourceType,
    SocialQuality,
    StrengthKind,
    Support,
    Tie,
)


@dataclass
class Strength(Record):
    TABLE = "strengths"
    LABEL = "Kracht"

    kind: StrengthKind
    text: str
    dimension: Dimension | None = None
    named_by: NamedBy | None = None
    meeting_id: str | None = None
    capital: Capital | None = None
    hidden: bool = False  # 'niet op het scherm': only in the chair's window with names shown
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.hidden = to_bool(self.hidden, "Kracht: niet op het scherm")
        self.kind = to_enum(StrengthKind, self.kind, "Kracht: soort")
        self.text = clean_text(self.text, "Kracht")
        self.dimension = to_enum(Dimension, self.dimension, "Kracht: dimensie", required=False)
        self.capital = to_enum(Capital, self.capital, "Kracht: kapitaal", required=False)
        self.named_by = to_enum(NamedBy, self.named_by, "Kracht: genoemd door", required=False)


@dataclass
class Resource(Record):
    TABLE = "resources"
    LABEL = "Hulpbron"

    text: str
    group: ResourceGroup
    type: ResourceType
    in_use: bool = True
    quality: SocialQuality | None = None
    hidden: bool = False  # 'niet op het scherm': only in the chair's window with names shown
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.hidden = to_bool(self.hidden, "Hulpbron: niet op het scherm")
        self.text = clean_text(self.text, "Hulpbron")
        self.group = to_enum(ResourceGroup, self.group, "Hulpbron: groep")
        self.type = to_enum(ResourceType, self.type, "Hulpbron: soort")
        self.in_use = to_bool(self.in_use, "Hulpbron: in gebruik")
        self.quality = to_enum(SocialQuality, self.quality, "Hulpbron: kwaliteit", required=False)


@dataclass
class NetworkMember(Record):
    """A person around the client. `role` ("broer", "buurvrouw") is what privacy mode shows."""

    TABLE = "network"
    LABEL = "Netwerk"

    name: str
    role: str
    relation: Relation
    support: list[Support] = field(default_factory=list)
    tie: Tie = Tie.NORMAL
    influence: Influence = Influence.NEUTRAL
    contribution: str = ""
    organisation: str = ""
    added_in_id: str | None = None  # the meeting this person was first named in
    hidden: bool = False  # 'niet op het scherm': only in the chair's window with names shown
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.hidden = to_bool(self.hidden, "Netwerk: niet op het scherm")
        self.name = clean_text(self.name, "Netwerk: naam")
        self.role = clean_text(self.role, "Netwerk: rol", limit=60)
        self.relation = to_enum(Relation, self.relation, "Netwerk: relatie")
        if not isinstance(self.support, (list, tuple)):
            raise ValidationError("Netwerk: steun moet een lijst zijn (P, G, A, E).")
        kinds = [to_enum(Support, item, "Netwerk: steun") for item in self.support]
        self.support = [kind for kind in Support if kind in kinds]  # fixed P, G, A, E order
        self.tie = to_enum(Tie, self.tie, "Netwerk: band")
        self.influence = to_enum(Influence, self.influence, "Netwerk: invloed")
        self.contribution = clean_text(self.contribution, "Netwerk: wat kan deze persoon doen",
                                       required=False, limit=LONG_TEXT, multiline=True)
        self.organisation = clean_text(self.organisation, "Netwerk: organisatie", required=False)


@dataclass
class Ambition(Record):
    TABLE = "ambitions"
    LABEL = "Ambitie"

    text: str
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Ambitie", limit=LONG_TEXT, multiline=True)


@dataclass
class Need(Record):
    TABLE = "needs"
    LABEL = "Behoefte"

    text: str
    kind: NeedKind | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Behoefte", limit=LONG_TEXT, multiline=True)
        self.kind = to_enum(NeedKind, self.kind, "Behoefte: soort", required=False)
