"""`krachtoverleg team …`: what a municipality's DBA does once, and what a professional asks.

The tables are made (and upgraded) by the database's owner role; teams and members likewise. The
logins themselves are made by the DBA in PostgreSQL (CREATE ROLE … LOGIN), with a password they
keep in their own .pgpass: this program never sees or stores one."""

from __future__ import annotations

from typing import Any

import psycopg

from krachtoverleg.core.errors import StoreError, ValidationError
from krachtoverleg.core.store import team_schema
from krachtoverleg.core.store.team_store import CONNECT_SECONDS, refused


def run(url: str, step: str, options: dict[str, Any]) -> list[str]:
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_SECONDS) as conn:
            return _step(conn, step, options)
    except psycopg.errors.InsufficientPrivilege:
        raise StoreError("Dat mag deze login niet: de beheerder doet dit als eigenaar van de "
                         "database.") from None
    except psycopg.errors.ForeignKeyViolation:
        raise ValidationError(f"Team {options.get('team')} bestaat niet; maak het eerst met "
                              "'krachtoverleg team add'.") from None
    except psycopg.errors.UndefinedObject as error:
        raise ValidationError(f"Die login bestaat niet in de database ({error.diag.message_primary}). "
                              "Maak hem eerst: CREATE ROLE naam LOGIN.") from None
    except psycopg.errors.CheckViolation:
        raise ValidationError("Een teamnaam is 1 tot 40 letters, cijfers, spaties, - of _.") from None
    except (psycopg.OperationalError, psycopg.InterfaceError) as error:
        raise refused(error) from None


def _step(conn: psycopg.Connection[Any], step: str, options: dict[str, Any]) -> list[str]:
    if step == "setup":
        before, after = team_schema.setup(conn)
        if before == after:
            return [f"De teamopslag is al bij (versie {after})."]
        return [f"De teamopslag is {'gemaakt' if before == 0 else 'bijgewerkt'} (versie {after}).",
                "Voeg nu een team toe: krachtoverleg --store … team add NAAM"]
    if step == "add":
        team_schema.add_team(conn, options["name"])
        return [f"Team {options['name']} is er."]
    if step == "member":
        team_schema.add_member(conn, options["login"], options["team"], options["name"].strip())
        return [f"{options['login']} werkt nu in team {options['team']} als {options['name'].strip()}."]
    rows = conn.execute("SELECT team, name FROM krachtoverleg.members WHERE login = current_user "
                        "ORDER BY team").fetchall()
    user = conn.info.user
    if not rows:
        return [f"Je bent ingelogd als {user}, maar je hoort nog bij geen team. Vraag de beheerder."]
    return [f"Je bent ingelogd als {user}: {name or '(geen naam)'} in team {team}." for team, name in rows]
