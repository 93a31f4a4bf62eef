"""Half-filled forms survive Ctrl+Q, a closed terminal and logging out (issue 10, finding 3):
they are kept as drafts, named at the next start and filled in again when the form reopens."""

from __future__ import annotations

import json
import os
import signal

import pytest

from krachtoverleg.core.models import Meeting
from krachtoverleg.core.store.check import check_store
from krachtoverleg.core.store.erasure import erase, plan_erasure
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.dialogs.form import FormDialog
from tests.ui.windows import type_then_signal

ROLE = "buurvrouw die boodschappen doet"


def drafts_file(store_dir, owner: str) -> dict:
    path = store_dir / "drafts" / f"{owner}.json"
    return json.loads(path.read_text("utf-8"))["drafts"] if path.exists() else {}


def todays_meeting(store_dir, case_id) -> Meeting:
    return max(FolderStore.open(store_dir, write=False).load(case_id).all(Meeting), key=lambda m: m.number)


async def half_fill_attendee(pilot) -> None:
    """In the Opening: `a` (add someone), a hidden name, Tab, a role; nothing saved yet."""
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*"Ans", "tab", *ROLE)
    await pilot.pause()


async def test_ctrl_q_keeps_a_half_filled_form_and_it_comes_back(app, store, store_dir, demo, clock):
    attendees_before = len(todays_meeting(store_dir, demo.id).attendees)
    async with app.run_test(size=(100, 30)) as pilot:
        await half_fill_attendee(pilot)
        assert isinstance(app.screen, FormDialog)
        await pilot.press("ctrl+q")
        await pilot.pause()
    [draft] = drafts_file(store_dir, demo.id).values()
    assert draft["values"]["role"] == ROLE and draft["values"]["name"] == "Ans"
    assert draft["hidden"] == ["name"]  # typed hidden in privacy mode: never shown in a reminder

    again = KrachtApp(store=store, clock=clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        reminders = [str(n.message) for n in again._notifications if n.title == "Concept bewaard"]
        assert len(reminders) == 1 and ROLE in reminders[0] and "Ans" not in reminders[0]
        await pilot.press("a")
        await pilot.pause()
        dialog = again.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.values()["role"] == ROLE and dialog.values()["name"] == "Ans"
        assert "Teruggezet" in str(dialog.query_one("#form-note").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
    meeting = todays_meeting(store_dir, demo.id)
    assert len(meeting.attendees) == attendees_before + 1
    assert meeting.attendees[-1].role == ROLE
    assert drafts_file(store_dir, demo.id) == {}  # saved: the draft has done its work


async def test_cancelling_the_restored_form_throws_the_draft_away(app, store, store_dir, demo, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await half_fill_attendee(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    again = KrachtApp(store=store, clock=clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert drafts_file(store_dir, demo.id) == {}


async def test_an_untouched_form_leaves_no_draft(app, store_dir, demo):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter", "a")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not (store_dir / "drafts").exists()


async def test_sighup_keeps_a_new_case_form_outside_any_case(app, store, store_dir, demo, clock):
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("tab", *"Familie B.")
        await pilot.pause()
        assert signal.SIGHUP in app._signals
        os.kill(os.getpid(), signal.SIGHUP)
        await pilot.pause()
        await pilot.pause()
    [draft] = drafts_file(store_dir, "nieuw").values()
    assert draft["title"] == "Nieuwe casus" and draft["values"]["label"] == "Familie B."
    again = KrachtApp(store=store, clock=clock)
    async with again.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert any("Familie B." in str(n.message) for n in again._notifications)
        await pilot.press("n")
        await pilot.pause()
        assert again.screen.values()["label"] == "Familie B."


def test_erasing_a_client_erases_their_drafts_and_check_names_strays(store, store_dir, demo, clock):
    from krachtoverleg.core.store.drafts import Draft

    store.keep_draft(demo.id, Draft("k", "Deelnemer toevoegen", {"role": ROLE}, {"role": "Rol"},
                                    clock.now()))
    assert check_store(store_dir).problems == 0
    erase(store, plan_erasure(store, demo.code))
    assert not (store_dir / "drafts" / f"{demo.id}.json").exists()

    (store_dir / "drafts" / "nieuw.json").write_text("{kapot", "utf-8")
    (store_dir / "drafts" / "abcdefgh12345678.json").write_text('{"drafts": {}}', "utf-8")
    (store_dir / "drafts" / "._vreemd.json").write_text("x", "utf-8")
    problems: dict[str, str] = {}
    for report in check_store(store_dir).others:
        problems[report.what] = problems.get(report.what, "") + " ".join(report.problems)
    assert "beschadigd" in problems["drafts/nieuw.json"]
    assert "casus die er niet meer is" in problems["drafts/abcdefgh12345678.json"]
    assert "hoort niet bij krachtoverleg" in problems["drafts/._vreemd.json"]
    assert store.drafts(None) == {}  # a damaged drafts file is skipped, not a crash


def test_drafts_nobody_came_back_for_are_forgotten(store, demo, clock):
    from datetime import timedelta

    from krachtoverleg.core.store.drafts import KEEP_DAYS, Draft

    old = Draft("oud", "Nieuwe actie", {"what": "bellen"}, {"what": "Wat"},
                clock.now() - timedelta(days=KEEP_DAYS + 1))
    new = Draft("nieuw", "Nieuwe actie", {"what": "mailen"}, {"what": "Wat"}, clock.now())
    store.keep_draft(demo.id, old)
    store.keep_draft(demo.id, new)
    store.forget_old_drafts(clock.now())
    assert set(store.drafts(demo.id)) == {"nieuw"}


TYPING = """
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"Ans", "tab", *"buurvrouw")
"""


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_real_process_keeps_the_open_form_when_its_window_goes(store, store_dir, demo, signum):
    store.close()
    out, err = type_then_signal(store_dir, TYPING, signum)
    assert "stopped" in out, err
    [draft] = drafts_file(store_dir, demo.id).values()
    assert draft["values"]["role"] == "buurvrouw"


async def test_a_drafts_file_with_half_a_surrogate_pair_stops_nothing(store, store_dir, demo, clock):
    """Found by an adversarial run: an old draft beside one holding "\\ud800" crashed the app at
    every start (forgetting the old one wrote the file again), and check said all was well."""
    import json

    from krachtoverleg.core.store.check import check_store
    from krachtoverleg.tui.app import KrachtApp

    folder = store_dir / "drafts"
    folder.mkdir(mode=0o700, exist_ok=True)
    path = folder / f"{demo.id}.json"
    draft = {"title": "t", "labels": {"x": "x"}, "hidden": []}
    path.write_text(json.dumps({"drafts": {
        "oud": draft | {"values": {"x": "oud"}, "kept": "2020-01-01T10:00:00"},
        "nieuw": draft | {"values": {"x": "x\ud800y"}, "kept": clock.now().isoformat()}}}))
    path.chmod(0o600)
    before = path.read_bytes()
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
    assert path.read_bytes() == before  # damaged: skipped, never written over
    assert any(report.path == path for report in check_store(store_dir).others)
