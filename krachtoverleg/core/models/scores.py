"""Instrument scores, recorded per meeting so the trend shows. Only chosen domains are scored."""

from __future__ import annotations

from dataclasses import dataclass, field

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models.instruments import LADDER_RUNGS, ZRM_DOMAINS, ZRM_LEVELS
from krachtoverleg.core.models.record import Record, new_id
from krachtoverleg.core.models.validate import LONG_TEXT, clean_text, to_int


@dataclass
class ZrmScore(Record):
    TABLE = "zrm_scores"
    LABEL = "ZRM-score"

    meeting_id: str
    domain: str
    level: int
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        if self.domain not in ZRM_DOMAINS:
            raise ValidationError(f"ZRM: domein '{self.domain}' kennen we niet.")
        self.level = to_int(self.level, "ZRM: niveau", 1, 5)
        self.note = clean_text(self.note, "ZRM: toelichting", required=False, limit=LONG_TEXT,
                               multiline=True)

    @property
    def level_label(self) -> str:
        return ZRM_LEVELS[self.level]


@dataclass
class LadderScore(Record):
    TABLE = "ladder_scores"
    LABEL = "Participatieladder"

    meeting_id: str
    rung: int
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.rung = to_int(self.rung, "Participatieladder: trede", 1, 6)
        self.note = clean_text(self.note, "Participatieladder: toelichting", required=False,
                               limit=LONG_TEXT, multiline=True)

    @property
    def rung_label(self) -> str:
        return LADDER_RUNGS[self.rung]


@dataclass
class GoalScale(Record):
    """The client's own answer to "Hoe dicht ben je bij je doel?": 0 = nog niets, 10 = bereikt.
    The number is the client's, never the team's; asked at every meeting, so the trend shows."""

    TABLE = "goal_scales"
    LABEL = "Eigen schaal"

    meeting_id: str
    goal_id: str
    value: int
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.value = to_int(self.value, "Eigen schaal: hoe dicht bij het doel (0 tot 10)", 0, 10)
