"""Dates and small texts as the screen shows them (Dutch); the words shared with the minutes
live in the core (wording.py)."""

from __future__ import annotations

from datetime import date

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models.validate import to_date
from krachtoverleg.core.rules.wording import STATUS_SIGNS, day, yes_no

__all__ = ["STATUS_SIGNS", "day", "day_label", "read_day", "require", "yes_no"]

_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def day_label(value: date | None, today: date) -> str:
    if value is None:
        return "-"
    if value == today:
        return "vandaag"
    return f"{_DAYS[value.weekday()][:2]} {day(value)}"


def read_day(value: object, label: str, required: bool = True) -> date | None:
    """A date typed as dd-mm-jjjj (or jjjj-mm-dd), with the Dutch error of the core."""
    if required:
        return to_date(value, label)
    return to_date(value, label, required=False)


def require(value: object, label: str) -> str:
    if value in (None, ""):
        raise ValidationError(f"{label}: kies een waarde.")
    return str(value)
