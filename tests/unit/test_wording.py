"""Plain Dutch on the shared screen and the command line: one actie, two acties (issue 11)."""

from __future__ import annotations

from krachtoverleg.core.rules.wording import count
from tests.unit.cli_run import run


def test_count_uses_the_plural_only_where_dutch_does():
    assert count(1, "actie", "acties") == "1 actie"
    assert count(0, "actie", "acties") == "0 acties"
    assert count(2, "besluit", "besluiten") == "2 besluiten"


def test_check_on_one_case_says_one_casus(tmp_path, capsys, clock):
    folder = tmp_path / "store"
    assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    code, out, _ = run(capsys, clock, "--store", str(folder), "check")
    assert code == 0 and "1 casus gecontroleerd" in out
