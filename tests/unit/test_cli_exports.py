"""`minutes` and `actions` on the command line: every format and filter, bad input exits 2."""

from __future__ import annotations

import csv
import io
import json
import os
import stat

import pytest

from krachtoverleg.core.models import Action
from krachtoverleg.core.models.vocab import OwnerKind
from krachtoverleg.core.store.folder_store import FolderStore
from tests.unit.cli_run import run


@pytest.fixture
def root(tmp_path, capsys, clock):
    folder = tmp_path / "d"
    assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0
    assert run(capsys, clock, "--store", str(folder), "demo")[0] == 0  # a second household, K-002
    return folder


def actions(capsys, clock, root, *options):
    code, out, err = run(capsys, clock, "--store", str(root), "actions", "--format", "json", *options)
    assert code == 0, err
    return json.loads(out)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_minutes_to_stdout_and_to_a_private_file(root, capsys, clock, tmp_path, fmt):
    code, out, _ = run(capsys, clock, "--store", str(root), "minutes", "K-001", "--format", fmt)
    assert code == 0 and "Verslag casusoverleg K-001, overleg 3" in out and "Petra" not in out
    target = tmp_path / f"verslag.{fmt}"
    code, _, err = run(capsys, clock, "--store", str(root), "minutes", "K-001", "--meeting", "1",
                       "--format", fmt, "--full-names", "-o", str(target))
    assert code == 0 and str(target) in err
    text = target.read_text("utf-8")
    assert "overleg 1" in text and "Petra de Vries" in text
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_the_format_follows_the_file_name_and_a_contradiction_is_refused(root, capsys, clock, tmp_path):
    page = tmp_path / "voortgang.html"
    code, _, err = run(capsys, clock, "--store", str(root), "progress", "K-001", "-o", str(page))
    assert code == 0 and page.read_text("utf-8").startswith("<!DOCTYPE html>"), err
    code, _, err = run(capsys, clock, "--store", str(root), "minutes", "K-001", "--format", "md",
                       "-o", str(tmp_path / "verslag.html"))
    assert code == 2 and "past niet bij" in err and not (tmp_path / "verslag.html").exists()
    code, _, _ = run(capsys, clock, "--store", str(root), "minutes", "K-001", "-o", str(tmp_path / "v.txt"))
    assert code == 0 and (tmp_path / "v.txt").read_text("utf-8").startswith("# Verslag")  # unknown: md


def test_minutes_bad_input_exits_2_and_writes_nothing(root, capsys, clock, tmp_path):
    for argv in (["minutes", "K-404"], ["minutes", "K-001", "--meeting", "8"],
                 ["minutes", "K-001", "--meeting", "x"], ["minutes", "K-001", "--format", "pdf"],
                 ["minutes", "K-001", "-o", str(tmp_path / "nope" / "v.md")],
                 ["minutes", "K-001", "-o", str(tmp_path)]):
        code, _out, err = run(capsys, clock, "--store", str(root), *argv)
        assert code == 2, argv
        assert err.strip() and "Traceback" not in err
    assert not (tmp_path / "nope").exists()


def test_actions_default_is_every_open_action_grouped_by_owner(root, capsys, clock):
    code, out, _ = run(capsys, clock, "--store", str(root), "actions")
    assert code == 0
    assert "broer, K-001: 1 actie, 1 te laat" in out and "broer, K-002" in out
    assert "⚠ te laat" in out  # overdue is said in words, not by colour alone
    assert "Kees" not in out


def test_actions_status_filters(root, capsys, clock):
    assert {a["status"] for a in actions(capsys, clock, root)} == {"open", "partly"}
    assert {a["status"] for a in actions(capsys, clock, root, "--status", "done")} == {"done"}
    everything = actions(capsys, clock, root, "--status", "all")
    assert len(everything) == 14  # 12 agreed actions and, per case, the schuldhulpverlener's hand-back
    assert [a["kind"] for a in everything].count("hand_back") == 2


def test_actions_owner_case_and_overdue_filters(root, capsys, clock):
    mine = actions(capsys, clock, root, "--owner", "ayse", "--status", "all")  # no accents needed
    assert len(mine) == 6 and {a["owner"] for a in mine} == {"schuldhulpverlener A.Y."}
    assert sum(a["what"].startswith("Terug naar de cliënt: Schuldeisers bellen") for a in mine) == 2
    assert len(actions(capsys, clock, root, "--owner", "broer", "--case", "K-002")) == 1
    late = actions(capsys, clock, root, "--overdue")
    assert late and all(a["overdue"] for a in late)
    assert actions(capsys, clock, root, "--owner", "niemand") == []


def test_actions_csv_is_safe_for_spreadsheets(root, capsys, clock):
    with FolderStore.open(root, write=True) as store:
        case = store.resolve("K-001")
        data = store.load(case.id)
        meeting = data.meetings()[-1]
        store.save(case.id, Action(meeting.id, "=HYPERLINK(\"x\")", OwnerKind.CLIENT, "2026-12-01"))
    code, out, _ = run(capsys, clock, "--store", str(root), "actions", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["case_code"] for r in rows} == {"K-001", "K-002"}
    assert any(r["what"] == "'=HYPERLINK(\"x\")" for r in rows)


def test_actions_markdown_and_table_to_file(root, capsys, clock, tmp_path):
    code, out, _ = run(capsys, clock, "--store", str(root), "actions", "--format", "md")
    assert code == 0 and out.startswith("# Actielijst van 23-11-2026") and "| Casus |" in out
    target = tmp_path / "lijst.txt"
    code, _, _ = run(capsys, clock, "--store", str(root), "actions", "-o", str(target))
    assert code == 0 and "te laat" in target.read_text("utf-8")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_actions_calendar_holds_due_evaluation_and_meeting_dates(root, capsys, clock):
    from icalendar import Calendar

    code, out, _ = run(capsys, clock, "--store", str(root), "actions", "--format", "ics",
                       "--case", "K-001", "--status", "all")
    assert code == 0
    events = Calendar.from_ical(out).walk("VEVENT")
    categories = sorted(str(e.get("categories").cats[0]) for e in events)
    assert categories.count("Actie") == 6 and categories.count("Teruggeven") == 1
    assert "Evaluatie" in categories and "Overleg" in categories
    assert all(e.get("uid").endswith("@krachtoverleg") for e in events)
    assert "Petra" not in out and "K-002" not in out


def test_actions_bad_input_exits_2(root, capsys, clock):
    for argv in (["actions", "--case", "K-404"], ["actions", "--status", "later"],
                 ["actions", "--format", "pdf"], ["actions", "--owner", " "]):
        code, _, err = run(capsys, clock, "--store", str(root), *argv)
        assert code == 2 and "Traceback" not in err, argv


def test_a_damaged_case_is_named_and_the_others_still_listed(root, capsys, clock):
    with FolderStore.open(root, write=True) as store:
        broken = store.resolve("K-002").id
    (root / "cases" / f"{broken}.json").write_text("{half", "utf-8")
    code, out, err = run(capsys, clock, "--store", str(root), "actions", "--format", "json")
    assert code == 0 and "overgeslagen" in err
    assert {a["case_code"] for a in json.loads(out)} == {"K-001"}


def test_full_names_only_when_asked(root, capsys, clock):
    shared = actions(capsys, clock, root, "--status", "all")
    private = actions(capsys, clock, root, "--status", "all", "--full-names")
    assert not any("Kees" in a["owner"] for a in shared)
    assert any(a["owner"] == "Kees de Vries (broer), K-001" for a in private)
