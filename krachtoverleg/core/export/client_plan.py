"""Mijn plan: the client's own copy of the plan, one A4 page in plain Dutch (B1).

Written to the client, in the client's words: what I am good at, what I want to reach, my next
steps with who helps and when, who I can call, when we meet again. It leaves out everything
that belongs to the professionals' file: no method words, no scores, no 'te laat' (a date that
has passed becomes 'zo snel als het lukt'), no notes about other people, no full names of
others (people are named by their role, as the client would: 'mijn broer', 'de
schuldhulpverlener'). The client's own name is on it only when asked.

Each list is capped so the page stays one A4 sheet; what is left off is counted ('en nog 2
stappen'), never silently dropped. User text goes through `markdown.inline`/`cell`, as in the
minutes, and the HTML page has the minutes' CSP and print stylesheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from krachtoverleg.core.export import markdown as md
from krachtoverleg.core.models import Action, Goal, Meeting, NetworkMember, Strength
from krachtoverleg.core.models import Step as ModelStep
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.vocab import (
    ActionStatus,
    Carrier,
    Influence,
    OwnerKind,
    Relation,
    StrengthKind,
)
from krachtoverleg.core.rules.hand_backs import hand_backs
from krachtoverleg.core.rules.hidden import on_screen
from krachtoverleg.core.rules.wording import count, friendly_day

MOST_STEPS = 5  # one A4 page: longer lists say how many more there are
MOST_PEOPLE = 3
MOST_GOALS = 3
MOST_STRENGTHS = 4  # per kind (ik ben, ik kan, ...)
# and each text at most this long, cut at a word with '…': a few long texts must not push the
# page onto a second sheet (the whole text is in the plan the team keeps)
LONGEST_ITEM = 70
LONGEST_STRENGTHS = 110  # all strengths of one kind together
LONGEST_PARAGRAPH = 160  # the hulpvraag, plan B
STRENGTH_WORDS = {StrengthKind.IK_BEN: "Ik ben", StrengthKind.IK_KAN: "Ik kan",
                  StrengthKind.IK_HEB: "Ik heb", StrengthKind.IK_WIL: "Ik wil"}
OWN = (Relation.FAMILY, Relation.FRIENDS, Relation.NEIGHBOURS)  # 'mijn broer'; a professional is 'de …'


@dataclass(frozen=True)
class PlanInput:
    """What Mijn plan is made from: the case, the meeting it comes out of, today, and whether
    the client's own name may be on it (the client is asked)."""

    data: CaseData
    meeting: Meeting
    today: date
    with_name: bool = False


@dataclass(frozen=True)
class PlanStep:
    what: str
    who: str  # 'ik', 'mijn broer', 'ik, met hulp van de schuldhulpverlener'
    when: str  # 'voor vrijdag 12 december'
    mine: bool  # the client does it (for the calendar)
    due: date


def short(text: str, limit: int = LONGEST_ITEM) -> str:
    """At most `limit` characters, cut after a whole word, with '…' when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0] if " " in text[:limit - 1] else text[:limit - 1]
    return cut.rstrip(" ,.;:") + "…"


def _who(member: NetworkMember | None) -> str:
    if member is None:
        return "iemand uit het team"
    role = member.role or member.relation.label
    return f"mijn {role}" if member.relation in OWN else f"de {role}"


def _when(due: date, today: date) -> str:
    if due == today:
        return "vandaag"
    return f"voor {friendly_day(due, today)}" if due > today else "zo snel als het lukt"


def next_steps(data: CaseData, today: date) -> list[PlanStep]:
    """Open actions, the client's own first, then those others do; and every step a professional
    will hand back, said as 'ik doe dit weer zelf'."""
    steps = []
    for action in sorted(data.all(Action), key=lambda a: a.due):
        if action.status not in (ActionStatus.OPEN, ActionStatus.PARTLY):
            continue
        mine = action.owner_kind is OwnerKind.CLIENT
        who = "ik" if mine else _who(data.member(action.owner_id))
        steps.append(PlanStep(action.what, who, _when(action.due, today), mine, action.due))
    acted = {a.step_id for a in data.all(Action) if a.step_id and a.status in (ActionStatus.OPEN,
                                                                                ActionStatus.PARTLY)}
    goals = {g.id for g in data.all(Goal) if g.is_active}
    for step in data.all(ModelStep):  # a step someone took on, with no action yet: no date
        decision = step.decision
        if step.reached or step.id in acted or step.goal_id not in goals or decision is None:
            continue
        if decision.carrier is Carrier.PROFESSIONAL:
            continue  # the professional's own list has it; the hand-back is below
        member = _who(data.member(decision.member_id)) if decision.member_id else ""
        together = f"ik, samen met {member}" if member else "ik, samen met iemand"
        who = {Carrier.ZELF: "ik", Carrier.NETWERK: member or "iemand die ik ken",
               Carrier.SAMEN: together}[decision.carrier]
        mine = decision.carrier is not Carrier.NETWERK
        steps.append(PlanStep(step.text, who, "dat spreken we nog af", mine, date.max))
    for back in hand_backs(data):
        if not back.done:
            helper = _who(data.member(back.professional_id))
            steps.append(PlanStep(f"Dit doe ik weer zelf: {back.step.text}", f"ik, {helper} helpt mij op weg",
                              f"vanaf {friendly_day(back.due, today)}", True, back.due))
    return sorted(steps, key=lambda s: (not s.mine, s.due))


def helpers(data: CaseData) -> list[NetworkMember]:
    """People who help: not someone who makes things harder (the client knows who that is)."""
    return [m for m in data.all(NetworkMember) if m.influence is not Influence.HINDERS]


def _strengths(data: CaseData) -> list[str]:
    lines = []
    for kind, words in STRENGTH_WORDS.items():
        mine = [s.text for s in data.all(Strength) if s.kind is kind]
        if mine:
            shown = _fitting(mine[:MOST_STRENGTHS], LONGEST_STRENGTHS)
            more = f" en nog {len(mine) - len(shown)}" if len(mine) > len(shown) else ""
            lines.append(f"- **{words}** {md.inline(', '.join(shown))}{more}")
    return lines or ["- Dat vullen we samen in bij het volgende gesprek."]


def _fitting(texts: list[str], limit: int) -> list[str]:
    """As many whole texts as fit `limit` together (the first always, cut if it alone is too long):
    what is left off is counted, never hidden in a cut."""
    shown: list[str] = []
    for text in texts:
        if shown and len(", ".join([*shown, text])) > limit:
            break
        shown.append(text if shown else short(text, limit))
    return shown


def _goals(data: CaseData) -> list[str]:
    active = [g for g in sorted(data.all(Goal), key=lambda g: g.position) if g.is_active]
    lines = [f"{n}. {md.inline(short(g.text))}" for n, g in enumerate(active[:MOST_GOALS], start=1)]
    left = len(active) - MOST_GOALS
    if left > 0:
        lines.append(f"\nEn nog {count(left, 'doel', 'doelen')}: "
                     f"{'dat staat' if left == 1 else 'die staan'} in het hele plan.")
    return lines


def client_plan_markdown(plan: PlanInput, made_at: datetime) -> str:
    data, meeting, today = on_screen(plan.data, False), plan.meeting, plan.today  # never what is kept off
    name = data.case.client_name if plan.with_name and data.case.client_name else ""
    out = [f"# Mijn plan{f' – {md.inline(name)}' if name else ''}", "",
           f"Gemaakt samen, op {friendly_day(meeting.date, today)}."]
    out += ["", "## Waar ik goed in ben", "", *_strengths(data)]
    out += ["", "## Wat ik wil bereiken", ""]
    if data.case.hulpvraag:
        out += [f"*{md.inline(short(data.case.hulpvraag, LONGEST_PARAGRAPH))}*", ""]
    out += _goals(data) or ["Dat bespreken we bij het volgende gesprek."]
    steps = next_steps(data, today)
    out += ["", "## Mijn volgende stappen", ""]
    if steps:
        rows = [[md.cell(short(s.what)), md.cell(short(s.who, 60)), s.when] for s in steps[:MOST_STEPS]]
        out += md.table(["Wat", "Wie", "Wanneer"], rows).splitlines()
        left = len(steps) - MOST_STEPS
        if left > 0:
            out += ["", f"En nog {count(left, 'stap', 'stappen')}: "
                        "die bespreken we bij het volgende gesprek."]
    else:
        out.append("Er staan nu geen stappen open.")
    people = helpers(data)
    out += ["", "## Wie kan ik bellen", ""]
    out += [f"- {md.inline(short(_who(m)[0].upper() + _who(m)[1:], 60))}"
            + (f" ({md.inline(short(m.organisation, 40))})" if m.organisation else "")
            + (f": {', '.join(s.label for s in m.support)}" if m.support else "")
            for m in people[:MOST_PEOPLE]] or ["- Mijn contactpersoon van het wijkteam."]
    if len(people) > MOST_PEOPLE:
        left = len(people) - MOST_PEOPLE
        out.append(f"- En nog {'iemand' if left == 1 else f'{left} mensen'} uit mijn netwerk.")
    out += ["", "## Wanneer praten we weer", ""]
    if meeting.next_meeting:
        out.append(f"- Ons volgende gesprek: {friendly_day(meeting.next_meeting, today)}.")
    if meeting.evaluation_date and meeting.evaluation_date != meeting.next_meeting:
        out.append(f"- Dan kijken we samen hoe het gaat: {friendly_day(meeting.evaluation_date, today)}.")
    if meeting.plan_b:
        out.append(f"- Als het anders loopt: {md.inline(short(meeting.plan_b, LONGEST_PARAGRAPH))}")
    if not (meeting.next_meeting or meeting.evaluation_date or meeting.plan_b):
        out.append("- Dat spreken we nog af.")
    out += ["", f"*Dit is mijn plan. Klopt er iets niet, zeg het gerust. ({made_at:%d-%m-%Y})*"]
    return "\n".join(out) + "\n"


def client_plan_ics(plan: PlanInput, made_at: datetime) -> str:
    """The client's own steps in a calendar, each with a kind reminder the day before."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//krachtoverleg//mijn plan//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Mijn plan")
    dated = [s for s in next_steps(on_screen(plan.data, False), plan.today) if s.mine and s.due != date.max]
    for number, step in enumerate(dated):
        event = Event()
        event.add("uid", f"mijn-plan-{plan.data.case.id}-{number}-{step.due.isoformat()}@krachtoverleg")
        event.add("dtstamp", made_at)
        event.add("dtstart", step.due)
        event.add("summary", step.what)
        event.add("description", "Uit mijn plan. Lukt het niet helemaal? Dat is niet erg: "
                                 "we bespreken het samen.")
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(days=-1))
        alarm.add("description", f"Morgen in mijn plan: {step.what}. Je hoeft het niet alleen te doen.")
        event.add_component(alarm)
        calendar.add_component(event)
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")
