"""Mijn plan from Afsluiting (issue 14): p asks the format, the folder and whether the client's
name may be on it, writes one page readable only by the user, and says where."""

from __future__ import annotations

import os
import stat

from krachtoverleg.core.models.agenda import StageKey, stage_index


async def test_p_in_afsluiting_writes_the_clients_own_page(app, demo, tmp_path):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", *["pagedown"] * stage_index(StageKey.AFSLUITING), "p")
        await pilot.pause()
        dialog = app.screen
        assert "naam van de cliënt" in str(dialog.query_one("#field-full_names").label)
        dialog.query_one("#field-folder").value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (page,) = list(tmp_path.glob("mijn-plan-K-001-*.html"))
        text = page.read_text("utf-8")
        assert "Mijn plan" in text and "Petra" not in text and "te laat" not in text
        assert stat.S_IMODE(os.stat(page).st_mode) == 0o600
        assert any(str(page) in str(n.message) for n in app._notifications)


async def test_mijn_plan_is_made_after_the_meeting_is_closed(app, demo, tmp_path):
    """Closing first and then giving the client their copy is the natural order (issue 20: `p`
    was refused in a closed meeting while the screen still offered it)."""
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", *["pagedown"] * stage_index(StageKey.AFSLUITING), "c", "j")
        await pilot.pause()
        assert not app.screen.meeting.is_open
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#field-folder").value = str(tmp_path)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (page,) = list(tmp_path.glob("mijn-plan-K-001-*.html"))
        assert "Mijn plan" in page.read_text("utf-8")
        assert not any("gesloten" in str(n.message) for n in app._notifications)
