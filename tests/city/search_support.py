"""A generated database's people on PostgreSQL: the units and persons of a SQLite demo database
copied into a migrated PostgreSQL database (COPY, then ANALYZE), for the search's regression test
and benchmark. Only what the search reads is copied (units, persons)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url

from models import Person, Unit


def _plain(value: object) -> object:
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def copy_people(sqlite_path: Path, pg_url: str) -> int:
    """Copy the units (parents first) and the persons of ``sqlite_path`` into ``pg_url`` (already
    migrated, empty of people); returns the number of persons."""
    source = create_engine(f"sqlite:///{sqlite_path}")
    target = make_url(pg_url).set(drivername="postgresql").render_as_string(hide_password=False)
    count = 0
    try:
        with source.connect() as src, psycopg.connect(target) as conn:
            for table in (Unit.__table__, Person.__table__):
                columns = [c.name for c in table.columns]
                rows = src.execute(select(table)).all()
                if table is Unit.__table__:  # parents before children
                    depth: dict[uuid.UUID, int] = {}
                    parent = {r.id: r.parent_id for r in rows}

                    def level(uid: uuid.UUID, depth: dict = depth, parent: dict = parent) -> int:
                        if uid not in depth:
                            depth[uid] = 0 if parent.get(uid) is None else level(parent[uid]) + 1
                        return depth[uid]

                    rows = sorted(rows, key=lambda r: level(r.id))
                with conn.cursor() as cur, cur.copy(
                        f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([_plain(v) for v in row])
                if table is Person.__table__:
                    count = len(rows)
            conn.commit()
            conn.autocommit = True
            conn.execute("VACUUM ANALYZE units")
            conn.execute("VACUUM ANALYZE persons")
    finally:
        source.dispose()
    return count
