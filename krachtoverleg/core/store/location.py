"""Where the cases are: `--store`, then $KRACHTOVERLEG_STORE, then this computer's own folder.

A folder is a folder store; `postgresql://…` (or `postgres://…`) is a team store. Anything else
that looks like an address is refused rather than taken as a folder name, and an address with a
password in it is refused: a password on the command line ends up in the shell's history and in
the list of running programs. libpq's own ways keep it out: `.pgpass`, a service file, or
PGPASSWORD (see docs/team-store.md)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from krachtoverleg.core.errors import StoreError, ValidationError
from krachtoverleg.core.store.engine import CaseStore

TEAM_SCHEMES = ("postgresql", "postgres")
_ADDRESS = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):(//|$)")


def default_store_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("krachtoverleg", appauthor=False))


@dataclass(frozen=True)
class StoreLocation:
    folder: Path | None = None  # a folder store
    url: str | None = None  # a team store
    team: str | None = None  # on a team store: the team new cases go to (else the login's only team)

    @property
    def is_team(self) -> bool:
        return self.url is not None

    def describe(self) -> str:
        return str(self.folder) if self.folder is not None else f"de teamopslag ({self.url})"

    def open(self, *, write: bool, now: Callable[[], datetime] | None = None) -> CaseStore:
        if self.folder is not None:
            from krachtoverleg.core.store.folder_store import FolderStore

            return FolderStore.open(self.folder, write=write, now=now)
        assert self.url is not None
        try:
            from krachtoverleg.core.store.team_store import TeamStore
        except ModuleNotFoundError as error:
            if not (error.name or "").startswith("psycopg"):
                raise
            raise StoreError("Voor de teamopslag is psycopg nodig. Installeer die met: "
                             "pip install 'krachtoverleg[team]'") from None
        return TeamStore(self.url, write=write, now=now, team=self.team)


def parse_location(text: str) -> StoreLocation:
    """A folder, or a team store's address; a password in the address is refused."""
    found = _ADDRESS.match(text.strip())
    if found is None:
        return StoreLocation(folder=Path(text).expanduser())
    scheme = found.group(1).lower()
    if len(scheme) == 1:  # C:\\... or C:/... on Windows: a drive letter, so a folder
        return StoreLocation(folder=Path(text).expanduser())
    if scheme not in TEAM_SCHEMES:
        raise ValidationError(f"--store: '{scheme}://' kennen we niet. Geef een map, of een teamopslag "
                              "als postgresql://server/database.")
    url = text.strip()
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    if parts.password is not None or "password" in query:
        raise ValidationError(
            "--store: zet geen wachtwoord in het adres; het komt dan in de geschiedenis van de "
            "opdrachtregel. Zet het in je .pgpass-bestand (zie docs/team-store.md) en laat het hier weg.")
    return StoreLocation(url=url)


def location_from(option: str | None) -> StoreLocation:
    """--store wins, then $KRACHTOVERLEG_STORE, then the platform's user-data folder."""
    if option:
        return parse_location(option)
    env = os.environ.get("KRACHTOVERLEG_STORE")
    if env:
        return parse_location(env)
    return StoreLocation(folder=default_store_dir())


def store_dir_from(option: str | None) -> Path:
    """The folder of a folder store (tests and tools that only know folders)."""
    location = location_from(option)
    if location.folder is None:
        raise ValidationError("Hier is een map nodig, geen teamopslag.")
    return location.folder
