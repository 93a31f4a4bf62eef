from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from krachtoverleg.core.clock import FixedClock
from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Case
from krachtoverleg.core.store.case_store import Store

MOMENT = datetime(2026, 11, 23, 10, 0)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(MOMENT)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_dir: Path):
    with Store.open(store_dir, write=True) as opened:
        yield opened


@pytest.fixture
def demo(store: Store, clock: FixedClock) -> Case:
    return add_demo(store, clock.today())
