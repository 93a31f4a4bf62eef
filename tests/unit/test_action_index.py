"""The folder store's action index (SQLite beside the case files, issue 21): kept by every
save, believed only for the case file it was made from, made again when missing or damaged,
named by check when wrong, and erasing a client leaves nothing of theirs in the file."""

from __future__ import annotations

import sqlite3
import stat

from krachtoverleg.core.models import Action, Strength
from krachtoverleg.core.models.changes import Patch, Put
from krachtoverleg.core.models.vocab import StrengthKind
from krachtoverleg.core.rules.action_list import case_actions_of
from krachtoverleg.core.store.check import check_store
from krachtoverleg.core.store.folder_action_index import FILE, VERSION, ActionIndexFile, marker
from krachtoverleg.core.store.folder_store import CASES


def test_every_save_keeps_it_and_a_strength_only_carries_it_over(store, demo):
    index = ActionIndexFile(store.root)
    path = store.root / CASES / f"{demo.id}.json"
    assert index.made_from()[demo.id] == marker(path), "made by the save that created the case"
    action = store.load(demo.id).all(Action)[0]
    store.apply(demo.id, Patch(Action, action.id, {"note": "gebeld"}))
    assert index.made_from()[demo.id] == marker(path)
    store.apply(demo.id, Put(Strength(StrengthKind.IK_BEN, "geduldig")))
    assert index.made_from()[demo.id] == marker(path)
    [listed], _ = store.case_actions()
    assert listed == case_actions_of(store.load(demo.id))
    assert stat.S_IMODE((store.root / FILE).stat().st_mode) == 0o600


def test_a_damaged_or_missing_index_is_made_again(store, demo):
    (store.root / FILE).write_bytes(b"dit is geen database")
    [listed], problems = store.case_actions()
    assert problems == [] and listed == case_actions_of(store.load(demo.id))
    assert ActionIndexFile(store.root).made_from()[demo.id]
    (store.root / FILE).unlink()
    assert store.case_actions()[0] == [listed]


def test_an_entry_behind_its_file_is_never_believed(store, demo):
    action = store.load(demo.id).all(Action)[0]
    with sqlite3.connect(store.root / FILE) as conn:  # an index that says something else
        conn.execute("UPDATE rows SET entry = replace(entry, ?, 'IETS ANDERS')", (action.what,))
    assert any(problem for report in check_store(store.root).reports for problem in report.problems
               if "actie-index" in report.what)
    store.apply(demo.id, Patch(Action, action.id, {"note": "nieuw"}))  # a save makes it right again
    [listed], _ = store.case_actions()
    assert action.what in [entry.action["what"] for entry in listed.entries]
    assert check_store(store.root).problems == 0


def test_erasing_a_client_leaves_nothing_of_theirs_in_the_index(store, demo):
    what = store.load(demo.id).all(Action)[0].what
    store.case_actions()
    assert what.encode() in (store.root / FILE).read_bytes()
    store.erase_case(demo.id)
    assert what.encode() not in (store.root / FILE).read_bytes()
    assert demo.code.encode() not in (store.root / FILE).read_bytes()


def test_an_index_of_version_1_is_brought_up_to_date_in_place(store, demo, clock):
    """Version 2 keeps what a list sorts by in columns of its own (the Acties screen reads
    only those); a version-1 file gets them from its own JSON, without reading the cases."""
    from krachtoverleg.core.rules.action_list import ActionFilter, collect, collect_page
    from krachtoverleg.core.rules.privacy import Names

    path = store.root / FILE
    with sqlite3.connect(path) as new:
        cases = new.execute("SELECT id, made_from, head FROM cases").fetchall()
        rows = new.execute("SELECT case_id, position, terms, open, entry FROM rows").fetchall()
    path.unlink()
    with sqlite3.connect(path) as old:  # the layout version 1 wrote
        old.executescript("""
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE cases (id TEXT PRIMARY KEY, made_from TEXT NOT NULL, head TEXT NOT NULL);
            CREATE TABLE rows (case_id TEXT NOT NULL, position INTEGER NOT NULL, terms TEXT NOT NULL,
                               open INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (case_id, position));
            INSERT INTO meta VALUES ('version', '1');""")
        old.executemany("INSERT INTO cases VALUES (?, ?, ?)", cases)
        old.executemany("INSERT INTO rows VALUES (?, ?, ?, ?, ?)", rows)
    for wanted in (ActionFilter(status="all"), ActionFilter()):  # the open list reads the case codes
        page = collect_page(store, Names(False), clock.today(), wanted, 100)
        assert page.rows == collect(store, Names(False), clock.today(), wanted=wanted).filtered(wanted).rows
    with sqlite3.connect(path) as now:
        assert now.execute("SELECT value FROM meta").fetchone() == (VERSION,)
        assert now.execute("SELECT count(*) FROM rows").fetchone() == (len(rows),)  # not made again


def test_an_index_that_holds_something_else_than_its_tables_is_made_again(store, demo, clock):
    """Found by an adversarial run: an actions.sqlite whose 'cases' was a view calling itself
    without end made every action list wait for ever."""
    from krachtoverleg.core.rules.action_list import collect
    from krachtoverleg.core.rules.privacy import Names

    path = store.root / FILE
    path.unlink()
    with sqlite3.connect(path) as bad:
        bad.executescript("""
            CREATE VIEW cases AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)
                SELECT i AS id, '' AS made_from, '' AS head FROM n;""")
    listed = collect(store, Names(False), clock.today())
    assert listed.rows and not listed.problems


def test_a_writer_looks_at_every_case_file_once_and_again_after_a_lost_entry(store, demo, monkeypatch):
    """While it holds the store every case file changes through the writer, so its later lists
    trust the index; a save whose entry could not be written makes it look again."""
    looks = []
    real = store._case_file_markers
    monkeypatch.setattr(store, "_case_file_markers", lambda: looks.append(1) or real())
    store.case_actions()
    store.case_actions()
    assert len(looks) == 1
    action = store.load(demo.id).all(Action)[0]
    store.apply(demo.id, Patch(Action, action.id, {"note": "gebeld"}))  # its entry is written
    [listed], _ = store.case_actions()
    assert len(looks) == 1 and "gebeld" in [entry.action.get("note") for entry in listed.entries]

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ActionIndexFile, "put", full_disk)
    store.apply(demo.id, Patch(Action, action.id, {"note": "nog eens gebeld"}))
    monkeypatch.undo()
    monkeypatch.setattr(store, "_case_file_markers", lambda: looks.append(1) or real())
    [listed], _ = store.case_actions()
    assert len(looks) == 2 and "nog eens gebeld" in [entry.action.get("note") for entry in listed.entries]


def test_a_reader_looks_at_the_case_files_once_for_a_list_made_right_after_it_opened(store, demo,
                                                                                     monkeypatch):
    """`actions` (a reader) reads the case index and lists at once: one look at every case
    file serves both. A list made later looks again, so a case file whose entry is behind (its
    save could not write the entry) is read again, not believed."""
    import os

    from krachtoverleg.core.store import folder_store
    from krachtoverleg.core.store.folder_store import FolderStore

    store.case_actions()  # the index exists, as after any writer's list
    scans = []
    real_scandir = os.scandir
    monkeypatch.setattr(folder_store.os, "scandir",
                        lambda path: scans.append(str(path)) or real_scandir(path))
    moment = [0.0]
    monkeypatch.setattr(folder_store.time, "monotonic", lambda: moment[0])
    reader = FolderStore.open(store.root, write=False)
    reader.case_actions()
    assert sum(path.endswith(CASES) for path in scans) == 1

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    reader.refresh()  # a look at every file, then a save whose entry is lost, a while later a list
    action = store.load(demo.id).all(Action)[0]
    with monkeypatch.context() as lost:
        lost.setattr(ActionIndexFile, "put", full_disk)
        store.apply(demo.id, Patch(Action, action.id, {"note": "later gebeld"}))
    moment[0] = folder_store.SCAN_KEPT_SECONDS + 0.5
    [listed], _ = reader.case_actions()
    assert "later gebeld" in [entry.action.get("note") for entry in listed.entries]


def test_a_writer_lists_from_the_look_it_took_at_open_until_it_writes(store, demo, monkeypatch):
    """Opened, the writer looked at every case file for the case index; its first list (the
    Acties screen, minutes later) uses that look, since nobody else writes while it holds the
    store. Once it has written a case, the look is old and the list looks again."""
    import os

    from krachtoverleg.core.store import folder_store
    from krachtoverleg.core.store.folder_store import FolderStore

    store.case_actions()  # the index exists
    action = store.load(demo.id).all(Action)[0]
    store.close()
    scans: list[str] = []
    real_scandir = os.scandir
    monkeypatch.setattr(folder_store.os, "scandir",
                        lambda path: scans.append(str(path)) or real_scandir(path))
    moment = [0.0]
    monkeypatch.setattr(folder_store.time, "monotonic", lambda: moment[0])
    writer = FolderStore.open(store.root, write=True)
    try:
        assert any(path.endswith(CASES) for path in scans)  # the look at open
        scans.clear()
        moment[0] = 600.0  # ten minutes into the meeting
        writer.case_actions()
        assert not any(path.endswith(CASES) for path in scans)
        writer.close()
        writer = FolderStore.open(store.root, write=True)
        writer.apply(demo.id, Patch(Action, action.id, {"note": "gebeld"}))
        scans.clear()
        [listed], _ = writer.case_actions()
        assert sum(path.endswith(CASES) for path in scans) == 1  # looked again, after its save
        assert "gebeld" in [entry.action.get("note") for entry in listed.entries]
    finally:
        writer.close()


def test_the_choices_of_a_list_are_read_again_only_after_a_write(store, demo, clock, monkeypatch):
    """The owners and cases to choose from are kept by the index file's SQLite change counter:
    the same list read again takes them from memory; after a save (a second household) they
    are read again and name it at once. Another list (done ones) has choices of its own."""
    from krachtoverleg.core.demo import add_demo
    from krachtoverleg.core.rules.action_list import ActionFilter, collect_page
    from krachtoverleg.core.rules.privacy import Names

    reads = []
    owners = ActionIndexFile._owners
    monkeypatch.setattr(ActionIndexFile, "_owners",
                        staticmethod(lambda *args: reads.append(1) or owners(*args)))
    first = collect_page(store, Names(False), clock.today(), ActionFilter(), 200)
    again = collect_page(store, Names(False), clock.today(), ActionFilter(), 200)
    assert len(reads) == 1 and again.owners == first.owners and again.cases == first.cases
    second = add_demo(store, clock.today())
    changed = collect_page(store, Names(False), clock.today(), ActionFilter(), 200)
    assert len(reads) == 2 and second.id in {case_id for _, case_id in changed.cases}
    assert len(changed.cases) == len(first.cases) + 1
    collect_page(store, Names(False), clock.today(), ActionFilter(status="done"), 200)
    assert len(reads) == 3


def test_an_entry_that_is_not_json_makes_the_list_read_the_case_files(store, demo):
    """The rows' JSON is joined as written (not parsed by SQLite first): one damaged entry
    fails the whole document, and the list is then made from the case files, complete."""
    before, _ = store.case_actions()
    with sqlite3.connect(store.root / FILE) as conn:
        conn.execute("UPDATE rows SET entry = '{kapot' WHERE position = 0")
    after, problems = store.case_actions()
    assert not problems
    assert [len(case.entries) for case in after] == [len(case.entries) for case in before]
