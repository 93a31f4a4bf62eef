"""Closing the terminal while a large case loads or draws (issue 10, finding 5): the app must
stop and free the store, not hang on writing to a terminal that is gone while holding the lock.

The app runs as its own process in a pseudo-terminal; closing the terminal is closing the
pty's master side, after which the kernel sends SIGHUP and every write to the terminal fails."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.errors import StoreBusy
from krachtoverleg.core.models import Strength
from krachtoverleg.core.store.folder_store import FolderStore
from tests.ui.test_typing_in_a_terminal import START_TIMEOUT, TerminalChild

STOP_TIMEOUT = 30.0


def add_large_case(root: Path, strengths: int) -> str:
    """The demo case with many long strengths, written as one file (saving them one by one
    through the store would take minutes)."""
    with FolderStore.open(root, write=True) as store:
        case = add_demo(store, date.today())
        path = root / "cases" / f"{case.id}.json"
        raw = json.loads(path.read_text("utf-8"))
        table = raw["strengths"]
        first = len(table) + 1
        kinds = ("ik_ben", "ik_kan", "ik_heb", "ik_wil")
        for n in range(strengths):
            table[str(first + n)] = Strength(kinds[n % 4], f"kracht {n:06d} " + "x" * 250).to_dict()
        path.write_text(json.dumps(raw), "utf-8")
    return case.code


def lock_is_free(root: Path) -> bool:
    try:
        FolderStore.open(root, write=True).close()
    except StoreBusy:
        return False
    return True


@pytest.fixture(scope="module")
def large_store(tmp_path_factory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("large") / "store"
    code = add_large_case(root, strengths=60_000)  # a case file of about 25 MB
    assert sum(p.stat().st_size for p in (root / "cases").iterdir()) > 20e6
    return root, code


@pytest.mark.parametrize("after", [0.5, 2.0, 4.0], ids=["loading", "drawing", "shown"])
def test_closing_the_terminal_during_a_large_case_stops_the_app_and_frees_the_store(
        tmp_path, large_store, after):
    root = tmp_path / "store"
    shutil.copytree(large_store[0], root)
    code = large_store[1]
    child = TerminalChild([sys.executable, "-m", "krachtoverleg", "--store", str(root), "meeting", code])
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while child.position == 0 and time.monotonic() < deadline:
            time.sleep(0.05)  # started: Python and Textual are loaded, the app is running
        time.sleep(after)
        with contextlib.suppress(OSError):
            os.close(child.fd)  # the terminal window is closed
        code_at_end = child.wait(STOP_TIMEOUT)
        assert code_at_end is not None, "the app still runs after its terminal was closed"
        assert lock_is_free(root)
    finally:
        child.kill()
