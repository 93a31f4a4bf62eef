"""Small charts as inline SVG for the progress report: no script, no style element and no
style attribute (the page's Content-Security-Policy stays as strict as the minutes'), only
presentation attributes. Every value is written as a number beside its mark and every series
has its own marker shape, so a chart reads in black and white; colour is a third cue.

All text goes through `html.escape`: a goal typed as `<script>` is drawn as those characters."""

from __future__ import annotations

import html
from collections.abc import Sequence

FONT = 'font-family="Arial, Helvetica, sans-serif"'
MARKERS = ("circle", "square", "triangle", "diamond")
INK = ("#1d3b6a", "#7a3b00", "#2e6b2e", "#5b2a6e")


def _text(x: float, y: float, value: str, size: int = 12, anchor: str = "middle",
          bold: bool = False, ink: str = "#111") -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" {FONT} font-size="{size}" text-anchor="{anchor}"{weight} '
            f'fill="{ink}">{html.escape(value)}</text>')


def _polyline(points: list[str], ink: str) -> list[str]:
    if len(points) < 2:
        return []
    return [f'<polyline points="{" ".join(points)}" fill="none" stroke="{ink}" stroke-width="2.5"/>']


def _marker(kind: str, x: float, y: float, ink: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="{ink}"/>'
    if kind == "triangle":
        corners = [(x, y - 5), (x - 5, y + 4), (x + 5, y + 4)]
    elif kind == "diamond":
        corners = [(x, y - 5), (x - 5, y), (x, y + 5), (x + 5, y)]
    else:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{ink}"/>'
    points = " ".join(f"{px:.1f},{py:.1f}" for px, py in corners)
    return f'<polygon points="{points}" fill="{ink}"/>'


def line_chart(title: str, meetings: Sequence[int], lines: Sequence[tuple[str, Sequence[int | None]]],
               low: int, high: int, target: int | None = None, width: int = 640, height: int = 190) -> str:
    """One or more series over the meetings; each point carries its number; a target is a dashed
    line with its words. A meeting without a measurement leaves a gap, never a made-up value."""
    left, right, top, bottom = 44, 20, 30, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    steps = max(1, len(meetings) - 1)
    inset = 36  # the first and last points keep clear of the axis numbers and the chart's edge

    def x(index: int) -> float:
        if len(meetings) == 1:
            return left + plot_w / 2
        return left + inset + (plot_w - 2 * inset) * index / steps

    def y(value: float) -> float:
        return top + plot_h * (high - value) / max(1, high - low)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" aria-label="{html.escape(title, quote=True)}">',
             _text(left, 18, title, 14, "start", bold=True)]
    for value in range(low, high + 1):
        parts.append(f'<line x1="{left}" y1="{y(value):.1f}" x2="{width - right}" y2="{y(value):.1f}" '
                     'stroke="#ddd" stroke-width="1"/>')
        parts.append(_text(left - 8, y(value) + 4, str(value), 11, "end"))
    for index, number in enumerate(meetings):
        parts.append(_text(x(index), height - 12, f"overleg {number}", 11))
    if target is not None:
        parts.append(f'<line x1="{left}" y1="{y(target):.1f}" x2="{width - right}" y2="{y(target):.1f}" '
                     'stroke="#111" stroke-width="1.5" stroke-dasharray="6 4"/>')
        parts.append(_text(width - right, y(target) - 5, f"doel {target}", 11, "end", bold=True))
    for number, (name, values) in enumerate(lines):
        ink, marker = INK[number % len(INK)], MARKERS[number % len(MARKERS)]
        run: list[str] = []
        for index, point in enumerate(values):
            if point is None:
                parts += _polyline(run, ink)
                run = []
                continue
            run.append(f"{x(index):.1f},{y(point):.1f}")
            parts.append(_marker(marker, x(index), y(point), ink))
            parts.append(_text(x(index), y(point) - 9, str(point), 12, bold=True))
        parts += _polyline(run, ink)
        if len(lines) > 1:
            legend_y = top + 14 * number
            parts.append(_marker(marker, width - right - 150, legend_y, ink))
            parts.append(_text(width - right - 140, legend_y + 4, name[:24], 11, "start"))
    parts.append("</svg>")
    return "\n".join(parts)


# Who carries a step: the same shade for the same carrier in every chart.
SHADES = {"Z+N": "#2e6b2e", "Z": "#2e6b2e", "N": "#6fa86f", "S": "#8fc1c8", "P": "#d9a066", "?": "#eeeeee"}
DARK = {"#2e6b2e"}  # white text on these, for contrast


def stacked_bars(title: str, rows: Sequence[tuple[str, Sequence[tuple[str, int]]]], width: int = 640) -> str:
    """One bar per row, split into parts; every part says its short name and number inside it,
    so the bar reads without colour."""
    row_h, left, top = 30, 150, 30
    height = top + row_h * len(rows) + 10
    most = max((sum(n for _, n in parts) for _, parts in rows), default=0) or 1
    plot_w = width - left - 20
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="{html.escape(title, quote=True)}">',
           _text(0, 18, title, 14, "start", bold=True)]
    for index, (label, parts) in enumerate(rows):
        y = top + index * row_h
        out.append(_text(left - 8, y + 18, label[:22], 12, "end"))
        x = float(left)
        for name, count in parts:
            if count == 0:
                continue
            w = plot_w * count / most
            shade = SHADES.get(name, "#cccccc")
            out.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{shade}" '
                       'stroke="#111" stroke-width="1"/>')
            out.append(_text(x + w / 2, y + 19, f"{name} {count}", 11, bold=True,
                             ink="#fff" if shade in DARK else "#111"))
            x += w
    out.append("</svg>")
    return "\n".join(out)


def capital_grid_svg(rows: Sequence[str], columns: Sequence[str], counts: Sequence[Sequence[int]],
                     width: int = 640) -> str:
    """Capitals against dimensions: each cell a square shaded by how much was tagged there, with
    its number written in it; an empty cell says 'niets', so the forgotten corner shows without
    colour."""
    left, top, row_h = 150, 52, 46
    cell_w = (width - left - 10) / max(1, len(columns))
    height = top + row_h * len(rows) + 10
    most = max((n for row in counts for n in row), default=0) or 1
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" aria-label="Kapitaal en dimensie">',
           _text(0, 18, "Kapitaal en dimensie", 14, "start", bold=True)]
    for index, name in enumerate(columns):
        out.append(_text(left + cell_w * (index + 0.5), top - 10, name[:30], 11, bold=True))
    for row, name in enumerate(rows):
        y = top + row * row_h
        out.append(_text(left - 8, y + row_h / 2 + 4, name[:22], 12, "end"))
        for column, count in enumerate(counts[row]):
            x = left + column * cell_w
            # five steps of grey: darker is more; the number inside says it exactly
            level = round(4 * count / most) if count else 0
            shade = ("#ffffff", "#e3e3e3", "#bdbdbd", "#8a8a8a", "#4a4a4a")[level]
            out.append(f'<rect x="{x + 2:.1f}" y="{y + 2}" width="{cell_w - 4:.1f}" height="{row_h - 4}" '
                       f'fill="{shade}" stroke="#111" stroke-width="1"/>')
            out.append(_text(x + cell_w / 2, y + row_h / 2 + 5, str(count) if count else "niets", 13,
                             bold=bool(count), ink="#fff" if level >= 3 else "#111"))
    out.append("</svg>")
    return "\n".join(out)
