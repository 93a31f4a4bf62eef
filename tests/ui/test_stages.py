"""Every stage: add, change, remove, and every change in the store at once."""

from datetime import date, timedelta

from krachtoverleg.core.models import (
    Action,
    Ambition,
    Decision,
    Goal,
    Meeting,
    Need,
    NetworkMember,
    Resource,
    Step,
)
from krachtoverleg.core.models.agenda import stage_index
from krachtoverleg.core.models.vocab import (
    ActionStatus,
    Carrier,
    Influence,
    MeetingStatus,
    Tie,
)
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.dialogs.form import FormDialog

from .conftest import screen_text


async def go_to(pilot, stage):
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*["pagedown"] * stage_index(stage))
    await pilot.pause()


def stored(store_dir, demo):
    return FolderStore.open(store_dir, write=False).load(demo.id)


async def fill(pilot, **values):
    """Set the fields of the open dialog and save it."""
    dialog = pilot.app.screen
    assert isinstance(dialog, FormDialog), dialog
    for name, value in values.items():
        dialog.query_one(f"#field-{name}").value = value
    await pilot.press("ctrl+s")
    await pilot.pause()


def form_error(pilot):
    return str(pilot.app.screen.query_one("#form-error").render())


async def test_terugblik_marks_actions_and_asks_why_for_partly(app, store_dir, demo):
    async with app.run_test(size=(160, 45)) as pilot:
        await go_to(pilot, "terugblik")
        await pilot.press(*["down"] * 3, "g")  # "Lijst maken van alle vaste lasten"
        await pilot.pause()
        action = next(a for a in stored(store_dir, demo).all(Action) if a.what.startswith("Lijst"))
        assert action.status is ActionStatus.DONE
        await pilot.press("n")  # not done: a short why is asked
        await pilot.pause()
        await fill(pilot, note="Geen tijd gehad door ziekte")
        action = next(a for a in stored(store_dir, demo).all(Action) if a.what.startswith("Lijst"))
        assert action.status is ActionStatus.NOT_DONE and action.note == "Geen tijd gehad door ziekte"
        assert "Geen tijd gehad" in screen_text(pilot.app)
        assert "GELUKT" in screen_text(pilot.app)


async def test_hulpbronnen_add_edit_delete(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "hulpbronnen")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Buurthuis met kookclub", group="social", type="relational", in_use=False)
        texts = {r.text: r for r in stored(store_dir, demo).all(Resource)}
        assert not texts["Buurthuis met kookclub"].in_use
        await pilot.press(*["down"] * 4, "e")
        await pilot.pause()
        await fill(pilot, in_use=True)
        assert {r.text: r for r in stored(store_dir, demo).all(Resource)}["Buurthuis met kookclub"].in_use
        await pilot.press("delete", "j")
        await pilot.pause()
        assert "Buurthuis met kookclub" not in {r.text for r in stored(store_dir, demo).all(Resource)}


async def test_hulpbronnen_needs_a_group(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "hulpbronnen")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Iets", type="material")
        assert "Groep" in form_error(pilot)
        assert len(stored(store_dir, demo).all(Resource)) == 4


async def test_netwerk_add_edit_delete_in_privacy_mode(app, store_dir, demo):
    async with app.run_test(size=(120, 40)) as pilot:
        await go_to(pilot, "netwerk")
        await pilot.press("a")
        await pilot.pause()
        assert pilot.app.screen.query_one("#field-name").password  # the name is masked
        await fill(pilot, name="Ellen Visser", role="juf van Noor", relation="neighbours",
                   support_A=True, tie="weak", influence="helps")
        members = {m.name: m for m in stored(store_dir, demo).all(NetworkMember)}
        assert members["Ellen Visser"].tie is Tie.WEAK
        text = screen_text(pilot.app)
        assert "juf van Noor" in text and "Ellen" not in text
        await pilot.press(*["down"] * 5, "e")
        await pilot.pause()
        await fill(pilot, influence="hinders")
        members = {m.name: m for m in stored(store_dir, demo).all(NetworkMember)}
        assert members["Ellen Visser"].influence is Influence.HINDERS
        assert text.count("✖ remt") < screen_text(pilot.app).count("✖ remt")
        await pilot.press("delete", "j")
        await pilot.pause()
        assert "Ellen Visser" not in {m.name for m in stored(store_dir, demo).all(NetworkMember)}


async def test_ambities_and_behoeften(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "ambities")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Een rijbewijs halen")
        assert "Een rijbewijs halen" in {a.text for a in stored(store_dir, demo).all(Ambition)}
        await pilot.press("tab", "a")  # the needs table
        await pilot.pause()
        await fill(pilot, text="Iemand die naar me luistert", kind="recognition")
        assert "Iemand die naar me luistert" in {n.text for n in stored(store_dir, demo).all(Need)}
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, text="Rust in mijn hoofd, elke dag")
        assert "Rust in mijn hoofd, elke dag" in {n.text for n in stored(store_dir, demo).all(Need)}


async def test_doelen_with_ordered_steps_and_reached(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "doelen")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Een baan in de zorg", life_domain="Werk & opleiding")
        goal = next(g for g in stored(store_dir, demo).all(Goal) if g.text == "Een baan in de zorg")
        assert goal.position == 2
        await pilot.press("down", "down", "tab")  # select the new goal, go to its steps
        for text in ("Cv maken", "Vacatures bekijken"):
            await pilot.press("a")
            await pilot.pause()
            await fill(pilot, text=text)
        data = stored(store_dir, demo)
        assert [s.text for s in data.steps_of(goal)] == ["Cv maken", "Vacatures bekijken"]
        await pilot.press("down", "minus")  # move "Vacatures bekijken" before "Cv maken"
        await pilot.pause()
        assert [s.text for s in stored(store_dir, demo).steps_of(goal)] == ["Vacatures bekijken", "Cv maken"]
        await pilot.press("r")
        await pilot.pause()
        step = stored(store_dir, demo).steps_of(goal)[0]
        assert step.reached and step.reached_on == date(2026, 11, 23)


async def test_zelf_of_ik_rules(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "zelf_of_ik")
        assert "Moet ik dit doen, of kan de cliënt dit zelf?" in screen_text(pilot.app)

        def step(text):
            return next(s for s in stored(store_dir, demo).all(Step) if s.text == text)

        await pilot.press(*["down"] * 2, "s")  # "(Extra) werk zoeken in de zorg": samen
        await pilot.pause()
        await pilot.press("enter")  # with whom may stay open
        await pilot.pause()
        assert step("(Extra) werk zoeken in de zorg").decision.carrier is Carrier.SAMEN
        await pilot.press("s")
        await pilot.pause()
        broer = next(m.id for m in stored(store_dir, demo).all(NetworkMember) if m.role == "broer")
        await fill(pilot, member_id=broer)
        assert step("(Extra) werk zoeken in de zorg").decision.member_id == broer
        assert "samen met broer" in screen_text(pilot.app)
        await pilot.press("p")
        await pilot.pause()
        await fill(pilot)  # no reason: refused
        assert "zeg waarom" in form_error(pilot)
        await fill(pilot, reason="skill")  # no way back: refused
        assert "terug" in form_error(pilot)
        await fill(pilot, hand_back_plan="Eerst samen oefenen", hand_back_by="31-02-2027")
        assert "geen bestaande datum" in form_error(pilot)
        await fill(pilot, hand_back_by="15-01-2027")
        assert "welke professional" in form_error(pilot)  # the hand-back needs someone to own it
        ayse = next(m.id for m in stored(store_dir, demo).all(NetworkMember)
                    if m.role == "schuldhulpverlener")
        await fill(pilot, member_id=ayse)
        decision = step("(Extra) werk zoeken in de zorg").decision
        assert decision.carrier is Carrier.PROFESSIONAL and decision.hand_back_by == date(2027, 1, 15)
        assert "professional: 2" in screen_text(pilot.app)
        await pilot.press("n")
        await pilot.pause()
        await fill(pilot)
        assert "netwerk" in form_error(pilot)
        kees = next(m for m in stored(store_dir, demo).all(NetworkMember) if m.role == "broer")
        await fill(pilot, member_id=kees.id)
        decision = step("(Extra) werk zoeken in de zorg").decision
        assert decision.carrier is Carrier.NETWERK and decision.member_id == kees.id
        await pilot.press("x")
        await pilot.pause()
        assert step("(Extra) werk zoeken in de zorg").decision is None


async def test_acties_from_a_step_decisions_evaluation_and_plan_b(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "acties")
        meeting_id = pilot.app.screen.meeting_id
        await pilot.press("s")
        await pilot.pause()
        costs = next(s for s in stored(store_dir, demo).all(Step) if s.text.startswith("Kijken"))
        await fill(pilot, step=costs.id)
        assert pilot.app.screen.query_one("#field-what").value == costs.text  # prefilled
        await fill(pilot, check="De lijst ligt op tafel")
        actions = stored(store_dir, demo).actions_of(stored(store_dir, demo).get(Meeting, meeting_id))
        assert actions[0].step_id == costs.id and actions[0].owner_id == costs.decision.member_id
        assert actions[0].due == date(2026, 11, 23) + timedelta(days=14)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, what="Bellen met de woningcorporatie", owner="client", due="1-12-2026",
                   check="Cliënt vertelt het de regisseur")
        assert len(stored(store_dir, demo).actions_of(stored(store_dir, demo).get(Meeting, meeting_id))) == 2
        await pilot.press("tab", "a")
        await pilot.pause()
        await fill(pilot, text="We starten met de budgetcursus.")
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Over zes weken kijken we samen terug.")
        decisions = [d for d in stored(store_dir, demo).all(Decision) if d.meeting_id == meeting_id]
        assert sorted(d.number for d in decisions) == [1, 2]
        await pilot.press("v")
        await pilot.pause()
        await fill(pilot, evaluation_date="04-01-2027")
        await pilot.press("p")
        await pilot.pause()
        await fill(pilot, plan_b="Lukt het niet, dan belt de broer de regisseur.")
        meeting = stored(store_dir, demo).get(Meeting, meeting_id)
        assert meeting.evaluation_date == date(2027, 1, 4) and meeting.plan_b.startswith("Lukt")


async def test_afsluiting_closes_read_only_and_reopens(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "afsluiting")
        meeting_id = pilot.app.screen.meeting_id
        entered = pilot.app.screen.entered
        await pilot.press("pagedown")  # the last stage: it says so, and its clock runs on
        await pilot.pause()
        assert pilot.app.screen.entered == entered
        assert any("laatste onderdeel" in str(n.message) for n in pilot.app._notifications)
        await pilot.press("s")
        await pilot.pause()
        await fill(pilot, summary="Goede stappen gezet.")
        await pilot.press("v")
        await pilot.pause()
        await fill(pilot, next_meeting="01-01-2020")  # a slip: a date before this meeting
        assert "niet na dit overleg" in form_error(pilot)
        await fill(pilot, next_meeting="04-01-2027")
        await pilot.press("c", "j")
        await pilot.pause()
        meeting = stored(store_dir, demo).get(Meeting, meeting_id)
        assert meeting.status is MeetingStatus.CLOSED and meeting.next_meeting == date(2027, 1, 4)
        assert "GESLOTEN" in screen_text(pilot.app)
        assert "[10] · gesloten" in screen_text(pilot.app)  # the strip: no clock runs any more
        assert "nog " not in screen_text(pilot.app)
        await pilot.press("pageup")
        await pilot.pause()
        assert "(v)" not in screen_text(pilot.app)  # no key offered that does nothing
        await pilot.press("a")  # acties: adding is switched off, and the key says why
        await pilot.pause()
        assert not isinstance(pilot.app.screen, FormDialog)
        assert any("gesloten" in str(n.message) and "o" in str(n.message)
                   for n in pilot.app._notifications)
        await pilot.press("pagedown", "o", "j")
        await pilot.pause()
        assert stored(store_dir, demo).get(Meeting, meeting_id).status is MeetingStatus.OPEN


async def test_edit_and_delete_in_the_other_tables(app, store_dir, demo):
    """Ambities, doelen, stappen, acties and besluiten share one table: change and remove work."""
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "ambities")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, text="Weer werken, vier dagen per week")
        assert "Weer werken, vier dagen per week" in {a.text for a in stored(store_dir, demo).all(Ambition)}
        await pilot.press("delete", "j")
        await pilot.pause()
        ambitions = {a.text for a in stored(store_dir, demo).all(Ambition)}
        assert "Weer werken, vier dagen per week" not in ambitions

        await pilot.press("pagedown")  # doelen
        await pilot.pause()
        await pilot.press("down", "e")
        await pilot.pause()
        await fill(pilot, text="Zonder angst de post openen")
        assert "Zonder angst de post openen" in {g.text for g in stored(store_dir, demo).all(Goal)}
        await pilot.press("tab", "e")  # its first step
        await pilot.pause()
        await fill(pilot, text="Elke maandag samen de post openen")
        assert "Elke maandag samen de post openen" in {s.text for s in stored(store_dir, demo).all(Step)}
        await pilot.press("delete", "j")
        await pilot.pause()
        assert "Elke maandag samen de post openen" not in {s.text for s in stored(store_dir, demo).all(Step)}

        await pilot.press("pagedown", "pagedown", "a")  # acties
        await pilot.pause()
        await fill(pilot, what="Budgetcursus zoeken", owner="client", due="01-02-2027")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, due="15-02-2027")
        action = next(a for a in stored(store_dir, demo).all(Action) if a.what == "Budgetcursus zoeken")
        assert action.due == date(2027, 2, 15)
        await pilot.press("delete", "j")
        await pilot.pause()
        assert "Budgetcursus zoeken" not in {a.what for a in stored(store_dir, demo).all(Action)}
        await pilot.press("tab", "a")
        await pilot.pause()
        await fill(pilot, text="Eerste besluit")
        await pilot.press("e")
        await pilot.pause()
        await fill(pilot, text="Eerste besluit, aangepast")
        assert "Eerste besluit, aangepast" in {d.text for d in stored(store_dir, demo).all(Decision)}
        await pilot.press("delete", "j")
        await pilot.pause()
        assert "Eerste besluit, aangepast" not in {d.text for d in stored(store_dir, demo).all(Decision)}


async def test_terugblik_back_to_done_or_open_forgets_the_old_why(app, store_dir, demo):
    async with app.run_test(size=(160, 45)) as pilot:
        await go_to(pilot, "terugblik")
        await pilot.press(*["down"] * 3, "n")
        await pilot.pause()
        await fill(pilot, note="Geen tijd gehad")
        await pilot.press("o")
        await pilot.pause()
        action = next(a for a in stored(store_dir, demo).all(Action) if a.what.startswith("Lijst"))
        assert action.status is ActionStatus.OPEN and action.note == ""
        assert "Geen tijd gehad" not in screen_text(pilot.app)
        await pilot.press("u")  # the why comes back with undo
        await pilot.pause()
        action = next(a for a in stored(store_dir, demo).all(Action) if a.what.startswith("Lijst"))
        assert action.status is ActionStatus.NOT_DONE and action.note == "Geen tijd gehad"


async def test_closing_names_what_is_missing_and_the_chair_may_still_close(app, store_dir, demo):
    """Issue 23: closing said "0 acties afgesproken" over three open ones and noticed nothing
    missing. Now it counts what is carried over and names each gap with the key that fills it;
    "n" goes back to fill it in, "j" closes all the same."""
    from krachtoverleg.tui.dialogs.confirm import ConfirmDialog

    async with app.run_test(size=(100, 30)) as pilot:
        await go_to(pilot, "afsluiting")
        meeting_id = pilot.app.screen.meeting_id
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ConfirmDialog)
        question = pilot.app.screen.question
        assert "van eerder staan er nog 3 open" in question and "Nog in te vullen" in question
        assert "geen plan B: bij 9 Acties en afspraken, toets p" in question
        assert pilot.app.screen.yes == "Toch sluiten" and pilot.app.screen.no == "Nee, eerst aanvullen"
        await pilot.press("n")
        await pilot.pause()
        assert stored(store_dir, demo).get(Meeting, meeting_id).status is MeetingStatus.OPEN
        await pilot.press("c", "j")
        await pilot.pause()
        assert stored(store_dir, demo).get(Meeting, meeting_id).status is MeetingStatus.CLOSED


async def test_an_action_from_a_step_nobody_chose_for_asks_who_does_it(app, store_dir, demo):
    """Issue 23: an action made from a step still "nog kiezen" was prefilled as the client's,
    a choice the team never made. "Wie doet het?" now starts empty, and saving asks for it."""
    from krachtoverleg.core.models import Step

    undecided = next(s for s in stored(store_dir, demo).all(Step) if s.decision is None and not s.reached)
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, "acties")
        await pilot.press("s")
        await pilot.pause()
        await fill(pilot, step=undecided.id)
        assert isinstance(pilot.app.screen, FormDialog)
        assert pilot.app.screen.query_one("#field-owner").is_blank()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "kies wie het doet" in form_error(pilot)
