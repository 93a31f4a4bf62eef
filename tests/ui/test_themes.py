"""A light theme for the projector and a dark one for the laptop (issue 11): F3 switches, the
choice is remembered on this computer, and a damaged preferences file falls back to light."""

from __future__ import annotations

from krachtoverleg.core.preferences import LAPTOP, PROJECTOR, Preferences
from krachtoverleg.tui.app import KrachtApp


async def test_f3_switches_the_theme_and_the_next_start_remembers(store, demo, clock, tmp_path):
    path = tmp_path / "config" / "scherm.json"
    app = KrachtApp(store=store, clock=clock, preferences=Preferences.load(path))
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == PROJECTOR  # the room's screen comes first
        await pilot.press("f3")
        await pilot.pause()
        assert app.theme == LAPTOP
    again = KrachtApp(store=store, clock=clock, preferences=Preferences.load(path))
    async with again.run_test(size=(80, 24)):
        assert again.theme == LAPTOP
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_a_damaged_or_strange_preferences_file_means_the_projector_theme(tmp_path):
    path = tmp_path / "scherm.json"
    for content in ("{kapot", '{"theme": "neon"}', "[]", '{"theme": ["laptop"]}'):
        path.write_text(content, "utf-8")
        assert Preferences.load(path).theme == PROJECTOR


def test_a_preferences_folder_that_cannot_be_written_still_switches(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    preferences = Preferences(blocker / "sub" / "scherm.json")
    assert preferences.choose_theme(LAPTOP) is False
    assert preferences.theme == LAPTOP
