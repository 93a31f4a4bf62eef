"""The progress report (voortgang): the way travelled over all meetings of a case, in six
pictures, each with its numbers in a table as well. Markdown for mail; HTML with inline SVG
charts (see svg.py) for the screen and the printer. Pseudonymised by default, like the minutes.

Every piece of user text goes through `markdown.cell`/`inline` (Markdown) or `html.escape`
(SVG), so it shows as typed and cannot change the structure."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime

from krachtoverleg.core.export import markdown as md
from krachtoverleg.core.export.svg import capital_grid_svg, line_chart, stacked_bars
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import Capital, Dimension
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.rules.trends import (
    BALANCE_TITLE,
    DOMAIN_TITLE,
    GRID_TITLE,
    LADDER_TITLE,
    SCALE_TITLE,
    ZRM_TITLE,
    Bar,
    Series,
    Tagged,
    balance_bars,
    capital_grid,
    domain_bars,
    ladder_series,
    legend,
    scale_series,
    untagged,
    zrm_series,
)
from krachtoverleg.core.rules.wording import day


@dataclass(frozen=True)
class Part:
    title: str
    markdown: str  # the numbers, as text
    svg: str = ""  # the picture (HTML only)


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def _series_part(title: str, series: list[Series], empty: str, meetings: list[int]) -> Part:
    if not series or not any(s.measured for s in series):
        return Part(title, empty)
    header = ["", *(f"overleg {n}" for n in meetings), "doel"]
    rows = [[md.cell(s.name), *(_cell(v) for _, v in s.points), _cell(s.target)] for s in series]
    charts = "\n".join(line_chart(s.name, meetings, [(s.name, [v for _, v in s.points])], s.low, s.high,
                                  s.target) for s in series if s.measured)
    return Part(title, md.table(header, rows), charts)


def parts_of(data: CaseData) -> list[Part]:
    meetings = [m.number for m in data.meetings()]
    parts = [
        _series_part(ZRM_TITLE, zrm_series(data),
                     "Nog geen ZRM-scores. Kies de domeinen in Terugblik (k) en meet met m.", meetings),
        _series_part(LADDER_TITLE, [ladder_series(data)], "Nog geen trede gemeten.", meetings),
        _series_part(SCALE_TITLE, scale_series(data), "De cliënt heeft nog geen schaal gegeven.", meetings),
        _bars_part(BALANCE_TITLE, "Wie draagt de open stappen", "", balance_bars(data), "Nog geen overleg."),
        _bars_part(DOMAIN_TITLE, "Per levensgebied", "Levensgebied", domain_bars(data), "Geen open stappen."),
    ]
    grid = capital_grid(data)
    rows = [[capital.label, *(_tagged(grid[(capital, dimension)]) for dimension in Dimension)]
            for capital in Capital]
    note = untagged(data)
    parts.append(Part(
        GRID_TITLE,
        md.table(["Kapitaal", *(d.label for d in Dimension)], rows)
        + "\n\nk = krachten, d = doelen, a = acties. Een leeg vak: daar is nog niets mee gedaan."
        + (f" {note} krachten, doelen en acties zonder kapitaal en dimensie tellen niet mee."
           if note else ""),
        capital_grid_svg([c.label for c in Capital], [d.label for d in Dimension],
                         [[grid[(c, d)].total for d in Dimension] for c in Capital])))
    return parts


def _bars_part(title: str, chart_title: str, first_column: str, bars: list[Bar], empty: str) -> Part:
    if not bars:
        return Part(title, empty)
    rows = [[md.cell(label), *(str(s.count) for s in segments)] for label, segments in bars]
    header = [first_column, *(s.label for s in bars[0][1])]
    shorts = [(label, [(s.short, s.count) for s in segments]) for label, segments in bars]
    return Part(title, md.table(header, rows) + "\n\n" + legend(bars), stacked_bars(chart_title, shorts))


def _tagged(cell: Tagged) -> str:
    return f"k {cell.strengths} · d {cell.goals} · a {cell.actions}" if cell.total else "-"


def _title(data: CaseData, names: Names) -> str:
    return f"Voortgang {names.case_title(data.case)}"


def progress_markdown(data: CaseData, names: Names, made_at: datetime) -> str:
    version = ("VERTROUWELIJK: met volledige namen" if names.show_names
               else "Namen zijn verkort tot rol of initialen")
    head = [f"# {md.inline(_title(data, names))}", "",
            f"*{len(data.meetings())} overleggen. {version}. Gemaakt op {day(made_at.date())} om "
            f"{made_at:%H:%M}.*"]
    body = [f"## {part.title}\n\n{part.markdown}" for part in parts_of(data)]
    return "\n\n".join(["\n".join(head), *body]) + "\n"


def progress_html(data: CaseData, names: Names, made_at: datetime) -> str:
    from krachtoverleg.core.export.html_document import html_page, render_body

    version = ("VERTROUWELIJK: met volledige namen" if names.show_names
               else "Namen zijn verkort tot rol of initialen")
    pieces = [render_body(f"# {md.inline(_title(data, names))}\n\n*{len(data.meetings())} overleggen. "
                          f"{version}. Gemaakt op {day(made_at.date())} om {made_at:%H:%M}.*")]
    for part in parts_of(data):
        pieces.append(f"<h2>{html.escape(part.title)}</h2>\n")
        if part.svg:
            pieces.append(f'<div class="chart">\n{part.svg}\n</div>\n')
        pieces.append(render_body(part.markdown))
    return html_page("".join(pieces), _title(data, names))
