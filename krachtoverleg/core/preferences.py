"""How this computer shows krachtoverleg: light for the projector or dark for the laptop.

A choice of the person at this computer, not of the team's data: it lives in the user's
configuration folder (platformdirs), never in the store. It holds no client information."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_dir

from krachtoverleg.core.store.atomic import make_private_dir, write_atomic
from krachtoverleg.core.store.safe_read import read_json

PROJECTOR = "projector"  # light and high-contrast: what a beamer shows well
LAPTOP = "laptop"  # dark: easy on the eyes on the chair's own screen
THEMES = (PROJECTOR, LAPTOP)
FILE_NAME = "scherm.json"


def default_path() -> Path:
    folder = os.environ.get("KRACHTOVERLEG_CONFIG")
    base = Path(folder).expanduser() if folder else Path(user_config_dir("krachtoverleg"))
    return base / FILE_NAME


@dataclass
class Preferences:
    path: Path | None  # None: nothing is remembered (tests, the throw-away demo)
    theme: str = PROJECTOR

    @classmethod
    def load(cls, path: Path | None) -> Preferences:
        if path is None:
            return cls(None)
        try:
            data = read_json(path)
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return cls(path)  # missing or damaged: the projector look, the safe default for the room
        theme = data.get("theme") if isinstance(data, dict) else None
        return cls(path, theme if theme in THEMES else PROJECTOR)

    def choose_theme(self, theme: str) -> bool:
        """Remember the choice; False when it could not be written (it still applies now)."""
        self.theme = theme
        if self.path is None:
            return True
        with contextlib.suppress(OSError):
            make_private_dir(self.path.parent)
            write_atomic(self.path, json.dumps({"theme": theme}).encode("utf-8"))
            return True
        return False
