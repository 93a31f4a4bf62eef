"""Goals, their small steps, and for every step who carries it (wie doet wat?)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models.instruments import LIFE_DOMAINS
from krachtoverleg.core.models.record import Record, nested, new_id
from krachtoverleg.core.models.validate import (
    LONG_TEXT,
    clean_text,
    to_bool,
    to_date,
    to_enum,
    to_int,
)
from krachtoverleg.core.models.vocab import Capital, Carrier, Dimension, GoalStatus, TakeoverReason


@dataclass
class Goal(Record):
    TABLE = "goals"
    LABEL = "Doel"

    text: str
    life_domain: str | None = None
    capital: Capital | None = None
    dimension: Dimension | None = None
    position: int = 0  # the client's order of importance: 0 matters most
    status: GoalStatus = GoalStatus.ACTIVE
    status_on: date | None = None  # when it was reached or stopped
    added_in_id: str | None = None  # the meeting it was set in
    id: str = field(default_factory=new_id)

    @property
    def is_active(self) -> bool:
        return self.status is GoalStatus.ACTIVE

    def __post_init__(self) -> None:
        self.text = clean_text(self.text, "Doel")
        self.status = to_enum(GoalStatus, self.status, "Doel: stand")
        self.status_on = to_date(self.status_on, "Doel: bereikt of gestopt op", required=False)
        if self.status is GoalStatus.ACTIVE:
            self.status_on = None
        if self.life_domain in ("", None):
            self.life_domain = None
        elif self.life_domain not in LIFE_DOMAINS:
            raise ValidationError(f"Doel: levensgebied '{self.life_domain}' kennen we niet.")
        self.capital = to_enum(Capital, self.capital, "Doel: kapitaal", required=False)
        self.dimension = to_enum(Dimension, self.dimension, "Doel: dimensie", required=False)
        self.position = to_int(self.position, "Doel: volgorde", 0, 10_000)


@dataclass
class StepDecision(Record):
    """The answer to 'moet ik dit doen, of kan de cliënt dit zelf?'. When a professional takes
    over, the reason and the way back to the client are required: taking over is a trade-off."""

    LABEL = "Wie doet wat"

    carrier: Carrier
    member_id: str | None = None
    reason: TakeoverReason | None = None
    reason_text: str = ""
    hand_back_plan: str = ""
    hand_back_by: date | None = None
    decided_in_id: str | None = None  # the meeting that chose
    # A takeover that ended: the step went back to the client (or their network) on this day,
    # from this professional. The plan and date of the takeover are kept with it.
    handed_back_on: date | None = None
    taken_over_by_id: str | None = None

    @property
    def handed_back(self) -> bool:
        return self.handed_back_on is not None

    def __post_init__(self) -> None:
        self.carrier = to_enum(Carrier, self.carrier, "Wie doet wat: wie doet het")
        self.reason = to_enum(TakeoverReason, self.reason, "Wie doet wat: reden", required=False)
        self.reason_text = clean_text(self.reason_text, "Wie doet wat: uitleg reden", required=False,
                                      limit=LONG_TEXT, multiline=True)
        self.hand_back_plan = clean_text(self.hand_back_plan, "Wie doet wat: teruggeven",
                                         required=False, limit=LONG_TEXT, multiline=True)
        self.hand_back_by = to_date(self.hand_back_by, "Wie doet wat: terug bij cliënt op",
                                    required=False)
        self.handed_back_on = to_date(self.handed_back_on, "Wie doet wat: teruggegeven op", required=False)
        if self.carrier is Carrier.NETWERK and not self.member_id:
            raise ValidationError("Wie doet wat: kies wie uit het netwerk dit doet.")
        if self.carrier is Carrier.PROFESSIONAL:
            if self.reason is None:
                raise ValidationError("Wie doet wat: een professional neemt het over; zeg waarom.")
            if self.reason is TakeoverReason.OTHER and not self.reason_text:
                raise ValidationError("Wie doet wat: reden 'anders'; schrijf de reden op.")
            if not self.hand_back_plan or self.hand_back_by is None:
                raise ValidationError(
                    "Wie doet wat: schrijf op hoe en wanneer de taak terug gaat naar de cliënt.")
            self.handed_back_on, self.taken_over_by_id = None, None
        elif self.handed_back_on is None:
            self.reason, self.reason_text = None, ""
            self.hand_back_plan, self.hand_back_by = "", None
            self.taken_over_by_id = None


@dataclass
class Step(Record):
    TABLE = "steps"
    LABEL = "Stap"

    goal_id: str
    text: str
    position: int = 0
    reached: bool = False
    reached_on: date | None = None
    decision: StepDecision | None = None
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.goal_id = clean_text(self.goal_id, "Stap: doel", limit=64)
        self.text = clean_text(self.text, "Stap")
        self.position = to_int(self.position, "Stap: volgorde", 0, 10_000)
        self.reached = to_bool(self.reached, "Stap: gelukt")
        self.reached_on = to_date(self.reached_on, "Stap: gelukt op", required=False)
        if not self.reached:
            self.reached_on = None
        if self.decision is not None:
            self.decision = nested(StepDecision, self.decision)
