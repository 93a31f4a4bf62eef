"""Fast typing and held keys: every keystroke kept, in order, and the app keeps running.

Keys are posted to the app the way the terminal driver posts them: all at once, with no pause
between them, so nothing waits for a save or a redraw before the next key arrives."""

from __future__ import annotations

from textual import events

from krachtoverleg.core.models import Goal, Strength
from krachtoverleg.core.models.agenda import StageKey, stage_index
from krachtoverleg.core.models.vocab import StrengthKind
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.meeting import MeetingScreen
from krachtoverleg.tui.stages.strengths import StrengthBoard

KINDS = ["ik ben", "ik kan", "ik heb", "ik wil"]


def key_events(text: str) -> list[events.Key]:
    keys = []
    for character in text:
        if character == "\r":
            keys.append(events.Key("enter", "\r"))
        elif character == " ":
            keys.append(events.Key("space", " "))
        else:
            keys.append(events.Key(character, character))
    return keys


def post_without_pause(app: KrachtApp, keys: list[events.Key]) -> None:
    for key in keys:
        app.post_message(key)


async def settle(pilot, done, rounds: int = 400) -> None:
    for _ in range(rounds):
        if done():
            break
        await pilot.pause(0.02)
    await pilot.pause()


async def open_stage(pilot, stage: StageKey) -> MeetingScreen:
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*["pagedown"] * stage_index(stage))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen) and screen.current is stage
    return screen


def lines(count: int, start: int = 0) -> list[tuple[StrengthKind, str]]:
    return [(list(StrengthKind)[n % 4], f"regel {n:03d} met wat tekst") for n in range(start, start + count)]


def typed(wanted: list[tuple[StrengthKind, str]]) -> str:
    return "".join(f"{KINDS[list(StrengthKind).index(kind)]} {text}\r" for kind, text in wanted)


async def test_fifty_lines_typed_without_a_pause_are_stored_exactly_in_order(store, store_dir, demo, clock):
    store.save(demo.id, *(Strength(StrengthKind.IK_KAN, f"al bekend {n}") for n in range(150 - 9)))
    before = len(store.load(demo.id).all(Strength))
    wanted = lines(50)
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_stage(pilot, StageKey.KRACHTEN)
        board = screen.query_one(StrengthBoard)
        post_without_pause(app, key_events(typed(wanted)))
        await settle(pilot, lambda: len(screen.data.all(Strength)) >= before + 50 if screen.data else False)
        assert app.is_running and app.screen is screen
        assert board.query_one("#capture").value == ""
        shown = sum(len(column.strength_ids) for column in board.query("StrengthColumn"))
        assert shown == before + 50  # every new line is on the board, not only on disk
    stored = FolderStore.open(store_dir, write=False).load(demo.id).all(Strength)[before:]
    assert [(s.kind, s.text) for s in stored] == wanted


async def test_two_hundred_saves_as_fast_as_the_loop_allows(store, store_dir, demo, clock):
    """Capture lines, then + and - held on a step: every save lands and the app keeps running."""
    app = KrachtApp(store=store, clock=clock)
    wanted = lines(100)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_stage(pilot, StageKey.KRACHTEN)
        post_without_pause(app, key_events(typed(wanted)))
        await settle(pilot, lambda: sum(s.text.startswith("regel") for s in screen.data.all(Strength)) == 100
                     if screen.data else False)
        await pilot.press(*["pagedown"] * (stage_index(StageKey.DOELEN) - stage_index(StageKey.KRACHTEN)))
        await pilot.pause()
        assert screen.current is StageKey.DOELEN
        await pilot.press("tab")  # from the goals to the steps of the first goal
        await pilot.pause()
        assert screen.data is not None
        goal = min(screen.data.all(Goal), key=lambda g: g.position)
        steps = screen.data.steps_of(goal)
        first = steps[0]
        # 60 times + (the first step walks to the end and stays there), then 40 times -.
        # A terminal sends a new key event for every press: never the same object twice.
        post_without_pause(app, [events.Key("plus", "+") for _ in range(60)]
                           + [events.Key("minus", "-") for _ in range(40)])
        await pilot.pause(0.5)
        await settle(pilot, lambda: False, rounds=20)
        assert app.is_running and app.screen is screen
    data = FolderStore.open(store_dir, write=False).load(demo.id)
    assert [(s.kind, s.text) for s in data.all(Strength) if s.text.startswith("regel")] == wanted
    after = data.steps_of(goal)
    assert sorted(s.position for s in after) == list(range(len(steps)))
    expected = max(len(steps) - 1 - 40, 0)
    assert [s.id for s in after].index(first.id) == expected


async def test_keys_typed_quickly_after_tab_land_in_the_next_field(store, store_dir, demo, clock):
    app = KrachtApp(store=store, clock=clock)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_stage(pilot, StageKey.OPENING)
        await pilot.press("a")
        await pilot.pause()
        post_without_pause(app, [*key_events("Fatma Bulut"), events.Key("tab", "\t"), *key_events("zus")])
        await pilot.pause(0.3)
        dialog = app.screen
        assert dialog.query_one("#field-name").value == "Fatma Bulut"
        assert dialog.query_one("#field-role").value == "zus"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
