"""What the mirror shows while the chair is not in a meeting (starting up, the case list, an
overview): a calm waiting line, never the list of clients."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Static


class MirrorWaitScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static("krachtoverleg · scherm voor de kamer\n\n"
                         "Zo meteen staat hier het overleg.\n"
                         "Namen staan op dit scherm altijd uit.", id="mirror-wait")
