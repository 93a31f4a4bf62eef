"""'Niet op het scherm' (issue 14): a hidden record is absent wherever names are hidden (the
default minutes say only how many points they leave out), present in the full minutes; a name
known in the case, typed into free text, is found and can be swapped for a role."""

from __future__ import annotations

from datetime import datetime

from krachtoverleg.core.export.client_plan import PlanInput, client_plan_markdown
from krachtoverleg.core.export.minutes import minutes_markdown
from krachtoverleg.core.models import Action, NetworkMember, Resource
from krachtoverleg.core.models.changes import Patch, Put
from krachtoverleg.core.models.vocab import OwnerKind, ResourceGroup, ResourceType
from krachtoverleg.core.rules.hidden import (
    names_in,
    names_in_changes,
    on_screen,
    toggle_hidden,
    without_names,
)
from krachtoverleg.core.rules.privacy import Names

MADE = datetime(2026, 11, 23, 11, 0)


def _ex(data) -> NetworkMember:
    return next(m for m in data.all(NetworkMember) if m.role == "ex-partner")


def test_a_hidden_record_is_left_out_of_the_default_minutes_and_counted(store, demo):
    data = store.load(demo.id)
    store.apply(demo.id, toggle_hidden(_ex(data)))
    data = store.load(demo.id)
    meeting = data.meetings()[-1]
    shared = minutes_markdown(data, meeting, Names(), MADE)
    assert "alimentatie" not in shared and "ex-partner" not in shared
    network = shared.split("## 5. Netwerk")[1].split("## 6.")[0]
    assert "(1 punt alleen in het volledige verslag)" in network
    full = minutes_markdown(data, meeting, Names(show_names=True), MADE)
    assert "alimentatie" in full and "alleen in het volledige verslag" not in full
    assert _ex(on_screen(data, True)) is not None
    assert [m for m in on_screen(data, False).all(NetworkMember) if m.role == "ex-partner"] == []


def test_a_hidden_action_is_in_no_shared_list_and_not_in_mijn_plan(store, demo):
    data = store.load(demo.id)
    meeting = data.meetings()[-1]
    secret = Action(meeting.id, "Gesprek over de schulden van de ex-partner", OwnerKind.CLIENT,
                    MADE.date(), hidden=True)
    store.save(demo.id, secret)
    data = store.load(demo.id)
    shared = minutes_markdown(data, meeting, Names(), MADE)
    assert secret.what not in shared and "(1 punt alleen in het volledige verslag)" in shared
    assert secret.what in minutes_markdown(data, meeting, Names(show_names=True), MADE)
    assert secret.what not in client_plan_markdown(PlanInput(data, meeting, MADE.date(), True), MADE)


def test_names_known_in_the_case_are_found_in_typed_text(store, demo):
    data = store.load(demo.id)
    found = names_in("Jeugdfonds Sport voor de club van Sem, en Kees helpt", data)
    assert [(f.name, f.instead) for f in found] == [("Sem", "zoon"), ("Kees", "broer")]
    assert names_in("Een afspraak van de regisseur bij de bank", data) == []  # 'van' is no name


def test_a_name_is_swapped_for_the_role_in_what_is_saved(store, demo):
    data = store.load(demo.id)
    resource = Resource("Zwemles voor Sem", ResourceGroup.SOCIAL, ResourceType.FINANCIAL)
    changes = [Put(resource), Patch(Resource, resource.id, {"text": "Zwemles voor Sem en Noor"})]
    found = names_in_changes(changes, data)
    swapped = without_names(changes, found)
    assert swapped[0].record.text == "Zwemles voor zoon"
    assert swapped[1].fields["text"] == "Zwemles voor zoon en dochter"


def test_a_name_already_in_a_stored_text_is_found_without_saying_it(store, demo):
    from krachtoverleg.core.rules.hidden import names_already_there

    data = store.load(demo.id)
    club = next(r for r in data.all(Resource) if "Sem" in r.text)
    assert club.hidden and names_already_there(data) == {}  # the demo keeps it off the screen
    store.apply(demo.id, toggle_hidden(club))
    assert names_already_there(store.load(demo.id)) == {"Hulpbron": 1}
