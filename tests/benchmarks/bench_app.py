"""How quick does the app feel? Run: python tests/benchmarks/bench_app.py  (about a minute)

`--quick` runs every measurement once on small cases, so the test suite can check that the
benchmark still runs (tests/benchmarks/test_benchmarks_run.py); it then reports no verdicts.

Measures, in one run, and prints one table of medians with their spread:

1. start to first screen, as a ratio to a minimal Textual app (Header, Label, Footer) started
   the same way: the case list, and the meeting screen opened directly on the demo case
   (`open_case=`) until its first pane is on screen. Rounds alternate minimal / list / meeting.
2. Enter in the Krachten capture line until the new strength row is on screen, on the demo
   case and on a big case (500 extra strengths, 500 extra actions).
3. PageDown from Terugblik into Krachten until that stage is on screen: the first visit (the
   pane may be built then) and later visits (PageUp, PageDown), on the demo and the big case.
4. `store.save(case_id, Strength(...))` at 50 and 5,000 cases (stores filled as bench_save does).

Targets: capture to shown <= 50 ms and PageDown <= 100 ms on the big case; meeting screen start
<= 1.5x the minimal app; saves <= 20 ms and flat (5,000-case median within 1.5x of the 50-case
median). Exit status 0 when every target is met, 1 otherwise.

"On screen" means: the condition holds in the widget tree (the pane is the ContentSwitcher's
current one and everything in it is mounted; the new row's Label is mounted), and then the screen
has refreshed once more (`Widget.wait_for_refresh`, i.e. layout and paint are done). Keys are
posted to the app directly and the condition is polled every millisecond: Textual's
`pilot.press` / `pilot.pause` sleep at least 20 ms each (`wait_for_idle`), which would eat most
of a 50 ms budget. Between measurements the app is left to settle (workers done, pilot.pause).

Also runs against older checkouts whose package exports the same names (`Store` from
`krachtoverleg.core.store`, `Strength`, `Action`, `Meeting` from `krachtoverleg.core.models`)."""

from __future__ import annotations

import asyncio
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from bench_save import fill  # the store filler of the save benchmark beside this file
from textual import events
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Label, OptionList

from krachtoverleg.core.clock import FixedClock
from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Action, Meeting, Strength
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.case_list import CaseListScreen
from krachtoverleg.tui.screens.meeting import MeetingScreen

CLOCK = FixedClock(datetime(2026, 11, 23, 10, 0))
TODAY = CLOCK.today()
SIZE = (120, 36)
START_ROUNDS = 7        # minimal / case list / meeting, alternating
SESSIONS = 3            # meeting sessions per case: each gives one first visit of Krachten
CAPTURES = 7            # per session: 21 captures per case
LATER_VISITS = 4        # per session: 12 later visits per case
BIG_STRENGTHS = BIG_ACTIONS = 500
SAVE_SIZES = (50, 5000)
SAVES = 50
POLL = 0.001            # seconds between checks of a condition
TIMEOUT = 60.0


# -- waiting for the screen ---------------------------------------------------------------

async def until(condition: Callable[[], bool]) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError(f"not on screen within {TIMEOUT:.0f} s: {condition.__doc__ or condition}")
        await asyncio.sleep(POLL)


async def shown(app: App, condition: Callable[[], bool]) -> None:
    """The condition holds, and the screen has been laid out and painted after it."""
    await until(condition)
    await app.screen.wait_for_refresh()


async def settle(app: App, pilot) -> None:
    """Untimed: let background work of the last step finish before the next measurement."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    gc.collect()


def since(start: float) -> float:
    return (time.perf_counter() - start) * 1000


def send_key(app: App, key: str, character: str | None = None) -> None:
    app.post_message(events.Key(key, character))


async def timed_key(app: App, key: str, condition: Callable[[], bool], character: str | None = None) -> float:
    start = time.perf_counter()
    send_key(app, key, character)
    await shown(app, condition)
    return since(start)


# -- what "on screen" means ---------------------------------------------------------------

def pane_ready(app: App, stage: str) -> bool:
    """The meeting screen shows this stage's pane, and all of the pane is mounted."""
    screen = app.screen
    if not isinstance(screen, MeetingScreen) or not screen.is_mounted:
        return False
    try:
        switcher = screen.query_one("#stages", ContentSwitcher)
        pane = switcher.get_child_by_id(f"pane-{stage}")
    except NoMatches:
        return False
    return switcher.current == pane.id and all(w.is_mounted for w in pane.walk_children(with_self=True))


def case_list_ready(app: App) -> bool:
    screen = app.screen
    if not isinstance(screen, CaseListScreen):
        return False
    try:
        return screen.query_one("#cases", DataTable).row_count > 0
    except NoMatches:
        return False


def row_shown(app: App, kind: str, text: str) -> bool:
    """The strength column of this kind lists a line that starts with the text."""
    try:
        view = app.screen.query_one(f"#list-{kind}", OptionList)
    except NoMatches:
        return False
    # "• text", or "✚ text  nieuw" when named for the first time in this meeting
    return any(str(option.prompt)[2:].startswith(text) for option in view.options)


# -- the cases ------------------------------------------------------------------------------

def todays_meeting(store: FolderStore, case_id: str) -> Meeting:
    return next(m for m in store.load(case_id).all(Meeting) if m.date == TODAY and m.is_open)


def add_big_case(store: FolderStore) -> str:
    """The demo case plus 500 strengths and 500 actions (half from the earlier meeting, so
    Terugblik lists them, half from today's), saved in one write."""
    case = add_demo(store, TODAY)
    meetings = sorted(store.load(case.id).all(Meeting), key=lambda m: m.number)
    kinds = ("ik_ben", "ik_kan", "ik_heb", "ik_wil")
    records: list = [Strength(kinds[n % 4], f"kracht nummer {n:03d}") for n in range(BIG_STRENGTHS)]
    records += [Action(meetings[n % 2].id, f"actie nummer {n:03d}", "client",
                       TODAY + timedelta(days=n % 60 - 30)) for n in range(BIG_ACTIONS)]
    store.save(case.id, *records)
    return case.id


def reset_stage(store: FolderStore, case_id: str) -> None:
    """Each session starts on Opening (moving through the agenda stores the current stage)."""
    meeting = todays_meeting(store, case_id)
    store.save(case_id, meeting.replace(current_stage="opening", drafts={}))


# -- 1. start to first screen ---------------------------------------------------------------

class MinimalApp(App):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Hallo")
        yield Footer()


def minimal_ready(app: App) -> bool:
    return any(label.is_mounted for label in app.screen.query(Label))


async def time_start(make: Callable[[], App], ready: Callable[[App], bool]) -> float:
    gc.collect()
    start = time.perf_counter()
    app = make()
    async with app.run_test(size=SIZE):
        await shown(app, lambda: ready(app))
        return since(start)


async def measure_starts(store: FolderStore, case_id: str) -> dict[str, list[float]]:
    kinds: dict[str, tuple[Callable[[], App], Callable[[App], bool]]] = {
        "minimal": (MinimalApp, minimal_ready),
        "case list": (lambda: KrachtApp(store=store, clock=CLOCK), case_list_ready),
        "meeting": (lambda: KrachtApp(store=store, clock=CLOCK, open_case=case_id),
                    lambda app: pane_ready(app, "opening")),
    }
    times: dict[str, list[float]] = {name: [] for name in kinds}
    for round_ in range(START_ROUNDS + 1):  # round 0 warms up imports and caches
        for name, (make, ready) in kinds.items():
            reset_stage(store, case_id)
            elapsed = await time_start(make, ready)
            if round_:
                times[name].append(elapsed)
    return times


# -- 2 and 3. a meeting session: PageDown into Krachten, captures, later visits ---------------

@dataclass
class Session:
    start: float
    first_visit: float
    captures: list[float]
    later_visits: list[float]


async def meeting_session(store: FolderStore, case_id: str, serial: int) -> Session:
    reset_stage(store, case_id)
    gc.collect()
    begun = time.perf_counter()
    app = KrachtApp(store=store, clock=CLOCK, open_case=case_id)
    async with app.run_test(size=SIZE) as pilot:
        await shown(app, lambda: pane_ready(app, "opening"))
        start = since(begun)
        await settle(app, pilot)
        await timed_key(app, "pagedown", lambda: pane_ready(app, "terugblik"))
        await settle(app, pilot)
        first_visit = await timed_key(app, "pagedown", lambda: pane_ready(app, "krachten"))
        await settle(app, pilot)
        captures = [await time_capture(app, pilot, f"fietsen {serial:02d}-{n:02d}") for n in range(CAPTURES)]
        later = []
        for _ in range(LATER_VISITS):
            await timed_key(app, "pageup", lambda: pane_ready(app, "terugblik"))
            await settle(app, pilot)
            later.append(await timed_key(app, "pagedown", lambda: pane_ready(app, "krachten")))
            await settle(app, pilot)
    return Session(start, first_visit, captures, later)


async def time_capture(app: App, pilot, what: str) -> float:
    line = app.screen.query_one("#capture")
    assert app.focused is line, "the capture line should have the keyboard"
    line.value = f"ik kan {what}"  # type: ignore[attr-defined]
    elapsed = await timed_key(app, "enter", lambda: row_shown(app, "ik_kan", what), "\r")
    await settle(app, pilot)
    return elapsed


async def measure_case(store: FolderStore, case_id: str) -> list[Session]:
    return [await meeting_session(store, case_id, serial) for serial in range(SESSIONS)]


# -- 4. saves ------------------------------------------------------------------------------

def measure_saves(count: int) -> list[float]:
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "store"
        fill(root, count)
        with FolderStore.open(root, write=True) as store:
            ids = [summary.id for summary in store.cases()]
            times = []
            for n in range(SAVES):
                case_id, strength = rng.choice(ids), Strength("ik_kan", f"kracht {n}")
                start = time.perf_counter()
                store.save(case_id, strength)
                times.append(since(start))
    return times


# -- the table -----------------------------------------------------------------------------

@dataclass
class Row:
    name: str
    values: list[float]
    unit: str  # "ms" or "x"
    target: float | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    def spread(self) -> str:
        values = sorted(self.values)
        if len(values) >= 10:
            deciles = statistics.quantiles(values, n=10, method="inclusive")
            return f"{self._fmt(deciles[0])}–{self._fmt(deciles[-1])} p10–p90"
        return f"{self._fmt(values[0])}–{self._fmt(values[-1])} min–max"

    def verdict(self) -> str:
        if self.target is None:
            return ""
        if self.median <= self.target:
            return "ok"
        return f"missed by {self._fmt(self.median - self.target)} {self.unit}"

    @property
    def met(self) -> bool:
        return self.target is None or self.median <= self.target

    def _fmt(self, value: float) -> str:
        return f"{value:.2f}" if self.unit == "x" or value < 10 else f"{value:.0f}"

    def line(self) -> str:
        target = f"<= {self._fmt(self.target)} {self.unit}" if self.target is not None else ""
        return (f"{self.name:<44} {self._fmt(self.median):>8} {self.unit:<2} {self.spread():>22} "
                f"{len(self.values):>4}  {target:<12} {self.verdict()}")


def ratios(values: list[float], baseline: list[float]) -> list[float]:
    return [v / b for v, b in zip(values, baseline, strict=True)]


def rows_for_case(label: str, sessions: list[Session], minimal_median: float, targeted: bool) -> list[Row]:
    def gather(pick: Callable[[Session], list[float]]) -> list[float]:
        return [value for session in sessions for value in pick(session)]

    return [
        Row(f"{label}: meeting start / minimal (info)", [s.start / minimal_median for s in sessions], "x"),
        Row(f"{label}: capture Enter -> row shown", gather(lambda s: s.captures), "ms",
            50 if targeted else None),
        Row(f"{label}: PageDown Terugblik->Krachten, 1st", [s.first_visit for s in sessions], "ms",
            100 if targeted else None),
        Row(f"{label}: PageDown Terugblik->Krachten, later", gather(lambda s: s.later_visits), "ms",
            100 if targeted else None),
    ]


async def measure_app() -> list[Row]:
    with tempfile.TemporaryDirectory() as folder, \
            FolderStore.open(Path(folder) / "store", write=True) as store:
        demo_id = add_demo(store, TODAY).id
        big_id = add_big_case(store)
        starts = await measure_starts(store, demo_id)
        demo, big = await measure_case(store, demo_id), await measure_case(store, big_id)
    minimal = starts["minimal"]
    return [
        Row("start: minimal app (absolute)", minimal, "ms"),
        Row("start: case list / minimal app", ratios(starts["case list"], minimal), "x"),
        Row("start: meeting (demo) / minimal app", ratios(starts["meeting"], minimal), "x", 1.5),
        *rows_for_case("demo", demo, statistics.median(minimal), targeted=False),
        *rows_for_case("big", big, statistics.median(minimal), targeted=True),
    ]


def save_rows() -> list[Row]:
    small, large = (measure_saves(size) for size in SAVE_SIZES)
    flat = statistics.median(large) / statistics.median(small)
    return [
        Row(f"save strength, {SAVE_SIZES[0]:,} cases", small, "ms", 20),
        Row(f"save strength, {SAVE_SIZES[1]:,} cases", large, "ms", 20),
        # one number, so its spread is itself
        Row(f"save: {SAVE_SIZES[1]:,}-case median / {SAVE_SIZES[0]}-case median", [flat], "x", 1.5),
    ]


def quick() -> None:
    """One of each measurement, on small cases: the benchmark runs, nothing is judged."""
    global START_ROUNDS, SESSIONS, CAPTURES, LATER_VISITS, BIG_STRENGTHS, BIG_ACTIONS, SAVE_SIZES, SAVES  # noqa: PLW0603
    START_ROUNDS, SESSIONS, CAPTURES, LATER_VISITS = 1, 1, 2, 1
    BIG_STRENGTHS = BIG_ACTIONS = 40
    SAVE_SIZES, SAVES = (5, 20), 5


def main(argv: list[str]) -> int:
    if "--quick" in argv:
        quick()
    began = time.perf_counter()
    rows = asyncio.run(measure_app()) + save_rows()
    print(f"{'measure':<44} {'median':>11} {'spread':>22} {'n':>4}  {'target':<12} result")
    for row in rows:
        print(row.line())
    missed = [row.name for row in rows if not row.met]
    print(f"{len(missed)} target(s) missed" + (f": {'; '.join(missed)}" if missed else "")
          + f"   (run took {time.perf_counter() - began:.0f} s)")
    return 1 if missed and "--quick" not in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
