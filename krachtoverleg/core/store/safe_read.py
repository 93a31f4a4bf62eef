"""Reading a file the program did not necessarily write: only a regular file, only up to a
size cap, and never a wait. A named pipe in a case file's place would block a read for ever, a
link to /dev/zero would never end, and a folder or a link loop fails on its own; each is refused
as an OSError with a Dutch reason, so every reader names it and skips it like other damage."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

CASE_FILE_BYTES = 50_000_000  # the largest real case is far below this (as an import, too)
SMALL_FILE_BYTES = 5_000_000  # settings, presence, drafts, index shards

# Opening a named pipe without O_NONBLOCK waits for a writer that never comes; with it, the
# open returns at once and fstat shows what it is. Windows has no such flag (and no pipes here).
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


class NotARegularFile(OSError):
    """Something else in a file's place: refused before a byte is read."""


def read_capped(path: Path | str, limit: int = CASE_FILE_BYTES) -> bytes:
    """The bytes of a regular file, refused (as OSError) when it is anything else or too large."""
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileNotFoundError(errno.ENOENT, "de link wijst naar een bestand dat er niet is") from None
        raise FileNotFoundError(errno.ENOENT, "het bestand bestaat niet") from None
    except PermissionError:
        raise PermissionError(errno.EACCES, "geen toegang") from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotARegularFile(errno.ELOOP, "een link die eindeloos naar zichzelf verwijst") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(errno.EINVAL, f"dit is geen gewoon bestand ({_kind(info.st_mode)})")
        if info.st_size > limit:
            raise _too_large(limit)
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # it grew while being read
                raise _too_large(limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """Without following a link and without opening: for listings (backups, case files)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def parse_json(text: str | bytes) -> Any:
    """json.loads, with the ways a damaged file crashes it later (nesting tens of thousands
    deep, a number of thousands of digits, half of a surrogate pair that no file can be written
    with again) turned into the ValueError every reader already expects."""
    try:
        found = json.loads(text)
    except RecursionError:
        raise ValueError("te diep genest") from None
    escaped = "\\u" in text if isinstance(text, str) else b"\\u" in text
    if escaped and not writable_text(found):
        raise ValueError("bevat een teken dat niet bestaat (een halve surrogate)")
    return found


def writable_text(value: Any) -> bool:
    """Can this be written as UTF-8? A lone surrogate (JSON's "\\ud800") cannot: every later
    save or export of it would fail."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except (UnicodeEncodeError, RecursionError, ValueError):
        return False
    return True


DEPTH = 32  # a case document is about 9 deep; far deeper breaks copying and exporting it


def shallow(value: object, limit: int = DEPTH) -> bool:
    """No deeper than `limit` (counted without recursion, so any depth can be asked about)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return False
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values())
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
    return True


def read_json(path: Path | str, limit: int = SMALL_FILE_BYTES) -> Any:
    """A small JSON file: OSError when it cannot be read as a file, ValueError when damaged."""
    return parse_json(read_capped(path, limit))


def _too_large(limit: int) -> NotARegularFile:
    return NotARegularFile(errno.EFBIG, f"het bestand is te groot (meer dan {limit // 1_000_000} MB)")


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat"
    if stat.S_ISSOCK(mode):
        return "een socket"
    return "onbekend soort bestand"
