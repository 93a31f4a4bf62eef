from krachtoverleg.core.models import Meeting
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.screens.case_list import CaseListScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen

from .conftest import screen_text


async def test_the_case_list_shows_code_label_open_actions_and_next_meeting(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "K-001" in text and "Gezin V." in text and "vandaag" in text
        assert isinstance(app.screen, CaseListScreen)


async def test_enter_opens_todays_meeting(app, store, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meeting = store.load(demo.id).get(Meeting, app.screen.meeting_id)
        assert meeting.number == 3 and meeting.is_open


async def test_a_new_case_is_created_from_the_dialog(app, store_dir):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.click("#field-label")
        await pilot.press(*"Meneer B.")
        await pilot.click("#field-client_name")
        await pilot.press(*"Bram Bakker")
        await pilot.press("ctrl+s")
        await pilot.pause()
        codes = [s.code for s in FolderStore.open(store_dir, write=False).cases()]
        assert codes == ["K-001", "K-002"]
        assert "Bram" not in screen_text(app)


async def test_the_new_case_dialog_explains_a_bad_code_and_keeps_the_input(app, store_dir):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#field-code").value = "K-001"
        app.screen.query_one("#field-label").value = "Dubbel"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert len(FolderStore.open(store_dir, write=False).cases()) == 1
        assert "bestaat al" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#field-code").value = "???"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Casuscode" in str(app.screen.query_one("#form-error").render())
        assert app.screen.query_one("#field-label").value == "Dubbel"
