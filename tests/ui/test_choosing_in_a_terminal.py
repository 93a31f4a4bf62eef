"""A filter chosen fast in a real terminal, beside two busy loops: Enter opens the list and the
search is typed straight after it, with a correction in the middle, then Enter takes the match.
Found by a fresh-eyes run: the letters right after Enter were lost (the list opened with an
empty search), a Backspace typed fast was applied after the letter that followed it ("abc",
Backspace, "x" gave "abc"), and "f Tab Tab Enter" opened the wrong filter.

Observed the way the chair would notice: with the case K-002 chosen, g marks K-002's action."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Action
from krachtoverleg.core.store.folder_store import FolderStore
from tests.ui.terminal import (
    BACKSPACE,
    CTRL_Q,
    ENTER,
    EXIT_TIMEOUT,
    STAGE_TIMEOUT,
    START_TIMEOUT,
    TAB,
    TerminalChild,
    busy_loops,
)


def _done(root: Path) -> dict[str, set[str]]:
    with FolderStore.open(root, write=False) as reader:
        return {summary.code: {a.id for a in reader.load(summary.id).all(Action) if a.status.value == "done"}
                for summary in reader.cases()}


def test_a_case_chosen_by_typing_fast_is_the_case_typed(tmp_path):
    root = tmp_path / "store"
    with FolderStore.open(root, write=True) as store:
        add_demo(store, date.today())
        add_demo(store, date.today())  # K-002, the same household again
    before = _done(root)
    with busy_loops(2):
        child = TerminalChild([sys.executable, "-m", "krachtoverleg", "--store", str(root)])
        try:
            child.wait_for_text("K-002", START_TIMEOUT)  # the case list
            mark = child.position
            child.send(b"a")
            child.wait_for_text("Alleen te laat", STAGE_TIMEOUT, since=mark)
            time.sleep(0.5)
            # one burst, as a fast typist: to the filters (the owner), Tab to the status, Tab to
            # the case, open its list, the search with a correction in it, and take the match
            child.send(b"f" + TAB + TAB + ENTER + b"K-001" + BACKSPACE + b"2" + ENTER)
            time.sleep(1.5)
            child.send(TAB)  # from the filters to the list (Tab, like Shift+Tab, moves on)
            time.sleep(0.5)
            child.send(b"\x1b")  # Escape: out of the filters, onto the list
            time.sleep(0.5)
            mark = child.position
            child.send(b"g")
            child.wait_for_text("Wat is er gedaan?", STAGE_TIMEOUT, since=mark)
            child.send(ENTER)
            deadline = time.monotonic() + STAGE_TIMEOUT
            while _done(root) == before and time.monotonic() < deadline:
                time.sleep(0.1)
            child.send(CTRL_Q)
            assert child.wait(EXIT_TIMEOUT) == 0
        finally:
            child.kill()
    after = _done(root)
    assert after["K-001"] == before["K-001"], "an action of K-001 was marked: the typed K-002 was not chosen"
    assert len(after["K-002"] - before["K-002"]) == 1
