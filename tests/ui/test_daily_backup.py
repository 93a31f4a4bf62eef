"""The day's backup is made beside the first screen, not before it (issue 21: it added 2.6 s to
the start at 5,000 cases)."""

from __future__ import annotations

import asyncio

from krachtoverleg.core.store.backup import list_backups
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.case_list import CaseListScreen


async def test_the_days_backup_is_made_while_the_case_list_is_already_there(store, demo, clock):
    assert list_backups(store.root) == []
    app = KrachtApp(store=store, clock=clock, daily_backup=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(pilot.app.screen, CaseListScreen)
        for _ in range(100):
            if list_backups(store.root):
                break
            await asyncio.sleep(0.05)
        backups = list_backups(store.root)
        assert len(backups) == 1 and [c.code for c in backups[0].cases] == [demo.code]
    again = KrachtApp(store=store, clock=clock, daily_backup=True)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.3)
    assert len(list_backups(store.root)) == 1, "one a day"
