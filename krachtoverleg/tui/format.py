"""Dates and small texts as the screen shows them (Dutch). Every status carries a sign and a
word, so nothing depends on colour alone."""

from __future__ import annotations

from datetime import date

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.validate import to_date
from krachtoverleg.core.vocab import ActionStatus

_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

STATUS_SIGNS = {
    ActionStatus.OPEN: "○ open",
    ActionStatus.DONE: "✓ gedaan",
    ActionStatus.PARTLY: "◐ deels",
    ActionStatus.NOT_DONE: "✗ niet gedaan",
}


def day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def day_label(value: date | None, today: date) -> str:
    if value is None:
        return "-"
    if value == today:
        return "vandaag"
    return f"{_DAYS[value.weekday()][:2]} {day(value)}"


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def read_day(value: object, label: str, required: bool = True) -> date | None:
    """A date typed as dd-mm-jjjj (or jjjj-mm-dd), with the Dutch error of the core."""
    return to_date(value, label, required=required)


def require(value: object, label: str) -> str:
    if value in (None, ""):
        raise ValidationError(f"{label}: kies een waarde.")
    return str(value)
