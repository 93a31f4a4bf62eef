"""The minutes (verslag) of one meeting, as Markdown: the header, every stage of the agenda in
order, then in one place the decisions, the action list, the evaluation date, plan B and the next
meeting (domain.md section 5).

People are named through `Names`, so the default minutes are pseudonymised exactly as the shared
screen in privacy mode; `Names(show_names=True)` gives the private version. Every piece of user
text passes through `markdown.inline`, `block` or `cell`, so it shows as typed and cannot change
the structure. Case-level records (strengths, network, goals, ...) are shown as they stood when
the meeting closed (core.rules.frozen), those first named in this meeting marked new."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.export import markdown as md
from krachtoverleg.core.models import (
    Action,
    Ambition,
    Decision,
    Goal,
    LadderScore,
    Meeting,
    Need,
    NetworkMember,
    Resource,
    Strength,
    ZrmScore,
)
from krachtoverleg.core.models.agenda import AGENDA, StageKey, stage_number
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.instruments import LADDER_RUNGS, ZRM_LEVELS
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.validate import short_number
from krachtoverleg.core.models.vocab import (
    Influence,
    Presence,
    ResourceGroup,
    StrengthKind,
    Tie,
)
from krachtoverleg.core.rules.completeness import carried_work
from krachtoverleg.core.rules.family import FAMILY_MARK, family_summary
from krachtoverleg.core.rules.hand_backs import (
    HandBack,
    due_at,
    is_hand_back,
    state_of,
)
from krachtoverleg.core.rules.hidden import left_out, left_out_note, on_screen
from krachtoverleg.core.rules.household import household_names
from krachtoverleg.core.rules.planning import (
    balance,
    looking_back,
    ordered_steps,
    review_actions,
    successes,
)
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.rules.progress import (
    Measure,
    ladder_measure,
    scale_measures,
    scored_count,
    zrm_measures,
)
from krachtoverleg.core.rules.wording import (
    OVERDUE,
    STATUS_SIGNS,
    count,
    day,
    goal_state,
    hand_back,
    takeover_reason,
    yes_no,
)

Section = Callable[[CaseData, Meeting, Names], str]
NEW = "nieuw"  # a strength, person or goal named for the first time in this meeting


def choose_meeting(data: CaseData, which: str | int | None) -> Meeting:
    """The meeting `--meeting N|latest` names: its number, or the latest by date."""
    meetings = data.meetings()
    if not meetings:
        raise ValidationError(f"Casus {data.case.code} heeft nog geen overleg.")
    if which is None or which == "latest":
        return meetings[-1]
    number = which if isinstance(which, int) else short_number(
        which, f"Overleg '{which[:40]}': geef een nummer (zoals 2) of 'latest'.")
    found = next((m for m in meetings if m.number == number), None)
    if found is None:
        numbers = ", ".join(str(m.number) for m in meetings)
        raise ValidationError(f"Casus {data.case.code} heeft geen overleg {number} (wel: {numbers}).")
    return found


def meeting_decisions(data: CaseData, meeting: Meeting) -> list[Decision]:
    return sorted((d for d in data.all(Decision) if d.meeting_id == meeting.id), key=lambda d: d.number)


# -- the header --------------------------------------------------------------------------


def _header(data: CaseData, meeting: Meeting, names: Names, made_at: datetime) -> str:
    present = [a for a in meeting.attendees if a.presence is Presence.PRESENT]
    absent = [a for a in meeting.attendees if a.presence is Presence.ABSENT_WITH_NOTICE]
    closed = "gesloten" if not meeting.is_open else "nog open (concept)"
    version = ("VERTROUWELIJK: met volledige namen" if names.show_names
               else "Namen zijn verkort tot rol of initialen")
    facts = [
        ("Cliënt", md.inline(names.case_title(data.case))),
        ("Gezin", md.inline(", ".join(household_names(data.case.household, names, meeting.date.year)))
         or "-"),
        ("Datum", day(meeting.date)),
        ("Voorzitter", md.inline(names.person(meeting.chair)) or "-"),
        ("Notulist", md.inline(names.person(meeting.minute_taker)) or "-"),
        ("Aanwezig", md.inline(", ".join(names.attendee(a) for a in present)) or "-"),
        ("Afwezig met kennisgeving", md.inline(", ".join(names.attendee(a) for a in absent)) or "-"),
        ("Cliënt aanwezig", yes_no(meeting.client_present)),
        ("Cliënt akkoord met dit overleg", yes_no(meeting.client_agreed)),
        ("Status van het overleg", closed),
    ]
    lines = [
        f"# Verslag casusoverleg {md.inline(data.case.code)}, overleg {meeting.number}",
        "",
        md.bullets(f"**{label}:** {value}" for label, value in facts),
        "",
        f"*{version}. Gemaakt op {day(made_at.date())} om {made_at.strftime('%H:%M')}.*",
    ]
    return "\n".join(lines)


# -- one function per agenda stage ---------------------------------------------------------


SECTIONS: dict[StageKey, Section] = {}


def section(key: StageKey) -> Callable[[Section], Section]:
    """Declare the minutes section of an agenda stage (a test checks every stage has one)."""
    def declare(render: Section) -> Section:
        if key in SECTIONS:
            raise ValueError(f"two minutes sections for stage {key}")
        SECTIONS[key] = render
        return render
    return declare


@section(StageKey.OPENING)
def _opening(data: CaseData, meeting: Meeting, names: Names) -> str:
    hulpvraag = md.block(data.case.hulpvraag) or "nog niet ingevuld"
    purpose = md.block(meeting.purpose) or "-"
    return (f"**Hulpvraag, in de woorden van de cliënt:**\\\n{hulpvraag}\n\n"
            f"**Doel van dit overleg:** {purpose}")


def _number(data: CaseData, action: Action) -> str:
    meeting = data.get(Meeting, action.meeting_id)
    return str(meeting.number) if meeting else "?"


@section(StageKey.TERUGBLIK)
def _review(data: CaseData, meeting: Meeting, names: Names) -> str:
    actions = review_actions(data, meeting)
    parts = []
    if actions:
        previous = data.previous_meeting(meeting)
        parts.append(md.table(["Actie", "Hoe ging het", "Wie", "Afgesproken vóór", "Waarom"], [
            [md.cell(a.what) + ("" if previous and a.meeting_id == previous.id else
                                f" (nog open uit overleg {_number(data, a)})"),
             STATUS_SIGNS[a.status] + (f" {OVERDUE}" if a.overdue(meeting.date) else ""),
             md.cell(names.owner(a, data)), day(a.due),
             md.cell(a.note)] for a in actions]))
    else:
        parts.append("Er zijn geen acties van een vorig overleg.")
    returning = due_at(data, meeting)
    if returning:
        table = md.table(["Stap", "Hoe staat het", "Wie had het", "Terug op", "Hoe"], [
            [md.cell(h.step.text), state_of(h), md.cell(_professional(h, data, names)),
             day(h.due), md.cell(h.plan)] for h in returning])
        parts.append(f"**Teruggeven aan de cliënt** (een professional had de stap overgenomen):\n\n{table}")
    agreed = looking_back(data, meeting)
    if agreed:
        parts.append(md.inline(agreed))
    wins = successes(data, meeting)
    if wins:
        parts.append("**Gelukt:**\n\n" + md.bullets(f"★ {md.inline(win)}" for win in wins))
    return "\n\n".join(parts)


def _professional(hand_back: HandBack, data: CaseData, names: Names) -> str:
    member = data.member(hand_back.professional_id)
    return names.member(member) if member else "professional"


@section(StageKey.KRACHTEN)
def _strengths(data: CaseData, meeting: Meeting, names: Names) -> str:
    parts = []
    for kind in StrengthKind:
        items = [s for s in data.all(Strength) if s.kind is kind]
        lines = []
        for strength in items:
            tags = [t for t in (strength.dimension and strength.dimension.label,
                                strength.capital and f"kapitaal: {strength.capital.label}",
                                strength.named_by and f"genoemd door {strength.named_by.label}") if t]
            if strength.meeting_id == meeting.id and data.previous_meeting(meeting) is not None:
                tags.insert(0, NEW)  # named for the first time in this meeting
            suffix = f" ({', '.join(tags)})" if tags else ""
            lines.append(f"{md.inline(strength.text)}{suffix}")
        body = md.bullets(lines) if lines else "- nog niets genoemd"
        parts.append(f"**{kind.label.capitalize()} ...**\n\n{body}")
    return "\n\n".join(parts)


@section(StageKey.HULPBRONNEN)
def _resources(data: CaseData, meeting: Meeting, names: Names) -> str:
    resources = data.all(Resource)
    if not resources:
        return "Nog geen hulpbronnen genoteerd."
    order = list(ResourceGroup)
    rows = [[md.cell(r.text), r.group.label, r.type.label,
             "in gebruik" if r.in_use else "nog niet gebruikt",
             r.quality.label if r.quality else "-"]
            for r in sorted(resources, key=lambda r: order.index(r.group))]
    return md.table(["Hulpbron", "Groep", "Soort", "Gebruik", "Kwaliteit"], rows)


@section(StageKey.NETWERK)
def _network(data: CaseData, meeting: Meeting, names: Names) -> str:
    members = data.all(NetworkMember)
    if not members:
        return "Nog niemand genoteerd."
    rows = []
    for member in members:
        influence = member.influence.label
        if member.influence is Influence.HINDERS:
            influence = f"⚠ {influence}"
        tie = f"⚡ {member.tie.label}" if member.tie is Tie.STRESSFUL else member.tie.label
        support = ", ".join(s.label for s in member.support) or "-"
        new = f" ({NEW})" if member.added_in_id == meeting.id else ""
        rows.append([md.cell(names.member(member)) + new, member.relation.label, support, tie, influence,
                     md.cell(member.contribution)])
    return md.table(["Wie", "Relatie", "Steun", "Band", "Invloed", "Wat kan deze persoon doen"], rows)


@section(StageKey.AMBITIES)
def _ambitions(data: CaseData, meeting: Meeting, names: Names) -> str:
    ambitions = [md.block(a.text) for a in data.all(Ambition)] or ["nog niets genoteerd"]
    needs = [md.block(n.text) + (f" ({n.kind.label})" if n.kind else "") for n in data.all(Need)]
    return (f"**Ambities:**\n\n{md.bullets(ambitions)}\n\n"
            f"**Behoeften:**\n\n{md.bullets(needs or ['nog niets genoteerd'])}")


@section(StageKey.DOELEN)
def _goals(data: CaseData, meeting: Meeting, names: Names) -> str:
    goals = sorted(data.all(Goal), key=lambda g: g.position)
    if not goals:
        return "Nog geen doelen."
    parts = []
    for number, goal in enumerate(goals, start=1):
        steps = data.steps_of(goal)
        reached = sum(s.reached for s in steps)
        tags = [t for t in (goal.life_domain, goal.capital and f"kapitaal: {goal.capital.label}") if t]
        title = f"**Doel {number}: {md.inline(goal.text)}**"
        title += f" ({md.inline(', '.join(tags))})" if tags else ""
        title += f" · {goal_state(goal)}" if not goal.is_active else ""
        title += f" · {NEW} in dit overleg" if goal.added_in_id == meeting.id else ""
        lines = [f"{'✓ gelukt' if s.reached else '○ nog te doen'}: {md.inline(s.text)}"
                 + (f" (op {day(s.reached_on)})" if s.reached and s.reached_on else "")
                 for s in steps]
        body = "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1)) or "Nog geen stappen."
        parts.append(f"{title}\\\n{reached} van {count(len(steps), 'stap', 'stappen')} gelukt.\n\n{body}")
    return "\n\n".join(parts)


@section(StageKey.ZELF_OF_IK)
def _self_or_me(data: CaseData, meeting: Meeting, names: Names) -> str:
    steps = [s for s in ordered_steps(data) if not s.reached]
    counts = balance(data)
    question = "*Moet ik dit doen, of kan de cliënt dit zelf?*"
    if not steps:
        return f"{question}\n\nEr zijn geen open stappen."
    rows = [[md.cell(s.text), md.cell(names.carrier(s.decision, data)),
             md.cell(takeover_reason(s.decision)), md.cell(hand_back(s.decision))] for s in steps]
    table = md.table(["Stap", "Wie doet het", "Waarom een professional", "Terug naar cliënt"], rows)
    summary = (f"Balans: cliënt en netwerk {counts.client_and_network}, samen {counts.together}, "
               f"professional {counts.professional}, nog kiezen {counts.open}.")
    return f"{question}\n\n{table}\n\n{summary}"


@section(StageKey.ACTIES)
def _actions(data: CaseData, meeting: Meeting, names: Names) -> str:
    actions = data.actions_of(meeting)
    decisions = meeting_decisions(data, meeting)
    family = family_summary(data, meeting)
    family = f"\n\n{family}" if family else ""
    if not actions and not decisions:
        carried = len(carried_work(data, meeting))
        if carried:
            return (f"In dit overleg geen nieuwe acties of besluiten; van eerder "
                    f"{'staat' if carried == 1 else 'staan'} er nog {_count(carried, 'actie', 'acties')} "
                    "open: zie de actielijst hieronder." + family)
        return "Nog geen acties of besluiten afgesproken." + family
    return (f"{_count(len(actions), 'actie', 'acties')} en "
            f"{_count(len(decisions), 'besluit', 'besluiten')} afgesproken; "
            "zie de besluitenlijst en de actielijst hieronder." + family)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@section(StageKey.AFSLUITING)
def _closing(data: CaseData, meeting: Meeting, names: Names) -> str:
    summary = md.block(meeting.summary) or "-"
    return f"**Samenvatting:**\\\n{summary}\n\n**Volgend overleg:** {day(meeting.next_meeting)}"




# -- the summary at the end ------------------------------------------------------------------


def _family(record: Action | Decision) -> str:
    return f" ({FAMILY_MARK})" if record.by_family else ""


def _agreements(data: CaseData, meeting: Meeting, names: Names) -> str:
    decisions = meeting_decisions(data, meeting)
    decision_list = ("\n".join(f"{d.number}. {md.block(d.text)}{_family(d)}" for d in decisions)
                     or "Geen besluiten.")
    # This meeting's actions, then every earlier one still to do: nothing agreed drops off the list.
    actions = sorted(data.actions_of(meeting), key=lambda a: a.due) + carried_work(data, meeting)
    action_table = md.table(["Nr", "Actie", "Wie", "Wanneer", "Hoe controleren", "Status"], [
        [str(i), md.cell(a.what) + _family(a) + (
            f" (doorgeschoven uit overleg {_number(data, a)})"
            if a.meeting_id != meeting.id and not is_hand_back(a) else ""),
         md.cell(names.owner(a, data)), day(a.due), md.cell(a.check),
         STATUS_SIGNS[a.status] + (f" {OVERDUE}" if a.overdue(meeting.date) else "")]
        for i, a in enumerate(actions, start=1)]) if actions else "Geen acties."
    return "\n\n".join([
        "## Besluitenlijst", decision_list,
        "## Actielijst", action_table,
        "## Evaluatie, plan B en volgend overleg",
        f"**Evaluatie op:** {day(meeting.evaluation_date)}\\\n"
        f"**Plan B, als het anders loopt:** {md.block(meeting.plan_b) or '-'}\\\n"
        f"**Volgend overleg:** {day(meeting.next_meeting)}",
    ])


def _instruments(data: CaseData, meeting: Meeting) -> str:
    """What was measured in this meeting, each beside the last earlier measurement; only the
    domains the team chose, and the minutes say so."""
    zrm = [m for m in zrm_measures(data, meeting) if m.now is not None]
    ladder = ladder_measure(data, meeting)
    scales = [m for m in scale_measures(data, meeting) if m.now is not None]
    if not zrm and ladder.now is None and not scales:
        return ""
    notes = {s.domain: s.note for s in data.all(ZrmScore) if s.meeting_id == meeting.id}
    parts = ["## Meetinstrumenten"]
    if zrm:
        parts.append(f"**ZRM:** {scored_count(data, meeting)}.")
        parts.append(md.table(["ZRM-domein", "Niveau", "Vorige keer", "Verandering", "Doel", "Toelichting"], [
            [m.what, f"{m.now} {ZRM_LEVELS[m.now or 1]}", _previous(m), m.change,
             str(m.target) if m.target else "-", md.cell(notes.get(m.what, ""))] for m in zrm]))
    if ladder.now is not None:
        note = next((s.note for s in data.all(LadderScore) if s.meeting_id == meeting.id), "")
        extra = f" ({md.inline(note)})" if note else ""
        since = f" sinds overleg {ladder.previous_meeting}" if ladder.previous_meeting else ""
        parts.append(f"**Participatieladder:** trede {ladder.now}, {LADDER_RUNGS[ladder.now]}{extra}; "
                     f"{ladder.change}{since}.")
    if scales:
        parts.append("**Eigen schaal van de cliënt** (hoe dicht bij het doel, 0 = nog niets, 10 = bereikt):")
        parts.append(md.table(["Doel", "Nu", "Vorige keer", "Verandering"], [
            [md.cell(m.what), str(m.now), _previous(m), m.change] for m in scales]))
    return "\n\n".join(parts)


def _previous(measure: Measure) -> str:
    return "-" if measure.previous is None else f"{measure.previous} (overleg {measure.previous_meeting})"


# What each stage's section shows that can be kept off the screen ('niet op het scherm').
HIDEABLE_IN: dict[StageKey, tuple[type[Record], ...]] = {
    StageKey.KRACHTEN: (Strength,), StageKey.HULPBRONNEN: (Resource,), StageKey.NETWERK: (NetworkMember,),
    StageKey.ACTIES: (Action, Decision)}


def minutes_markdown(data: CaseData, meeting: Meeting, names: Names, made_at: datetime) -> str:
    """The default minutes (names hidden) leave out what was marked 'niet op het scherm' and
    say how many points only the full minutes hold; the full minutes have everything."""
    shown = on_screen(data, names.show_names)
    parts = [_header(shown, meeting, names, made_at)]
    for stage in AGENDA:
        section = SECTIONS[stage.key](shown, meeting, names)
        left = sum(left_out(data, kind, names.show_names) for kind in HIDEABLE_IN.get(stage.key, ()))
        note = f"\n\n*{left_out_note(left)}*" if left else ""
        parts.append(f"## {stage_number(stage.key)}. {stage.title}\n\n{section}{note}")
    parts.append(_agreements(shown, meeting, names))
    data = shown
    instruments = _instruments(data, meeting)
    if instruments:
        parts.append(instruments)
    return "\n\n".join(parts) + "\n"
