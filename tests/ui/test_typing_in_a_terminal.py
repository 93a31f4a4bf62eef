"""A fast minute-taker in a real terminal: the real app runs as its own process in a
pseudo-terminal, strengths are typed into the Krachten capture line one key at a time with a
fixed delay, Enter and straight on to the next line. Every line must be stored exactly once,
with its text and its kind, in the order typed, and nothing else may appear.

Unlike the Pilot tests this goes through everything a user's keys go through: the terminal,
Textual's input driver and parser, the app's message queue, the saves and the redraws."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import signal
import struct
import sys
import termios
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Strength
from krachtoverleg.core.store.case_store import Store

COLUMNS, ROWS = 120, 36
KINDS = ("ik ben", "ik kan", "ik heb", "ik wil")
PAGE_DOWN, ENTER, CTRL_Q = b"\x1b[6~", b"\r", b"\x11"
START_TIMEOUT = 60.0  # a loaded CI machine can be slow to import Textual and draw the first screen
STAGE_TIMEOUT = 30.0
SETTLE_TIMEOUT = 120.0  # after the last key, until every line is saved (or nothing changes any more)
EXIT_TIMEOUT = 30.0

_ESCAPES = re.compile(  # CSI, OSC, charset and keypad sequences
    rb"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def typed_lines(count: int) -> list[tuple[str, str]]:
    """(kind label, text) for each line; the line typed is f"{kind} {text}"."""
    return [(KINDS[n % len(KINDS)], f"regel {n + 1:03d} tekst") for n in range(count)]


class TerminalChild:
    """The app in a pseudo-terminal, with its output read continuously so its writes never block."""

    def __init__(self, argv: list[str]) -> None:
        env = {key: value for key, value in os.environ.items()
               if key not in ("COLUMNS", "LINES") and not key.startswith("TEXTUAL")}
        env["TERM"] = "xterm-256color"
        self._output = bytearray()
        self._lock = threading.Lock()
        pid, fd = pty.fork()
        if pid == 0:  # the child: its own session, the pty's slave as its controlling terminal
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)  # only reached when exec failed: never run pytest on in the child
        self.pid, self.fd = pid, fd
        self.exit_code: int | None = None
        self._reader = threading.Thread(target=self._read, name="pty-reader", daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # EIO once the child has gone and the slave is closed
                return
            if not data:
                return
            with self._lock:
                self._output.extend(data)

    @property
    def position(self) -> int:
        with self._lock:
            return len(self._output)

    def screen_text(self, since: int = 0) -> str:
        """What the child wrote since `since`, without escape sequences (layout is lost, words are not)."""
        with self._lock:
            raw = bytes(self._output[since:])
        return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")

    def wait_for_text(self, text: str, timeout: float, since: int = 0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.screen_text(since):
            if self.poll() is not None:
                raise AssertionError(f"the app stopped (code {self.exit_code}) before showing {text!r}:\n"
                                     f"{self.screen_text()[-2000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not show {text!r} within {timeout:.0f} s; "
                                     f"it showed:\n{self.screen_text(since)[-2000:]}")
            time.sleep(0.05)

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def poll(self) -> int | None:
        if self.exit_code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.exit_code = os.waitstatus_to_exitcode(status)
        return self.exit_code

    def wait(self, timeout: float) -> int | None:
        deadline = time.monotonic() + timeout
        while self.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.exit_code

    def kill(self) -> None:
        """Always called: a child still running is killed; the pty is closed."""
        try:
            if self.poll() is None:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except (ChildProcessError, ProcessLookupError):
            pass
        finally:
            with contextlib.suppress(OSError):
                os.close(self.fd)
            self._reader.join(timeout=5)


def regel_strengths(root: Path, case_id: str) -> list[tuple[str, str]] | None:
    """The typed strengths saved so far, read as a second window reads; None if the case
    could not be read at this moment."""
    try:
        with Store.open(root, write=False) as reader:
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
    with Store.open(root, write=True) as store:
        case = add_demo(store, date.today())
    with Store.open(root, write=False) as reader:
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

    with Store.open(root, write=False) as reader:
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
