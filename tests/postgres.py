"""A throwaway PostgreSQL server for the team-store tests, from the machine's own binaries.

Never a mock: the tests start a real server in a temporary folder and stop it afterwards.
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user. Without the
binaries (or psycopg) the team-store tests are skipped with one line saying how to run them;
with KRACHTOVERLEG_REQUIRE_TEAM_TESTS=1 (CI sets it in .ci/run) they fail instead."""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("KRACHTOVERLEG_PG_BIN", "/usr/lib/postgresql/15/bin"))
HOW = ("team-store tests need PostgreSQL's initdb and pg_ctl (set KRACHTOVERLEG_PG_BIN; Debian: "
       "apt install postgresql-15) and psycopg (pip install -e '.[test,team]')")
SUPERUSER = "postgres"
TEAMS = {"Noord": {"ans": "Ans de Vries", "bert": "Bert Schuldhulp"}, "Zuid": {"zara": "Zara Zuid"}}
ADMIN = "beheer"  # owns the tables, as a municipality's DBA role would


def unavailable() -> str | None:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return HOW
    if not (PG_BIN / "initdb").exists() or not (PG_BIN / "pg_ctl").exists():
        return HOW
    return None


def skip_or_fail(reason: str) -> None:
    if os.environ.get("KRACHTOVERLEG_REQUIRE_TEAM_TESTS") == "1":
        pytest.fail(f"the team-store tests must run here, but: {reason}")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    def __init__(self) -> None:
        self.base = Path(tempfile.mkdtemp(prefix="ko-pg-"))
        self.base.chmod(0o755)
        self.data = self.base / "data"
        self.sockets = self.base / "run"
        self.sockets.mkdir()
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            owner = pwd.getpwnam("postgres")
            for path in (self.base, self.sockets):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        self._databases = 0

    def _run(self, *command: str) -> subprocess.CompletedProcess[str]:
        argv = list(command)
        if self.as_root:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, check=True, timeout=120)

    def init(self) -> None:
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                  "-E", "UTF8", "--locale=C", "--no-sync")

    def running(self) -> bool:
        try:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "status")
        except subprocess.CalledProcessError:
            return False
        return True

    def start(self) -> None:
        if self.running():
            return
        # fsync off: a stopped server (even -m immediate) leaves its writes with the operating
        # system, which these tests never crash. synchronous_commit stays on: with it off, a
        # commit reported done could be lost by `pg_ctl stop -m immediate`, which the tests do.
        options = (f"-k {self.sockets} -c listen_addresses=127.0.0.1 -p {self.port} -c fsync=off "
                   "-c full_page_writes=off")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                  str(self.base / "server.log"), "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    def url(self, login: str = SUPERUSER, database: str = "postgres") -> str:
        return f"postgresql://{login}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh database with the team store set up: teams Noord and Zuid, their logins."""
        import psycopg

        from krachtoverleg.core.store import team_schema

        self._databases += 1
        name = f"ko{self._databases}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name} OWNER {ADMIN}")
        with psycopg.connect(self.url(ADMIN, name), autocommit=True) as conn:
            team_schema.setup(conn)
            for team, members in TEAMS.items():
                team_schema.add_team(conn, team)
                for login, full_name in members.items():
                    team_schema.add_member(conn, login, team, full_name)
        return name

    def roles(self) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE ROLE {ADMIN} LOGIN CREATEROLE")
            for members in TEAMS.values():
                for login in members:
                    conn.execute(f"CREATE ROLE {login} LOGIN")

    def remove(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    server = Server()
    try:
        server.init()
        server.start()
        server.roles()
        yield server
    finally:
        server.remove()
