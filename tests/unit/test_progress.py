"""The way travelled (issue 13): each measure beside the last earlier one, the change in words
and an arrow, only the chosen ZRM domains, and the client's own scale per goal."""

from __future__ import annotations

import pytest

from krachtoverleg.core.models import Goal, GoalScale, LadderScore, Meeting, ZrmScore
from krachtoverleg.core.models.changes import Put, Remove
from krachtoverleg.core.rules.progress import (
    change_words,
    ladder_measure,
    scale_measures,
    scored_count,
    suggested_domains,
    zrm_measures,
)


def _meeting(data, number: int) -> Meeting:
    return next(m for m in data.meetings() if m.number == number)


@pytest.fixture
def three(store, demo):
    """The demo's three meetings: 1 and 2 closed, 3 open today."""
    return demo.id


def test_change_is_said_in_words_and_an_arrow():
    assert change_words(None, 3) == "eerste meting"
    assert change_words(2, 3) == "↑ beter, +1"
    assert change_words(3, 3) == "→ gelijk"
    assert change_words(4, 2) == "↓ minder, -2"
    assert change_words(3, None) == "niet gemeten"


def test_a_domain_skipped_in_meeting_2_compares_meeting_3_with_meeting_1(store, three):
    data = store.load(three)
    first, third = _meeting(data, 1), _meeting(data, 3)
    store.save(three, data.case.replace(zrm_domains=["Financiën", "Geestelijke gezondheid"],
                                        zrm_targets={"Financiën": 4}))
    second = _meeting(data, 2)
    gaps = {(second.id, "Geestelijke gezondheid"), (third.id, "Financiën")}
    skipped = [s for s in data.all(ZrmScore) if (s.meeting_id, s.domain) in gaps]
    store.apply(three, *(Remove(ZrmScore, s.id) for s in skipped),
                Put(ZrmScore(third.id, "Geestelijke gezondheid", 4)))
    data = store.load(three)
    measures = {m.what: m for m in zrm_measures(data, third)}
    assert set(measures) == {"Financiën", "Geestelijke gezondheid"}  # only what was chosen
    mental = measures["Geestelijke gezondheid"]
    assert (mental.now, mental.previous, mental.previous_meeting) == (4, 2, 1)  # not in meeting 2
    assert mental.change == "↑ beter, +2"
    money = measures["Financiën"]
    assert (money.now, money.previous, money.previous_meeting, money.target) == (None, 3, 2, 4)
    assert money.change == "niet gemeten"
    assert [m.what for m in zrm_measures(data, first)] == [
        "Financiën", "Huiselijke relaties", "Geestelijke gezondheid"]  # scored then, shown then


def test_a_domain_no_longer_chosen_is_not_offered_again(store, three):
    data = store.load(three)
    store.save(three, data.case.replace(zrm_domains=["Financiën"]))
    data = store.load(three)
    assert [m.what for m in zrm_measures(data, _meeting(data, 3))] == ["Financiën"]
    # a target for a domain that is not chosen is not kept
    assert data.case.replace(zrm_domains=["Financiën"], zrm_targets={"Justitie": 3}).zrm_targets == {}


def test_the_ladder_and_the_clients_scale_carry_their_previous_value(store, three):
    data = store.load(three)
    first, third = _meeting(data, 1), _meeting(data, 3)
    goal = min(data.all(Goal), key=lambda g: g.position)
    store.apply(three, Put(LadderScore(third.id, 3)), Put(GoalScale(third.id, goal.id, 6)))
    data = store.load(three)
    ladder = ladder_measure(data, third)
    assert (ladder.now, ladder.previous, ladder.previous_meeting, ladder.change) == (3, 2, 2, "↑ beter, +1")
    scale = next(m for m in scale_measures(data, third) if m.what == goal.text)
    assert (scale.now, scale.previous, scale.change) == (6, 3, "↑ beter, +3")
    assert scored_count(data, first) == "3 van 13 domeinen, alleen wat past bij de hulpvraag"


def test_domains_are_suggested_from_the_goals_and_the_hulpvraag(store, demo):
    assert suggested_domains(store.load(demo.id)) == ["Financiën", "Geestelijke gezondheid"]


def test_a_goal_scale_is_the_clients_0_to_10():
    from krachtoverleg.core.errors import ValidationError

    with pytest.raises(ValidationError, match="0 tot 10"):
        GoalScale("m1", "g1", 11)


def test_a_domain_chosen_later_is_not_shown_for_a_meeting_closed_before(store, three):
    data = store.load(three)
    store.save(three, data.case.replace(zrm_domains=[*data.case.zrm_domains, "Huisvesting"]))
    data = store.load(three)
    assert "Huisvesting" not in [m.what for m in zrm_measures(data, _meeting(data, 1))]
    assert "Huisvesting" in [m.what for m in zrm_measures(data, _meeting(data, 3))]
