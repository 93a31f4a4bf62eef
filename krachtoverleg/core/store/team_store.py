"""The team store: the cases of one or more teams on PostgreSQL (psycopg 3), each professional
logged in as themselves.

A case is one row holding the same document a folder store's case file holds (see
case_document.py), so a change means the same on both engines. Writing is per case: a window
holds a case with a session advisory lock (it goes when the window or its connection goes), and
names who holds it when another window asks. A professional's report on their own action is
merged in under the row lock, whoever holds the case. Every write notifies listeners (LISTEN /
NOTIFY) with the case id and its new version, so a second window and the chair's window follow
at once. Row-level security (team_schema.py) shows a login its own team's cases only.

When the server cannot be reached, a save says so in Dutch and nothing is half-stored; the next
call connects again by itself."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb, set_json_loads

from krachtoverleg.core.errors import StoreBusy, StoreError, StoreUnreachable, UnknownCase, ValidationError
from krachtoverleg.core.models import Case
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Applied, Change, Patch
from krachtoverleg.core.models.meeting import Action
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.rules.action_list import case_actions_of
from krachtoverleg.core.store.action_index import (
    OPEN,
    OWNERS_AT_MOST,
    ActionEntry,
    ActionQuery,
    CaseActions,
    PageAnswer,
    PageQuery,
    PageRow,
    across_cases,
    fold,
    owner_choices,
)
from krachtoverleg.core.store.case_document import (
    CaseSummary,
    apply_changes,
    build_case,
    changes_actions,
    group,
    raw_from_records,
    summarise,
)
from krachtoverleg.core.store.drafts import DraftBox, owner_of
from krachtoverleg.core.store.engine import CASE_REF, CaseStore, not_a_case_ref
from krachtoverleg.core.store.presence import Presence, presence_from
from krachtoverleg.core.store.schema import SCHEMA_VERSION, stamp, upgrade
from krachtoverleg.core.store.settings import Settings
from krachtoverleg.core.store.team_schema import CHANNEL_PREFIX, TEAM_SCHEMA_VERSION, channel_of

CONNECT_SECONDS = 3
CHECK_SECONDS = 3  # how often a follower also asks the server itself whether anything changed
RETRY_SECONDS = 2  # after the server was away, how long small reads wait before asking again
WRITTEN_KEPT = 8  # documents this window wrote last, kept to start the next save of their case from
# What a professional may report on their own action between meetings, while the case is held
# elsewhere: how far it got, a note, and when.
PROGRESS_FIELDS = frozenset({"status", "note", "settled_on", "settled_in_id"})


def unreachable(error: Exception, saving: bool) -> StoreUnreachable:
    what = "Niet opgeslagen: de teamopslag" if saving else "De teamopslag"
    rest = (" Er is niets veranderd; wat je typte staat er nog. Het programma maakt zelf weer "
            "verbinding; probeer het zo opnieuw." if saving else " Probeer het zo opnieuw.")
    return StoreUnreachable(f"{what} is niet bereikbaar (de server antwoordt niet).{rest}")


class TeamStore(CaseStore):
    def __init__(self, url: str, *, write: bool, now: Callable[[], datetime] | None = None,
                 local_root: Path | None = None, team: str | None = None) -> None:
        self.url = url
        self._write = write
        self.now = now or datetime.now
        self.settings = Settings()  # names hidden at start: the safe default, on every laptop
        self.fixed_permissions = []
        self.read_only_reason = "deze casus is open bij een ander"
        self._conn: psycopg.Connection[Any] | None = None
        self._ever_connected = False  # a first connection refused is said as such, not as "away"
        self._failed_at = -float(RETRY_SECONDS)
        self._held: set[str] = set()
        self._versions: dict[str, int] = {}
        self._list_version = 0
        self._server_marker: tuple[int, ...] = ()
        self._checked_at = 0.0
        self._listener: threading.Thread | None = None
        self._stop = threading.Event()
        self._mine: set[str] = set()  # "<case id> <version>" this window wrote: not followed
        self._rows_complete = False  # rows of schema version 1 have their sort columns (see action_page)
        # Per case, the document as this window last wrote it, with the (version, time) the
        # server gave it: the next save of that case starts from it when the server still holds
        # that version, instead of reading and checking the whole document again (see _write_changes).
        self._written: dict[str, tuple[tuple[int, Any], dict[str, Any]]] = {}
        self.teams: list[str] = []
        with self._db() as conn:
            self.login = conn.info.user
            info = conn.info
            self.where = f"teamopslag {info.dbname} op {info.host or 'deze computer'}"
            self.team = self._my_team(conn, team)
            self.me = self._my_name(conn)
        key = hashlib.sha1(f"{info.host}:{info.port}/{info.dbname}/{self.login}".encode()).hexdigest()[:12]
        from krachtoverleg.core.store.location import default_store_dir

        self.local_dir = (local_root or default_store_dir()) / "team" / key
        self._drafts = DraftBox(self.local_dir)  # drafts stay on this laptop, also when the server is away
        self._listen()

    # -- the connection -------------------------------------------------------------------

    def _connection(self, saving: bool = False) -> psycopg.Connection[Any]:
        if self._conn is not None and not self._conn.closed and not self._conn.broken:
            return self._conn
        self._held.clear()  # a new session holds nothing: a hold is taken again on the next save
        if not saving and time.monotonic() - self._failed_at < RETRY_SECONDS:
            # the server was away a moment ago: the mirror's and the presence's many small
            # questions do not each wait for a connection that will not come
            raise unreachable(OSError("recently unreachable"), saving)
        try:
            self._conn = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_SECONDS,
                                         application_name="krachtoverleg")
        except psycopg.OperationalError as error:
            if self._ever_connected:
                self._failed_at = time.monotonic()
                raise unreachable(error, saving) from None
            raise refused(error) from None
        except psycopg.Error as error:  # a mistyped option in the address
            raise refused(error) from None
        self._ever_connected = True
        # PostgreSQL keeps a JSON object's keys shortest first; a case reads back with its keys
        # in the order a folder store's file has them, so exports are the same on both engines.
        set_json_loads(_sorted_json, self._conn)
        exists = self._conn.execute(
            "SELECT to_regclass('krachtoverleg.schema_version') IS NOT NULL").fetchone()
        version = (self._conn.execute("SELECT version FROM krachtoverleg.schema_version").fetchone()
                   if exists and exists[0] else None)
        found = version[0] if version else None
        if found is None:
            raise StoreError("Deze database heeft nog geen teamopslag. De beheerder maakt die met "
                             "'krachtoverleg --store URL team setup' (zie docs/team-store.md).")
        if found > TEAM_SCHEMA_VERSION:
            raise StoreError("Deze teamopslag is gemaakt met een nieuwere versie van krachtoverleg. "
                             "Installeer de nieuwste versie.")
        if found < TEAM_SCHEMA_VERSION:
            raise StoreError("Deze teamopslag moet eerst worden bijgewerkt: de beheerder doet dat met "
                             "'krachtoverleg --store URL team setup'.")
        return self._conn

    @contextlib.contextmanager
    def _db(self, saving: bool = False) -> Iterator[psycopg.Connection[Any]]:
        """A connection for one piece of work; a lost server is said in Dutch, never raised raw."""
        try:
            conn = self._connection(saving)
            yield conn
        except (psycopg.OperationalError, psycopg.InterfaceError) as error:
            if self._conn is not None and (self._conn.closed or self._conn.broken):
                self._conn = None
                self._held.clear()  # the holds went with that session
                self._failed_at = time.monotonic()
                raise unreachable(error, saving) from None
            raise refused(error) from None
        except psycopg.errors.InsufficientPrivilege:
            raise StoreError(f"Login {self.login if hasattr(self, 'login') else ''} mag dit niet in de "
                             "teamopslag. De beheerder zet je in een team met 'krachtoverleg team "
                             "member'.") from None

    def _my_team(self, conn: psycopg.Connection[Any], chosen: str | None) -> str | None:
        teams = [row[0] for row in conn.execute(
            "SELECT team FROM krachtoverleg.members WHERE login = current_user ORDER BY team")]
        self.teams = teams
        wanted = chosen or os.environ.get("KRACHTOVERLEG_TEAM")
        if wanted:
            if wanted not in teams:
                raise StoreError(f"Login {self.login} hoort niet bij team {wanted}.")
            return wanted
        return teams[0] if len(teams) == 1 else None

    def _my_name(self, conn: psycopg.Connection[Any]) -> str | None:
        row = conn.execute("SELECT name FROM krachtoverleg.members WHERE login = current_user AND "
                           "(team = %s OR %s::text IS NULL) AND name <> '' ORDER BY team LIMIT 1",
                           (self.team, self.team)).fetchone()
        return str(row[0]) if row else None

    def _team_for_new_case(self) -> str:
        if self.team is not None:
            return self.team
        if self.teams:
            raise ValidationError(f"Login {self.login} werkt in meer dan één team "
                                  f"({', '.join(self.teams)}). Kies er een met KRACHTOVERLEG_TEAM=naam.")
        raise ValidationError(f"Login {self.login} hoort nog bij geen team. Vraag de beheerder je in een "
                              "team te zetten (krachtoverleg team member).")

    def close(self) -> None:
        self._stop.set()
        conn, self._conn = self._conn, None
        if conn is not None:
            with contextlib.suppress(psycopg.Error):
                conn.close()  # the session's holds go with it
        self._held.clear()

    # -- writing rights -------------------------------------------------------------------

    @property
    def writable(self) -> bool:
        return self._write

    @property
    def writes_per_case(self) -> bool:
        return True

    def become_writer(self) -> bool:
        return self._write

    def lock_is_free(self) -> bool:
        return False  # writing is per case here: see can_write

    def can_write(self, case_id: str) -> bool:
        """True when this window holds the case, taking it if nobody else does."""
        if not self._write:
            return False
        try:
            self._hold(case_id)
        except (StoreBusy, StoreError):
            return False
        return True

    def holder(self, case_id: str) -> str | None:
        try:
            with self._db() as conn:
                row = conn.execute("SELECT login, since FROM krachtoverleg.holds WHERE case_id = %s",
                                   (case_id,)).fetchone()
        except StoreError:
            return None  # the server is away: the top bar says no more than "alleen lezen"
        if row is None or case_id in self._held:
            return None
        return f"{row[0]}, sinds {row[1].astimezone():%H:%M}"

    def _hold(self, case_id: str) -> None:
        with self._db(saving=True) as conn:
            self._hold_on(conn, case_id)

    def _hold_on(self, conn: psycopg.Connection[Any], case_id: str) -> None:
        """Hold the case in this connection's session (a write that follows uses the same one:
        a hold taken before a reconnect is no hold)."""
        self.require_writer()
        if case_id in self._held:
            return
        took = conn.execute("SELECT pg_try_advisory_lock(hashtextextended(%s, 0))",
                            (f"krachtoverleg {case_id}",)).fetchone()
        if not (took and took[0]):
            row = conn.execute("SELECT login, since FROM krachtoverleg.holds WHERE case_id = %s",
                               (case_id,)).fetchone()
            who = f"{row[0]}, sinds {row[1].astimezone():%H:%M}" if row else "een ander venster"
            code = self._code_of(conn, case_id)
            raise StoreBusy(f"Casus {code} is nu open bij {who}; alleen daar kan hij worden "
                            "gewijzigd. Lezen kan wel.")
        conn.execute("INSERT INTO krachtoverleg.holds (case_id, login) VALUES (%s, current_user) "
                     "ON CONFLICT (case_id) DO UPDATE SET login = current_user, since = now()",
                     (case_id,))
        self._held.add(case_id)

    def _code_of(self, conn: psycopg.Connection[Any], case_id: str) -> str:
        row = conn.execute("SELECT code FROM krachtoverleg.cases WHERE id = %s", (case_id,)).fetchone()
        return str(row[0]) if row else case_id

    # -- following ------------------------------------------------------------------------

    def _listen(self) -> None:
        """A connection of its own that hears every write in the login's teams."""
        def run() -> None:
            while not self._stop.is_set():
                try:
                    with psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_SECONDS) as conn:
                        for team in self.teams:  # only the login's own teams' writes
                            conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel_of(team))))
                        self._list_version += 1  # reconnected: what was missed is read again
                        while not self._stop.is_set():
                            for note in conn.notifies(timeout=0.5, stop_after=100):
                                self._heard(note.payload)
                except psycopg.Error:
                    self._stop.wait(1)  # the server is away: try again in a second

        self._listener = threading.Thread(target=run, name="krachtoverleg-listen", daemon=True)
        self._listener.start()

    def _heard(self, payload: str) -> None:
        """A write in one of the login's teams: '<case id> <version>'. This window's own writes
        are on screen already (a save updates the screen in place), so they are not followed."""
        if payload in self._mine:
            self._mine.discard(payload)
            return
        case_id, _, version = payload.partition(" ")
        with contextlib.suppress(ValueError):
            self._versions[case_id] = int(version)
        self._list_version += 1

    def refresh(self) -> None:
        """Nothing to keep in memory (every question goes to the server), but the server must be
        there: a follower that cannot reach it tries again, rather than thinking it is up to date."""
        with self._db() as conn:
            conn.execute("SELECT 1")

    def change_marker(self, case_id: str | None = None) -> Hashable:
        """The notifications heard, and every few seconds the server's own count: a notification
        sent while the listener was reconnecting (a server restart) is never missed for good."""
        now = time.monotonic()
        if now - self._checked_at >= CHECK_SECONDS and self._conn is not None and not self._conn.broken:
            self._checked_at = now
            with contextlib.suppress(StoreError):
                with self._db() as conn:
                    row = conn.execute("SELECT count(*), coalesce(sum(version), 0) FROM krachtoverleg.cases"
                                       ).fetchone()
                self._server_marker = tuple(row) if row else ()
        return (self._list_version, self._server_marker,
                self._versions.get(case_id, 0) if case_id else 0)

    def write_presence(self, presence: Presence) -> None:
        from dataclasses import asdict

        with self._db() as conn:
            conn.execute("INSERT INTO krachtoverleg.presence (data) VALUES (%s) ON CONFLICT (login) "
                         "DO UPDATE SET data = EXCLUDED.data", (Jsonb(asdict(presence)),))

    def read_presence(self) -> Presence | None:
        try:
            with self._db() as conn:
                row = conn.execute("SELECT data FROM krachtoverleg.presence WHERE login = current_user"
                                   ).fetchone()
        except StoreError:
            return None  # the mirror waits until the server is back
        return presence_from(row[0]) if row else None

    # -- the case list --------------------------------------------------------------------

    def cases(self) -> list[CaseSummary]:
        with self._db() as conn:
            rows = conn.execute("SELECT summary FROM krachtoverleg.cases ORDER BY code").fetchall()
        return [CaseSummary.from_json(row[0]) for row in rows]

    def resolve(self, code_or_id: str) -> CaseSummary:
        wanted = code_or_id.strip()
        if not CASE_REF.match(wanted):
            raise not_a_case_ref(code_or_id)
        with self._db() as conn:
            rows = conn.execute(
                "SELECT summary, team FROM krachtoverleg.cases WHERE id = %s OR code = %s "
                "ORDER BY (id = %s) DESC, (team = %s) DESC",
                (wanted, wanted.upper(), wanted, self.team)).fetchall()
        if not rows:
            raise UnknownCase(f"Er is geen casus '{code_or_id}'. Bekijk de lijst met 'krachtoverleg cases'.")
        summary, team = rows[0]
        if len(rows) > 1 and summary["id"] != wanted and team != self.team:
            teams = ", ".join(sorted({row[1] for row in rows}))
            raise UnknownCase(f"Casus {wanted.upper()} is er in meer dan één team ({teams}). Kies het team "
                              "met KRACHTOVERLEG_TEAM=naam, of gebruik het id.")
        return CaseSummary.from_json(summary)

    def next_code(self) -> str:
        """Codes are unique per team: the next one of the team new cases go to."""
        with self._db() as conn:
            codes = [row[0] for row in conn.execute(
                "SELECT code FROM krachtoverleg.cases WHERE team = %s OR %s::text IS NULL",
                (self.team, self.team))]
        numbers = [int(code[2:]) for code in codes if code.startswith("K-") and code[2:].isdigit()]
        return f"K-{max(numbers, default=0) + 1:03d}"

    # -- reading --------------------------------------------------------------------------

    def _raw(self, conn: psycopg.Connection[Any], case_id: str, lock: bool = False) -> dict[str, Any]:
        query = "SELECT doc FROM krachtoverleg.cases WHERE id = %s" + (" FOR UPDATE" if lock else "")
        row = conn.execute(query, (case_id,)).fetchone()
        if row is None:
            raise UnknownCase(f"Onbekende casus: {case_id}.")
        raw = row[0]
        if not isinstance(raw, dict):
            raise StoreError(f"Casus {case_id} heeft een onbekende vorm.")
        raw, _ = upgrade(raw)
        return raw

    def load(self, case_id: str) -> CaseData:
        with self._db() as conn:
            raw = self._raw(conn, case_id)
        return build_case(raw, f"Casus {case_id}")

    def case_actions(self, case_ids: Iterable[str] | None = None,
                     query: ActionQuery | None = None) -> tuple[list[CaseActions], list[str]]:
        wanted = list(case_ids) if case_ids is not None else None
        query = query or ActionQuery()
        with self._db() as conn:
            found = conn.execute(
                "SELECT (SELECT coalesce(json_agg(actions ORDER BY code), '[]')::text "
                "        FROM krachtoverleg.cases "
                "        WHERE %(wanted)s::text[] IS NULL OR id = ANY(%(wanted)s::text[])), "
                "       (SELECT coalesce(json_agg(json_build_array(case_id, entry) "
                "                                 ORDER BY case_id, position), '[]')::text "
                "        FROM krachtoverleg.action_rows "
                "        WHERE (%(wanted)s::text[] IS NULL OR case_id = ANY(%(wanted)s::text[])) "
                "          AND (NOT %(open)s OR open) "
                "          AND (%(owner)s::text IS NULL OR strpos(terms, %(owner)s) > 0))",
                {"wanted": wanted, "open": query.open_only, "owner": query.owner or None}).fetchone()
        heads, rows = found if found else ("[]", "[]")
        # One JSON text each, parsed in one go by json's C decoder (the connection's own decoder
        # keeps keys sorted, which these do not need, and is slow for 15,000 rows).
        entries: dict[str, list[Any]] = {}
        for case_id, entry in json.loads(rows):
            entries.setdefault(case_id, []).append(entry)
        return [CaseActions.from_json(head | {"entries": entries.get(head["id"], [])})
                for head in json.loads(heads)], []

    def action_page(self, query: PageQuery) -> PageAnswer:
        """Sorted, filtered and counted by the server from the rows' own columns (the same
        answer as page_of_outline; "C" sorts as Python does, by code point)."""
        if query.status == "open" and not query.owner:
            return self._open_page(query)
        return self._listed_page(query)

    def _open_page(self, query: PageQuery) -> PageAnswer:
        """What is still to do, the list's first look: read in the list's own order from an
        index made for it (for open rows "late first" is "earliest first": see the folder
        store's ActionIndexFile._open_page)."""
        names = "with" if query.show_names else "without"
        listed = "r.open" + ("" if query.show_names else " AND NOT r.off_screen")
        chosen = (f"{listed} AND (%(key)s::text IS NULL OR r.owner_key = %(key)s) "
                  "AND (%(case)s::text IS NULL OR r.case_id = %(case)s) "
                  "AND (NOT %(overdue)s OR r.due < %(today)s)")
        values = {"today": query.today, "key": query.owner_key, "case": query.case_id,
                  "overdue": query.overdue, "limit": query.limit}
        title = f"c.actions->'titles'->>{0 if query.show_names else 1}"
        with self._db() as conn:
            self._complete_rows(conn)
            total, late = conn.execute(
                f"SELECT count(*), count(*) FILTER (WHERE r.due < %(today)s) "
                f"FROM krachtoverleg.action_rows r WHERE {chosen}", values).fetchone() or (0, 0)
            shown = list(map(PageRow._make, conn.execute(
                f"SELECT r.case_id, r.position, r.code, {title} FROM krachtoverleg.action_rows r "
                f"JOIN krachtoverleg.cases c ON c.id = r.case_id WHERE {chosen} "
                f"ORDER BY r.sort_{names} COLLATE \"C\", r.owner_key COLLATE \"C\", r.due COLLATE \"C\", "
                "r.code COLLATE \"C\", r.case_id COLLATE \"C\", r.position LIMIT %(limit)s",
                values).fetchall()))
            owners = self._owners(conn, f"krachtoverleg.action_rows r WHERE {listed}", names, values)
            cases = sorted(conn.execute(
                f"SELECT {title}, c.id FROM krachtoverleg.cases c WHERE EXISTS (SELECT 1 FROM "
                f"krachtoverleg.action_rows r WHERE r.case_id = c.id AND {listed})").fetchall())
        return PageAnswer(shown, total, late, owner_choices(owners, query.case_id), cases, [])

    @staticmethod
    def _owners(conn: psycopg.Connection[Any], source: str, names: str,
                values: Mapping[str, object]) -> list[tuple[str, str, bool, str]]:
        """Everyone listed, or when they are too many to choose from, whoever owner_choices keeps."""
        count = conn.execute(f"SELECT count(*) FROM (SELECT DISTINCT r.owner_key FROM {source} "
                             f"LIMIT {OWNERS_AT_MOST + 1}) d").fetchone()
        many = count is not None and count[0] > OWNERS_AT_MOST
        wide = "r.across OR r.case_id = %(case)s IS TRUE"
        return conn.execute(
            f"SELECT r.owner_key, min(r.owner_{names} COLLATE \"C\"), bool_or({wide}), '' FROM {source} "
            f"{'AND (' + wide + ')' if many else ''} GROUP BY r.owner_key", values).fetchall()

    def _listed_page(self, query: PageQuery) -> PageAnswer:
        """Any other list (done, all, or an owner's name typed): the listed rows are read once,
        into a temporary table that goes with the transaction."""
        names = "with" if query.show_names else "without"
        where = ["true"] if query.show_names else ["NOT r.off_screen"]
        where += {"open": ["r.open"], "done": ["r.status = 'done'"]}.get(query.status, [])
        where += ["strpos(r.terms, %(owner)s) > 0"] if query.owner else []
        chosen = ("(%(key)s::text IS NULL OR owner_key = %(key)s) "
                  "AND (%(case)s::text IS NULL OR case_id = %(case)s) AND (NOT %(overdue)s OR late)")
        values = {"owner": query.owner, "today": query.today, "key": query.owner_key, "case": query.case_id,
                  "overdue": query.overdue, "limit": query.limit}
        title = f"c.actions->'titles'->>{0 if query.show_names else 1}"
        with self._db() as conn:
            self._complete_rows(conn)
            with conn.transaction():
                conn.execute(
                    f"CREATE TEMP TABLE listed ON COMMIT DROP AS SELECT r.case_id, r.position, "
                    f"r.owner_key, r.owner_{names}, r.sort_{names} AS sort, "
                    f"coalesce(r.due, '') AS due, r.across, "
                    f"coalesce(r.open AND r.due < %(today)s, false) AS late "
                    f"FROM krachtoverleg.action_rows r WHERE {' AND '.join(where)}", values)
                total, late = conn.execute(f"SELECT count(*), count(*) FILTER (WHERE late) FROM listed "
                                           f"WHERE {chosen}", values).fetchone() or (0, 0)
                shown = list(map(PageRow._make, conn.execute(
                    f"SELECT l.case_id, l.position, c.code, {title} FROM listed l "
                    f"JOIN krachtoverleg.cases c ON c.id = l.case_id WHERE {chosen} "
                    "ORDER BY sort COLLATE \"C\", owner_key COLLATE \"C\", late DESC, due COLLATE \"C\", "
                    "c.code COLLATE \"C\", l.case_id COLLATE \"C\", l.position LIMIT %(limit)s",
                    values).fetchall()))
                owners = self._owners(conn, "listed r WHERE true", names, values)
                cases = sorted(conn.execute(f"SELECT {title}, c.id FROM krachtoverleg.cases c "
                                            "WHERE c.id IN (SELECT case_id FROM listed)").fetchall())
        return PageAnswer(shown, total, late, owner_choices(owners, query.case_id), cases, [])

    def _complete_rows(self, conn: psycopg.Connection[Any]) -> None:
        """Rows written before schema version 2 get their sort columns, and before version 3
        their case code (once: see team_schema)."""
        if self._rows_complete:
            return
        found = conn.execute("SELECT case_id, position, entry::text FROM krachtoverleg.action_rows "
                             "WHERE sort_with IS NULL").fetchall()
        if found:
            with conn.transaction(), conn.cursor() as cursor:
                cursor.executemany(
                    "UPDATE krachtoverleg.action_rows SET owner_key = %s, owner_with = %s, "
                    "owner_without = %s, sort_with = %s, sort_without = %s, due = %s, status = %s, "
                    "off_screen = %s, across = %s "
                    "WHERE case_id = %s AND position = %s",
                    [(*_sort_columns(case_id, ActionEntry.from_json(json.loads(entry))), case_id, position)
                     for case_id, position, entry in found])
        if conn.execute("SELECT 1 FROM krachtoverleg.action_rows WHERE code IS NULL LIMIT 1").fetchone():
            with conn.transaction():
                conn.execute("UPDATE krachtoverleg.action_rows r SET code = c.code "
                             "FROM krachtoverleg.cases c WHERE c.id = r.case_id AND r.code IS NULL")
        self._rows_complete = True

    def action_entries(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], ActionEntry]:
        if not keys:
            return {}
        with self._db() as conn:
            found = conn.execute(
                "SELECT case_id, position, entry::text FROM krachtoverleg.action_rows "
                "WHERE (case_id, position) IN (SELECT * FROM unnest(%s::text[], %s::int[]))",
                ([case_id for case_id, _ in keys], [position for _, position in keys])).fetchall()
        return {(case_id, position): ActionEntry.from_json(json.loads(entry))
                for case_id, position, entry in found}

    # -- writing --------------------------------------------------------------------------

    def apply(self, case_id: str, *changes: Change) -> Applied:
        return self._write_changes(case_id, changes, hold=True)

    def report_progress(self, case_id: str, *changes: Change) -> Applied:
        self.require_writer()
        for change in changes:
            if not (isinstance(change, Patch) and change.record_type is Action
                    and set(change.fields) <= PROGRESS_FIELDS):
                raise ValidationError("Tussen overleggen kun je alleen de voortgang van een actie melden.")
        return self._write_changes(case_id, changes, hold=False)

    def _write_changes(self, case_id: str, changes: Iterable[Change], hold: bool) -> Applied:
        with self._db(saving=True) as conn:
            if hold:
                self._hold_on(conn, case_id)
            with conn.transaction():
                raw = self._raw_to_change(conn, case_id)
                made = list(changes)
                raw, applied = apply_changes(raw, made, self.now(), by=self.login)
                stamp_of, raw = self._put(conn, raw, team=None, rows=changes_actions(made))
            # Kept only once committed; a save that failed half way left nothing here to reuse.
            kept = list(self._written.items())[1 - WRITTEN_KEPT:]  # the cases this window wrote last
            self._written = {**dict(kept), case_id: (stamp_of, raw)}
        return applied

    def _raw_to_change(self, conn: psycopg.Connection[Any], case_id: str) -> dict[str, Any]:
        """The stored document, locked for this transaction (so it waits for a report being
        merged in). When the server still holds what this window wrote last, that is used as
        it is (a save then reads a few bytes, not the document)."""
        kept = self._written.pop(case_id, None)
        row = conn.execute("SELECT version, changed_at FROM krachtoverleg.cases WHERE id = %s FOR UPDATE",
                           (case_id,)).fetchone()
        if row is None:
            raise UnknownCase(f"Onbekende casus: {case_id}.")
        if kept is not None and kept[0] == tuple(row):
            return kept[1]
        return self._raw(conn, case_id)

    def _put(self, conn: psycopg.Connection[Any], raw: dict[str, Any], team: str | None,
             rows: bool = True) -> tuple[tuple[int, Any], dict[str, Any]]:
        """Write a case document and what is kept beside it, in the caller's transaction.
        `rows`: False when the change cannot change the action index (a new strength): one
        statement then, which also tells the listeners. Returns the (version, time) the server
        gave it, and the document as written."""
        raw = stamp(raw, SCHEMA_VERSION)
        summary = summarise(raw)
        if not rows and team is None:
            row = conn.execute(
                "WITH saved AS (UPDATE krachtoverleg.cases SET code = %s, label = %s, doc = %s, "
                "summary = %s, version = version + 1, changed_at = now(), changed_by = current_user "
                "WHERE id = %s RETURNING id, version, team, changed_at) "
                "SELECT version, pg_notify(%s || left(md5(team), 16), id || ' ' || version), changed_at "
                "FROM saved",
                (summary.code, summary.label, Jsonb(raw), Jsonb(summary.to_json()), summary.id,
                 CHANNEL_PREFIX)).fetchone()
            if row is None:
                raise UnknownCase(f"Onbekende casus: {summary.id}.")
            self._mine.add(f"{summary.id} {row[0]}")
            return (row[0], row[2]), raw
        data = build_case(raw, f"Casus {summary.code}")
        actions = case_actions_of(data).to_json()
        entries = actions.pop("entries")
        if team is None:
            row = conn.execute(
                "UPDATE krachtoverleg.cases SET code = %s, label = %s, doc = %s, summary = %s, actions = %s, "
                "version = version + 1, changed_at = now(), changed_by = current_user WHERE id = %s "
                "RETURNING version, team, changed_at",
                (summary.code, summary.label, Jsonb(raw), Jsonb(summary.to_json()), Jsonb(actions),
                 summary.id)).fetchone()
        else:
            row = conn.execute(
                "INSERT INTO krachtoverleg.cases (id, team, code, label, doc, summary, actions) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING version, team, changed_at",
                (summary.id, team, summary.code, summary.label, Jsonb(raw), Jsonb(summary.to_json()),
                 Jsonb(actions))).fetchone()
        if row is None:
            raise UnknownCase(f"Onbekende casus: {summary.id}.")
        version, case_team, changed_at = row
        conn.execute("DELETE FROM krachtoverleg.action_rows WHERE case_id = %s", (summary.id,))
        with conn.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO krachtoverleg.action_rows (case_id, position, team, terms, open, entry, "
                "owner_key, owner_with, owner_without, sort_with, sort_without, due, status, off_screen, "
                "across, code) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                [(summary.id, number, case_team, " ".join(entry[4]), entry[0].get("status") in OPEN,
                  Jsonb(entry), *_sort_columns(summary.id, ActionEntry.from_json(entry)), summary.code)
                 for number, entry in enumerate(entries)])
        self._notify(conn, case_team, summary.id, version)
        return (version, changed_at), raw

    def create_case(self, case: Case, records: Iterable[Record] = ()) -> Case:
        self.require_writer()
        team = self._team_for_new_case()
        raw = raw_from_records(CaseData(case, group(records)))
        with self._db(saving=True) as conn:
            try:
                with conn.transaction():
                    self._put(conn, raw, team=team)
            except psycopg.errors.UniqueViolation as error:
                what = "code" if "code" in str(error.diag.constraint_name or "") else "id"
                value = case.code if what == "code" else case.id
                raise ValidationError(f"Er is al een casus met {what} {value}.") from None
        return case

    def replace_case(self, data: CaseData) -> None:
        """Within the team new cases go to: a code is unique per team, and a case of another
        team with the same code is another client."""
        self.require_writer()
        team = self._team_for_new_case()
        with self._db(saving=True) as conn:
            same = conn.execute("SELECT id, code, team FROM krachtoverleg.cases WHERE id = %s "
                                "OR (code = %s AND team = %s)",
                                (data.case.id, data.case.code, team)).fetchall()
            same_id = next((row for row in same if row[0] == data.case.id), None)
            if same_id is not None and (same_id[1] != data.case.code or same_id[2] != team):
                raise ValidationError(
                    f"Dit bestand heeft het id van casus {same_id[1]} (team {same_id[2]}), maar de code "
                    f"{data.case.code} in team {team}. Dat zijn twee verschillende cliënten; er is niets "
                    "veranderd.")
            for case_id, _code, _team in same:
                self._hold_on(conn, case_id)
            raw = raw_from_records(data)
            with conn.transaction():
                for case_id, _code, _team in same:
                    if case_id != data.case.id:
                        conn.execute("DELETE FROM krachtoverleg.cases WHERE id = %s", (case_id,))
                if same_id is None:
                    self._put(conn, raw, team=team)
                else:
                    conn.execute("SELECT 1 FROM krachtoverleg.cases WHERE id = %s FOR UPDATE",
                                 (data.case.id,))
                    self._put(conn, raw, team=None)

    def _notify(self, conn: psycopg.Connection[Any], team: str, case_id: str, version: int) -> None:
        """Tell the team's windows (ids only: no name, no text); this window's own writes are
        remembered, so it does not follow itself."""
        self._mine.add(f"{case_id} {version}")
        conn.execute("SELECT pg_notify(%s, %s)", (channel_of(team), f"{case_id} {version}"))

    def erase_case(self, case_id: str) -> None:
        with self._db(saving=True) as conn, conn.transaction():
            self._hold_on(conn, case_id)
            gone = conn.execute("DELETE FROM krachtoverleg.cases WHERE id = %s RETURNING team",
                                (case_id,)).fetchone()
            if gone is None:
                raise UnknownCase(f"Onbekende casus: {case_id}.")
            self._notify(conn, gone[0], case_id, 0)
            # this login's presence, if it names the case (another login's is its own to see)
            conn.execute("DELETE FROM krachtoverleg.presence WHERE data->>'case_id' = %s", (case_id,))
        self._drafts.erase(owner_of(case_id))
        self._held.discard(case_id)


def _sorted_json(data: str | bytes) -> Any:
    return json.loads(data, object_pairs_hook=lambda pairs: dict(sorted(pairs)))


def refused(error: Exception) -> StoreError:
    """A connection refused for a reason other than a server that went away."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    if "password" in text.lower():
        return StoreError("De teamopslag vraagt een wachtwoord. Zet het in je .pgpass-bestand "
                          "(zie docs/team-store.md), nooit op de opdrachtregel.")
    if "does not exist" in text and "role" in text:
        return StoreError("De teamopslag kent deze login niet. Vraag de beheerder om een login, of kijk "
                          "de naam voor de @ in het adres na.")
    if "does not exist" in text and "database" in text:
        return StoreError("Deze database bestaat niet op de server. Kijk de naam na het laatste / in het "
                          "adres na.")
    if "refused" in text or "timeout" in text or "could not translate host" in text or "resolve" in text:
        return StoreError("De teamopslag is niet bereikbaar: de server antwoordt niet. Kijk de server en "
                          "de poort in het adres na, en of je netwerk (VPN) aan staat.")
    if "sslmode" in text:
        return StoreError("De sslmode in het adres klopt niet; vraag de beheerder welke (meestal "
                          "sslmode=verify-full).")
    return StoreError(f"De teamopslag is niet bereikbaar ({text}).")


def _sort_columns(case_id: str, entry: ActionEntry) -> tuple[Any, ...]:
    """What a list sorts and filters a row by (see action_page), in the order of its columns."""
    return (entry.owner_key, entry.owner_with_names, entry.owner_without_names, fold(entry.owner_with_names),
            fold(entry.owner_without_names), entry.action.get("due"), entry.action.get("status"),
            entry.off_screen, across_cases(entry.owner_key, case_id))
