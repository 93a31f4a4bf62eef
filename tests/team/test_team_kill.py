"""Kill a writing command on the team store at random moments (SIGKILL): every save it reported
done is there, at most the one in flight besides, the case's action rows always agree with the
case, and the case is never left held."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.models import Action, Strength
from krachtoverleg.core.rules.action_list import case_actions_of
from krachtoverleg.core.store.location import StoreLocation

TRIALS = int(os.environ.get("KRACHTOVERLEG_KILL_TRIALS", "12"))

WRITER = """
import sys
from krachtoverleg.core.models import Action, Strength
from krachtoverleg.core.models.changes import Patch, Put
from krachtoverleg.core.store.location import StoreLocation
store = StoreLocation(url=sys.argv[1]).open(write=True)
case_id = sys.argv[2]
action = store.load(case_id).all(Action)[0]
print("ready", flush=True)
for n in range(100000):
    # a strength and an action's note in one write: the document and the action rows together
    store.apply(case_id, Put(Strength(kind="ik_kan", text=f"kracht {n}")),
                Patch(Action, action.id, {"note": f"stand {n}"}))
    print(n, flush=True)
"""


def test_a_killed_writer_never_leaves_the_team_store_in_between(team_url, tmp_path):
    with StoreLocation(url=team_url("ans")).open(write=True) as store:
        case = add_demo(store, date(2026, 11, 23))
        base = len(store.load(case.id).all(Strength))
    rng = random.Random(20261207)
    env = os.environ | {"XDG_DATA_HOME": str(tmp_path / "writer")}
    for trial in range(TRIALS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, team_url("ans"), case.id],
                                  stdout=subprocess.PIPE, text=True, env=env)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.3))
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate()
        confirmed = len([line for line in output.split() if line.isdigit()])
        with StoreLocation(url=team_url("ans")).open(write=True) as after:
            data = after.load(case.id)
            count = len(data.all(Strength))
            assert base + confirmed <= count <= base + confirmed + 1, f"trial {trial}"
            [indexed], _ = after.case_actions([case.id])
            assert indexed == case_actions_of(data), "the action rows agree with the case"
            note = data.all(Action)[0].note
            assert note == (f"stand {count - base - 1}" if count > base else note)
            assert after.can_write(case.id), "a killed writer's hold goes with its connection"
        base = count
