"""Text from other systems and keyboards (issue 10, finding 17): invisible characters that hold
writing together survive typing, as they survive pasting."""

from __future__ import annotations

from textual._xterm_parser import XTermParser

from krachtoverleg.core.models import Strength
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.dialogs.form import FormDialog

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji: man, woman, girl joined
HEBREW = "\u05e9\u05e8\u05d4\u200f"  # a name followed by a right-to-left mark
PERSIAN = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # a word with a zero-width non-joiner


async def type_as_a_terminal_sends(app, pilot, text: str) -> None:
    """The keys Textual's own terminal parser makes of these characters, one after another.
    (Pilot's `press` loses the character of a key like the zero-width joiner; a terminal does not.)"""
    for event in XTermParser().feed(text):
        app.post_message(event)
        await pilot.pause()


async def test_joiners_and_direction_marks_survive_typing_in_the_capture_line(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await app.workers.wait_for_complete()  # on a busy machine the stage may still be building
        await pilot.pause()
        await type_as_a_terminal_sends(app, pilot, f"ik heb {FAMILY} {HEBREW} {PERSIAN}")
        await pilot.press("enter")
        for _ in range(100):  # the save, however busy the machine
            texts = [s.text for s in FolderStore.open(store_dir, write=False).load(demo.id).all(Strength)]
            if f"{FAMILY} {HEBREW} {PERSIAN}" in texts:
                break
            await pilot.pause(0.05)
    assert f"{FAMILY} {HEBREW} {PERSIAN}" in texts


async def test_joiners_survive_typing_in_a_form(app, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "a")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await type_as_a_terminal_sends(app, pilot, f"Sara {FAMILY}")
        assert app.screen.values()["name"] == f"Sara {FAMILY}"
