"""Corrections typed fast on a busy laptop land where they were typed: in a real terminal, with
two busy loops beside the app, a new action's title is typed with Backspace and Ctrl+U in the
middle and no pause between keys. The stored title must be exactly what the keys spell.

Before the fix, Backspace and Ctrl+U were handled only once the key had travelled up to the app,
while the letters after them went straight into the field: "kasten", Backspace, "n opruimen"
gave "kastenn opruime" (2 of 30 tries at 80x24)."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Action, Meeting
from krachtoverleg.core.store.folder_store import FolderStore
from tests.ui.terminal import (
    BACKSPACE,
    CTRL_Q,
    CTRL_U,
    CTRL_W,
    END,
    ENTER,
    EXIT_TIMEOUT,
    HOME,
    PAGE_DOWN,
    STAGE_TIMEOUT,
    START_TIMEOUT,
    TAB,
    TerminalChild,
    busy_loops,
)

# (the keys typed into "Wat gaan we doen?", what the field must then hold)
CORRECTIONS: list[tuple[list[bytes], str]] = [
    ([b"kasten", BACKSPACE, b"n opruimen"], "kasten opruimen"),
    ([b"foute tekst", CTRL_U, b"lasten doorlopen"], "lasten doorlopen"),
    ([b"bellen met de zus", CTRL_W, b"buurvrouw"], "bellen met de buurvrouw"),
    ([b"rekening", HOME, b"de ", END, b" betalen"], "de rekening betalen"),
    ([b"abcd", BACKSPACE, BACKSPACE, b"x", CTRL_U, b"post openen", BACKSPACE, b"n"], "post openen"),
]


def _type(child: TerminalChild, keys: list[bytes]) -> None:
    """One byte sequence per key, with no pause: a key held or typed by a fast minute-taker."""
    for part in keys:
        if part.startswith(b"\x1b") or len(part) == 1:
            child.send(part)
        else:
            for character in part:
                child.send(bytes([character]))


def _titles(root: Path, case_id: str) -> list[str]:
    with FolderStore.open(root, write=False) as reader:
        return [a.what for a in reader.load(case_id).all(Action)]


def _plan_b(root: Path, case_id: str) -> str:
    with FolderStore.open(root, write=False) as reader:
        data = reader.load(case_id)
    return max(data.all(Meeting), key=lambda m: m.number).plan_b


def type_corrections(root: Path, rounds: int, columns: int = 80, rows: int = 24) -> list[tuple[str, str]]:
    """Type every correction `rounds` times as a new action each; return (expected, stored)."""
    with FolderStore.open(root, write=True) as store:
        case = add_demo(store, date.today())
    before = _titles(root, case.id)
    child = TerminalChild([sys.executable, "-m", "krachtoverleg", "--store", str(root), "meeting", case.code],
                          columns=columns, rows=rows)
    expected: list[str] = []
    try:
        child.wait_for_text("Verder", START_TIMEOUT)
        mark = child.position
        for _ in range(8):  # Opening to 9 Acties
            child.send(PAGE_DOWN)
            time.sleep(0.2)
        child.wait_for_text("Besluiten", STAGE_TIMEOUT, since=mark)
        time.sleep(0.5)
        for n in range(rounds):
            keys, result = CORRECTIONS[n % len(CORRECTIONS)]
            mark = child.position
            child.send(b"a")
            child.wait_for_text("Wat gaan we doen?", STAGE_TIMEOUT, since=mark)
            _type(child, keys)
            # the owner: the client (a pick list chooses by its first letter), then Enter in the date
            _type(child, [TAB, b"c", TAB, ENTER])
            expected.append(result)
            deadline = time.monotonic() + STAGE_TIMEOUT
            while len(_titles(root, case.id)) < len(before) + len(expected):
                assert child.poll() is None, f"the app stopped:\n{child.screen_text()[-2000:]}"
                assert time.monotonic() < deadline, f"round {n + 1} not saved:\n{child.screen_text()[-1500:]}"
                time.sleep(0.1)
        # plan B is a long field (a TextArea): the same corrections, in order there too
        mark = child.position
        child.send(b"p")
        child.wait_for_text("Wat doen we als het anders loopt?", STAGE_TIMEOUT, since=mark)
        _type(child, [b"de zus belt", BACKSPACE, b"t", CTRL_U, b"de buurvrouw helpt", CTRL_W, b"belt", ENTER])
        deadline = time.monotonic() + STAGE_TIMEOUT
        while _plan_b(root, case.id) != "de buurvrouw belt" and time.monotonic() < deadline:
            time.sleep(0.1)
        child.send(CTRL_Q)
        assert child.wait(EXIT_TIMEOUT) == 0
    finally:
        child.kill()
    stored = _titles(root, case.id)[len(before):]
    return [*zip(expected, stored, strict=True), ("de buurvrouw belt", _plan_b(root, case.id))]


def test_corrections_typed_fast_beside_busy_loops_land_in_order(tmp_path):
    with busy_loops(2):
        pairs = type_corrections(tmp_path / "store", rounds=10)
    wrong = [(want, got) for want, got in pairs if want != got]
    assert not wrong, f"{len(wrong)} of {len(pairs)} titles scrambled: {wrong}"


@pytest.mark.slow
def test_sixty_corrections_beside_busy_loops_never_scramble(tmp_path):
    with busy_loops(2):
        pairs = type_corrections(tmp_path / "store", rounds=60)
    wrong = [(want, got) for want, got in pairs if want != got]
    assert not wrong, f"{len(wrong)} of {len(pairs)} titles scrambled: {wrong}"
