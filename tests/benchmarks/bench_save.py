"""How long does one save take as the store grows? Run: python tests/benchmarks/bench_save.py

Fills stores with 50, 500 and 5,000 demo-sized cases, then times saves into random cases:
adding a strength (the common case: only that case's file is written) and closing an action
(the open-action count changes, so the index is rewritten too). Target: at most 20 ms, flat.
`--quick`: small stores and few saves, no verdict (the test suite runs it so it cannot rot)."""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path

from krachtoverleg.core.demo import demo_household
from krachtoverleg.core.models import Action, Attendee, NetworkMember, Strength
from krachtoverleg.core.models.casedata import CaseData
from krachtoverleg.core.models.record import new_id
from krachtoverleg.core.models.vocab import ActionStatus, StrengthKind
from krachtoverleg.core.store.atomic import write_atomic
from krachtoverleg.core.store.case_document import raw_from_records
from krachtoverleg.core.store.folder_store import CASES, FolderStore
from krachtoverleg.core.store.storage import encode

SIZES = (50, 500, 5000)
SAVES = 200


DEBT_WORKER = "Ayşe Yılmaz"  # the demo's schuldhulpverlener
DEBT_WORKERS = 100  # a store of thousands of cases is a team's: one debt worker has fifty of them


def debt_worker(number: int) -> str:
    """The schuldhulpverlener of case `number`: "Ayşe Yılmaz 07" works on every hundredth case."""
    return f"{DEBT_WORKER} {number % DEBT_WORKERS:02d}"


def fill(root: Path, count: int) -> None:
    (root / CASES).mkdir(parents=True, mode=0o700)
    for number in range(1, count + 1):
        case, records = demo_household(f"K-{number:04d}", date(2026, 11, 23))
        case.id = new_id()
        for record in records:
            if isinstance(record, (NetworkMember, Attendee)) and record.name == DEBT_WORKER:
                record.name = debt_worker(number)
        grouped: dict[str, list] = {}
        for record in records:
            grouped.setdefault(record.TABLE, []).append(record)
        write_atomic(root / CASES / f"{case.id}.json", encode(raw_from_records(CaseData(case, grouped))))


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def main(argv: list[str]) -> int:
    global SIZES, SAVES
    if "--quick" in argv:
        SIZES, SAVES = (5, 20), 20
    rng = random.Random(1)
    print(f"{'cases':>6} {'strength median':>16} {'p95':>7} {'action median':>14} {'p95':>7}  (ms)")
    worst = 0.0
    for size in SIZES:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "store"
            fill(root, size)
            with FolderStore.open(root, write=True) as store:
                ids = [s.id for s in store.cases()]
                strength_ms, action_ms = [], []
                for n in range(SAVES):
                    case_id = rng.choice(ids)
                    strength = Strength(StrengthKind.IK_KAN, f"kracht {n}")
                    strength_ms.append(timed(partial(store.save, case_id, strength)))
                    action = next(a for a in store.load(case_id).all(Action)
                                  if a.status is ActionStatus.DONE)
                    flipped = action.replace(status=ActionStatus.OPEN)
                    action_ms.append(timed(partial(store.save, case_id, flipped)))
                    store.save(case_id, action)  # put it back
            p95 = lambda xs: statistics.quantiles(xs, n=20)[18]  # noqa: E731
            print(f"{size:>6} {statistics.median(strength_ms):>16.2f} {p95(strength_ms):>7.2f} "
                  f"{statistics.median(action_ms):>14.2f} {p95(action_ms):>7.2f}")
            worst = max(worst, statistics.median(strength_ms))
    print(f"worst median strength save: {worst:.2f} ms (target 20 ms)")
    return 0 if worst <= 20 or "--quick" in argv else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
