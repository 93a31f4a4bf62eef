"""The store contract: what every engine promises, run against the folder store and the team
store on a real PostgreSQL server (the `location` fixture runs each test on both)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.errors import StoreError, UnknownCase, ValidationError
from krachtoverleg.core.export.interchange import dumps, export_case, read_case
from krachtoverleg.core.models import Action, Case, ChangeEntry, Goal, Meeting, Strength
from krachtoverleg.core.models.changes import Patch, Put, Remove
from krachtoverleg.core.models.vocab import ActionStatus, OwnerKind, StrengthKind
from krachtoverleg.core.rules.action_list import ActionFilter, case_actions_of, collect, rows_of
from krachtoverleg.core.rules.privacy import Names
from krachtoverleg.core.store.drafts import Draft
from krachtoverleg.core.store.location import StoreLocation
from krachtoverleg.core.store.presence import Presence

TODAY = date(2026, 11, 23)
MOMENT = datetime(2026, 11, 23, 10, 0)


def opened(location: StoreLocation, write: bool = True):
    return location.open(write=write, now=lambda: MOMENT)


def test_a_new_case_reads_back_whole(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        data = store.load(case.id)
        assert data.case == case
        assert [s.code for s in store.cases()] == [case.code]
        assert store.resolve(case.code).id == case.id
        assert store.resolve(case.id).code == case.code
        assert store.resolve(case.code.lower()).id == case.id
        assert store.next_code() == "K-002"
        assert data.meetings(), "the demo has its meetings"


def test_a_patch_changes_only_its_fields_and_is_logged(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        action = store.load(case.id).all(Action)[0]
        applied = store.apply(case.id, Patch(Action, action.id, {"note": "gebeld"}))
        assert applied.find(Action, action.id).note == "gebeld"
        again = next(a for a in store.load(case.id).all(Action) if a.id == action.id)
        assert again.note == "gebeld" and again.what == action.what
        last = store.load(case.id).all(ChangeEntry)[-1]
        assert (last.record, last.record_id, last.at) == ("actions", action.id, MOMENT)
        assert last.by == store.login  # "" on a folder store, the database login on a team store


def test_a_change_that_does_not_fit_writes_nothing(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        before = dumps(export_case(store.load(case.id), MOMENT))
        goal = Goal(text="Een nieuw doel")
        with pytest.raises(StoreError):
            store.apply(case.id, Put(goal), Patch(Action, "bestaat-niet", {"note": "x"}))
        assert dumps(export_case(store.load(case.id), MOMENT)) == before


def test_remove_and_unknown_cases(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        action = store.load(case.id).all(Action)[0]
        store.apply(case.id, Remove(Action, action.id))
        assert action.id not in {a.id for a in store.load(case.id).all(Action)}
        with pytest.raises(UnknownCase):
            store.resolve("K-999")
        with pytest.raises(UnknownCase):
            store.resolve("../etc/passwd")
        with pytest.raises(UnknownCase):
            store.load("0123456789abcdef")


def test_codes_are_unique_and_replace_keeps_one_client_one_case(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        with pytest.raises(ValidationError):
            store.create_case(Case(code=case.code, label="Ander gezin"))
        exported = read_case(dumps(export_case(store.load(case.id), MOMENT))).data
        changed = type(exported)(exported.case.replace(label="Gezin V. (nieuw)"), exported.records)
        store.replace_case(changed)
        assert [s.label for s in store.cases()] == ["Gezin V. (nieuw)"]
        other = type(exported)(exported.case.replace(code="K-050"), exported.records)
        with pytest.raises(ValidationError):
            store.replace_case(other)  # the same id under another code: two clients, refused


def test_erase_takes_the_case_its_actions_and_its_drafts(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        store.keep_draft(case.id, Draft("doel", "Nieuw doel", {"what": "half"}, {"what": "Doel"}, MOMENT))
        assert store.drafts(case.id)
        store.erase_case(case.id)
        assert store.cases() == []
        assert store.drafts(case.id) == {}
        assert store.case_actions() == ([], [])
        with pytest.raises(UnknownCase):
            store.resolve(case.code)


def test_drafts_are_kept_and_dropped(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        draft = Draft("actie", "Nieuwe actie", {"what": "Bellen met"}, {"what": "Wat"}, MOMENT)
        store.keep_draft(case.id, draft)
        assert store.drafts(case.id)["actie"].values == {"what": "Bellen met"}
        store.drop_draft(case.id, "actie")
        assert store.drafts(case.id) == {}
        store.keep_draft(case.id, Draft("oud", "Oud", {"what": "x"}, {}, MOMENT - timedelta(days=40)))
        store.forget_old_drafts(MOMENT)
        assert store.drafts(case.id) == {}


def test_the_action_index_says_what_the_case_says(location: StoreLocation):
    """Every save keeps the index right: the list equals one made from the whole case."""
    with opened(location) as store:
        case = add_demo(store, TODAY)
        action = store.load(case.id).all(Action)[0]
        store.apply(case.id, Patch(Action, action.id, {"status": ActionStatus.DONE, "settled_on": TODAY}))
        meeting = store.load(case.id).meetings()[-1]
        new = Action(meeting_id=meeting.id, what="Nieuwe actie", owner_kind=OwnerKind.CLIENT,
                     due=TODAY + timedelta(days=7))
        store.apply(case.id, Put(new))
        store.apply(case.id, Put(Strength(StrengthKind.IK_KAN, "koken")))  # no action changed: carried over
        data = store.load(case.id)
        [indexed], problems = store.case_actions()
        assert problems == []
        assert indexed == case_actions_of(data)
        for show in (True, False):
            names = Names(show_names=show)
            listed = collect(store, names, TODAY).filtered(ActionFilter(status="all"))
            whole = rows_of(data, names, TODAY)
            assert sorted(r.action.id for r in listed.rows) == sorted(r.action.id for r in whole)
        theirs = collect(store, Names(show_names=False), TODAY).filtered(ActionFilter(owner="client"))
        assert "Nieuwe actie" in [r.action.what for r in theirs.rows]
        assert all(r.owner.startswith("cliënt") for r in theirs.rows)


def test_presence_is_read_back_by_the_same_login(location: StoreLocation):
    with opened(location) as chair, opened(location, write=False) as mirror:
        assert mirror.read_presence() in (None, Presence())
        chair.write_presence(Presence(case_id="abc12345", stage="krachten", alive=MOMENT.isoformat()))
        assert mirror.read_presence() == Presence(case_id="abc12345", stage="krachten",
                                                  alive=MOMENT.isoformat())


def test_a_reader_sees_what_a_writer_saved(location: StoreLocation):
    import time

    with opened(location) as writer:
        case = add_demo(writer, TODAY)
        reader = opened(location, write=False)
        try:
            seen = reader.change_marker(case.id)
            meeting = writer.load(case.id).meetings()[-1]
            writer.apply(case.id, Patch(Meeting, meeting.id, {"plan_b": "Buurvrouw belt"}))
            deadline = time.monotonic() + 2
            while reader.change_marker(case.id) == seen and time.monotonic() < deadline:
                time.sleep(0.05)
            assert reader.change_marker(case.id) != seen, "a follower notices within a second or two"
            reader.refresh()
            assert reader.load(case.id).meetings()[-1].plan_b == "Buurvrouw belt"
        finally:
            reader.close()


def test_the_canonical_export_survives_the_store(location: StoreLocation):
    with opened(location) as store:
        case = add_demo(store, TODAY)
        first = dumps(export_case(store.load(case.id), MOMENT))
        store.erase_case(case.id)
        imported = read_case(first).data
        store.create_case(imported.case, [r for rows in imported.records.values() for r in rows])
        assert dumps(export_case(store.load(case.id), MOMENT)) == first


@pytest.mark.parametrize("show_names", [False, True], ids=["names hidden", "names shown"])
def test_a_page_of_the_action_list_is_the_whole_list_cut(location: StoreLocation, show_names):
    """The Acties screen reads an outline and decodes only the rows it shows: the same rows, in
    the same order, and the same counts and choices as the whole list (issue 21)."""
    from krachtoverleg.core.rules.action_list import collect_page

    with opened(location) as store:
        first = add_demo(store, TODAY)
        add_demo(store, TODAY)
        data = store.load(first.id)
        action = next(a for a in data.all(Action) if a.status is ActionStatus.OPEN)
        store.apply(first.id, Patch(Action, action.id, {"status": ActionStatus.DONE}))
        names = Names(show_names)
        whole = collect(store, names, TODAY, wanted=ActionFilter(status="all"))
        someone = whole.owners()[1][1]
        for wanted in (ActionFilter(), ActionFilter(status="all"), ActionFilter(status="done"),
                       ActionFilter(overdue=True), ActionFilter(owner="schuldhulp", status="all"),
                       ActionFilter(owner_key=someone, status="all"), ActionFilter(owner_key=someone),
                       ActionFilter(case_id=first.id)):
            expected = collect(store, names, TODAY, wanted=wanted).filtered(wanted)
            unchosen = ActionFilter(status=wanted.status, owner=wanted.owner)
            choices = collect(store, names, TODAY, wanted=unchosen).filtered(unchosen)
            for limit in (3, 500):
                page = collect_page(store, names, TODAY, wanted, limit)
                assert page.rows == expected.rows[:limit], wanted
                assert page.total == len(expected.rows)
                assert page.late == sum(row.overdue for row in expected.rows)
                assert page.owners == choices.owners()
                assert page.cases == sorted({(r.case_title, r.case_id) for r in choices.rows})


def test_a_list_of_more_people_than_fit_a_choice_offers_the_professionals(location: StoreLocation,
                                                                          monkeypatch):
    """Thousands of cases each bring a client and a network: the owner choice then lists the
    professionals, and the chosen case's people, never ten thousand names (issue 21)."""
    from krachtoverleg.core.rules.action_list import collect_page
    from krachtoverleg.core.store import action_index, folder_action_index, team_store

    OWNERS_AT_MOST = 4
    for module in (action_index, folder_action_index, team_store):
        monkeypatch.setattr(module, "OWNERS_AT_MOST", OWNERS_AT_MOST)
    with opened(location) as store:
        cases = [add_demo(store, TODAY) for _ in range(6)]
        names = Names(True)
        everyone = collect(store, names, TODAY, wanted=ActionFilter())
        assert len({row.owner_key for row in everyone.rows}) > OWNERS_AT_MOST
        page = collect_page(store, names, TODAY, ActionFilter(), 10)
        assert page.owners == everyone.owners()
        assert all(key.startswith("person:") and not key.endswith(tuple(c.id for c in cases))
                   for _, key in page.owners)
        chosen = ActionFilter(case_id=cases[3].id)
        page = collect_page(store, names, TODAY, chosen, 10)
        assert page.owners == everyone.owners(cases[3].id)
        assert any(key.endswith(cases[3].id) for _, key in page.owners)
        assert page.rows == everyone.filtered(chosen).rows[:10]
