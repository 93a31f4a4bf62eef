"""Rotating backups of the store, restore, and erasing one client from every backup.

A backup is one zip file in `<store>/backups/`: every case file as it is on disk (also a damaged
one, byte for byte), the settings, and a manifest saying which cases it holds. It is written
like every other file: whole, 0600, atomically. The app makes one at start when none was made
that day; the newest `KEEP` are kept. Restoring first backs up the current state, so a restore
can itself be undone."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from krachtoverleg.core.errors import StoreError, ValidationError
from krachtoverleg.core.store import staged_restore
from krachtoverleg.core.store.atomic import make_private_dir, write_atomic
from krachtoverleg.core.store.folder_store import BACKUPS, CASES, SETTINGS, FolderStore
from krachtoverleg.core.store.safe_read import (
    CASE_FILE_BYTES,
    SMALL_FILE_BYTES,
    is_regular,
    parse_json,
    read_capped,
)

KEEP = 14
MANIFEST = "manifest.json"
PREFIX = "backup-"
MAX_MEMBERS = 100_002  # a backup holds its cases, the settings and the manifest
_OWN_NAME = re.compile(r"backup-\d{8}-\d{6}(?:-(\d{1,4}))?\.zip")  # as make_backup names them


@dataclass(frozen=True)
class CaseEntry:
    id: str
    code: str
    label: str

    def __str__(self) -> str:
        return f"{self.code} ({self.label})"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made: datetime | None
    cases: tuple[CaseEntry, ...]
    problem: str = ""

    @property
    def name(self) -> str:
        return self.path.name


def backup_dir(root: Path) -> Path:
    return root / BACKUPS


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(files.items()):
            archive.writestr(name, content)
    return buffer.getvalue()


def _manifest(made: datetime, cases: list[CaseEntry]) -> bytes:
    return json.dumps({"made": made.isoformat(timespec="seconds"),
                       "cases": [vars(entry) for entry in cases]}, ensure_ascii=False, indent=1).encode()


def make_backup(store: FolderStore, now: datetime, keep: Path | None = None, via: Path | None = None) -> Path:
    """Back up the whole store now; then keep only the newest KEEP backups (and `keep`, the one
    a restore is about to read, however old). `via`: a folder to write it in first (a restore's
    staging folder: a kill half-way leaves nothing in backups/, and the undo removes it)."""
    store.require_writer()
    folder = backup_dir(store.root)
    make_private_dir(folder)
    files: dict[str, bytes] = {}
    for path in sorted((store.root / CASES).glob("*.json")):
        with contextlib.suppress(OSError):  # a pipe, a folder, a loop in its place: not a case
            files[f"{CASES}/{path.name}"] = read_capped(path)
    with contextlib.suppress(OSError):  # missing, or something else in its place: no settings
        files[SETTINGS] = read_capped(store.root / SETTINGS, SMALL_FILE_BYTES)
    index = {summary.id: summary for summary in store.cases()}
    entries = [CaseEntry(case_id, index[case_id].code, index[case_id].label) if case_id in index
               else CaseEntry(case_id, "?", "?")
               for case_id in (Path(name).stem for name in files if name.startswith(f"{CASES}/"))]
    files[MANIFEST] = _manifest(now, sorted(entries, key=lambda entry: entry.code))
    stamp = now.strftime("%Y%m%d-%H%M%S")
    # Two in one second: the next counter after the highest there, so the name keeps the order.
    counters = [int(found.group(1) or 1) for path in folder.glob(f"{PREFIX}{stamp}*.zip")
                if (found := _OWN_NAME.fullmatch(path.name))]
    counter = max(counters, default=0) + 1
    target = folder / (f"{PREFIX}{stamp}.zip" if counter == 1 else f"{PREFIX}{stamp}-{counter}.zip")
    if via is None:
        write_atomic(target, _zip(files))
    else:
        write_atomic(via / target.name, _zip(files))
        os.replace(via / target.name, target)
    # Only backups this program made and can read are rotated, oldest first by when they were
    # made: a damaged one, a pipe or a stray name is named by check, never thrown away here.
    made = sorted((info for info in list_backups(store.root) if not info.problem and info.made is not None
                   and _OWN_NAME.fullmatch(info.name)), key=_made_when, reverse=True)
    for old in made[KEEP:]:
        if old.path not in (keep, target):
            old.path.unlink(missing_ok=True)
    return target


def _made_when(info: BackupInfo) -> tuple[datetime, int]:
    """When it was made, and its counter for two in one second ("…-2.zip")."""
    found = _OWN_NAME.fullmatch(info.name)
    made = info.made or datetime.min
    if made.tzinfo is not None:  # made with a zone (the system clock) or without (a fixed one)
        made = made.astimezone().replace(tzinfo=None)
    return made, int(found.group(1)) if found and found.group(1) else 1


def backup_if_due(store: FolderStore, now: datetime) -> Path | None:
    """At start: a backup, unless one was already made today."""
    today = now.strftime("%Y%m%d")
    if any(info.name.startswith(f"{PREFIX}{today}") for info in list_backups(store.root)):
        return None
    return make_backup(store, now)


def read_backup(path: Path) -> BackupInfo:
    if not is_regular(path):  # a pipe would make ZipFile wait for ever
        return BackupInfo(path, None, (), "dit is geen gewoon bestand")
    try:
        with zipfile.ZipFile(path) as archive, archive.open(MANIFEST) as member:
            if len(archive.infolist()) > MAX_MEMBERS:
                return BackupInfo(path, None, (), "deze reservekopie bevat veel te veel bestanden")
            manifest = parse_json(member.read(SMALL_FILE_BYTES + 1))
        cases = tuple(CaseEntry(str(c["id"]), str(c["code"]), str(c["label"])) for c in manifest["cases"])
        return BackupInfo(path, datetime.fromisoformat(manifest["made"]), cases)
    # RuntimeError: an encrypted member; NotImplementedError: a compression zipfile lacks
    except (OSError, KeyError, ValueError, TypeError, IndexError, RuntimeError, NotImplementedError,
            zipfile.BadZipFile):
        return BackupInfo(path, None, (), "deze reservekopie is beschadigd")


def list_backups(root: Path) -> list[BackupInfo]:
    """Newest first."""
    folder = backup_dir(root)
    paths = sorted(folder.glob(f"{PREFIX}*.zip"), reverse=True) if folder.is_dir() else []
    return [read_backup(path) for path in paths]


def find_backup(root: Path, name: str) -> BackupInfo:
    for info in list_backups(root):
        if info.name == name or info.name == f"{name}.zip" or info.name == f"{PREFIX}{name}.zip":
            return info
    raise ValidationError(f"Er is geen reservekopie '{name}'. Zie de lijst met 'krachtoverleg restore'.")


def restore_backup(store: FolderStore, name: str, now: datetime) -> tuple[BackupInfo, Path]:
    """Put the store back as it was in the backup, all or nothing (staged_restore.py). The
    current state is backed up first."""
    store.require_writer()
    info = find_backup(store.root, name)
    if info.problem:
        raise ValidationError(f"{info.name}: {info.problem}; kies een andere.")
    files = _restorable(info)  # read first: nothing below may lose it
    staging = staged_restore.begin(store.root)
    safety = make_backup(store, now, keep=info.path, via=staging)
    staged_restore.stage(store.root, CASES, SETTINGS, files, info.name, safety)
    store.finish_restore()
    store.refresh()
    staged_restore.done(store.root)
    return info, safety


def _restorable(info: BackupInfo) -> dict[str, bytes]:
    """Only the files a backup holds: cases/<one name>.json and the settings. A name that points
    anywhere else (a folder above, a nested path) is not written, and no member is read past
    the size of the largest case (a damaged or crafted archive)."""
    files: dict[str, bytes] = {}
    try:
        return _members(info, files)
    except (OSError, ValueError, RuntimeError, NotImplementedError, zipfile.BadZipFile):  # a damaged member
        raise ValidationError(f"{info.name} is beschadigd; kies een andere.") from None


def _members(info: BackupInfo, files: dict[str, bytes]) -> dict[str, bytes]:
    with zipfile.ZipFile(info.path) as archive:
        for member in archive.infolist():
            path = Path(member.filename)
            if not (member.filename == SETTINGS or (path.parent == Path(CASES) and path.suffix == ".json"
                                                    and not path.name.startswith("."))):
                continue
            if member.file_size > CASE_FILE_BYTES:
                raise ValidationError(f"{info.name}: {member.filename} is te groot; kies een andere.")
            files[member.filename] = archive.read(member)
    return files


def erase_from_backups(root: Path, case_id: str) -> list[str]:
    """Rewrite every backup that holds the case without it; return the names changed."""
    changed = []
    for info in list_backups(root):
        if info.problem:
            raise StoreError(f"Reservekopie {info.name} is beschadigd; verwijder hem met de hand "
                             "voordat een casus gewist kan worden.")
        if not any(entry.id == case_id for entry in info.cases):
            continue
        try:
            with zipfile.ZipFile(info.path) as archive:
                files = {n: archive.read(n) for n in archive.namelist()
                         if n not in (MANIFEST, f"{CASES}/{case_id}.json")}
        except (OSError, ValueError, RuntimeError, NotImplementedError, zipfile.BadZipFile):
            raise StoreError(f"Reservekopie {info.name} is beschadigd; verwijder hem met de hand "
                             "voordat een casus gewist kan worden.") from None
        assert info.made is not None
        files[MANIFEST] = _manifest(info.made, [e for e in info.cases if e.id != case_id])
        write_atomic(info.path, _zip(files))
        changed.append(info.name)
    return changed


def backups_holding(root: Path, case_id: str) -> list[str]:
    return [info.name for info in list_backups(root) if any(e.id == case_id for e in info.cases)]
