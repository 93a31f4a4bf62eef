"""Every agreed action across all cases: what each professional works from between meetings.

Rows carry the owner as the screen names them (privacy applied) and a grouping key, so one
person who appears in several cases is one group. Filters: owner (matched on full name, role or
initials, without regard to case or accents), case, status and overdue.

A professional's hand-back of a step they took over is a row too, "Terug naar de cliënt: ...",
open until the step goes back to the client.

Status: `open` is what is still to do (not started, or only partly done); `done` is done; `all`
adds the actions that were settled as not done."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Action, Meeting
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import ActionStatus, OwnerKind, Relation
from krachtoverleg.core.rules.hand_backs import hand_back_actions
from krachtoverleg.core.rules.hidden import on_screen
from krachtoverleg.core.rules.privacy import Names, initials
from krachtoverleg.core.store.action_index import (
    ActionEntry,
    ActionQuery,
    CaseActions,
    PageQuery,
    across_cases,
    fold,
    owner_choices,
)

if TYPE_CHECKING:
    from krachtoverleg.core.store.engine import CaseStore

StatusFilter = Literal["open", "done", "all"]
STATUS_FILTERS: tuple[StatusFilter, ...] = ("open", "done", "all")


@dataclass(frozen=True)
class ActionRow:
    case_id: str
    case_code: str
    case_title: str
    action: Action
    owner: str
    owner_key: str
    owner_terms: tuple[str, ...]  # folded name, role and initials; for matching, never shown
    meeting_number: int
    overdue: bool

    def owned_by(self, wanted: str) -> bool:
        needle = fold(wanted.strip())
        return bool(needle) and any(needle in term for term in self.owner_terms)


@dataclass(frozen=True)
class ActionFilter:
    owner: str | None = None
    case_id: str | None = None
    status: StatusFilter = "open"
    overdue: bool = False
    owner_key: str | None = None  # one owner as the screen lists them (ActionList.owners)

    def matches(self, row: ActionRow) -> bool:
        status = row.action.status
        if self.status == "open" and not row.action.is_open:
            return False
        if self.status == "done" and status is not ActionStatus.DONE:
            return False
        if self.overdue and not row.overdue:
            return False
        if self.case_id and row.case_id != self.case_id:
            return False
        if self.owner and not row.owned_by(self.owner):
            return False
        return not (self.owner_key and row.owner_key != self.owner_key)


@dataclass(frozen=True)
class CaseDates:
    """Dates of a case that belong in a professional's calendar."""

    case_id: str
    case_code: str
    case_title: str
    evaluations: tuple[date, ...]
    next_meetings: tuple[date, ...]


def rows_of(data: CaseData, names: Names, today: date) -> list[ActionRow]:
    numbers = {m.id: m.number for m in data.all(Meeting)}
    rows = []
    # A professional's hand-back (see hand_backs.py) is on their list like an agreed action.
    for action in [*data.all(Action), *hand_back_actions(data)]:
        if action.owner_kind is OwnerKind.CLIENT:
            key = f"client:{data.case.id}"
            terms: tuple[str, ...] = ("client", "cliënt", data.case.label, data.case.client_name,
                                      data.case.code)
        else:
            member = data.member(action.owner_id)
            full = member.name if member else "?"
            key = owner_key_of(full)
            if member is None or member.relation is not Relation.PROFESSIONALS:
                key += f":{data.case.id}"  # family and neighbours belong to one client's case
            terms = (full, member.role if member else "", initials(full))
        rows.append(ActionRow(
            case_id=data.case.id, case_code=data.case.code, case_title=names.case_title(data.case),
            action=action, owner=_owner_label(action, data, names), owner_key=key,
            owner_terms=tuple(fold(t) for t in terms if t),
            meeting_number=numbers.get(action.meeting_id, 0), overdue=action.overdue(today)))
    return rows


def _owner_label(action: Action, data: CaseData, names: Names) -> str:
    """Unambiguous across cases: 'broer' of one client is not 'broer' of another, while a
    professional is the same person in every case (shown with initials in privacy mode)."""
    if action.owner_kind is OwnerKind.CLIENT:
        return f"cliënt, {data.case.code}"
    member = data.member(action.owner_id)
    if member is None:
        return "?"
    if member.relation is Relation.PROFESSIONALS:
        return names.member(member) if names.show_names else f"{member.role} {initials(member.name)}"
    return f"{names.member(member)}, {data.case.code}"


def dates_of(data: CaseData, names: Names) -> CaseDates:
    meetings = data.all(Meeting)
    return CaseDates(
        case_id=data.case.id, case_code=data.case.code, case_title=names.case_title(data.case),
        evaluations=tuple(sorted({m.evaluation_date for m in meetings if m.evaluation_date})),
        next_meetings=tuple(sorted({m.next_meeting for m in meetings if m.next_meeting})),
    )


@dataclass
class ActionList:
    rows: list[ActionRow]
    dates: list[CaseDates]
    problems: list[str]  # cases that could not be read; the others are still listed

    def filtered(self, wanted: ActionFilter) -> ActionList:
        rows = [row for row in self.rows if wanted.matches(row)]
        # A personal list names only the cases this person works on.
        if wanted.owner or wanted.owner_key or wanted.overdue:
            keep = {row.case_id for row in rows}
        else:
            keep = {d.case_id for d in self.dates}
        if wanted.case_id:
            keep &= {wanted.case_id}
        return ActionList(rows, [d for d in self.dates if d.case_id in keep], self.problems)

    def owners(self, case_id: str | None = None) -> list[tuple[str, str]]:
        """(label, key) of the owners to choose from, sorted by label (see owner_choices)."""
        return owner_choices(((row.owner_key, row.owner, across_cases(row.owner_key, row.case_id),
                               row.case_id) for row in self.rows), case_id)


def sort_rows(rows: Iterable[ActionRow]) -> list[ActionRow]:
    """By owner, then overdue first, then due date."""
    folded: dict[str, str] = {}  # a hundred owners among 10,000 rows: each folded once
    return sorted(rows, key=lambda r: (folded.get(r.owner) or folded.setdefault(r.owner, fold(r.owner)),
                                       r.owner_key, not r.overdue, r.action.due, r.case_code))


def owner_key_of(name: str) -> str:
    """The owner key of a professional by name: 'mijn acties' on a team store."""
    return f"person:{fold(' '.join(name.split()))}"


def case_actions_of(data: CaseData) -> CaseActions:
    """A case's entry in the action index (see core/store/action_index.py): every row with the
    owner as each privacy mode names them, so a list is made without opening the case."""
    with_names, without_names = Names(show_names=True), Names(show_names=False)
    on_shared_screen = {row.action.id for row in rows_of(on_screen(data, False), without_names, date.min)}
    entries = tuple(
        ActionEntry(row.action.to_dict(), row.owner, _owner_label(row.action, data, without_names),
                    row.owner_key, row.owner_terms, row.meeting_number,
                    off_screen=row.action.id not in on_shared_screen)
        for row in rows_of(data, with_names, date.min))
    dates = dates_of(data, with_names)
    return CaseActions(data.case.id, data.case.code, with_names.case_title(data.case),
                       without_names.case_title(data.case), entries, dates.evaluations, dates.next_meetings)


def collect(store: CaseStore, names: Names, today: date, case_ids: Iterable[str] | None = None,
            wanted: ActionFilter | None = None) -> ActionList:
    """Every action of these cases (None: all), from the store's action index; `wanted` lets
    the store read only the rows that can match (the list is filtered with it afterwards)."""
    query = ActionQuery(owner=fold(wanted.owner.strip()) if wanted and wanted.owner else None,
                        open_only=wanted is not None and wanted.status == "open")
    indexed, problems = store.case_actions(case_ids, query)
    rows: list[ActionRow] = []
    dates: list[CaseDates] = []
    for case in indexed:
        title = case.title(names.show_names)
        for entry in case.listed(names.show_names):
            try:
                action = Action.from_index(entry.action)
            except (KeyError, TypeError, ValueError):
                try:  # not as this program writes it: checked the slow way, or named and left out
                    action = Action.from_dict(entry.action)
                except ValidationError as error:
                    problems.append(f"{case.case_code}: {error}")
                    continue
            rows.append(ActionRow(case.case_id, case.case_code, title, action, entry.owner(names.show_names),
                                  entry.owner_key, entry.owner_terms, entry.meeting_number,
                                  action.overdue(today)))
        dates.append(CaseDates(case.case_id, case.case_code, title, case.evaluations, case.next_meetings))
    return ActionList(sort_rows(rows), dates, problems)


@dataclass(frozen=True)
class ActionPage:
    """One screenful of a list of thousands: the first rows whole, and about all of them only
    what the screen says (how many, how many late, whose and which cases there are to choose)."""

    rows: list[ActionRow]  # the first `limit`, in the list's order
    total: int
    late: int
    owners: list[tuple[str, str]]  # (label, key) of everyone in the list before owner or case is chosen
    cases: list[tuple[str, str]]  # (title, id) of the cases in it
    problems: list[str]


def collect_page(store: CaseStore, names: Names, today: date, wanted: ActionFilter, limit: int) -> ActionPage:
    """As collect(...).filtered(wanted), cut to `limit` rows: the store sorts, filters and
    counts (in SQL on both engines), and only the rows shown are read whole."""
    answer = store.action_page(PageQuery(
        names.show_names, today.isoformat(), limit, wanted.status,
        owner=fold(wanted.owner.strip()) if wanted.owner else None, owner_key=wanted.owner_key,
        case_id=wanted.case_id, overdue=wanted.overdue))
    problems = list(answer.problems)
    entries = store.action_entries([(row.case_id, row.position) for row in answer.rows])
    rows = []
    for shown in answer.rows:
        entry = entries.get((shown.case_id, shown.position))
        if entry is None:
            continue  # changed since the page was read: the next list shows it
        try:
            action = Action.from_index(entry.action)
        except (KeyError, TypeError, ValueError):
            try:
                action = Action.from_dict(entry.action)
            except ValidationError as error:
                problems.append(f"{shown.code}: {error}")
                continue
        rows.append(ActionRow(shown.case_id, shown.code, shown.title, action,
                              entry.owner(names.show_names), entry.owner_key, entry.owner_terms,
                              entry.meeting_number, action.overdue(today)))
    return ActionPage(rows, answer.total, answer.late, answer.owners, answer.cases, problems)
