"""A restore is all or nothing: the restored case files are built beside the store, in
`restoring/`, and swapped in with two renames once all of them are on disk; the folder goes
only when the index has been brought in line. A restore killed
before the swap is undone at the next start (nothing had changed yet); one killed during the
swap is finished (the `ready` mark says every file was written). Either way the store is wholly
as before or wholly as the backup, never a mixture, and the start says which.

Only the writer (the lock holder) stages, finishes or undoes."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from krachtoverleg.core.store.atomic import fsync_dir, make_private_dir, write_atomic

RESTORING = "restoring"
READY = "ready"  # written last: from here on a restore is finished, never undone
_OLD = "old-cases"  # the store's case files, moved aside during the swap


def pending(root: Path) -> bool:
    return os.path.lexists(root / RESTORING)


def stage(root: Path, cases_folder: str, settings_name: str, files: dict[str, bytes], backup: str) -> None:
    """Write the restored files beside the store; nothing the store reads changes yet."""
    staging = root / RESTORING
    _remove(staging)  # a leftover that never became ready: nothing of it was used
    make_private_dir(staging)
    make_private_dir(staging / cases_folder)
    for name, content in files.items():
        write_atomic(staging / name, content)
    fsync_dir(staging / cases_folder)
    fsync_dir(staging)
    write_atomic(staging / READY, json.dumps({"backup": backup, "settings": settings_name in files,
                                              "cases": cases_folder, "settings_name": settings_name}
                                             ).encode("utf-8"))


def finish(root: Path) -> str | None:
    """Finish a restore that was ready, undo one that was not; say which in Dutch (None:
    there was none). Safe to run again after being killed itself at any point."""
    staging = root / RESTORING
    if not pending(root):
        return None
    try:
        plan = json.loads((staging / READY).read_text("utf-8"))
        cases, settings = str(plan["cases"]), str(plan["settings_name"])
        backup = str(plan["backup"])
    except (OSError, ValueError, KeyError, TypeError):
        _remove(staging)
        return ("Een terugzetting was onderbroken voordat er iets veranderde. Die is ongedaan "
                "gemaakt: alles is zoals ervoor.")
    if (staging / cases).is_dir():
        if (root / cases).is_dir():
            if (staging / _OLD).is_dir():  # moved aside already; this one a start made, empty
                (root / cases).rmdir()
            else:
                os.rename(root / cases, staging / _OLD)
        os.rename(staging / cases, root / cases)
        fsync_dir(root)
    if plan.get("settings") and (staging / settings).is_file():
        os.replace(staging / settings, root / settings)
    # `restoring/` stays until the caller has brought the index in line (then `done`): a kill
    # before that is finished again by the next start, index and all.
    return f"Een onderbroken terugzetting van {backup} is afgemaakt: alles is zoals in die reservekopie."


def done(root: Path) -> None:
    """The restore is whole, index and all: away with the staging folder, and with it the old
    case files (the safety backup made before the restore holds them)."""
    _remove(root / RESTORING)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
