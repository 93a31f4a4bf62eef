"""Per-store settings that must survive a restart, such as the privacy mode."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from krachtoverleg.core.store.atomic import write_atomic


@dataclass
class Settings:
    privacy: bool = True  # on by default: the screen is shared

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = json.loads(path.read_text("utf-8"))
        except (FileNotFoundError, ValueError, UnicodeDecodeError):
            return cls()  # a missing or damaged settings file falls back to the safe defaults
        privacy = data.get("privacy", True) if isinstance(data, dict) else True
        return cls(privacy=privacy is not False)

    def save(self, path: Path) -> None:
        write_atomic(path, json.dumps(asdict(self)).encode())
