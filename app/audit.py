"""The change log, written on every flush so that no write path can forget it.

Per record: a ``create`` row (field ``*``, the new values as JSON), one ``update`` row per changed
field (old → new), ``delete``/``restore`` for the soft-deletion mark and ``delete`` (field ``*``,
the old values) when a section row is removed. The same hook bumps ``version`` and
``updated_at`` — the sync reads both.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import uuid
import weakref
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, event, insert, inspect
from sqlalchemy.orm import ColumnProperty, Session, sessionmaker

from app.security import chain
from models import Audited, ChangeLog, Person
from models.base import utcnow

# Derived or bookkeeping columns: not a user's change.
SKIP_FIELDS = frozenset({"version", "updated_at", "name_fold", "sort_key", "created_at", "content", "review_state",
                         "added_at"})


# The factories already hooked, held weakly: a closed database's factory leaves the set when it is
# freed. Not ``event.contains(factory, …)``: SQLAlchemy answers that from a registry keyed by the
# factory's ``id()``, and a freed factory's entry stays there until the garbage collector frees its
# Session class (a reference cycle) — a new factory made at the same address was then taken as
# hooked, and that database wrote no change log, bumped no version and chained no log entry.
_INSTALLED: weakref.WeakSet[sessionmaker[Session]] = weakref.WeakSet()


def install(factory: sessionmaker[Session]) -> None:
    if factory in _INSTALLED:
        return
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_transaction_end", _transaction_ended)
    event.listen(factory, "after_soft_rollback", _forget_bumps)
    _INSTALLED.add(factory)


def _transaction_ended(session: Session, transaction: Any) -> None:
    if transaction.parent is None:  # the user action's transaction, not a savepoint inside it
        _forget_bumps(session, transaction)


def _forget_bumps(session: Session, _transaction: object) -> None:
    """After a rollback (even of a savepoint) a rolled-back bump may be gone: bump again if needed."""
    session.info.pop(_BUMPED, None)


_BUMPED = "hoso_bumped"


def _bump(session: Session, obj: Any) -> None:
    """One user action (one transaction, however many flushes it takes) is one new version."""
    bumped = session.info.setdefault(_BUMPED, set())
    key = (type(obj).__name__, obj.id)
    if key not in bumped:
        obj.version = (obj.version or 0) + 1
        bumped.add(key)
    obj.updated_at = utcnow()


def to_text(value: Any) -> str | None:
    """How a value is written into the log (and shown by ``history``)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value.normalize())
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _columns(obj: Any) -> list[str]:
    return [p.key for p in inspect(obj).mapper.iterate_properties
            if isinstance(p, ColumnProperty) and p.key not in SKIP_FIELDS]


def _snapshot(obj: Any) -> str:
    values = {key: to_text(getattr(obj, key)) for key in _columns(obj) if key != "id"}
    return json.dumps({k: v for k, v in values.items() if v is not None}, ensure_ascii=False)


def snapshot_of(cls: type, values: Mapping[str, Any]) -> str:
    """``_snapshot`` of an object of ``cls`` whose attributes are ``values`` (a row written with Core)."""
    order = _logged_order(cls)
    shown = {}
    # the values given, in the columns' order (fewer than the columns: a new row sets a few of them)
    for _, key, value in sorted((order[k], k, v) for k, v in values.items() if v is not None and k in order):
        kind = type(value)
        shown[key] = value if kind is str else str(value) if kind is int else to_text(value)
    return _JSON.encode(shown)


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(…, ensure_ascii=False), made once


@functools.cache
def _logged_order(cls: type) -> dict[str, int]:
    """``_logged_keys`` by key → position."""
    return {key: i for i, key in enumerate(_logged_keys(cls))}


@functools.cache
def _logged_keys(cls: type) -> tuple[str, ...]:
    """``_columns`` of ``cls`` without the id, in the same order."""
    return tuple(p.key for p in inspect(cls).mapper.iterate_properties
                 if isinstance(p, ColumnProperty) and p.key not in SKIP_FIELDS and p.key != "id")


def log_created(session: Session, rows: Sequence[tuple[type, Mapping[str, Any], uuid.UUID]],
                at: dt.datetime | None = None) -> None:
    """The ``create`` entries the flush hook writes for new objects, for rows inserted with Core
    (a bulk import): per (model, the attributes the object would have held before its flush, the
    id of the person it is added to) one entry with the same snapshot, chained in one go."""
    if not rows:
        return
    at = at or utcnow()
    by = session.info.get("user", "hoso")
    owned = {}
    entries = []
    for cls, values, person_id in rows:
        if cls not in owned:  # _person_id: the person's own id, or through a ``person`` relationship
            owned[cls] = cls is Person or "person" in inspect(cls).relationships
        entries.append({"at": at, "by": by, "action": "create", "entity": cls.__audit_entity__,
                        "record_id": values["id"], "person_id": person_id if owned[cls] else values.get("person_id"),
                        "field": "*", "old": None, "new": snapshot_of(cls, values)})
    conn = session.connection()
    chain.reserve(conn, "change_log", entries)
    bulk_insert(conn, ChangeLog.__table__, entries)


def bulk_insert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """INSERT ``rows`` (dicts by column key, defaults already applied; a column a row lacks is NULL
    in it) into ``table``: on SQLite one ``executemany`` of the driver with each value converted
    by its column type's own bind processor (what SQLAlchemy stores, without its per-row work),
    naming the columns some row has a value for (a server default never applies to the others:
    none of them has one); elsewhere SQLAlchemy's executemany."""
    if not rows:
        return
    present = set().union(*rows)
    columns = [c for c in table.c if c.key in present]
    if any(c.server_default is not None for c in table.c if c.key not in present):
        raise ValueError(f"{table.name}: a column with a server default needs a value in bulk_insert")
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), [{c.key: row.get(c.key) for c in columns} for row in rows])
        return
    quote = conn.dialect.identifier_preparer.quote
    keys = [c.key for c in columns]
    # the columns whose type converts the value (dates, ids, numbers): the others go as they are
    converted = [(i, p) for i, c in enumerate(columns) if (p := c.type._cached_bind_processor(conn.dialect))]
    sql = (f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    params = []
    for row in rows:
        values = list(map(row.get, keys))
        for i, p in converted:
            if (v := values[i]) is not None:
                values[i] = p(v)
        params.append(tuple(values))
    conn.exec_driver_sql(sql, params)


def _person_id(obj: Any) -> uuid.UUID | None:
    if isinstance(obj, Person):
        return obj.id
    pid = getattr(obj, "person_id", None)
    if pid is None:
        person = inspect(obj).attrs.person.loaded_value if "person" in inspect(obj).attrs else None
        pid = getattr(person, "id", None) if isinstance(person, Person) else None
    return pid


def _row(session: Session, obj: Any, action: str, field: str, old: str | None, new: str | None) -> ChangeLog:
    return ChangeLog(at=utcnow(), by=session.info.get("user", "hoso"), action=action,
                     entity=obj.__audit_entity__, record_id=obj.id, person_id=_person_id(obj),
                     field=field, old=old, new=new)


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    entries: list[ChangeLog] = []
    new = [o for o in session.new if isinstance(o, Audited)]
    for obj in new:  # ids first, so children can name their person
        if obj.id is None:
            obj.id = uuid.uuid4()
    bumped = session.info.setdefault(_BUMPED, set())
    for obj in new:
        obj.version = 1
        obj.updated_at = utcnow()
        bumped.add((type(obj).__name__, obj.id))
        entries.append(_row(session, obj, "create", "*", None, _snapshot(obj)))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            entries.extend(_updates(session, obj))
    for obj in session.deleted:
        if isinstance(obj, Audited):
            entries.append(_row(session, obj, "delete", "*", _snapshot(obj), None))
    _bump_owners(session, entries, new)
    session.add_all(entries)
    chain.seal(session)  # every new change/access-log entry: its id and its link in the hash chain


def _bump_owners(session: Session, entries: list[ChangeLog], new: list[Any]) -> None:
    """A change to a section row, attachment or placement is a change of the dossier: the person's
    version and ``updated_at`` move too (the sync and the approval compare the person's token)."""
    done = {o.id for o in new if isinstance(o, Person)}
    done |= {e.record_id for e in entries if e.entity == Person.__audit_entity__}
    for person_id in {e.person_id for e in entries if e.person_id is not None} - done:
        person = session.get(Person, person_id)
        if person is not None:
            _bump(session, person)


def _updates(session: Session, obj: Any) -> list[ChangeLog]:
    state = inspect(obj)
    rows: list[ChangeLog] = []
    for key in _columns(obj):
        hist = state.attrs[key].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if to_text(old) == to_text(new):
            continue
        action = "update"
        if key == "deleted_at":
            action = "delete" if new is not None else "restore"
        rows.append(_row(session, obj, action, key, to_text(old), to_text(new)))
    if rows:
        _bump(session, obj)
    return rows
