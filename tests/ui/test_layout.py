"""The room sees what matters at every size (issue 11): at 80x24 every step and who does it,
the newest row in full, the agenda as a strip; on a wide screen the agenda column."""

from __future__ import annotations

import re

import pytest

from krachtoverleg.core.models import Step
from krachtoverleg.core.rules.planning import ordered_steps
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.widgets.fitted_table import FittedTable

from .conftest import screen_text
from .test_stages import go_to


def plain(app) -> str:
    """The screen's text with the SVG markup gone and runs of spaces made one."""
    text = re.sub(r"<[^>]+>", "", screen_text(app))
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_zelf_of_ik_shows_every_step_and_who_does_it(app, store_dir, demo, size):
    data = FolderStore.open(store_dir, write=False).load(demo.id)
    steps = [s for s in ordered_steps(data) if not s.reached]
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, "zelf_of_ik")
        await pilot.pause()
        table = app.screen.query_one("#decisions", FittedTable)
        assert [title for title, width in zip(table.titles, table._widths, strict=True) if width][:2] == [
            "Stap", "Wie doet het"]
        shown = plain(app)
        for step in steps:
            # every word of the step is on screen (wrapped lines may split it)
            assert all(word in shown for word in step.text.split()), step.text
        for who in ("zelf", "netwerk: broer", "professional:", "nog niet gekozen"):
            assert who in shown
        assert "cliënt en netwerk: 2" in shown


async def test_the_newest_row_is_shown_whole(app, store_dir, demo):
    """A new attendee with a long organisation: no `nee (afg` or `schuldhulpverl` cut-offs."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "a")
        await pilot.pause()
        await pilot.press(*"Mo", "tab", *"budgetcoach", "tab", *"Stichting Schuldhulpverlening Noord")
        await pilot.press("tab", "down", "down", "enter")  # Aanwezig: nee (afgemeld)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = plain(app)
        assert "Schuldhulpverlening" in shown and "Noord" in shown
        assert "(afgemeld)" in shown or "afgemeld" in shown


@pytest.mark.parametrize("size, strip", [((80, 24), True), ((200, 60), False)], ids=["80x24", "200x60"])
async def test_the_agenda_folds_into_a_strip_on_a_narrow_screen(app, demo, size, strip):
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, "doelen")
        await pilot.pause()
        assert app.screen.query_one("#agenda-strip").display is strip
        assert app.screen.query_one("#left-column").display is not strip
        shown = plain(app)
        assert "7 · Doelen en stappen" in shown
        if strip:
            assert "[7]" in shown and "hierna: Wie doet wat?" in shown


async def test_on_a_narrow_screen_a_folded_column_shows_under_the_table(app, store_dir, demo):
    data = FolderStore.open(store_dir, write=False).load(demo.id)
    taken_over = next(s for s in data.all(Step) if s.decision and s.decision.hand_back_plan)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "zelf_of_ik")
        table = app.screen.query_one("#decisions", FittedTable)
        keys = [row.key.value for row in table.ordered_rows]
        table.move_cursor(row=keys.index(taken_over.id))
        await pilot.pause()
        assert "Terug naar cliënt: " in plain(app)


def key_information(data) -> dict[str, list[str]]:
    """Per stage, what the room must be able to read at 80x24 (from the demo case)."""
    from krachtoverleg.core.models import Ambition, Goal, Resource
    from krachtoverleg.core.rules.planning import review_actions

    meeting = max(data.meetings(), key=lambda m: m.number)
    goal = sorted(data.all(Goal), key=lambda g: g.position)[0]
    return {
        "opening": ["Hulpvraag", "Deelnemer", "Aanwezig"],
        "terugblik": [a.what.split()[0] for a in review_actions(data, meeting)] + ["Hoe ging het", "GELUKT"],
        "krachten": ["IK BEN", "IK KAN", "IK HEB", "IK WIL"],
        "hulpbronnen": [r.text.split()[0] for r in data.all(Resource) if not r.hidden] + ["Gebruik"],
        "netwerk": ["FAMILIE", "PROFESSIONALS", "sterk", "Band", "Invloed"],
        "ambities": [a.text.split()[0] for a in data.all(Ambition)],
        "doelen": [g.text.split()[0] for g in data.all(Goal)] + ["Gelukt", "gelukt"]
                  + [s.text.split()[0] for s in data.steps_of(goal)],
        "zelf_of_ik": ["Wie doet het", "zelf", "netwerk: broer", "nog kiezen"],
        "acties": ["Acties", "Besluiten", "Evaluatie", "Plan B"],
        "afsluiting": ["Samenvatting", "Vandaag afgesproken", "Besluiten", "Evaluatie op", "Plan B",
                       "Volgend overleg", "verslag"],
    }


@pytest.mark.parametrize("stage", ["opening", "terugblik", "krachten", "hulpbronnen", "netwerk", "ambities",
                                   "doelen", "zelf_of_ik", "acties", "afsluiting"])
async def test_every_stage_shows_its_key_information_at_80x24(app, store_dir, demo, stage):
    wanted = key_information(FolderStore.open(store_dir, write=False).load(demo.id))[stage]
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, stage)
        await pilot.press("escape")  # out of the capture line, where there is one
        await pilot.pause()
        shown = plain(app)
        missing = [text for text in wanted if text not in shown]
        assert not missing, f"{stage} at 80x24 does not show {missing}"
        assert "Hulp" in shown, "the footer fits: F1 Hulp is on it"


@pytest.mark.parametrize("stage", ["opening", "terugblik", "hulpbronnen", "ambities", "acties", "afsluiting"])
async def test_a_wide_screen_shows_related_parts_next_to_a_sparse_stage(app, stage):
    async with app.run_test(size=(200, 60)) as pilot:
        await go_to(pilot, stage)
        glance = app.screen.query_one("#glance")
        assert glance.display and glance.region.width >= 40
        assert "Ook in beeld" in plain(app)
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert glance.region.width == 0  # no room for it: the stage keeps the width


async def test_the_actions_glance_ticks_steps_that_have_an_action(app, store_dir, demo):
    async with app.run_test(size=(200, 60)) as pilot:
        await go_to(pilot, "acties")
        assert "• Kijken waar ik kan bezuinigen" in plain(app)
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#field-step").value = next(
            s.id for s in ordered_steps(FolderStore.open(store_dir, write=False).load(demo.id))
            if s.text.startswith("Kijken"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "✓ Kijken waar ik kan bezuinigen" in plain(app)  # updated in place by the save


async def test_a_fitted_table_knows_its_size_without_measuring_every_cell(app, store_dir, demo, monkeypatch):
    """FittedTable skips Textual's measuring of every new cell (each column has its planned
    width, each row its height). Textual names the method private: if it stops calling it, or
    the size it gives differs from what Textual's own way gives, this fails."""
    from textual.widgets import DataTable

    called = []
    ours = FittedTable._update_dimensions

    def counted(self, rows):
        called.append(1)
        ours(self, rows)

    monkeypatch.setattr(FittedTable, "_update_dimensions", counted)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "zelf_of_ik")
        await pilot.pause()
        table = app.screen.query_one("#decisions", FittedTable)
        assert called, "Textual no longer calls _update_dimensions: FittedTable's shortcut is dead"
        fast = table.virtual_size
        keys = [row.key for row in table.ordered_rows]
        DataTable._update_dimensions(table, keys)  # Textual's own: measures every cell
        assert table.virtual_size == fast
        assert fast.height == sum(table.rows[key].height for key in keys) + table.header_height
