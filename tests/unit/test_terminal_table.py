"""The terminal's action table (core/export/terminal_table.py): Rich's look, written line by
line so thousands of rows print at once (issue 21: 10,000 rows took 17 s through Rich's Table)."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from krachtoverleg.core.export.terminal_table import Cell, Column, table_lines, widths

COLUMNS = (Column("Casus"), Column("Actie"), Column("Wanneer", wraps=False), Column("Hoe controleren"))


def console(width: int, colour: bool = False) -> Console:
    return Console(width=width, file=io.StringIO(), force_terminal=colour, color_system="standard" if colour
                   else None)


def test_a_wide_terminal_shows_every_cell_on_one_line_in_a_heavy_head_box():
    rows = [[Cell("K-001 · Gezin V."), Cell("Bellen met de woningcorporatie"), Cell("04-12-2026  ⚠ te laat"),
             Cell("Brief ligt er")]]
    lines = list(table_lines(console(120), "Ayşe: 1 actie", COLUMNS, rows))
    assert lines[0] == "Ayşe: 1 actie"
    assert lines[1].startswith("┏") and lines[3].startswith("┡") and lines[-1].startswith("└")
    assert "Bellen met de woningcorporatie" in lines[4] and len(lines) == 6
    assert len({cell_len(line) for line in lines[1:]}) == 1  # every line of the box is as wide


def body(lines: list[str]) -> list[str]:
    """What each column holds, across its wrapped lines, without spaces."""
    cells = [line.split("│")[1:-1] for line in lines if line.startswith("│")]
    return ["".join("".join(parts[n].split()) for parts in cells) for n in range(len(COLUMNS))]


def test_a_narrow_terminal_wraps_the_widest_column_and_never_the_date():
    rows = [[Cell("K-001"), Cell("Een lange actie " * 6), Cell("04-12-2026  ⚠ te laat"), Cell("kort")]]
    lines = list(table_lines(console(60), "x", COLUMNS, rows))
    assert all(cell_len(line) <= 60 for line in lines)
    assert any("04-12-2026  ⚠ te laat" in line for line in lines)
    assert body(lines)[1] == "Eenlangeactie" * 6


def test_overdue_is_bold_where_the_terminal_has_colour_and_plain_in_a_file():
    rows = [[Cell("K-001"), Cell("Bellen"), Cell("04-12-2026  ⚠ te laat", bold=True), Cell("-")]]
    assert "\x1b[1m04-12-2026" in "\n".join(table_lines(console(100, colour=True), "x", COLUMNS, rows))
    assert "\x1b[" not in "\n".join(table_lines(console(100), "x", COLUMNS, rows))


@given(st.lists(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P")),
                        max_size=40), min_size=4, max_size=4),
       st.integers(min_value=40, max_value=160))
def test_no_line_is_wider_than_the_terminal_and_no_word_is_lost(texts, room):
    rows = [[Cell(text.replace("│", "")) for text in texts]]
    fitted = widths(COLUMNS, rows, room)
    lines = list(table_lines(console(room), "t", COLUMNS, rows))
    if sum(fitted) + 3 * len(COLUMNS) + 1 <= room:
        assert all(cell_len(line) <= room for line in lines[1:])
    assert body(lines) == ["".join(cell.text.split()) for cell in rows[0]]
