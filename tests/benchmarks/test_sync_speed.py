"""Sync speed through the city's function API (``hoso_api.push``, app.city.api_sql), measured as a
unit's login role, against the best raw approach: the same rows read from SQLite and written with
psycopg — COPY into temporary tables, one set-based upsert per table, ANALYZE at the end (the
sync asks the city to refresh its statistics too) — and 10 changes among N profiles against 10
among 1,000 (HOSO_BENCH=1; N is HOSO_BENCH_COUNT, default 100,000). Needs the PostgreSQL of
tests/city. Make the data beforehand with ``python main.py demo --count N --db FILE`` (or let the
``big_db_path`` fixture build it in HOSO_BENCH_DIR)."""

from __future__ import annotations

import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

from app import demo, people
from app.catalogs import load_catalogs
from app.city.init import city_init
from app.city.roles import set_unit_role
from app.city.sync import sync
from app.db import Database, open_database
from models import SECTION_CLASSES, Person, Unit
from tests.benchmarks.conftest import BENCH_COUNT, record, report
from tests.city.city_support import drop_roles, role_url
from tests.city.conftest import SERVER

TABLES = ("persons", *(c.__tablename__ for c in SECTION_CLASSES.values()), "placements", "attachments")


def _admin() -> psycopg.Connection:
    return psycopg.connect(SERVER, autocommit=True, connect_timeout=5)


@pytest.fixture
def scratch() -> Iterator[callable]:
    try:
        _admin().close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL: {exc}")
    made: list[str] = []
    roles: list[str] = []

    def new() -> str:
        name = f"hoso_bench_{uuid.uuid4().hex[:8]}"
        with _admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
        made.append(name)
        return SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + "/" + name

    new.roles = roles  # type: ignore[attr-defined]
    yield new
    with _admin() as admin:
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    if roles and made:
        drop_roles(SERVER.replace("postgresql://", "postgresql+psycopg://"), roles)


def _city(url: str, local: Database, roles: list[str]) -> str:
    """A city database (``city init``) with the catalogs and the local unit tree (same ids and
    codes), and a unit login role for the top units: the URL the unit syncs with."""
    city = open_database(url)
    with city.session() as s, local.session() as mine:
        load_catalogs(s)
        rows = [dict(r._mapping) for r in mine.execute(select(Unit.__table__))]
        rows.sort(key=lambda r: (r["parent_id"] is not None, str(r["code"]).count(".")))
        s.execute(Unit.__table__.insert(), rows)
        tops = [r["code"] for r in rows if r["parent_id"] is None]
    city_init(city)
    role = f"bench_{uuid.uuid4().hex[:8]}"
    roles.append(role)
    with city.session() as s:
        set_unit_role(s, role, tops, password="mat-khau-bench")
    city.dispose()
    return role_url(url, role)


def _raw_copy(sqlite_path: Path, pg_url: str) -> float:
    """The best raw approach: every dossier row read from SQLite, COPY into a temporary table per
    table, one set-based ``INSERT … SELECT … ON CONFLICT (id) DO UPDATE``, the change log appended,
    then ANALYZE — as the Department's superuser, no checks of any kind. The values go to COPY as
    SQLite holds them (a UUID's 32 hex digits, a boolean's 0 or 1, a time's text): PostgreSQL
    parses them, no Python conversion per value (which once cost a fifth of this baseline)."""
    started = time.perf_counter()
    src = sqlite3.connect(sqlite_path)
    dsn = pg_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn) as pg, pg.cursor() as cur:
        cur.execute("SET TIME ZONE 'UTC'")
        for table in (*TABLES, "change_log"):
            cols = [r[1] for r in src.execute(f"PRAGMA table_info({table})") if not (table == "change_log"
                                                                                    and r[1] == "id")]
            names = ", ".join(f'"{c}"' for c in cols)
            cur.execute(f'CREATE TEMP TABLE "tmp_{table}" (LIKE "{table}" INCLUDING DEFAULTS) ON COMMIT DROP')
            with cur.copy(f'COPY "tmp_{table}" ({names}) FROM STDIN') as copy:
                for row in src.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)  # SQLite's values as they are: COPY parses them itself
            if table == "change_log":
                cur.execute(f'INSERT INTO change_log ({names}) SELECT {names} FROM "tmp_{table}"')
            else:
                updates = ", ".join(f'"{c}" = EXCLUDED."{c}"' for c in cols if c != "id")
                cur.execute(f'INSERT INTO "{table}" ({names}) SELECT {names} FROM "tmp_{table}" '
                            f"ON CONFLICT (id) DO UPDATE SET {updates}")
                if table == "persons":  # before the rows that reference it: the foreign-key checks
                    cur.execute("ANALYZE persons")  # must not be planned against an empty table
        cur.execute(f"ANALYZE {', '.join(TABLES)}, change_log")
        pg.commit()
    src.close()
    return time.perf_counter() - started


def _change(db: Database, count: int) -> None:
    with db.session("bench") as s:
        ids = s.scalars(select(Person.id).where(Person.deleted_at.is_(None)).limit(count)).all()
        for i, person_id in enumerate(ids):
            people.update_person(s, person_id, {"phone": f"09{i:08d}"})


def test_full_sync_against_raw_upsert(big_db_path: Path, tmp_path: Path, scratch) -> None:
    local_path = tmp_path / "local.sqlite"
    shutil.copy(big_db_path, local_path)
    local = open_database(local_path)
    city_url, raw_url = scratch(), scratch()
    unit_url = _city(city_url, local, scratch.roles)
    _city(raw_url, local, scratch.roles)
    started = time.perf_counter()
    summary = sync(local, unit_url, batch_size=500)
    full = time.perf_counter() - started
    assert summary.inserted == summary.sent and summary.rejected == 0, summary.problems[:3]
    raw = _raw_copy(local_path, raw_url)
    report(f"sync (function API, unit login) full {BENCH_COUNT}: {full:.1f} s ({BENCH_COUNT / full:.0f} profiles/s); "
           f"raw psycopg COPY + set-based upsert + ANALYZE {raw:.1f} s; ratio {full / raw:.2f}x")
    record(f"sync, full, {BENCH_COUNT} profiles", full, raw, "s", "psycopg COPY + set-based upsert + ANALYZE", 1.5)
    _change(local, 10)
    started = time.perf_counter()
    ten = sync(local, unit_url)
    incremental = time.perf_counter() - started
    assert ten.sent == 10 and ten.updated == 10
    again = sync(local, unit_url)
    assert again.sent == 0
    local.dispose()

    small = open_database(tmp_path / "small.sqlite")
    demo.generate(small, 1000, seed=2)
    small_url = _city(scratch(), small, scratch.roles)
    sync(small, small_url, batch_size=500)
    _change(small, 10)
    started = time.perf_counter()
    assert sync(small, small_url).sent == 10
    small_incremental = time.perf_counter() - started
    small.dispose()
    report(f"sync 10 changes among {BENCH_COUNT}: {incremental:.2f} s; among 1000: {small_incremental:.2f} s; "
           f"ratio {incremental / small_incremental:.2f}x")
    record(f"sync, 10 changes among {BENCH_COUNT}", incremental, small_incremental, "s", "10 changes among 1000", 2)
