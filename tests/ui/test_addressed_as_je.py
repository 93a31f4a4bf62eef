"""The client sits in the room: every prompt on the shared screen speaks to them as "je", never
about them as "de cliënt" (issue 23). Only the method's own question, the subtitle of Wie doet
wat?, is the professional's: "Moet ik dit doen, of kan de cliënt dit zelf?"."""

from __future__ import annotations

import re
from datetime import date

from krachtoverleg.core.models import Case
from krachtoverleg.core.models.agenda import AGENDA, STAGE_KEYS, StageKey
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.stages.self_or_me import QUESTION

from .conftest import screen_text

THIRD_PERSON = re.compile(r"\bde cliënt\b", re.IGNORECASE)


def test_the_agenda_speaks_to_the_client():
    assert not [stage.title for stage in AGENDA if THIRD_PERSON.search(stage.prompt + stage.title)]
    assert {stage.key: stage.title for stage in AGENDA}[StageKey.ZELF_OF_IK] == "Wie doet wat?"


async def test_no_stage_talks_about_the_client_on_the_shared_screen(store_dir, clock):
    """A case of its own, empty: what shows is the screen's own words, not typed notes."""
    with FolderStore.open(store_dir, write=True) as store:
        store.create_case(Case(code="K-900", label="Gezin Leeg", created=date(2026, 11, 1)))
        app = KrachtApp(store=store, clock=clock)
        async with app.run_test(size=(200, 60)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            for key in STAGE_KEYS:
                text = screen_text(app).replace(QUESTION, "")
                assert not THIRD_PERSON.search(text), f"{key}: {THIRD_PERSON.findall(text)}"
                if key is StageKey.ZELF_OF_IK:
                    assert QUESTION in screen_text(app)  # the method's question stays, as subtitle
                await pilot.press("pagedown")
                await pilot.pause()
