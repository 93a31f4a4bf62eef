"""The household around the client, as one field the chair types into from the keyboard, one
person per line: "Sem de Vries, zoon, 2016" (name, relation, year of birth; the last two may be
left out). The same lines come back when the field is opened again."""

from __future__ import annotations

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import HouseholdMember
from krachtoverleg.core.rules.privacy import Names, initials

MAX_MEMBERS = 20


def household_text(members: list[HouseholdMember]) -> str:
    lines = []
    for member in members:
        parts = [member.name, member.role, str(member.birth_year) if member.birth_year else ""]
        lines.append(", ".join(parts).rstrip(", "))
    return "\n".join(lines)


def parse_household(text: str) -> list[HouseholdMember]:
    members = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_MEMBERS:
        raise ValidationError(f"Gezin: hoogstens {MAX_MEMBERS} mensen.")
    for number, line in enumerate(lines, start=1):
        parts = [part.strip() for part in line.split(",")]
        if len(parts) > 3:
            raise ValidationError(f"Gezin, regel {number}: schrijf naam, relatie, geboortejaar "
                                  "(met komma's ertussen).")
        name, role, year = [*parts, "", ""][:3]
        if year and not year.isdigit():
            raise ValidationError(f"Gezin, regel {number}: '{year}' is geen geboortejaar (zoals 2016).")
        try:
            members.append(HouseholdMember(name, role, int(year) if year else None))
        except ValidationError as error:
            raise ValidationError(f"Gezin, regel {number}: {error}") from None
    return members


def household_names(members: list[HouseholdMember], names: Names, year: int | None = None,
                    leave_out: str = "") -> list[str]:
    """Each person as the room may see them: by relation (initials if none) in privacy mode, by
    first name and relation otherwise; with their age when the year is known. `leave_out`: the
    client, already named beside them."""
    shown = []
    for member in members:
        if leave_out and member.name.casefold() == leave_out.casefold():
            continue
        who = (member.name.split()[0] if names.show_names else member.role or initials(member.name))
        details = [d for d in (member.role if names.show_names else "",
                               f"{year - member.birth_year} jaar" if year and member.birth_year else "") if d]
        shown.append(f"{who} ({', '.join(details)})" if details else who)
    return shown
