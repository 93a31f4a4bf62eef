from datetime import date

import pytest

from krachtoverleg.core.demo import demo_household
from krachtoverleg.core.errors import ValidationError
from krachtoverleg.core.models import (
    Action,
    Attendee,
    Case,
    Goal,
    LadderScore,
    Meeting,
    NetworkMember,
    Step,
    StepDecision,
    Strength,
    ZrmScore,
)
from krachtoverleg.core.models.vocab import (
    Carrier,
    OwnerKind,
    StrengthKind,
    Support,
    TakeoverReason,
)


def test_every_demo_record_round_trips_through_plain_data():
    case, records = demo_household("K-001", date(2026, 11, 23))
    assert Case.from_dict(case.to_dict()) == case
    for record in records:
        assert type(record).from_dict(record.to_dict()) == record


@pytest.mark.parametrize("build, message", [
    (lambda: Strength(kind="ik_zie", text="x"), "kennen we niet"),
    (lambda: Strength(kind="ik_kan", text="   "), "mag niet leeg"),
    (lambda: Meeting(number=1, date="2026-02-30"), "geen bestaande datum"),
    (lambda: Meeting(number=1, date="31-04-2026"), "geen bestaande datum"),
    (lambda: Case(code="001", label="x"), "Casuscode"),
    (lambda: Case(code="K-001", label=""), "mag niet leeg"),
    (lambda: ZrmScore(meeting_id="m", domain="Geluk", level=3), "kennen we niet"),
    (lambda: ZrmScore(meeting_id="m", domain="Financiën", level=6), "1 tot en met 5"),
    (lambda: LadderScore(meeting_id="m", rung=0), "1 tot en met 6"),
    (lambda: NetworkMember("Kees", "broer", "family", support=["X"]), "kennen we niet"),
    (lambda: Action("m", "bellen", OwnerKind.MEMBER, date(2026, 12, 1)), "kies wie"),
    (lambda: Strength(kind="ik_kan", text="koken\x00"), "niet zijn toegestaan"),
    (lambda: Strength(kind="ik_kan", text="x" * 5000), "te lang"),
    (lambda: Goal("Geen schulden", life_domain="Sterrenkunde"), "levensgebied"),
])
def test_invalid_values_raise_a_clear_dutch_error(build, message):
    with pytest.raises(ValidationError, match=message):
        build()


def test_dutch_dates_are_read_as_typed_on_screen():
    assert Meeting(number=1, date="23-11-2026").date == date(2026, 11, 23)


def test_a_professional_takeover_needs_a_reason_and_a_way_back():
    with pytest.raises(ValidationError, match="zeg waarom"):
        StepDecision(Carrier.PROFESSIONAL)
    with pytest.raises(ValidationError, match="terug"):
        StepDecision(Carrier.PROFESSIONAL, reason=TakeoverReason.CRISIS)
    with pytest.raises(ValidationError, match="terug"):
        StepDecision(Carrier.PROFESSIONAL, reason=TakeoverReason.CRISIS, hand_back_plan="samen")
    with pytest.raises(ValidationError, match="schrijf de reden"):
        StepDecision(Carrier.PROFESSIONAL, reason=TakeoverReason.OTHER, hand_back_plan="x",
                     hand_back_by=date(2027, 1, 1))
    decision = StepDecision(Carrier.PROFESSIONAL, reason="skill", hand_back_plan="Eerst samen, dan zelf",
                            hand_back_by="2027-01-01")
    assert decision.reason is TakeoverReason.SKILL and decision.hand_back_by == date(2027, 1, 1)


def test_network_carrier_names_the_person_and_other_carriers_drop_takeover_fields():
    with pytest.raises(ValidationError, match="netwerk"):
        StepDecision(Carrier.NETWERK)
    zelf = StepDecision(Carrier.ZELF, reason=TakeoverReason.CRISIS, hand_back_plan="x")
    assert zelf.reason is None and zelf.hand_back_plan == ""


def test_text_is_trimmed_and_single_line_fields_fold_newlines():
    strength = Strength(StrengthKind.IK_KAN, "  goed\nkoken  ")
    assert strength.text == "goed koken"


def test_support_is_kept_in_fixed_order_without_duplicates():
    member = NetworkMember("Kees", "broer", "family", support=["E", "P", "P"])
    assert member.support == [Support.PRACTICAL, Support.EMOTIONAL]


def test_reached_date_is_dropped_when_a_step_is_not_reached():
    step = Step("g", "kasten opruimen", reached=False, reached_on="2026-11-01")
    assert step.reached_on is None


def test_unknown_and_missing_fields_are_refused_from_plain_data():
    with pytest.raises(ValidationError, match="onbekend veld"):
        Attendee.from_dict({"name": "A", "shoe_size": 44})
    with pytest.raises(ValidationError, match="ontbreekt"):
        Strength.from_dict({"text": "koken"})


def test_windows_line_endings_in_long_text_are_plain_new_lines():
    """Issue 10, finding 17: a hulpvraag copied from Word was refused whole."""
    from krachtoverleg.core.models import Case

    case = Case(code="K-010", label="Gezin W.", hulpvraag="Eerste regel\r\nTweede regel\rDerde")
    assert case.hulpvraag == "Eerste regel\nTweede regel\nDerde"
