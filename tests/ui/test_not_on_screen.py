"""'Niet op het scherm' on screen (issue 14): F8 hides a record; with names hidden it is gone
from the screen, with names shown it is marked; a name typed in privacy mode is offered a swap."""

from __future__ import annotations

from krachtoverleg.core.models import NetworkMember, Resource
from krachtoverleg.core.models.agenda import StageKey
from krachtoverleg.tui.dialogs.confirm import ConfirmDialog

from .conftest import screen_text
from .test_stages import fill, go_to, stored


async def test_f8_keeps_the_ex_partner_off_the_shared_screen(app, store_dir, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, StageKey.NETWERK)
        await pilot.press("f9", "j")  # names shown: the chair's own view
        await pilot.pause()
        table = app.screen.query_one("#network-table").table
        row = next(i for i, r in enumerate(table.ordered_rows)
                   if stored(store_dir, demo).get(NetworkMember, str(r.key.value)).role == "ex-partner")
        table.move_cursor(row=row)
        await pilot.press("f8")
        await pilot.pause()
        ex = next(m for m in stored(store_dir, demo).all(NetworkMember) if m.role == "ex-partner")
        assert ex.hidden and "⊘" in screen_text(app)
        await pilot.press("f9")  # names hidden again: the room's view
        await pilot.pause()
        text = screen_text(app)
        assert "alimentatie" not in text and "ex-partner" not in text and "Marco" not in text


async def test_a_name_typed_while_names_are_hidden_is_offered_a_swap(app, store_dir, demo):
    async with app.run_test(size=(120, 36)) as pilot:
        await go_to(pilot, StageKey.HULPBRONNEN)
        await pilot.press("a")
        await pilot.pause()
        await fill(pilot, text="Zwemles voor Sem", group="social", type="financial")
        assert isinstance(app.screen, ConfirmDialog) and "'Sem' door 'zoon'" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        texts = [r.text for r in stored(store_dir, demo).all(Resource)]
        assert "Zwemles voor zoon" in texts and "Zwemles voor Sem" not in texts
