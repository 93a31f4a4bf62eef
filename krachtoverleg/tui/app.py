"""The application: it receives the store and the clock from the CLI and shows the screens."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from krachtoverleg.core.clock import Clock
from krachtoverleg.core.errors import KrachtError
from krachtoverleg.core.privacy import Names
from krachtoverleg.core.store import Store


def _styles() -> list[Path]:
    """styles/ ships inside the wheel as krachtoverleg/styles; in a checkout it sits beside the package."""
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "styles", package.parent / "styles"):
        if folder.is_dir():
            return sorted(folder.glob("*.tcss"))
    raise FileNotFoundError("styles/ is missing from the installation")


class KrachtApp(App[None]):
    TITLE = "krachtoverleg"
    CSS_PATH = _styles()
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "Stoppen", id="app.quit", priority=True),
    ]

    def __init__(self, store: Store, clock: Clock, open_case: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.open_case = open_case
        self.theme = "textual-dark"

    @property
    def names(self) -> Names:
        return Names(show_names=not self.store.settings.privacy)

    def on_mount(self) -> None:
        from krachtoverleg.tui.screens.case_list import CaseListScreen

        self.push_screen(CaseListScreen())
        if self.open_case:
            self.screen.open_case(self.open_case)  # type: ignore[attr-defined]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every key shown in the footer is also a command in the palette (Ctrl+P)."""
        yield from super().get_system_commands(screen)
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not binding.description or not active.enabled:
                continue
            if binding.action in seen:
                continue
            seen.add(binding.action)

            def run(action: str = binding.action, node: Any = active.node) -> None:
                self.call_later(self.run_action, action, node)

            yield SystemCommand(binding.description, f"toets: {key}", run)

    def action_toggle_privacy(self) -> None:
        settings = self.store.settings
        settings.privacy = not settings.privacy
        self.attempt(self.store.save_settings)
        for screen in self.screen_stack:
            reload = getattr(screen, "reload", None)
            if reload is not None:
                self.call_later(reload)
        self.notify("Namen verborgen." if settings.privacy else
                    "Let op: volledige namen staan nu op het scherm.",
                    severity="information" if settings.privacy else "warning")

    def attempt(self, action: Callable[..., Any], *args: Any) -> bool:
        """Run a store change; on failure say so in Dutch and report False. Nothing half-stored:
        the store either wrote the whole change or nothing."""
        try:
            action(*args)
        except KrachtError as error:
            self.notify(str(error), title="Niet opgeslagen", severity="error", timeout=8)
            return False
        return True
