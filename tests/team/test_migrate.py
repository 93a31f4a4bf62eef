"""`migrate`: the demo store to a team store and back, byte-identical in its canonical export;
interrupted and run again without duplicates; the source never changed."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.store.drafts import Draft
from krachtoverleg.core.store.folder_store import FolderStore
from krachtoverleg.core.store.location import StoreLocation
from krachtoverleg.core.store.migrate import migrate
from tests.unit.cli_run import run

TODAY = date(2026, 11, 23)


def tree_digest(folder) -> dict[str, str]:
    return {str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file() and path.name != ".lock"}


def test_the_demo_store_there_and_back_is_byte_identical(tmp_path, team_url, capsys, clock):
    source = tmp_path / "chair"
    assert run(capsys, clock, "--store", str(source), "demo")[0] == 0
    with FolderStore.open(source, write=True) as store:
        case_id = store.resolve("K-001").id
        store.keep_draft(case_id, Draft("doel", "Nieuw doel", {"text": "half getypt"}, {"text": "Doel"},
                                        clock.now()))
    before = tree_digest(source)
    _, original, _ = run(capsys, clock, "--store", str(source), "export-case", "K-001")

    code, out, _ = run(capsys, clock, "--store", str(source), "migrate", "--to", team_url("ans"),
                       "--team", "Noord")
    assert code == 0, out
    assert "✓ K-001: gekopieerd en gecontroleerd" in out
    _, on_server, _ = run(capsys, clock, "--store", team_url("ans"), "export-case", "K-001")
    assert on_server == original

    back = tmp_path / "terug"
    code, out, _ = run(capsys, clock, "--store", team_url("ans"), "migrate", "--to", str(back))
    assert code == 0, out
    _, returned, _ = run(capsys, clock, "--store", str(back), "export-case", "K-001")
    assert returned == original, "there and back: byte-identical in the canonical export"
    with FolderStore.open(back, write=False) as store:
        assert store.drafts(case_id)["doel"].values == {"text": "half getypt"}, "drafts travel too"
    assert tree_digest(source) == before, "the source is never changed"


def test_interrupted_and_run_again_it_finishes_without_duplicates(tmp_path, team_url, monkeypatch):
    source = tmp_path / "chair"
    with FolderStore.open(source, write=True) as store:
        for _ in range(6):
            add_demo(store, TODAY)
    target = StoreLocation(url=team_url("ans"))
    with FolderStore.open(source, write=False) as store, target.open(write=True) as team:
        real, made = team.create_case, []

        def create_then_stop(case, records=()):
            if len(made) == 3:
                raise KeyboardInterrupt  # the laptop lid closes half-way
            made.append(case.code)
            return real(case, records)

        monkeypatch.setattr(team, "create_case", create_then_stop)
        with pytest.raises(KeyboardInterrupt):
            migrate(store, team)
    with FolderStore.open(source, write=False) as store, target.open(write=True) as team:
        moved = migrate(store, team)
        assert [m.ok for m in moved] == [True] * 6
        assert sum("stond er al" in m.outcome for m in moved) == 3
        assert sorted(s.code for s in team.cases()) == [f"K-{n:03d}" for n in range(1, 7)]


def test_a_case_changed_in_the_target_is_never_overwritten(tmp_path, team_url, capsys, clock):
    source = tmp_path / "chair"
    run(capsys, clock, "--store", str(source), "demo")
    run(capsys, clock, "--store", str(source), "migrate", "--to", team_url("ans"))
    run(capsys, clock, "--store", team_url("ans"), "score", "K-001", "--ladder", "5")
    code, out, err = run(capsys, clock, "--store", str(source), "migrate", "--to", team_url("ans"))
    assert code == 1
    assert "K-001: staat in het doel met een andere inhoud; niet overschreven" in out
    code, _, err = run(capsys, clock, "--store", str(source), "migrate", "--to", str(source))
    assert code == 2 and "dezelfde opslag" in err
