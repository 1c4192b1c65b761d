"""Tamper-evident logs: the change log and the access log are hash chains (docs/personal-data.md).

Each entry carries ``hash`` = sha256(previous entry's hash ‖ the entry's own fields, canonically
serialised, its id included); the first entry of a log chains to ``GENESIS``. ``log_heads`` keeps,
per log, the newest entry's id and hash and the number of entries; every writer moves it in the same
transaction as its entries.

Writers (all of them go through ``reserve``/``seal``):
- the flush hook (``app.audit``) seals every pending ``ChangeLog``/``AccessLog`` object (``seal``);
- Core inserts (``app.security.access.log_many``, the demo, the city's ``_append_log``) call
  ``reserve(conn, table, rows)`` on their row dicts before inserting them: it numbers the rows (``id``),
  sets their ``hash`` and moves the head;
- ``app.backup.record`` writes straight into a file with ``sqlite3``: ``append_sqlite``.

Concurrency: two writers must not chain onto the same head. ``reserve`` first writes the head row
(an UPDATE that changes nothing): on SQLite that takes the database's write lock (a transaction that
read an older snapshot fails with "database is locked" instead of forking the chain — and the ids
are explicit, so a second entry with the same id is refused by the primary key anyway); on
PostgreSQL a transaction-scoped advisory lock, taken first, serialises every writer of both logs.

What it proves: an edit, a deletion or a removed tail made *without HoSo's code* (with ``sqlite3`` on
the file) breaks the chain, and ``verify`` names the first broken entry and its time. Someone who
knows the algorithm can recompute the chain and the head in the same file: a local file cannot prove
its own history. The anchor is outside the file — the chain head the city keeps from each sync
(``head``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import sqlite3
import uuid
from collections.abc import Iterable, Mapping, MutableMapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update
from sqlalchemy.orm import Session

from models import ChangeLog, LogHead
from models.security import AccessLog

GENESIS = ""
# Every field of an entry, in the order they are hashed (id first).
FIELDS: dict[str, tuple[str, ...]] = {
    "change_log": ("id", "at", "by", "action", "entity", "record_id", "person_id", "field", "old", "new"),
    "access_log": ("id", "at", "by", "action", "person_id", "detail"),
}
TABLES = tuple(FIELDS)
MODELS: dict[str, Any] = {"change_log": ChangeLog, "access_log": AccessLog}
HEADS = LogHead.__table__
_UUIDS = frozenset({"record_id", "person_id"})
_PG_LOCK = 0x486F536F  # pg_advisory_xact_lock key: every writer of either log ("HoSo")
TABLE_LABELS = {"change_log": "nhật ký thay đổi", "access_log": "nhật ký truy cập"}


# --- the hash -------------------------------------------------------------------------------------

def utc(value: Any) -> dt.datetime:
    """A time as HoSo stores it in the logs: aware UTC (a naive time is UTC already)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def _canon(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "id":
        return int(value)
    if name == "at":
        return utc(value).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if name in _UUIDS:
        if isinstance(value, bytes):
            value = value.hex()
        return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))
    return str(value)


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _digest(table: str, prev: str, canonical: list[Any]) -> str:
    return hashlib.sha256(f"{prev}\n{_JSON.encode([table, *canonical])}".encode()).hexdigest()


def entry_hash(table: str, prev: str, values: Mapping[str, Any]) -> str:
    """sha256 over the previous entry's hash and this entry's fields (canonical JSON)."""
    return _digest(table, prev, [_canon(name, values.get(name)) for name in FIELDS[table]])


def _raw_sqlite(table: str) -> Any:
    """The canonical fields of a row read without SQLAlchemy's types from SQLite (the walk's fast
    path: the same values ``_canon`` gives for the typed row — times as stored by SQLAlchemy, ids as
    32 hex digits — with the slow conversion for anything stored otherwise)."""
    names = FIELDS[table]
    at = names.index("at")
    ids = [i for i, n in enumerate(names) if n in _UUIDS]
    texts = [i for i, n in enumerate(names) if n not in _UUIDS and n not in ("id", "at")]

    def canonical(row: tuple) -> list[Any]:
        values = list(row[:len(names)])
        value = values[at]
        if not (isinstance(value, str) and len(value) == 26 and value[10] == " "):
            values[at] = _canon("at", value) if value is not None else None
        for i in ids:
            value = values[i]
            if value is not None:
                values[i] = (f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"
                             if isinstance(value, str) and len(value) == 32 and value == value.lower()
                             else _canon(names[i], value))
        for i in texts:
            value = values[i]
            if value is not None and not isinstance(value, str):
                values[i] = str(value)
        return values

    return canonical


# --- writing --------------------------------------------------------------------------------------

def _lock(conn: Connection, table: str) -> tuple[int, str]:
    """Take the chain's lock and return the head (last id, hash) of ``table``."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    touched = conn.execute(update(HEADS).where(HEADS.c.name == table).values(count=HEADS.c.count)).rowcount
    if not touched:  # no head yet (a database made before 0009 by hand, or a removed head row)
        model = MODELS[table]
        last = conn.execute(select(model.id, model.hash).order_by(model.id.desc()).limit(1)).first()
        count = conn.scalar(select(func.count()).select_from(model)) or 0
        last_id, last_hash = (last[0], last[1] or GENESIS) if last else (0, GENESIS)
        conn.execute(insert(HEADS).values(name=table, last_id=last_id, hash=last_hash, count=count,
                                          verified_id=0, verified_hash=GENESIS))
        return last_id, last_hash
    row = conn.execute(select(HEADS.c.last_id, HEADS.c.hash).where(HEADS.c.name == table)).one()
    return row[0], row[1]


def reserve(conn: Connection, table: str, rows: list[MutableMapping[str, Any]]) -> None:
    """Number ``rows`` (dicts about to be inserted into ``table``) after the chain's head, set their
    ``hash`` (and ``at`` as aware UTC) and move the head — in ``conn``'s transaction. Insert the rows
    in that transaction afterwards (their ``id`` and ``hash`` included)."""
    if not rows:
        return
    last_id, prev = _lock(conn, table)
    for row, entry_id in zip(rows, _ids(conn, table, last_id, len(rows)), strict=True):
        last_id = row["id"] = entry_id
        row["at"] = utc(row["at"])
        row["hash"] = prev = entry_hash(table, prev, row)
    conn.execute(update(HEADS).where(HEADS.c.name == table)
                 .values(last_id=last_id, hash=prev, count=HEADS.c.count + len(rows)))


def _ids(conn: Connection, table: str, last_id: int, n: int) -> list[int]:
    """The next ``n`` entry ids (increasing; under the chain's lock). PostgreSQL: from the table's own
    sequence, so an insert that leaves the id to the database never collides with them; SQLite: after
    both the head and the newest row (such an insert takes max(id) + 1 there)."""
    if conn.dialect.name == "postgresql":
        return sorted(conn.execute(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                                 {"t": table, "n": n}).scalars())
    model = MODELS[table]
    start = max(last_id, conn.scalar(select(func.max(model.id))) or 0)
    return list(range(start + 1, start + n + 1))


def seal(session: Session) -> None:
    """The flush hook's part: every pending ChangeLog/AccessLog object gets its id and hash (in the
    order it was added) before the flush inserts it."""
    from sqlalchemy import inspect

    pending: dict[str, list[Any]] = {}
    for obj in session.new:
        if isinstance(obj, ChangeLog | AccessLog) and obj.hash is None:
            pending.setdefault(obj.__tablename__, []).append(obj)
    if not pending:
        return
    conn = session.connection()
    for table in TABLES:  # always in the same order: no two writers wait on each other's heads
        objects = sorted(pending.get(table, ()), key=lambda o: inspect(o).insert_order)
        if not objects:
            continue
        rows = [{name: getattr(obj, name) for name in FIELDS[table]} for obj in objects]
        for row in rows:
            if row["at"] is None:  # the column's default, applied here so that it is hashed
                row["at"] = dt.datetime.now(dt.UTC)
        reserve(conn, table, rows)
        for row, obj in zip(rows, objects, strict=True):
            obj.id, obj.at, obj.hash = row["id"], row["at"], row["hash"]


def append_sqlite(con: sqlite3.Connection, table: str, values: Mapping[str, Any]) -> None:
    """One entry written with ``sqlite3`` straight into a file (``app.backup.record``), chained like
    ``reserve`` does; the caller's connection is in autocommit mode: one IMMEDIATE transaction here.
    A file whose schema predates the chain (no ``hash`` column) gets the plain entry."""
    columns = [r[1] for r in con.execute(f"PRAGMA table_info({table})")]
    names = [n for n in FIELDS[table] if n != "id" and n in values]
    if "hash" not in columns:
        con.execute(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    [_stored(n, values[n]) for n in names])
        return
    con.execute("BEGIN IMMEDIATE")
    try:
        con.execute("UPDATE log_heads SET count = count WHERE name = ?", (table,))
        head = con.execute("SELECT last_id, hash FROM log_heads WHERE name = ?", (table,)).fetchone()
        if head is None:
            last = con.execute(f"SELECT id, hash FROM {table} ORDER BY id DESC LIMIT 1").fetchone()
            count = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            head = (last[0], last[1] or GENESIS) if last else (0, GENESIS)
            con.execute("INSERT INTO log_heads (name, last_id, hash, count, verified_id, verified_hash) "
                        "VALUES (?, ?, ?, ?, 0, '')", (table, head[0], head[1], count))
        newest = con.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0
        row = {**values, "id": max(head[0], newest) + 1, "at": utc(values["at"])}
        row["hash"] = entry_hash(table, head[1], row)
        cols = ["id", *names, "hash"]
        con.execute(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [_stored(n, row[n]) for n in cols])
        con.execute("UPDATE log_heads SET last_id = ?, hash = ?, count = count + 1 WHERE name = ?",
                    (row["id"], row["hash"], table))
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _stored(name: str, value: Any) -> Any:
    """A value as SQLAlchemy stores it in SQLite (times: naive UTC text with microseconds; ids: hex)."""
    if value is None:
        return None
    if name == "at":
        return utc(value).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    if name in _UUIDS:
        return (value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))).hex
    return value


# --- the head the sync sends ----------------------------------------------------------------------

def head(conn: Connection | Session) -> dict[str, dict[str, Any]]:
    """The current head of each log — ``{"change_log": {"id", "hash", "count"}, "access_log": {…}}`` —
    for the sync to send: the city keeps it, and at the next sync compares it with ``hash_at`` of the
    same id (a unit whose history was rewritten after it was sent no longer has that hash there)."""
    rows = conn.execute(select(HEADS.c.name, HEADS.c.last_id, HEADS.c.hash, HEADS.c.count)).all()
    found = {r[0]: {"id": r[1], "hash": r[2], "count": r[3]} for r in rows}
    return {t: found.get(t, {"id": 0, "hash": GENESIS, "count": 0}) for t in TABLES}


def hash_at(conn: Connection | Session, table: str, entry_id: int) -> str | None:
    """The stored hash of entry ``entry_id`` of ``table`` (None: no such entry)."""
    model = MODELS[table]
    return conn.execute(select(model.hash).where(model.id == entry_id)).scalar()


# --- verifying ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Break:
    table: str
    id: int
    at: dt.datetime | None
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {"table": self.table, "id": self.id, "at": self.at.isoformat() if self.at else None}

    def describe(self) -> str:
        when = f" lúc {self.at.astimezone():%d/%m/%Y %H:%M:%S}" if self.at else ""
        return f"{TABLE_LABELS[self.table]}, mục số {self.id}{when}: {self.reason}"


@dataclass
class Report:
    entries: int = 0
    breaks: list[Break] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks

    @property
    def first_break(self) -> Break | None:
        if not self.breaks:
            return None
        far = dt.datetime.max.replace(tzinfo=dt.UTC)
        return min(self.breaks, key=lambda b: (b.at or far, b.table, b.id))

    def as_json(self) -> dict[str, Any]:
        first = self.first_break
        return {"ok": self.ok, "entries": self.entries, "first_break": first.as_json() if first else None}


def _at(value: Any) -> dt.datetime | None:
    return None if value is None else utc(value)


def _walk(conn: Connection, table: str, after_id: int, prev: str) -> tuple[int, Break | None, tuple[int, str] | None]:
    """Check the chain from the entry after ``after_id`` (whose predecessor's hash is ``prev``) to the
    end: (entries checked, the first break, the last entry (id, hash) seen)."""
    model = MODELS[table]
    columns = [getattr(model, name) for name in FIELDS[table]] + [model.hash]
    stmt = select(*columns).where(model.id > after_id).order_by(model.id)
    checked, last = 0, None
    if conn.dialect.name == "sqlite":  # 100,000 entries: ~1 s instead of ~5 s through the column types
        canonical = _raw_sqlite(table)
        result = conn.exec_driver_sql(f"SELECT {', '.join(FIELDS[table])}, hash FROM {table} WHERE id > ? "
                                      "ORDER BY id", (after_id,))
    else:
        canonical = None
        result = conn.execution_options(yield_per=5000).execute(stmt)
    try:
        while rows := result.fetchmany(5000):
            for row in rows:
                checked += 1
                entry_id, stored = row[0], row[-1]
                if canonical is not None:
                    good = stored is not None and _digest(table, prev, canonical(row)) == stored
                else:
                    good = stored is not None and entry_hash(table, prev, row._mapping) == stored
                if not good:
                    at = _at(conn.scalar(select(model.at).where(model.id == entry_id)))
                    if stored is None:
                        return checked, Break(table, entry_id, at, "mục không có mã băm (ghi ngoài HoSo)"), last
                    reason = ("mục bị sửa, hoặc các mục ngay trước nó bị xoá" if last is None or last[0] + 1 == entry_id
                              else f"các mục từ số {last[0] + 1} đến {entry_id - 1} bị xoá, hoặc mục này bị sửa")
                    return checked, Break(table, entry_id, at, reason), last
                prev, last = stored, (entry_id, stored)
    finally:
        result.close()
    return checked, None, last


def _head_row(conn: Connection, table: str) -> Any:
    return conn.execute(select(HEADS).where(HEADS.c.name == table)).first()


def _tail_break(conn: Connection, table: str, head_row: Any, last: tuple[int, str] | None) -> Break | None:
    """The newest entry must be the one the head remembers: else the tail was removed (or entries were
    added without moving the head)."""
    model = MODELS[table]
    last_id, last_hash = last if last else (0, GENESIS)
    if head_row is None:
        if last is None:
            return None
        at = conn.scalar(select(model.at).where(model.id == last_id))
        return Break(table, last_id, _at(at), "mất điểm đầu chuỗi (log_heads) của nhật ký")
    if (last_id, last_hash) == (head_row.last_id, head_row.hash):
        return None
    if last_id < head_row.last_id:
        at = conn.scalar(select(model.at).where(model.id == last_id)) if last else None
        return Break(table, last_id + 1, _at(at), f"các mục cuối (từ số {last_id + 1} đến {head_row.last_id}) bị xoá")
    at = conn.scalar(select(model.at).where(model.id == head_row.last_id + 1)) if head_row.last_id < last_id else None
    return Break(table, head_row.last_id + 1 if head_row.last_id < last_id else last_id, _at(at),
                 "mục được ghi thêm ngoài HoSo, hoặc điểm đầu chuỗi bị sửa")


def _count_break(conn: Connection, table: str, head_row: Any) -> Break | None:
    model = MODELS[table]
    count = conn.scalar(select(func.count()).select_from(model)) or 0
    if head_row is None or count == head_row.count:
        return None
    return Break(table, head_row.last_id, None, f"số mục ({count}) khác số mục đã ghi ({head_row.count}): có mục bị xoá")


def verify(conn: Connection | Session, tables: Iterable[str] = TABLES) -> Report:
    """The whole chain of each log, entry by entry, then its head and count (``audit verify``)."""
    if isinstance(conn, Session):
        conn = conn.connection()
    report = Report()
    for table in tables:
        head_row = _head_row(conn, table)
        checked, found, last = _walk(conn, table, 0, GENESIS)
        report.entries += checked
        found = found or _tail_break(conn, table, head_row, last) or _count_break(conn, table, head_row)
        if found:
            report.breaks.append(found)
    return report


SAMPLES = 64


def quick_check(conn: Connection | Session, *, remember: bool = True) -> Report:
    """The check at start, fast at any size: the head and the count of each log, the entries written
    since the point verified last time (remembered in ``log_heads``), and a random sample of older
    links. Any anomaly falls back to the whole walk to name the first break. With ``remember`` an
    intact chain moves the verified point to the head (in the caller's transaction)."""
    if isinstance(conn, Session):
        conn = conn.connection()
    report = Report()
    for table in TABLES:
        model = MODELS[table]
        head_row = _head_row(conn, table)
        last = conn.execute(select(model.id, model.hash).order_by(model.id.desc()).limit(1)).first()
        last = (last[0], last[1]) if last else None
        suspicious = _tail_break(conn, table, head_row, last) is not None or _count_break(conn, table, head_row) is not None
        start, prev = (head_row.verified_id, head_row.verified_hash) if head_row is not None else (0, GENESIS)
        if not suspicious and start and hash_at(conn, table, start) != prev:
            suspicious = True
        if not suspicious and start and _sample_break(conn, table, start):
            suspicious = True
        if suspicious:
            start, prev = 0, GENESIS
        elif start:  # the walk re-checks the verified entry's own link too
            before = conn.execute(select(model.id, model.hash).where(model.id < start)
                                  .order_by(model.id.desc()).limit(1)).first()
            start, prev = (before[0], before[1] or "") if before else (0, GENESIS)
        checked, found, seen = _walk(conn, table, start, prev)
        report.entries += checked
        found = found or _tail_break(conn, table, head_row, seen or last) or _count_break(conn, table, head_row)
        if found is None and suspicious:  # pragma: no cover - the walk names what the head showed
            found = Break(table, head_row.last_id if head_row else 0, None, "chuỗi không khớp")
        if found:
            report.breaks.append(found)
        elif remember and head_row is not None and last is not None and head_row.verified_id != last[0]:
            conn.execute(update(HEADS).where(HEADS.c.name == table)
                         .values(verified_id=last[0], verified_hash=last[1]))
    return report


def _sample_break(conn: Connection, table: str, upto: int) -> bool:
    """A few random links among the entries verified before (each: an entry and its predecessor)."""
    model = MODELS[table]
    columns = [getattr(model, name) for name in FIELDS[table]] + [model.hash]
    first = conn.scalar(select(func.min(model.id))) or 0
    if upto - first < 1:
        return False
    for _ in range(min(SAMPLES, upto - first)):
        start = random.randint(first, upto - 1)
        pair = conn.execute(select(*columns).where(model.id >= start).order_by(model.id).limit(2)).all()
        if len(pair) < 2:
            return True
        before, entry = pair[0]._mapping, pair[1]._mapping
        if entry["id"] > upto:
            continue
        if before["hash"] is None or entry_hash(table, before["hash"], entry) != entry["hash"]:
            return True
    return False


# --- the triggers ---------------------------------------------------------------------------------

APPEND_ONLY = ("change_log", "access_log", "review_events")


def trigger_sql(table: str, verb: str) -> str:
    """The append-only trigger of migration 0005 (SQLite)."""
    return (f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
            f"BEGIN SELECT RAISE(ABORT, 'nhật ký {table} chỉ được ghi thêm'); END")


def restore_triggers(conn: sqlite3.Connection | Connection) -> list[str]:
    """Put back the append-only triggers of the logs on a local SQLite database (dropped, or replaced
    by others of the same name, with ``sqlite3``) and drop any other trigger on the logs. Returns the
    names of the triggers restored or dropped (nothing written when all is in place)."""
    run = conn.exec_driver_sql if isinstance(conn, Connection) else conn.execute
    present = {name: sql for name, table, sql in run(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
        f"({', '.join(repr(t) for t in APPEND_ONLY)})").fetchall()}
    wanted = {f"{t}_no_{v.lower()}": trigger_sql(t, v) for t in APPEND_ONLY for v in ("UPDATE", "DELETE")}
    changed = []
    for name, sql in present.items():
        if wanted.get(name) != sql:
            run(f'DROP TRIGGER "{name}"')
            changed.append(name)
    for name, sql in wanted.items():
        if present.get(name) != sql:
            run(sql)
            if name not in changed:
                changed.append(name)
    return changed


def protect(conn: Connection) -> list[str]:
    """At every open of a local database: the append-only triggers back in place; when any had to be
    restored, that fact goes into the (chained) access log."""
    changed = restore_triggers(conn)
    if changed:
        import logging

        from app.db import current_user

        logging.getLogger(__name__).warning("append-only triggers restored: %s", ", ".join(changed))
        rows = [{"at": dt.datetime.now(dt.UTC), "by": current_user()[:80], "action": "integrity", "person_id": None,
                 "detail": "HoSo đặt lại trigger chỉ-ghi-thêm của nhật ký bị gỡ hoặc thay ngoài HoSo: "
                           + ", ".join(changed)}]
        reserve(conn, "access_log", rows)
        conn.execute(insert(AccessLog.__table__), rows)
    return changed


def private_database(path: Any) -> None:
    """A local database and its -wal/-shm readable by the owner only (POSIX; Windows: the per-user
    data folder's ACL). SQLite gives a new -wal/-shm the database file's mode."""
    import os
    from pathlib import Path

    if os.name != "posix":
        return
    path = Path(path)
    for side in ("", "-wal", "-shm", "-journal"):
        target = path.with_name(path.name + side)
        try:
            if target.stat().st_mode & 0o077:
                os.chmod(target, 0o600)
        except OSError:  # missing, or a file of another owner: left as it is
            pass


# --- for the interfaces -----------------------------------------------------------------------------

def verify_database(db: Any, principal: Any) -> Report:
    """``audit verify``: the whole chain of both logs (administrators: the audit permission)."""
    from app.security.permissions import require

    require(principal, "view_audit")
    with db.session() as s:
        return verify(s)


WARNING = ("Cảnh báo an toàn dữ liệu: lịch sử của cơ sở dữ liệu này đã bị thay đổi ngoài HoSo ({where}). "
           "Nhật ký có thể đã bị xoá hoặc sửa bằng công cụ khác. Hãy kiểm tra bằng lệnh "
           "`hoso audit verify`, đối chiếu với bản sao lưu và báo cho người phụ trách an toàn thông tin.")
TRIGGERS_WARNING = ("Cảnh báo an toàn dữ liệu: lớp bảo vệ chỉ-ghi-thêm của nhật ký đã bị gỡ ngoài HoSo "
                    "(HoSo vừa đặt lại: {names}). Hãy kiểm tra lịch sử bằng lệnh `hoso audit verify`.")


def startup_warning(db: Any, principal: Any = None) -> str | None:
    """The check at start on a local database (``quick_check``) and the text that warns the
    administrator (None: nothing to say, or a user who is not the administrator — the warning stays
    until the administrator sees it, since a broken chain stays broken). The city database (PostgreSQL)
    is not checked here: its units may not read its logs."""
    import logging

    from sqlalchemy.exc import DBAPIError

    if not db.is_sqlite:
        return None
    try:
        with db.session(write=True) as s:
            before = {r.name: r.verified_id for r in s.execute(select(HEADS.c.name, HEADS.c.verified_id))}
            report = quick_check(s, remember=True)
            restored = s.execute(select(AccessLog.detail).where(
                AccessLog.action == "integrity", AccessLog.id > before.get("access_log", 0))).scalars().all()
    except DBAPIError as exc:  # a read-only file: checked without remembering the point
        logging.getLogger(__name__).warning("chain check without remembering: %s", exc.orig)
        with db.session() as s:
            report, restored = quick_check(s, remember=False), []
    if not report.ok:
        logging.getLogger(__name__).warning("log chain broken: %s %s", report.first_break.table, report.first_break.id)
    if principal is not None and principal.role != "admin":
        return None
    texts = []
    if not report.ok:
        texts.append(WARNING.format(where=report.first_break.describe()))
    if restored:
        texts.append(TRIGGERS_WARNING.format(names=", ".join(d.rsplit(": ", 1)[-1] for d in restored if d)))
    return "\n\n".join(texts) or None
