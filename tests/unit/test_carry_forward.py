"""The plan lives from meeting to meeting (issue 12, in part): Terugblik shows every action
still open from any earlier meeting, the case list shows the next meeting actually planned,
and opening a case whose meeting of today is closed shows that meeting instead of silently
starting another."""

from __future__ import annotations

from datetime import date, timedelta

from krachtoverleg.core.models import Action, Meeting
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import ActionStatus, MeetingStatus, OwnerKind
from krachtoverleg.core.rules.meetings import meeting_for_today
from krachtoverleg.core.rules.planning import review_actions


def test_an_action_left_open_two_meetings_ago_comes_back_in_terugblik(store, demo, clock):
    data = store.load(demo.id)
    _, second, third = data.meetings()
    still_open = [a for a in data.actions_of(second) if a.is_open]
    assert still_open, "the demo leaves actions of meeting 2 open"
    store.apply(demo.id, Patch(Meeting, third.id, {"status": MeetingStatus.CLOSED}))
    fourth = meeting_for_today(store, demo.id, clock.today() + timedelta(days=28))
    shown = review_actions(store.load(demo.id), fourth)
    # carried actions come first (oldest meeting first), then those of the previous meeting
    assert [a.id for a in shown[:len(still_open)]] == [a.id for a in still_open]


def test_done_actions_of_older_meetings_are_not_carried(store, demo, clock):
    data = store.load(demo.id)
    _, second, third = data.meetings()
    done = Action(second.id, "al lang klaar", OwnerKind.CLIENT, date(2026, 10, 30), status=ActionStatus.DONE)
    store.save(demo.id, done)
    store.apply(demo.id, Patch(Meeting, third.id, {"status": MeetingStatus.CLOSED}))
    fourth = meeting_for_today(store, demo.id, clock.today() + timedelta(days=28))
    assert done.id not in {a.id for a in review_actions(store.load(demo.id), fourth)}


def test_the_case_list_shows_the_next_meeting_not_one_already_held(store, demo, clock):
    today = clock.today()
    meeting = store.load(demo.id).meeting_on(today)
    assert meeting is not None
    store.apply(demo.id, Patch(Meeting, meeting.id, {"status": MeetingStatus.CLOSED,
                                                      "next_meeting": date(2027, 1, 5)}))
    store.refresh()
    summary = next(s for s in store.cases() if s.id == demo.id)
    assert summary.next_meeting(today) == date(2027, 1, 5)


def test_a_closed_meeting_of_today_is_shown_not_replaced(store, demo, clock):
    today = clock.today()
    meeting = store.load(demo.id).meeting_on(today)
    store.apply(demo.id, Patch(Meeting, meeting.id, {"status": MeetingStatus.CLOSED}))
    again = meeting_for_today(store, demo.id, today)
    assert again.id == meeting.id
    assert len(store.load(demo.id).meetings()) == 3


def test_the_previous_evaluation_date_and_plan_b_are_said_again(store, demo, clock):
    from krachtoverleg.core.rules.planning import looking_back

    data = store.load(demo.id)
    first, second, _ = data.meetings()
    said = looking_back(data, second)
    assert f"overleg {first.number}" in said and "plan B:" in said
    assert looking_back(data, first) == ""


def test_gelukt_of_a_meeting_names_only_what_was_reached_before_it(store, demo):
    """Meeting 1 (28-09) was before the cupboards were sorted (10-10): made again today, its
    minutes must not name that step; meeting 2's must."""
    from krachtoverleg.core.rules.planning import successes

    data = store.load(demo.id)
    first, second, _ = data.meetings()
    assert not [s for s in successes(data, first) if s.startswith("Stap gelukt")]
    assert [s for s in successes(data, second) if s.startswith("Stap gelukt")]
