"""Keys typed in one burst through a form, in a real terminal (issue 11, found in tmux): in
Acties, `v`, a date, Enter and straight on `p`, a plan B, Enter. The `p` used to be typed into
the closing date form and plan B was silently lost; a second Enter saved the form twice, which
closed the meeting too, and a third left a blank screen while the date was not saved."""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Meeting, Step
from krachtoverleg.core.models.agenda import StageKey, stage_index
from krachtoverleg.core.models.vocab import Carrier
from krachtoverleg.core.store.folder_store import FolderStore

from .test_typing_in_a_terminal import PAGE_DOWN, STAGE_TIMEOUT, START_TIMEOUT, TerminalChild

SETTLE = 20.0


def _meeting_today(root: Path, case_id: str) -> Meeting | None:
    try:
        with FolderStore.open(root, write=False) as reader:
            data = reader.load(case_id)
    except Exception:  # noqa: BLE001  - a reader racing the writer simply tries again
        return None
    return data.meeting_on(date.today())


def _until(root: Path, case_id: str, done) -> Meeting | None:
    deadline = time.monotonic() + SETTLE
    meeting = None
    while time.monotonic() < deadline:
        meeting = _meeting_today(root, case_id)
        if meeting is not None and done(meeting):
            return meeting
        time.sleep(0.2)
    return meeting


def _to_actions(tmp_path: Path, stage: StageKey = StageKey.ACTIES,
                shows: str = "Plan B, als het anders loopt") -> tuple[TerminalChild, Path, str]:
    root = tmp_path / "store"
    with FolderStore.open(root, write=True) as store:
        case = add_demo(store, date.today())
    child = TerminalChild([sys.executable, "-m", "krachtoverleg", "--store", str(root), "meeting", case.code])
    child.wait_for_text("Verder", START_TIMEOUT)
    mark = child.position
    for _ in range(stage_index(stage)):
        child.send(PAGE_DOWN)
        time.sleep(0.2)
    child.wait_for_text(shows, STAGE_TIMEOUT, since=mark)
    time.sleep(0.5)
    return child, root, case.id


def test_keys_after_enter_go_on_to_the_next_form(tmp_path):
    child, root, case_id = _to_actions(tmp_path)
    try:
        child.send(b"v15-12-2027\rpPlan in een keer\r")  # one write: no pause anywhere
        meeting = _until(root, case_id, lambda m: m.evaluation_date and m.plan_b)
        assert meeting is not None and meeting.evaluation_date == date(2027, 12, 15)
        assert meeting.plan_b.endswith("Plan in een keer"), meeting.plan_b
        assert child.poll() is None
    finally:
        child.kill()


def test_enter_pressed_three_times_saves_once_and_keeps_the_meeting(tmp_path):
    child, root, case_id = _to_actions(tmp_path)
    try:
        mark = child.position
        child.send(b"v16-12-2027\r\r\r")
        meeting = _until(root, case_id, lambda m: m.evaluation_date == date(2027, 12, 16))
        assert meeting is not None and meeting.evaluation_date == date(2027, 12, 16)
        time.sleep(1.0)
        child.send(b"p")  # the meeting is still there: p opens plan B
        child.wait_for_text("Wat doen we als het anders loopt?", STAGE_TIMEOUT, since=mark)
        assert child.poll() is None
    finally:
        child.kill()


def test_a_row_key_typed_with_an_arrow_acts_on_the_row_the_arrow_moved_to(tmp_path):
    child, root, case_id = _to_actions(tmp_path, StageKey.ZELF_OF_IK, "Moet ik dit doen")
    try:
        child.send(b"\x1b[Bz")  # ↓ and z in one write: the step below the first goes back to the client
        deadline = time.monotonic() + SETTLE
        carrier = None
        while time.monotonic() < deadline:
            with FolderStore.open(root, write=False) as reader:
                step = next(s for s in reader.load(case_id).all(Step) if s.text.startswith("Schuldeisers"))
            carrier = step.decision.carrier if step.decision else None
            if carrier is Carrier.ZELF:
                break
            time.sleep(0.2)
        assert carrier is Carrier.ZELF
        with FolderStore.open(root, write=False) as reader:
            first = next(s for s in reader.load(case_id).all(Step) if s.text.startswith("Kijken waar"))
        assert first.decision is not None and first.decision.carrier is Carrier.NETWERK  # as it was
    finally:
        child.kill()
