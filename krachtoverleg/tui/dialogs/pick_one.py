"""Choose one from a list that may be long (5,000 cases): typing narrows it, ↑ and ↓ move
through it, Enter takes the highlighted one, Escape leaves the choice as it was. Answers what
was chosen; the caller acts."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from krachtoverleg.tui import literal
from krachtoverleg.tui.widgets.text_input import TextInput, type_into

# A list longer than this is searched, not scrolled: typing shows the ones that match.
LISTED_AT_MOST = 100


@dataclass(frozen=True)
class Picked:
    """The answer: the chosen option's value (None: the blank choice, such as "Iedereen")."""

    value: str | None


class PickOneDialog(ModalScreen[Picked | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Terug", id="pick.cancel"),
        # while typing, the highlight moves through the list (the keyboard stays in the search)
        Binding("down", "move('down')", show=False, id="pick.down"),
        Binding("up", "move('up')", show=False, id="pick.up"),
    ]

    def __init__(self, title: str, options: list[tuple[str, str | None]], current: str | None) -> None:
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.options = options
        self.current = current
        self.listed: list[tuple[str, str | None]] = []  # what the list shows now, in its order

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog pick-one"):
            yield Static(literal.text(self.title_text), classes="dialog-title")
            # the app's own field: Backspace and Ctrl+U in order with the letters around them
            yield TextInput(placeholder="Typ om te zoeken…", id="pick-search", compact=True)
            yield OptionList(id="pick-options", compact=True)
            yield Static("", id="pick-more", classes="hint")
            yield Static("↑↓ = kiezen · Enter = nemen · Esc = terug, niets veranderd", classes="dialog-keys")

    def on_mount(self) -> None:
        self.show_matching("")
        listed = self.query_one(OptionList)
        chosen = next((i for i, (_, value) in enumerate(self.listed) if value == self.current), 0)
        listed.highlighted = chosen if self.listed else None
        self.query_one(Input).focus()

    async def on_key(self, event: events.Key) -> None:
        await type_into(self.focused, event)  # typed right after the key that opened the list

    def show_matching(self, typed: str) -> None:
        wanted = typed.casefold().strip()
        matching = [option for option in self.options if wanted in option[0].casefold()]
        self.listed = matching[:LISTED_AT_MOST]
        listed = self.query_one(OptionList)
        listed.clear_options()
        listed.add_options(Option(literal.text(label)) for label, _ in self.listed)
        listed.highlighted = 0 if self.listed else None
        more = len(matching) - len(self.listed)
        if not matching:
            note = "Niets gevonden. Typ minder letters, of een ander stuk van de naam."
        elif more:
            note = f"Nog {more} meer: typ een stuk van de naam om ze te vinden."
        else:
            note = ""
        self.query_one("#pick-more", Static).update(note)

    @on(Input.Changed, "#pick-search")
    def _search(self, event: Input.Changed) -> None:
        self.show_matching(event.value)

    @on(Input.Submitted, "#pick-search")
    def _take_highlighted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self.listed):
            self.dismiss(Picked(self.listed[highlighted][1]))

    @on(OptionList.OptionSelected)
    def _take(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(Picked(self.listed[event.option_index][1]))

    def action_move(self, way: str) -> None:
        listed = self.query_one(OptionList)
        if way == "down":
            listed.action_cursor_down()
        else:
            listed.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
