"""The team store's tables on PostgreSQL, versioned and upgraded like the case schema.

Everything lives in the schema `krachtoverleg`. Row-level security does the guarding: a login
sees and changes only the cases of the teams it is a member of, and only its own presence. The
tables belong to whoever ran `krachtoverleg team setup` (the DBA's owner role); professionals
get their rights through the role `krachtoverleg_user`."""

from __future__ import annotations

from typing import Any

TEAM_SCHEMA_VERSION = 3
USER_ROLE = "krachtoverleg_user"
# NOTIFY after every write, on one channel per team: '<case id> <version>' (ids only, no names);
# a window listens to its own teams' channels only.
CHANNEL_PREFIX = "krachtoverleg_"


def channel_of(team: str) -> str:
    import hashlib

    return CHANNEL_PREFIX + hashlib.md5(team.encode("utf-8")).hexdigest()[:16]  # a name, not a secret

# Each step upgrades the schema by one version; a new version adds a step, never edits one.
STEPS: list[str] = [
    f"""
    CREATE SCHEMA krachtoverleg;
    CREATE TABLE krachtoverleg.schema_version (version integer NOT NULL);
    INSERT INTO krachtoverleg.schema_version VALUES (0);
    CREATE TABLE krachtoverleg.teams (name text PRIMARY KEY CHECK (name ~ '^[A-Za-z0-9_ -]{{1,40}}$'));
    CREATE TABLE krachtoverleg.members (
        login text NOT NULL,
        team text NOT NULL REFERENCES krachtoverleg.teams ON DELETE CASCADE,
        name text NOT NULL DEFAULT '',  -- as the professional appears in a case's network
        PRIMARY KEY (login, team));
    CREATE TABLE krachtoverleg.cases (
        id text PRIMARY KEY,
        team text NOT NULL REFERENCES krachtoverleg.teams,
        code text NOT NULL,
        label text NOT NULL,
        doc jsonb NOT NULL,          -- the case's tables, as a folder store's case file holds them
        summary jsonb NOT NULL,      -- what the case list shows
        actions jsonb NOT NULL,      -- the case's entry in the action index, without its rows
        version bigint NOT NULL DEFAULT 1,
        changed_at timestamptz NOT NULL DEFAULT now(),
        changed_by text NOT NULL DEFAULT current_user,
        UNIQUE (team, code));
    CREATE TABLE krachtoverleg.action_rows (
        case_id text NOT NULL REFERENCES krachtoverleg.cases ON DELETE CASCADE,
        position integer NOT NULL,
        team text NOT NULL,
        terms text NOT NULL,          -- the owner's folded name, role and initials, for --owner
        open boolean NOT NULL,
        entry jsonb NOT NULL,
        PRIMARY KEY (case_id, position));
    CREATE INDEX action_rows_open ON krachtoverleg.action_rows (team, open);
    CREATE TABLE krachtoverleg.holds (
        case_id text PRIMARY KEY REFERENCES krachtoverleg.cases ON DELETE CASCADE,
        login text NOT NULL,
        since timestamptz NOT NULL DEFAULT now());
    CREATE TABLE krachtoverleg.presence (
        login text PRIMARY KEY DEFAULT current_user,
        data jsonb NOT NULL);

    CREATE FUNCTION krachtoverleg.my_teams() RETURNS SETOF text
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog
        AS $$ SELECT team FROM krachtoverleg.members WHERE login = session_user $$;  -- the caller

    ALTER TABLE krachtoverleg.cases ENABLE ROW LEVEL SECURITY;
    ALTER TABLE krachtoverleg.action_rows ENABLE ROW LEVEL SECURITY;
    ALTER TABLE krachtoverleg.holds ENABLE ROW LEVEL SECURITY;
    ALTER TABLE krachtoverleg.presence ENABLE ROW LEVEL SECURITY;
    ALTER TABLE krachtoverleg.members ENABLE ROW LEVEL SECURITY;
    -- Forced: the owner role (the DBA's) sees no client data through these tables either.
    ALTER TABLE krachtoverleg.cases FORCE ROW LEVEL SECURITY;
    ALTER TABLE krachtoverleg.action_rows FORCE ROW LEVEL SECURITY;
    ALTER TABLE krachtoverleg.holds FORCE ROW LEVEL SECURITY;
    ALTER TABLE krachtoverleg.presence FORCE ROW LEVEL SECURITY;
    CREATE POLICY own_team ON krachtoverleg.cases
        USING (team IN (SELECT krachtoverleg.my_teams()));
    CREATE POLICY own_team ON krachtoverleg.action_rows
        USING (team IN (SELECT krachtoverleg.my_teams()));
    CREATE POLICY own_team ON krachtoverleg.holds
        USING (case_id IN (SELECT id FROM krachtoverleg.cases));
    CREATE POLICY own_login ON krachtoverleg.presence USING (login = current_user);
    CREATE POLICY own_teams ON krachtoverleg.members
        USING (team IN (SELECT krachtoverleg.my_teams()));

    DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{USER_ROLE}') THEN
            CREATE ROLE {USER_ROLE} NOLOGIN;
        END IF;
    END $$;
    GRANT USAGE ON SCHEMA krachtoverleg TO {USER_ROLE};
    GRANT SELECT ON krachtoverleg.schema_version, krachtoverleg.teams, krachtoverleg.members
        TO {USER_ROLE};
    GRANT SELECT, INSERT, UPDATE, DELETE ON krachtoverleg.cases, krachtoverleg.action_rows,
        krachtoverleg.holds, krachtoverleg.presence TO {USER_ROLE};
    GRANT EXECUTE ON FUNCTION krachtoverleg.my_teams() TO {USER_ROLE};
    """,
    # 2: what an action list sorts and filters by, in columns of its own, so a page of a list of
    # thousands is sorted and counted by the server. The folded owner names are Python's own
    # folding (see action_index.fold): rows written before are completed by the first login of
    # their team that opens the store (the owner role that runs this step sees no rows).
    """
    ALTER TABLE krachtoverleg.action_rows
        ADD COLUMN owner_key text, ADD COLUMN owner_with text, ADD COLUMN owner_without text,
        ADD COLUMN sort_with text, ADD COLUMN sort_without text, ADD COLUMN due text,
        ADD COLUMN status text, ADD COLUMN off_screen boolean, ADD COLUMN across boolean;
    CREATE INDEX action_rows_unsorted ON krachtoverleg.action_rows (team) WHERE sort_with IS NULL;
    """,
    # 3: the case code on each row, and the open rows indexed in a list's own order (one index
    # per way of naming), so the first page of what is still to do reads 200 rows, not all.
    # The codes of rows written before are filled in like the sort columns of step 2.
    """
    ALTER TABLE krachtoverleg.action_rows ADD COLUMN code text;
    CREATE INDEX action_rows_uncoded ON krachtoverleg.action_rows (team) WHERE code IS NULL;
    -- INCLUDE: counting and the choices read the index alone (team: row-level security's test)
    CREATE INDEX action_rows_open_with ON krachtoverleg.action_rows
        (sort_with COLLATE "C", owner_key COLLATE "C", due COLLATE "C", code COLLATE "C",
         case_id COLLATE "C", position) INCLUDE (team, owner_with, across) WHERE open;
    CREATE INDEX action_rows_open_without ON krachtoverleg.action_rows
        (sort_without COLLATE "C", owner_key COLLATE "C", due COLLATE "C", code COLLATE "C",
         case_id COLLATE "C", position) INCLUDE (team, owner_without, across) WHERE open AND NOT off_screen;
    """,
]


def setup(conn: Any) -> tuple[int, int]:
    """Create or upgrade the tables (run by the DBA's owner role). (version before, after)."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('krachtoverleg schema'))")
        exists = conn.execute("SELECT to_regclass('krachtoverleg.schema_version')").fetchone()[0]
        before = conn.execute("SELECT version FROM krachtoverleg.schema_version").fetchone()[0] \
            if exists else 0
        for number in range(before, TEAM_SCHEMA_VERSION):
            conn.execute(STEPS[number])
            conn.execute("UPDATE krachtoverleg.schema_version SET version = %s", (number + 1,))
    return before, TEAM_SCHEMA_VERSION


def add_team(conn: Any, name: str) -> None:
    with conn.transaction():
        conn.execute("INSERT INTO krachtoverleg.teams VALUES (%s) ON CONFLICT DO NOTHING", (name,))


def add_member(conn: Any, login: str, team: str, name: str) -> None:
    """Let an existing database login work in a team, under the name the team's cases use for
    them (so "mijn acties" finds their actions)."""
    from psycopg import sql

    with conn.transaction():
        conn.execute("INSERT INTO krachtoverleg.members VALUES (%s, %s, %s) "
                     "ON CONFLICT (login, team) DO UPDATE SET name = EXCLUDED.name", (login, team, name))
        conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(USER_ROLE), sql.Identifier(login)))
