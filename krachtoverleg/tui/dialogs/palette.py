"""Textual's command palette (Ctrl+P) with its own words in Dutch."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hits
from textual.system_commands import SystemCommandsProvider
from textual.widgets.option_list import Option

NO_MATCHES = "Niets gevonden. Probeer een ander woord, zoals 'ga naar' of 'namen'."


class DutchCommandPalette(CommandPalette):
    def __init__(self) -> None:
        super().__init__(placeholder="Zoek een opdracht…", id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """Textual shows 'No matches found' here; the same, in Dutch. (Textual names this method
        private; tests/ui/test_room.py fails if it stops being called.)"""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(Align.center(Text(NO_MATCHES, style="not bold")), disabled=True,
                           id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class CommandsInOrder(SystemCommandsProvider):
    """The palette before anything is typed lists the commands in the app's own order: this
    screen's keys, then 'Ga naar …' in the order of the agenda (Textual sorts them by name,
    which put 10 Afsluiting before 2 Terugblik)."""

    async def discover(self) -> Hits:
        for name, help_text, callback, discover in self.app.get_system_commands(self.screen):
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)
