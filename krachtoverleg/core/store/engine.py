"""The one store interface. The app, the commands and the exports talk to a `CaseStore`; an
engine beneath it keeps the cases: the folder store on this computer (folder_store.py) or the
team store on PostgreSQL (team_store.py).

A store reads everywhere. Writing needs a writer: on the folder store one window at a time for
the whole folder; on the team store one window at a time per case (`can_write`), while a
professional's report on their own action (`report_progress`) is merged in whoever holds the
case."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Hashable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Self

from krachtoverleg.core.errors import StoreError, UnknownCase
from krachtoverleg.core.models import Case
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Applied, Change, Put, Remove
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.store.action_index import ActionEntry, ActionQuery, CaseActions, PageAnswer, PageQuery
from krachtoverleg.core.store.case_document import CaseSummary
from krachtoverleg.core.store.drafts import Draft, DraftBox, owner_of
from krachtoverleg.core.store.presence import Presence
from krachtoverleg.core.store.settings import Settings

CASE_REF_HINT = "een code ziet eruit als K-001"
CASE_REF = re.compile(r"^(?:[A-Za-z]{1,4}-\d{1,6}|[a-z0-9]{8,64})$")  # a code such as K-001, or an id


class CaseStore(ABC):
    """Open an engine with `open_store` (location.py); close it when done (or use `with`)."""

    settings: Settings
    now: Callable[[], datetime]  # the change log's clock; the CLI passes its own
    fixed_permissions: list[Path]  # files this start made private again (said once, at start)
    restore_note: str | None = None  # a killed restore this start finished or undid (said once)
    read_only_reason: str  # shown in a read-only window's top bar
    login: str  # who changes things: the database login on a team store, "" on a folder store
    me: str | None = None  # the name this login has in the team's cases: its own action list
    where: str  # the store in words, for messages: a folder, or "teamopslag ko op db.gemeente.nl"
    local_dir: Path  # this computer's own folder for crash logs (and, on a team store, drafts)
    _drafts: DraftBox

    # -- writing rights -------------------------------------------------------------------

    @property
    @abstractmethod
    def writable(self) -> bool:
        """May this window write at all? (A second window on a folder store may not.)"""

    @property
    def writes_per_case(self) -> bool:
        """True when other windows may write (other cases, or reports on this one) while this
        window writes: then every window follows what the others save."""
        return False

    def can_write(self, case_id: str) -> bool:
        """May this window change this case now? The folder store's writer holds every case."""
        return self.writable

    def holder(self, case_id: str) -> str | None:
        """Who else holds this case, in words, or None."""
        return None

    @abstractmethod
    def become_writer(self) -> bool: ...

    @abstractmethod
    def lock_is_free(self) -> bool: ...

    @abstractmethod
    def close(self) -> None: ...

    def require_writer(self) -> None:
        if not self.writable:
            raise StoreError("Niet opgeslagen: dit venster kan alleen lezen, want de gegevens zijn "
                             "al open in een ander venster. Wijzig daar.")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- following other windows ------------------------------------------------------------

    @abstractmethod
    def refresh(self) -> None:
        """Pick up what other windows (or a restore) changed."""

    @abstractmethod
    def change_marker(self, case_id: str | None = None) -> Hashable:
        """Changes when another window changes the case list or this case."""

    @abstractmethod
    def write_presence(self, presence: Presence) -> None:
        """Where the chair's window is, for the mirror (ids and the stage only)."""

    @abstractmethod
    def read_presence(self) -> Presence | None: ...

    def daily_backup(self, now: datetime) -> Path | None:
        """Today's backup if none was made yet (the folder store's own); a team store's backups
        are the server's. Raises OSError when the disk refuses."""
        return None

    # -- the case list --------------------------------------------------------------------

    @abstractmethod
    def cases(self) -> list[CaseSummary]: ...

    @abstractmethod
    def resolve(self, code_or_id: str) -> CaseSummary: ...

    def next_code(self) -> str:
        numbers = [int(s.code.split("-")[1]) for s in self.cases()
                   if s.code.startswith("K-") and s.code[2:].isdigit()]
        return f"K-{max(numbers, default=0) + 1:03d}"

    # -- reading --------------------------------------------------------------------------

    @abstractmethod
    def load(self, case_id: str) -> CaseData: ...

    def load_by_code(self, code_or_id: str) -> CaseData:
        return self.load(self.resolve(code_or_id).id)

    @abstractmethod
    def case_actions(self, case_ids: Iterable[str] | None = None,
                     query: ActionQuery | None = None) -> tuple[list[CaseActions], list[str]]:
        """What every action list is made of, per case, without reading whole cases (with the
        rows `query` keeps, at least); and the cases that could not be read, named in Dutch."""

    @abstractmethod
    def action_page(self, query: PageQuery) -> PageAnswer:
        """One screenful of the list of every action: sorted, filtered and counted by the
        engine (the same answer as action_index.page_of_outline), with no row decoded."""

    @abstractmethod
    def action_entries(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], ActionEntry]:
        """The whole rows for these (case id, position) keys of an outline: the ones a list shows."""

    # -- writing --------------------------------------------------------------------------

    @abstractmethod
    def apply(self, case_id: str, *changes: Change) -> Applied:
        """Make these changes in order, in one atomic write, and hand back the records as they
        were written. A change that does not fit writes nothing."""

    @abstractmethod
    def report_progress(self, case_id: str, *changes: Change) -> Applied:
        """A professional's report on their own action between meetings: merged into the stored
        case even while another window holds it."""

    def save(self, case_id: str, *records: Record) -> None:
        """Insert or replace whole records (matched by id) in one atomic write."""
        self.apply(case_id, *(Put(record) for record in records))

    def delete(self, case_id: str, record_type: type[Record], *record_ids: str) -> None:
        self.apply(case_id, *(Remove(record_type, record_id) for record_id in record_ids))

    @abstractmethod
    def create_case(self, case: Case, records: Iterable[Record] = ()) -> Case: ...

    @abstractmethod
    def replace_case(self, data: CaseData) -> None:
        """Write a whole case (import with --replace), matched by id or code, in one step."""

    @abstractmethod
    def erase_case(self, case_id: str) -> None:
        """Every record of the case; backups are the caller's part (erasure.py)."""

    # -- half-filled forms ----------------------------------------------------------------

    def drafts(self, case_id: str | None) -> dict[str, Draft]:
        """Forms left half-filled for this case (None: forms outside any case)."""
        return self._drafts.read(owner_of(case_id))

    def keep_draft(self, case_id: str | None, draft: Draft) -> None:
        self.require_writer()
        try:
            self._drafts.keep(owner_of(case_id), draft)
        except OSError as error:
            raise StoreError(write_failed(error)) from None

    def drop_draft(self, case_id: str | None, key: str) -> None:
        """The form was saved or cancelled: its draft has done its work."""
        if not self.writable:
            return
        try:
            self._drafts.drop(owner_of(case_id), key)
        except OSError as error:
            raise StoreError(write_failed(error)) from None

    def forget_old_drafts(self, now: datetime) -> None:
        if self.writable:
            self._drafts.forget_older_than(now)


def write_failed(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOSPC:
        return ("Niet opgeslagen: de schijf is vol. Maak ruimte vrij en probeer het opnieuw; "
                "er is niets veranderd.")
    reason = error.strerror or "onbekende fout"
    return f"Niet opgeslagen: het bestand kon niet worden geschreven ({reason}). Er is niets veranderd."


def not_a_case_ref(code_or_id: str) -> UnknownCase:
    return UnknownCase(f"'{code_or_id}' is geen casuscode of id; {CASE_REF_HINT}.")
