"""Closing names what a meeting still lacks, and counts what is still to do from before
(issue 23: "Er zijn 0 acties afgesproken" was said over three open ones)."""

from __future__ import annotations

from datetime import date, datetime

from krachtoverleg.core.export.files import render_minutes
from krachtoverleg.core.models import Action, Step
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.plan import StepDecision
from krachtoverleg.core.models.vocab import Carrier
from krachtoverleg.core.rules.completeness import action_count, carried_work, missing_at_close
from krachtoverleg.core.rules.planning import action_from_step
from krachtoverleg.core.rules.privacy import Names


def latest(store, demo):
    data = store.load(demo.id)
    return data, data.meetings()[-1]


def test_an_empty_last_meeting_names_everything_it_lacks_with_its_key(store, demo):
    data, meeting = latest(store, demo)
    missing = {(item.stage, item.key): item.what for item in missing_at_close(data, meeting)}
    assert missing[(StageKey.ACTIES, "v")] == "geen evaluatiedatum"
    assert missing[(StageKey.ACTIES, "p")] == "geen plan B"
    assert missing[(StageKey.AFSLUITING, "v")] == "geen datum voor het volgende overleg"
    assert missing[(StageKey.AFSLUITING, "s")] == "geen samenvatting"
    assert "(Extra) werk zoeken in de zorg" in missing[(StageKey.ZELF_OF_IK, "z, n, s of p")]
    assert "zonder actie" in missing[(StageKey.ACTIES, "s")]
    said = [item.said() for item in missing_at_close(data, meeting)]
    assert "geen plan B: bij 9 Acties en afspraken, toets p" in said


def test_a_complete_meeting_lacks_nothing(store, demo):
    data, meeting = latest(store, demo)
    store.save(demo.id, meeting.replace(evaluation_date=date(2027, 1, 4), plan_b="Dan bellen we.",
                                        next_meeting=date(2027, 1, 11), summary="Goed overleg."))
    for step in [s for s in store.load(demo.id).all(Step) if not s.reached]:
        if step.decision is None:
            store.apply(demo.id, Patch(Step, step.id, {"decision": StepDecision(Carrier.ZELF)}))
        data, meeting = latest(store, demo)
        if not any(a.step_id == step.id and a.is_open for a in data.all(Action)):
            store.save(demo.id, action_from_step(step, meeting, date(2027, 1, 1)))
    data, meeting = latest(store, demo)
    assert missing_at_close(data, meeting) == []


def test_closing_counts_the_work_carried_over_apart_from_what_was_agreed_here(store, demo):
    data, meeting = latest(store, demo)
    counted = action_count(data, meeting)
    assert counted.agreed_here == 0 and counted.carried_open == len(carried_work(data, meeting)) == 3
    assert counted.said() == "In dit overleg is nog geen actie afgesproken; van eerder staan er nog 3 open."


def test_the_minutes_count_carried_work_and_mark_what_is_late(store, demo):
    data, meeting = latest(store, demo)
    text = render_minutes(data, meeting, Names(), datetime(2026, 12, 7, 12, 0), "md")
    assert "Nog geen acties of besluiten afgesproken." not in text
    assert "van eerder staan er nog 3 acties open" in text
    late = [line for line in text.splitlines() if "Lijst maken van alle vaste lasten" in line and "|" in line]
    assert late and all("⚠ te laat" in line for line in late)
