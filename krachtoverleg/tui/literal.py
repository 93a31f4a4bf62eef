"""User text is shown as typed, never read as display markup.

Textual and Rich read `[b]…[/b]` in a plain string as markup: `[/b]` in a strength crashed the
app, `[@click=app.quit]` made a clickable quit link on the shared screen. Every string that holds
typed text goes through one of these before it reaches a widget. Textual's widgets (Static,
Label, OptionList, Select) read Textual markup; DataTable cells and Rich tables read Rich markup."""

from __future__ import annotations

from rich.markup import escape as escape_rich
from textual.markup import escape as escape_textual


def text(value: str) -> str:
    """For Static, Label, OptionList and Select."""
    return escape_textual(value)


def cell(value: str) -> str:
    """For DataTable cells (and Rich tables)."""
    return escape_rich(value)
