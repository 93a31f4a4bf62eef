"""What the app asks of every screen that shows stored data."""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen

from krachtoverleg.tui.guard import NoSilentCancel
from krachtoverleg.tui.services import services
from krachtoverleg.tui.unkept import Unkept


class DataScreen(NoSilentCancel, Screen[None]):
    """Shows stored data: it can read it again (another window saved, or names were shown or
    hidden) and keep what was typed but not yet saved when the app is about to stop."""

    # The store as this screen last read it (see KrachtApp.follow_other_window): taken before
    # its first read, so a save landing during that read is still noticed, and the first look
    # of a following window does not read everything a second time.
    shown_marker: Hashable = None

    def on_compose(self) -> None:
        self.shown_marker = services(self).store.change_marker(self.watched_case())

    def watched_case(self) -> str | None:
        """The case on screen, if one: a read-only window watches its file for changes."""
        return None

    def reload(self) -> None:
        """Read the data again and show it."""

    def save_unsaved(self) -> list[Unkept]:
        """Keep what is on screen but not stored yet. Runs on the way out: must not raise.
        Returns, in Dutch, each piece of typing that could not be kept (and why)."""
        return []
