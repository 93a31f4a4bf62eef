"""Running the room: blanking, the agenda timer, the palette, and a whole meeting by keys only."""

from datetime import timedelta

import pytest

from krachtoverleg.core.models import Action, Meeting, Step, Strength
from krachtoverleg.core.models.vocab import ActionStatus, Carrier, MeetingStatus
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.dialogs.blank import BlankScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen

from .conftest import screen_text


async def test_b_blanks_the_screen_and_b_brings_it_back(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BlankScreen)
        assert "Gezin V." not in screen_text(pilot.app)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen)


async def test_while_typing_b_is_a_letter_and_f5_blanks(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press("b", "e")
        assert pilot.app.focused.value == "be"
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(pilot.app.screen, BlankScreen)
        await pilot.press("f5")
        await pilot.pause()
        assert pilot.app.focused.value == "be"  # nothing typed is lost


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=["strip", "column"])
async def test_the_timer_shows_the_time_left_and_keeps_the_time(app, store, demo, clock, size):
    """At 80 columns the agenda folds into a strip above the stage, with the time left in it;
    on a wide screen it is the box under the agenda. Running over is said in words."""
    async with app.run_test(size=size) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        meeting_id = pilot.app.screen.meeting_id
        clock.moment += timedelta(minutes=4)  # the opening takes 4 of its 3 minutes
        pilot.app.screen.show_time()
        await pilot.pause()
        assert "1:00 te lang" in screen_text(pilot.app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert "nog 5:00" in screen_text(pilot.app)
        clock.moment += timedelta(minutes=2)
        pilot.app.screen.show_time()
        await pilot.pause()
        assert "nog 3:00" in screen_text(pilot.app)
        if size[0] > 120:
            assert "Overleg: nog 39 min" in screen_text(pilot.app)
    seconds = store.load(demo.id).get(Meeting, meeting_id).stage_seconds
    assert seconds == {"opening": 240, "terugblik": 120}


async def test_every_key_is_in_the_command_palette_in_dutch(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown")
        await pilot.pause()
        titles = {command.title for command in pilot.app.get_system_commands(pilot.app.screen)}
        assert {"Verder", "Terug", "Scherm uit", "Namen tonen of verbergen", "Gedaan", "Deels",
                "Waarom", "Alle toetsen", "Stoppen", "Ga naar Wie doet wat? (8)"} <= titles
        assert not titles & {"Theme", "Quit", "Keys", "Maximize", "Screenshot", "Cursor up"}


async def test_the_palette_says_in_dutch_when_nothing_matches(app):
    from krachtoverleg.tui.dialogs.palette import NO_MATCHES

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"qqqzz")
        await pilot.pause(1.5)  # Textual waits a moment before it says nothing matched
        assert NO_MATCHES in screen_text(pilot.app)
        assert "No matches" not in screen_text(pilot.app)


async def test_the_footer_keeps_to_the_stage_and_f1_lists_every_key(app):
    from krachtoverleg.tui.dialogs.keys_help import KeysHelp

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *["pagedown"] * 8)  # Acties en afspraken: the most keys
        await pilot.pause()
        footer = screen_text(pilot.app).split("\n")[-12:]
        assert any("Hulp" in line for line in footer), "F1 Hulp fits in the footer at 80 columns"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, KeysHelp)
        listed = {line.description for line in pilot.app.screen.lines}
        assert {"Uit stap", "Evaluatie", "Plan B", "Terug", "Scherm uit", "Tijd per onderdeel",
                "Namen tonen of verbergen", "Naar de casussen", "Stoppen"} <= listed
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, KeysHelp)


async def test_a_whole_meeting_by_key_presses_only(app, store_dir, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        press = pilot.press
        await press("enter")
        await pilot.pause()
        meeting_id = pilot.app.screen.meeting_id
        # Opening: a new attendee
        await press("a")
        await pilot.pause()
        await press(*"Ellen Visser", "tab", *"juf", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen), pilot.app.screen
        # Terugblik: the open action is done
        await press("pagedown", "down", "down", "g")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen), pilot.app.screen
        # Krachten: capture a strength
        await press("pagedown", *"ik ben eerlijk", "enter")
        await pilot.pause()
        # Hulpbronnen, Netwerk, Ambities: look, and move on
        await press("pagedown", "pagedown", "pagedown")
        assert isinstance(pilot.app.screen, MeetingScreen), pilot.app.screen
        # Doelen: a step for the first goal
        await press("pagedown", "tab", "a")
        await pilot.pause()
        await press(*"Spaarpot voor de kinderen", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen), pilot.app.screen
        # Zelf of ik: the first open step is done by the client herself
        await press("pagedown", "z")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen), pilot.app.screen
        # Acties: an action made from the first open step, and a decision
        await press("pagedown", "s")
        await pilot.pause()
        await press("ctrl+s")
        await pilot.pause()
        await press("tab", "tab", "tab", *"Moeder belt zelf", "ctrl+s")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MeetingScreen), pilot.app.screen
        # Afsluiting: close the meeting
        await press("pagedown", "c", "j")
        await pilot.pause()
        assert "GESLOTEN" in screen_text(pilot.app)

    data = FolderStore.open(store_dir, write=False).load(demo.id)
    meeting = data.get(Meeting, meeting_id)
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.attendees[-1].name == "Ellen Visser"
    assert any(a.what.startswith("Lijst") and a.status is ActionStatus.DONE for a in data.all(Action))
    assert "eerlijk" in [s.text for s in data.all(Strength)]
    assert "Spaarpot voor de kinderen" in [s.text for s in data.all(Step)]
    costs = next(s for s in data.all(Step) if s.text.startswith("Kijken waar ik kan bezuinigen"))
    assert costs.decision.carrier is Carrier.ZELF
    actions = data.actions_of(meeting)
    assert len(actions) == 1 and actions[0].step_id == costs.id and actions[0].check == "Moeder belt zelf"


async def test_timeboxes_can_be_changed_per_meeting(app, store, demo):
    from krachtoverleg.tui.dialogs.form import FormDialog

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        meeting_id = pilot.app.screen.meeting_id
        await pilot.press("t")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, FormDialog)
        dialog.query_one("#field-opening").value = "10"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "nog 10:00" in screen_text(pilot.app)
        await pilot.press("t")
        await pilot.pause()
        pilot.app.screen.query_one("#field-krachten").value = "veel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "heel getal" in str(pilot.app.screen.query_one("#form-error").render())
    assert store.load(demo.id).get(Meeting, meeting_id).timeboxes["opening"] == 10
