"""Tables of thousands of rows for the terminal, written line by line.

Rich's Table lays out every cell through its renderer: an action list of 10,000 rows took 17
seconds to print (issue 21). These tables look the same (Rich's own heavy-head box, with its
ASCII stand-in where the terminal needs one, and its styles), but a row is padded text: only a
cell too long for its column goes through Rich's word wrapping. Column widths are worked out
once from every cell, as Rich does: a column is as wide as its longest cell, and when the
terminal is too narrow the widest column that may wrap gives up width first."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import COLOR_SYSTEMS, Console
from rich.style import Style
from rich.text import Text

BOLD = Style(bold=True)


@dataclass(frozen=True)
class Column:
    header: str
    wraps: bool = True  # gives up width when the terminal is too narrow
    least: int = 8  # narrowest a wrapping column becomes


@dataclass(frozen=True)
class Cell:
    text: str
    bold: bool = False


def widths(columns: Sequence[Column], rows: Sequence[Sequence[Cell]], room: int) -> list[int]:
    """The width of each column's text (without its padding), fitted into `room` cells."""
    natural = [cell_len(column.header) for column in columns]
    for row in rows:
        for number, cell in enumerate(row):
            if len(cell.text) > natural[number] or not cell.text.isascii():
                natural[number] = max(natural[number], cell_len(cell.text))
    chrome = 3 * len(columns) + 1  # "│ " before each column, " │" after the last
    fitted = list(natural)
    # As Rich does: the widest column that may wrap gives up width first, down to the next widest.
    while (excess := sum(fitted) + chrome - room) > 0:
        shrinkable = [n for n, column in enumerate(columns) if column.wraps and fitted[n] > column.least]
        if not shrinkable:
            break
        widest = max(fitted[n] for n in shrinkable)
        tops = [n for n in shrinkable if fitted[n] == widest]
        below = max([fitted[n] for n in shrinkable if fitted[n] < widest] + [columns[tops[0]].least])
        step = max(1, min(widest - below, -(-excess // len(tops))))
        for n in tops:
            fitted[n] = max(columns[n].least, fitted[n] - step)
    return fitted


def _lines(text: str, width: int, console: Console) -> list[str]:
    if cell_len(text) <= width:
        return [text]
    if cell_len(text) == len(text):  # one cell per character: words fill lines greedily, as Rich
        lines: list[str] = []  # wraps, at a tenth of textwrap's time (10,000 rows: 1.2 s)
        for word in text.split():
            if lines and len(lines[-1]) + 1 + len(word) <= width:
                lines[-1] += f" {word}"
            else:  # a word longer than the column goes on lines of its own, folded
                lines += [word[start:start + width] for start in range(0, len(word), width)]
        return lines or [""]
    return [line.plain.rstrip() for line in Text(text).wrap(console, width, overflow="fold")]


def table_lines(console: Console, title: str, columns: Sequence[Column],
                rows: Sequence[Sequence[Cell]]) -> Iterator[str]:
    """The table as lines of text, ANSI-styled where the console has colour."""
    fitted = widths(columns, rows, console.width)
    frame = box.HEAVY_HEAD.substitute(console.options)
    padded = [width + 2 for width in fitted]
    colours = COLOR_SYSTEMS.get(console.color_system or "")  # None: no styles (a file, NO_COLOR)

    def styled(text: str, bold: bool) -> str:
        return BOLD.render(text, color_system=colours) if bold and text else text

    def line(cells: Sequence[str], edge: str, middle: str, bolds: Sequence[bool]) -> str:
        parts = [f" {styled(text, bold)}{' ' * (width - cell_len(text))} "
                 for text, width, bold in zip(cells, fitted, bolds, strict=True)]
        return edge + middle.join(parts) + edge

    def block(texts: Sequence[str], edge: str, middle: str, bolds: Sequence[bool]) -> Iterator[str]:
        wrapped = [_lines(text, width, console) for text, width in zip(texts, fitted, strict=True)]
        for number in range(max(len(lines) for lines in wrapped)):
            yield line([lines[number] if number < len(lines) else "" for lines in wrapped], edge, middle,
                       bolds)

    yield styled(title, True)
    yield frame.get_top(padded)
    yield from block([column.header for column in columns], frame.head_left, frame.head_vertical,
                     [True] * len(columns))
    yield frame.get_row(padded, "head")
    for row in rows:
        yield from block([cell.text for cell in row], frame.mid_left, frame.mid_vertical,
                         [cell.bold for cell in row])
    yield frame.get_bottom(padded)
