"""The plan lives from meeting to meeting (issue 12): four meetings across three months on
the demo household. Nothing agreed is dropped, past minutes stay as they were mailed, and every
professional's hand-back comes back."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from krachtoverleg.core.export.files import render_minutes
from krachtoverleg.core.export.minutes import minutes_markdown
from krachtoverleg.core.models import Action, Goal, Meeting, NetworkMember, Step, StepDecision, Strength
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import Carrier, GoalStatus, StrengthKind
from krachtoverleg.core.rules.action_list import collect
from krachtoverleg.core.rules.frozen import close
from krachtoverleg.core.rules.hand_backs import decided, due_at, hand_backs
from krachtoverleg.core.rules.meetings import start_meeting
from krachtoverleg.core.rules.overview import overview
from krachtoverleg.core.rules.planning import review_actions, successes
from krachtoverleg.core.rules.privacy import Names

TODAY = date(2026, 11, 23)  # the demo's meeting 3; meetings 1 and 2 were four and eight weeks earlier
LATER = datetime(2027, 1, 11, 10, 0)  # meeting 4, seven weeks on


def _meeting(data, number: int) -> Meeting:
    return next(m for m in data.meetings() if m.number == number)


def _step(data, text: str) -> Step:
    return next(s for s in data.all(Step) if s.text.startswith(text))


@pytest.fixture
def four_meetings(store, demo):
    """Meeting 3 closes without settling the broer's action; meeting 4 starts in January."""
    data = store.load(demo.id)
    store.apply(demo.id, *close(data, _meeting(data, 3), datetime(2026, 11, 23, 11, 15)))
    start_meeting(store, store.load(demo.id), LATER.date())
    return demo.id


def test_an_action_never_settled_comes_back_two_meetings_later(store, four_meetings):
    data = store.load(four_meetings)
    latest = _meeting(data, 4)
    listed = review_actions(data, latest)
    unsettled = next(a for a in data.all(Action) if a.what == "Lijst maken van alle vaste lasten")
    assert unsettled.meeting_id == _meeting(data, 2).id and unsettled in listed
    minutes = minutes_markdown(data, latest, Names(), LATER)
    assert "Lijst maken van alle vaste lasten (nog open uit overleg 2)" in minutes


def test_past_minutes_made_again_after_later_edits_are_the_same_document(store, four_meetings):
    data = store.load(four_meetings)
    closed = [_meeting(data, n) for n in (1, 2, 3)]
    before = {(m.number, fmt): render_minutes(data, m, Names(), LATER, fmt)
              for m in closed for fmt in ("md", "html")}
    # later: strengths change, a goal is renamed and reached, a step is reached, a member leaves
    goal = min(data.all(Goal), key=lambda g: g.position)
    store.apply(four_meetings,
                *(Patch(Strength, s.id, {"text": s.text + " (herzien)"}) for s in data.all(Strength)),
                Patch(Goal, goal.id, {"text": "Schuldenvrij", "status": GoalStatus.REACHED,
                                      "status_on": LATER.date()}),
                Patch(Step, _step(data, "Kijken waar").id, {"reached": True, "reached_on": LATER.date()}))
    store.save(four_meetings, Strength(StrengthKind.IK_KAN, "nee zeggen tegen schuldeisers"))
    later = store.load(four_meetings)
    after = {(m.number, fmt): render_minutes(later, m, Names(), LATER, fmt)
             for m in closed for fmt in ("md", "html")}
    assert after == before


def test_the_successes_of_earlier_meetings_hold_nothing_from_after_them(store, four_meetings):
    data = store.load(four_meetings)
    store.apply(four_meetings, Patch(Step, _step(data, "Kijken waar").id,
                                      {"reached": True, "reached_on": date(2026, 12, 2)}))
    data = store.load(four_meetings)
    first = render_minutes(data, _meeting(data, 1), Names(), LATER, "md")
    assert "Kijken waar ik kan bezuinigen" not in first.split("**Gelukt:**")[-1].split("## 3.")[0]
    assert "Stap gelukt: Kijken waar ik kan bezuinigen" in successes(data, _meeting(data, 4))
    assert "Stap gelukt: Kijken waar ik kan bezuinigen" not in successes(data, _meeting(data, 3))


def test_a_hand_back_is_in_the_professionals_list_and_comes_back_when_due(store, four_meetings):
    data = store.load(four_meetings)
    creditors = _step(data, "Schuldeisers bellen")
    due = creditors.decision.hand_back_by
    assert due == TODAY + timedelta(days=42)
    listed = collect(store, Names(), TODAY).rows
    mine = [r for r in listed if r.owned_by("schuldhulpverlener") and r.action.what.startswith("Terug")]
    assert [r.action.due for r in mine] == [due]
    assert due_at(data, _meeting(data, 3)) == []  # not due yet at meeting 3
    assert [h.step.id for h in due_at(data, _meeting(data, 4))] == [creditors.id]  # due by meeting 4
    taken = overview(data, LATER.date()).takeovers
    assert (taken.handed_back, taken.still_out, taken.overdue) == (0, 1, 1)


def test_handing_the_step_back_is_celebrated_and_settles_the_hand_back(store, four_meetings):
    data = store.load(four_meetings)
    latest = _meeting(data, 4)
    creditors = _step(data, "Schuldeisers bellen")
    back = decided(creditors, StepDecision(Carrier.ZELF), latest, LATER.date())
    assert back.handed_back_on == LATER.date() and back.taken_over_by_id == creditors.decision.member_id
    store.apply(four_meetings, Patch(Step, creditors.id, {"decision": back}))
    data = store.load(four_meetings)
    assert "Weer bij de cliënt: Schuldeisers bellen voor een betalingsregeling" in successes(data, latest)
    (hand_back,) = hand_backs(data)
    assert hand_back.done and hand_back.as_action(data).status.value == "done"
    taken = overview(data, LATER.date()).takeovers
    assert (taken.handed_back, taken.still_out) == (1, 0)
    # choosing again later (netwerk instead of zelf) keeps the day it went back
    broer = next(m.id for m in data.all(NetworkMember) if m.role == "broer")
    again = decided(data.get(Step, creditors.id), StepDecision(Carrier.NETWERK, member_id=broer), latest,
                    LATER.date() + timedelta(days=3))
    assert again.handed_back_on == LATER.date()


def test_a_reached_goal_is_celebrated_at_the_next_meeting(store, four_meetings):
    data = store.load(four_meetings)
    goal = max(data.all(Goal), key=lambda g: g.position)
    store.apply(four_meetings, Patch(Goal, goal.id, {"status": GoalStatus.REACHED,
                                                      "status_on": date(2026, 12, 20)}))
    data = store.load(four_meetings)
    assert f"Doel bereikt: {goal.text}" in successes(data, _meeting(data, 4))


def test_the_case_keeps_a_change_log_that_inzage_shows(store, demo):
    from krachtoverleg.core.export.interchange import export_case
    from krachtoverleg.core.models.changes import Remove

    data = store.load(demo.id)
    strength = Strength(StrengthKind.IK_KAN, "rekenen")
    store.save(demo.id, strength)
    store.apply(demo.id, Patch(Strength, strength.id, {"text": "goed rekenen"}))
    store.apply(demo.id, Remove(Strength, strength.id))
    store.apply(demo.id, Patch(Meeting, _meeting(data, 3).id, {"current_stage": "krachten"}))
    log = export_case(store.load(demo.id), LATER)["records"]["changes"]
    mine = [(entry["record"], entry["kind"]) for entry in log if entry["record_id"] == strength.id]
    assert mine == [("strengths", "added"), ("strengths", "changed"), ("strengths", "removed")]
    # the meeting moving on to the next stage is bookkeeping, not a change to the client's file
    assert not [e for e in log if e["record"] == "meetings" and e["kind"] == "changed"]
    assert all(entry["at"] for entry in log)


def test_goals_keep_the_clients_order_and_a_stopped_goal_says_so(store, four_meetings):
    from krachtoverleg.core.rules.planning import move_goal, toggle_goal

    data = store.load(four_meetings)
    first, second = sorted(data.all(Goal), key=lambda g: g.position)
    store.apply(four_meetings, *move_goal(data, second.id, -1))
    data = store.load(four_meetings)
    assert [g.id for g in sorted(data.all(Goal), key=lambda g: g.position)] == [second.id, first.id]
    store.apply(four_meetings, *toggle_goal(data, first.id, GoalStatus.STOPPED, LATER.date()))
    data = store.load(four_meetings)
    minutes = minutes_markdown(data, _meeting(data, 4), Names(), LATER)
    assert f"**Doel 1: {second.text}**" in minutes
    assert f"**Doel 2: {first.text}** (Financiën, kapitaal: economisch) · ■ gestopt 11-01-2027" in minutes
    store.apply(four_meetings, *toggle_goal(data, first.id, GoalStatus.STOPPED, LATER.date()))
    assert store.load(four_meetings).get(Goal, first.id).is_active  # the same key again: runs again


def test_an_old_action_settled_in_a_later_meeting_stays_there_and_is_celebrated(store, four_meetings):
    from krachtoverleg.core.models.changes import edit
    from krachtoverleg.core.models.vocab import ActionStatus
    from krachtoverleg.core.rules.planning import settle

    data = store.load(four_meetings)
    latest = _meeting(data, 4)
    old = next(a for a in data.all(Action) if a.what == "Lijst maken van alle vaste lasten")
    store.apply(four_meetings, edit(old, settle(old, ActionStatus.DONE, "", LATER.date(), latest)))
    data = store.load(four_meetings)
    assert old.id in [a.id for a in review_actions(data, latest)]
    assert "Actie gedaan: Lijst maken van alle vaste lasten" in successes(data, latest)
    assert "★ Actie gedaan: Lijst maken" in minutes_markdown(data, latest, Names(), LATER)
    fifth = start_meeting(store, data, LATER.date() + timedelta(days=28))
    assert old.id not in [a.id for a in review_actions(store.load(four_meetings), fifth)]  # settled
