"""Numbers on the command line are short decimal strings before they are numbers (issue 22,
finding 6): 5,000 digits stopped Python's int() with a traceback, and '', ' 1' and an
Arabic-Indic digit were taken as a meeting."""

from __future__ import annotations

import pytest

from tests.unit.cli_run import run

HUGE = "9" * 5000


@pytest.fixture
def store(tmp_path, capsys, clock) -> str:
    folder = str(tmp_path / "store")
    assert run(capsys, clock, "--store", folder, "demo")[0] == 0
    return folder


@pytest.mark.parametrize("argv", [
    ["score", "K-001", "--ladder", HUGE], ["score", "K-001", "--zrm", f"Financiën={HUGE}"],
    ["score", "K-001", "--scale", f"1={HUGE}"], ["score", "K-001", "--scale", "١=3"],
    ["score", "K-001", "--ladder", "٣"], ["minutes", "K-001", "--meeting", ""],
    ["minutes", "K-001", "--meeting", " 1"], ["minutes", "K-001", "--meeting", "١"],
    ["minutes", "K-001", "--meeting", HUGE], ["client-plan", "K-001", "--meeting", "1.0"],
], ids=["ladder huge", "zrm huge", "scale huge", "scale goal arabic", "ladder arabic", "meeting empty",
        "meeting space", "meeting arabic", "meeting huge", "meeting 1.0"])
def test_a_bad_number_is_refused_in_dutch(store, capsys, clock, argv):
    code, out, err = run(capsys, clock, "--store", store, *argv)
    assert code == 2 and "Traceback" not in out + err, err
    assert len(err) < 400  # the 5,000 digits are not echoed back whole


def test_a_good_number_still_works(store, capsys, clock):
    assert run(capsys, clock, "--store", store, "minutes", "K-001", "--meeting", "1")[0] == 0


def test_an_output_name_too_long_for_the_disk_is_bad_input(store, capsys, clock, tmp_path):
    """Found by an adversarial run: a 300-character -o name said so, but with exit code 1."""
    code, _, err = run(capsys, clock, "--store", store, "minutes", "K-001", "-o", str(tmp_path / ("a" * 300)))
    assert code == 2 and "te lang" in err
