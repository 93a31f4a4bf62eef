"""Dates, statuses and small words as the screen and the minutes show them (Dutch). Every status
carries a sign and a word, so nothing depends on colour alone."""

from __future__ import annotations

from datetime import date

from krachtoverleg.core.models import Goal, StepDecision
from krachtoverleg.core.models.vocab import ActionStatus, Carrier, GoalStatus, TakeoverReason

OVERDUE = "⚠ te laat"  # an open action past its date, in every list and the minutes

STATUS_SIGNS = {
    ActionStatus.OPEN: "○ open",
    ActionStatus.DONE: "✓ gedaan",
    ActionStatus.PARTLY: "◐ deels",
    ActionStatus.NOT_DONE: "✗ niet gedaan",
}


def count(number: int, one: str, many: str) -> str:
    """'1 actie', '2 acties', '0 acties': the plural only where Dutch uses it."""
    return f"{number} {one if number == 1 else many}"


def day(value: date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "-"


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def takeover_reason(decision: StepDecision | None) -> str:
    """Why a professional takes a step over, in words; '-' when nobody does."""
    if decision is None or decision.carrier is not Carrier.PROFESSIONAL or decision.reason is None:
        return "-"
    if decision.reason is TakeoverReason.OTHER:
        return decision.reason_text
    return decision.reason.label


def hand_back(decision: StepDecision | None) -> str:
    """How and by when a step taken over goes back to the client; '-' when nobody took it."""
    if decision is not None and decision.handed_back:
        return f"✓ teruggegeven op {day(decision.handed_back_on)}"
    if decision is None or decision.carrier is not Carrier.PROFESSIONAL:
        return "-"
    return f"{day(decision.hand_back_by)}: {decision.hand_back_plan}"


def goal_state(goal: Goal) -> str:
    """A sign and a word: readable without colour from the back of the room."""
    if goal.status is GoalStatus.REACHED:
        return f"★ bereikt {day(goal.status_on)}"
    if goal.status is GoalStatus.STOPPED:
        return f"■ gestopt {day(goal.status_on)}"
    return "● loopt"


WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def friendly_day(value: date, today: date | None = None) -> str:
    """'vrijdag 12 december': the way people say a date; the year only when it is not this one."""
    said = f"{WEEKDAYS[value.weekday()]} {value.day} {MONTHS[value.month - 1]}"
    return said if today is not None and value.year == today.year else f"{said} {value.year}"
