"""Several lines pasted into the capture line become one strength per line, each under its own
'ik ...' prefix, and the screen says how many (issue 11); before, only the first line was kept."""

from __future__ import annotations

from textual import events

from krachtoverleg.core.models import Strength
from krachtoverleg.core.models.vocab import StrengthKind
from krachtoverleg.core.store.folder_store import FolderStore

PASTED = "ik kan goed tekenen\r\nik heb een fiets\n\nik wil een opleiding\n  zingt graag  \n"


async def test_a_pasted_list_becomes_one_strength_per_line(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        line = app.screen.query_one("#capture")
        line.post_message(events.Paste(PASTED))
        await pilot.pause()
        await pilot.pause()
        assert line.value == ""
        assert any("4 krachten toegevoegd" in str(n.message) for n in app._notifications)
    stored = {(s.kind, s.text) for s in FolderStore.open(store_dir, write=False).load(demo.id).all(Strength)}
    assert {(StrengthKind.IK_KAN, "goed tekenen"), (StrengthKind.IK_HEB, "een fiets"),
            (StrengthKind.IK_WIL, "een opleiding"), (StrengthKind.IK_BEN, "zingt graag")} <= stored


async def test_a_pasted_line_that_does_not_fit_is_named_and_given_back(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        line = app.screen.query_one("#capture")
        line.post_message(events.Paste("ik kan fietsen\nik heb " + "x" * 400))
        await pilot.pause()
        await pilot.pause()
        assert line.value.startswith("ik heb xxx")  # back in the line, to shorten
        assert any("1 regel niet opgeslagen" in str(n.message) for n in app._notifications)
    texts = [s.text for s in FolderStore.open(store_dir, write=False).load(demo.id).all(Strength)]
    assert "fietsen" in texts


async def test_a_single_pasted_line_goes_in_once_where_the_cursor_is(app, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik kan ")
        line = app.screen.query_one("#capture")
        line.post_message(events.Paste("goed fietsen"))
        await pilot.pause()
        assert line.value == "ik kan goed fietsen"
