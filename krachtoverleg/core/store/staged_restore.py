"""A restore is all or nothing: the restored case files are built beside the store, in
`restoring/`, and swapped in with two renames once all of them are on disk; the folder goes
only when the index has been brought in line. A restore killed
before the swap is undone at the next start (nothing had changed yet); one killed during the
swap is finished (the `ready` mark says every file was written). Either way the store is wholly
as before or wholly as the backup, never a mixture, and the start says which.

Only the writer (the lock holder) stages, finishes or undoes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

from krachtoverleg.core.store.atomic import fsync_dir, make_private_dir, write_atomic
from krachtoverleg.core.store.safe_read import SMALL_FILE_BYTES, is_regular, read_capped

RESTORING = "restoring"
READY = "ready"  # written last: from here on a restore is finished, never undone
_OLD = "old-cases"  # the store's case files, moved aside during the swap


def pending(root: Path) -> bool:
    return os.path.lexists(root / RESTORING)


def begin(root: Path) -> Path:
    """A fresh staging folder (a leftover that never became ready: nothing of it was used)."""
    staging = root / RESTORING
    _remove(staging)
    make_private_dir(staging)
    return staging


def stage(root: Path, cases_folder: str, settings_name: str, files: dict[str, bytes], backup: str,
          safety: Path) -> None:
    """Write the restored files beside the store; nothing the store reads changes yet. The
    `ready` mark lists every staged file with its checksum, and names the safety backup made
    first: only a staging that matches it, beside that backup, is ever swapped in (a folder
    placed or left here by anything else is not)."""
    staging = root / RESTORING  # made by `begin`, with the safety backup written through it
    make_private_dir(staging / cases_folder)
    for name, content in files.items():
        write_atomic(staging / name, content)
    fsync_dir(staging / cases_folder)
    fsync_dir(staging)
    cases = {Path(name).name: _digest(content) for name, content in files.items() if name != settings_name}
    settings = _digest(files[settings_name]) if settings_name in files else None
    write_atomic(staging / READY, json.dumps({"backup": backup, "cases": cases, "settings": settings,
                                              "safety": safety.name}).encode("utf-8"))


def finish(root: Path, cases: str, settings: str, backups: str) -> str | None:
    """Finish a restore that was ready, undo one that was not; say which in Dutch (None:
    there was none). Safe to run again after being killed itself at any point."""
    staging = root / RESTORING
    if not pending(root):
        return None
    plan = _plan(staging / READY, root / backups)
    staged = plan is not None and _matches(staging / cases, plan["cases"])
    if plan is None or not (staged or _matches(root / cases, plan["cases"])):
        if not (root / cases).is_dir() and (staging / _OLD).is_dir():
            os.rename(staging / _OLD, root / cases)  # a swap that cannot be finished: put back
        _remove(staging)
        return ("Een terugzetting was onderbroken voordat er iets veranderde. Die is ongedaan "
                "gemaakt: alles is zoals ervoor.")
    if staged:
        if (root / cases).is_dir():
            if (staging / _OLD).is_dir():  # moved aside already; this one a start made, empty
                (root / cases).rmdir()
            else:
                os.rename(root / cases, staging / _OLD)
        os.rename(staging / cases, root / cases)
        fsync_dir(root)
    staged_settings = staging / settings
    if plan["settings"] and staged_settings.is_file() and \
            _digest(read_capped(staged_settings, SMALL_FILE_BYTES)) == plan["settings"]:
        os.replace(staged_settings, root / settings)
    # `restoring/` stays until the caller has brought the index in line (then `done`): a kill
    # before that is finished again by the next start, index and all.
    return (f"Een onderbroken terugzetting van {plan['backup']} is afgemaakt: alles is zoals in die "
            "reservekopie.")


def _plan(path: Path, backups: Path) -> dict[str, Any] | None:
    try:
        plan = json.loads(read_capped(path, SMALL_FILE_BYTES))
    except (OSError, ValueError):
        return None
    if not (isinstance(plan, dict) and isinstance(plan.get("cases"), dict)
            and isinstance(plan.get("backup"), str) and isinstance(plan.get("safety"), str)):
        return None
    safety = backups / plan["safety"]
    if not all(isinstance(digest, str) for digest in plan["cases"].values()) or \
            Path(plan["safety"]).name != plan["safety"] or not is_regular(safety):
        return None
    return plan


def _matches(folder: Path, files: dict[str, str]) -> bool:
    """Does the folder hold exactly these case files, each with this checksum?"""
    try:
        if folder.is_symlink() or not folder.is_dir():
            return False
        present = {path.name for path in folder.iterdir()}
        return present == set(files) and all(
            _digest(read_capped(folder / name)) == digest for name, digest in files.items())
    except OSError:
        return False


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def done(root: Path) -> None:
    """The restore is whole, index and all: away with the staging folder, and with it the old
    case files (the safety backup made before the restore holds them)."""
    _remove(root / RESTORING)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
