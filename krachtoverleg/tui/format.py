"""Dates and small texts as the screen shows them (Dutch)."""

from __future__ import annotations

from datetime import date

_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


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
