"""Half-filled forms kept when the program stops (Ctrl+Q, a closed terminal, logging out, a
crash), so the typing comes back the next time the same form is opened.

One small file per case, `drafts/<case id>.json` (forms outside a case, such as a new case, in
`drafts/nieuw.json`): erasing a client removes theirs. A draft is kept until its form is saved
or cancelled, or for `KEEP_DAYS`; a damaged drafts file is skipped and named by `check`, never
overwritten by a reader."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from krachtoverleg.core.store.atomic import make_private_dir, write_atomic
from krachtoverleg.core.store.safe_read import read_json
from krachtoverleg.core.store.storage import encode

DRAFTS = "drafts"
NO_CASE = "nieuw"  # forms that belong to no case yet
KEEP_DAYS = 30
_OWNER = re.compile(rf"^(?:[a-z0-9]{{8,64}}|{NO_CASE})$")
_LIMIT = 200_000  # characters per value: a draft is typing, not a file


@dataclass(frozen=True)
class Draft:
    key: str  # which form: its title and what it was opened with (see tui/dialogs/form.py)
    title: str
    values: dict[str, Any]  # field name -> text, a choice (str) or a tick (bool)
    labels: dict[str, str]  # field name -> the label the user saw
    kept: datetime
    hidden: frozenset[str] = frozenset()  # fields typed hidden (a name in privacy mode)

    def to_json(self) -> dict[str, Any]:
        return {"title": self.title, "values": self.values, "labels": self.labels,
                "kept": self.kept.isoformat(), "hidden": sorted(self.hidden)}

    @classmethod
    def from_json(cls, key: str, data: Any) -> Draft | None:
        """None for anything that is not a draft this program wrote (skipped, not repaired)."""
        if not isinstance(data, dict):
            return None
        title, values, labels = data.get("title"), data.get("values"), data.get("labels")
        if not (isinstance(title, str) and isinstance(values, dict) and isinstance(labels, dict)):
            return None
        plain = {name: value for name, value in values.items()
                 if isinstance(name, str) and (isinstance(value, bool)
                                               or (isinstance(value, str) and len(value) <= _LIMIT))}
        try:
            kept = datetime.fromisoformat(str(data.get("kept")))
        except ValueError:
            return None
        hidden = data.get("hidden")
        hidden_names = frozenset(str(n) for n in hidden) if isinstance(hidden, list) else frozenset()
        return cls(key, title, plain, {str(k): str(v) for k, v in labels.items()}, kept, hidden_names)

    def typed(self) -> list[tuple[str, str]]:
        """What was typed and may be shown, as (label, text), to say what is waiting."""
        return [(self.labels.get(name, name), value) for name, value in self.values.items()
                if isinstance(value, str) and value.strip() and name not in self.hidden]


def owner_of(case_id: str | None) -> str:
    return case_id or NO_CASE


class DraftBox:
    """Reads anywhere; `keep` and `drop` are for the window that writes (the caller checks)."""

    def __init__(self, root: Path) -> None:
        self.folder = root / DRAFTS

    def _path(self, owner: str) -> Path | None:
        return self.folder / f"{owner}.json" if _OWNER.match(owner) else None

    def read(self, owner: str) -> dict[str, Draft]:
        path = self._path(owner)
        if path is None or not path.is_file():
            return {}
        try:
            raw = read_json(path)
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return {}
        if not isinstance(raw, dict) or not isinstance(raw.get("drafts"), dict):
            return {}
        found = {key: Draft.from_json(key, item) for key, item in raw["drafts"].items()}
        return {key: draft for key, draft in found.items() if draft is not None}

    def keep(self, owner: str, draft: Draft) -> None:
        """Raises OSError when the disk refuses; the caller decides what that means."""
        path = self._path(owner)
        if path is None:
            return
        drafts = self.read(owner) | {draft.key: draft}
        self._write(path, drafts)

    def drop(self, owner: str, key: str) -> None:
        path = self._path(owner)
        drafts = self.read(owner)
        if path is None or key not in drafts:
            return
        del drafts[key]
        self._write(path, drafts)

    def erase(self, owner: str) -> None:
        path = self._path(owner)
        if path is not None:
            path.unlink(missing_ok=True)

    def forget_older_than(self, now: datetime) -> None:
        """Drafts nobody came back for in KEEP_DAYS go, so client text does not linger."""
        if not self.folder.is_dir():
            return
        cutoff = now - timedelta(days=KEEP_DAYS)
        for path in self.folder.glob("*.json"):
            drafts = self.read(path.stem)
            fresh = {key: d for key, d in drafts.items() if _comparable(d.kept, now) >= cutoff}
            if len(fresh) != len(drafts):
                with contextlib.suppress(OSError):  # tidying: it is tried again next time
                    self._write(path, fresh)

    def _write(self, path: Path, drafts: dict[str, Draft]) -> None:
        if not drafts:
            path.unlink(missing_ok=True)
            return
        make_private_dir(self.folder)
        write_atomic(path, encode({"drafts": {key: d.to_json() for key, d in drafts.items()}}))


def _comparable(moment: datetime, now: datetime) -> datetime:
    """A draft kept with a clock without a time zone still compares with one that has one."""
    if (moment.tzinfo is None) != (now.tzinfo is None):
        return moment.replace(tzinfo=now.tzinfo)
    return moment
