"""The method's fixed vocabularies. Values are stable identifiers in the store; labels are the
plain Dutch the screen and the minutes show."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING


class Labelled(StrEnum):
    """A StrEnum whose members carry a Dutch label: `Member = ("value", "label")`."""

    _value_: str
    label: str

    if not TYPE_CHECKING:  # to the type checker, members are looked up by value as usual
        def __new__(cls, value: str, label: str) -> Labelled:
            member = str.__new__(cls, value)
            member._value_ = value
            member.label = label
            return member


class CaseKind(Labelled):
    CLIENT = ("client", "cliënt")
    HOUSEHOLD = ("household", "huishouden")


class StrengthKind(Labelled):
    IK_BEN = ("ik_ben", "ik ben")
    IK_KAN = ("ik_kan", "ik kan")
    IK_HEB = ("ik_heb", "ik heb")
    IK_WIL = ("ik_wil", "ik wil")


class Dimension(Labelled):
    COMPETENTIONEEL = ("competentioneel", "kunnen (competentioneel)")
    SOCIAAL = ("sociaal", "mensen om je heen (sociaal)")
    MOTIVATIONEEL = ("motivationeel", "willen (motivationeel)")


class NamedBy(Labelled):
    CLIENT = ("client", "cliënt")
    NETWORK = ("network", "netwerk")
    PROFESSIONAL = ("professional", "professional")


class ResourceGroup(Labelled):
    PERSONAL = ("personal", "persoonlijk")
    SOCIAL = ("social", "sociaal")
    INSTITUTIONAL = ("institutional", "instanties")


class ResourceType(Labelled):
    INFORMATIVE = ("informative", "informatie")
    MATERIAL = ("material", "spullen")
    FINANCIAL = ("financial", "geld")
    RELATIONAL = ("relational", "mensen")


class SocialQuality(Labelled):
    SECURITY = ("security", "bestaanszekerheid")
    COHESION = ("cohesion", "samenhang")
    EMPOWERMENT = ("empowerment", "eigen kracht")
    INCLUSION = ("inclusion", "meedoen")


class Relation(Labelled):
    FAMILY = ("family", "familie")
    FRIENDS = ("friends", "vrienden en kennissen")
    NEIGHBOURS = ("neighbours", "buren en collega's")
    PROFESSIONALS = ("professionals", "professionals")


class Support(Labelled):
    PRACTICAL = ("P", "praktisch")
    COMPANY = ("G", "gezelschap")
    ADVICE = ("A", "advies en informatie")
    EMOTIONAL = ("E", "emotioneel")


class Tie(Labelled):
    STRONG = ("strong", "sterk")
    NORMAL = ("normal", "gewoon")
    WEAK = ("weak", "zwak")
    STRESSFUL = ("stressful", "geeft spanning")


class Influence(Labelled):
    HELPS = ("helps", "helpt")
    NEUTRAL = ("neutral", "neutraal")
    HINDERS = ("hinders", "remt")


class NeedKind(Labelled):
    RECOGNITION = ("recognition", "erkenning")
    MEANING = ("meaning", "zingeving")
    WELLBEING = ("wellbeing", "lichamelijk welzijn")
    AUTONOMY = ("autonomy", "zelf beslissen")
    OTHER = ("other", "anders")


class Capital(Labelled):
    PSYCHOLOGICAL = ("psychological", "psychologisch")
    SOCIAL = ("social", "sociaal")
    SOCIETAL = ("societal", "maatschappelijk")
    ECONOMIC = ("economic", "economisch")


class Carrier(Labelled):
    """Who carries a step: the question 'moet ik dit doen, of kan de cliënt dit zelf?'."""

    ZELF = ("zelf", "zelf")
    NETWERK = ("netwerk", "netwerk")
    SAMEN = ("samen", "samen")
    PROFESSIONAL = ("professional", "professional")


class TakeoverReason(Labelled):
    CRISIS = ("crisis", "acute crisis of veiligheid")
    SKILL = ("skill", "vaardigheid moet nog geleerd worden")
    OVERLOADED = ("overloaded", "cliënt tijdelijk overbelast")
    STATUTORY = ("statutory", "wettelijke taak")
    OTHER = ("other", "anders")


class OwnerKind(Labelled):
    CLIENT = ("client", "cliënt")
    MEMBER = ("member", "netwerk of professional")


class ActionStatus(Labelled):
    OPEN = ("open", "open")
    DONE = ("done", "gedaan")
    PARTLY = ("partly", "deels gedaan")
    NOT_DONE = ("not_done", "niet gedaan")


class Presence(Labelled):
    PRESENT = ("present", "aanwezig")
    ABSENT_WITH_NOTICE = ("absent_with_notice", "afwezig met kennisgeving")


class GoalStatus(Labelled):
    ACTIVE = ("active", "loopt")
    REACHED = ("reached", "bereikt")
    STOPPED = ("stopped", "gestopt")


class ChangeKind(Labelled):
    ADDED = ("added", "toegevoegd")
    CHANGED = ("changed", "gewijzigd")
    REMOVED = ("removed", "verwijderd")


class MeetingStatus(Labelled):
    OPEN = ("open", "open")
    CLOSED = ("closed", "gesloten")
