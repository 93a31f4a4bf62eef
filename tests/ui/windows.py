"""A real app in its own process, typing into it and then closing its window with a signal."""

from __future__ import annotations

import subprocess
import sys
import textwrap

WINDOW = textwrap.dedent("""
    import sys
    from datetime import datetime
    from krachtoverleg.core.clock import FixedClock
    from krachtoverleg.core.store.folder_store import FolderStore
    from krachtoverleg.tui.app import KrachtApp

    async def typing(pilot):
    {typing}
        await pilot.pause()
        print("typed", flush=True)

    with FolderStore.open(sys.argv[1], write=True) as store:
        app = KrachtApp(store=store, clock=FixedClock(datetime(2026, 11, 23, 10, 0)))
        app.run(headless=True, size=(100, 30), auto_pilot=typing)
    print("stopped", flush=True)
""")


def type_then_signal(store_dir, typing: str, signum: int) -> tuple[str, str]:
    """Run the app on the store, let `typing` (lines of `await pilot.…`) run, send the signal
    once it has, and return what the process printed (it must have printed "stopped")."""
    body = textwrap.indent(textwrap.dedent(typing).strip(), "    ")
    script = WINDOW.replace("{typing}", body)
    window = subprocess.Popen([sys.executable, "-c", script, str(store_dir)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        assert window.stdout is not None and window.stdout.readline().strip() == "typed"
        window.send_signal(signum)
        return window.communicate(timeout=30)
    finally:
        window.kill()
