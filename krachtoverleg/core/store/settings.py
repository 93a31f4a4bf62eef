"""Per-store settings, read from settings.json. The app writes none of them while it runs.

Names are never shown at start by a choice made with a key: a chair who pressed the key to show
names yesterday must not open today's meeting with names on the projector. A team that truly
wants names at start writes `{"names_at_start": true}` in the store's settings.json by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from krachtoverleg.core.store.safe_read import read_json


@dataclass
class Settings:
    names_at_start: bool = False  # the screen is shared: names hidden unless the team decided otherwise

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = read_json(path)
        except (OSError, ValueError, UnicodeDecodeError):
            return cls()  # a missing or damaged settings file falls back to the safe defaults
        wanted = data.get("names_at_start") if isinstance(data, dict) else None
        return cls(names_at_start=wanted is True)  # only a plain true shows names at start
