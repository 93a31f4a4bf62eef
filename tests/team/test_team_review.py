"""Found by a review (issue 21): each scenario as it was reproduced, kept fixed."""

from __future__ import annotations

import asyncio
from datetime import date, datetime

import pytest

from krachtoverleg.core.demo import add_demo
from krachtoverleg.core.errors import KrachtError, StoreBusy
from krachtoverleg.core.export.interchange import read_case
from krachtoverleg.core.models import Meeting
from krachtoverleg.core.models.changes import Patch
from krachtoverleg.core.store.location import StoreLocation
from krachtoverleg.core.store.team_schema import add_member, channel_of
from krachtoverleg.tui.app import KrachtApp
from krachtoverleg.tui.screens.case_list import CaseListScreen
from tests.postgres import ADMIN
from tests.unit.cli_run import run

psycopg = pytest.importorskip("psycopg", reason="team-store tests: pip install -e '.[test,team]'")

TODAY = date(2026, 11, 23)


def team(url: str, team_name: str | None = None):
    return StoreLocation(url=url, team=team_name).open(write=True, now=lambda: datetime(2026, 11, 23, 10))


def test_a_hold_lost_with_its_connection_is_taken_again_before_the_next_write(team_url, pg_server):
    with team(team_url("ans")) as ans:
        case = add_demo(ans, TODAY)
        meeting = ans.load(case.id).meetings()[-1]
        ans.apply(case.id, Patch(Meeting, meeting.id, {"plan_b": "ans 1"}))
        with psycopg.connect(pg_server.url("postgres", team_url("ans").rsplit("/", 1)[1]),
                             autocommit=True) as admin:  # ans's session dies (a network cut)
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'ans' "
                          "AND application_name = 'krachtoverleg'")
        with team(team_url("bert")) as bert:
            bert.apply(case.id, Patch(Meeting, meeting.id, {"plan_b": "bert"}))  # bert holds it now
            with pytest.raises(KrachtError):
                ans.apply(case.id, Patch(Meeting, meeting.id, {"plan_b": "ans 2"}))  # the cut is said
            with pytest.raises(StoreBusy):
                ans.apply(case.id, Patch(Meeting, meeting.id, {"plan_b": "ans 3"}))  # never without a hold
            assert bert.load(case.id).meetings()[-1].plan_b == "bert"


def test_replacing_a_case_never_touches_another_teams_case_with_the_same_code(team_url, pg_server):
    database = team_url("ans").rsplit("/", 1)[1]
    with psycopg.connect(pg_server.url(ADMIN, database), autocommit=True) as conn:
        add_member(conn, "ans", "Zuid", "Ans de Vries")  # ans works in both teams
    with team(team_url("zara")) as zara:
        theirs = add_demo(zara, TODAY)  # Zuid's K-001
    with team(team_url("ans"), "Noord") as ans:
        ours = add_demo(ans, TODAY)  # Noord's K-001
        assert ans.resolve("K-001").id == ours.id, "the code is read in the chosen team"
        from krachtoverleg.core.export.interchange import dumps, export_case

        again = read_case(dumps(export_case(ans.load(ours.id), datetime(2026, 11, 23)))).data
        ans.replace_case(again)
    with team(team_url("zara")) as zara:
        assert [s.id for s in zara.cases()] == [theirs.id], "Zuid's K-001 is still there"
    with team(team_url("ans")) as unchosen, pytest.raises(KrachtError, match="meer dan één team"):
        unchosen.resolve("K-001")


def test_notifications_go_to_the_own_team_only(team_url):
    with psycopg.connect(team_url("zara"), autocommit=True) as zuid:
        zuid.execute(f"LISTEN {channel_of('Zuid')}")
        with team(team_url("ans")) as ans:
            add_demo(ans, TODAY)
        assert list(zuid.notifies(timeout=0.5, stop_after=1)) == [], "Zuid hears nothing of Noord"


async def test_the_app_lives_through_a_server_restart_on_the_case_list(team_url, pg_server, clock):
    store = team(team_url("ans"))
    add_demo(store, TODAY)
    app = KrachtApp(store=store, clock=clock)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            assert isinstance(pilot.app.screen, CaseListScreen)
            pg_server.stop("immediate")
            pg_server.start()
            with team(team_url("bert")) as bert:  # a write elsewhere: the list follows
                add_demo(bert, TODAY)
            for _ in range(200):  # the server may take a while to take connections again
                await asyncio.sleep(0.1)
                if pilot.app.screen.query_one("#cases").row_count == 2:
                    break
            assert pilot.app.screen.query_one("#cases").row_count == 2
            assert app.return_code in (None, 0)
    finally:
        pg_server.start()
        store.close()


def test_a_login_not_yet_in_a_team_and_a_mistyped_option_are_said_in_dutch(team_url, pg_server, capsys,
                                                                             clock):
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'nieuw') THEN "
                     "CREATE ROLE nieuw LOGIN; END IF; END $$")
    code, _, err = run(capsys, clock, "--store", team_url("nieuw"), "cases")
    assert code == 1 and "team member" in err and "Traceback" not in err
    code, _, err = run(capsys, clock, "--store", team_url("ans") + "?sslmod=require", "cases")
    assert code == 1 and "Traceback" not in err and "teamopslag" in err


def test_a_relative_folder_store_saves_without_a_crash(tmp_path, capsys, clock, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run(capsys, clock, "--store", "gegevens", "demo")[0] == 0
    code, _, err = run(capsys, clock, "--store", "gegevens", "score", "K-001", "--ladder", "4")
    assert code == 0, err
    code, _, err = run(capsys, clock, "--store", "gegevens", "actions", "--format", "json")
    assert code == 0 and "Traceback" not in err
