"""The case store: a folder with one TinyDB file per case and a small index.

One file per case keeps a save as fast with 5,000 cases as with 50: a save rewrites only that
case's file, and, only when what the case list shows (code, label, open actions, planned dates)
changed, one small shard of the index: the index is split over up to 256 files by a hash of the
case id, so even that write stays small as the store grows. Every write is atomic (see
atomic.py), and every write goes through `_commit`. One process writes at a time, guarded by a
file lock; readers need no lock, since they only ever see whole files."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from tinydb import TinyDB

from krachtoverleg.core.errors import (
    StoreBusy,
    StoreError,
    StoreReadOnly,
    UnknownCase,
    ValidationError,
)
from krachtoverleg.core.models import CASE_RECORDS, Case, ChangeEntry, Snapshot
from krachtoverleg.core.models.casedata import CaseData, planned_from
from krachtoverleg.core.models.changes import Applied, Change, Patch, Put, Remove
from krachtoverleg.core.models.meeting import OPEN_STATUSES
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.vocab import ChangeKind
from krachtoverleg.core.store.atomic import (
    fsync_dir,
    make_private_dir,
    remove_temp_files,
    tighten_permissions,
    write_atomic,
)
from krachtoverleg.core.store.drafts import DRAFTS, Draft, DraftBox, owner_of
from krachtoverleg.core.store.schema import META, SCHEMA_VERSION, stamp, upgrade
from krachtoverleg.core.store.settings import Settings
from krachtoverleg.core.store.storage import PendingStorage, decode, encode

INDEX = "index"
INDEX_VERSION = 2  # 2: "planned" holds only the next meeting agreed in the newest meeting
SETTINGS = "settings.json"
CASES = "cases"
BACKUPS = "backups"
LOCK = ".lock"

R = TypeVar("R", bound=Record)
_CASE_FILE = re.compile(r"^[a-z0-9]{8,64}\.json$")
_CASE_REF = re.compile(r"^(?:[A-Za-z]{1,4}-\d{1,6}|[a-z0-9]{8,64})$")  # a code such as K-001, or an id
_OPEN_STATUSES = {status.value for status in OPEN_STATUSES}
_TABLES = {record_type.TABLE: record_type for record_type in (Case, *CASE_RECORDS)}


@dataclass
class CaseSummary:
    """What the case list shows, kept in the index so listing never opens every case file."""

    id: str
    code: str
    label: str
    open_actions: int = 0
    planned: list[date] = field(default_factory=list)
    damaged: str = ""

    def next_meeting(self, today: date) -> date | None:
        return next((day for day in self.planned if day >= today), None)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "code": self.code, "label": self.label,
                "open_actions": self.open_actions,
                "planned": [day.isoformat() for day in self.planned], "damaged": self.damaged}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CaseSummary:
        if not all(isinstance(data.get(key), str) for key in ("id", "code", "label")):
            raise TypeError("an index entry names a case by text")
        return cls(id=data["id"], code=data["code"], label=data["label"],
                   open_actions=int(data.get("open_actions", 0)),
                   planned=[date.fromisoformat(day) for day in data.get("planned", [])],
                   damaged=data.get("damaged", ""))


def summarise(raw: dict[str, Any]) -> CaseSummary:
    """The index entry of a case, straight from its raw tables (no record building needed)."""
    case = next(iter(raw.get(Case.TABLE, {}).values()))
    if not all(isinstance(case.get(key), str) for key in ("id", "code", "label")):
        raise TypeError("the case is not named by text")
    actions = raw.get("actions", {}).values()
    meetings = [(date.fromisoformat(m["date"]), int(m.get("number", 0)), m.get("status") == "open",
                 date.fromisoformat(m["next_meeting"]) if m.get("next_meeting") else None)
                for m in raw.get("meetings", {}).values()]
    return CaseSummary(
        id=case["id"], code=case["code"], label=case["label"],
        open_actions=sum(1 for a in actions if a.get("status") in _OPEN_STATUSES),
        planned=planned_from(meetings),
    )


def is_case_file(path: Path) -> bool:
    """cases/<id>.json with an id as the store makes them; anything else there is foreign."""
    return bool(_CASE_FILE.match(path.name))


def shard_of(case_id: str) -> str:
    """The index shard of a case: 256 shards keep every index write small."""
    return hashlib.sha1(case_id.encode("utf-8")).hexdigest()[:2]


def default_store_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("krachtoverleg", appauthor=False))


class Store:
    """Open with `Store.open(root, write=True)` to change things; readers pass write=False."""

    def __init__(self, root: Path, lock: FileLock | None) -> None:
        self.root = root
        self._lock = lock
        self.fixed_permissions: list[Path] = []
        self.read_only_reason = "al open in een ander venster"  # shown in a read-only window's top bar
        self._index: dict[str, CaseSummary] = {}
        self._shard_ids: dict[str, set[str]] = {}
        self._shard_mtime: dict[str, int] = {}
        self.settings = Settings.load(root / SETTINGS)
        self._drafts = DraftBox(root)
        self.now: Callable[[], datetime] = datetime.now  # the change log's clock; the CLI passes its own

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | str, *, write: bool, now: Callable[[], datetime] | None = None) -> Store:
        root = Path(root).expanduser()
        if not write:
            if root.exists() and not root.is_dir():
                raise StoreError(f"{root} is geen map.")
            store = cls(root, None)
            store._load_index()
            return store
        try:
            make_private_dir(root)
            make_private_dir(root / CASES)
            make_private_dir(root / INDEX)
        except OSError as error:
            raise StoreError(f"De map {root} kan niet worden gebruikt: {error.strerror}.") from None
        store = cls(root, None)
        if now is not None:
            store.now = now
        try:
            became = store.become_writer()
        except OSError as error:  # no lock file can be made: a read-only disk, no permission
            raise StoreReadOnly(f"In de map {root} kan niet worden geschreven ({error.strerror}); "
                                "lezen kan wel.") from None
        if not became:
            raise StoreBusy(
                "Deze gegevens zijn al geopend in een ander venster of programma. "
                "Sluit dat eerst; lezen (zoals 'cases' en 'export-case') kan wel.")
        return store

    def become_writer(self) -> bool:
        """Take the lock and prepare the store for writing: at open, or in a read-only window
        once the window that wrote has gone. False while another process holds the lock."""
        if self._lock is not None:
            return True
        lock = self._try_lock()
        if lock is None:
            return False
        self._lock = lock
        try:
            for folder in (self.root, self.root / CASES, self.root / INDEX, self.root / BACKUPS,
                           self.root / DRAFTS):
                remove_temp_files(folder)  # a killed writer's half-written copies, client data too
            self.fixed_permissions = tighten_permissions(self.root)
            self._load_index()
        except BaseException:
            self.close()
            raise
        return True

    def lock_is_free(self) -> bool:
        """For a read-only window: has the window that writes gone? (Takes nothing.)"""
        if self._lock is not None:
            return False
        try:
            probe = self._try_lock()
        except OSError:
            return False  # no lock file can be made here (a read-only folder): stay a reader
        if probe is None:
            return False
        probe.release()
        return True

    def _try_lock(self) -> FileLock | None:
        """The write lock if no other process holds it, else None (never waits)."""
        lock = FileLock(str(self.root / LOCK), mode=0o600, thread_local=False)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            return None
        return lock

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def writable(self) -> bool:
        return self._lock is not None

    def require_writer(self) -> None:
        if not self.writable:
            raise StoreError("Niet opgeslagen: dit venster kan alleen lezen, want de gegevens zijn "
                             "al open in een ander venster. Wijzig daar.")

    # -- the index ----------------------------------------------------------------------

    def _case_path(self, case_id: str) -> Path:
        if not case_id or "/" in case_id or case_id.startswith("."):
            raise UnknownCase(f"'{case_id}' is geen casuscode of id; een code ziet eruit als K-001.")
        return self.root / CASES / f"{case_id}.json"

    def _load_index(self) -> None:
        self._index, self._shard_ids, self._shard_mtime = {}, {}, {}
        folder = self.root / INDEX
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                data = json.loads(path.read_text("utf-8"))
                if data.get("index") != INDEX_VERSION:
                    continue  # made by an older version: rebuilt from the case files
                entries = {key: CaseSummary.from_json(item) for key, item in data["cases"].items()}
                modified = path.stat().st_mtime_ns
            except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
                continue  # a damaged shard (or a folder in its place) is rebuilt from the case files
            for summary in entries.values():
                self._put(summary)
            self._shard_mtime[path.stem] = modified
        self._reconcile_index()

    def _reconcile_index(self) -> None:
        """Bring the index in line with the case files: a writer killed between writing a case
        and its index shard leaves the case file newer. Only such files are read again."""
        changed: set[str] = set()
        on_disk: dict[str, Path] = {}
        folder = self.root / CASES
        if folder.is_dir():  # only files named like a case: a stray `._x.json` is not one
            on_disk = {path.stem: path for path in folder.glob("*.json") if is_case_file(path)}
        for case_id in set(self._index) - set(on_disk):
            changed.add(self._drop(case_id))
        for case_id, path in on_disk.items():
            entry = self._index.get(case_id)
            indexed = self._shard_mtime.get(shard_of(case_id), 0)
            try:
                modified = path.stat().st_mtime_ns
            except OSError:
                modified = indexed + 1  # a dangling link: read below, and named as damaged
            if entry is not None and not entry.damaged and modified <= indexed:
                continue
            try:
                raw = self._read_raw(case_id)
                records_from_raw(raw)  # every record, so record-level damage is named too
                summary = summarise(raw)
            except (StoreError, KeyError, StopIteration, ValueError, TypeError, AttributeError,
                    RecursionError) as error:
                label = entry.label if entry else "?"
                code = entry.code if entry else case_id[:8]
                summary = CaseSummary(case_id, code, label, damaged=str(error) or "beschadigd")
            if summary != entry:
                changed.add(self._put(summary))
        if self.writable:
            for shard in changed:
                with contextlib.suppress(OSError):  # a folder in the shard's place: the index
                    self._write_shard(shard)        # stays in memory, check names the folder

    def _put(self, summary: CaseSummary) -> str:
        shard = shard_of(summary.id)
        self._index[summary.id] = summary
        self._shard_ids.setdefault(shard, set()).add(summary.id)
        return shard

    def _drop(self, case_id: str) -> str:
        shard = shard_of(case_id)
        self._index.pop(case_id, None)
        self._shard_ids.get(shard, set()).discard(case_id)
        return shard

    def _write_shard(self, shard: str) -> None:
        entries = {key: self._index[key].to_json() for key in sorted(self._shard_ids.get(shard, ()))}
        path = self.root / INDEX / f"{shard}.json"
        if not entries:
            path.unlink(missing_ok=True)
            self._shard_mtime.pop(shard, None)
            return
        data = {"schema": SCHEMA_VERSION, "index": INDEX_VERSION, "cases": entries}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        self._shard_mtime[shard] = path.stat().st_mtime_ns

    def refresh(self) -> None:
        """Pick up changes other processes made (or a restore wrote)."""
        self.settings = Settings.load(self.root / SETTINGS)
        self._load_index()

    def disk_marker(self, case_id: str | None = None) -> tuple[int, ...]:
        """Changes when another process writes: the index shards and the case file. Every write
        replaces the file by a new one, so the inode changes even when two writes fall within
        the same tick of the file system's clock."""
        folder = self.root / INDEX
        shards = sorted(folder.glob("*.json")) if folder.is_dir() else []
        paths = [*shards, self._case_path(case_id)] if case_id is not None else shards
        marker: list[int] = []
        for path in paths:
            try:
                info = path.stat()
            except OSError:
                marker += [0, 0, 0]
                continue
            marker += [info.st_ino, info.st_mtime_ns, info.st_size]
        return tuple(marker)

    def cases(self) -> list[CaseSummary]:
        return sorted(self._index.values(), key=lambda s: s.code)

    def resolve(self, code_or_id: str) -> CaseSummary:
        wanted = code_or_id.strip()
        if not _CASE_REF.match(wanted):  # a path, a name: say what was expected, not "unknown"
            raise UnknownCase(f"'{code_or_id}' is geen casuscode of id; een code ziet eruit als K-001.")
        if wanted in self._index:
            return self._index[wanted]
        for summary in self._index.values():
            if summary.code == wanted.upper():
                return summary
        raise UnknownCase(f"Er is geen casus '{code_or_id}'. Bekijk de lijst met 'krachtoverleg cases'.")

    def next_code(self) -> str:
        numbers = [int(s.code.split("-")[1]) for s in self._index.values()
                   if s.code.startswith("K-") and s.code[2:].isdigit()]
        return f"K-{max(numbers, default=0) + 1:03d}"

    # -- reading ------------------------------------------------------------------------

    def _read_raw(self, case_id: str) -> dict[str, Any]:
        path = self._case_path(case_id)
        try:
            raw = decode(path.read_bytes(), f"Casusbestand {path.name}")
        except FileNotFoundError:
            if path.is_symlink():
                raise StoreError(
                    f"Casusbestand {path.name} verwijst naar een bestand dat er niet is.") from None
            raise UnknownCase(f"Onbekende casus: {case_id}.") from None
        except RecursionError:
            raise StoreError(f"Casusbestand {path.name} is te diep genest; het is beschadigd.") from None
        except OSError as error:  # a folder in its place, no permission
            raise StoreError(f"Casusbestand {path.name} kan niet worden gelezen: {error.strerror}.") from None
        if not isinstance(raw, dict):
            raise StoreError(f"Casusbestand {path.name} heeft een onbekende vorm.")
        try:
            raw, _ = upgrade(raw)
        except StoreError as error:
            raise StoreError(f"Casusbestand {path.name}: {error}.") from None
        return raw

    def load(self, case_id: str) -> CaseData:
        raw = self._read_raw(case_id)
        try:
            return records_from_raw(raw)
        except ValidationError as error:
            raise StoreError(f"Casusbestand {case_id}.json klopt niet: {error}") from None
        except (AttributeError, KeyError, TypeError, ValueError) as error:  # a table of the wrong shape
            raise StoreError(
                f"Casusbestand {case_id}.json heeft een onbekende vorm ({type(error).__name__}).") from None

    def load_by_code(self, code_or_id: str) -> CaseData:
        return self.load(self.resolve(code_or_id).id)

    # -- writing ------------------------------------------------------------------------

    def apply(self, case_id: str, *changes: Change) -> Applied:
        """Make these changes in order, in one atomic write, and hand back the records as they
        were written. A patch changes only its fields of the stored record, whatever copy the
        caller held; a change that does not fit (a removed record, a bad value) writes nothing."""
        self.require_writer()
        path = self._case_path(case_id)
        if not path.exists():
            raise UnknownCase(f"Onbekende casus: {case_id}.")
        raw = self._read_raw(case_id)  # refuses damaged or newer files before anything changes
        db = TinyDB(raw, storage=PendingStorage)
        storage = db.storage
        assert isinstance(storage, PendingStorage)
        applied = Applied()
        now = self.now()
        for change in changes:
            if isinstance(change, Put):
                existed = _upsert(db, change.record)
                applied.written.append(change.record)
                _log(db, now, change.record.TABLE, change.record.id,
                     ChangeKind.CHANGED if existed else ChangeKind.ADDED)
            elif isinstance(change, Patch):
                stored = _stored(db, change.record_type, change.record_id)
                record = stored.replace(**change.fields)
                _upsert(db, record)
                applied.written.append(record)
                if not set(change.fields) <= BOOKKEEPING:
                    _log(db, now, record.TABLE, record.id, ChangeKind.CHANGED)
            else:
                table = db.table(change.record_type.TABLE)
                table.remove(doc_ids=[doc.doc_id for doc in table.all() if doc.get("id") == change.record_id])
                applied.removed.append((change.record_type, change.record_id))
                _log(db, now, change.record_type.TABLE, change.record_id, ChangeKind.REMOVED)
        self._commit(case_id, storage.data)  # an older file is written back upgraded, too
        return applied

    def _update_index(self, summary: CaseSummary) -> None:
        if self._index.get(summary.id) != summary:
            self._write_shard(self._put(summary))

    def save(self, case_id: str, *records: Record) -> None:
        """Insert or replace whole records (matched by id) in one atomic write."""
        self.apply(case_id, *(Put(record) for record in records))

    def delete(self, case_id: str, record_type: type[Record], *record_ids: str) -> None:
        self.apply(case_id, *(Remove(record_type, record_id) for record_id in record_ids))

    def create_case(self, case: Case, records: Iterable[Record] = ()) -> Case:
        self.require_writer()
        for summary in self._index.values():
            if summary.code == case.code:
                raise ValidationError(f"Er is al een casus met code {case.code}.")
        if case.id in self._index:
            raise ValidationError(f"Er is al een casus met id {case.id}.")
        self._write_case(CaseData(case, _group(records)))
        return case

    def replace_case(self, data: CaseData) -> None:
        """Write a whole case (import with --replace): the old version, matched by id or code,
        is replaced in one step."""
        self.require_writer()
        same_id = self._index.get(data.case.id)
        if same_id is not None and same_id.code != data.case.code:
            raise ValidationError(
                f"Dit bestand heeft het id van casus {same_id.code}, maar de code {data.case.code}. "
                "Dat zijn twee verschillende cliënten; er is niets veranderd.")
        old = [s.id for s in self._index.values()
               if s.code == data.case.code and s.id != data.case.id]
        self._write_case(data)
        for case_id in old:  # the same client under an older id
            self._case_path(case_id).unlink(missing_ok=True)
            self._write_shard(self._drop(case_id))

    def erase_case(self, case_id: str) -> None:
        """Remove the case file and its index entry. Backups are the caller's part (erasure.py)."""
        self.require_writer()
        path = self._case_path(case_id)
        self._drafts.erase(owner_of(case_id))
        path.unlink(missing_ok=True)
        fsync_dir(path.parent)
        self._write_shard(self._drop(case_id))

    # -- half-filled forms ----------------------------------------------------------------

    def drafts(self, case_id: str | None) -> dict[str, Draft]:
        """Forms left half-filled for this case (None: forms outside any case)."""
        return self._drafts.read(owner_of(case_id))

    def keep_draft(self, case_id: str | None, draft: Draft) -> None:
        self.require_writer()
        try:
            self._drafts.keep(owner_of(case_id), draft)
        except OSError as error:
            raise StoreError(_write_failed(error)) from None

    def drop_draft(self, case_id: str | None, key: str) -> None:
        """The form was saved or cancelled: its draft has done its work."""
        if not self.writable:
            return
        try:
            self._drafts.drop(owner_of(case_id), key)
        except OSError as error:
            raise StoreError(_write_failed(error)) from None

    def forget_old_drafts(self, now: datetime) -> None:
        if self.writable:
            self._drafts.forget_older_than(now)

    def _write_case(self, data: CaseData) -> None:
        self._commit(data.case.id, raw_from_records(data))

    def _commit(self, case_id: str, raw: dict[str, Any]) -> None:
        """The one way a case reaches the disk: the whole file, atomically, then its index entry.
        A failed write (a full disk, a removed folder) changes nothing and says so in Dutch. Once
        the case file is written the change is saved: if only the index entry cannot be written,
        the index is behind, and it is brought up to date from the case file the next time the
        store is opened."""
        try:
            write_atomic(self._case_path(case_id), encode(stamp(raw, SCHEMA_VERSION)))
        except OSError as error:
            raise StoreError(_write_failed(error)) from None
        # If only the shard fails, the shard on disk is behind the newer case file: the next open
        # notices (see _reconcile_index) and mends it.
        with contextlib.suppress(OSError):
            self._update_index(summarise(raw))


def _write_failed(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return ("Niet opgeslagen: de schijf is vol. Maak ruimte vrij en probeer het opnieuw; "
                "er is niets veranderd.")
    reason = error.strerror or "onbekende fout"
    return f"Niet opgeslagen: het bestand kon niet worden geschreven ({reason}). Er is niets veranderd."


def _stored(db: TinyDB, record_type: type[R], record_id: str) -> R:
    for doc in db.table(record_type.TABLE).all():
        if doc.get("id") == record_id:
            return record_type.from_dict(dict(doc))
    raise StoreError(f"{record_type.LABEL.capitalize()} bestaat niet meer; misschien is het net verwijderd.")


def _upsert(db: TinyDB, record: Record) -> bool:
    """Store the record whole; say whether it was there before."""
    table = db.table(record.TABLE)
    doc = record.to_dict()
    if isinstance(record, Case):
        table.truncate()
        table.insert(doc)
        return True
    match = [d.doc_id for d in table.all() if d.get("id") == doc["id"]]
    if match:
        table.update(doc, doc_ids=match)  # every field is in doc, so this replaces it whole
    else:
        table.insert(doc)
    return bool(match)


# Fields a meeting keeps for itself while it runs (the stage on screen, the time per stage, a
# typed line): changed every minute, and no change to the client's record worth a log line.
BOOKKEEPING = frozenset({"current_stage", "stage_seconds", "drafts"})
NOT_LOGGED = frozenset({ChangeEntry.TABLE, Snapshot.TABLE})


def _log(db: TinyDB, at: datetime, table: str, record_id: str, kind: ChangeKind) -> None:
    """One line of the case's change log, in the same write as the change (see ChangeEntry)."""
    if table not in NOT_LOGGED:
        entry = ChangeEntry(at.replace(microsecond=0), table, record_id, kind)
        db.table(ChangeEntry.TABLE).insert(entry.to_dict())


def _group(records: Iterable[Record]) -> dict[str, list[Record]]:
    grouped: dict[str, list[Record]] = {}
    for record in records:
        grouped.setdefault(record.TABLE, []).append(record)
    return grouped


def raw_from_records(data: CaseData) -> dict[str, Any]:
    raw: dict[str, Any] = {Case.TABLE: {"1": data.case.to_dict()}}
    for record_type in CASE_RECORDS:
        raw[record_type.TABLE] = {
            str(number): record.to_dict()
            for number, record in enumerate(data.all(record_type), start=1)
        }
    return stamp(raw, SCHEMA_VERSION)


def records_from_raw(raw: dict[str, Any]) -> CaseData:
    cases = list((raw.get(Case.TABLE) or {}).values())
    if len(cases) != 1:
        raise ValidationError("het bestand moet precies één casus bevatten")
    records: dict[str, list[Record]] = {}
    for table, docs in raw.items():
        if table in (META, Case.TABLE):
            continue
        if table not in _TABLES:
            raise ValidationError(f"onbekende tabel '{table}'")
        ordered = sorted(docs.items(), key=lambda item: int(item[0]))
        records[table] = [_TABLES[table].from_dict(doc) for _, doc in ordered]
    return CaseData(Case.from_dict(cases[0]), records)


def store_dir_from(option: str | None) -> Path:
    """--store wins, then $KRACHTOVERLEG_STORE, then the platform's user-data folder."""
    if option:
        return Path(option).expanduser()
    env = os.environ.get("KRACHTOVERLEG_STORE")
    if env:
        return Path(env).expanduser()
    return default_store_dir()
