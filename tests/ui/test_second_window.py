"""A second window on the same store reads, says why it cannot write, and follows the first."""

from __future__ import annotations

from krachtoverleg.core.models import Meeting, Strength
from krachtoverleg.core.rules.meetings import meeting_for_today
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.meeting import MeetingScreen

from .conftest import screen_text


async def test_the_second_window_reads_and_follows_the_first(store, store_dir, demo, clock):
    meeting = meeting_for_today(store, demo.id, clock.today())  # the first window's meeting
    second = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock)
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "ALLEEN LEZEN" in screen_text(second)
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        assert isinstance(second.screen, MeetingScreen) and second.screen.meeting_id == meeting.id
        second.follow_other_window()  # notes what is on disk now
        store.save(demo.id, Strength(kind="ik_ben", text="heel geduldig", meeting_id=meeting.id))
        second.follow_other_window()
        await pilot.pause()
        await pilot.pause()
        assert "heel geduldig" in screen_text(second)


async def test_the_second_window_changes_nothing(store, store_dir, demo, clock):
    before = (store_dir / "cases" / f"{demo.id}.json").read_bytes()
    second = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock)
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik kan typen", "enter")
        await pilot.pause()
        await pilot.press("pagedown", "pagedown", "pagedown", "pagedown", "pagedown", "pagedown",
                          "pagedown", "c")
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert (store_dir / "cases" / f"{demo.id}.json").read_bytes() == before
    assert all(m.number == 3 for m in [max(store.load(demo.id).all(Meeting), key=lambda m: m.number)])


def test_a_second_window_from_the_command_line_opens_read_only(store, store_dir, demo, clock,
                                                              monkeypatch, capsys):
    from krachtoverleg import cli

    launched = []
    monkeypatch.setattr(cli, "_launch", lambda s, c, case_id=None: launched.append(s.writable) or 0)
    assert cli.main(["--store", str(store_dir)], clock=clock) == 0
    assert cli.main(["--store", str(store_dir), "meeting", "K-001"], clock=clock) == 0
    assert launched == [False, False]
    assert "alleen lezen" in capsys.readouterr().err


async def test_the_app_says_when_it_narrowed_wide_permissions(store, store_dir, demo, clock):
    import os
    import stat

    path = store_dir / "cases" / f"{demo.id}.json"
    store.close()
    os.chmod(path, 0o644)
    with FolderStore.open(store_dir, write=True) as reopened:
        app = KrachtApp(store=reopened, clock=clock)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert any("leesbaar voor anderen" in str(n.message) for n in app._notifications)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


async def test_a_damaged_case_is_named_and_the_others_still_open(store, store_dir, demo, clock):
    from krachtoverleg.core.demo import add_demo

    other = add_demo(store, clock.today())
    path = store_dir / "cases" / f"{other.id}.json"
    path.write_bytes(path.read_bytes()[:200])  # truncated, as by a full disk
    store.refresh()
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "K-002" in text and "beschadigd" in text
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, MeetingScreen)
        assert any("Casus K-002" in str(n.message) and "beschadigd" in str(n.message)
                   for n in app._notifications)
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen) and app.screen.case_id == demo.id
    assert path.read_bytes()[:10] and len(path.read_bytes()) == 200  # never overwritten


async def test_a_save_between_opening_and_the_first_look_is_shown(store, store_dir, demo, clock):
    meeting = meeting_for_today(store, demo.id, clock.today())
    second = KrachtApp(store=FolderStore.open(store_dir, write=False), clock=clock)
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        store.save(demo.id, Strength(kind="ik_ben", text="vroeg opgestaan", meeting_id=meeting.id))
        second.follow_other_window()  # the first look after the save: it must read again
        await pilot.pause()
        assert "vroeg opgestaan" in screen_text(second)


async def test_the_second_window_offers_to_write_once_the_first_has_gone(store, store_dir, demo, clock):
    """Issue 10, finding 4: after the first window quit, the second still refused every save."""
    from krachtoverleg.tui.dialogs.confirm import ConfirmDialog

    meeting_for_today(store, demo.id, clock.today())
    reader = FolderStore.open(store_dir, write=False)
    second = KrachtApp(store=reader, clock=clock)
    async with second.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        second.follow_other_window()
        await pilot.pause()
        assert not isinstance(second.screen, ConfirmDialog)  # the first window still writes
        store.close()  # the first window quits
        second.follow_other_window()
        await pilot.pause()
        assert isinstance(second.screen, ConfirmDialog)
        await pilot.press("j")
        await pilot.pause()
        assert reader.writable and "ALLEEN LEZEN" not in screen_text(second)
        capture = second.screen.query_one("#capture")
        assert not capture.disabled
        await pilot.press("i", *"ik kan weer schrijven", "enter")
        await pilot.pause()
    reader.close()
    saved = FolderStore.open(store_dir, write=False).load(demo.id).all(Strength)
    assert "weer schrijven" in [s.text for s in saved]


def test_a_store_on_a_read_only_disk_opens_read_only_and_says_why(store, store_dir, demo, clock,
                                                                   monkeypatch, capsys):
    """Issue 10, finding 12: on a read-only mount the app failed on its lock file."""
    import errno

    from filelock import FileLock

    from krachtoverleg import cli

    store.close()

    def read_only_disk(self, *args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(FileLock, "acquire", read_only_disk)
    launched = []
    monkeypatch.setattr(cli, "_launch", lambda s, c, case_id=None: launched.append(
        (s.writable, s.read_only_reason)) or 0)
    assert cli.main(["--store", str(store_dir)], clock=clock) == 0
    assert launched == [(False, "in deze map kan niet worden geschreven")]
    assert "kan niet worden geschreven" in capsys.readouterr().err
    code = cli.main(["--store", str(store_dir), "demo"], clock=clock)
    assert code == 1 and "kan niet worden geschreven" in capsys.readouterr().err
