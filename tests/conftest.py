from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from krachtoverleg.core.clock import FixedClock
from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Case
from krachtoverleg.core.store.folder_store import FolderStore

MOMENT = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MOMENT)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path):
    with FolderStore.open(store_dir, write=True) as opened:
        yield opened


@pytest.fixture
def demo(store: FolderStore, clock: FixedClock) -> Case:
    return add_demo(store, clock.today())


# -- the team store: a real PostgreSQL server, started once per test session (tests/postgres.py)


@pytest.fixture(scope="session")
def pg_server():
    from tests.postgres import running_server, skip_or_fail, unavailable

    reason = unavailable()
    if reason:
        skip_or_fail(reason)
    with running_server() as server:
        yield server


@pytest.fixture
def team_url(pg_server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """login -> the address of a fresh team store (teams Noord: ans, bert; Zuid: zara). Each
    test's laptop folder (drafts, crash logs) is its own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "laptop"))
    database = pg_server.new_database()
    return lambda login="ans": pg_server.url(login, database)


@pytest.fixture(params=["folder", "team"])
def location(request: pytest.FixtureRequest, tmp_path: Path):
    """Where a store contract test runs: the same test on both engines."""
    from krachtoverleg.core.store.location import StoreLocation

    if request.param == "folder":
        return StoreLocation(folder=tmp_path / "store")
    return StoreLocation(url=request.getfixturevalue("team_url")("ans"))
