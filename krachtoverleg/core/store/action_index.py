"""What the action lists are made of, kept per case beside the case, so a list of every action
(the Acties screen, `krachtoverleg actions`) never opens every case.

Every save writes the case's entry again from the case as saved (see
core/rules/action_list.case_actions_of). An entry holds each action twice: as a screen with
names shown lists it, and as the shared screen in privacy mode lists it (without what is kept
off the screen). Which one a list uses is the reader's choice; what is overdue is worked out
when the list is read, since that depends on the day."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

ACTION_INDEX_VERSION = 1
OPEN = ("open", "partly")  # the stored values of the statuses still to do
# A list with more people than this (a team store of thousands of cases, where everyone's
# family is someone): the owner choice offers the professionals, and the chosen case's people.
OWNERS_AT_MOST = 60


@functools.lru_cache(maxsize=4096)  # owners repeat across thousands of rows
def fold(text: str) -> str:
    """Lower case without accents: 'Ayşe' matches 'ayse', and sorts with 'Ayse'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def across_cases(owner_key: str, case_id: str) -> bool:
    """Whether an owner is one person in every case (a professional), not a client or someone
    of one client's network (their keys are the case's own: see rules/action_list.rows_of)."""
    return not owner_key.startswith("client:") and not owner_key.endswith(f":{case_id}")


@dataclass(frozen=True)
class ActionQuery:
    """Which rows a list wants: the engines use it to read less (a professional's own list reads
    only their rows). The list filters again after, so an engine may return more, never less."""

    # folded: part of the owner's name, role or initials. A case without a row of theirs may be
    # left out: a personal list names only the cases this person works on (ActionList.filtered).
    owner: str | None = None
    open_only: bool = False

    def keeps(self, terms: str, status: object) -> bool:
        return (not self.open_only or status in OPEN) and (not self.owner or self.owner in terms)

    def keeps_outline(self, row: OutlineRow) -> bool:
        return self.keeps(row.terms, row.status)


@dataclass(frozen=True)
class ActionEntry:
    action: dict[str, Any]  # the action as stored (or a hand-back, made from its step)
    owner_with_names: str  # the owner as a list with names shown says it
    owner_without_names: str  # ... and as the shared screen says it (role and initials)
    owner_key: str  # one person across cases
    owner_terms: tuple[str, ...]  # folded name, role and initials: for matching, never shown
    meeting_number: int
    off_screen: bool  # kept off the shared screen: listed only with names shown

    def to_json(self) -> list[Any]:
        return [self.action, self.owner_with_names, self.owner_without_names, self.owner_key,
                list(self.owner_terms), self.meeting_number, self.off_screen]

    @classmethod
    def from_json(cls, data: Any) -> ActionEntry:
        action, with_names, without_names, key, terms, number, off_screen = data
        if not (isinstance(action, dict) and isinstance(with_names, str) and isinstance(without_names, str)
                and isinstance(key, str) and isinstance(terms, list) and isinstance(number, int)):
            raise TypeError("an action entry of the wrong shape")
        return cls(action, with_names, without_names, key, tuple(map(str, terms)), number, off_screen is True)

    def owner(self, show_names: bool) -> str:
        return self.owner_with_names if show_names else self.owner_without_names


@dataclass(frozen=True)
class CaseActions:
    case_id: str
    case_code: str
    title_with_names: str
    title_without_names: str
    entries: tuple[ActionEntry, ...]
    evaluations: tuple[date, ...]
    next_meetings: tuple[date, ...]

    def title(self, show_names: bool) -> str:
        return self.title_with_names if show_names else self.title_without_names

    def listed(self, show_names: bool) -> list[ActionEntry]:
        return [entry for entry in self.entries if show_names or not entry.off_screen]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.case_id, "code": self.case_code,
                "titles": [self.title_with_names, self.title_without_names],
                "entries": [entry.to_json() for entry in self.entries],
                "evaluations": [day.isoformat() for day in self.evaluations],
                "next_meetings": [day.isoformat() for day in self.next_meetings]}

    def head(self) -> dict[str, Any]:
        """Everything but the rows, which an index keeps one by one (see row_fields)."""
        data = self.to_json()
        del data["entries"]
        return data

    @classmethod
    def from_json(cls, data: Any, query: ActionQuery | None = None) -> CaseActions:
        """`query`: only the rows it keeps are made into entries (the others are skipped unread)."""
        if not isinstance(data, dict):
            raise TypeError("a case's actions of the wrong shape")
        with_names, without_names = data["titles"]
        rows = data.get("entries", [])
        if query is not None:
            rows = [row for row in rows if query.keeps(" ".join(row[4]), row[0].get("status"))]
        return cls(str(data["id"]), str(data["code"]), str(with_names), str(without_names),
                   tuple(ActionEntry.from_json(item) for item in rows),
                   tuple(date.fromisoformat(day) for day in data.get("evaluations", [])),
                   tuple(date.fromisoformat(day) for day in data.get("next_meetings", [])))


@dataclass(frozen=True)
class CaseHead:
    """A case as an action list names it."""

    case_id: str
    code: str
    title_with_names: str
    title_without_names: str

    def title(self, show_names: bool) -> str:
        return self.title_with_names if show_names else self.title_without_names


class OutlineRow(NamedTuple):
    """What a list sorts, filters and counts by: a few fields of a row, so a list of thousands
    decodes only the rows it shows (see ActionEntry for the whole row). A tuple: made by the
    thousand from a query's rows."""

    case_id: str
    position: int  # the row's place in its case's entry
    owner_key: str
    owner_with_names: str
    owner_without_names: str
    due: str  # ISO date: sorts as the date does
    status: str
    off_screen: bool
    terms: str  # the owner's folded name, role and initials, joined: for --owner

    def owner(self, show_names: bool) -> str:
        return self.owner_with_names if show_names else self.owner_without_names


Outline = tuple[list[CaseHead], list[OutlineRow], list[str]]  # and the cases that could not be read


def outline_of(cases: Iterable[CaseActions]) -> tuple[list[CaseHead], list[OutlineRow]]:
    """The outline of cases already read whole and unfiltered, so positions are the entries'
    own (the engines' way when their index cannot help)."""
    heads, rows = [], []
    for case in cases:
        heads.append(CaseHead(case.case_id, case.case_code, case.title_with_names, case.title_without_names))
        rows += [OutlineRow(case.case_id, position, entry.owner_key, entry.owner_with_names,
                            entry.owner_without_names, str(entry.action.get("due", "")),
                            str(entry.action.get("status", "")), entry.off_screen,
                            " ".join(entry.owner_terms))
                 for position, entry in enumerate(case.entries)]
    return heads, rows


@dataclass(frozen=True)
class PageQuery:
    """One screenful of an action list: which rows, in the order every list has (by owner,
    overdue first, then due date and case), and what the screen says about all of them."""

    show_names: bool
    today: str  # ISO date: a row is late when still to do and due before it
    limit: int
    status: str = "open"  # open, done or all (see rules/action_list.StatusFilter)
    owner: str | None = None  # folded: part of the owner's name, role or initials
    owner_key: str | None = None
    case_id: str | None = None
    overdue: bool = False

    def rows_query(self) -> ActionQuery:
        return ActionQuery(owner=self.owner, open_only=self.status == "open")


class PageRow(NamedTuple):
    case_id: str
    position: int
    code: str
    title: str


@dataclass(frozen=True)
class PageAnswer:
    rows: list[PageRow]  # the first `limit` of the chosen rows, in order
    total: int
    late: int
    owners: list[tuple[str, str]]  # (label, key) to choose from, in the order they are shown
    cases: list[tuple[str, str]]  # (title, id) of the cases in the list
    problems: list[str]  # cases that could not be read, named in Dutch


def owner_choices(found: Iterable[tuple[str, str, bool, str]], case_id: str | None) -> list[tuple[str, str]]:
    """(label, key) from (key, label, across cases, case id) of every listed row: everyone,
    or when that is more than OWNERS_AT_MOST, the professionals and the chosen case's people."""
    labels: dict[str, str] = {}
    wide: set[str] = set()
    for key, label, across, row_case in found:
        labels[key] = min(labels.get(key, label), label)
        if across or row_case == case_id:
            wide.add(key)
    if len(labels) > OWNERS_AT_MOST:
        labels = {key: label for key, label in labels.items() if key in wide}
    return sorted(((label, key) for key, label in labels.items()), key=lambda item: (fold(item[0]), item))


def page_of_outline(heads: Iterable[CaseHead], rows: Iterable[OutlineRow], query: PageQuery,
                    problems: list[str]) -> PageAnswer:
    """The page worked out in Python, from an outline: what the engines' SQL does, for when an
    index cannot answer (and for the contract tests to hold the SQL to)."""
    show = query.show_names
    by_case = {head.case_id: head for head in heads}

    def late(row: OutlineRow) -> bool:
        return row.status in OPEN and row.due < query.today

    listed = [row for row in rows if row.case_id in by_case and (show or not row.off_screen)
              and (query.status != "open" or row.status in OPEN)
              and (query.status != "done" or row.status == "done")
              and (not query.owner or query.owner in row.terms)]
    owners = owner_choices(((row.owner_key, row.owner(show), across_cases(row.owner_key, row.case_id),
                             row.case_id) for row in listed), query.case_id)
    cases = sorted({(by_case[row.case_id].title(show), row.case_id) for row in listed})
    chosen = [row for row in listed if (not query.owner_key or row.owner_key == query.owner_key)
              and (not query.case_id or row.case_id == query.case_id) and (not query.overdue or late(row))]
    chosen.sort(key=lambda r: (fold(r.owner(show)), r.owner_key, not late(r), r.due, by_case[r.case_id].code,
                               r.case_id, r.position))
    shown = [PageRow(row.case_id, row.position, by_case[row.case_id].code, by_case[row.case_id].title(show))
             for row in chosen[:query.limit]]
    return PageAnswer(shown, len(chosen), sum(late(row) for row in chosen), owners, cases, problems)
