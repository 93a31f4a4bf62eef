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


async def test_a_long_case_list_shows_its_first_cases_and_slash_finds_the_rest(store, clock):
    """Issue 21: 5,000 rows took seconds before the first screen appeared."""
    from krachtoverleg.core.demo import add_demo
    from krachtoverleg.tui.app import KrachtApp
    from krachtoverleg.tui.screens.case_list import SHOWN_AT_MOST

    from .conftest import screen_text

    for _ in range(SHOWN_AT_MOST + 5):
        add_demo(store, clock.today())
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        table = pilot.app.screen.query_one("#cases")
        assert table.row_count == SHOWN_AT_MOST
        assert "200 van 205 casussen. Druk / om te zoeken" in " ".join(screen_text(app).split())
        await pilot.press("slash", *"k-204", "enter")
        await pilot.pause()
        assert table.row_count == 1
        assert pilot.app.screen.selected_case() == store.resolve("K-204").id
        await pilot.press("slash", "ctrl+u", "enter")  # empty: every case again
        await pilot.pause()
        assert table.row_count == SHOWN_AT_MOST
