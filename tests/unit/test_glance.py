"""The column next to a sparse stage on a wide screen (issue 11): what it says comes from the
case, in the room's words, with names hidden in privacy mode."""

from __future__ import annotations

from krachtoverleg.core.models import Goal, Meeting
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.changes import Put
from krachtoverleg.core.rules.glance import GLANCES, sections_for
from krachtoverleg.core.rules.planning import action_from_step
from krachtoverleg.core.rules.privacy import Names


def _text(sections) -> str:
    return "\n".join([s.title for s in sections] + [line for s in sections for line in s.lines])


def _meeting(data) -> Meeting:
    return max(data.meetings(), key=lambda m: m.number)


def test_only_stages_with_little_to_show_have_a_glance():
    assert set(GLANCES) == {StageKey.OPENING, StageKey.TERUGBLIK, StageKey.HULPBRONNEN, StageKey.AMBITIES,
                            StageKey.ACTIES, StageKey.AFSLUITING}
    assert all(isinstance(key, StageKey) for key in GLANCES)


def test_the_opening_shows_goals_open_actions_and_what_was_agreed(store, demo):
    data = store.load(demo.id)
    text = _text(sections_for(StageKey.OPENING, data, _meeting(data), Names(show_names=False)))
    assert "Geen schulden meer (2 van 5 stappen gelukt)" in text
    assert "Nog open (2)" in text and "Lijst maken van alle vaste lasten" in text
    assert "plan B" in text
    assert "Petra" not in text and "Vries" not in text  # privacy: initials only


def test_the_actions_glance_ticks_a_step_once_it_has_an_action(store, demo):
    data = store.load(demo.id)
    meeting = _meeting(data)
    first_goal = min(data.all(Goal), key=lambda g: g.position)
    step = next(s for s in data.steps_of(first_goal) if not s.reached)
    before = _text(sections_for(StageKey.ACTIES, data, meeting, Names(show_names=True)))
    assert f"• {step.text}" in before
    store.apply(demo.id, Put(action_from_step(step, meeting, meeting.date)))
    data = store.load(demo.id)
    after = _text(sections_for(StageKey.ACTIES, data, meeting, Names(show_names=True)))
    assert f"✓ {step.text}" in after


def test_a_stage_without_a_glance_has_nothing(store, demo):
    data = store.load(demo.id)
    assert sections_for(StageKey.NETWERK, data, _meeting(data), Names(show_names=True)) == []
