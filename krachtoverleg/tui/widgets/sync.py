"""Bring a table or list on screen in line with the data, changing only the rows that differ.

A save changes one record; redrawing everything would move the cursor, flicker and cost a
re-layout. The cursor stays on the same record (matched by key), not on the same row number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from krachtoverleg.tui.literal import cell

Row = tuple[str, Sequence[str | Text]]  # a record's key and its cells (Text: already styled, literal)


def cursor_key(table: DataTable[Any]) -> str | None:
    if not table.row_count:
        return None
    row = min(table.cursor_row, table.row_count - 1)
    return table.ordered_rows[row].key.value


def sync_rows(table: DataTable[Any], rows: Sequence[Row], heights: Sequence[int] | None = None) -> None:
    """`heights`: lines per row, for cells wrapped over several lines (one line each if None)."""
    # typed text, not markup: strings are escaped; a Text is shown as it is
    rows = [(key, [value if isinstance(value, Text) else cell(value) for value in cells])
            for key, cells in rows]
    tall = list(heights) if heights is not None else [1] * len(rows)
    keep_key, keep_row = cursor_key(table), table.cursor_row
    existing = [row.key.value for row in table.ordered_rows]
    wanted = [key for key, _ in rows]
    columns = list(table.columns)
    same_heights = all(table.rows[row.key].height == height
                       for row, height in zip(table.ordered_rows, tall, strict=False))
    if wanted[:len(existing)] == existing and same_heights:
        for key, cells in rows[:len(existing)]:
            shown = table.get_row(key)
            for column, value, old in zip(columns, cells, shown, strict=False):
                if value != old:
                    table.update_cell(key, column, value, update_width=True)
        for (key, cells), height in zip(rows[len(existing):], tall[len(existing):], strict=True):
            table.add_row(*cells, key=key, height=height)
    else:
        table.clear()
        for (key, cells), height in zip(rows, tall, strict=True):
            table.add_row(*cells, key=key, height=height)
    if not table.row_count:
        return
    if keep_key in wanted:
        target = wanted.index(keep_key) if keep_key is not None else 0
    else:
        target = min(keep_row, table.row_count - 1)
    if target != table.cursor_row:
        table.move_cursor(row=target)


@dataclass(frozen=True)
class ListPlan:
    """How to turn a list showing `current` into one showing `wanted`: remove some items, then
    insert the new ones where they belong. None from `plan_list` means: redraw it whole."""

    remove: list[str]
    insert: list[tuple[int, str]]


def plan_list(current: Sequence[str], wanted: Sequence[str]) -> ListPlan | None:
    wanted_set, current_set = set(wanted), set(current)
    remove = [key for key in current if key not in wanted_set]
    kept = [key for key in current if key in wanted_set]
    if kept != [key for key in wanted if key in current_set]:
        return None  # the order of items already shown changed
    insert = [(index, key) for index, key in enumerate(wanted) if key not in current_set]
    return ListPlan(remove, insert)
