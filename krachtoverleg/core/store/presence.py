"""Where the chair is, for the presenter mirror: the chair's window writes it, the mirror on the
projector reads it and follows. It holds ids and the stage only, never a name or any text from
the case, so the file itself shows nothing. Written whole (atomic), readable by the user only;
a missing or damaged file reads as 'nothing to follow' and the mirror waits."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from krachtoverleg.core.store.atomic import write_atomic
from krachtoverleg.core.store.safe_read import SMALL_FILE_BYTES, read_capped, read_json

FILE = "presenter.json"


@dataclass(frozen=True)
class Presence:
    case_id: str | None = None  # None: the chair is not in a meeting (case list, overview)
    meeting_id: str | None = None
    stage: str | None = None
    focus: str | None = None  # the id of the list the chair is in
    selected: str | None = None  # the row (record id) the chair has chosen there
    blanked: bool = False
    family_since: str | None = None  # ISO time the family's own time started; None: not now
    entered: str | None = None  # ISO time the chair entered this stage: both clocks say the same
    alive: str | None = None  # ISO time the chair's window last said it is there (a heartbeat)


HEARTBEAT_SECONDS = 5  # how often the chair's window says it is still there
GONE_SECONDS = 15  # a heartbeat older than this: the chair's window was killed or hung up


def chair_is_gone(presence: Presence | None, now: datetime) -> bool:
    """No chair to follow: nothing written, or the last heartbeat is too old (the window was
    closed, killed, or its terminal hung up). The mirror then shows its waiting screen."""
    if presence is None or presence.alive is None:
        return presence is None
    try:
        return (now - datetime.fromisoformat(presence.alive)).total_seconds() > GONE_SECONDS
    except (ValueError, TypeError):  # not a time, or one with a zone against one without
        return True


def write_presence(root: Path, presence: Presence) -> None:
    write_atomic(root / FILE, json.dumps(asdict(presence), sort_keys=True).encode("utf-8"))


def forget_case(root: Path, case_id: str) -> None:
    """Erasing a client: a presence that names the case (or cannot be read to tell) is written
    blank, so no file the app writes keeps the id. The mirror then waits."""
    path = root / FILE
    try:
        held = read_capped(path, SMALL_FILE_BYTES)
    except FileNotFoundError:
        return
    except OSError:
        held = case_id.encode()  # something else in its place: replaced by a blank presence
    if case_id.encode("ascii", "ignore") in held:
        write_presence(root, Presence())


def read_presence(root: Path) -> Presence | None:
    try:
        raw = read_json(root / FILE)
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return presence_from(raw)


def presence_from(raw: object) -> Presence | None:
    """Only what a presence holds, each as text; anything else reads as nothing to follow."""
    if not isinstance(raw, dict):
        return None
    text = {name: raw.get(name) if isinstance(raw.get(name), str) else None
            for name in ("case_id", "meeting_id", "stage", "focus", "selected", "family_since", "entered",
                         "alive")}
    return Presence(**text, blanked=raw.get("blanked") is True)


def family_seconds(presence: Presence, now: datetime) -> int:
    if presence.family_since is None:
        return 0
    try:
        return max(0, int((now - datetime.fromisoformat(presence.family_since)).total_seconds()))
    except ValueError:
        return 0
