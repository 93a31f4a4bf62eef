"""The folder store's action index: one SQLite file (Python's own sqlite3) beside the case files.

Why SQLite and not JSON like the case index: a list asks for some rows of every case (one
professional's, or only the open ones). In JSON every shard would be parsed whole, about half a
second at 5,000 cases; here only the matching rows are read. It is a cache: each case's entry
names the case file it was made from (inode, time, size), so an entry behind its file, missing,
or written by a reader racing a writer is never believed, only made again. A damaged file is
removed and made again. Deleted rows are overwritten on disk (secure_delete), so erasing a
client leaves nothing of theirs in the free pages; the file is 0600 like every other."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from krachtoverleg.core.store.action_index import (
    OPEN,
    OWNERS_AT_MOST,
    ActionEntry,
    ActionQuery,
    CaseActions,
    CaseHead,
    OutlineRow,
    PageAnswer,
    PageQuery,
    PageRow,
    across_cases,
    fold,
    owner_choices,
)
from krachtoverleg.core.store.safe_read import is_regular

FILE = "actions.sqlite"
QUERY_SECONDS = 20  # far above the slowest real list (5,000 cases: under a second)
# 2: what a list filters by, in columns of its own; 3: and what it sorts by (see page); 4: the
# case code on each row, and an index per way of naming in the list's own order
VERSION = "4"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cases (id TEXT PRIMARY KEY, made_from TEXT NOT NULL, head TEXT NOT NULL,
                                  code TEXT, title_with TEXT, title_without TEXT);
CREATE TABLE IF NOT EXISTS rows (case_id TEXT NOT NULL, position INTEGER NOT NULL, terms TEXT NOT NULL,
                                 open INTEGER NOT NULL, entry TEXT NOT NULL, owner_key TEXT,
                                 owner_with TEXT, owner_without TEXT, due TEXT, status TEXT,
                                 off_screen INTEGER, sort_with TEXT, sort_without TEXT, across INTEGER,
                                 code TEXT, PRIMARY KEY (case_id, position));
"""
# A list reads these from the index alone, never the pages of the rows' JSON (made after an
# older file has its columns).
_PAGE_INDEX = """
DROP INDEX IF EXISTS rows_outline;
CREATE INDEX IF NOT EXISTS rows_page ON rows (open, case_id, position, owner_key, sort_with, sort_without,
                                              owner_with, owner_without, due, status, off_screen, across,
                                              terms);
CREATE INDEX IF NOT EXISTS rows_open_with ON rows (open, sort_with, owner_key, due, code, case_id, position,
                                                   owner_with, across);
CREATE INDEX IF NOT EXISTS rows_open_without ON rows (open, off_screen, sort_without, owner_key, due, code,
                                                      case_id, position, owner_without, across);
CREATE INDEX IF NOT EXISTS cases_titles ON cases (id, code, title_with, title_without);
"""
# Version 1 kept these inside the JSON only: taken out once, in place (no rebuild from the cases).
_FROM_1 = """
ALTER TABLE cases ADD COLUMN code TEXT; ALTER TABLE cases ADD COLUMN title_with TEXT;
ALTER TABLE cases ADD COLUMN title_without TEXT;
UPDATE cases SET code = json_extract(head, '$.code'), title_with = json_extract(head, '$.titles[0]'),
                 title_without = json_extract(head, '$.titles[1]');
ALTER TABLE rows ADD COLUMN owner_key TEXT; ALTER TABLE rows ADD COLUMN owner_with TEXT;
ALTER TABLE rows ADD COLUMN owner_without TEXT; ALTER TABLE rows ADD COLUMN due TEXT;
ALTER TABLE rows ADD COLUMN status TEXT; ALTER TABLE rows ADD COLUMN off_screen INTEGER;
UPDATE rows SET owner_key = json_extract(entry, '$[3]'), owner_with = json_extract(entry, '$[1]'),
                owner_without = json_extract(entry, '$[2]'), due = json_extract(entry, '$[0].due'),
                status = json_extract(entry, '$[0].status'), off_screen = json_extract(entry, '$[6]');
"""
# Version 2 had no sort columns: made here by the same Python functions a write uses.
_FROM_2 = """
ALTER TABLE rows ADD COLUMN sort_with TEXT; ALTER TABLE rows ADD COLUMN sort_without TEXT;
ALTER TABLE rows ADD COLUMN across INTEGER;
UPDATE rows SET sort_with = fold(owner_with), sort_without = fold(owner_without),
                across = across_cases(owner_key, case_id);
"""
# Version 3 had no case code on the rows.
_FROM_3 = """
ALTER TABLE rows ADD COLUMN code TEXT;
UPDATE rows SET code = (SELECT code FROM cases WHERE cases.id = rows.case_id);
"""
_UPGRADES = {"1": _FROM_1 + _FROM_2 + _FROM_3, "2": _FROM_2 + _FROM_3, "3": _FROM_3}
# The choices of a list (owners, cases) by the index's state and the list they are for: the
# Acties screen shown again, or a filter chosen, with nothing saved between, reads them once
# (5,000 cases: 45 ms of 80). One entry per index file.
_CHOICES: dict[str, tuple[Hashable, tuple[list[tuple[str, str, bool, str]], list[tuple[str, str]]]]] = {}
_COLUMNS = ("case_id, position, terms, open, entry, owner_key, owner_with, owner_without, due, status, "
            "off_screen, sort_with, sort_without, across, code")



def marker(path: Path) -> str:
    """Which version of a case file: every write makes a new file (a new inode)."""
    return stat_marker(path.stat())


def stat_marker(info: os.stat_result) -> str:
    """marker() of a file already looked at (one pass over a folder of thousands)."""
    return f"{info.st_ino}:{info.st_mtime_ns}:{info.st_size}"


class ActionIndexFile:
    def __init__(self, root: Path) -> None:
        self.path = root / FILE
        self.stored: set[str] = set()  # the cases put here by this object (see FolderStore.action_page)

    @contextlib.contextmanager
    def _db(self, write: bool) -> Iterator[sqlite3.Connection]:
        # SQLite opens what it finds: a named pipe in the file's (or its journal's) place would
        # make it wait for ever. Only regular files, or none; anything else is damage.
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.lexists(f"{self.path}{suffix}") and not is_regular(Path(f"{self.path}{suffix}")):
                raise sqlite3.DatabaseError("the action index is not a regular file")
        if write and not self.path.exists():
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o600))  # private before the first byte
        address = self.path.absolute().as_uri()  # a store given as a relative folder, too
        conn = sqlite3.connect(f"{address}{'' if write else '?mode=ro'}", uri=True, timeout=2,
                               isolation_level=None)
        deadline = time.monotonic() + QUERY_SECONDS
        # A damaged file can hold a query that never ends (a view calling itself): cut off.
        conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        conn.create_function("fold", 1, fold, deterministic=True)  # for an upgrade from version 2
        conn.create_function("across_cases", 2, across_cases, deterministic=True)
        try:
            kinds = dict(conn.execute("SELECT name, type FROM sqlite_master "
                                      "WHERE name IN ('cases', 'rows', 'meta')"))
            if any(kind != "table" for kind in kinds.values()):
                raise sqlite3.DatabaseError("the action index holds something else than its tables")
            conn.execute("PRAGMA secure_delete = ON")
            conn.execute("PRAGMA synchronous = NORMAL")  # a cache: a lost last write is made again
            if write:
                conn.executescript(_SCHEMA)
                found = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
                if found is not None and found[0] in _UPGRADES:
                    conn.executescript(f"BEGIN IMMEDIATE; {_UPGRADES[found[0]]} "
                                       f"UPDATE meta SET value = '{VERSION}' WHERE key = 'version'; COMMIT;")
                elif found is None or found[0] != VERSION:  # made by another version: start again
                    conn.executescript("DELETE FROM rows; DELETE FROM cases;")
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (VERSION,))
                conn.executescript(_PAGE_INDEX)
            yield conn
        finally:
            conn.close()

    def put(self, entries: Iterable[tuple[str, str, CaseActions]]) -> None:
        """(case id, its file's marker, its actions), in one transaction."""
        with self._db(write=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            for case_id, made_from, actions in entries:
                conn.execute("DELETE FROM rows WHERE case_id = ?", (case_id,))
                conn.execute("INSERT OR REPLACE INTO cases VALUES (?, ?, ?, ?, ?, ?)",
                             (case_id, made_from, json.dumps(actions.head(), ensure_ascii=False),
                              actions.case_code, actions.title_with_names, actions.title_without_names))
                conn.executemany(f"INSERT INTO rows ({_COLUMNS}) VALUES ({', '.join('?' * 15)})", [
                    (case_id, number, " ".join(entry.owner_terms), entry.action.get("status") in OPEN,
                     json.dumps(entry.to_json(), ensure_ascii=False), entry.owner_key,
                     entry.owner_with_names, entry.owner_without_names, entry.action.get("due"),
                     entry.action.get("status"), entry.off_screen, fold(entry.owner_with_names),
                     fold(entry.owner_without_names), across_cases(entry.owner_key, case_id),
                     actions.case_code)
                    for number, entry in enumerate(actions.entries)])
            conn.execute("COMMIT")

    def carry(self, case_id: str, before: str, after: str) -> None:
        """The case file was written again without a change to its actions: its entry, if it
        was made from the file before, is now made from the new one."""
        if not self.path.exists():
            return
        with self._db(write=True) as conn:
            conn.execute("UPDATE cases SET made_from = ? WHERE id = ? AND made_from = ?",
                         (after, case_id, before))

    def drop(self, case_id: str) -> None:
        if not self.path.exists():
            return
        with self._db(write=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("DELETE FROM rows WHERE case_id = ?", (case_id,))
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            conn.execute("COMMIT")

    def forget_cases(self, case_ids: Iterable[str]) -> None:
        """Entries of case files that are gone (erased, restored away): nothing of them stays."""
        gone = list(case_ids)
        if not gone:
            return
        with self._db(write=True) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("DELETE FROM rows WHERE case_id = ?", [(case_id,) for case_id in gone])
            conn.executemany("DELETE FROM cases WHERE id = ?", [(case_id,) for case_id in gone])
            conn.execute("COMMIT")

    def made_from(self) -> dict[str, str]:
        with self._db(write=False) as conn:
            return dict(conn.execute("SELECT id, made_from FROM cases").fetchall())

    def read(self, case_ids: set[str], query: ActionQuery) -> dict[str, CaseActions]:
        """The cases asked for, each with only the rows the query keeps (with an owner: only
        the cases that have a row of theirs). SQLite joins the JSON of all rows into one
        document, so it is parsed in one go (15,000 rows: one call)."""
        where, values = _where(query)
        with self._db(write=False) as conn:
            # The rows' JSON as it was written, not parsed and written again by SQLite (json()).
            rows = conn.execute(
                "SELECT '[' || coalesce(group_concat('[' || json_quote(case_id) || ',' || entry || ']', "
                f"','), '') || ']' FROM (SELECT case_id, entry FROM rows WHERE {where} "
                "ORDER BY case_id, position)",
                values).fetchone()[0]
            entries: dict[str, list[object]] = {}
            try:
                for case_id, entry in json.loads(rows):
                    entries.setdefault(case_id, []).append(entry)
            except (ValueError, TypeError):
                raise sqlite3.DatabaseError("an entry of the action index is not JSON") from None
            named = " WHERE id IN (SELECT value FROM json_each(?))" if query.owner else ""
            heads = conn.execute(
                f"SELECT '[' || coalesce(group_concat(head, ','), '') || ']' FROM cases{named}",
                [json.dumps(list(entries))] if query.owner else []).fetchone()[0]
        found = {}
        for head in json.loads(heads):
            if head["id"] in case_ids:
                found[head["id"]] = CaseActions.from_json(head | {"entries": entries.get(head["id"], [])})
        return found

    def outline(self, case_ids: set[str], query: ActionQuery) -> tuple[list[CaseHead], list[OutlineRow]]:
        """The heads of these cases and an outline of their rows the query keeps, from columns
        of their own: the rows' JSON is left unread."""
        where, values = _where(query)
        try:
            return self._outline(case_ids, where, values)
        except sqlite3.OperationalError:  # made by version 1: a writer's open brings it up to date
            with self._db(write=True):
                pass
            return self._outline(case_ids, where, values)

    def _outline(self, case_ids: set[str], where: str, values: list[str]) -> tuple[list[CaseHead],
                                                                                 list[OutlineRow]]:
        with self._db(write=False) as conn:
            heads = [CaseHead(*head) for head in conn.execute(
                "SELECT id, code, title_with, title_without FROM cases").fetchall() if head[0] in case_ids]
            rows = [row for row in map(OutlineRow._make, conn.execute(
                "SELECT case_id, position, owner_key, owner_with, owner_without, coalesce(due, ''), "
                "coalesce(status, ''), off_screen = 1, terms FROM rows INDEXED BY rows_page "
                f"WHERE {where}", values).fetchall()) if row.case_id in case_ids]
        return heads, rows

    def page(self, query: PageQuery, excluded: set[str]) -> PageAnswer:
        """One screenful, sorted, filtered and counted by SQLite from the index's own columns
        (the same answer as page_of_outline); `excluded`: cases not to list."""
        try:
            return self._page(query, excluded)
        except sqlite3.OperationalError:  # made by an older version: a writer's open brings it up to date
            with self._db(write=True):
                pass
            return self._page(query, excluded)

    def _page(self, query: PageQuery, excluded: set[str]) -> PageAnswer:
        if query.status == "open" and not query.owner:
            return self._open_page(query, excluded)
        return self._listed_page(query, excluded)

    def _open_page(self, query: PageQuery, excluded: set[str]) -> PageAnswer:
        """What is still to do, the list's first look and the one asked for most: read in the
        list's own order from an index made for it, so a page of 15,000 rows reads 200 of them
        (and counts the rest from the index). For open rows "late first" is "earliest first":
        a late row's date is before today's, and every action has a date."""
        names = "with" if query.show_names else "without"
        index = f"rows_open_{names}"
        listed = ("r.open = 1 AND r.case_id NOT IN (SELECT value FROM json_each(:excluded))"
                  + ("" if query.show_names else " AND r.off_screen = 0"))
        chosen = (f"{listed} AND (:key IS NULL OR r.owner_key = :key) "
                  "AND (:case IS NULL OR r.case_id = :case) AND (NOT :overdue OR r.due < :today)")
        values = {"excluded": json.dumps(sorted(excluded)), "today": query.today, "key": query.owner_key,
                  "case": query.case_id, "overdue": query.overdue, "limit": query.limit}
        state = self._state()  # before reading: a write in between is then seen as a change
        with self._db(write=False) as conn:
            total, late = conn.execute(f"SELECT count(*), coalesce(sum(r.due < :today), 0) FROM rows r "
                                       f"INDEXED BY {index} WHERE {chosen}", values).fetchone()
            shown = list(map(PageRow._make, conn.execute(
                f"SELECT r.case_id, r.position, r.code, c.title_{names} FROM rows r INDEXED BY {index} "
                f"JOIN cases c ON c.id = r.case_id WHERE {chosen} "
                f"ORDER BY r.sort_{names}, r.owner_key, r.due, r.code, r.case_id, r.position LIMIT :limit",
                values)))

            def choices() -> tuple[list[tuple[str, str, bool, str]], list[tuple[str, str]]]:
                owners = self._owners(conn, f"rows r INDEXED BY {index} WHERE {listed}", names, values)
                # Per case one look in rows_page (open, case_id first), not a sort of every row.
                return owners, sorted(conn.execute(
                    f"SELECT c.title_{names}, c.id FROM cases c INDEXED BY cases_titles "
                    "WHERE c.id NOT IN (SELECT value FROM json_each(:excluded)) AND EXISTS (SELECT 1 "
                    "FROM rows r INDEXED BY rows_page WHERE r.open = 1 AND r.case_id = c.id"
                    f"{'' if query.show_names else ' AND r.off_screen = 0'})", values))

            owners, cases = self._choices(state, ("open", names, values["excluded"], query.case_id), choices)
        return PageAnswer(shown, total, late, owner_choices(owners, query.case_id), cases, [])

    def _state(self) -> Hashable | None:
        """The file as SQLite last committed it: its inode and the file change counter in its
        header (bytes 24-27), which every committed write raises in the rollback journal this
        file keeps. None when that cannot tell: no file, a short header, or WAL (byte 18 is 2),
        where the counter stands still."""
        try:
            with open(self.path, "rb") as file:
                info = os.fstat(file.fileno())
                header = file.read(28)
        except OSError:
            return None
        if len(header) < 28 or header[18] == 2:
            return None
        return info.st_dev, info.st_ino, header[24:28]

    def _choices(self, state: Hashable | None, wanted: Hashable,
                 read: Callable[[], tuple[list[tuple[str, str, bool, str]], list[tuple[str, str]]]]
                 ) -> tuple[list[tuple[str, str, bool, str]], list[tuple[str, str]]]:
        """The choices read for the same list from the same state of the file, else read now."""
        key = str(self.path)
        kept = _CHOICES.get(key)
        if state is not None and kept is not None and kept[0] == (state, wanted):
            return kept[1]
        found = read()
        if state is not None:
            _CHOICES[key] = ((state, wanted), found)
        return found

    @staticmethod
    def _owners(conn: sqlite3.Connection, source: str, names: str,
                values: Mapping[str, object]) -> list[tuple[str, str, bool, str]]:
        """Everyone listed, or when they are too many to choose from, whoever owner_choices keeps."""
        many = conn.execute(f"SELECT count(*) FROM (SELECT DISTINCT r.owner_key FROM {source} "
                            f"LIMIT {OWNERS_AT_MOST + 1})", values).fetchone()[0] > OWNERS_AT_MOST
        keep = "AND (r.across OR r.case_id IS :case)" if many else ""
        return conn.execute(
            f"SELECT r.owner_key, min(r.owner_{names}), max(r.across OR r.case_id IS :case), '' "
            f"FROM {source} {keep} GROUP BY r.owner_key", values).fetchall()

    def _listed_page(self, query: PageQuery, excluded: set[str]) -> PageAnswer:
        """Any other list (done, all, or an owner's name typed): the listed rows are read once
        from the covering index into a temporary table (in memory, gone with the connection);
        counting, sorting and the choices read that."""
        names = "with" if query.show_names else "without"
        where = ["r.case_id NOT IN (SELECT value FROM json_each(:excluded))"]
        where += [] if query.show_names else ["r.off_screen = 0"]
        where += {"open": ["r.open = 1"], "done": ["r.status = 'done'"]}.get(query.status, [])
        where += ["instr(r.terms, :owner) > 0"] if query.owner else []
        chosen = ("(:key IS NULL OR owner_key = :key) AND (:case IS NULL OR case_id = :case) "
                  "AND (NOT :overdue OR late)")
        values = {"excluded": json.dumps(sorted(excluded)), "owner": query.owner, "today": query.today,
                  "key": query.owner_key, "case": query.case_id, "overdue": query.overdue,
                  "limit": query.limit}
        state = self._state()  # see _open_page
        with self._db(write=False) as conn:
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute(
                f"CREATE TEMP TABLE listed AS SELECT r.case_id, r.position, r.owner_key, "
                f"r.owner_{names}, r.sort_{names} AS sort, coalesce(r.due, '') AS due, r.across, "
                f"coalesce(r.open = 1 AND r.due < :today, 0) AS late FROM rows r INDEXED BY rows_page "
                f"WHERE {' AND '.join(where)}", values)
            total, late = conn.execute(f"SELECT count(*), coalesce(sum(late), 0) FROM temp.listed "
                                       f"WHERE {chosen}", values).fetchone()
            shown = list(map(PageRow._make, conn.execute(
                f"SELECT l.case_id, l.position, c.code, c.title_{names} FROM temp.listed l "
                f"JOIN cases c ON c.id = l.case_id WHERE {chosen} "
                "ORDER BY sort, owner_key, late DESC, due, c.code, l.case_id, l.position LIMIT :limit",
                values)))

            def choices() -> tuple[list[tuple[str, str, bool, str]], list[tuple[str, str]]]:
                return self._owners(conn, "temp.listed r WHERE 1", names, values), sorted(conn.execute(
                    f"SELECT title_{names}, id FROM cases WHERE id IN (SELECT case_id FROM temp.listed)"))

            owners, cases = self._choices(state, (query.status, names, values["excluded"], query.owner,
                                                  query.today, query.case_id), choices)
        return PageAnswer(shown, total, late, owner_choices(owners, query.case_id), cases, [])

    def entries(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], ActionEntry]:
        """Whole rows by their keys (a list's shown rows: a primary-key lookup each, in one query)."""
        found = {}
        wanted = json.dumps([[case_id, position] for case_id, position in keys])
        with self._db(write=False) as conn:
            for case_id, position, entry in conn.execute(
                    "SELECT r.case_id, r.position, r.entry FROM json_each(?) k JOIN rows r ON "
                    "r.case_id = json_extract(k.value, '$[0]') "
                    "AND r.position = json_extract(k.value, '$[1]')",
                    (wanted,)):
                with contextlib.suppress(ValueError, TypeError):
                    found[(case_id, position)] = ActionEntry.from_json(json.loads(entry))
        return found

    def forget(self) -> None:
        """A damaged file: away with it, it is made again from the case files. (A folder in its
        place is left, and named by check: the index then stays in memory only.)"""
        for suffix in ("", "-journal", "-wal", "-shm"):
            path = Path(f"{self.path}{suffix}")
            if not path.is_dir() or path.is_symlink():
                path.unlink(missing_ok=True)


def _where(query: ActionQuery) -> tuple[str, list[str]]:
    """The rows a query keeps, as SQL over the index's own columns, and its values."""
    where, values = ["1"], []
    if query.open_only:
        where.append("open = 1")
    if query.owner:
        where.append("instr(terms, ?) > 0")
        values.append(query.owner)
    return " AND ".join(where), values
