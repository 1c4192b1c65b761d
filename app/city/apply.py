"""Write dossier documents (the Person JSON of ``app.person_json``) into a database, in bulk.

Used by the sync (``app.city.sync``, into the city PostgreSQL) and by package import (into the
city PostgreSQL or a SQLite file). Each document is the whole dossier: the person's row keeps the
sender's ``id``, ``version`` and ``updated_at`` verbatim, so the token ``(version, updated_at)`` at
the target equals the sender's and a second delivery of the same document is ``unchanged``. Section
rows, attachments and placements missing from a document are removed at the target. A tombstone
(``{"id","cccd","deleted_at","version","updated_at"}``) marks the person deleted.

Conflicts. ``bases[id]`` is the token the sender last confirmed at this target. When the target's
token differs from both the base and the document's own token, the record was changed at the target
meanwhile: it is not overwritten and is reported. Without a base (packages, a first sync): the same
token is ``unchanged``, a target with a higher version is a conflict, anything else is written.

Writes are SQLAlchemy Core statements of the target's dialect (``INSERT … ON CONFLICT DO UPDATE``
on PostgreSQL and SQLite); they bypass the ORM flush hook, so the sender's change-log entries are
appended instead (``log``). A batch that the database refuses (a CCCD held by another record, a row
outside the connected role's units) is retried person by person in savepoints, so one bad record
is rejected without losing the others.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Integer,
    Numeric,
    Table,
    Uuid,
    delete,
    select,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.fields import PERSON_FIELDS, SECTION_FIELDS
from app.text import fold, name_sort_key
from models import SECTION_CLASSES, Attachment, ChangeLog, Person, Placement, Unit
from models.base import utcnow

logger = logging.getLogger(__name__)

Token = tuple[int, str]
CHUNK = 500
PERSONS: Table = Person.__table__  # type: ignore[assignment]
ATTACHMENTS: Table = Attachment.__table__  # type: ignore[assignment]
PLACEMENTS: Table = Placement.__table__  # type: ignore[assignment]
SECTION_TABLES: dict[str, Table] = {name: cls.__table__ for name, cls in SECTION_CLASSES.items()}  # type: ignore[misc]
PERSON_COLUMNS = tuple(spec.name for spec in PERSON_FIELDS)
ATTACHMENT_FIELDS = ("kind", "file_name", "mime_type", "sha256", "size", "doc_date", "description")
PLACEMENT_FIELDS = ("start_date", "end_date", "decision", "note")


@dataclass
class ApplyResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    # ids now holding the document's token at the target (written or already equal): the sync
    # records these as confirmed
    confirmed: dict[str, Token] = field(default_factory=dict)
    handed_over: list[str] = field(default_factory=list)
    written: set[str] = field(default_factory=set)  # inserted, updated or deleted here

    @property
    def conflicts(self) -> int:
        return sum(1 for p in self.problems if p["kind"] == "conflict")

    def add(self, other: ApplyResult) -> None:
        for name in ("inserted", "updated", "unchanged", "deleted", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.problems.extend(other.problems)
        self.confirmed.update(other.confirmed)
        self.handed_over.extend(other.handed_over)
        self.written |= other.written


# --- tokens and values ----------------------------------------------------------------------------

def as_datetime(value: Any) -> dt.datetime | None:
    """An aware UTC datetime from a datetime or ISO text (SQLite gives naive UTC values)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def token(version: Any, updated_at: Any) -> Token:
    """The comparable token of a record: its version and its last write time (UTC, microseconds)."""
    when = as_datetime(updated_at)
    return int(version or 0), when.isoformat(timespec="microseconds") if when else ""


def document_token(document: Mapping[str, Any]) -> Token:
    return token(document.get("version"), document.get("updated_at"))


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _converter(column: Column) -> Callable[[Any], Any] | None:
    """How a JSON value becomes the column's Python value (None: as it is)."""
    kind = column.type
    if isinstance(kind, DateTime):
        return as_datetime
    if isinstance(kind, Date):
        return _as_date
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, Numeric):
        return lambda value: Decimal(str(value))
    if isinstance(kind, Integer):
        return int
    if isinstance(kind, Uuid):
        return _as_uuid
    return None


_CONVERTERS: dict[str, dict[str, Callable[[Any], Any] | None]] = {}


def _values(table: Table, source: Mapping[str, Any], names: Iterable[str]) -> dict[str, Any]:
    converters = _CONVERTERS.get(table.name)
    if converters is None:
        converters = _CONVERTERS[table.name] = {c.name: _converter(c) for c in table.columns}
    out = {}
    for name in names:
        value = source.get(name)
        convert = converters[name]
        out[name] = convert(value) if convert is not None and value is not None else value
    return out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _insert(conn: Connection, table: Table) -> Any:
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)


def _upsert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]], *, keep: tuple[str, ...] = ()) -> None:
    """INSERT … ON CONFLICT (id) DO UPDATE every given column except ``keep`` (kept at the target)."""
    if not rows:
        return
    stmt = _insert(conn, table)
    names = [n for n in rows[0] if n != "id" and n not in keep]
    conn.execute(stmt.on_conflict_do_update(index_elements=["id"], set_={n: stmt.excluded[n] for n in names}),
                 list(rows))


# --- the plan: what happens to each document -----------------------------------------------------

@dataclass
class _Target:
    """What the target holds for one chunk of documents (read before anything is written)."""

    tokens: dict[str, Token]
    units: dict[str, uuid.UUID]  # city units by code
    current_unit: dict[str, uuid.UUID | None]
    cccd_owner: dict[str, str]
    hashes: set[str]  # attachment contents the target already has
    attachment_hash: dict[str, str]  # attachment id → its hash at the target


def _read_target(conn: Connection, docs: Sequence[Mapping[str, Any]], units: dict[str, uuid.UUID]) -> _Target:
    ids = [uuid.UUID(d["id"]) for d in docs]
    rows = conn.execute(select(PERSONS.c.id, PERSONS.c.version, PERSONS.c.updated_at, PERSONS.c.unit_id,
                               PERSONS.c.deleted_at).where(PERSONS.c.id.in_(ids))).all()
    cccds = [d["cccd"] for d in docs if d.get("cccd")]
    owners = conn.execute(select(PERSONS.c.cccd, PERSONS.c.id).where(PERSONS.c.cccd.in_(cccds))).all()
    hashes = {h for d in docs for h in (a.get("sha256") for a in d.get("attachments") or ()) if h}
    have = set(conn.scalars(select(ATTACHMENTS.c.sha256).where(ATTACHMENTS.c.sha256.in_(hashes)).distinct())) \
        if hashes else set()
    att_ids = [uuid.UUID(a["id"]) for d in docs for a in d.get("attachments") or ()]
    att = conn.execute(select(ATTACHMENTS.c.id, ATTACHMENTS.c.sha256).where(ATTACHMENTS.c.id.in_(att_ids))).all() \
        if att_ids else []
    return _Target(tokens={str(r.id): token(r.version, r.updated_at) for r in rows}, units=units,
                   current_unit={str(r.id): r.unit_id for r in rows},
                   cccd_owner={r.cccd: str(r.id) for r in owners}, hashes=have,
                   attachment_hash={str(r.id): r.sha256 for r in att})


def _problem(doc: Mapping[str, Any], kind: str, message: str) -> dict[str, Any]:
    return {"id": str(doc.get("id")), "cccd": doc.get("cccd"), "full_name": doc.get("full_name"),
            "kind": kind, "message": message}


def _conflict(doc: Mapping[str, Any], target: Token | None, base: Token | None) -> bool:
    mine = document_token(doc)
    if target is None or target == mine:
        return False
    if base is not None:
        return target != base
    return target[0] > mine[0]


def _refusal(doc: Mapping[str, Any], t: _Target, writable: set[uuid.UUID] | None,
             blobs: Callable[[str], bytes | None] | None) -> str | None:
    """Why a live document cannot be written (Vietnamese), or None."""
    if "deleted_at" in doc and "full_name" not in doc:
        return None
    owner = t.cccd_owner.get(doc.get("cccd") or "")
    if owner is not None and owner != doc["id"]:
        return f"Số CCCD {doc.get('cccd')} đã thuộc một hồ sơ khác ở cơ sở dữ liệu đích"
    codes = [doc.get("unit_code")] + [p.get("unit_code") for p in doc.get("placements") or ()]
    for code in codes:
        if code and code not in t.units:
            return (f"Đơn vị mã '{code}' chưa có ở cơ sở dữ liệu đích; quản trị viên cần thêm đơn vị này "
                    "trước khi gửi hồ sơ")
    unit = t.units.get(doc.get("unit_code") or "")
    if writable is not None and doc["id"] not in t.tokens and unit not in writable:
        return f"Không có quyền ghi hồ sơ vào đơn vị '{doc.get('unit_code')}' ở cơ sở dữ liệu đích"
    for a in doc.get("attachments") or ():
        if a.get("sha256") not in t.hashes and t.attachment_hash.get(a["id"]) != a.get("sha256") \
                and (blobs is None or blobs(a["sha256"]) is None):
            return f"Thiếu nội dung tệp đính kèm '{a.get('file_name')}'"
    return None


# --- writing ---------------------------------------------------------------------------------------

def _person_row(doc: Mapping[str, Any], unit_id: uuid.UUID | None, now: dt.datetime) -> dict[str, Any]:
    row = _values(PERSONS, doc, PERSON_COLUMNS)
    row.update(id=uuid.UUID(doc["id"]), unit_id=unit_id, name_fold=fold(doc.get("full_name")),
               sort_key=name_sort_key(doc.get("full_name")), review_state="approved",
               version=int(doc["version"]), updated_at=as_datetime(doc["updated_at"]), deleted_at=None,
               created_at=now)
    return row


class _Writer:
    def __init__(self, conn: Connection, t: _Target, blobs: Callable[[str], bytes | None] | None):
        self.conn, self.t, self.blobs = conn, t, blobs
        self.now = utcnow()

    def write(self, docs: Sequence[Mapping[str, Any]], unit_of: Mapping[str, uuid.UUID | None]) -> None:
        """Every live document of ``docs`` (persons first, then their rows)."""
        if not docs:
            return
        _upsert(self.conn, PERSONS, [_person_row(d, unit_of[d["id"]], self.now) for d in docs], keep=("created_at",))
        person_ids = [uuid.UUID(d["id"]) for d in docs]
        for name, table in SECTION_TABLES.items():
            fields = [spec.name for spec in SECTION_FIELDS[name]]
            rows = [{**_values(table, r, fields), "id": uuid.UUID(r["id"]), "person_id": uuid.UUID(d["id"]),
                     "seq": i, "version": int(d["version"]), "updated_at": as_datetime(d["updated_at"]),
                     "deleted_at": None}
                    for d in docs for i, r in enumerate(d.get(name) or ())]
            self._replace(table, person_ids, rows)
        self._placements(docs, person_ids)
        self._attachments(docs, person_ids)

    def _replace(self, table: Table, person_ids: list[uuid.UUID], rows: list[dict[str, Any]],
                 keep: tuple[str, ...] = ()) -> None:
        self._remove_others(table, person_ids, rows)
        _upsert(self.conn, table, rows, keep=keep)

    def _remove_others(self, table: Table, person_ids: list[uuid.UUID], rows: list[dict[str, Any]]) -> None:
        """Delete the rows of these persons that the documents no longer have (only persons the
        target had before: a new person has no rows there)."""
        known = [p for p in person_ids if str(p) in self.t.tokens]
        if not known:
            return
        wanted = set(known)
        keep_ids = [r["id"] for r in rows if r["person_id"] in wanted]
        stmt = delete(table).where(table.c.person_id.in_(known))
        self.conn.execute(stmt.where(table.c.id.not_in(keep_ids)) if keep_ids else stmt)

    def _placements(self, docs: Sequence[Mapping[str, Any]], person_ids: list[uuid.UUID]) -> None:
        rows = []
        for d in docs:
            for p in d.get("placements") or ():
                pid = p.get("id") or str(uuid.uuid5(uuid.UUID(d["id"]), f"{p.get('unit_code')}|{p.get('start_date')}"))
                rows.append({**_values(PLACEMENTS, p, PLACEMENT_FIELDS), "id": uuid.UUID(pid),
                             "person_id": uuid.UUID(d["id"]), "unit_id": self.t.units[p["unit_code"]],
                             "version": int(d["version"]), "updated_at": as_datetime(d["updated_at"]),
                             "deleted_at": None})
        self._replace(PLACEMENTS, person_ids, rows)

    def _attachments(self, docs: Sequence[Mapping[str, Any]], person_ids: list[uuid.UUID]) -> None:
        same, fresh = [], []
        for d in docs:
            for i, a in enumerate(d.get("attachments") or ()):
                row = {**_values(ATTACHMENTS, a, ATTACHMENT_FIELDS), "id": uuid.UUID(a["id"]),
                       "person_id": uuid.UUID(d["id"]), "seq": i, "version": int(d["version"]),
                       "updated_at": as_datetime(d["updated_at"]), "deleted_at": None, "added_at": self.now}
                (same if self.t.attachment_hash.get(a["id"]) == a["sha256"] else fresh).append(row)
        for row in fresh:
            row["content"] = self._content(row["sha256"])
        self._remove_others(ATTACHMENTS, person_ids, same + fresh)
        _upsert(self.conn, ATTACHMENTS, same, keep=("added_at",))
        _upsert(self.conn, ATTACHMENTS, fresh, keep=("added_at",))

    def _content(self, sha256: str) -> bytes:
        if sha256 in self.t.hashes:
            found = self.conn.scalar(select(ATTACHMENTS.c.content).where(ATTACHMENTS.c.sha256 == sha256).limit(1))
            if found is not None:
                return found
        data = self.blobs(sha256) if self.blobs else None
        if data is None:  # _refusal checked it; a blob source that changed its mind
            raise LookupError(sha256)
        self.t.hashes.add(sha256)
        return data

    def tombstones(self, docs: Sequence[Mapping[str, Any]]) -> None:
        for d in docs:
            self.conn.execute(PERSONS.update().where(PERSONS.c.id == uuid.UUID(d["id"])).values(
                deleted_at=as_datetime(d.get("deleted_at")) or self.now, version=int(d["version"]),
                updated_at=as_datetime(d["updated_at"])))


def _append_log(conn: Connection, entries: Iterable[Mapping[str, Any]], person_ids: set[str]) -> None:
    table: Table = ChangeLog.__table__  # type: ignore[assignment]
    names = ("at", "by", "action", "entity", "record_id", "person_id", "field", "old", "new")
    rows = [_values(table, e, names) for e in entries if str(e.get("person_id")) in person_ids]
    for batch in _chunks(rows, 2000):
        conn.execute(table.insert(), batch)


# --- the entry point -------------------------------------------------------------------------------

def apply_documents(session: Session, documents: Iterable[dict], *, bases: Mapping[str, Token] | None = None,
                    blobs: Callable[[str], bytes | None] | None = None,
                    log: Iterable[Mapping[str, Any]] | None = None) -> ApplyResult:
    """Write ``documents`` into the database of ``session`` (the caller commits). See the module
    docstring. ``log``: the sender's change-log entries, appended for the persons written.

    The connection must be free to write every record (the Department at the city, or a SQLite
    file): package import checks beforehand that each record is the signer's to write
    (app.package.verify). A unit's login at the city uses the function API instead (app.city.api)."""
    conn = session.connection()
    writable = None
    units = {code: uid for uid, code in conn.execute(select(Unit.id, Unit.code))}
    result = ApplyResult()
    for chunk in _chunks(documents, CHUNK):
        result.add(_apply_chunk(conn, chunk, bases or {}, _memo(blobs), units, writable))
    if log is not None and result.written:
        _append_log(conn, log, result.written)
    return result


def _memo(blobs: Callable[[str], bytes | None] | None) -> Callable[[str], bytes | None] | None:
    """Each content asked of the sender at most once per chunk (checked, then written)."""
    if blobs is None:
        return None
    seen: dict[str, bytes | None] = {}

    def fetch(sha256: str) -> bytes | None:
        if sha256 not in seen:
            seen[sha256] = blobs(sha256)
        return seen[sha256]
    return fetch


def _apply_chunk(conn: Connection, docs: list[dict], bases: Mapping[str, Token],
                 blobs: Callable[[str], bytes | None] | None, units: dict[str, uuid.UUID],
                 writable: set[uuid.UUID] | None) -> ApplyResult:
    t = _read_target(conn, docs, units)
    result = ApplyResult()
    live, dead = [], []
    for doc in docs:
        key = doc["id"]
        current = t.tokens.get(key)
        is_tombstone = "full_name" not in doc
        if current == document_token(doc) or (is_tombstone and current is None):
            result.unchanged += 1
            result.confirmed[key] = document_token(doc)
        elif _conflict(doc, current, bases.get(key)):
            result.problems.append(_problem(doc, "conflict", "Hồ sơ đã được sửa ở cơ sở dữ liệu đích sau lần gửi "
                                                             "trước; không ghi đè, cần đối chiếu"))
        elif (reason := _refusal(doc, t, writable, blobs)) is not None:
            result.rejected += 1
            problem = _problem(doc, "rejected", reason)
            holder = t.cccd_owner.get(doc.get("cccd") or "")
            if not is_tombstone and holder is not None and holder != key:  # the CCCD check comes first
                problem["collision"] = {"kind": "cccd", "holder": holder, "unit_code": doc.get("unit_code")}
            result.problems.append(problem)
        else:
            (dead if is_tombstone else live).append(doc)
    _write_all(conn, t, live, dead, blobs, writable, result)
    return result


def _write_all(conn: Connection, t: _Target, live: list[dict], dead: list[dict],
               blobs: Callable[[str], bytes | None] | None, writable: set[uuid.UUID] | None,
               result: ApplyResult) -> None:
    """Write the batch in one savepoint; if the database refuses it, person by person."""
    try:
        with conn.begin_nested():
            _write(conn, t, live, dead, blobs, writable, result)
        return
    except (DBAPIError, LookupError) as exc:
        if len(live) + len(dead) == 1:
            _reject(live + dead, exc, result)
            return
        logger.info("batch refused (%s); retrying person by person", exc)
    for doc in live + dead:
        one = ApplyResult()
        try:
            with conn.begin_nested():
                _write(conn, t, [doc] if doc in live else [], [doc] if doc in dead else [], blobs, writable, one)
        except (DBAPIError, LookupError) as exc:
            _reject([doc], exc, result)
            continue
        result.add(one)


def _reject(docs: list[dict], exc: Exception, result: ApplyResult) -> None:
    detail = getattr(exc, "orig", exc)
    for doc in docs:
        result.rejected += 1
        result.problems.append(_problem(doc, "rejected", f"Cơ sở dữ liệu đích từ chối ghi hồ sơ: {detail}".strip()))


def _write(conn: Connection, t: _Target, live: list[dict], dead: list[dict],
           blobs: Callable[[str], bytes | None] | None, writable: set[uuid.UUID] | None,
           result: ApplyResult) -> None:
    writer = _Writer(conn, t, blobs)
    unit_of: dict[str, uuid.UUID | None] = {}
    for d in live:
        unit_of[d["id"]] = t.units.get(d.get("unit_code") or "")
    writer.write(live, unit_of)
    writer.tombstones(dead)
    for d in live:
        if d["id"] in t.tokens:
            result.updated += 1
        else:
            result.inserted += 1
        result.confirmed[d["id"]] = document_token(d)
        result.written.add(d["id"])
    for d in dead:
        result.deleted += 1
        result.confirmed[d["id"]] = document_token(d)
        result.written.add(d["id"])
