"""Crash-safe file writing: a file is either its old or its new content, never half of each.

Write a temp file in the same folder (0600 from its first byte), fsync it, `os.replace` it over
the target, then fsync the folder so the rename itself survives a power cut."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Callable, Iterable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
FILE_MODE = 0o600
DIR_MODE = 0o700


def write_atomic(path: Path, data: bytes) -> None:
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # the umask can only narrow the mode; this states it exactly
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        temp.unlink(missing_ok=True)
        raise
    os.close(fd)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def make_private_dir(folder: Path) -> None:
    """Create the folder 0700; an existing folder is left to tighten_permissions, which reports."""
    if not folder.exists():
        # exist_ok: two commands started together on a new store both create it; both are fine.
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.chmod(folder, DIR_MODE)


def leftover_temp_files(folder: Path) -> list[Path]:
    """Temp files a killed writer left behind in this folder."""
    return sorted(folder.glob(f".*{TEMP_SUFFIX}")) if folder.is_dir() else []


def remove_temp_files(folder: Path) -> int:
    """Remove temp files a killed writer left behind. Only the lock holder may call this."""
    removed = 0
    if not folder.is_dir():
        return 0
    for temp in leftover_temp_files(folder):
        temp.unlink(missing_ok=True)
        removed += 1
    return removed


def linked_store_folders(folder: Path, names: Iterable[str]) -> list[str]:
    """The store's own folders (`names`) that are links to a folder elsewhere (`cases/` kept on
    another disk): what they hold is client data all the same. Any other link is not followed."""
    return [os.path.join(folder, name) for name in names
            if os.path.islink(os.path.join(folder, name)) and os.path.isdir(os.path.join(folder, name))]


def store_tree(folder: Path, own: Iterable[str]) -> list[Path]:
    """The folder and everything in it, and what lies behind a store folder that is a link
    (`own`: the store's folder names). Another link is listed itself, never followed."""
    found: list[Path] = []
    for start in [str(folder), *linked_store_folders(folder, own)]:
        for top, _dirs, files in os.walk(start):
            found.append(Path(top))
            found += [Path(top) / name for name in files]
    return found


def tighten_permissions(folder: Path, own: Iterable[str],
                        leave: Callable[[str, str], bool] | None = None) -> list[Path]:
    """Make the folder tree 0700 and its files 0600; return what was wider. One stat per file,
    on plain strings: at every start, and a store may hold thousands. `leave(folder, name)`:
    files that another look at them makes private (the case files, which the folder store's
    open looks at anyway: 5,000 stats, 40 ms, not taken twice).

    A store folder that is a link (`cases/` kept on another disk, `own` names them) is followed:
    what it holds is client data all the same. Nothing else behind a link is changed, and only
    folders and regular files are: a link to /dev/null, to a system file or into another folder is named by
    `check`, never made private (which, as root, would break the system)."""
    fixed: list[Path] = []
    linked = linked_store_folders(folder, own)
    for start in [str(folder), *linked]:
        for top, _dirs, files in os.walk(start):  # never into a link below the store's own folders
            names = [name for name in files if not leave(top, name)] if leave else files
            for path in [top, *(os.path.join(top, name) for name in names)]:
                try:
                    mode = os.stat(path).st_mode if path == start else os.lstat(path).st_mode
                except OSError:
                    continue  # gone meanwhile
                if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                    continue  # a link, a pipe, a device: not ours to change
                wanted = DIR_MODE if stat.S_ISDIR(mode) else FILE_MODE
                if mode & 0o777 & ~wanted:
                    try:
                        os.chmod(path, wanted)
                    except OSError:
                        continue  # not ours to change (another owner): `check` keeps naming it
                    fixed.append(Path(path))
    return fixed
