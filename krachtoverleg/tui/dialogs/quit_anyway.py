"""Asked on Ctrl+Q when typing could not be kept: the app stops only when told to anyway."""

from __future__ import annotations

from krachtoverleg.tui.dialogs.confirm import ConfirmDialog
from krachtoverleg.tui.unkept import Unkept, why


class QuitAnywayDialog(ConfirmDialog):
    """The safe answer (the default) is to go back: the typing is still on screen."""

    def __init__(self, unkept: list[Unkept]) -> None:
        what = "\n".join(f"• {item.what}" for item in unkept)
        reasons = "\n".join(dict.fromkeys(why(item.reason) for item in unkept))  # each once
        super().__init__(
            f"Niet alles is bewaard:\n{what}\n\n{reasons}\n\nAls je nu stopt, gaat dat verloren. Kies "
            "Terug: de tekst blijft op het scherm. Stop opnieuw als er weer ruimte is (of de "
            "teamopslag terug is).", yes="Toch stoppen", no="Terug")
