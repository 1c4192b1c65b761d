"""Helpers for tests on a city database: unique role names, connecting as a unit role, cleanup.

PostgreSQL roles belong to the whole server, not to one database: every test names its roles
with a random suffix and drops them afterwards (``drop_roles``), or runs would collide.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

import psycopg
from sqlalchemy.engine import make_url

from app.db import Database, open_database


def unique(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:8]}"


def role_url(pg_url: str, role: str) -> str:
    """The city database's URL with a unit role's credentials (the test server trusts 127.0.0.1)."""
    return make_url(pg_url).set(username=role, password="not-checked").render_as_string(hide_password=False)


def open_as(pg_url: str, role: str) -> Database:
    return open_database(role_url(pg_url, role))


def psycopg_url(pg_url: str) -> str:
    return make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)


def drop_roles(pg_url: str, roles: Iterable[str]) -> None:
    """Revoke what the roles hold in the test database and drop them (members first, group last)."""
    with psycopg.connect(psycopg_url(pg_url), autocommit=True) as conn:
        for role in roles:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone():
                conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s", (role,))
                conn.execute(f'DROP OWNED BY "{role}"')
                conn.execute(f'DROP ROLE "{role}"')
