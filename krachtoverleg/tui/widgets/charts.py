"""Pictures of progress drawn with blocks, to read from across the room: thick bars, every value
written beside its bar, the change said in words, and shapes (█ ▓ ▒ ░ ╌) rather than colour
alone to tell the parts of a stacked bar apart, the same shape for the same carrier in every
picture. Each widget draws to its own width."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text
from textual.widget import Widget

from krachtoverleg.core.models.vocab import Capital, Dimension
from krachtoverleg.core.rules.progress import change_words
from krachtoverleg.core.rules.trends import Bar, Series, Tagged

# One shape per carrier, the same in every picture: the darker, the more the client's own.
FILLS = {"Z+N": "█", "Z": "█", "N": "▓", "S": "▒", "P": "░", "?": "╌"}
SEPARATOR = " / "  # between the counts after a bar
EMPTY = "─"  # the rest of the scale: a thin line, so the bar stands out
TARGET = "┃"
LABEL = 11  # "overleg 12 "


def _track(value: int, series: Series, width: int) -> str:
    """A bar as long as the value on a track as long as the scale's top (ZRM 5, ladder 6, the
    client's scale 10); the target stands in the track as a thick line."""
    top = max(1, series.high)
    filled = round(width * value / top)
    cells = ["█"] * filled + [EMPTY] * (width - filled)
    if series.target is not None:
        at = max(0, min(width - 1, round(width * series.target / top) - 1))
        if cells[at] == EMPTY:
            cells[at] = TARGET
    return "".join(cells)


class SeriesChart(Widget):
    """One block per series: its name (with the target), then a bar per meeting it was measured
    in, the number beside it and the change since the measurement before."""

    DEFAULT_CSS = "SeriesChart { height: auto; }"

    def __init__(self, series: list[Series], empty: str, named: bool = True) -> None:
        super().__init__()
        self.series = series
        self.empty = empty
        self.named = named  # False: one series, already named by the picture's title

    def render(self) -> Text:
        measured = [s for s in self.series if s.measured]
        if not measured:
            return Text(self.empty)
        width = max(20, self.size.width or 60)
        bar = max(5, min(40, width - LABEL - 24))
        out = Text()
        for number, series in enumerate(measured):
            if number:
                out.append("\n")
            target = f" · doel {series.target} ({TARGET})" if series.target is not None else ""
            if self.named or target:
                out.append(f"{series.name if self.named else ''}{target}\n", style="bold")
            before: int | None = None
            for meeting, value in series.points:
                out.append(f"overleg {meeting}".ljust(LABEL))
                if value is None:
                    out.append("niet gemeten\n", style="italic")
                    continue
                out.append(_track(value, series, bar))
                change = "" if before is None else f"  {change_words(before, value)}"
                out.append(f" {value}", style="bold")
                out.append(f"{change}\n")
                before = value
        out.rstrip()
        return out


class StackedChart(Widget):
    """A bar per row (a meeting, a life domain) split into parts, each part drawn in its own
    shape; the counts follow the bar in the legend's order."""

    DEFAULT_CSS = "StackedChart { height: auto; }"

    def __init__(self, bars: list[Bar], empty: str) -> None:
        super().__init__()
        self.bars = bars
        self.empty = empty

    def render(self) -> Text:
        if not self.bars:
            return Text(self.empty)
        width = max(20, self.size.width or 60)
        label = min(24, max(len(name) for name, _ in self.bars) + 1)
        counts_width = len(SEPARATOR.join("99" for _ in self.bars[0][1])) + 1
        bar = max(5, min(40, width - label - counts_width - 1))
        most = max(sum(s.count for s in segments) for _, segments in self.bars) or 1
        out = Text()
        out.append("   ".join(f"{FILLS[s.short]} {s.label}" for s in self.bars[0][1]) + "\n")
        for name, segments in self.bars:
            out.append(name[:label - 1].ljust(label))
            drawn = 0
            for segment in segments:
                cells = round(bar * segment.count / most) if segment.count else 0
                cells = max(cells, 1) if segment.count else 0  # a part of one is never invisible
                out.append(FILLS[segment.short] * cells)
                drawn += cells
            out.append(" " * max(1, bar - drawn + 1))
            out.append(SEPARATOR.join(str(s.count) for s in segments) + "\n", style="bold")
        out.rstrip()
        return out


def _what(tagged: Tagged) -> str:
    """'2 krachten, 1 actie': only what is there."""
    words = ((tagged.strengths, "kracht", "krachten"), (tagged.goals, "doel", "doelen"),
             (tagged.actions, "actie", "acties"))
    return ", ".join(f"{n} {one if n == 1 else more}" for n, one, more in words if n)


class CapitalGrid(Widget):
    """The four capitals against the three dimensions: a row of squares as long as the count,
    the number beside it, and what was tagged ("2 krachten, 1 actie"); 'niets' where
    nothing is, so the forgotten corner shows."""

    DEFAULT_CSS = "CapitalGrid { height: auto; }"

    def __init__(self, grid: dict[tuple[Capital, Dimension], Tagged]) -> None:
        super().__init__()
        self.grid = grid

    def render(self) -> Table:
        table = Table(box=box.SQUARE, show_lines=True, expand=True, padding=(0, 1))
        table.add_column("Kapitaal", style="bold", no_wrap=True)
        for dimension in Dimension:
            table.add_column(dimension.label.split(" (")[0], ratio=1)
        for capital in Capital:
            cells = []
            for dimension in Dimension:
                tagged = self.grid[(capital, dimension)]
                cells.append(Text(f"{'■' * min(tagged.total, 6)} {tagged.total}\n" + _what(tagged))
                             if tagged.total else Text("niets", style="italic"))
            table.add_row(capital.label, *cells)
        return table
