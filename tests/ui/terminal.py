"""The real app as its own process in a pseudo-terminal: what a user's keys go through (the
terminal, Textual's input driver and parser, the app's message queue), with its output read
continuously so its writes never block, and busy loops beside it to make a machine slow."""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import os
import pty
import re
import signal
import struct
import termios
import threading
import time
from collections.abc import Iterator

PAGE_DOWN, ENTER, CTRL_Q, TAB = b"\x1b[6~", b"\r", b"\x11", b"\t"
BACKSPACE, CTRL_U, CTRL_W, HOME, END = b"\x7f", b"\x15", b"\x17", b"\x1b[H", b"\x1b[F"
START_TIMEOUT = 60.0  # a loaded CI machine can be slow to import Textual and draw the first screen
STAGE_TIMEOUT = 30.0
SETTLE_TIMEOUT = 120.0  # after the last key, until every line is saved (or nothing changes any more)
EXIT_TIMEOUT = 30.0

_ESCAPES = re.compile(  # CSI, OSC, charset and keypad sequences
    rb"\x1b\[[0-9;?<>=!]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


class TerminalChild:
    """The app in a pseudo-terminal, with its output read continuously so its writes never block."""

    def __init__(self, argv: list[str], columns: int = 120, rows: int = 36) -> None:
        env = {key: value for key, value in os.environ.items()
               if key not in ("COLUMNS", "LINES") and not key.startswith("TEXTUAL")}
        env["TERM"] = "xterm-256color"
        self._output = bytearray()
        self._lock = threading.Lock()
        pid, fd = pty.fork()
        if pid == 0:  # the child: its own session, the pty's slave as its controlling terminal
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
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


def _spin() -> None:
    while True:
        pass


@contextlib.contextmanager
def busy_loops(count: int = 2) -> Iterator[None]:
    """`count` processes that keep a core busy each, as a video call and a browser do on a
    meeting laptop: the app then gets its time slices late and keys arrive in bursts."""
    loops = [multiprocessing.get_context("spawn").Process(target=_spin, daemon=True) for _ in range(count)]
    for loop in loops:
        loop.start()
    try:
        yield
    finally:
        for loop in loops:
            loop.kill()
            loop.join(timeout=5)
