"""The folder store (the embedded engine): a folder with one TinyDB file per case and a small index.

One file per case keeps a save as fast with 5,000 cases as with 50: a save rewrites only that
case's file, and, only when what the case list shows (code, label, open actions, planned dates)
changed, one small shard of the index: the index is split over up to 256 files by a hash of the
case id, so even that write stays small as the store grows. Every write is atomic (see
atomic.py), and every write goes through `_commit`. One process writes at a time, guarded by a
file lock; readers need no lock, since they only ever see whole files."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from krachtoverleg.core.errors import (
    CaseFileDamaged,
    KrachtError,
    StoreBusy,
    StoreError,
    StoreReadOnly,
    UnknownCase,
    ValidationError,
)
from krachtoverleg.core.models import Case
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Applied, Change
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.rules.action_list import case_actions_of
from krachtoverleg.core.store import presence as presence_file
from krachtoverleg.core.store import staged_restore
from krachtoverleg.core.store.action_index import (
    ActionEntry,
    ActionQuery,
    CaseActions,
    PageAnswer,
    PageQuery,
    outline_of,
    page_of_outline,
)
from krachtoverleg.core.store.atomic import (
    FILE_MODE,
    fsync_dir,
    make_private_dir,
    remove_temp_files,
    tighten_permissions,
    write_atomic,
)
from krachtoverleg.core.store.case_document import (
    CaseSummary,
    apply_changes,
    build_case,
    changes_actions,
    group,
    raw_from_records,
    records_from_raw,
    summarise,
)
from krachtoverleg.core.store.drafts import DRAFTS, DraftBox, owner_of
from krachtoverleg.core.store.engine import CASE_REF, CaseStore, not_a_case_ref, write_failed
from krachtoverleg.core.store.folder_action_index import ActionIndexFile, marker, stat_marker
from krachtoverleg.core.store.presence import Presence
from krachtoverleg.core.store.safe_read import read_capped, read_json
from krachtoverleg.core.store.schema import SCHEMA_VERSION, stamp, upgrade
from krachtoverleg.core.store.settings import Settings
from krachtoverleg.core.store.storage import decode, encode

INDEX = "index"
INDEX_VERSION = 2  # 2: "planned" holds only the next meeting agreed in the newest meeting
SETTINGS = "settings.json"
CASES = "cases"
BACKUPS = "backups"
OWN_FOLDERS = (CASES, INDEX, BACKUPS, DRAFTS, "logs")  # may each be a link to a folder elsewhere
LOCK = ".lock"

_CASE_FILE = re.compile(r"^[a-z0-9]{8,64}\.json$")
SCAN_KEPT_SECONDS = 1.0  # see _case_file_markers


def _marker_or_none(path: Path) -> str | None:
    try:
        return marker(path)
    except OSError:
        return None


def is_case_file(path: Path) -> bool:
    """cases/<id>.json with an id as the store makes them; anything else there is foreign."""
    return bool(_CASE_FILE.match(path.name))


@functools.lru_cache(maxsize=65_536)  # asked twice per case at every open (5,000 cases: 30 ms)
def shard_of(case_id: str) -> str:
    """The index shard of a case: 256 shards keep every index write small."""
    return hashlib.sha1(case_id.encode("utf-8")).hexdigest()[:2]


class FolderStore(CaseStore):
    """Open with `FolderStore.open(root, write=True)` to change things; readers pass write=False."""

    def __init__(self, root: Path, lock: FileLock | None) -> None:
        self.root = root
        self.where = str(root)
        self.local_dir = root
        self.login = ""
        self._lock = lock
        self.fixed_permissions: list[Path] = []
        self.read_only_reason = "al open in een ander venster"  # shown in a read-only window's top bar
        self._index: dict[str, CaseSummary] = {}
        self._shard_ids: dict[str, set[str]] = {}
        self._shard_mtime: dict[str, int] = {}
        self.settings = Settings.load(root / SETTINGS)
        self._drafts = DraftBox(root)
        # The action index was checked against every case file by this writer (see
        # _mended_action_index), and the cases it could not read then.
        self._actions_trusted = False
        self._action_problems: dict[str, str] = {}
        # The look at every case file when the case index was read (monotonic time, and each
        # file's marker), used once by the first action list (see _case_file_markers).
        self._scanned: tuple[float, dict[str, str]] | None = None
        self.now: Callable[[], datetime] = datetime.now  # the change log's clock; the CLI passes its own

    # -- opening and closing -------------------------------------------------------------

    @classmethod
    def open(cls, root: Path | str, *, write: bool,
             now: Callable[[], datetime] | None = None) -> FolderStore:
        root = Path(root).expanduser()
        if not write:
            if root.exists() and not root.is_dir():
                raise StoreError(f"{root} is geen map.")
            store = cls(root, None)
            if staged_restore.pending(root):  # a killed restore: settled first, if nobody writes
                store.restore_note = store._settle_restore()
            else:
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
            self.restore_note = self.finish_restore() or self.restore_note
            self._remove_temp_files()
            cases = str(self.root / CASES)
            self.fixed_permissions = tighten_permissions(self.root, OWN_FOLDERS, leave=lambda folder, name: (
                folder == cases and bool(_CASE_FILE.match(name))))
            self._load_index()  # its look at every case file makes those private (_reconcile_index)
            if self.restore_note:
                staged_restore.done(self.root)
        except BaseException:
            self.close()
            raise
        return True

    def finish_restore(self) -> str | None:
        """A staged restore (staged_restore.py) finished or undone; said in Dutch. Lock holder only."""
        self._actions_trusted = False
        return staged_restore.finish(self.root, CASES, SETTINGS, BACKUPS)

    def _remove_temp_files(self) -> None:
        for name in ("", CASES, INDEX, BACKUPS, DRAFTS):
            remove_temp_files(self.root / name)  # a killed writer's half-written copies, client data too

    def _settle_restore(self) -> str | None:
        """A reader finds a restore that was killed: finish or undo it under the lock, if no
        window holds it (one that does settles it itself when it starts). The index is loaded
        either way."""
        try:
            lock = self._try_lock()
        except OSError:
            lock = None  # a read-only folder: read as it is
        if lock is None:
            self._load_index()
            return None
        self._lock = lock  # for a moment a writer: the index is written in line, too
        try:
            note = self.finish_restore()
            self._remove_temp_files()
            self._load_index()
            staged_restore.done(self.root)
            return note
        except OSError:
            self._load_index()
            return None  # left for the next writer, which says so
        finally:
            self.close()

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

    @property
    def writable(self) -> bool:
        return self._lock is not None

    # -- the index ----------------------------------------------------------------------

    def _case_path(self, case_id: str) -> Path:
        if not case_id or "/" in case_id or case_id.startswith("."):
            raise not_a_case_ref(case_id)
        return self.root / CASES / f"{case_id}.json"

    def _load_index(self) -> None:
        self._index, self._shard_ids, self._shard_mtime = {}, {}, {}
        folder = self.root / INDEX
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                data = read_json(path)
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

    def _reconcile_index(self, everything: bool = False) -> None:
        """Bring the index in line with the case files: a writer killed between writing a case
        and its index shard leaves the case file newer. Only such files are read again, and
        those the index gives one code twice (a damaged shard): the case files win.
        `everything`: read every case file (a code the index does not know)."""
        changed: set[str] = set()
        # One pass over the folder, each file's time from it (5,000 cases: a third of the time of
        # a path and a stat per file). Only files named like a case: a stray `._x.json` is not one.
        on_disk: dict[str, int | None] = {}
        markers: dict[str, str] = {}  # of the regular files, as _case_file_markers says them
        wide: list[str] = []  # readable by others: a writer makes them private (see become_writer)
        with contextlib.suppress(OSError), os.scandir(self.root / CASES) as entries:
            for found in entries:
                if _CASE_FILE.match(found.name):
                    try:
                        regular = found.is_file(follow_symlinks=False)
                        info = found.stat(follow_symlinks=not regular)
                        on_disk[found.name[:-5]] = info.st_mtime_ns
                        if regular:
                            markers[found.name[:-5]] = stat_marker(info)
                            if info.st_mode & 0o077:
                                wide.append(found.path)
                    except OSError:
                        on_disk[found.name[:-5]] = None  # a dangling link: read below, named as damaged
        self._scanned = (time.monotonic(), markers)
        if self.writable:
            self._make_private(wide)
        for case_id in set(self._index) - set(on_disk):
            changed.add(self._drop(case_id))
        codes = Counter(summary.code for summary in self._index.values())
        for case_id, seen in on_disk.items():
            entry = self._index.get(case_id)
            indexed = self._shard_mtime.get(shard_of(case_id), 0)
            modified = indexed + 1 if seen is None else seen
            if (entry is not None and not entry.damaged and modified <= indexed and not everything
                    and codes[entry.code] == 1):
                continue
            try:
                raw = self._read_raw(case_id)
                records_from_raw(raw)  # every record, so record-level damage is named too
                summary = summarise(raw)
                if summary.id != case_id:  # a copy under another name: never the case it names
                    summary = CaseSummary(case_id, summary.code, summary.label, damaged=(
                        f"de bestandsnaam past niet bij het id van de casus ({summary.id})"))
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

    def _make_private(self, paths: list[str]) -> None:
        for path in paths:
            try:
                os.chmod(path, FILE_MODE)
            except OSError:
                continue  # not ours to change (another owner): `check` keeps naming it
            self.fixed_permissions.append(Path(path))

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
        self._actions_trusted = False
        self._load_index()

    def daily_backup(self, now: datetime) -> Path | None:
        from krachtoverleg.core.store.backup import backup_if_due

        return backup_if_due(self, now)

    def change_marker(self, case_id: str | None = None) -> Hashable:
        return self.disk_marker(case_id)

    def write_presence(self, presence: Presence) -> None:
        presence_file.write_presence(self.root, presence)

    def read_presence(self) -> Presence | None:
        return presence_file.read_presence(self.root)

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
        """The index is a cache: a case found by code is checked against its own file, and a
        code it does not know is looked for in the case files themselves before it is refused.
        So a damaged shard never sends a command (or a save) to another case."""
        wanted = code_or_id.strip()
        if not CASE_REF.match(wanted):  # a path, a name: say what was expected, not "unknown"
            raise not_a_case_ref(code_or_id)
        if wanted in self._index:
            return self._index[wanted]
        found = self._by_code(wanted.upper())
        if found is None or not self._file_agrees(found):
            self._reconcile_index(everything=True)
            found = self._by_code(wanted.upper())
        if found is None:
            raise UnknownCase(f"Er is geen casus '{code_or_id}'. Bekijk de lijst met 'krachtoverleg cases'.")
        return found

    def _by_code(self, code: str) -> CaseSummary | None:
        """A readable case before a damaged one: a damaged file's code is only what the index
        says (it cannot be read to tell), so it never takes a code a readable case has."""
        found = [summary for summary in self._index.values() if summary.code == code]
        return min(found, key=lambda summary: bool(summary.damaged), default=None)

    def _file_agrees(self, summary: CaseSummary) -> bool:
        """Does the case file itself carry the code the index gives it? (A damaged file is
        what the index says it is: its code is all that is known.)"""
        if summary.damaged:
            return True
        try:
            return summarise(self._read_raw(summary.id)).code == summary.code
        except (KrachtError, KeyError, StopIteration, ValueError, TypeError, AttributeError):
            return False

    # -- reading ------------------------------------------------------------------------

    def _read_raw(self, case_id: str) -> dict[str, Any]:
        path = self._case_path(case_id)
        try:
            raw = decode(read_capped(path), f"Casusbestand {path.name}")
        except FileNotFoundError:
            if path.is_symlink():
                raise CaseFileDamaged(
                    f"Casusbestand {path.name} verwijst naar een bestand dat er niet is.") from None
            raise UnknownCase(f"Onbekende casus: {case_id}.") from None
        except RecursionError:
            raise CaseFileDamaged(f"Casusbestand {path.name} is te diep genest; het is beschadigd.") from None
        except OSError as error:  # a folder or a pipe in its place, a link loop, no permission
            reason = error.strerror
            raise CaseFileDamaged(f"Casusbestand {path.name} kan niet worden gelezen: {reason}.") from None
        except StoreError as error:
            raise CaseFileDamaged(str(error)) from None
        if not isinstance(raw, dict):
            raise CaseFileDamaged(f"Casusbestand {path.name} heeft een onbekende vorm.")
        try:
            raw, _ = upgrade(raw)
        except StoreError as error:
            raise CaseFileDamaged(f"Casusbestand {path.name}: {error}.") from None
        return raw

    def load(self, case_id: str) -> CaseData:
        return build_case(self._read_raw(case_id), f"Casusbestand {case_id}.json")

    # -- writing ------------------------------------------------------------------------

    def apply(self, case_id: str, *changes: Change) -> Applied:
        self.require_writer()
        path = self._case_path(case_id)
        if not path.exists():
            raise UnknownCase(f"Onbekende casus: {case_id}.")
        raw = self._read_raw(case_id)  # refuses damaged or newer files before anything changes
        try:  # every record, too: a file damaged while its meeting was open is never written over
            build_case(raw, f"Casusbestand {case_id}.json")
        except StoreError as error:
            raise CaseFileDamaged(f"{error} Het bestand blijft zoals het is.") from None
        raw, applied = apply_changes(raw, changes, self.now())
        before = _marker_or_none(path)
        self._commit(case_id, raw, actions=changes_actions(changes))  # an older file is written upgraded
        if not changes_actions(changes):
            try:  # behind: made again when read
                if before is None:
                    raise OSError("no file before")
                ActionIndexFile(self.root).carry(case_id, before, marker(path))
            except (OSError, sqlite3.DatabaseError):
                self._actions_trusted = False
        return applied

    def report_progress(self, case_id: str, *changes: Change) -> Applied:
        return self.apply(case_id, *changes)  # one writer holds every case of a folder

    def _update_index(self, summary: CaseSummary) -> None:
        if self._index.get(summary.id) != summary:
            self._write_shard(self._put(summary))

    def create_case(self, case: Case, records: Iterable[Record] = ()) -> Case:
        self.require_writer()
        for summary in self._index.values():
            if summary.code == case.code:
                raise ValidationError(f"Er is al een casus met code {case.code}.")
        if case.id in self._index:
            raise ValidationError(f"Er is al een casus met id {case.id}.")
        self._write_case(CaseData(case, group(records)))
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
        for case_id in old:  # the same client under an older id: nothing of that id stays
            self._case_path(case_id).unlink(missing_ok=True)
            self._write_shard(self._drop(case_id))
            with contextlib.suppress(OSError):
                self._index_actions(case_id, None)
            self._drafts.erase(owner_of(case_id))
            presence_file.forget_case(self.root, case_id)

    def erase_case(self, case_id: str) -> None:
        """Remove the case file and its index entry. Backups are the caller's part (erasure.py)."""
        self.require_writer()
        self._scanned = None  # see _commit
        path = self._case_path(case_id)
        self._drafts.erase(owner_of(case_id))
        presence_file.forget_case(self.root, case_id)
        path.unlink(missing_ok=True)
        fsync_dir(path.parent)
        self._write_shard(self._drop(case_id))
        self._index_actions(case_id, None)  # the actions of an erased client go with the case

    def _write_case(self, data: CaseData) -> None:
        self._commit(data.case.id, raw_from_records(data))

    def _commit(self, case_id: str, raw: dict[str, Any], actions: bool = True) -> None:
        """The one way a case reaches the disk: the whole file, atomically, then its index entry.
        A failed write (a full disk, a removed folder) changes nothing and says so in Dutch. Once
        the case file is written the change is saved: if only the index entry cannot be written,
        the index is behind, and it is brought up to date from the case file the next time the
        store is opened."""
        self._scanned = None  # the look taken at open no longer says what is on disk
        try:
            write_atomic(self._case_path(case_id), encode(stamp(raw, SCHEMA_VERSION)))
        except OSError as error:
            raise StoreError(write_failed(error)) from None
        # If only the shard fails, the shard on disk is behind the newer case file: the next open
        # notices (see _reconcile_index) and mends it.
        with contextlib.suppress(OSError):
            self._update_index(summarise(raw))
        # Likewise the action index: an entry behind its case file is made again when read.
        if actions:
            try:
                self._index_actions(case_id, build_case(raw, case_id))
            except (OSError, KrachtError, ValueError):
                self._actions_trusted = False

    # -- the action index (see folder_action_index.py) ------------------------------------

    def _index_actions(self, case_id: str, data: CaseData | None) -> None:
        index = ActionIndexFile(self.root)
        self._action_problems.pop(case_id, None)
        trusted, self._actions_trusted = self._actions_trusted, False  # until the entry is written
        try:
            if data is None:
                index.drop(case_id)
            else:
                index.put([(case_id, marker(self._case_path(case_id)), case_actions_of(data))])
        except sqlite3.DatabaseError:
            index.forget()  # damaged: made again from the case files when a list is read
            return
        self._actions_trusted = trusted

    def _case_file_markers(self) -> dict[str, str]:
        """Every case file's marker in one pass over the folder (no path built per case). The
        look taken when the case index was read is used instead, once:
        - by a writer that has written nothing since: while it holds the store nobody else
          writes a case file, so that look is still what is on disk (the Acties screen opened
          first: 5,000 files, 40 ms, not looked at twice);
        - by a reader, a moment after: `actions` looks at 5,000 files once, not twice (what
          another process writes in between is a moment older either way)."""
        scanned, self._scanned = self._scanned, None
        if scanned is not None and (self.writable or time.monotonic() - scanned[0] <= SCAN_KEPT_SECONDS):
            return scanned[1]
        found = {}
        with contextlib.suppress(OSError), os.scandir(self.root / CASES) as entries:
            for entry in entries:
                if entry.name.endswith(".json") and entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        info = entry.stat(follow_symlinks=False)
                        found[entry.name[:-5]] = stat_marker(info)
        return found

    def _mended_action_index(self, wanted: list[str], everything: bool = False
                             ) -> tuple[ActionIndexFile, dict[str, CaseActions], dict[str, str]]:
        """The action index with every entry that is behind its case file made again (also by a
        reader: an entry names the case file it was made from, so one written from an older
        file is never believed). Returns the entries made here, whole, and the cases that could
        not be read. `everything`: `wanted` is every case.

        A writer checks once: while it holds the store, every case file changes through it and
        each save writes the case's entry, so later lists skip the look at every file (5,000
        cases: 60 ms). A save whose entry could not be written makes it look again."""
        index = ActionIndexFile(self.root)
        if self._actions_trusted and self.writable and index.path.exists():
            return index, {}, {case_id: self._action_problems[case_id] for case_id in wanted
                               if case_id in self._action_problems}
        try:
            made_from = index.made_from()
        except sqlite3.DatabaseError:  # missing (the first list) or damaged: made again below
            with contextlib.suppress(OSError):
                index.forget()
            made_from = {}
        behind: list[tuple[str, str, CaseActions]] = []
        problems: dict[str, str] = {}
        on_disk = self._case_file_markers()
        for case_id in wanted:
            try:
                now = on_disk[case_id] if case_id in on_disk else marker(self._case_path(case_id))
            except OSError as error:
                problems[case_id] = (f"Casusbestand {case_id}.json kan niet worden gelezen: "
                                     f"{error.strerror}.")
                continue
            if made_from.get(case_id) == now:
                continue
            try:
                behind.append((case_id, now, case_actions_of(self.load(case_id))))
            except KrachtError as error:
                problems[case_id] = str(error)
        trusted = everything and self.writable
        if behind:
            try:
                index.put(behind)
                index.stored = {case_id for case_id, _, _ in behind}
            except (OSError, sqlite3.DatabaseError):  # a read-only disk, a busy writer
                trusted = False
        # An entry whose case file is gone (erased meanwhile, restored away) goes too.
        try:
            index.forget_cases(set(made_from) - set(on_disk))
        except (OSError, sqlite3.DatabaseError):
            trusted = False
        self._actions_trusted, self._action_problems = trusted, problems
        return index, {case_id: actions for case_id, _, actions in behind}, problems

    def _read_whole(self, case_ids: Iterable[str], found: dict[str, CaseActions],
                    problems: dict[str, str]) -> None:
        """No index to read here: the slow way, this once."""
        for case_id in case_ids:
            try:
                found[case_id] = case_actions_of(self.load(case_id))
            except KrachtError as error:
                problems[case_id] = str(error)

    def case_actions(self, case_ids: Iterable[str] | None = None,
                     query: ActionQuery | None = None) -> tuple[list[CaseActions], list[str]]:
        wanted = list(case_ids) if case_ids is not None else [s.id for s in self.cases()]
        query = query or ActionQuery()
        index, made, problems = self._mended_action_index(wanted, everything=case_ids is None)
        found = {case_id: CaseActions.from_json(actions.to_json(), query)
                 for case_id, actions in made.items()}
        rest = set(wanted) - set(found) - set(problems)
        try:
            found |= index.read(rest, query) if rest else {}
        except sqlite3.DatabaseError:
            whole: dict[str, CaseActions] = {}
            self._read_whole(rest, whole, problems)
            found |= {case_id: CaseActions.from_json(a.to_json(), query) for case_id, a in whole.items()}
        return ([found[case_id] for case_id in wanted if case_id in found],
                [problems[case_id] for case_id in wanted if case_id in problems])

    def action_page(self, query: PageQuery) -> PageAnswer:
        wanted = [s.id for s in self.cases()]
        index, made, problems = self._mended_action_index(wanted, everything=True)
        named = [problems[case_id] for case_id in wanted if case_id in problems]
        if not (set(made) - index.stored):
            try:
                return replace(index.page(query, set(problems)), problems=named)
            except sqlite3.DatabaseError:
                pass
        # The index cannot answer (damaged, or a disk that takes no writes): the rows it has,
        # and the cases it could not take, worked out here.
        rest = set(wanted) - set(made) - set(problems)
        try:
            heads, rows = index.outline(rest, query.rows_query())
        except sqlite3.DatabaseError:
            self._read_whole(rest, made, problems)
            heads, rows = [], []
        more_heads, more_rows = outline_of(made.values())
        rows += [row for row in more_rows if query.rows_query().keeps_outline(row)]
        return page_of_outline(heads + more_heads, rows, query, named)

    def action_entries(self, keys: Sequence[tuple[str, int]]) -> dict[tuple[str, int], ActionEntry]:
        try:
            found = ActionIndexFile(self.root).entries(keys)
        except sqlite3.DatabaseError:
            found = {}
        missing = {case_id for case_id, position in keys if (case_id, position) not in found}
        whole: dict[str, CaseActions] = {}
        self._read_whole(missing, whole, {})
        for case_id, position in keys:
            entries = whole[case_id].entries if case_id in whole else ()
            if (case_id, position) not in found and position < len(entries):
                found[(case_id, position)] = entries[position]
        return found
