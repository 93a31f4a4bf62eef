"""A case meeting and what it agrees: attendees, actions, decisions, plan B."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models.agenda import STAGE_KEYS, StageKey, default_timeboxes
from krachtoverleg.core.models.record import Record, nested_list, new_id
from krachtoverleg.core.models.validate import (
    LONG_TEXT,
    clean_text,
    to_bool,
    to_date,
    to_enum,
    to_int,
)
from krachtoverleg.core.models.vocab import (
    ActionStatus,
    Capital,
    Dimension,
    MeetingStatus,
    OwnerKind,
    Presence,
)


@dataclass
class Attendee(Record):
    LABEL = "Deelnemer"

    name: str
    role: str = ""
    organisation: str = ""
    presence: Presence = Presence.PRESENT
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "Deelnemer: naam")
        self.role = clean_text(self.role, "Deelnemer: rol", required=False, limit=60)
        self.organisation = clean_text(self.organisation, "Deelnemer: organisatie", required=False)
        self.presence = to_enum(Presence, self.presence, "Deelnemer: aanwezig")


@dataclass
class Meeting(Record):
    TABLE = "meetings"
    LABEL = "Overleg"

    number: int
    date: dt.date
    chair: str = ""
    minute_taker: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    client_present: bool = False
    client_agreed: bool = False
    purpose: str = ""
    timeboxes: dict[str, int] = field(default_factory=default_timeboxes)
    status: MeetingStatus = MeetingStatus.OPEN
    current_stage: StageKey = StageKey.OPENING
    summary: str = ""
    evaluation_date: dt.date | None = None
    plan_b: str = ""
    next_meeting: dt.date | None = None
    stage_seconds: dict[str, int] = field(default_factory=dict)
    drafts: dict[str, str] = field(default_factory=dict)  # typed, not yet submitted, per stage
    # Besloten tijd: how long the family had its own time, and whether what is agreed now is
    # the family's plan (actions and decisions are then marked as made by the family).
    family_seconds: int = 0
    family_plan_open: bool = False
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.number = to_int(self.number, "Overleg: nummer", 1, 10_000)
        self.date = to_date(self.date, "Overleg: datum")
        self.chair = clean_text(self.chair, "Overleg: voorzitter", required=False)
        self.minute_taker = clean_text(self.minute_taker, "Overleg: notulist", required=False)
        self.attendees = nested_list(Attendee, self.attendees, "Overleg: deelnemers")
        self.client_present = to_bool(self.client_present, "Overleg: cliënt aanwezig")
        self.client_agreed = to_bool(self.client_agreed, "Overleg: cliënt akkoord")
        self.family_seconds = to_int(self.family_seconds, "Overleg: eigen tijd familie", 0, 86_400)
        self.family_plan_open = to_bool(self.family_plan_open, "Overleg: plan van de familie")
        self.purpose = clean_text(self.purpose, "Overleg: doel van vandaag", required=False,
                                  limit=LONG_TEXT, multiline=True)
        self.timeboxes = _timeboxes(self.timeboxes)
        self.status = to_enum(MeetingStatus, self.status, "Overleg: status")
        self.current_stage = to_enum(StageKey, self.current_stage, "Overleg: onderdeel")
        self.summary = clean_text(self.summary, "Overleg: samenvatting", required=False,
                                  limit=LONG_TEXT, multiline=True)
        self.evaluation_date = to_date(self.evaluation_date, "Overleg: evaluatie", required=False)
        self.plan_b = clean_text(self.plan_b, "Plan B", required=False, limit=LONG_TEXT,
                                 multiline=True)
        self.next_meeting = to_date(self.next_meeting, "Volgend overleg", required=False)
        self.stage_seconds = _stage_seconds(self.stage_seconds)
        self.drafts = _drafts(self.drafts)

    @property
    def is_open(self) -> bool:
        return self.status is MeetingStatus.OPEN


def _stage_seconds(value: object) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) - set(STAGE_KEYS):
        raise ValidationError("Overleg: gebruikte tijd per onderdeel klopt niet.")
    return {key: to_int(seconds, "Overleg: gebruikte tijd", 0, 24 * 3600) for key, seconds in value.items()}


def _drafts(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) - set(STAGE_KEYS):
        raise ValidationError("Overleg: concepttekst per onderdeel klopt niet.")
    drafts = {key: clean_text(text, "Overleg: concepttekst", required=False, limit=LONG_TEXT,
                              multiline=True, verbatim=True) for key, text in value.items()}
    return {key: text for key, text in drafts.items() if text.strip()}


def _timeboxes(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValidationError("Overleg: tijden per onderdeel ontbreken.")
    unknown = set(value) - set(STAGE_KEYS)
    if unknown:
        raise ValidationError(f"Overleg: onbekend onderdeel {', '.join(sorted(unknown))}.")
    boxes = default_timeboxes()
    for key, minutes in value.items():
        boxes[key] = to_int(minutes, "Overleg: minuten per onderdeel", 0, 240)
    return boxes


OPEN_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.PARTLY})


@dataclass
class Action(Record):
    """An agreed action. The owner is the client, or a person in the network (professionals
    are network members too)."""

    TABLE = "actions"
    LABEL = "Actie"

    meeting_id: str
    what: str
    owner_kind: OwnerKind
    due: date
    owner_id: str | None = None
    check: str = ""
    step_id: str | None = None
    status: ActionStatus = ActionStatus.OPEN
    note: str = ""
    capital: Capital | None = None
    dimension: Dimension | None = None
    # When it was last marked (done, partly, not done), and in which meeting if in one: an action
    # carried from an older meeting and settled today stays in today's Terugblik and minutes.
    settled_on: date | None = None
    settled_in_id: str | None = None
    by_family: bool = False  # made by the family in its own time (besloten tijd)
    hidden: bool = False  # 'niet op het scherm': only in the chair's window with names shown
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.by_family = to_bool(self.by_family, "Actie: besloten door de familie")
        self.hidden = to_bool(self.hidden, "Actie: niet op het scherm")
        self.meeting_id = clean_text(self.meeting_id, "Actie: overleg", limit=64)
        self.settled_on = to_date(self.settled_on, "Actie: afgehandeld op", required=False)
        self.capital = to_enum(Capital, self.capital, "Actie: kapitaal", required=False)
        self.dimension = to_enum(Dimension, self.dimension, "Actie: dimensie", required=False)
        self.what = clean_text(self.what, "Actie: wat")
        self.owner_kind = to_enum(OwnerKind, self.owner_kind, "Actie: wie")
        if self.owner_kind is OwnerKind.MEMBER and not self.owner_id:
            raise ValidationError("Actie: kies wie dit doet.")
        if self.owner_kind is OwnerKind.CLIENT:
            self.owner_id = None
        self.due = to_date(self.due, "Actie: wanneer klaar")
        self.check = clean_text(self.check, "Actie: hoe controleren we het", required=False,
                                limit=LONG_TEXT)
        self.status = to_enum(ActionStatus, self.status, "Actie: status")
        self.note = clean_text(self.note, "Actie: toelichting", required=False, limit=LONG_TEXT,
                               multiline=True)

    @classmethod
    def from_index(cls, data: dict[str, Any]) -> Action:
        """An action as the action index keeps it (core/store/action_index.py): written by this
        program from a checked action, so only its types are restored, not checked again; a
        list of 15,000 actions takes milliseconds instead of a second. Anything else than what
        `to_dict` wrote raises (KeyError, TypeError, ValueError), and the caller checks it the
        slow way."""
        if data.keys() != _ACTION_FIELDS:
            raise KeyError("not an indexed action")
        action = object.__new__(cls)
        action.__dict__.update(data)
        # Enum lookups by value through the enums' own map: calling the class is ten times slower.
        action.owner_kind = _OWNER_KINDS[data["owner_kind"]]
        action.status = _STATUSES[data["status"]]
        action.due = date.fromisoformat(data["due"])
        action.settled_on = date.fromisoformat(data["settled_on"]) if data["settled_on"] else None
        action.capital = _CAPITALS[data["capital"]] if data["capital"] else None
        action.dimension = _DIMENSIONS[data["dimension"]] if data["dimension"] else None
        if not (type(action.meeting_id) is str and type(action.what) is str and type(action.check) is str
                and type(action.note) is str and type(action.id) is str):
            raise TypeError("an indexed action's text is not text")
        return action

    @property
    def is_open(self) -> bool:
        """Still to do: not started, or only partly done. Done and not done are settled."""
        return self.status in OPEN_STATUSES

    def overdue(self, today: date) -> bool:
        return self.is_open and self.due < today


_ACTION_FIELDS = frozenset(f.name for f in dataclasses.fields(Action))
_OWNER_KINDS: dict[Any, OwnerKind] = {kind.value: kind for kind in OwnerKind}  # KeyError: not ours
_STATUSES: dict[Any, ActionStatus] = {status.value: status for status in ActionStatus}
_CAPITALS: dict[Any, Capital] = {capital.value: capital for capital in Capital}
_DIMENSIONS: dict[Any, Dimension] = {dimension.value: dimension for dimension in Dimension}


@dataclass
class Decision(Record):
    """A numbered decision (besluit) of a meeting."""

    TABLE = "decisions"
    LABEL = "Besluit"

    meeting_id: str
    number: int
    text: str
    by_family: bool = False  # made by the family in its own time (besloten tijd)
    hidden: bool = False  # 'niet op het scherm': only in the chair's window with names shown
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.by_family = to_bool(self.by_family, "Besluit: besloten door de familie")
        self.hidden = to_bool(self.hidden, "Besluit: niet op het scherm")
        self.meeting_id = clean_text(self.meeting_id, "Besluit: overleg", limit=64)
        self.number = to_int(self.number, "Besluit: nummer", 1, 10_000)
        self.text = clean_text(self.text, "Besluit", limit=LONG_TEXT, multiline=True)
