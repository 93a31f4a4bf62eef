"""Names stay off the shared screen: hidden at every start, shown only after one confirmation,
and only until the app stops (issue 10, finding 1)."""

from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog

from .conftest import screen_text

FULL_NAMES = ("Petra", "Vries", "Kees", "Ayşe", "Yılmaz", "Bakker", "Sanne")


async def show_names(pilot) -> None:
    await pilot.press("f9")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ConfirmDialog)  # asks first
    await pilot.press("j")
    await pilot.pause()


async def test_no_full_name_is_on_any_screen_until_names_are_shown(app):
    async with app.run_test(size=(160, 45)) as pilot:
        seen = [screen_text(app)]
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(10):
            seen.append(screen_text(app))
            await pilot.press("pagedown")
            await pilot.pause()
        for text in seen:
            assert not [name for name in FULL_NAMES if name in text]
        assert "namen verborgen" in seen[0]

        await pilot.press("f2")
        await pilot.pause()
        await show_names(pilot)
        text = screen_text(app)
        assert "Petra de Vries" in text and "NAMEN ZICHTBAAR" in text


async def test_showing_names_can_be_declined_and_hiding_asks_nothing(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert "Petra" not in screen_text(app) and "namen verborgen" in screen_text(app)
        await show_names(pilot)
        assert "Petra de Vries" in screen_text(app)
        await pilot.press("f9")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert "Petra" not in screen_text(app)


async def test_the_next_start_hides_names_again(store, demo, clock):
    async with KrachtApp(store=store, clock=clock).run_test(size=(100, 30)) as pilot:
        await show_names(pilot)
        assert "Petra de Vries" in screen_text(pilot.app)
        await pilot.press("ctrl+q")
    async with KrachtApp(store=store, clock=clock).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "Petra" not in text and "namen verborgen" in text and "NAMEN ZICHTBAAR" not in text


async def test_a_team_can_choose_names_at_start_in_the_settings_file(store_dir, store, demo, clock):
    (store_dir / "settings.json").write_text('{"names_at_start": true}')
    store.refresh()
    async with KrachtApp(store=store, clock=clock).run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Petra de Vries" in screen_text(pilot.app)
