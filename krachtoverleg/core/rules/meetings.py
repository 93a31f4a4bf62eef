"""Rules for starting a meeting and capturing strengths: shared by the CLI and the screens."""

from __future__ import annotations

import re
from datetime import date

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import (
    Action,
    Attendee,
    Decision,
    LadderScore,
    Meeting,
    Snapshot,
    Strength,
    ZrmScore,
)
from krachtoverleg.core.models.agenda import CAPTURE_STAGE, StageKey
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change, Patch, Put, Remove
from krachtoverleg.core.models.vocab import StrengthKind
from krachtoverleg.core.store.engine import CaseStore


def meeting_for_today(store: CaseStore, case_id: str, today: date) -> Meeting:
    """The meeting held today (open, or closed: then it is shown, not replaced by a silent new
    one), or a new one that carries over the previous meeting's chair, minute-taker and
    attendees (everyone marked present again), saved at once."""
    data = store.load(case_id)
    existing = data.meeting_on(today)
    if existing is not None:
        return existing
    return start_meeting(store, data, today)


def start_meeting(store: CaseStore, data: CaseData, today: date) -> Meeting:
    """A new meeting today, also when one was held and closed today already (the chair asked)."""
    meetings = data.meetings()
    previous = meetings[-1] if meetings else None
    meeting = Meeting(number=data.next_meeting_number(), date=today)
    if previous is not None:
        meeting.chair, meeting.minute_taker = previous.chair, previous.minute_taker
        meeting.timeboxes = dict(previous.timeboxes)
        meeting.attendees = [Attendee(name=a.name, role=a.role, organisation=a.organisation)
                             for a in previous.attendees]
    store.save(data.case.id, meeting)
    return meeting


def is_empty(data: CaseData, meeting: Meeting) -> bool:
    """Nothing was agreed, scored or named in it: it may be deleted (after a question)."""
    in_it = [r for table in (Action, Decision, Strength, ZrmScore, LadderScore) for r in data.all(table)
             if getattr(r, "meeting_id", None) == meeting.id]
    return not in_it and not meeting.summary and not meeting.plan_b and meeting.evaluation_date is None


def delete_meeting(data: CaseData, meeting: Meeting) -> list[Change]:
    """An empty meeting and its snapshot (refused for one that holds anything)."""
    if not is_empty(data, meeting):
        raise ValidationError(f"Overleg {meeting.number} is niet leeg: er is iets in afgesproken of "
                              "vastgelegd. Het blijft bewaard.")
    return [Remove(Meeting, meeting.id),
            *(Remove(Snapshot, s.id) for s in data.all(Snapshot) if s.meeting_id == meeting.id)]


_KIND_PREFIX = re.compile(r"^\s*ik\s+(ben|kan|heb|wil)\b[\s:,.-]*", re.IGNORECASE)


def parse_capture(line: str, default: StrengthKind) -> tuple[StrengthKind, str]:
    """'ik kan goed koken' -> (ik kan, 'goed koken'); a line without a kind goes to `default`."""
    match = _KIND_PREFIX.match(line)
    if match:
        return StrengthKind(f"ik_{match.group(1).lower()}"), line[match.end():].strip()
    return default, line.strip()


def capture(meeting: Meeting, line: str, default: StrengthKind) -> tuple[Strength, list[Change]]:
    """File the line under its kind; a draft kept for the capture line is cleared in the same write."""
    kind, text = parse_capture(line, default)
    strength = Strength(kind=kind, text=text, meeting_id=meeting.id)
    changes: list[Change] = [Put(strength)]
    if CAPTURE_STAGE in meeting.drafts:
        changes.append(draft_change(meeting, CAPTURE_STAGE, ""))
    return strength, changes


def capture_lines(meeting: Meeting, lines: list[str],
                  default: StrengthKind) -> tuple[list[Strength], list[Change]]:
    """Several lines at once (a pasted list): one strength per line, each filed under its own
    'ik ...' prefix, in one write."""
    strengths: list[Strength] = []
    changes: list[Change] = []
    for line in lines:
        kind, text = parse_capture(line, default)
        strength = Strength(kind=kind, text=text, meeting_id=meeting.id)
        strengths.append(strength)
        changes.append(Put(strength))
    if CAPTURE_STAGE in meeting.drafts:
        changes.append(draft_change(meeting, CAPTURE_STAGE, ""))
    return strengths, changes


def draft_change(meeting: Meeting, stage: StageKey, text: str) -> Patch:
    """Keep the text typed (not yet submitted) in a stage, or clear it when empty."""
    drafts = {key: value for key, value in meeting.drafts.items() if key != stage}
    if text.strip():
        drafts[stage] = text
    return Patch(Meeting, meeting.id, {"drafts": drafts})


def check_ahead(meeting: Meeting, chosen: date | None, what: str) -> date | None:
    """A date the meeting plans ahead (the next meeting, the evaluation) lies after it: a date
    in the past is a typing slip, and would make the case list say a meeting is behind us."""
    if chosen is not None and chosen <= meeting.date:
        raise ValidationError(f"{what}: {chosen:%d-%m-%Y} is niet na dit overleg ({meeting.date:%d-%m-%Y}). "
                              "Kies een latere datum, of laat het leeg.")
    return chosen
