"""The way travelled, meeting by meeting: the ZRM domains the team chose, the participatieladder
and the client's own scale per goal, each with the previous measurement beside it and the
change said in words and an arrow (never by colour alone).

Only chosen domains are scored: the ZRM is a means to set a direction together, not a full
assessment. The team chooses them per case; the goals' life domains and the hulpvraag suggest."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import Goal, GoalScale, LadderScore, Meeting, ZrmScore
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Change, Put, Remove
from krachtoverleg.core.models.instruments import ZRM_DOMAINS
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.validate import short_number
from krachtoverleg.core.rules.frozen import as_minuted

# Words in the hulpvraag that point at a domain (lower case, as a regular expression).
_HINTS = {
    "Financiën": r"geld|schuld|rekening|betal|post|budget|inkomen",
    "Werk & opleiding": r"werk|baan|opleiding|school|studie",
    "Tijdsbesteding": r"dagbesteding|vrije tijd|hobby|verveel",
    "Huisvesting": r"huis|woning|huur|dakloos|wonen",
    "Huiselijke relaties": r"kind|gezin|partner|ruzie|opvoed",
    "Geestelijke gezondheid": r"bang|stress|somber|rust in|angst|piekeren",
    "Lichamelijke gezondheid": r"ziek|pijn|lichamelijk|gezondheid",
    "Sociaal netwerk": r"eenzaam|alleen|vrienden|contact",
}


def suggested_domains(data: CaseData) -> list[str]:
    """The goals' life domains and what the hulpvraag speaks of, in the ZRM's order."""
    wanted = {g.life_domain for g in data.all(Goal) if g.life_domain}
    question = data.case.hulpvraag.casefold()
    wanted |= {domain for domain, hint in _HINTS.items() if re.search(hint, question)}
    return [d for d in ZRM_DOMAINS if d in wanted]


def change_words(previous: int | None, now: int | None) -> str:
    """'↑ beter', '→ gelijk', '↓ minder'; a first measurement says so."""
    if now is None:
        return "niet gemeten"
    if previous is None:
        return "eerste meting"
    if now > previous:
        return f"↑ beter, +{now - previous}"
    if now < previous:
        return f"↓ minder, {now - previous}"
    return "→ gelijk"


@dataclass(frozen=True)
class Measure:
    """One thing measured at a meeting, with the last earlier measurement of the same thing."""

    what: str  # a ZRM domain, "Participatieladder", or a goal's text
    now: int | None
    previous: int | None
    previous_meeting: int | None  # its number
    target: int | None = None
    key: str = ""  # for the client's scale: the goal's id (two goals may read alike)

    @property
    def change(self) -> str:
        return change_words(self.previous, self.now)


def _earlier(data: CaseData, meeting: Meeting) -> list[Meeting]:
    return [m for m in data.meetings() if (m.date, m.number) < (meeting.date, meeting.number)]


def _last_before(data: CaseData, meeting: Meeting, found: dict[str, int]) -> tuple[int | None, int | None]:
    """The value and meeting number of the latest earlier meeting in `found` (meeting id -> value):
    a domain scored in meeting 1 and 3 but not 2 compares 3 with 1."""
    for earlier in reversed(_earlier(data, meeting)):
        if earlier.id in found:
            return found[earlier.id], earlier.number
    return None, None


def zrm_measures(data: CaseData, meeting: Meeting) -> list[Measure]:
    """Every chosen domain, and any domain scored in this meeting that is no longer chosen."""
    scored = {s.domain for s in data.all(ZrmScore) if s.meeting_id == meeting.id}
    # a closed meeting: the domains chosen then (its snapshot), not those chosen since
    chosen = as_minuted(data, meeting).case.zrm_domains
    domains = [d for d in ZRM_DOMAINS if d in chosen or d in scored]
    measures = []
    for domain in domains:
        by_meeting = {s.meeting_id: s.level for s in data.all(ZrmScore) if s.domain == domain}
        previous, number = _last_before(data, meeting, by_meeting)
        measures.append(Measure(domain, by_meeting.get(meeting.id), previous, number,
                                data.case.zrm_targets.get(domain)))
    return measures


def ladder_measure(data: CaseData, meeting: Meeting) -> Measure:
    by_meeting = {s.meeting_id: s.rung for s in data.all(LadderScore)}
    previous, number = _last_before(data, meeting, by_meeting)
    return Measure("Participatieladder", by_meeting.get(meeting.id), previous, number)


def scale_measures(data: CaseData, meeting: Meeting) -> list[Measure]:
    """The client's own 0-10 per goal that is still running (or was scored in this meeting)."""
    measures = []
    for goal in sorted(data.all(Goal), key=lambda g: g.position):
        by_meeting = {s.meeting_id: s.value for s in data.all(GoalScale) if s.goal_id == goal.id}
        if not goal.is_active and meeting.id not in by_meeting:
            continue
        previous, number = _last_before(data, meeting, by_meeting)
        measures.append(Measure(goal.text, by_meeting.get(meeting.id), previous, number, key=goal.id))
    return measures


def scored_count(data: CaseData, meeting: Meeting) -> str:
    """For the minutes: "3 van 13 domeinen, alleen wat past bij de hulpvraag"."""
    scored = len({s.domain for s in data.all(ZrmScore) if s.meeting_id == meeting.id})
    return f"{scored} van {len(ZRM_DOMAINS)} domeinen, alleen wat past bij de hulpvraag"


def score_changes(data: CaseData, meeting: Meeting, zrm: dict[str, int | None], rung: int | None,
                  scales: dict[str, int | None]) -> list[Change]:
    """The measurements of this meeting as entered: a value kept or changed, a new one added, one
    left empty removed. Notes written with a score stay with it."""
    here = meeting.id
    changes: list[Change] = []
    for domain, level in zrm.items():
        old = next((s for s in data.all(ZrmScore) if s.meeting_id == here and s.domain == domain), None)
        new = None
        if level is not None:
            new = old.replace(level=level) if old else ZrmScore(here, domain, level)
        changes += _one(old, new)
    old_rung = next((s for s in data.all(LadderScore) if s.meeting_id == here), None)
    new_rung = None
    if rung is not None:
        new_rung = old_rung.replace(rung=rung) if old_rung else LadderScore(here, rung)
    changes += _one(old_rung, new_rung)
    for goal_id, value in scales.items():
        old_scale = next((s for s in data.all(GoalScale) if s.meeting_id == here and s.goal_id == goal_id),
                         None)
        new_scale = None
        if value is not None:
            new_scale = old_scale.replace(value=value) if old_scale else GoalScale(here, goal_id, value)
        changes += _one(old_scale, new_scale)
    return changes


def _one(old: Record | None, new: Record | None) -> list[Change]:
    if new is None:
        return [Remove(type(old), old.id)] if old is not None else []
    if old is not None and old.to_dict() == new.to_dict():
        return []
    return [Put(new)]


def describe(measure: Measure, unit: str = "") -> str:
    """'Financiën: 3 (↑ beter, +1 sinds overleg 1; doel 4)'; 'Financiën: niet gemeten (vorige keer 3)'."""
    target = f"; doel {measure.target}" if measure.target else ""
    if measure.now is None:
        before = f"vorige keer {unit}{measure.previous}" if measure.previous is not None else ""
        extra = "; ".join(part for part in (before, target.removeprefix("; ")) if part)
        return f"{measure.what}: niet gemeten" + (f" ({extra})" if extra else "")
    since = f" sinds overleg {measure.previous_meeting}" if measure.previous_meeting is not None else ""
    return f"{measure.what}: {unit}{measure.now} ({measure.change}{since}{target})"


def summary_lines(data: CaseData, meeting: Meeting) -> list[str]:
    """What Terugblik shows of this meeting's measurements, in words."""
    zrm = zrm_measures(data, meeting)
    lines = [("ZRM: " + " · ".join(describe(m) for m in zrm)) if zrm
             else "ZRM: nog geen domeinen gekozen (k)"]
    ladder = ladder_measure(data, meeting)
    if ladder.now is not None or ladder.previous is not None:
        lines.append(describe(ladder, unit="trede "))
    scales = scale_measures(data, meeting)
    if scales:
        lines.append("Eigen schaal (0-10): " + " · ".join(describe(m) for m in scales))
    return lines


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def _pair(given: str, what: str, shape: str) -> tuple[str, int]:
    name, sep, number = given.rpartition("=")
    problem = f"{what} '{given[:40]}': schrijf {shape}."
    if not sep or not name.strip():
        raise ValidationError(problem)
    return name.strip(), short_number(number.strip(), problem)


def parse_scores(data: CaseData, zrm: list[str], ladder: str | None,
                 scales: list[str]) -> tuple[dict[str, int | None], int | None, dict[str, int | None]]:
    """Scores typed on the command line ("Financiën=3", "2", "1=6"), checked as the screen checks
    them: only a chosen domain, a rung 1-6, a goal by its number in Doelen and a value 0-10."""
    chosen = {_fold(d): d for d in data.case.zrm_domains}
    levels: dict[str, int | None] = {}
    for given in zrm:
        name, level = _pair(given, "--zrm", "DOMEIN=NIVEAU, zoals Financiën=3")
        domain = chosen.get(_fold(name))
        if domain is None:
            options = ", ".join(data.case.zrm_domains) or "nog geen"
            raise ValidationError(f"--zrm: '{name}' is geen gekozen domein van deze casus "
                                  f"(gekozen: {options}). Kies domeinen in het overleg bij Terugblik met k.")
        if domain in levels:
            raise ValidationError(f"--zrm: {domain} staat er twee keer; geef elk domein één niveau.")
        levels[domain] = ZrmScore("x", domain, level).level  # checks 1-5 in the record's own words
    rung = None
    if ladder is not None:
        wrong = f"--ladder '{ladder[:40]}': geef een trede van 1 tot en met 6."
        rung = LadderScore("x", short_number(ladder.strip(), wrong)).rung
    goals = sorted(data.all(Goal), key=lambda g: g.position)
    values: dict[str, int | None] = {}
    for given in scales:
        number, value = _pair(given, "--scale", "DOEL=WAARDE, zoals 1=6 (het doel zoals genummerd in Doelen)")
        missing = (f"--scale: doel '{number[:40]}' bestaat niet; de doelen zijn genummerd 1 tot en met "
                   f"{len(goals)}, zoals in Doelen.")
        position = short_number(number, missing)
        if not 1 <= position <= len(goals):
            raise ValidationError(missing)
        goal = goals[position - 1]
        if goal.id in values:
            raise ValidationError(f"--scale: doel {number} staat er twee keer; geef elk doel één waarde.")
        values[goal.id] = GoalScale("x", goal.id, value).value
    return levels, rung, values


def _arrow(measure: Measure) -> str:
    """'3↑': the value and, when there was one before, the way it went as an arrow."""
    if measure.now is None:
        return ""
    if measure.previous is None:
        return str(measure.now)
    way = "↑" if measure.now > measure.previous else "↓" if measure.now < measure.previous else "→"
    return f"{measure.now}{way}"


def short_summary(data: CaseData, meeting: Meeting) -> str:
    """One or two lines for a small screen: each value measured today with the way it went
    (↑ beter, → gelijk, ↓ minder), and how many are still to measure."""
    zrm = zrm_measures(data, meeting)
    scales = scale_measures(data, meeting)
    ladder = ladder_measure(data, meeting)
    done = [f"{m.what} {_arrow(m)}" for m in zrm if m.now is not None]
    if ladder.now is not None:
        done.append(f"ladder {_arrow(ladder)}")
    done += [f"schaal doel {n} {_arrow(m)}" for n, m in enumerate(scales, start=1) if m.now is not None]
    todo = sum(m.now is None for m in zrm) + (ladder.now is None) + sum(m.now is None for m in scales)
    still = f"nog {todo} te meten" if todo else "alles gemeten"
    if not done:
        return f"nog niets gemeten ({still})"
    return " · ".join(done) + f" ({still}; ↑ beter, → gelijk, ↓ minder)"
