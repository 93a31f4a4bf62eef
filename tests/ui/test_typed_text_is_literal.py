"""Typed text is shown as typed, never read as display markup (issue 10, finding 16).

Every free-text field of the demo gets bracket strings that Textual or Rich would read as markup;
then every stage, the dialogs, the case list, the overview, the actions screen and the CLI tables
are opened on it. Nothing may crash, and the brackets must be on screen as typed."""

from __future__ import annotations

import dataclasses
from enum import Enum

from krachtoverleg.core.models import Attendee, Case, StepDecision, Strength
from krachtoverleg.core.models.agenda import STAGE_KEYS
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.record import Record
from krachtoverleg.core.models.vocab import StrengthKind
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.meeting import MeetingScreen
from tests.unit.cli_run import run

from .conftest import screen_text

MARKUP = ["[/b]", "[b]vet[/b]", "[@click=app.quit]klik[/]", "[link](javascript:alert(1))"]
LONG = " ".join(MARKUP)
SHORT = "[/b][b]v[/b]"  # for fields of a few words (labels, roles)
NOT_FREE_TEXT = {"id", "code", "meeting_id", "goal_id", "step_id", "owner_id", "member_id", "domain",
                 "life_domain", "current_stage", "kind", "status", "carrier", "reason", "relation"}


def marked(record: Record) -> Record:
    changes: dict[str, object] = {}
    for field in dataclasses.fields(record):
        value = getattr(record, field.name)
        free_text = value and field.name not in NOT_FREE_TEXT and not field.name.endswith("_id")
        if isinstance(value, str) and not isinstance(value, Enum) and free_text:
            changes[field.name] = SHORT if field.name in ("label", "role") else f"{value[:20]} {LONG}"
        elif isinstance(value, list) and value and isinstance(value[0], Attendee):
            changes[field.name] = [marked(a) for a in value]
        elif isinstance(value, StepDecision):
            changes[field.name] = marked(value)
    return record.replace(**changes) if changes else record


def mark_the_demo(store: FolderStore, case: Case) -> None:
    data = store.load(case.id)
    records = {table: [marked(r) for r in items] for table, items in data.records.items()}
    store.replace_case(CaseData(marked(data.case), records))


async def test_every_screen_shows_markup_as_typed(store, demo, clock):
    mark_the_demo(store, demo)
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(160, 45)) as pilot:
        assert SHORT in screen_text(app)  # the case list
        await pilot.press("f9", "j")  # show names, and confirm
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        for _ in STAGE_KEYS:
            assert isinstance(app.screen, MeetingScreen) and app.is_running
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.press("pageup", "pageup", "pageup", "e")  # Acties: the edit form of an action
        await pilot.pause()
        assert "[b]vet[/b]" in screen_text(app)
        await pilot.press("escape", "f2", "o")
        await pilot.pause()
        assert "[/b]" in screen_text(app)  # the overview
        await pilot.press("escape", "a")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]klik[/]" in text  # the actions screen, as typed, not a link
        assert app.is_running


async def test_a_strength_with_markup_is_saved_and_shown_and_the_meeting_opens_again(store, demo, clock):
    """The measured crash: `test [/b] x` + Enter crashed in the notification, and from then on
    opening the meeting crashed every time."""
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter", "pagedown", "pagedown")
        await pilot.pause()
        await pilot.press(*"ik kan test [/b] x", "enter")
        await pilot.pause()
        assert app.is_running and "test [/b] x" in screen_text(app)
    stored = store.load(demo.id).all(Strength)
    assert any(s.text == "test [/b] x" and s.kind is StrengthKind.IK_KAN for s in stored)
    again = KrachtApp(store=store, clock=clock)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")  # the meeting opens where it was left: Krachten
        await pilot.pause()
        assert again.is_running and "test [/b] x" in screen_text(again)


def test_the_cli_tables_show_markup_as_typed(store, store_dir, demo, clock, capsys):
    mark_the_demo(store, demo)
    store.close()
    code, out, err = run(capsys, clock, "--store", str(store_dir), "cases")
    assert code == 0 and SHORT in out, err
    code, out, err = run(capsys, clock, "--store", str(store_dir), "actions", "--full-names")
    assert code == 0 and "[@click=app.quit]klik[/]" in out and "[/b]" in out, err
