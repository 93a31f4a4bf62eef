"""The eigen-kracht balance, big enough for the back of the room: who carries the open steps.

Each group has its own shape (█ ▓ ░ ·) and its number in words, so the bar reads without colour;
colour is a third cue. The bar takes the whole width, each group in proportion to its steps."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from krachtoverleg.core.rules.planning import Balance
from krachtoverleg.tui import ink

GROUPS = (  # (label, shape, style)
    ("cliënt en netwerk", "█", f"bold {ink.CLIENT}"),  # dark enough for a light projector theme,
    ("samen", "▓", f"bold {ink.TOGETHER}"),  # light enough for the dark laptop theme
    ("professional", "░", f"bold {ink.PROFESSIONAL}"),
    ("nog kiezen", "·", "bold"),
)
BAR_LINES = 2
MAX_LINES = 8


def balance_picture(counts: Balance, width: int, lines: int = BAR_LINES) -> Text:
    numbers = (counts.client_and_network, counts.together, counts.professional, counts.open)
    width = max(10, width)
    spacing = "   " if sum(len(label) + 8 for label, _, _ in GROUPS) <= width else "  "
    picture = Text()
    for (label, shape, style), number in zip(GROUPS, numbers, strict=True):
        picture.append(f"{shape} ", style=style)
        picture.append(f"{label}: {number}{spacing}", style="bold")
    picture.rstrip()
    total = sum(numbers)
    segments: list[tuple[str, str, int]] = []
    if total:
        given = 0
        for (_label, shape, style), number in zip(GROUPS, numbers, strict=True):
            cells = round(number * width / total)
            segments.append((shape, style, cells))
            given += cells
        if segments and given != width:  # rounding: the largest group absorbs the difference
            largest = max(range(len(segments)), key=lambda i: segments[i][2])
            shape, style, cells = segments[largest]
            segments[largest] = (shape, style, max(0, cells + width - given))
    for _ in range(lines):
        picture.append("\n")
        if not total:
            picture.append("(nog geen open stappen)")
        for shape, style, cells in segments:
            picture.append(shape * cells, style=style)
    return picture


class BalanceBar(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.counts: Balance | None = None

    def show(self, counts: Balance) -> None:
        self.counts = counts
        self._draw()

    def on_resize(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if self.counts is not None:
            # the bar grows into the rows the steps leave free: the back of the room can read it
            lines = max(1, min(MAX_LINES, (self.content_size.height or 2) - 1))
            self.update(balance_picture(self.counts, self.content_size.width or 60, lines))
