"""What the app asks of every screen that shows stored data."""

from __future__ import annotations

from textual.screen import Screen

from krachtoverleg.tui.guard import NoSilentCancel
from krachtoverleg.tui.unkept import Unkept


class DataScreen(NoSilentCancel, Screen[None]):
    """Shows stored data: it can read it again (another window saved, or names were shown or
    hidden) and keep what was typed but not yet saved when the app is about to stop."""

    def watched_case(self) -> str | None:
        """The case on screen, if one: a read-only window watches its file for changes."""
        return None

    def reload(self) -> None:
        """Read the data again and show it."""

    def save_unsaved(self) -> list[Unkept]:
        """Keep what is on screen but not stored yet. Runs on the way out: must not raise.
        Returns, in Dutch, each piece of typing that could not be kept (and why)."""
        return []
