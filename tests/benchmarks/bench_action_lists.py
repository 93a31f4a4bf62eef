"""Action lists and the first screen at scale, on both engines (issue 21).

Run: python tests/benchmarks/bench_action_lists.py [--quick] [--cases N]

Fills a folder store and, where PostgreSQL's binaries and psycopg are here, a throwaway team
store with N demo-sized cases (three meetings each, with snapshots; a hundred debt workers, each
in every hundredth case), then prints medians of, on both engines (target 200 ms):
- one: `actions --owner "Ayşe Yılmaz 07" --format json`, one debt worker's list, the whole command;
- role: `--owner schuldhulp`, the role of every debt worker, so every case's (10,000 rows): the
  answer, and as information the whole command with its JSON and with its terminal table;
- page: the first page of what is still to do, as the Acties screen reads it;
- first a / a again: pressing a on the case list until the Acties screen is drawn with its rows,
  the first time (the screen is built) and after (it is kept, and reads again); on the team
  store the login is that one debt worker, so the screen starts on their own list;
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
from krachtoverleg.core.store.folder_store import FolderStore, shard_of  # noqa: E402
from krachtoverleg.core.store.location import StoreLocation  # noqa: E402
from tests.benchmarks.bench_save import debt_worker, fill  # noqa: E402

TODAY = date(2026, 11, 23)
CLOCK = FixedClock(datetime(2026, 11, 23, 9, 0))
ROLE = "schuldhulp"  # the role of every case's debt worker
ONE = debt_worker(7)  # one of them, by name


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


def screen_ms(store: CaseStore, runs: int) -> tuple[float, float]:
    """From pressing a on the case list to the Acties screen drawn with its rows: the first
    time (the screen is built) and the median of the times after (it is kept, and read again).
    The key goes in as the terminal sends it, not through Pilot, whose waits are its own."""
    from textual import events

    from krachtoverleg.tui.app import KrachtApp
    from krachtoverleg.tui.screens.actions import ActionsScreen

    async def drawn(app: KrachtApp) -> None:
        done = asyncio.get_running_loop().create_future()
        app.screen.call_after_refresh(done.set_result, None)
        await done

    async def measure() -> list[float]:
        app = KrachtApp(store=store, clock=CLOCK)
        times = []
        async with app.run_test(size=(120, 34)) as pilot:
            await pilot.pause()
            for _ in range(runs + 1):
                shown = app.get_screen(ActionsScreen.NAME).shows if app.is_screen_installed("actions") else 0
                start = time.perf_counter()
                app.post_message(events.Key("a", "a"))
                while not (isinstance(app.screen, ActionsScreen) and app.screen.shows > shown):
                    await asyncio.sleep(0.001)
                await drawn(app)
                times.append((time.perf_counter() - start) * 1000)
                await pilot.press("escape")
                await pilot.pause()
        return times

    first, *again = asyncio.run(measure())
    return first, statistics.median(again)


def first_screen_ms(location: StoreLocation, runs: int, backup_due: bool) -> float:
    """Opening the store and the app up to its case list (as `krachtoverleg` does)."""
    from krachtoverleg.tui.app import KrachtApp

    async def once(day: int) -> float:
        clock = FixedClock(datetime(2026, 11, 23, 9, 0) + timedelta(days=day))
        shard_of.cache_clear()  # each start as a new process makes it
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
        everyone = ActionFilter(owner=ROLE)
        rows = {
            # one debt worker's own list (fifty cases), the whole command as a professional types it
            "one": median_ms(lambda: quiet_cli(*url_args, "actions", "--owner", ONE, "--format", "json"),
                             runs),
            # every debt worker's list at once: the role is in every case (10,000 rows)
            "role": median_ms(lambda: collect(store, Names(False), TODAY, None, everyone).filtered(everyone),
                              runs),
            "role json": median_ms(lambda: quiet_cli(*url_args, "actions", "--owner", ROLE, "--format",
                                                     "json"), runs),
            "role table": median_ms(lambda: quiet_cli(*url_args, "actions", "--owner", ROLE), runs),
            "page": median_ms(lambda: collect_page(store, Names(False), TODAY, ActionFilter(), 200), runs),
        }
        rows["first a"], rows["a again"] = screen_ms(store, runs)
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
    columns = ["one", "role", "role json", "role table", "page", "first a", "a again", "save"]
    print(f"{'':8}" + "".join(f"{column:>11}" for column in columns))
    for name, rows in results.items():
        print(f"{name:8}" + "".join(f"{rows[column]:11.1f}" if column in rows else f"{'-':>11}"
                                    for column in columns))
    print(f"first screen: {small_ms:.0f} ms at the small store, {big_ms:.0f} ms at {size} cases "
          f"({big_ms / small_ms:.2f}x), {morning_ms:.0f} ms on a backup morning "
          f"({morning_ms / small_ms:.2f}x)")
    if "team" not in results:
        print("team store: skipped (no PostgreSQL binaries or psycopg here)")
    if quick:
        return 0
    targets = [(f"{name} {column}", rows[column], 10 if column == "save" else 200)
               for name, rows in results.items() for column in columns
               if column in rows and column not in ("role json", "role table")]
    targets += [("first screen", big_ms / small_ms, 1.5), ("backup morning", morning_ms / small_ms, 1.5)]
    missed = [f"{what} ({value:.1f} > {limit})" for what, value, limit in targets if value > limit]
    print("targets met" if not missed else f"targets NOT met: {', '.join(missed)}")
    return 0 if not missed else 1


def team_rows(folder: Path, runs: int) -> dict[str, float] | None:
    import psycopg

    from krachtoverleg.core.store.team_schema import add_member
    from tests.postgres import ADMIN, running_server, unavailable

    if unavailable():
        return None
    with running_server() as server:
        database = server.new_database()
        url = server.url("bert", database)
        fill_team(url, folder)
        # What autovacuum does within a minute of a copy this size: the lists are measured on a
        # server in its steady state (index-only scans need the visibility map it writes).
        with psycopg.connect(server.url(ADMIN, database), autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
            # bert logs in as one of the debt workers: his Acties screen starts on his own list
            add_member(conn, "bert", "Noord", ONE)
        return engine_rows("team", StoreLocation(url=url), ["--store", url], runs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
