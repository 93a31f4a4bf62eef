"""The keys of the screen on its bottom line: Textual's compact Footer, drawn as one line.

Why not Footer itself: it builds a widget per key again at every change of screen or focus,
and styles each one apart; that took 75 ms of every screen switch (half of pressing a for the
Acties screen). Here a change of keys only draws the line again. It looks the same (Footer's
colour variables, bold keys, one space between key and word and after each word), and a key
is clicked as on Footer."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

# A line too long for the screen (80 columns, on a projector) says these keys shorter, so every
# key, F1 Hulp last, stays in view; a wider screen reads the whole words.
SHORTER = {"Toevoegen": "Nieuw", "Verwijderen": "Weg", "Volgend overleg": "Vervolg",
           "Waar staan we?": "Stand"}


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []  # (from, to, key) of each enabled key as drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._keys_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _keys_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen:
            self.refresh()

    def render(self) -> Text:
        line = self._line(short=False)
        if line.cell_len > self.size.width > 0:
            line = self._line(short=True)
        return line

    def _line(self, short: bool) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        word_style = self.get_component_rich_style("key-bar--description")
        line = Text(no_wrap=True, overflow="crop", end="")
        shown: set[str] = set()
        self._spans = []
        for _, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in shown:
                continue  # one key per action, as Footer shows it
            shown.add(binding.action)
            start, dim = len(line), Style(dim=not enabled)
            shown_key = self.app.get_key_display(binding)
            if shown_key[:1] == "f" and shown_key[1:].isdigit():
                shown_key = shown_key.upper()  # "F2" beside "F1", as the help says them
            line.append(shown_key, key_style + dim)
            if binding.description:
                word = SHORTER.get(binding.description, binding.description) if short else binding.description
                line.append(f" {word}", word_style + dim)
            if enabled:
                self._spans.append((start, len(line), binding.key))
            line.append(" ")
        return line

    def on_click(self, event: events.Click) -> None:
        # Not Rich's @click meta: Textual would draw every key as a link (underlined, recoloured).
        key = next((key for start, end, key in self._spans if start <= event.x < end), None)
        if key is not None:
            self.app.simulate_key(key)
