from krachtoverleg.core.store.case_store import Store
from krachtoverleg.tui.app import KrachtApp

from .conftest import screen_text

FULL_NAMES = ("Petra", "Vries", "Kees", "Ayşe", "Yılmaz", "Bakker", "Sanne")


async def test_no_full_name_is_on_any_screen_until_privacy_is_turned_off(app, store_dir):
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

        await pilot.press("f2", "f4")
        await pilot.pause()
        text = screen_text(app)
        assert "Petra de Vries" in text and "NAMEN ZICHTBAAR" in text
    assert Store.open(store_dir, write=False).settings.privacy is False


async def test_the_privacy_choice_is_remembered(store, demo, clock):
    store.settings.privacy = False
    store.save_settings()
    async with KrachtApp(store=store, clock=clock).run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert "P.d.V." not in screen_text(pilot.app)
        assert "Petra de Vries (cliënt)" in screen_text(pilot.app)
        await pilot.press("f4")
        await pilot.pause()
        assert "Petra" not in screen_text(pilot.app)
