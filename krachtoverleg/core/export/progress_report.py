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
from krachtoverleg.core.export.svg import line_chart, stacked_bars
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import Capital, Dimension
from krachtoverleg.core.rules.planning import Balance
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.rules.trends import (
    Series,
    Tagged,
    balance_series,
    capital_grid,
    carriers_by_domain,
    ladder_series,
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
        _series_part("ZRM per domein", zrm_series(data),
                     "Nog geen ZRM-scores. Kies de domeinen in Terugblik (k) en meet met m.", meetings),
        _series_part("Participatieladder", [ladder_series(data)], "Nog geen trede gemeten.", meetings),
        _series_part("Eigen schaal van de cliënt (0 = nog niets, 10 = bereikt)", scale_series(data),
                     "De cliënt heeft nog geen schaal gegeven.", meetings),
    ]
    balances = balance_series(data)
    labels = ("cliënt en netwerk", "samen", "professional", "nog kiezen")
    rows = [[f"overleg {m.number}", *(str(n) for n in _counts(b))] for m, b in balances]
    bars = [(f"overleg {m.number}", list(zip(("Z+N", "S", "P", "?"), _counts(b), strict=True)))
            for m, b in balances]
    parts.append(Part("Eigen kracht: wie draagt de open stappen, overleg na overleg",
                      md.table(["", *labels], rows) + "\n\nZ+N = cliënt en netwerk, S = samen, "
                      "P = professional, ? = nog kiezen.",
                      stacked_bars("Wie draagt de open stappen", bars)))
    domains = carriers_by_domain(data)
    if domains:
        rows = [[md.cell(d), str(c.zelf), str(c.netwerk), str(c.samen), str(c.professional), str(c.open)]
                for d, c in domains.items()]
        bars = [(d, [("Z", c.zelf), ("N", c.netwerk), ("S", c.samen), ("P", c.professional), ("?", c.open)])
                for d, c in domains.items()]
        header = ["Levensgebied", "zelf", "netwerk", "samen", "professional", "nog kiezen"]
        parts.append(Part("Per levensgebied: wie draagt de stappen die nog open zijn",
                          md.table(header, rows) + "\n\nZ = zelf, N = netwerk, S = samen, P = professional, "
                          "? = nog kiezen.", stacked_bars("Per levensgebied", bars)))
    else:
        parts.append(Part("Per levensgebied: wie draagt de stappen die nog open zijn", "Geen open stappen."))
    grid = capital_grid(data)
    rows = [[capital.label, *(_tagged(grid[(capital, dimension)]) for dimension in Dimension)]
            for capital in Capital]
    note = untagged(data)
    parts.append(Part(
        "Kapitaal en dimensie: waar gaat de aandacht naartoe",
        md.table(["Kapitaal", *(d.label for d in Dimension)], rows)
        + "\n\nk = krachten, d = doelen, a = acties. Een leeg vak: daar is nog niets mee gedaan."
        + (f" {note} krachten, doelen en acties zonder kapitaal en dimensie tellen niet mee."
           if note else "")))
    return parts


def _counts(counts: Balance) -> tuple[int, int, int, int]:
    return counts.client_and_network, counts.together, counts.professional, counts.open


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
