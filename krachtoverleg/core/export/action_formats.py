"""The action list in every form `krachtoverleg actions` offers: a table grouped by owner for
people, JSON and CSV for other tools, Markdown for mail, and an iCalendar file of due dates,
evaluation dates and next meetings (written by the icalendar library, not by hand)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import groupby
from typing import TYPE_CHECKING, Any

from krachtoverleg.core.export import markdown as md
from krachtoverleg.core.export.formats import ACTION_LISTS
from krachtoverleg.core.rules.action_list import ActionList, ActionRow
from krachtoverleg.core.rules.hand_backs import is_hand_back
from krachtoverleg.core.rules.wording import OVERDUE, STATUS_SIGNS, day

if TYPE_CHECKING:
    from rich.console import Console



def _groups(rows: list[ActionRow]) -> list[tuple[str, list[ActionRow]]]:
    """(owner, their rows); the rows come sorted by owner."""
    groups = []
    for _, items in groupby(rows, key=lambda r: r.owner_key):
        members = list(items)
        groups.append((members[0].owner, members))
    return groups


def _plain(row: ActionRow) -> dict[str, Any]:
    action = row.action
    return {
        "id": action.id, "case_id": row.case_id, "case_code": row.case_code,
        "case": row.case_title, "meeting": row.meeting_number, "what": action.what,
        "owner": row.owner, "due": action.due.isoformat(), "check": action.check,
        "status": action.status.value, "note": action.note, "overdue": row.overdue,
        "kind": "hand_back" if is_hand_back(action) else "action",
    }


@ACTION_LISTS.register("json", "JSON, voor andere programma's")
def as_json(actions: ActionList, made_at: datetime) -> str:
    """One action per line: readable, and written by json's C encoder (an indented dump of
    10,000 actions takes Python's own, at a second)."""
    if not actions.rows:
        return "[]\n"
    rows = ",\n  ".join(json.dumps(_plain(row), ensure_ascii=False) for row in actions.rows)
    return f"[\n  {rows}\n]\n"


def _spreadsheet_safe(value: object) -> object:
    """A cell starting with = + - @ would run as a formula in a spreadsheet: keep it text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@ACTION_LISTS.register("csv", "CSV, voor een spreadsheet")
def as_csv(actions: ActionList, made_at: datetime) -> str:
    buffer = io.StringIO()
    fields = ["id", "case_id", "case_code", "case", "meeting", "what", "owner", "due", "check",
              "status", "note", "overdue", "kind"]
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for row in actions.rows:
        plain = _plain(row)
        plain["overdue"] = "ja" if row.overdue else "nee"
        writer.writerow({key: _spreadsheet_safe(value) for key, value in plain.items()})
    return buffer.getvalue()


@ACTION_LISTS.register("md", "Markdown, voor in een mail")
def as_markdown(actions: ActionList, made_at: datetime) -> str:
    today = made_at.date()
    parts = [f"# Actielijst van {day(today)}"]
    if not actions.rows:
        parts.append("Geen acties die passen bij deze keuze.")
    for owner, rows in _groups(actions.rows):
        late = sum(r.overdue for r in rows)
        title = f"## {md.inline(owner)} ({len(rows)}{f', {late} te laat' if late else ''})"
        table = md.table(["Casus", "Actie", "Wanneer", "Hoe controleren", "Status", "Te laat"], [
            [md.cell(r.case_title), md.cell(r.action.what), day(r.action.due), md.cell(r.action.check),
             STATUS_SIGNS[r.action.status], OVERDUE if r.overdue else "-"] for r in rows])
        parts += [title, table]
    return "\n\n".join(parts) + "\n"


@ACTION_LISTS.register("table", "Tabel per persoon")
def as_plain_table(actions: ActionList, made_at: datetime) -> str:
    """The table as plain text, for a file."""
    from rich.console import Console

    console = Console(width=120, no_color=True, file=io.StringIO())
    return "".join(f"{line}\n" for line in table_lines(actions, console))


def table_lines(actions: ActionList, console: Console) -> Iterator[str]:
    """The terminal's list: one table per owner, overdue marked by a sign, a word and bold (see
    terminal_table.py: thousands of rows print at once)."""
    from krachtoverleg.core.export.terminal_table import Cell, Column, table_lines

    columns = (Column("Casus"), Column("Actie"), Column("Wanneer", wraps=False),
               Column("Status", wraps=False), Column("Hoe controleren"))
    if not actions.rows:
        yield "Geen acties die passen bij deze keuze."
        return
    for owner, rows in _groups(actions.rows):
        late = sum(r.overdue for r in rows)
        title = f"{owner}: {len(rows)} {'actie' if len(rows) == 1 else 'acties'}"
        title += f", {late} te laat" if late else ""
        cells = [[Cell(row.case_title), Cell(row.action.what),
                  Cell(day(row.action.due) + (f"  {OVERDUE}" if row.overdue else ""), bold=row.overdue),
                  Cell(STATUS_SIGNS[row.action.status]), Cell(row.action.check or "-")] for row in rows]
        yield from table_lines(console, title, columns, cells)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _all_day(uid: str, day_: date, summary: str, description: str, stamp: datetime,
             category: str) -> Any:
    from icalendar import Event

    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", day_)
    event.add("dtend", day_ + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("categories", [category])
    event.add("transp", "TRANSPARENT")  # a reminder, not a block of busy time
    return event


@ACTION_LISTS.register("ics", "Agenda (.ics)")
def as_ics(actions: ActionList, made_at: datetime) -> str:
    from icalendar import Calendar

    stamp = _utc(made_at)
    calendar = Calendar()
    calendar.add("prodid", "-//krachtoverleg//actielijst//NL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "krachtoverleg: acties en overleggen")
    for row in actions.rows:
        action = row.action
        how = "Hoe terug naar de cliënt" if is_hand_back(action) else "Hoe controleren"
        description = f"Wie: {row.owner}\n{how}: {action.check or '-'}\nStatus: {action.status.label}"
        kind = "Teruggeven" if is_hand_back(action) else "Actie"
        calendar.add_component(_all_day(
            f"actie-{action.id}@krachtoverleg", action.due,
            f"{kind} {row.case_code}: {action.what}", description, stamp, kind))
    for dates in actions.dates:
        for evaluation in dates.evaluations:
            calendar.add_component(_all_day(
                f"evaluatie-{dates.case_id}-{evaluation.isoformat()}@krachtoverleg", evaluation,
                f"Evaluatie plan {dates.case_title}", "Kijken of het plan werkt.", stamp, "Evaluatie"))
        for meeting in dates.next_meetings:
            calendar.add_component(_all_day(
                f"overleg-{dates.case_id}-{meeting.isoformat()}@krachtoverleg", meeting,
                f"Casusoverleg {dates.case_title}", "Volgend overleg.", stamp, "Overleg"))
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")
