"""Kill a writing process (SIGKILL) at random moments; the store must always load, with every
save that was reported done, and at most the one save in flight besides."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from krachtoverleg.core.models import Strength
from krachtoverleg.core.store.folder_store import FolderStore

TRIALS = int(os.environ.get("KRACHTOVERLEG_KILL_TRIALS", "25"))

WRITER = """
import sys
from krachtoverleg.core.models import Strength
from krachtoverleg.core.store.folder_store import FolderStore
store = FolderStore.open(sys.argv[1], write=True)
case_id = sys.argv[2]
print("ready", flush=True)
for n in range(100000):
    store.save(case_id, Strength(kind="ik_kan", text=f"kracht {n}"))
    print(n, flush=True)
"""


def test_a_killed_writer_never_damages_the_store(store_dir, store, demo):
    store.close()
    rng = random.Random(20261123)
    base = len(FolderStore.open(store_dir, write=False).load(demo.id).all(Strength))
    for trial in range(TRIALS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(store_dir), demo.id],
                                  stdout=subprocess.PIPE, text=True)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.08))
        writer.send_signal(signal.SIGKILL)
        output, _ = writer.communicate()
        confirmed = len([line for line in output.split() if line.isdigit()])
        with FolderStore.open(store_dir, write=True) as after:  # must load, and clean up temp files
            count = len(after.load(demo.id).all(Strength))
            assert after.cases()[0].damaged == ""
        assert base + confirmed <= count <= base + confirmed + 1, f"trial {trial}"
        base = count
    assert not list(store_dir.rglob("*.tmp"))


@pytest.mark.slow
def test_500_kills(store_dir, store, demo, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "TRIALS", 500)
    test_a_killed_writer_never_damages_the_store(store_dir, store, demo)
