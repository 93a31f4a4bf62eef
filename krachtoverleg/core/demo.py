"""The demo household, after the seeds' own example: Petra (38), Sem (10) and Noor (7), serious
debts and the paperwork stuffed in two cupboards. Two closed meetings four weeks apart, with
scores at each, and a third today, open.

Free text names people by role, never by name, as a team should write it: what is typed into a
text field is shown as typed, also in privacy mode."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from krachtoverleg.core.models import (
    Action,
    Ambition,
    Attendee,
    Case,
    Decision,
    Goal,
    GoalScale,
    HouseholdMember,
    LadderScore,
    Meeting,
    Need,
    NetworkMember,
    Resource,
    Step,
    StepDecision,
    Strength,
    ZrmScore,
)
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.changes import Put
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.vocab import (
    ActionStatus,
    Capital,
    Carrier,
    CaseKind,
    Dimension,
    Influence,
    MeetingStatus,
    NamedBy,
    NeedKind,
    OwnerKind,
    Presence,
    Relation,
    ResourceGroup,
    ResourceType,
    StrengthKind,
    Support,
    TakeoverReason,
    Tie,
)
from krachtoverleg.core.rules.frozen import close
from krachtoverleg.core.store.engine import CaseStore


def demo_household(code: str, today: date) -> tuple[Case, list[Record]]:
    earlier = today - timedelta(days=28)
    first_day = today - timedelta(days=56)
    case = Case(
        code=code, label="Gezin V.", kind=CaseKind.HOUSEHOLD, client_name="Petra de Vries",
        hulpvraag="Ik wil weer overzicht over mijn geld en niet steeds bang zijn voor de post.",
        household=[
            HouseholdMember("Petra de Vries", "moeder", today.year - 38),
            HouseholdMember("Sem de Vries", "zoon", today.year - 10),
            HouseholdMember("Noor de Vries", "dochter", today.year - 7),
        ],
        created=first_day,
        # the team chose these at the first meeting; where they want money matters to go
        zrm_domains=["Financiën", "Huiselijke relaties", "Geestelijke gezondheid"],
        zrm_targets={"Financiën": 4},
    )
    kees = NetworkMember("Kees de Vries", "broer", Relation.FAMILY,
                         [Support.PRACTICAL, Support.ADVICE], Tie.STRONG, Influence.HELPS,
                         "Helpt met de papieren en opent samen met haar de post.")
    bakker = NetworkMember("Truus Bakker", "buurvrouw", Relation.NEIGHBOURS,
                           [Support.PRACTICAL, Support.COMPANY], Tie.NORMAL, Influence.HELPS,
                           "Past op de kinderen als er een afspraak is.")
    ex = NetworkMember("Marco Jansen", "ex-partner", Relation.FAMILY, [], Tie.STRESSFUL,
                       Influence.HINDERS,
                       "Betaalt de alimentatie niet op tijd; contact geeft veel spanning.")
    ayse = NetworkMember("Ayşe Yılmaz", "schuldhulpverlener", Relation.PROFESSIONALS,
                         [Support.ADVICE, Support.PRACTICAL], Tie.NORMAL, Influence.HELPS,
                         "Begeleidt het traject schuldhulpverlening.", "Kredietbank")
    sanne = NetworkMember("Sanne Bos", "regisseur wijkteam", Relation.PROFESSIONALS,
                          [Support.ADVICE, Support.EMOTIONAL], Tie.NORMAL, Influence.HELPS,
                          "Houdt het overzicht over het plan.", "Sociaal wijkteam Noord")

    def attendees(bakker_there: bool) -> list[Attendee]:
        return [
            Attendee("Petra de Vries", "cliënt"),
            Attendee("Kees de Vries", "broer"),
            Attendee("Truus Bakker", "buurvrouw", "",
                     Presence.PRESENT if bakker_there else Presence.ABSENT_WITH_NOTICE),
            Attendee("Sanne Bos", "regisseur", "Sociaal wijkteam Noord"),
            Attendee("Ayşe Yılmaz", "schuldhulpverlener", "Kredietbank"),
        ]

    first = Meeting(
        number=1, date=first_day, chair="Sanne Bos", minute_taker="Ayşe Yılmaz",
        attendees=attendees(bakker_there=False), client_present=True, client_agreed=True,
        purpose="Kennismaken en samen een eerste plan maken.",
        status=MeetingStatus.CLOSED, current_stage=StageKey.AFSLUITING,
        summary="De cliënt wil overzicht. Eerst de papieren ordenen, dan samen met de Kredietbank verder.",
        evaluation_date=earlier, next_meeting=earlier,
        plan_b="Lukt het opruimen niet in twee weken, dan plant de regisseur een extra middag met de broer.",
    )
    second = Meeting(
        number=2, date=earlier, chair="Sanne Bos", minute_taker="Ayşe Yılmaz",
        attendees=attendees(bakker_there=True), client_present=True, client_agreed=True,
        purpose="Terugkijken op de eerste stappen en de volgende stappen afspreken.",
        status=MeetingStatus.CLOSED, current_stage=StageKey.AFSLUITING,
        summary="De papieren zijn op orde en het traject loopt. Nu de vaste lasten en zelf de post.",
        evaluation_date=today, next_meeting=today,
        plan_b="Lukt het zelf openen van de post niet, dan opent de broer hem nog een maand samen met haar.",
    )
    today_meeting = Meeting(
        number=3, date=today, chair="Sanne Bos", minute_taker="Ayşe Yılmaz",
        attendees=attendees(bakker_there=True), client_present=True, client_agreed=True,
        purpose="Terugkijken en kijken wat de cliënt nu zelf kan overnemen.",
    )
    debts = Goal("Geen schulden meer", "Financiën", Capital.ECONOMIC, Dimension.COMPETENTIONEEL, 0)
    post = Goal("De post openen zonder bang te zijn", "Geestelijke gezondheid",
                Capital.PSYCHOLOGICAL, Dimension.MOTIVATIONEEL, 1)
    cupboards = Step(debts.id, "De twee kasten met papieren samen opruimen en ordenen", 0,
                     reached=True, reached_on=first_day + timedelta(days=12),
                     decision=StepDecision(Carrier.SAMEN, ayse.id, decided_in_id=first.id))
    social = Step(debts.id, "Naar de sociale dienst voor bijzondere bijstand", 1,
                  reached=True, reached_on=today - timedelta(days=10),
                  decision=StepDecision(Carrier.ZELF, decided_in_id=first.id))
    costs = Step(debts.id, "Kijken waar ik kan bezuinigen", 2,
                 decision=StepDecision(Carrier.NETWERK, kees.id, decided_in_id=second.id))
    creditors = Step(debts.id, "Schuldeisers bellen voor een betalingsregeling", 3,
                     decision=StepDecision(
                         Carrier.PROFESSIONAL, ayse.id, TakeoverReason.OVERLOADED,
                         hand_back_plan="Ik bel de volgende schuldeiser zelf; "
                                        "de schuldhulpverlener zit ernaast.",
                         hand_back_by=today + timedelta(days=42), decided_in_id=first.id))
    work = Step(debts.id, "(Extra) werk zoeken in de zorg", 4)
    mondays = Step(post.id, "Elke maandag samen met mijn broer de post openen", 0,
                   reached=True, reached_on=first_day + timedelta(days=7),
                   decision=StepDecision(Carrier.NETWERK, kees.id, decided_in_id=first.id))
    alone = Step(post.id, "Eén keer per week zelf de post openen en sorteren", 1,
                 decision=StepDecision(Carrier.ZELF, decided_in_id=second.id))

    def strength(kind: StrengthKind, text: str, by: NamedBy, dim: Dimension | None = None,
                 capital: Capital | None = None) -> Strength:
        return Strength(kind, text, dim, by, first.id, capital)

    def settled(on: date, in_meeting: Meeting | None = None) -> dict[str, Any]:
        return {"settled_on": on, "settled_in_id": in_meeting.id if in_meeting else None}

    records: list[Record] = [
        first, second, today_meeting, kees, bakker, ex, ayse, sanne,
        strength(StrengthKind.IK_BEN, "een doorzetter", NamedBy.PROFESSIONAL, Dimension.MOTIVATIONEEL,
                 Capital.PSYCHOLOGICAL),
        strength(StrengthKind.IK_BEN, "een zorgzame moeder", NamedBy.CLIENT),
        strength(StrengthKind.IK_KAN, "goed koken voor weinig geld", NamedBy.CLIENT,
                 Dimension.COMPETENTIONEEL, Capital.ECONOMIC),
        strength(StrengthKind.IK_KAN, "goed plannen als ik rust heb", NamedBy.NETWORK),
        strength(StrengthKind.IK_HEB, "een broer die helpt met de papieren", NamedBy.CLIENT,
                 Dimension.SOCIAAL, Capital.SOCIAL),
        strength(StrengthKind.IK_HEB, "een buurvrouw die oppast", NamedBy.CLIENT, Dimension.SOCIAAL,
                 Capital.SOCIAL),
        strength(StrengthKind.IK_WIL, "weer werken in de zorg", NamedBy.CLIENT, Dimension.MOTIVATIONEEL,
                 Capital.SOCIETAL),
        strength(StrengthKind.IK_WIL, "rust in mijn hoofd", NamedBy.CLIENT),
        Resource("Huurtoeslag en zorgtoeslag", ResourceGroup.INSTITUTIONAL, ResourceType.FINANCIAL),
        Resource("Diploma helpende zorg (niveau 2)", ResourceGroup.PERSONAL,
                 ResourceType.INFORMATIVE),
        Resource("Spreekuur Geldzaken in de bibliotheek", ResourceGroup.SOCIAL,
                 ResourceType.INFORMATIVE, in_use=False),
        # a child's name: kept off the shared screen (F8), seen only with names shown
        Resource("Jeugdfonds Sport voor de club van Sem", ResourceGroup.INSTITUTIONAL,
                 ResourceType.FINANCIAL, in_use=False, hidden=True),
        Ambition("Weer aan het werk in de zorg, een paar dagen per week."),
        Ambition("Met de kinderen een weekje weg, zonder zorgen over geld."),
        Need("Rust in mijn hoofd.", NeedKind.WELLBEING),
        Need("Zelf beslissen over mijn geld.", NeedKind.AUTONOMY),
        debts, post, cupboards, social, costs, creditors, work, mondays, alone,
        # meeting 1's actions, marked in meeting 2's Terugblik
        Action(first.id, "De kasten met papieren samen opruimen", OwnerKind.CLIENT,
               first_day + timedelta(days=14), check="De schuldhulpverlener ziet de geordende mappen",
               step_id=cupboards.id, status=ActionStatus.DONE, **settled(earlier, second)),
        Action(first.id, "Aanmelden bij de Kredietbank", OwnerKind.MEMBER,
               first_day + timedelta(days=7), ayse.id, "Er komt een brief met een startdatum",
               status=ActionStatus.DONE, capital=Capital.ECONOMIC, dimension=Dimension.COMPETENTIONEEL,
               **settled(earlier, second)),
        Action(first.id, "Afspraak maken bij de sociale dienst", OwnerKind.CLIENT,
               first_day + timedelta(days=21), check="De cliënt vertelt de datum aan de regisseur",
               step_id=social.id, status=ActionStatus.DONE, note="De afspraak staat.",
               **settled(earlier, second)),
        # meeting 2's actions, some marked since: today's Terugblik looks back on these
        Action(second.id, "Naar de afspraak bij de sociale dienst, met de papieren", OwnerKind.CLIENT,
               today - timedelta(days=10), check="De cliënt vertelt hoe het ging",
               step_id=social.id, status=ActionStatus.DONE, **settled(today - timedelta(days=10))),
        Action(second.id, "Eerste betalingsregeling voorstellen aan de schuldeisers", OwnerKind.MEMBER,
               today - timedelta(days=14), ayse.id, "De cliënt krijgt een kopie van de brief",
               step_id=creditors.id, status=ActionStatus.PARTLY,
               note="Twee van de vijf schuldeisers hebben ja gezegd.", **settled(today - timedelta(days=4))),
        Action(second.id, "Lijst maken van alle vaste lasten", OwnerKind.MEMBER,
               today - timedelta(days=3), kees.id, "De lijst ligt op tafel bij het volgende overleg",
               step_id=costs.id, capital=Capital.ECONOMIC, dimension=Dimension.SOCIAAL),
        Decision(first.id, 1, "De schuldhulpverlener start het traject schuldhulpverlening."),
        Decision(first.id, 2, "De broer opent elke maandag samen met de cliënt de post."),
        Decision(second.id, 1, "De cliënt opent de post voortaan één keer per week zelf."),
        # measured at every meeting: the team's ZRM and ladder, and the client's own scale
        ZrmScore(first.id, "Financiën", 2, "Schulden, geen overzicht"),
        ZrmScore(first.id, "Huiselijke relaties", 3),
        ZrmScore(first.id, "Geestelijke gezondheid", 2, "Veel stress door de post"),
        LadderScore(first.id, 2),
        GoalScale(first.id, debts.id, 1),  # the client's own answer: how close to the goal?
        GoalScale(first.id, post.id, 2),
        ZrmScore(second.id, "Financiën", 3, "Papieren geordend, traject gestart"),
        ZrmScore(second.id, "Huiselijke relaties", 3),
        ZrmScore(second.id, "Geestelijke gezondheid", 3, "Minder stress sinds de post samen gaat"),
        LadderScore(second.id, 2),
        GoalScale(second.id, debts.id, 3),
        GoalScale(second.id, post.id, 5),
        ZrmScore(today_meeting.id, "Financiën", 3, "Traject loopt, eerste regelingen getroffen"),
        LadderScore(today_meeting.id, 3),  # she joined the buurthuis' sewing group: three points
    ]
    later = [today_meeting]
    first_closed = _as_closed(case, records, first, [second, today_meeting])
    second_closed = _as_closed(case, records, second, later)
    return case, [*records, first_closed, second_closed]


def _as_closed(case: Case, records: list[Record], meeting: Meeting, later: list[Meeting]) -> Record:
    """The snapshot a meeting left when it closed (see core.rules.frozen): its actions had just
    been agreed, what was reached or marked since was not yet, later meetings had not happened."""
    gone = {m.id for m in later}

    def as_then(record: Record) -> Record | None:
        if record.id in gone or getattr(record, "meeting_id", None) in gone:
            return None
        if isinstance(record, Action):
            if record.settled_in_id == meeting.id or (
                    record.settled_on and record.settled_on <= meeting.date and record.settled_in_id is None):
                return record
            if record.meeting_id == meeting.id or record.settled_in_id in gone or (
                    record.settled_on and record.settled_on > meeting.date):
                return record.replace(status=ActionStatus.OPEN, note="", settled_on=None, settled_in_id=None)
            return record
        if isinstance(record, Step):
            if record.reached_on and record.reached_on > meeting.date:
                record = record.replace(reached=False, reached_on=None)
            if record.decision and record.decision.decided_in_id in gone:
                record = record.replace(decision=None)
            return record
        return record.replace(status=MeetingStatus.OPEN) if record.id == meeting.id else record

    then = [kept for record in records if (kept := as_then(record)) is not None]
    grouped: dict[str, list[Record]] = {}
    for record in then:
        grouped.setdefault(record.TABLE, []).append(record)
    opened = next(r for r in then if isinstance(r, Meeting) and r.id == meeting.id)
    changes = close(CaseData(case, grouped), opened, datetime.combine(meeting.date, time(11, 30)))
    return next(change.record for change in changes if isinstance(change, Put))


def add_demo(store: CaseStore, today: date) -> Case:
    case, records = demo_household(store.next_code(), today)
    return store.create_case(case, records)
