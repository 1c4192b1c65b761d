"""What the pending detection reads instead of every person: the ``sync_dirty`` marks (issue 12).

A dossier is pending at a target when its outgoing version (its own, or its last approved snapshot's
while it awaits approval) differs from the version the target confirmed (``SyncRecord``). That
compares two tables, so no index can answer it: the query read every person. Instead, a person is
*marked* (a row in ``sync_dirty``) whenever one of the inputs of that comparison may have moved, and
the detection reads only the marked persons:

- ``persons``: inserted, or ``version`` / ``review_state`` / ``deleted_at`` changed;
- ``approved_snapshots``: inserted, changed or removed;
- ``sync_records``: inserted, changed or removed (the sync's own confirmations, a reset);
- ``sync_targets``: a new target marks every person (nothing is confirmed there yet).

Database triggers keep the marks (SQLite triggers; PostgreSQL statement triggers with transition
tables, ``SECURITY DEFINER`` so that a city login needs no right on ``sync_dirty``): every write
path — the ORM and its audit hook, raw SQL, bulk inserts, migrations, packages — marks, and no code
has to remember to. ``app.city.sync.settle`` (the end of each sync run, and migration 0016) removes the marks of
persons pending at no target. Invariant: an unmarked person is pending at no existing target, so
the pending persons of a target are the pending persons among the marked ones — the same answer,
read in O(marked) instead of O(persons). With no target at all (never synced) every dossier is
pending and the detection reads them all, as before.
"""

from __future__ import annotations

from sqlalchemy import Connection

TABLE = "sync_dirty"

# not INSERT OR IGNORE: an outer statement's conflict clause (the sync's upsert) would override it
_MARK = "INSERT INTO sync_dirty (person_id) SELECT {0} WHERE NOT EXISTS (SELECT 1 FROM sync_dirty WHERE person_id = {0});"

_SQLITE = [
    ("hoso_dirty_person_insert", "AFTER INSERT ON persons",
     _MARK.format("NEW.id")),
    ("hoso_dirty_person_update", "AFTER UPDATE OF version, review_state, deleted_at ON persons "
     "WHEN NEW.version IS NOT OLD.version OR NEW.review_state IS NOT OLD.review_state "
     "OR NEW.deleted_at IS NOT OLD.deleted_at",
     _MARK.format("NEW.id")),
    ("hoso_dirty_snapshot_insert", "AFTER INSERT ON approved_snapshots",
     _MARK.format("NEW.person_id")),
    ("hoso_dirty_snapshot_update", "AFTER UPDATE ON approved_snapshots",
     _MARK.format("OLD.person_id") + " " + _MARK.format("NEW.person_id")),
    ("hoso_dirty_snapshot_delete", "AFTER DELETE ON approved_snapshots",
     _MARK.format("OLD.person_id")),
    ("hoso_dirty_record_insert", "AFTER INSERT ON sync_records",
     _MARK.format("NEW.record_id")),
    ("hoso_dirty_record_update", "AFTER UPDATE ON sync_records",
     _MARK.format("OLD.record_id") + " " + _MARK.format("NEW.record_id")),
    ("hoso_dirty_record_delete", "AFTER DELETE ON sync_records",
     _MARK.format("OLD.record_id")),
    ("hoso_dirty_target_insert", "AFTER INSERT ON sync_targets",
     "INSERT INTO sync_dirty (person_id) SELECT id FROM persons WHERE id NOT IN (SELECT person_id FROM sync_dirty);"),
]

# PostgreSQL: (trigger, table, event, transition tables, the SELECT of the ids to mark)
_PG = [
    ("hoso_dirty_person_insert", "persons", "INSERT", "NEW TABLE AS n", "SELECT id FROM n"),
    ("hoso_dirty_person_update", "persons", "UPDATE", "OLD TABLE AS o NEW TABLE AS n",
     "SELECT n.id FROM n JOIN o ON o.id = n.id WHERE n.version IS DISTINCT FROM o.version "
     "OR n.review_state IS DISTINCT FROM o.review_state OR n.deleted_at IS DISTINCT FROM o.deleted_at"),
    ("hoso_dirty_snapshot_insert", "approved_snapshots", "INSERT", "NEW TABLE AS n", "SELECT person_id FROM n"),
    ("hoso_dirty_snapshot_update", "approved_snapshots", "UPDATE", "OLD TABLE AS o NEW TABLE AS n",
     "SELECT person_id FROM o UNION SELECT person_id FROM n"),
    ("hoso_dirty_snapshot_delete", "approved_snapshots", "DELETE", "OLD TABLE AS o", "SELECT person_id FROM o"),
    ("hoso_dirty_record_insert", "sync_records", "INSERT", "NEW TABLE AS n", "SELECT record_id FROM n"),
    ("hoso_dirty_record_update", "sync_records", "UPDATE", "OLD TABLE AS o NEW TABLE AS n",
     "SELECT record_id FROM o UNION SELECT record_id FROM n"),
    ("hoso_dirty_record_delete", "sync_records", "DELETE", "OLD TABLE AS o", "SELECT record_id FROM o"),
    ("hoso_dirty_target_insert", "sync_targets", "INSERT", "NEW TABLE AS n", "SELECT id FROM persons"),
]


def create_triggers(conn: Connection) -> None:
    """Create (or replace) the triggers that keep ``sync_dirty``; idempotent."""
    drop_triggers(conn)
    if conn.dialect.name == "sqlite":
        for name, when, body in _SQLITE:
            conn.exec_driver_sql(f"CREATE TRIGGER {name} {when} BEGIN {body} END")
        return
    schema = conn.exec_driver_sql("SELECT quote_ident(current_schema())").scalar()
    for name, table, event, refs, ids in _PG:
        conn.exec_driver_sql(
            f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
            f"SET search_path = pg_catalog, {schema}, pg_temp AS $$ BEGIN "
            f"INSERT INTO sync_dirty (person_id) {ids} ON CONFLICT DO NOTHING; RETURN NULL; END $$")
        conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {name}() FROM PUBLIC")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {refs} "
                             f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()")


def drop_triggers(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        for name, _when, _body in _SQLITE:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        return
    for name, table, _event, _refs, _ids in _PG:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {name}()")


def ensure(conn: Connection) -> bool:
    """After a migration on SQLite: a later revision may have recreated ``persons`` (batch mode),
    dropping its triggers — put them back and mark everyone (the next sync settles). True if it did."""
    present = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    tables = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if TABLE not in tables or {name for name, _when, _body in _SQLITE} <= present:
        return False
    create_triggers(conn)
    mark_all(conn)
    return True


def mark_all(conn: Connection) -> None:
    """Mark every person (a database whose marks are not known: the migration)."""
    ignore = "OR IGNORE " if conn.dialect.name == "sqlite" else ""
    tail = "" if conn.dialect.name == "sqlite" else " ON CONFLICT DO NOTHING"
    conn.exec_driver_sql(f"INSERT {ignore}INTO sync_dirty (person_id) SELECT id FROM persons{tail}")
