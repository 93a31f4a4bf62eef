"""One typed way from any screen or widget to the app's services: the store, the clock and how
people are named. The CLI builds them and passes them into the app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.notifications import SeverityLevel

from krachtoverleg.core.clock import Clock
from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.store import CaseStore
from krachtoverleg.tui.guard import NoSilentCancel
from krachtoverleg.tui.widgets.notice_line import NoticeLine


class ServicesApp(NoSilentCancel, App[None]):
    """The app as its screens and widgets see it."""

    def __init__(self, store: CaseStore, clock: Clock, mirror: bool = False) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        # The presenter mirror (krachtoverleg mirror): a read-only window on the projector that
        # follows the chair's window, with names always hidden and no keys but stopping.
        self.mirror = mirror
        # Names are hidden at every start; showing them lasts until the app stops.
        self.show_names = store.settings.names_at_start
        # The last export's folder and format, offered again until the app stops (never names).
        self.last_export: tuple[Path, str] | None = None

    @property
    def privacy(self) -> bool:
        return not self.show_names

    @property
    def names(self) -> Names:
        return Names(show_names=self.show_names)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications often repeat typed text: they are never read as markup. The mirror
        shows none: the room reads content only. The same notice again replaces the first."""
        if self.mirror:
            return
        for shown in list(self._notifications):
            if shown.message == message and shown.title == title:
                self._unnotify(shown, refresh=False)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def _refresh_notifications(self) -> None:
        """Notices go to the status line of every screen that has one (NoticeLine), not to
        toasts over the work; the line is cleared again once the newest notice expires."""
        newest = max(self._notifications, key=lambda notice: notice.raised_at, default=None)
        for screen in self.screen_stack:
            for line in screen.query(NoticeLine):
                line.show_notice(newest)
        if newest is not None:
            self.set_timer(max(newest.time_left, 0) + 0.05, self._refresh_notifications)

    def attempt(self, action: Callable[..., Any], *args: Any) -> bool:
        """Run a store change; on failure say so in Dutch and report False. Nothing half-stored:
        the store either wrote the whole change or nothing."""
        try:
            action(*args)
        except KrachtError as error:
            self.notify(str(error), title="Niet opgeslagen", severity="error", timeout=8)
            return False
        return True


def services(node: DOMNode) -> ServicesApp:
    app = node.app
    if not isinstance(app, ServicesApp):
        raise TypeError("krachtoverleg's screens run inside its own app")
    return app
