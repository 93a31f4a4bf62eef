"""A table whose columns fit the width it has: text wraps instead of being cut off, and the
least important columns fold away on a narrow screen (see fit.py). A new or changed row is
measured again at once, so the newest row is never shown cut off."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowKey

from krachtoverleg.tui import literal
from krachtoverleg.tui.fit import Fit, longest_word, natural_width, plan_widths, wrapped_lines
from krachtoverleg.tui.widgets.sync import Row, cursor_key, sync_rows

WORD_FLOOR = 20  # longer words may still break: a column that wide would push others away
SCROLLBAR = 2  # kept free for the vertical scrollbar, so a long list never adds a horizontal one
FALLBACK_WIDTH = 60  # before the first layout, when the table does not know its width yet


class FittedTable(DataTable[Any]):
    # ↑ and ↓ move at the moment they arrive, like the stage keys (bindings.stage_key): typed
    # together ("↓ z"), the z then acts on the row ↓ moved to, not on the row before it.
    BINDINGS = [
        Binding("down", "cursor_down", "", id="table.down", show=False, priority=True),  # no help line
        Binding("up", "cursor_up", "", id="table.up", show=False, priority=True),
    ]

    def __init__(self, columns: Sequence[tuple[str, Fit]], *, id: str | None = None,
                 zebra_stripes: bool = True) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        self.titles = [title for title, _ in columns]
        self.fits = [fit for _, fit in columns]
        self._rows: list[tuple[str, list[str]]] = []
        self._styles: dict[str, list[str]] = {}
        self._widths: list[int | None] | None = None
        self._fitted_width: int | None = None  # the width the rows were last fitted to

    def set_rows(self, rows: Sequence[tuple[str, Sequence[str]]],
                 styles: dict[str, list[str]] | None = None) -> None:
        """`styles`: per row key, a Rich style per column (a cue on top of the words, never
        the only one)."""
        rows_now, styles_now = [(key, list(cells)) for key, cells in rows], styles or {}
        if (rows_now, styles_now, self.size.width) == (self._rows, self._styles, self._fitted_width):
            return  # as shown (a screen read again with nothing changed): 200 rows take 60 ms to fit
        self._rows, self._styles = rows_now, styles_now
        if self.size.width or self.row_count:
            self._refit()
        # else: not laid out yet; the first Resize fits the rows to the real width, once (fitting
        # them to a guessed width first would wrap and add every row twice)

    def on_resize(self, event: events.Resize) -> None:
        self._refit()

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Textual measures every cell of every new row for a column width it works out itself;
        here each column has the width fit.py planned and each row its height, so the size is
        known without it (200 rows: 40 ms of the Acties screen's first showing). Textual names
        this method private; tests/ui/test_layout.py fails if it stops being called."""
        if any(column.auto_width for column in self.columns.values()) or any(
                self.rows[key].auto_height or self.rows[key].label is not None
                for key in new_rows if key in self.rows):
            super()._update_dimensions(new_rows)
            return
        header_height = self.header_height if self.show_header else 0
        self.virtual_size = Size(sum(column.get_render_width(self) for column in self.columns.values())
                                 + self._row_label_column_width, self._total_row_height + header_height)

    def folded(self, key: str | None) -> list[tuple[str, str]]:
        """The folded-away columns of one row, as (title, value), to show under the table."""
        if self._widths is None or key is None:
            return []
        cells = next((cells for row_key, cells in self._rows if row_key == key), None)
        if cells is None:
            return []
        return [(title, value) for title, value, width in zip(self.titles, cells, self._widths, strict=True)
                if width is None]

    @property
    def folds(self) -> bool:
        return self._widths is not None and None in self._widths

    def _refit(self) -> None:
        self._fitted_width = self.size.width
        width = self.size.width or FALLBACK_WIDTH
        natural = [natural_width(title, [cells[i] for _, cells in self._rows])
                   for i, title in enumerate(self.titles)]
        # a column is never narrower than its title, nor than its longest word (up to a point):
        # "schuldhulpverlener" is not broken into "schuldhulpve" and "rlener"
        floors = [max(cell_len(title), min(WORD_FLOOR, longest_word([cells[i] for _, cells in self._rows])))
                  for i, title in enumerate(self.titles)]
        widths = plan_widths(self.fits, natural, width - SCROLLBAR, padding=2 * self.cell_padding,
                             titles=floors)
        keep = cursor_key(self)
        if widths != self._widths:
            self.clear(columns=True)
            for title, column_width in zip(self.titles, widths, strict=True):
                if column_width is not None:
                    self.add_column(title, width=column_width, key=title)
            self._widths = widths
        shown: list[Row] = []
        heights: list[int] = []
        for key, cells in self._rows:
            styles = self._styles.get(key) or [""] * len(cells)
            columns = zip(cells, widths, self.fits, styles, strict=True)
            wrapped = [(wrapped_lines(value, column_width, fit.max_lines), style)
                       for value, column_width, fit, style in columns if column_width is not None]
            shown.append((key, [Text("\n".join(lines), style=style) if style else "\n".join(lines)
                                for lines, style in wrapped]))
            heights.append(max((len(lines) for lines, _ in wrapped), default=1))
        sync_rows(self, shown, heights)
        keys = [key for key, _ in shown]
        if keep in keys and self.cursor_row != keys.index(keep):
            self.move_cursor(row=keys.index(keep))  # the same record stays selected after a refit


def show_folded(table: FittedTable, detail: Static) -> None:
    """Under the table: the columns a narrow screen folded away, for the selected row (empty
    values left out); the line is hidden when nothing is folded."""
    folded = [(title, value) for title, value in table.folded(cursor_key(table)) if value not in ("", "-")]
    detail.display = bool(folded)
    detail.update(literal.text("   ".join(f"{title}: {value}" for title, value in folded)))
