"""How people are named on a shared screen and in exports. In privacy mode (the default) the
client appears by case label or code and other people by role or initials, never by full name."""

from __future__ import annotations

from dataclasses import dataclass

from krachtoverleg.core.models import (
    Action,
    Attendee,
    Case,
    NetworkMember,
    StepDecision,
)
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import Carrier, OwnerKind

_PARTICLES = {"de", "der", "den", "van", "het", "ter", "ten", "te", "in", "op", "'t", "von", "la", "le",
              "da", "di"}


def initials(name: str) -> str:
    """'Petra de Vries' -> 'P.d.V.'; particles such as 'de' and 'van' stay lower case."""
    parts = [part for part in name.replace("-", " ").split() if part]
    letters = []
    for part in parts:
        first = next((ch for ch in part if ch.isalpha()), "")
        if not first:
            continue
        letters.append(first.lower() if part.lower() in _PARTICLES else first.upper())
    return "".join(f"{letter}." for letter in letters) or "?"


@dataclass(frozen=True)
class Names:
    show_names: bool = False

    def client(self, case: Case) -> str:
        if self.show_names and case.client_name:
            return case.client_name
        return case.label

    def case_title(self, case: Case) -> str:
        return f"{case.code} · {self.client(case)}"

    def member(self, member: NetworkMember | None) -> str:
        if member is None:
            return "?"
        if self.show_names:
            return f"{member.name} ({member.role})" if member.role else member.name
        return member.role or initials(member.name)

    def attendee(self, attendee: Attendee) -> str:
        name = attendee.name if self.show_names else initials(attendee.name)
        return f"{name} ({attendee.role})" if attendee.role else name

    def person(self, name: str) -> str:
        """A bare name, such as the chair's."""
        if not name:
            return ""
        return name if self.show_names else initials(name)

    def owner(self, action: Action, data: CaseData) -> str:
        """Who carries out an action, as the screen and the minutes show it."""
        if action.owner_kind is OwnerKind.CLIENT:
            return f"cliënt ({self.client(data.case)})" if self.show_names else "cliënt"
        return self.member(data.member(action.owner_id))

    def carrier(self, decision: StepDecision | None, data: CaseData) -> str:
        if decision is None:
            return "nog niet gekozen"
        if decision.carrier is Carrier.SAMEN and decision.member_id:
            return f"samen met {self.member(data.member(decision.member_id))}"
        if decision.carrier in (Carrier.NETWERK, Carrier.PROFESSIONAL) and decision.member_id:
            return f"{decision.carrier.label}: {self.member(data.member(decision.member_id))}"
        return decision.carrier.label
