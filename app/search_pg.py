"""The search on PostgreSQL (the city database, or an office database on a server): the same
condition and rank as ``app.search`` — ``LIKE '%word%'`` over the folded name and the CCCD —
answered through trigram indexes instead of a scan of every row.

``pg_trgm``'s GIN indexes (``gin_trgm_ops``) on ``persons.name_fold`` and ``persons.cccd`` serve
``LIKE`` with a leading ``%`` directly: the planner asks the index for the rows holding every
trigram of the pattern and rechecks them, so what is found never depends on the index (a pattern
shorter than three characters has no trigram and is answered by a scan, as before). PostgreSQL
keeps a GIN index in step with every write itself — ORM, raw SQL, sync, packages — so no code has
to remember to. ``create_indexes`` is idempotent: migration 0015 calls it on PostgreSQL, and it may
be called again on any database (a database restored from a dump made without them).

Equivalent of the SQLite side's FTS5 trigram table (``app.search_index``); results and ranks equal
the SQLite search's, ties broken by id on both (tests/city/test_search_postgres.py).
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from models.search_index import PG_TRIGRAM_INDEXES

#: index name → the column of ``persons`` it serves (the names: models.search_index, for Alembic's comparison)
INDEXES = dict(zip(PG_TRIGRAM_INDEXES, ("name_fold", "cccd"), strict=True))


def create_indexes(conn: Connection) -> bool:
    """Create ``pg_trgm`` (when missing) and the trigram indexes (when missing). False when the
    extension is not installed and this login may not create it (then nothing is created and the
    search answers by scanning, with the same results)."""
    if conn.dialect.name != "postgresql":
        return False
    present = conn.exec_driver_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").first() is not None
    if not present:
        try:
            with conn.begin_nested():  # a refused CREATE EXTENSION must not end the migration's transaction
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DBAPIError:
            return False
    for name, column in INDEXES.items():
        conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON persons USING gin ({column} gin_trgm_ops)")
    return True


def drop_indexes(conn: Connection) -> None:
    """Remove the indexes (the extension stays: other databases' objects may use it)."""
    if conn.dialect.name != "postgresql":
        return
    for name in INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


def has_indexes(conn: Connection) -> bool:
    """Whether both trigram indexes exist on ``persons``."""
    if conn.dialect.name != "postgresql":
        return False
    found = {r[0] for r in conn.exec_driver_sql(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'persons' AND schemaname = current_schema()")}
    return set(INDEXES) <= found
