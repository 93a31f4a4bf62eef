"""Words in block letters, for what the room must read from across it (the family's own time).

A terminal has one size of letter; pyfiglet draws each letter from blocks (█), five rows high,
the way a poster would. Each line of words gets its own row of letters when the widget is wide
enough; narrower, the words are shown in ordinary bold text, never cut off."""

from __future__ import annotations

from functools import lru_cache

from rich.text import Text
from textual.widgets import Static

FONT = "ansi_regular"  # solid blocks, five rows: reads from four metres on a washed-out beamer


@lru_cache(maxsize=32)
def block_letters(line: str) -> tuple[str, ...]:
    """One line of words as rows of block letters (trailing empty rows dropped)."""
    from pyfiglet import Figlet  # lazy: only this screen needs it

    rows = Figlet(font=FONT, width=1000).renderText(line).rstrip("\n").split("\n")
    while rows and not rows[-1].strip():
        rows.pop()
    return tuple(row.rstrip() for row in rows)


BLOCK_ROWS_FREE = 14  # block letters only when the screen keeps this many rows for the rest


def big_text(lines: tuple[str, ...], width: int, height: int) -> Text:
    """The lines in block letters if every one fits `width` and the letters leave the screen's
    other rows free (`height` is the screen's), else as plain bold words."""
    drawn = [block_letters(line) for line in lines]
    widths = [max(map(len, rows), default=0) for rows in drawn]
    letter_rows = sum(len(rows) + 1 for rows in drawn)
    if not width or max(widths, default=0) > width or height - letter_rows < BLOCK_ROWS_FREE:
        return Text("\n".join(lines), style="bold")
    widest = max(widths)
    # every row exactly as wide as the widest line, each line centred in it by its own width: the
    # widget centres rows one by one, and rows of unequal width would shear the letters
    blocks = ["\n".join((" " * ((widest - own) // 2) + row).ljust(widest) for row in rows)
              for rows, own in zip(drawn, widths, strict=True)]
    return Text("\n\n".join(blocks), style="bold", no_wrap=True)


class BigWords(Static):
    def __init__(self, *lines: str, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.lines = lines

    def on_resize(self) -> None:
        self.update(big_text(self.lines, self.content_size.width, self.screen.size.height))
