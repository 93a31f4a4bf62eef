"""A crash log a maintainer can use and that holds no client data.

It records where the program failed (files, line numbers, function names and the program's own
source lines) and the type of the error, never the error's message or any variable's value:
those can hold a name, a hulpvraag or a note. Written 0600 inside the private store folder."""

from __future__ import annotations

import platform
import sys
import traceback
from datetime import datetime
from pathlib import Path

from krachtoverleg import __version__
from krachtoverleg.core.store.atomic import make_private_dir, write_atomic


def _chain(error: BaseException) -> list[BaseException]:
    chain, seen = [], set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append(current)
        current = current.__cause__ or current.__context__
    return list(reversed(chain))


def _where(filename: str) -> str:
    """Paths shortened to the package or library, so no home folder (a user name) is written."""
    parts = Path(filename).parts
    for anchor in ("krachtoverleg", "site-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor):])
    return Path(filename).name


def crash_report(error: BaseException, now: datetime) -> str:
    lines = [
        f"krachtoverleg {__version__} stopte op {now.isoformat(timespec='seconds')}",
        f"Python {platform.python_version()} op {sys.platform}",
        "Alleen de plek in de code en het soort fout; geen meldingstekst en geen gegevens.",
        "",
    ]
    for link in _chain(error):
        lines.append(f"{type(link).__module__}.{type(link).__qualname__}")
        for frame in traceback.extract_tb(link.__traceback__):
            lines.append(f"  {_where(frame.filename)}:{frame.lineno} in {frame.name}")
            if frame.line and "krachtoverleg" in frame.filename:
                lines.append(f"    {frame.line.strip()}")
        lines.append("")
    return "\n".join(lines)


def write_crash_log(folder: Path, error: BaseException, now: datetime) -> Path:
    make_private_dir(folder)
    path = folder / f"crash-{now.strftime('%Y%m%d-%H%M%S')}.log"
    write_atomic(path, crash_report(error, now).encode("utf-8"))
    return path
