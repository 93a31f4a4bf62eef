"""Asked on Ctrl+Q when typing could not be kept: the app stops only when told to anyway."""

from __future__ import annotations

from krachtoverleg.tui.dialogs.confirm import ConfirmDialog


class QuitAnywayDialog(ConfirmDialog):
    """The safe answer (the default) is to go back: the typing is still on screen."""

    def __init__(self, lost: list[str]) -> None:
        what = "; ".join(lost)
        super().__init__(
            f"Niet alles is bewaard: {what}. Als je nu stopt, gaat dat verloren. Ga terug, maak "
            "ruimte vrij (of wacht tot de teamopslag terug is) en stop dan opnieuw.",
            yes="Toch stoppen", no="Terug")
