"""Action lists and the first screen at scale, on both engines (issue 21).

Run: python tests/benchmarks/bench_action_lists.py [--quick] [--cases N]

Fills a folder store and, where PostgreSQL's binaries and psycopg are here, a throwaway team
store with N demo-sized cases (three meetings each, with snapshots), then prints medians of:
- the Acties screen's list ("a", a writer's second look), the page it reads for one owner,
  and `actions --owner schuldhulp` (the answer, and the whole command with its JSON and its
  terminal table: every one of 10,000 rows), on both engines: target 200 ms;
- a save on the team store: target 10 ms;
- the first screen (the case list) at N cases against 50 cases, also on the morning of a new
  backup: target 1.5x.
`--quick`: small stores, no verdict (the suite runs it so it cannot rot)."""

from __future__ import annotations

import asyncio
import contextlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from krachtoverleg.cli import main as cli  # noqa: E402
from krachtoverleg.core.clock import FixedClock  # noqa: E402
from krachtoverleg.core.models import Strength  # noqa: E402
from krachtoverleg.core.models.changes import Put  # noqa: E402
from krachtoverleg.core.models.record import new_id  # noqa: E402
from krachtoverleg.core.models.vocab import StrengthKind  # noqa: E402
from krachtoverleg.core.rules.action_list import ActionFilter, collect, collect_page  # noqa: E402
from krachtoverleg.core.rules.privacy import Names  # noqa: E402
from krachtoverleg.core.store.engine import CaseStore  # noqa: E402
from krachtoverleg.core.store.folder_store import FolderStore  # noqa: E402
from krachtoverleg.core.store.location import StoreLocation  # noqa: E402
from tests.benchmarks.bench_save import fill  # noqa: E402

TODAY = date(2026, 11, 23)
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))
OWNER = "schuldhulp"


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def quiet_cli(*argv: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert cli(list(argv), clock=CLOCK) == 0


def screen_ms(store: CaseStore, runs: int) -> float:
    """From pressing a on the case list to the Acties screen showing its rows."""
    from krachtoverleg.tui.app import KrachtApp
    from krachtoverleg.tui.screens.actions import ActionsScreen

    async def measure() -> list[float]:
        app = KrachtApp(store=store, clock=CLOCK)
        times = []
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause()
            for _ in range(runs):
                start = time.perf_counter()
                screen = ActionsScreen()
                await app.push_screen(screen)
                while not screen.shown_once:  # the rows are in the table
                    await asyncio.sleep(0.002)
                times.append((time.perf_counter() - start) * 1000)
                app.pop_screen()
                await pilot.pause()
        return times

    return statistics.median(asyncio.run(measure()))


def first_screen_ms(location: StoreLocation, runs: int, backup_due: bool) -> float:
    """Opening the store and the app up to its case list (as `krachtoverleg` does)."""
    from krachtoverleg.tui.app import KrachtApp

    async def once(day: int) -> float:
        clock = FixedClock(datetime(2026, 11, 23, 9, 0) + timedelta(days=day))
        start = time.perf_counter()
        with location.open(write=True) as store:
            app = KrachtApp(store=store, clock=clock, daily_backup=True)
            async with app.run_test(size=(120, 34)) as pilot:
                await pilot.pause()
                elapsed = (time.perf_counter() - start) * 1000
                await app.workers.wait_for_complete()
        return elapsed

    return statistics.median(asyncio.run(once(day if backup_due else 0)) for day in range(1, runs + 1))


def engine_rows(name: str, location: StoreLocation, url_args: list[str], runs: int) -> dict[str, float]:
    store = location.open(write=True)
    try:
        store.case_actions(None)  # made once, as the first list after an upgrade does
        wanted = ActionFilter(owner=OWNER)
        rows = {
            "answer": median_ms(lambda: collect(store, Names(False), TODAY, None, wanted).filtered(wanted),
                                runs),
            "page": median_ms(lambda: collect_page(store, Names(False), TODAY, wanted, 200), runs),
            "screen": screen_ms(store, runs),
        }
        rows["json"] = median_ms(lambda: quiet_cli(*url_args, "actions", "--owner", OWNER, "--format",
                                                   "json"), runs)
        rows["table"] = median_ms(lambda: quiet_cli(*url_args, "actions", "--owner", OWNER), runs)
        if name == "team":
            case_id = store.cases()[0].id
            strength = Strength(StrengthKind.IK_KAN, "koken")
            rows["save"] = median_ms(lambda: store.apply(case_id, Put(strength.replace(id=new_id()))),
                                     runs * 4)
    finally:
        store.close()
    return rows


def fill_team(url: str, folder: Path) -> None:
    source = FolderStore.open(folder, write=False)
    with StoreLocation(url=url).open(write=True) as team:
        from krachtoverleg.core.store.migrate import migrate

        migrate(source, team)


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    size = 20 if quick else int(argv[argv.index("--cases") + 1]) if "--cases" in argv else 5000
    runs = 2 if quick else 5
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        small, big = Path(folder) / "small", Path(folder) / "big"
        fill(small, 5 if quick else 50)
        fill(big, size)
        FolderStore.open(big, write=True).close()  # the case index, as the first start makes it
        results["folder"] = engine_rows("folder", StoreLocation(folder=big), ["--store", str(big)], runs)
        small_ms = first_screen_ms(StoreLocation(folder=small), runs, backup_due=False)
        big_ms = first_screen_ms(StoreLocation(folder=big), runs, backup_due=False)
        morning_ms = first_screen_ms(StoreLocation(folder=big), runs, backup_due=True)
        team = team_rows(big, runs)
        if team:
            results["team"] = team
    print(f"{size} demo-sized cases, medians in ms")
    print(f"{'':8} {'answer':>8} {'page':>6} {'screen a':>9} {'json':>7} {'table':>7} {'save':>6}")
    for name, rows in results.items():
        save = f"{rows['save']:6.1f}" if "save" in rows else "     -"
        print(f"{name:8} {rows['answer']:8.0f} {rows['page']:6.0f} {rows['screen']:9.0f} {rows['json']:7.0f} "
              f"{rows['table']:7.0f} {save}")
    print(f"first screen: {small_ms:.0f} ms at the small store, {big_ms:.0f} ms at {size} cases "
          f"({big_ms / small_ms:.2f}x), {morning_ms:.0f} ms on a backup morning "
          f"({morning_ms / small_ms:.2f}x)")
    if "team" not in results:
        print("team store: skipped (no PostgreSQL binaries or psycopg here)")
    if quick:
        return 0
    worst_list = max(max(rows["answer"], rows["page"], rows["screen"]) for rows in results.values())
    met = (worst_list <= 200 and results.get("team", {}).get("save", 0) <= 10
           and max(big_ms, morning_ms) <= 1.5 * small_ms)
    print("targets met" if met else "targets NOT met")
    return 0 if met else 1


def team_rows(folder: Path, runs: int) -> dict[str, float] | None:
    from tests.postgres import running_server, unavailable

    if unavailable():
        return None
    with running_server() as server:
        database = server.new_database()
        url = server.url("bert", database)
        fill_team(url, folder)
        return engine_rows("team", StoreLocation(url=url), ["--store", url], runs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
