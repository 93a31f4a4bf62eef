from krachtoverleg.core.export.interchange import export_case
from krachtoverleg.core.models import Meeting, Strength
from krachtoverleg.core.models.vocab import Presence, StrengthKind
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.widgets.agenda import AgendaColumn

from .conftest import screen_text


async def open_meeting(pilot):
    await pilot.press("enter")
    await pilot.pause()


async def go_to_krachten(pilot):
    await open_meeting(pilot)
    await pilot.press("pagedown", "pagedown")
    await pilot.pause()


def strengths(store_dir, demo):
    data = FolderStore.open(store_dir, write=False).load(demo.id)
    return {(s.kind, s.text) for s in data.all(Strength)}


async def test_quick_capture_files_a_strength_under_its_kind_and_saves_at_once(app, store_dir, demo, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_krachten(pilot)
        assert app.focused.id == "capture"
        await pilot.press(*"ik kan goed koken", "enter")
        await pilot.pause()
        assert (StrengthKind.IK_KAN, "goed koken") in strengths(store_dir, demo)
        # a reader (export-case) sees it while the app is still open
        reader = FolderStore.open(store_dir, write=False)
        document = export_case(reader.load(demo.id), clock.now())
        assert "goed koken" in [s["text"] for s in document["records"]["strengths"]]
        assert app.focused.value == ""
        assert "goed koken" in screen_text(app)


async def test_a_line_without_a_kind_goes_to_the_selected_column(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_krachten(pilot)
        await pilot.press("escape")          # leave the capture line: focus on the board
        await pilot.press("right", "right")  # ik ben -> ik kan -> ik heb
        await pilot.press("i")               # back to the capture line
        await pilot.press(*"een fijne buurvrouw", "enter")
        await pilot.pause()
        assert (StrengthKind.IK_HEB, "een fijne buurvrouw") in strengths(store_dir, demo)


async def test_an_empty_strength_is_refused_with_a_message(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_krachten(pilot)
        before = strengths(store_dir, demo)
        await pilot.press(*"ik kan", "enter")
        await pilot.pause()
        assert strengths(store_dir, demo) == before
        assert app.focused.value == "ik kan"  # nothing typed is lost


async def test_edit_and_delete_a_strength(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_krachten(pilot)
        await pilot.press("escape")  # board: ik ben, first item "een doorzetter"
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-text").value = "een echte doorzetter"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (StrengthKind.IK_BEN, "een echte doorzetter") in strengths(store_dir, demo)
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        assert (StrengthKind.IK_BEN, "een echte doorzetter") not in strengths(store_dir, demo)


async def test_pagedown_and_pageup_move_through_all_stages_even_while_typing(app, store, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_krachten(pilot)
        await pilot.press(*"half getypt")  # the capture line has focus
        agenda = app.screen.query_one(AgendaColumn)
        for key in ("hulpbronnen", "netwerk", "ambities", "doelen", "zelf_of_ik", "acties",
                    "afsluiting", "afsluiting"):
            await pilot.press("pagedown")
            await pilot.pause()
            assert agenda.current == key
        for _ in range(12):
            await pilot.press("pageup")
        await pilot.pause()
        assert agenda.current == "opening"
        assert "Opening" in screen_text(app)


async def test_the_current_stage_is_remembered(app, store, demo, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_krachten(pilot)
        meeting_id = app.screen.meeting_id
    assert store.load(demo.id).get(Meeting, meeting_id).current_stage == "krachten"
    again = KrachtApp(store=store, clock=clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await open_meeting(pilot)
        assert again.screen.query_one(AgendaColumn).current == "krachten"


async def test_escape_leaves_the_text_field_but_not_the_meeting(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await go_to_krachten(pilot)
        screen = app.screen
        await pilot.press("escape", "escape", "escape")
        assert app.screen is screen


async def test_add_edit_and_remove_an_attendee(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await open_meeting(pilot)
        meeting_id = app.screen.meeting_id

        def attendees():
            data = FolderStore.open(store_dir, write=False).load(demo.id)
            return data.get(Meeting, meeting_id).attendees

        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#field-name").value = "Ellen Visser"
        app.screen.query_one("#field-role").value = "juf van Noor"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert attendees()[-1].name == "Ellen Visser"
        assert "E.V. (juf van Noor)" in screen_text(app) and "Ellen" not in screen_text(app)
        await pilot.press(*["down"] * 5)  # cursor to the new, sixth attendee
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-presence").value = Presence.ABSENT_WITH_NOTICE.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert attendees()[-1].presence is Presence.ABSENT_WITH_NOTICE
        await pilot.press("delete", "j")
        await pilot.pause()
        assert [a.name for a in attendees()][-1] != "Ellen Visser"


async def test_the_hulpvraag_is_edited_in_the_clients_words(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await open_meeting(pilot)
        await pilot.press("h")
        await pilot.pause()
        app.screen.query_one("#field-hulpvraag").value = "Ik wil rust en overzicht."
        await pilot.press("ctrl+s")
        await pilot.pause()
        stored = FolderStore.open(store_dir, write=False).load(demo.id)
        assert stored.case.hulpvraag == "Ik wil rust en overzicht."
        assert "Ik wil rust en overzicht." in screen_text(app)
