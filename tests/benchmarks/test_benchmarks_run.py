"""The benchmarks run in their quick mode with the suite, so they cannot rot unnoticed (issue
20: bench_app.py timed out on main for weeks). Only that they complete and print every row is
checked, never a time: the suite's machines are shared and noisy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize(("script", "rows"), [
    ("bench_app.py", ["start: meeting (demo) / minimal app", "big: capture Enter -> row shown",
                      "big: PageDown Terugblik->Krachten, later", "save strength, 20 cases"]),
    ("bench_save.py", ["worst median strength save"]),
    ("bench_action_lists.py", ["demo-sized cases, medians in ms", "folder ", "first screen:"]),
])
def test_the_benchmark_runs_in_its_quick_mode(script, rows):
    done = subprocess.run([sys.executable, str(HERE / script), "--quick"], capture_output=True, text=True,
                          timeout=600, check=False)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    for row in rows:
        assert row in done.stdout, f"{row!r} missing from:\n{done.stdout}"
