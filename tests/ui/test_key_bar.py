"""The key line at the bottom (widgets/key_bar.py): the keys of where the keyboard is, as
Textual's Footer showed them, clickable, and drawn again, not built again, when they change."""

from __future__ import annotations

import pytest

from krachtoverleg.tui.screens.actions import ActionsScreen
from krachtoverleg.tui.screens.case_overview import CaseOverviewScreen
from krachtoverleg.tui.widgets.key_bar import KeyBar


def bottom_line(app) -> str:
    return "".join(segment.text for segment in app.screen.query_one(KeyBar).render_line(0))


async def test_the_line_names_the_keys_of_the_screen_and_follows_it(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = bottom_line(pilot.app)
        assert "n Nieuwe casus" in line and "a Alle acties" in line and "F1 Hulp" in line
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(pilot.app.screen, ActionsScreen)
        line = bottom_line(pilot.app)
        assert "g Gedaan" in line and "Nieuwe casus" not in line


async def test_the_line_is_drawn_again_when_the_keys_change_not_built_again(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # today's meeting
        await pilot.pause()
        bar = pilot.app.screen.query_one(KeyBar)
        before = bottom_line(pilot.app)
        await pilot.press(*["pagedown"] * 8)  # Acties en afspraken: keys of its own
        await pilot.pause()
        assert pilot.app.screen.query_one(KeyBar) is bar and not bar.children
        assert bottom_line(pilot.app) != before and "F1 Hulp" in bottom_line(pilot.app)


async def test_a_click_on_a_key_presses_it(app):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = bottom_line(pilot.app)
        at = line.index("o Overzicht")
        await pilot.click(KeyBar, offset=(at + 3, 0))
        await pilot.pause()
        assert isinstance(pilot.app.screen, CaseOverviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        blank = len(bottom_line(pilot.app).rstrip()) + 5
        await pilot.click(KeyBar, offset=(blank, 0))  # past the last key: nothing happens
        await pilot.pause()
        assert not isinstance(pilot.app.screen, CaseOverviewScreen)


async def test_the_help_names_the_search_key_as_it_is_typed(app):
    """Found by a fresh-eyes run: F1 on the case list said "slash" for /."""
    from krachtoverleg.tui.dialogs.keys_help import KeysHelp

    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(pilot.app.screen, KeysHelp)
        keys = {line.description: line.keys for line in pilot.app.screen.lines}
        assert keys["Zoeken"] == "/"


@pytest.mark.parametrize("width, words, absent", [
    (80, ("a Nieuw", "Del Weg", "F1 Hulp"), "Toevoegen"),
    (200, ("a Toevoegen", "Del Verwijderen", "F1 Hulp"), "Nieuw")])
async def test_a_line_too_long_for_the_screen_says_its_keys_shorter(app, width, words, absent):
    """At 80 columns the Acties stage's keys do not fit in whole words: they are said shorter
    so that F1 Hulp stays in view; at 200 columns the whole words."""
    from .test_stages import go_to

    async with app.run_test(size=(width, 30)) as pilot:
        await go_to(pilot, "acties")
        line = bottom_line(pilot.app)
        assert all(word in line for word in words) and absent not in line, line
