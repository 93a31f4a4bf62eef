"""What was just added is in view (issue 20): for every stage, at 80x24, 120x36 and 200x60,
five more of that stage's items are typed in as a chair would, and the newest must be on the
screen the room reads, not below its edge or behind '+N meer'."""

from __future__ import annotations

import pytest

from krachtoverleg.core.models.agenda import StageKey

from .conftest import screen_text
from .test_stages import go_to

SIZES = [(80, 24), (120, 36), (200, 60)]
MORE = 5


def _keys(stage: StageKey, n: int) -> list[str]:
    """The keys that add item `n` of this stage, its text holding the token f"zq{n}"."""
    token = f"zq{n}"
    return {
        StageKey.OPENING: ["a", *"Naam", "tab", *token, "enter"],
        StageKey.KRACHTEN: [*f"ik kan {token}", "enter"],
        StageKey.HULPBRONNEN: ["a", *token, "tab", "p", "tab", "i", "enter"],
        StageKey.NETWERK: ["a", *"Naam", "tab", *token, "tab", "f", "enter"],
        StageKey.AMBITIES: ["a", *token, "enter"],
        StageKey.DOELEN: ["a", *token, "enter"],
        StageKey.ACTIES: ["a", *token, "tab", "c", "tab", "tab", *f"check {n}", "enter"],
    }[stage]


ADDING = [StageKey.OPENING, StageKey.KRACHTEN, StageKey.HULPBRONNEN, StageKey.NETWERK, StageKey.AMBITIES,
          StageKey.DOELEN, StageKey.ACTIES]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("stage", ADDING, ids=str)
async def test_the_newest_item_is_in_view(app, demo, stage, size):
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, stage)
        for n in range(1, MORE + 1):
            await pilot.press(*_keys(stage, n))
            await pilot.pause()
            app.clear_notifications()  # "Opgeslagen: ik kan: zq5" in the status line is not the item
            await pilot.pause()
            assert f"zq{n}" in screen_text(app), f"{stage}: item {n} is not on screen"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_evaluation_plan_b_and_the_read_back_are_in_view(app, demo, size):
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, StageKey.ACTIES)
        for n in range(1, MORE + 1):
            await pilot.press(*_keys(StageKey.ACTIES, n))
        await pilot.press("tab", "a", *"besluit een", "enter", "a", *"besluit twee", "enter")
        await pilot.press("v", *"21-12-2026", "enter", "p", *"de buurvrouw belt", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Evaluatie op: 21-12-2026" in text and "de buurvrouw belt" in text and "besluit twee" in text
        await pilot.press("pagedown")  # Afsluiting reads back today's agreements, at every size
        await pilot.pause()
        text = screen_text(app)
        assert f"zq{MORE}" in text and "besluit twee" in text and "21-12-2026" in text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_success_marked_in_terugblik_is_in_view(app, demo, size):
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, StageKey.TERUGBLIK)
        await pilot.press("down", "down", "g", "up", "g")
        await pilot.pause()
        text = screen_text(app)
        assert "GELUKT (4)" in text
        assert "Actie gedaan: Lijst maken" in text and "Actie gedaan: Eerste betalingsregeling" in text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_third_family_member_never_pushes_out_who_makes_it_harder(app, demo, size):
    async with app.run_test(size=size) as pilot:
        await go_to(pilot, StageKey.NETWERK)
        for n in range(1, 4):
            await pilot.press("a", *"Naam", "tab", *f"oom{n}", "tab", "f", "enter")
            await pilot.pause()
        picture = str(app.screen.query_one("#network-picture").render())
        assert "ex-partner" in picture and "✖ remt" in picture
