"""The team store as a team uses it, on a real PostgreSQL server: two chairs at once, a
professional's own report, two teams that see nothing of each other, addresses refused, and the
change log's logins. (What both engines promise is in tests/contract.)"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.errors import StoreBusy, UnknownCase, ValidationError
from krachtoverleg.core.models import Action, ChangeEntry, Meeting
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.models.vocab import ActionStatus
from krachtoverleg.core.store.location import StoreLocation
from krachtoverleg.core.store.team_schema import TEAM_SCHEMA_VERSION
from tests.unit.cli_run import run

TODAY = date(2026, 11, 23)
MOMENT = datetime(2026, 11, 23, 10, 0)


def team(url: str, write: bool = True):
    return StoreLocation(url=url).open(write=write, now=lambda: MOMENT)


@pytest.fixture
def two_cases(team_url):
    """K-001 and K-002 of team Noord, made by ans."""
    with team(team_url("ans")) as store:
        first = add_demo(store, TODAY)
        second = add_demo(store, TODAY)
    return first, second


def test_two_chairs_hold_two_cases_at_once_and_a_third_is_refused_by_name(team_url, two_cases):
    first, second = two_cases
    with team(team_url("ans")) as ans, team(team_url("bert")) as bert:
        meeting_1 = ans.load(first.id).meetings()[-1]
        meeting_2 = bert.load(second.id).meetings()[-1]
        ans.apply(first.id, Patch(Meeting, meeting_1.id, {"plan_b": "Ans schrijft"}))
        bert.apply(second.id, Patch(Meeting, meeting_2.id, {"plan_b": "Bert schrijft"}))
        assert ans.can_write(first.id) and bert.can_write(second.id)
        assert not bert.can_write(first.id)
        with pytest.raises(StoreBusy, match=r"Casus K-001 is nu open bij ans, sinds \d\d:\d\d;"):
            bert.apply(first.id, Patch(Meeting, meeting_1.id, {"plan_b": "Bert overschrijft"}))
        assert bert.holder(first.id).startswith("ans")
        assert ans.load(first.id).meetings()[-1].plan_b == "Ans schrijft"
    with team(team_url("bert")) as bert:  # ans has gone: her holds went with her session
        assert bert.can_write(first.id)


def test_a_refused_write_on_the_command_line_names_the_holder_with_exit_code_3(team_url, two_cases,
                                                                               capsys, clock):
    first, _ = two_cases
    with team(team_url("ans")) as ans:
        assert ans.can_write(first.id)
        code, _, err = run(capsys, clock, "--store", team_url("bert"), "score", "K-001", "--ladder", "4")
        assert code == 3
        assert "Casus K-001 is nu open bij ans" in err
        assert "Traceback" not in err


def test_a_professionals_report_is_merged_while_the_chair_holds_the_case(team_url, two_cases):
    first, _ = two_cases
    with team(team_url("ans")) as chair, team(team_url("bert")) as professional:
        action = chair.load(first.id).all(Action)[0]
        assert chair.can_write(first.id)
        # The chair saved before: the next save must not start from the document as the chair wrote it.
        chair.apply(first.id, Patch(Action, action.id, {"check": "Ans belt"}))
        professional.report_progress(first.id, Patch(Action, action.id, {
            "status": ActionStatus.PARTLY, "note": "Eerste gesprek gehad", "settled_on": TODAY}))
        chair.apply(first.id, Patch(Action, action.id, {"check": "Ans vraagt na"}))  # the chair's own field
        stored = next(a for a in chair.load(first.id).all(Action) if a.id == action.id)
        assert (stored.status, stored.note, stored.check) == (ActionStatus.PARTLY, "Eerste gesprek gehad",
                                                              "Ans vraagt na")
        log = [e for e in chair.load(first.id).all(ChangeEntry) if e.record_id == action.id]
        assert [e.by for e in log][-2:] == ["bert", "ans"], "the change log names each login"
        with pytest.raises(ValidationError):  # a report is progress only, never a change of the plan
            professional.report_progress(first.id, Patch(Action, action.id, {"what": "Iets anders"}))


def test_team_zuid_sees_nothing_of_team_noord(team_url, two_cases, capsys, clock, tmp_path: Path):
    zuid = team_url("zara")
    code, out, _ = run(capsys, clock, "--store", zuid, "cases", "--format", "json")
    assert (code, out.strip()) == (0, "[]")
    attempts = [
        ["export-case", "K-001"], ["minutes", "K-001"], ["client-plan", "K-001"], ["progress", "K-001"],
        ["scores", "K-001"], ["score", "K-001", "--ladder", "3"], ["erase", "K-001", "--yes"],
        ["meeting", "K-001"], ["actions", "--case", "K-001"],
    ]
    for argv in attempts:
        code, out, err = run(capsys, clock, "--store", zuid, *argv)
        assert code == 2, (argv, err)
        assert "Er is geen casus 'K-001'" in err, (argv, err)
        assert "Gezin" not in out + err
    code, out, err = run(capsys, clock, "--store", zuid, "actions", "--all", "--format", "json")
    assert code == 0 and "Gezin" not in out and "[]" in out.replace(" ", "").replace("\n", "")
    with team(zuid) as store:
        first, _ = two_cases
        with pytest.raises(UnknownCase):
            store.load(first.id)
        assert store.case_actions() == ([], [])
        assert not store.can_write(first.id)
    with team(team_url("ans")) as ans:  # and Noord's cases are untouched
        assert [s.code for s in ans.cases()] == ["K-001", "K-002"]


def test_row_level_security_holds_below_the_program_too(team_url, two_cases):
    import psycopg

    with psycopg.connect(team_url("zara"), autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM krachtoverleg.cases").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM krachtoverleg.action_rows").fetchone() == (0,)
        assert conn.execute("UPDATE krachtoverleg.cases SET label = 'x'").rowcount == 0
        assert conn.execute("DELETE FROM krachtoverleg.cases").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO krachtoverleg.cases (id, team, code, label, doc, summary, actions) "
                         "VALUES ('abcdef12', 'Noord', 'K-009', 'x', '{}', '{}', '{}')")


def test_a_store_address_is_never_a_folder_and_never_carries_a_password(tmp_path, capsys, clock,
                                                                         monkeypatch):
    monkeypatch.chdir(tmp_path)
    for address, expected in [
        ("postgresql://ans:geheim@db.example.nl/ko", ".pgpass"),
        ("postgresql://ans@db.example.nl/ko?password=geheim", ".pgpass"),
        ("mysql://db.example.nl/ko", "'mysql://' kennen we niet"),
        ("https://example.nl/ko", "'https://' kennen we niet"),
    ]:
        code, _, err = run(capsys, clock, "--store", address, "cases")
        assert code == 2, address
        assert expected in err and "geheim" not in err
    code, _, err = run(capsys, clock, "--store", "postgresql:///ko?host=/nergens", "cases")
    assert code == 1 and "teamopslag" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [], "no folder named 'postgresql:' or anything else"


def test_actions_start_on_mine_on_a_team_store(team_url, two_cases, capsys, clock):
    code, out, err = run(capsys, clock, "--store", team_url("ans"), "actions", "--format", "json")
    assert code == 0 and "Ans de Vries" in err and "--all" in err
    code, everything, _ = run(capsys, clock, "--store", team_url("ans"), "actions", "--all",
                              "--format", "json")
    assert code == 0 and len(everything) > len(out)


def test_the_team_command_sets_up_and_says_who_you_are(team_url, capsys, clock):
    code, out, _ = run(capsys, clock, "--store", team_url("ans"), "team", "whoami")
    assert code == 0 and "Ans de Vries in team Noord" in out
    code, _, err = run(capsys, clock, "--store", team_url("ans"), "team", "add", "West")
    assert code == 1 and "beheerder" in err
    code, out, _ = run(capsys, clock, "--store", team_url("beheer"), "team", "setup")
    assert code == 0 and f"al bij (versie {TEAM_SCHEMA_VERSION})" in out


def test_a_database_without_the_tables_and_the_owner_role_see_no_client_data(team_url, two_cases, pg_server,
                                                                              capsys, clock):
    code, _, err = run(capsys, clock, "--store", pg_server.url("ans", "postgres"), "cases")
    assert code == 1 and "nog geen teamopslag" in err and "Traceback" not in err
    code, out, _ = run(capsys, clock, "--store", team_url("beheer"), "cases", "--format", "json")
    assert (code, out.strip()) == (0, "[]"), "row-level security is forced: the DBA's role reads no cases"
    code, out, _ = run(capsys, clock, "--store", team_url("ans"), "erase", "K-001")
    assert f"krachtoverleg --store '{team_url('ans')}' erase K-001 --yes" in out


def test_rows_written_before_the_sort_columns_are_completed_by_the_first_list(team_url, two_cases, pg_server,
                                                                             clock):
    """Schema versions 2 and 3 sort a page in SQL by columns that version 1 did not write; the
    owner role that upgrades sees no rows, so a login's first list completes its team's rows."""
    import psycopg

    from krachtoverleg.core.rules.action_list import ActionFilter, collect, collect_page
    from krachtoverleg.core.rules.privacy import Names

    database = team_url("ans").rsplit("/", 1)[1]
    # the rows as version 1 left them
    with psycopg.connect(pg_server.url(database=database), autocommit=True) as conn:
        conn.execute("UPDATE krachtoverleg.action_rows SET owner_key = NULL, owner_with = NULL, "
                     "owner_without = NULL, sort_with = NULL, sort_without = NULL, due = NULL, "
                     "status = NULL, off_screen = NULL, across = NULL, code = NULL")
    with team(team_url("bert")) as store:
        for wanted in (ActionFilter(status="all"), ActionFilter()):  # the open list reads the codes (v3)
            page = collect_page(store, Names(False), clock.today(), wanted, 100)
            whole = collect(store, Names(False), clock.today(), wanted=wanted).filtered(wanted)
            assert page.rows == whole.rows
    with psycopg.connect(pg_server.url(database=database), autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM krachtoverleg.action_rows WHERE sort_with IS NULL "
                            "OR code IS NULL").fetchone() == (0,)
