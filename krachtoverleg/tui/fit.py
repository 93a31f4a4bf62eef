"""How a table's columns share the width the screen has, and how their text wraps.

The room reads the screen from metres away: a cell is never cut off. Each column says how
important it is; when the screen is too narrow for every column, the least important ones fold
away (the stage shows them for the selected row in a line under the table), and the rest wrap
their text over several lines instead of being clipped. Spare width goes to the columns whose
text would otherwise wrap, so a wide screen shows every cell on one line.

Pure functions: no Textual, so they are tested on their own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text


@dataclass(frozen=True)
class Fit:
    """How one column behaves when space is short."""

    min_width: int = 10  # narrower than this it folds away rather than wrapping to shreds
    priority: int = 1  # 0: always shown; higher numbers fold first
    grow: int = 1  # share of the spare width, relative to the other columns
    max_lines: int = 6  # a cell taller than this ends in "…"
    fold_lines: int = 3  # a foldable column whose text would need more lines than this folds


PLAIN = Fit()
KEY = Fit(min_width=24, priority=0, grow=3)  # the column that says what a row is
TAG = Fit(min_width=6, priority=2, grow=1, max_lines=2)  # a short label: a kind, a date
DATE = Fit(min_width=10, priority=2, grow=0, max_lines=1)  # dd-mm-jjjj, never broken
NUMBER = Fit(min_width=2, priority=0, grow=0, max_lines=1)  # a row's number: always there, never wide


def natural_width(title: str, values: list[str]) -> int:
    """The width at which the title and every value fit on one line."""
    return max([cell_len(title), *(max((cell_len(line) for line in value.split("\n")), default=0)
                                   for value in values)])


def longest_word(values: list[str]) -> int:
    """The widest single word in these values: below it, wrapping would break a word."""
    return max((cell_len(word) for value in values for word in value.split()), default=0)


def plan_widths(fits: list[Fit], natural: list[int], available: int, padding: int = 2,
                titles: list[int] | None = None) -> list[int | None]:
    """The content width of each column, or None for a column folded away.

    `available` is the whole width; each shown column also costs `padding` cells. `titles`:
    the width of each column's title, below which a shown column never goes. A foldable column
    that would be squeezed into a tall stack of short lines folds too, least important first:
    one line under the table reads better than a column of single words."""
    folded: set[int] = set()
    while True:
        widths = _plan(fits, natural, available, padding, titles, folded)
        squeezed = [i for i, width in enumerate(widths)
                    if width is not None and fits[i].priority > 0
                    and -(-natural[i] // max(width, 1)) > fits[i].fold_lines]
        if not squeezed or sum(width is not None for width in widths) <= 1:
            return widths  # the last column shown stays, however squeezed
        folded.add(max(squeezed, key=lambda i: (fits[i].priority, i)))


def _plan(fits: list[Fit], natural: list[int], available: int, padding: int, titles: list[int] | None,
          folded: set[int]) -> list[int | None]:
    count = len(fits)
    # never narrower than the title: a header cut to "Waar" tells the room nothing
    floors = [max(1, titles[i] if titles else 0, min(fit.min_width, want))
              for i, (fit, want) in enumerate(zip(fits, natural, strict=True))]
    shown = [i for i in range(count) if i not in folded]

    def needed(columns: list[int]) -> int:
        return sum(floors[i] + padding for i in columns)

    while needed(shown) > available:
        foldable = [i for i in shown if fits[i].priority > 0]
        if not foldable:
            break
        shown.remove(max(foldable, key=lambda i: (fits[i].priority, i)))
    widths = {i: floors[i] for i in shown}
    spare = available - needed(shown)
    if spare < 0:  # even the columns that never fold are too wide: share what there is
        room = max(len(shown), available - padding * len(shown))
        total = sum(widths.values()) or 1
        widths = {i: max(3, width * room // total) for i, width in widths.items()}
        return [widths.get(i) for i in range(count)]
    while spare > 0:
        hungry = [i for i in shown if widths[i] < natural[i]]
        if not hungry:
            break
        weight = sum(fits[i].grow for i in hungry) or 1
        given = 0
        for i in hungry:
            share = max(1, spare * fits[i].grow // weight)
            add = min(share, natural[i] - widths[i], spare - given)
            widths[i] += add
            given += add
        spare -= given
        if given == 0:
            break
    return [widths.get(i) for i in range(count)]


# A number or a sign before the text, which wrapped lines keep clear of.
_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[•█▓░?✓○★·☐☑✗◐-])\s+")
MIN_HANGING = 12  # narrower than this, the text may use the margin too

_CONSOLE = Console(width=400, legacy_windows=False, color_system=None)


def wrap(value: str, width: int, max_lines: int) -> list[str]:
    """The value as lines of at most `width` cells, broken between words where it can."""
    return list(wrapped_lines(value, width, max_lines))


@lru_cache(maxsize=16_384)
def wrapped_lines(value: str, width: int, max_lines: int) -> tuple[str, ...]:
    """As `wrap`, remembered: a save refits the whole table, and all but one row are as before
    (500 actions: 24 ms a save without this, under 2 ms with it)."""
    if width <= 0:
        return (value,)
    if cell_len(value) <= width and "\n" not in value and "\t" not in value:
        return (value.rstrip(),)  # one line as it is: most cells, without Rich's wrapping (200 rows: 25 ms)
    marker = _MARKER.match(value)
    indent = cell_len(marker.group(0)) if marker else 0
    if marker and width - indent >= MIN_HANGING:
        # "2. a long step" or "░ professional: name": the lines after the first start under the
        # text, not under the number or sign, so the number stands alone in its margin
        body = [str(line) for line in Text(value[len(marker.group(0)):]).wrap(
            _CONSOLE, width - indent, overflow="fold")] or [""]
        lines = [marker.group(0) + body[0], *(" " * indent + line for line in body[1:])]
    else:
        lines = [str(line) for line in Text(value).wrap(_CONSOLE, width, overflow="fold")] or [""]
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        last = last[:max(0, width - 1)] if cell_len(last) >= width else last
        lines = [*lines[:max_lines - 1], last + "…"]
    return tuple(line.rstrip() for line in lines)
