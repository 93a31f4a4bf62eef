"""Removing a record leaves nothing that points at nothing."""

from __future__ import annotations

import pytest

from krachtoverleg.core.errors import StoreError, ValidationError
from krachtoverleg.core.models import Action, Goal, NetworkMember, Step, Strength
from krachtoverleg.core.models.references import reference_problems
from krachtoverleg.core.models.vocab import OwnerKind, StrengthKind
from krachtoverleg.core.rules.removal import consequence, removal
from krachtoverleg.core.store import atomic
from krachtoverleg.core.store.folder_store import CASES


def test_a_goal_takes_its_steps_and_actions_keep_their_text(store, demo):
    data = store.load(demo.id)
    goal = min(data.all(Goal), key=lambda g: g.position)
    steps = data.steps_of(goal)
    linked = Action(data.meetings()[-1].id, "Bellen", OwnerKind.CLIENT, data.meetings()[-1].date,
                    step_id=steps[0].id)
    store.save(demo.id, linked)
    data = store.load(demo.id)
    assert "stappen" in consequence(data, Goal, goal.id)
    store.apply(demo.id, *removal(data, Goal, goal.id))
    after = store.load(demo.id)
    assert after.get(Goal, goal.id) is None
    assert all(s.goal_id != goal.id for s in after.all(Step))
    kept = after.get(Action, linked.id)
    assert kept is not None and kept.step_id is None and kept.what == "Bellen"
    assert reference_problems(after) == []


def test_removing_a_step_renumbers_the_rest_of_its_goal(store, demo):
    data = store.load(demo.id)
    goal = min(data.all(Goal), key=lambda g: g.position)
    middle = data.steps_of(goal)[1]
    store.apply(demo.id, *removal(data, Step, middle.id))
    left = len(data.steps_of(goal)) - 1
    assert [s.position for s in store.load(demo.id).steps_of(goal)] == list(range(left))


def test_a_person_who_still_carries_work_is_not_removed(store, demo):
    data = store.load(demo.id)
    carrier = next(m for m in data.all(NetworkMember)
                   if any(s.decision and s.decision.member_id == m.id for s in data.all(Step)))
    with pytest.raises(ValidationError, match="Geef die eerst aan iemand anders"):
        removal(data, NetworkMember, carrier.id)
    free = NetworkMember(name="Ans", role="buurvrouw", relation="neighbours")
    store.save(demo.id, free)
    assert removal(store.load(demo.id), NetworkMember, free.id)


def test_a_full_disk_changes_nothing_and_says_so_in_dutch(store, store_dir, demo, monkeypatch):
    path = store_dir / CASES / f"{demo.id}.json"
    before = path.read_bytes()

    def full(target, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("krachtoverleg.core.store.folder_store.write_atomic", full)
    with pytest.raises(StoreError, match="schijf is vol"):
        store.save(demo.id, Strength(StrengthKind.IK_KAN, "zingen"))
    assert path.read_bytes() == before
    assert atomic.write_atomic is not full  # only the store's own reference was replaced
