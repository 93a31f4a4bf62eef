"""The presenter mirror (issue 14): a second app on the same store follows the chair's window
(stage, row, blanking, the family's own time), read-only, with names always hidden: it never
shows a full name, a hidden record or the case list, also after a restart of either window."""

from __future__ import annotations

from krachtoverleg.core.models import NetworkMember
from krachtoverleg.core.models.agenda import StageKey, stage_index
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.dialogs.blank import BlankScreen
from krachtoverleg.tui.dialogs.family_time import FamilyTimeScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen
from krachtoverleg.tui.screens.mirror_wait import MirrorWaitScreen

from .conftest import screen_text

NAMES = ("Petra", "Kees", "Marco", "Truus", "Ayşe", "Sanne", "Vries")


async def _settle(*pilots) -> None:
    for _ in range(4):
        for pilot in pilots:
            await pilot.pause(0.35)


async def test_the_mirror_follows_the_chair_and_never_shows_a_name_or_hidden_note(store, store_dir, demo,
                                                                                   clock):
    ex = next(m for m in store.load(demo.id).all(NetworkMember) if m.role == "ex-partner")
    store.apply(demo.id, Patch(NetworkMember, ex.id, {"hidden": True}))
    chair = KrachtApp(store=store, clock=clock, open_case=demo.id)
    mirror = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock, mirror=True)
    async with chair.run_test(size=(120, 36)) as chair_pilot, mirror.run_test(size=(120, 36)) as room:
        await _settle(chair_pilot, room)
        assert isinstance(mirror.screen, MeetingScreen) and mirror.screen.current == StageKey.OPENING
        await chair_pilot.press("f9", "j")  # the chair shows names in their own window
        await chair_pilot.press(*["pagedown"] * stage_index(StageKey.NETWERK))
        await _settle(chair_pilot, room)
        assert "Marco Jansen" in screen_text(chair) and "⊘" in screen_text(chair)
        assert mirror.screen.current == StageKey.NETWERK
        text = screen_text(mirror)
        assert not [name for name in NAMES if name in text]
        assert "alimentatie" not in text and "ex-partner" not in text  # the hidden person
        await chair_pilot.press("down")  # the chair chooses a row: the mirror shows the same
        await _settle(chair_pilot, room)
        chosen = chair.screen.query_one("#network-table").table
        shown = mirror.screen.query_one("#network-table").table
        assert shown.cursor_row == chosen.cursor_row
        await room.press("pagedown", "f9", "j", "a")  # the room's keys do nothing
        await _settle(chair_pilot, room)
        assert mirror.screen.current == StageKey.NETWERK and not mirror.show_names
        await chair_pilot.press("f5")  # blanked
        await _settle(chair_pilot, room)
        assert isinstance(mirror.screen, BlankScreen)
        await chair_pilot.press("b")
        await chair_pilot.press("f7")  # the family's own time
        await _settle(chair_pilot, room)
        assert isinstance(mirror.screen, FamilyTimeScreen)
        await chair_pilot.press("enter")
        await chair_pilot.press("f2")  # the chair goes to the (curtained) case list
        await _settle(chair_pilot, room)
        assert isinstance(mirror.screen, MirrorWaitScreen) and "Gezin V." not in screen_text(mirror)


async def test_a_mirror_started_again_comes_up_waiting_with_names_hidden(store, store_dir, demo, clock):
    mirror = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock, mirror=True)
    async with mirror.run_test(size=(80, 24)) as room:
        await room.pause(0.5)
        assert isinstance(mirror.screen, MirrorWaitScreen)
        text = screen_text(mirror)
        assert "Gezin V." not in text and "K-001" not in text and "altijd uit" in text


KEY_HINTS = ("Enter = ", "= nieuw", "(m)", "(p)", "(s)", "(v)", "(k)", "druk op", "Druk op", "PgDn", "F1",
             "m = verslag", "s = actie", "Scherm even uit · b")


async def test_the_mirror_shows_content_and_never_a_key_hint(store, store_dir, demo, clock):
    """Issue 20: the room read "Verslag maken (m)", "a = nieuw, s = uit een stap" and the capture
    line's "(Enter = opslaan)": the chair's controls, not the plan."""
    chair = KrachtApp(store=store, clock=clock, open_case=demo.id)
    mirror = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock, mirror=True)
    async with chair.run_test(size=(120, 36)) as chair_pilot, mirror.run_test(size=(120, 36)) as room:
        await _settle(chair_pilot, room)
        for stage in StageKey:
            assert mirror.screen.current == stage
            text = screen_text(mirror)
            assert not [hint for hint in KEY_HINTS if hint in text], (stage, text)
            await chair_pilot.press("pagedown")
            await _settle(chair_pilot, room)
        await chair_pilot.press("b")
        await _settle(chair_pilot, room)
        assert isinstance(mirror.screen, BlankScreen) and "b: terug" not in screen_text(mirror)


async def test_the_mirror_waits_once_the_chair_has_stopped(store, store_dir, demo, clock):
    mirror = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock, mirror=True)
    async with mirror.run_test(size=(100, 30)) as room:
        chair = KrachtApp(store=store, clock=clock, open_case=demo.id)
        async with chair.run_test(size=(100, 30)) as chair_pilot:
            await _settle(chair_pilot, room)
            assert isinstance(mirror.screen, MeetingScreen)
            await chair_pilot.press("ctrl+q")
        await _settle(room)
        assert isinstance(mirror.screen, MirrorWaitScreen) and "Gezin V." not in screen_text(mirror)
