"""A fast minute-taker in a real terminal: the real app runs as its own process in a
pseudo-terminal, strengths are typed into the Krachten capture line one key at a time with a
fixed delay, Enter and straight on to the next line. Every line must be stored exactly once,
with its text and its kind, in the order typed, and nothing else may appear.

Unlike the Pilot tests this goes through everything a user's keys go through: the terminal,
Textual's input driver and parser, the app's message queue, the saves and the redraws."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Strength
from krachtoverleg.core.store.folder_store import FolderStore
from tests.ui.terminal import (
    CTRL_Q,
    ENTER,
    EXIT_TIMEOUT,
    PAGE_DOWN,
    SETTLE_TIMEOUT,
    STAGE_TIMEOUT,
    START_TIMEOUT,
    TerminalChild,
)

KINDS = ("ik ben", "ik kan", "ik heb", "ik wil")


def typed_lines(count: int) -> list[tuple[str, str]]:
    """(kind label, text) for each line; the line typed is f"{kind} {text}"."""
    return [(KINDS[n % len(KINDS)], f"regel {n + 1:03d} tekst") for n in range(count)]


def regel_strengths(root: Path, case_id: str) -> list[tuple[str, str]] | None:
    """The typed strengths saved so far, read as a second window reads; None if the case
    could not be read at this moment."""
    try:
        with FolderStore.open(root, write=False) as reader:
            data = reader.load(case_id)
    except Exception:  # noqa: BLE001  - a reader racing the writer simply tries again
        return None
    return [(s.kind.label, s.text) for s in data.all(Strength) if "regel" in s.text]


def differences(expected: list[tuple[str, str]], actual: list[tuple[str, str]], show: int = 8) -> str:
    lines = [f"typed {len(expected)} lines, stored {len(actual)} new strengths"]
    wrong = [n for n in range(max(len(expected), len(actual)))
             if n >= len(expected) or n >= len(actual) or expected[n] != actual[n]]
    if wrong:
        lines.append(f"{len(wrong)} positions differ; the first ones:")
    for n in wrong[:show]:
        want = " ".join(expected[n]) if n < len(expected) else "(nothing)"
        got = " ".join(actual[n]) if n < len(actual) else "(nothing)"
        lines.append(f"  #{n + 1}: typed {want!r}, stored {got!r}")
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    doubles = sorted({line for line in actual if actual.count(line) > 1})
    for label, found in (("missing", missing), ("not typed", extra), ("stored twice", doubles)):
        if found:
            lines.append(f"  {label} ({len(found)}): " + ", ".join(repr(" ".join(f)) for f in found[:show]))
    return "\n".join(lines)


def type_strengths_in_a_terminal(root: Path, count: int, key_delay: float) -> None:
    with FolderStore.open(root, write=True) as store:
        case = add_demo(store, date.today())
    with FolderStore.open(root, write=False) as reader:
        demo_strengths = [(s.id, s.kind.label, s.text) for s in reader.load(case.id).all(Strength)]
    expected = typed_lines(count)

    child = TerminalChild([sys.executable, "-m", "krachtoverleg", "--store", str(root), "meeting", case.code])
    try:
        child.wait_for_text("Verder", START_TIMEOUT)  # the footer of the meeting: the app is up
        mark = child.position
        child.send(PAGE_DOWN)
        time.sleep(0.3)
        child.send(PAGE_DOWN)
        child.wait_for_text("(Enter = opslaan)", STAGE_TIMEOUT, since=mark)  # Krachten's capture line
        time.sleep(0.5)

        for kind, text in expected:
            for character in f"{kind} {text}":
                child.send(character.encode())
                time.sleep(key_delay)
            child.send(ENTER)  # and straight on with the next line, like a fast minute-taker
            time.sleep(key_delay)
            assert child.poll() is None, f"the app stopped while typing:\n{child.screen_text()[-2000:]}"

        # Wait until every line is saved, or until nothing has changed for a while.
        deadline = time.monotonic() + SETTLE_TIMEOUT
        last, changed = None, time.monotonic()
        while time.monotonic() < deadline:
            now = regel_strengths(root, case.id)
            if now is not None and now != last:
                last, changed = now, time.monotonic()
            if last is not None and len(last) >= count:
                break
            if time.monotonic() - changed > 10:
                break
            time.sleep(0.25)
        time.sleep(1.0)

        child.send(CTRL_Q)
        code = child.wait(EXIT_TIMEOUT)
        assert code is not None, f"the app did not stop within {EXIT_TIMEOUT:.0f} s after Ctrl+Q"
        assert code == 0, f"the app ended with code {code}:\n{child.screen_text()[-2000:]}"
    finally:
        child.kill()

    with FolderStore.open(root, write=False) as reader:
        after = reader.load(case.id).all(Strength)
    demo_ids = {sid for sid, _, _ in demo_strengths}
    kept = [(s.id, s.kind.label, s.text) for s in after if s.id in demo_ids]
    assert kept == demo_strengths, "the strengths that were there before typing changed"
    new = [(s.kind.label, s.text) for s in after if s.id not in demo_ids]
    assert new == expected, differences(expected, new)


def test_forty_lines_typed_fast_in_a_terminal_are_all_stored_in_order(tmp_path):
    type_strengths_in_a_terminal(tmp_path / "store", count=40, key_delay=0.020)


@pytest.mark.slow
def test_three_hundred_lines_at_30_ms_per_key_lose_or_scramble_nothing(tmp_path):
    type_strengths_in_a_terminal(tmp_path / "store", count=300, key_delay=0.030)
