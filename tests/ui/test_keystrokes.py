"""The three forms a meeting fills most, by keystrokes (issue 11). Text typed is not counted;
every other key is, and the test fails if a form needs more than its target.

Before (Textual's own lists, a field per three rows): a network member took about 17 keys, an
action from a step about 15; now 5 and 6. A professional takeover takes 8."""

from __future__ import annotations

from datetime import date

from krachtoverleg.core.models import Action, NetworkMember, Step
from krachtoverleg.core.models.vocab import Carrier, Relation, TakeoverReason
from krachtoverleg.core.store.folder_store import FolderStore

from .test_stages import go_to


class Keys:
    """Presses keys and counts those that are not text."""

    def __init__(self, pilot) -> None:
        self.pilot, self.count = pilot, 0

    async def press(self, *keys: str) -> None:
        self.count += len(keys)
        for key in keys:
            await self.pilot.press(key)
        await self.pilot.pause()

    async def type(self, text: str) -> None:
        await self.pilot.press(*text)
        await self.pilot.pause()


def stored(store_dir, demo):
    return FolderStore.open(store_dir, write=False).load(demo.id)


async def test_a_network_member_in_five_keys(app, store_dir, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "netwerk")
        keys = Keys(pilot)
        await keys.press("a")
        await keys.type("Mo")
        await keys.press("tab")
        await keys.type("opa")
        await keys.press("tab", "f", "enter")  # f: familie, Enter saves
    assert keys.count <= 5
    member = next(m for m in stored(store_dir, demo).all(NetworkMember) if m.role == "opa")
    assert member.relation is Relation.FAMILY and member.name == "Mo"


async def test_an_action_from_a_step_in_six_keys(app, store_dir, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "acties")
        keys = Keys(pilot)
        await keys.press("s", "enter")  # the first open step, chosen
        await keys.press("tab", "c")  # who: c for cliënt
        await keys.press("tab")
        await keys.type("15-12-2026")
        await keys.press("enter")
    assert keys.count <= 6
    actions = stored(store_dir, demo).all(Action)
    assert any(a.due == date(2026, 12, 15) for a in actions)


async def test_a_professional_takeover_in_seven_keys(app, store_dir, demo):
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "zelf_of_ik")
        await pilot.press("down", "down")  # to "(Extra) werk zoeken in de zorg"
        keys = Keys(pilot)
        await keys.press("p")
        await keys.press("s")  # the professional: s for schuldhulpverlener
        await keys.press("tab", "v")  # why: vaardigheid moet nog geleerd worden
        await keys.press("tab")
        await keys.type("Eerst samen oefenen, dan zelf")
        await keys.press("tab")
        await keys.type("15-01-2027")
        await keys.press("enter")
    assert keys.count <= 7
    step = next(s for s in stored(store_dir, demo).all(Step) if s.text == "(Extra) werk zoeken in de zorg")
    assert step.decision is not None and step.decision.carrier is Carrier.PROFESSIONAL
    assert step.decision.reason is TakeoverReason.SKILL and step.decision.hand_back_by == date(2027, 1, 15)
