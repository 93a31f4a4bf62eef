"""Forms as the room uses them (issue 20): a value the app proposes is replaced by typing, an
action from a step proposes a step that has no action yet, and F1 explains a form's keys."""

from __future__ import annotations

from krachtoverleg.core.models import Action
from krachtoverleg.tui.dialogs.form import FormDialog
from krachtoverleg.tui.dialogs.keys_help import KeysHelp

from .conftest import screen_text
from .test_stages import go_to, stored


async def test_typing_replaces_the_text_proposed_from_a_step(app, store_dir, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "acties")
        await pilot.press("s", "enter")
        await pilot.pause()
        await pilot.press(*"Buurvrouw vragen", "tab", "c", "tab", "tab", *"Ze zegt ja of nee", "enter")
        await pilot.pause()
    action = next(a for a in stored(store_dir, demo).all(Action) if a.what == "Buurvrouw vragen")
    assert action.check == "Ze zegt ja of nee" and action.step_id


async def test_end_keeps_the_proposed_text_and_adds_to_it(app, store_dir, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "acties")
        await pilot.press("s", "enter")
        await pilot.pause()
        proposed = app.focused.value
        await pilot.press("end", *" samen", "tab", "c", "tab", "enter")
        await pilot.pause()
    assert any(a.what == f"{proposed} samen" for a in stored(store_dir, demo).all(Action))


async def test_an_action_from_a_step_proposes_a_step_without_an_action(app, store_dir, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "acties")
        await pilot.press("s")
        await pilot.pause()
        first = app.screen.query_one("#field-step").value
        await pilot.press("enter", "tab", "c", "tab", "enter")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        second = app.screen.query_one("#field-step").value
    assert first != second
    with_action = {a.step_id for a in stored(store_dir, demo).all(Action)}
    assert first in with_action


async def test_f1_in_a_form_lists_its_keys(app, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "acties")
        await pilot.press("a", *"kasten", "f1")
        await pilot.pause()
        assert isinstance(app.screen, KeysHelp)
        assert "Ctrl+U" in screen_text(app)  # the text keys are in view at 80x24
        keys = {line.keys for line in app.screen.lines}
        assert {"Ctrl+U", "Ctrl+W", "Enter", "Esc", "Tab", "Spatie of ↓"} <= keys
        assert "Ctrl+J" not in keys  # no long field in this form
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog) and app.focused.value == "kasten"
        await pilot.press("escape", "p", "f1")  # plan B: a long field
        await pilot.pause()
        keys = {line.keys for line in app.screen.lines}
        assert "Ctrl+J" in keys and "Spatie of ↓" not in keys


async def test_coming_back_to_a_changed_proposal_does_not_select_it(app, store_dir, demo):
    """Once the proposed text is the user's own, Shift+Tab back and a letter adds to it."""
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "acties")
        await pilot.press("s", "enter")
        await pilot.pause()
        await pilot.press(*"Bellen", "tab", "shift+tab", *" morgen")
        await pilot.pause()
        assert app.focused.value == "Bellen morgen"
