"""The series behind the pictures of progress, meeting by meeting. Every value comes from what
was stored at each meeting: scores from the scores, and the eigen-kracht balance from the
snapshot a meeting left when it closed (the case as it stood then), so an old meeting's bar does
not change when the plan changes later."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from krachtoverleg.core.models import Action, Goal, GoalScale, LadderScore, Meeting, Step, Strength, ZrmScore
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.instruments import ZRM_DOMAINS
from krachtoverleg.core.models.vocab import Capital, Carrier, Dimension
from krachtoverleg.core.rules.frozen import as_minuted
from krachtoverleg.core.rules.planning import Balance, balance
from krachtoverleg.core.rules.progress import change_words

Point = tuple[int, int | None]  # (meeting number, value; None: not measured then)


@dataclass(frozen=True)
class Series:
    name: str
    points: list[Point]
    low: int
    high: int
    target: int | None = None

    @property
    def measured(self) -> list[tuple[int, int]]:
        return [(n, v) for n, v in self.points if v is not None]


def zrm_series(data: CaseData) -> list[Series]:
    meetings = data.meetings()
    scored = {s.domain for s in data.all(ZrmScore)}
    result = []
    for domain in (d for d in ZRM_DOMAINS if d in data.case.zrm_domains or d in scored):
        levels = {s.meeting_id: s.level for s in data.all(ZrmScore) if s.domain == domain}
        result.append(Series(domain, [(m.number, levels.get(m.id)) for m in meetings], 1, 5,
                             data.case.zrm_targets.get(domain)))
    return result


def ladder_series(data: CaseData) -> Series:
    rungs = {s.meeting_id: s.rung for s in data.all(LadderScore)}
    return Series("Participatieladder", [(m.number, rungs.get(m.id)) for m in data.meetings()], 1, 6)


def scale_series(data: CaseData) -> list[Series]:
    result = []
    for goal in sorted(data.all(Goal), key=lambda g: g.position):
        values = {s.meeting_id: s.value for s in data.all(GoalScale) if s.goal_id == goal.id}
        if values:
            result.append(Series(goal.text, [(m.number, values.get(m.id)) for m in data.meetings()], 0, 10))
    return result


def balance_series(data: CaseData) -> list[tuple[Meeting, Balance]]:
    """Who carried the open steps at each meeting: as the case stood when it closed (its
    snapshot), or as it stands now for a meeting still open."""
    return [(meeting, balance(as_minuted(data, meeting))) for meeting in data.meetings()]


@dataclass(frozen=True)
class Carriers:
    zelf: int = 0
    netwerk: int = 0
    samen: int = 0
    professional: int = 0
    open: int = 0

    @property
    def total(self) -> int:
        return self.zelf + self.netwerk + self.samen + self.professional + self.open


NO_DOMAIN = "zonder levensgebied"


def carriers_by_domain(data: CaseData) -> dict[str, Carriers]:
    """Per life domain (from the goals), who carries the steps still to do: nothing extra to type."""
    goals = {g.id: g for g in data.all(Goal)}
    counts: dict[str, Counter[str]] = {}
    for step in data.all(Step):
        goal = goals.get(step.goal_id)
        if goal is None or step.reached or not goal.is_active:
            continue
        domain = goal.life_domain or NO_DOMAIN
        carrier = str(step.decision.carrier) if step.decision else "open"
        counts.setdefault(domain, Counter())[carrier] += 1
    order = [*ZRM_DOMAINS, NO_DOMAIN]
    return {domain: Carriers(zelf=c[str(Carrier.ZELF)], netwerk=c[str(Carrier.NETWERK)],
                             samen=c[str(Carrier.SAMEN)], professional=c[str(Carrier.PROFESSIONAL)],
                             open=c["open"])
            for domain, c in sorted(counts.items(), key=lambda item: order.index(item[0]))}


@dataclass(frozen=True)
class Tagged:
    strengths: int = 0
    goals: int = 0
    actions: int = 0

    @property
    def total(self) -> int:
        return self.strengths + self.goals + self.actions


def capital_grid(data: CaseData) -> dict[tuple[Capital, Dimension], Tagged]:
    """The four capitals against the three dimensions: how many strengths, goals and actions are
    tagged there, so the team sees which forms of capital get attention and which are forgotten."""
    grid: dict[tuple[Capital, Dimension], Counter[str]] = {
        (capital, dimension): Counter() for capital in Capital for dimension in Dimension}
    for kind, records in (("strengths", data.all(Strength)), ("goals", data.all(Goal)),
                          ("actions", data.all(Action))):
        for record in records:
            if record.capital is not None and record.dimension is not None:
                grid[(record.capital, record.dimension)][kind] += 1
    return {cell: Tagged(c["strengths"], c["goals"], c["actions"]) for cell, c in grid.items()}


def untagged(data: CaseData) -> int:
    """Strengths, goals and actions without both a capital and a dimension: not in the grid."""
    return sum(1 for records in (data.all(Strength), data.all(Goal), data.all(Action))
               for r in records if r.capital is None or r.dimension is None)


# The six pictures, titled once for the screen and the report.
ZRM_TITLE = "ZRM per domein"
LADDER_TITLE = "Participatieladder"
SCALE_TITLE = "Eigen schaal van de cliënt (0 = nog niets, 10 = bereikt)"
BALANCE_TITLE = "Eigen kracht: wie draagt de open stappen, overleg na overleg"
DOMAIN_TITLE = "Per levensgebied: wie draagt de stappen die nog open zijn"
GRID_TITLE = "Kapitaal en dimensie: waar gaat de aandacht naartoe"


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: its legend label, its short mark inside the bar, its count."""

    label: str
    short: str
    count: int


Bar = tuple[str, list[Segment]]


def balance_bars(data: CaseData) -> list[Bar]:
    """Per meeting: who carried the open steps (the eigen-kracht balance)."""
    return [(f"overleg {meeting.number}", [
        Segment("cliënt en netwerk", "Z+N", counts.client_and_network),
        Segment("samen", "S", counts.together), Segment("professional", "P", counts.professional),
        Segment("nog kiezen", "?", counts.open)]) for meeting, counts in balance_series(data)]


def domain_bars(data: CaseData) -> list[Bar]:
    """Per life domain: who carries the steps still to do."""
    return [(domain, [Segment("zelf", "Z", c.zelf), Segment("netwerk", "N", c.netwerk),
                      Segment("samen", "S", c.samen), Segment("professional", "P", c.professional),
                      Segment("nog kiezen", "?", c.open)])
            for domain, c in carriers_by_domain(data).items()]


def legend(bars: list[Bar]) -> str:
    """'Z = zelf, N = netwerk, ...': the short marks said in words."""
    return ", ".join(f"{s.short} = {s.label}" for s in bars[0][1]) + "." if bars else ""


@dataclass(frozen=True)
class TrendLine:
    """One row of the overview's progress table: what, the values over the meetings, the change."""

    what: str
    course: str  # "2 → 3 → - → 4 (doel 4)"
    change: str  # between the last two measurements


def trend_lines(data: CaseData) -> list[TrendLine]:
    lines = []
    named = [(f"ZRM {s.name}", s) for s in zrm_series(data)]
    named.append(("Participatieladder", ladder_series(data)))
    named += [(f"Eigen schaal: {s.name}", s) for s in scale_series(data)]
    for what, series in named:
        if not series.measured:
            continue
        course = " → ".join("-" if v is None else str(v) for _, v in series.points)
        if series.target is not None:
            course += f" (doel {series.target})"
        measured, last = series.measured, series.points[-1][1]
        if last is None:  # not measured in the latest meeting: said so, with the value before
            change = f"niet gemeten (vorige keer {measured[-1][1]})"
        elif len(measured) > 1:
            change = change_words(measured[-2][1], measured[-1][1])
        else:
            change = "eerste meting"
        lines.append(TrendLine(what, course, change))
    balances = balance_series(data)
    if balances:
        course = " → ".join(f"{b.client_and_network}/{b.together}/{b.professional}/{b.open}"
                            for _, b in balances)
        lines.append(TrendLine("Eigen kracht: cliënt en netwerk / samen / professional / nog kiezen",
                               course, ""))
    return lines
