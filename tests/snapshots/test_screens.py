"""Snapshots of every screen of the demo, at the projector sizes the room uses."""

from __future__ import annotations

import itertools
import uuid

import pytest

from krachtoverleg.core.models.agenda import STAGE_KEYS, StageKey, stage_index
from krachtoverleg.core.preferences import PROJECTOR, THEMES, Preferences
from krachtoverleg.tui.app import KrachtApp

SIZES = [(80, 24), (120, 36), (200, 60)]  # a laptop's terminal, a beamer, a large screen


def keys(*presses: str):
    """Press keys, then wait until reloads and layout have finished: every run, the same frame."""

    async def run(pilot) -> None:
        for key in presses:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run


@pytest.fixture(autouse=True)
def fixed_ids(monkeypatch):
    """Record ids are random; row keys and link ids end up in the SVG, so fix them here."""
    counter = itertools.count(1)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter)))


@pytest.fixture
def make_app(fixed_ids, store, demo, clock):
    def make(theme: str = PROJECTOR) -> KrachtApp:
        return KrachtApp(store=store, clock=clock, preferences=Preferences(None, theme))

    return make


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_case_list(make_app, snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("stage", STAGE_KEYS, ids=lambda key: key.value)
def test_every_stage(make_app, snap_compare, stage, size, theme):
    presses = ["enter", *["pagedown"] * stage_index(stage)]
    if stage is StageKey.KRACHTEN:
        presses.append("escape")  # no blinking cursor in the capture line
    assert snap_compare(make_app(theme), run_before=keys(*presses), terminal_size=size)


def test_new_case_dialog(make_app, snap_compare):
    assert snap_compare(make_app(), run_before=keys("n", "tab"), terminal_size=(100, 30))


@pytest.mark.parametrize("size", [(80, 24), (100, 30)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_all_actions(make_app, snap_compare, size):
    assert snap_compare(make_app(), run_before=keys("a"), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_case_overview(make_app, snap_compare, size):
    """Meetings, goals and the progress table (what was measured, meeting by meeting)."""
    assert snap_compare(make_app(), run_before=keys("o"), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_progress_pictures(make_app, snap_compare, size):
    """The six pictures of the way travelled: one column on a laptop, two on a projector."""
    assert snap_compare(make_app(), run_before=keys("o", "g"), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_family_time(make_app, snap_compare, size):
    """Besloten tijd: large plain words and the family's clock, for the whole room."""
    assert snap_compare(make_app(), run_before=keys("enter", "f7"), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (160, 45)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_curtained_case_list(make_app, snap_compare, size):
    """Opened on one case, F2 shows a curtain instead of every client of the team."""
    app = make_app()
    app.open_case = app.store.cases()[0].id
    assert snap_compare(app, run_before=keys("f2"), terminal_size=size)


def test_measuring_form(make_app, snap_compare):
    run = keys("enter", *["pagedown"] * stage_index(StageKey.TERUGBLIK), "m")
    assert snap_compare(make_app(), run_before=run, terminal_size=(80, 24))


def test_minutes_dialog(make_app, snap_compare):
    async def run(pilot) -> None:
        await keys("enter", *["pagedown"] * stage_index(StageKey.AFSLUITING), "m")(pilot)
        pilot.app.screen.query_one("#field-folder").value = "/srv/verslagen"  # not the home folder
        await pilot.pause()

    assert snap_compare(make_app(), run_before=run, terminal_size=(100, 30))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_blank_screen_right_after_a_notice(make_app, snap_compare, size):
    """A notice can hold client text: blanking right after one must leave nothing on the screen
    (issue 20: "Dit is het laatste onderdeel." stayed on the blank screen at 80x24)."""
    presses = ["enter", *["pagedown"] * (stage_index(StageKey.AFSLUITING) + 1), "b"]
    assert snap_compare(make_app(), run_before=keys(*presses), terminal_size=size)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_notice_in_the_status_line(make_app, snap_compare, size):
    """The notice takes the footer's line and covers none of the strengths."""
    presses = ["enter", "pagedown", "pagedown", *"ik kan fietsen", "enter", "escape"]
    assert snap_compare(make_app(), run_before=keys(*presses), terminal_size=size)


def test_form_keys_help(make_app, snap_compare):
    presses = ["enter", *["pagedown"] * stage_index(StageKey.ACTIES), "a", "f1"]
    assert snap_compare(make_app(), run_before=keys(*presses), terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_quit_with_typing_that_cannot_be_kept(make_app, snap_compare, monkeypatch, size):
    """Ctrl+Q on a full disk with a half-typed line (issue 22, finding 7): the app stays and
    says what is not kept and why, with going back as the default."""

    async def run(pilot) -> None:
        await keys("enter", "pagedown", "pagedown", *"ik kan zingen")(pilot)

        def full(target, data):
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("krachtoverleg.core.store.folder_store.write_atomic", full)
        await keys("ctrl+q")(pilot)

    assert snap_compare(make_app(), run_before=run, terminal_size=size)
