"""Scores on the command line (issue 13): `score` records them in an open meeting with the same
checks as the screen (only chosen domains, 1-5, 1-6, 0-10), `scores` lists the way travelled."""

from __future__ import annotations

import pytest

from krachtoverleg.core.models import GoalScale, LadderScore, ZrmScore
from krachtoverleg.core.store.folder_store import FolderStore
from tests.unit.cli_run import run


@pytest.fixture
def root(tmp_path, capsys, clock):
    folder = tmp_path / "d"
    assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    return folder


def test_score_records_in_todays_meeting_and_says_the_change(root, capsys, clock):
    code, out, err = run(capsys, clock, "--store", str(root), "score", "K-001", "--zrm", "financien=4",
                         "--zrm", "Geestelijke gezondheid=4", "--ladder", "3", "--scale", "1=5")
    assert code == 0, err
    assert "Financiën: 4 (↑ beter, +1 sinds overleg 2; doel 4)" in out
    assert "Participatieladder: trede 3 (↑ beter, +1 sinds overleg 2)" in out
    data = FolderStore.open(root, write=False).load_by_code("K-001")
    today = data.meetings()[-1]
    assert {(s.domain, s.level) for s in data.all(ZrmScore) if s.meeting_id == today.id} == {
        ("Financiën", 4), ("Geestelijke gezondheid", 4)}
    assert [s.rung for s in data.all(LadderScore) if s.meeting_id == today.id] == [3]
    assert [s.value for s in data.all(GoalScale) if s.meeting_id == today.id] == [5]
    code, out, _ = run(capsys, clock, "--store", str(root), "scores", "K-001")
    assert code == 0 and "Overleg 1 (28-09-2026)" in out and "Overleg 3 (23-11-2026)" in out


@pytest.mark.parametrize("options, says", [
    (["--zrm", "Justitie=3"], "geen gekozen domein"),
    (["--zrm", "Financiën=9"], "1 tot en met 5"),
    (["--zrm", "Financiën"], "DOMEIN=NIVEAU"),
    (["--scale", "1="], "DOEL=WAARDE"),
    (["--ladder", "zeven"], "1 tot en met 6"),
    (["--ladder", "7"], "Participatieladder"),
    (["--scale", "9=3"], "genummerd 1 tot en met 2"),
    (["--zrm", "Financiën=3", "--zrm", "financien=4"], "twee keer"),
    (["--scale", "1=3", "--scale", "1=4"], "twee keer"),
    (["--scale", "1=11"], "0 tot 10"),
    (["--meeting", "1", "--ladder", "3"], "gesloten"),
    ([], "Geef iets om vast te leggen"),
])
def test_bad_scores_are_refused_in_dutch_and_nothing_is_stored(root, capsys, clock, options, says):
    before = (root / "cases").glob("*.json")
    contents = {path: path.read_bytes() for path in before}
    code, _, err = run(capsys, clock, "--store", str(root), "score", "K-001", *options)
    assert code == 2 and says in err and "Traceback" not in err
    assert {path: path.read_bytes() for path in contents} == contents


def test_a_score_without_ladder_keeps_the_rung_already_there(root, capsys, clock):
    assert run(capsys, clock, "--store", str(root), "score", "K-001", "--ladder", "4")[0] == 0
    assert run(capsys, clock, "--store", str(root), "score", "K-001", "--zrm", "Financiën=3")[0] == 0
    data = FolderStore.open(root, write=False).load_by_code("K-001")
    today = data.meetings()[-1]
    assert [s.rung for s in data.all(LadderScore) if s.meeting_id == today.id] == [4]
