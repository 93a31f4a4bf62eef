from krachtoverleg.core.models.agenda import (
    AGENDA,
    STAGE_KEYS,
    default_timeboxes,
    neighbour,
)
from krachtoverleg.core.models.vocab import StrengthKind
from krachtoverleg.core.rules.meetings import parse_capture


def test_the_agenda_has_the_ten_stages_of_the_method_in_order():
    assert [s.title for s in AGENDA] == [
        "Opening", "Terugblik", "Krachten", "Hulpbronnen", "Netwerk", "Ambities en behoeften",
        "Doelen en stappen", "Wie doet wat?", "Acties en afspraken", "Afsluiting"]
    assert all(stage.prompt and stage.minutes > 0 for stage in AGENDA)


def test_default_timeboxes_add_up_to_45_minutes():
    assert sum(default_timeboxes().values()) == 45


def test_neighbour_stops_at_both_ends():
    assert neighbour("opening", -1) == "opening"
    assert neighbour("opening", 1) == "terugblik"
    assert neighbour(STAGE_KEYS[-1], 1) == STAGE_KEYS[-1]


def test_a_capture_line_that_starts_with_a_kind_chooses_it():
    assert parse_capture("ik kan goed koken", StrengthKind.IK_BEN) == (StrengthKind.IK_KAN, "goed koken")
    assert parse_capture("Ik Wil: weer werken", StrengthKind.IK_BEN) == (StrengthKind.IK_WIL, "weer werken")
    assert parse_capture("  ik heb een fijne buurvrouw ", StrengthKind.IK_BEN) == (
        StrengthKind.IK_HEB, "een fijne buurvrouw")


def test_other_lines_go_to_the_selected_column():
    assert parse_capture("geduldig", StrengthKind.IK_BEN) == (StrengthKind.IK_BEN, "geduldig")
    # "ik kanker..." is not "ik kan": only whole words choose a kind
    assert parse_capture("ik kanoën graag", StrengthKind.IK_WIL) == (StrengthKind.IK_WIL, "ik kanoën graag")
