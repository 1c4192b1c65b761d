"""``sync --to URL``: push this unit's approved dossiers to the city database (docs/sync.md).

Bookkeeping lives in the local database: a ``SyncTarget`` per city URL (kept without its password),
a ``SyncRecord`` per person holding the token ``(version, updated_at)`` last confirmed at that
target, and a ``SyncRun`` per run (the sync log).

What is sent: every person whose outgoing version (``app.publish``) differs from the version
confirmed at the target — one indexed query, so a dossier refused or in conflict last time is tried
again, and nothing depends on a run having finished. Each batch is one transaction at the city;
after it commits, the confirmed tokens are recorded locally. A crash between the two makes the next
run send the batch again, and the city answers ``unchanged`` (its token already equals the
document's), so nothing is lost or doubled.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import psycopg
from sqlalchemy import Engine, and_, create_engine, delete, func, or_, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.city import api, dirty
from app.city.api import prepare
from app.city.api_sql import API_VERSION
from app.city.apply import ApplyResult, Token, as_datetime, token
from app.city.documents import WireRows, chunks, wire_documents, wire_rows
from app.db import Database, head_revision
from app.errors import UserError
from app.publish import APPROVED, outgoing_documents
from models import (
    ApprovedSnapshot,
    Attachment,
    ChangeLog,
    Person,
    Placement,
    SyncDirty,
    SyncRecord,
    SyncRun,
    SyncTarget,
    Unit,
)
from models.base import utcnow

logger = logging.getLogger(__name__)
LOG_FIELDS = ("at", "by", "action", "entity", "record_id", "person_id", "field", "old", "new")


@dataclass
class SyncSummary:
    sent: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0
    conflicts: int = 0
    pending: int = 0
    overdue: list[dict[str, Any]] = field(default_factory=list)
    run_id: int | None = None
    status: str = "done"
    problems: list[dict[str, Any]] = field(default_factory=list)
    handed_over: int = 0
    missing_units: list[str] = field(default_factory=list)  # unit codes the city lacks (said once, up front)
    pending_changes: list[dict[str, Any]] = field(default_factory=list)  # each with its deadline and basis

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def add(self, result: ApplyResult, sent: int) -> None:
        self.sent += sent
        for name in ("inserted", "updated", "unchanged", "deleted", "rejected"):
            setattr(self, name, getattr(self, name) + getattr(result, name))
        self.conflicts += result.conflicts
        self.problems.extend(result.problems)
        self.handed_over += len(result.handed_over)


def url_key(url: str) -> str:
    """The target's name in the bookkeeping: the URL without its password."""
    try:
        parsed = make_url(url)._replace(password=None)
        if parsed.drivername == "postgresql":  # one key whichever way the driver is spelled
            parsed = parsed._replace(drivername="postgresql+psycopg")
        return parsed.render_as_string(hide_password=False)
    except Exception as exc:  # noqa: BLE001 - any malformed URL
        raise UserError(f"Địa chỉ cơ sở dữ liệu thành phố không hợp lệ: {url}") from exc


def host_of(url: str) -> str:
    parsed = make_url(url)
    return f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}"


def connect(target_url: str) -> Engine:
    """An engine on the city database, checked through the function API (``hoso_api.info``):
    reachable, prepared by ``city init``, HoSo schema of this version. Nothing else is read: a
    unit's login role holds no privilege on any table there, and the sync never migrates."""
    return connect_city(target_url)[0]


def connect_city(target_url: str) -> tuple[Engine, dict[str, Any]]:
    """``connect`` and what ``hoso_api.info()`` answered (role, units, schema version)."""
    if not target_url.startswith("postgresql"):
        raise UserError(f"Đồng bộ chỉ tới cơ sở dữ liệu PostgreSQL của thành phố (postgresql+psycopg://…), "
                        f"không phải {url_key(target_url)}")
    url = target_url.replace("postgresql://", "postgresql+psycopg://", 1)
    # A new server connection per batch: PostgreSQL caches the plan of each statement per
    # connection, and a plan made while the city's tables were nearly empty (a sequential scan)
    # would be kept for the whole run, making every later row cost the size of the table.
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            about = api.info(conn)
    except OperationalError as exc:
        engine.dispose()
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise UserError(f"Không kết nối được cơ sở dữ liệu thành phố tại {host_of(url)}: {reason}") from None
    except DBAPIError as exc:
        engine.dispose()
        raise UserError(f"Cơ sở dữ liệu tại {host_of(url)} chưa được chuẩn bị làm cơ sở dữ liệu thành phố của "
                        "phiên bản HoSo này (quản trị viên chạy 'city init'): "
                        f"{str(exc.orig).strip().splitlines()[0]}") from None
    if about.get("api") != API_VERSION:
        engine.dispose()
        raise UserError(f"Cơ sở dữ liệu thành phố tại {host_of(url)} chưa được chuẩn bị cho phiên bản HoSo này "
                        f"(giao diện hàm {about.get('api')}, cần {API_VERSION}): quản trị viên chạy lại 'city init'.")
    revision = about.get("schema_version")
    if revision != head_revision():
        engine.dispose()
        raise UserError(f"Cơ sở dữ liệu thành phố tại {host_of(url)} ở phiên bản {revision}, HoSo này cần "
                        f"{head_revision()}; cần nâng cấp cùng phiên bản trước khi đồng bộ.")
    return engine, about


# --- what is pending --------------------------------------------------------------------------------

def target_for(session: Session, url: str | None, *, create: bool = False) -> SyncTarget | None:
    """The target of ``url`` (None: the one synced last)."""
    if url is None:
        return session.scalars(select(SyncTarget).order_by(SyncTarget.last_sync_at.desc().nulls_last(),
                                                           SyncTarget.id.desc()).limit(1)).first()
    key = url_key(url)
    target = session.scalars(select(SyncTarget).where(SyncTarget.url_key == key)).one_or_none()
    if target is None and create:
        target = SyncTarget(url_key=key, last_change_id=0)
        session.add(target)
        session.flush()
    return target


def pending_query(target_id: int | None, *, marked_only: bool = True) -> Any:
    """Persons whose outgoing version is not the one confirmed at the target: approved or deleted
    persons by their own version, persons awaiting approval by their last approved snapshot. At a
    target, only the persons marked in ``sync_dirty`` are read (``app.city.dirty``: an unmarked
    person is pending nowhere), so the cost follows the changes, not the number of persons;
    ``marked_only=False`` reads every person (the same answer: what the tests compare with)."""
    record = and_(SyncRecord.target_id == (target_id if target_id is not None else -1),
                  SyncRecord.record_id == Person.id)
    unconfirmed_own = or_(SyncRecord.version.is_(None), SyncRecord.version != Person.version)
    snapshot_unconfirmed = or_(SyncRecord.version.is_(None), SyncRecord.version != ApprovedSnapshot.version)
    own = and_(Person.review_state == APPROVED, unconfirmed_own,
               or_(Person.deleted_at.is_(None), SyncRecord.version.is_not(None)))
    # awaiting approval (a deletion too): the last approved version, if there is one
    waiting = and_(Person.review_state != APPROVED, ApprovedSnapshot.person_id.is_not(None), snapshot_unconfirmed)
    query = select(Person.id)
    if target_id is not None and marked_only:
        query = query.select_from(SyncDirty).join(Person, Person.id == SyncDirty.person_id)
    return (query.outerjoin(SyncRecord, record)
            .outerjoin(ApprovedSnapshot, ApprovedSnapshot.person_id == Person.id)
            .where(or_(own, waiting)))


def pending_ids(session: Session, target_id: int | None) -> list[uuid.UUID]:
    return list(session.scalars(pending_query(target_id)))


def settle(session: Session) -> int:
    """Unmark the persons pending at no target (and marks of rows that are no persons): app.city.dirty; how many."""
    marked = set(session.scalars(select(SyncDirty.person_id)))
    if not marked:
        return 0
    keep: set[uuid.UUID] = set()
    for target_id in session.scalars(select(SyncTarget.id)).all():
        keep.update(session.scalars(pending_query(target_id, marked_only=True)))
    gone = sorted(marked - keep)
    for start in range(0, len(gone), 500):
        session.execute(delete(SyncDirty).where(SyncDirty.person_id.in_(gone[start:start + 500])))
    bind = session.connection()
    if gone and bind.dialect.name == "sqlite" and bind.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None:
        # statistics taken while many were marked would make the planner read every person and
        # look each up here: refresh this table's (a read of the few marks left)
        bind.exec_driver_sql(f"ANALYZE {dirty.TABLE}")
    return len(gone)


# --- one run ----------------------------------------------------------------------------------------

def sync(db: Database, target_url: str, *, batch_size: int = 200, progress: Callable[[int, int], None] | None = None,
         cancel: Callable[[], bool] | None = None, user: str | None = None) -> SyncSummary:
    """Push every pending dossier to ``target_url`` (see the module docstring)."""
    engine, _about = connect_city(target_url)
    try:
        return _Run(db, engine, target_url, batch_size, user).run(progress, cancel)
    finally:
        engine.dispose()


@dataclass
class _Flight:
    """A batch on its way: its own city connection and the push awaiting its answer."""

    raw: Any
    push: api.InFlight
    number: int
    sent: int
    last: bool = False

    def close(self) -> None:
        self.raw.close()


# a batch ready to leave: its documents and their push arguments already encoded
_Prepared = tuple[list[dict[str, Any]], api.Encoded]


def send_push(pg: Any, docs: list[dict[str, Any]], **kw: Any) -> api.InFlight:
    """Send one batch (app.city.api.InFlight); the seam the crash tests stop at."""
    return api.InFlight(pg, docs, **kw)


class _Run:
    def __init__(self, db: Database, engine: Engine, url: str, batch_size: int, user: str | None):
        self.db, self.engine, self.url, self.user = db, engine, url, user
        self.batch_size = max(1, batch_size)
        self.summary = SyncSummary()

    def run(self, progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None) -> SyncSummary:
        with self.db.session(self.user, write=True) as s:  # reads, then writes the run
            target = target_for(s, self.url, create=True)
            assert target is not None
            self.target_id, self.since = target.id, target.last_change_id
            self.upto = s.scalar(select(func.max(ChangeLog.id))) or 0
            ids = pending_ids(s, target.id)
            unit_codes = _unit_codes(s, ids)
            run = SyncRun(target_id=target.id, by=s.info["user"], status="running")
            s.add(run)
            s.flush()
            self.summary.run_id = run.id
        status, message = "done", None
        flight: _Flight | None = None
        try:
            ids = self._hold_back_missing_units(ids, unit_codes)
            for number, batch in enumerate(chunks(ids, self.batch_size), start=1):
                if cancel is not None and cancel():
                    status = "cancelled"  # the batch already sent is still landed (below)
                    break
                prepared = self._prepare(batch)  # while the city writes the previous batch
                landed = None
                if flight is not None:
                    landing, flight = flight, None
                    landed = self._take(landing)  # answered and committed at the city
                try:
                    flight = self._send(prepared, number)  # the city writes this batch…
                finally:
                    if landed is not None:  # …while the previous one is recorded here
                        self._book(landed, progress, len(ids))
            if flight is not None:
                landing, flight = flight, None
                landing.last = True
                self._land(landing, progress, len(ids))
        except (OperationalError, DBAPIError, psycopg.Error) as exc:
            status, message = "failed", f"Mất kết nối tới cơ sở dữ liệu thành phố tại {host_of(self.url)}: " \
                                        f"{str(getattr(exc, 'orig', None) or exc).strip().splitlines()[0]}"
        except UserError as exc:
            status, message = "failed", str(exc)
        finally:
            if flight is not None:  # never committed: the city rolls the batch back
                flight.close()
        self._finish(status, message)
        if message is not None:
            raise UserError(message + " — phần đã gửi được giữ nguyên; chạy lại để gửi tiếp.")
        return self.summary

    def _prepare(self, batch: Sequence[uuid.UUID]) -> _Prepared:
        """The batch's documents, their last confirmed tokens and their history (local reads
        only), and all of it encoded for the wire (``api.encode``)."""
        with self.db.session(self.user) as s:
            docs, rows = _outgoing(s, batch)
            records = s.scalars(select(SyncRecord).where(SyncRecord.target_id == self.target_id,
                                                         SyncRecord.record_id.in_(batch)))
            bases = {str(r.record_id): token(r.version, r.updated_at) for r in records}
            log = [{name: getattr(c, name) for name in LOG_FIELDS} for c in s.scalars(
                select(ChangeLog).where(ChangeLog.person_id.in_(batch), ChangeLog.id > self.since,
                                        ChangeLog.id <= self.upto).order_by(ChangeLog.id))]
        return docs, api.encode(docs, bases, _approved_entries(log, docs), rows, rows.row_ids)

    def _send(self, prepared: _Prepared, number: int) -> _Flight:
        """Open a connection (a fresh one per batch: see ``connect_city``), begin, send the push."""
        docs, encoded = prepared
        raw = self.engine.raw_connection()
        try:
            push = send_push(raw.driver_connection, docs, blobs=self._blob, encoded=encoded)
        except BaseException:
            raw.close()
            raise
        return _Flight(raw, push, number, len(docs))

    def _land(self, flight: _Flight, progress: Callable[[int, int], None] | None, total: int) -> None:
        """Commit the batch at the city, read its answer, then record the confirmed tokens here."""
        self._book(self._take(flight), progress, total)

    def _take(self, flight: _Flight) -> tuple[_Flight, ApplyResult]:
        """Commit the batch at the city and read its answer (``_book`` records it here)."""
        try:
            flight.push.wait()
            result = flight.push.commit()  # the answer comes only once the batch is committed
            if flight.number in ANALYZE_AFTER or (flight.last and self.summary.sent + flight.sent >= ANALYZE_AT_END):
                flight.push.pg.execute(f"SELECT {api.SCHEMA}.analyze()")
        finally:
            flight.close()
        return flight, result

    def _book(self, landed: tuple[_Flight, ApplyResult], progress: Callable[[int, int], None] | None,
              total: int) -> None:
        """Record a committed batch's confirmed tokens here, count it, tell the progress."""
        flight, result = landed
        self._record(result.confirmed)
        self.summary.add(result, flight.sent)
        if progress is not None:
            progress(min(flight.number * self.batch_size, total), total)

    def _hold_back_missing_units(self, ids: list[uuid.UUID], codes: dict[uuid.UUID, set[str]]) -> list[uuid.UUID]:
        """Ask the city once which of the units of the pending dossiers it lacks; the dossiers of
        those units are not sent, and one message lists the missing codes (instead of refusing
        every dossier one by one)."""
        with self.engine.connect() as conn:
            missing = set(api.missing_units(conn, {c for found in codes.values() for c in found}))
        if not missing:
            return ids
        held = [i for i in ids if codes.get(i, set()) & missing]
        self.summary.missing_units = sorted(missing)
        self.summary.rejected += len(held)
        self.summary.problems.append({
            "id": None, "cccd": None, "full_name": None, "kind": "missing_units",
            "message": f"CSDL thành phố chưa có {len(missing)} đơn vị: {', '.join(sorted(missing))}; "
                       f"{len(held)} hồ sơ thuộc các đơn vị này chưa được gửi. Đề nghị Sở Nội vụ thêm các đơn vị "
                       "này (đúng mã như trên) rồi đồng bộ lại."})
        return [i for i in ids if not codes.get(i, set()) & missing]

    def _blob(self, sha256: str) -> bytes | None:
        with self.db.session(self.user) as s:
            return s.scalar(select(Attachment.content).where(Attachment.sha256 == sha256).limit(1))

    def _record(self, confirmed: dict[str, Token]) -> None:
        """The tokens confirmed at the target, one upsert for the batch."""
        if not confirmed:
            return
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        table = SyncRecord.__table__
        rows = [{"target_id": self.target_id, "record_id": uuid.UUID(key), "entity": "person", "version": version,
                 "updated_at": as_datetime(when)} for key, (version, when) in confirmed.items()]
        with self.db.session(self.user, write=True) as s:
            insert = (sqlite_insert if s.get_bind().dialect.name == "sqlite" else pg_insert)(table)
            s.execute(insert.on_conflict_do_update(index_elements=[table.c.target_id, table.c.record_id],
                                                   set_={"version": insert.excluded.version,
                                                         "updated_at": insert.excluded.updated_at}), rows)

    def _finish(self, status: str, message: str | None) -> None:
        from app.compliance import overdue_json, pending_changes

        with self.db.session(self.user, write=True) as s:
            target = s.get(SyncTarget, self.target_id)
            run = s.get(SyncRun, self.summary.run_id)
            assert target is not None and run is not None
            if status == "done":
                target.last_change_id = max(target.last_change_id, self.upto)
            target.last_sync_at, target.last_status = utcnow(), status
            settle(s)  # the confirmed persons leave the marks
            pending = pending_changes(s, self.url)
            self.summary.pending = len(pending)
            self.summary.overdue = overdue_json(pending)
            self.summary.pending_changes = [p.as_json() for p in pending]
            self.summary.status = status
            counts = {k: v for k, v in self.summary.as_json().items() if isinstance(v, int) and k != "run_id"}
            run.finished_at, run.status, run.summary = utcnow(), status, counts
            run.problems, run.message = self.summary.problems, message


# A large first sync grows the city's tables from nothing: PostgreSQL's planner then works from
# statistics of nearly empty tables (and a server without autovacuum never refreshes them), which
# once slowed a 100,000-profile sync from ~230 to ~20 profiles/s. The planner scales the row counts
# it knows by the tables' current size, so the statistics need refreshing only now and then: after
# batches 1, 4 and 32, and once at the end of a run that sent many dossiers (``hoso_api.analyze``,
# at most once every 10 seconds), as a bulk load by hand would. After batch 1: with no statistics
# at all the foreign-key checks of batches 2–4 looked persons up by scanning a wide index whole.
ANALYZE_AFTER = (1, 4, 32)
ANALYZE_AT_END = 2000


def _outgoing(session: Session, batch: Sequence[uuid.UUID]) -> tuple[list[dict[str, Any]], WireRows]:
    """What leaves for ``batch`` (app.publish decides: an approved person as itself, one awaiting
    approval as its last approved snapshot), in the form ``push_documents(prepared=True)`` takes,
    and the section rows of those documents that do not carry them, already in the wire form.
    The approved persons of a SQLite desk are read in the wire form directly (``wire_documents``:
    only what the city stores, their section rows encoded by SQLite itself, ``wire_rows``); the
    others go through the Person JSON. The rows' ids come with them (``WireRows.row_ids``: the
    batch's declaration names them)."""
    states = dict(session.execute(select(Person.id, Person.review_state).where(Person.id.in_(batch))).all())
    approved = [i for i in batch if states.get(i) == APPROVED]
    waiting = [i for i in batch if i in states and states[i] != APPROVED]
    rows = WireRows()
    if session.get_bind().dialect.name == "sqlite":
        docs = wire_documents(session, approved, sections=("placements", "attachments"))
        rows = wire_rows(session, approved) if approved else WireRows()
    else:
        docs = [prepare(d) for d in outgoing_documents(session, approved)]
    docs += [prepare(d) for d in outgoing_documents(session, waiting)] if waiting else []
    return docs, rows


def _unit_codes(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, set[str]]:
    """The unit codes each pending dossier names (its unit and its placements' units)."""
    codes: dict[uuid.UUID, set[str]] = {}
    for batch in chunks(ids, 500):
        for person_id, code in session.execute(select(Person.id, Unit.code).join(Unit, Unit.id == Person.unit_id)
                                                .where(Person.id.in_(batch))):
            codes.setdefault(person_id, set()).add(code)
        for person_id, code in session.execute(select(Placement.person_id, Unit.code)
                                                .join(Unit, Unit.id == Placement.unit_id)
                                                .where(Placement.person_id.in_(batch))):
            codes.setdefault(person_id, set()).add(code)
    return codes


def _approved_entries(log: list[dict[str, Any]], docs: list[dict]) -> list[dict[str, Any]]:
    """Only the history up to the version being sent (a snapshot leaves later, unapproved edits out)."""
    until = {d["id"]: as_datetime(d.get("updated_at")) for d in docs}
    slack = dt.timedelta(seconds=1)
    return [e for e in log if (when := until.get(str(e["person_id"]))) is not None
            and as_datetime(e["at"]) <= when + slack]


# --- for the dialog and ``sync status`` ----------------------------------------------------------

def last_runs(session: Session, url: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """The sync log, newest first."""
    target = target_for(session, url)
    if target is None:
        return []
    runs = session.scalars(select(SyncRun).where(SyncRun.target_id == target.id)
                           .order_by(SyncRun.id.desc()).limit(limit))
    return [{"id": r.id, "started_at": r.started_at.isoformat(), "status": r.status, "by": r.by,
             "summary": r.summary, "problems": r.problems, "message": r.message} for r in runs]


# --- what the sync dialog and the status bar call (they never open a session themselves) ----------

@dataclass(frozen=True)
class DialogState:
    url: str | None  # the last target, without its password
    user: str | None
    remembered: bool
    last_sync_at: dt.datetime | None
    last_status: str | None
    pending: int
    nearest_deadline: dt.date | None
    overdue: int
    nearest_kind: str | None = None  # the kind of change (app.compliance rules) the nearest deadline is for
    nearest_basis: str | None = None  # and its legal basis
    last_summary: dict[str, Any] | None = None  # the last run's counts (a "done" run may have refused everything)


def dialog_state(db: Database, url: str | None = None) -> DialogState:
    from app.city.credentials import recall, remembered_urls
    from app.compliance import status

    with db.session() as s:
        target = target_for(s, url)
        state = status(s, url if url is not None else (target.url_key if target else None))
        key = url or (target.url_key if target else None) or next(iter(reversed(remembered_urls())), None)
        stored = recall(key) if key else None
        user = make_url(key).username if key else None
        return DialogState(url=_no_user(key) if key else None, user=(stored[0] if stored else user),
                           remembered=stored is not None, last_sync_at=target.last_sync_at if target else None,
                           last_status=target.last_status if target else None, pending=state.pending,
                           nearest_deadline=state.nearest, overdue=state.overdue, nearest_kind=state.nearest_kind,
                           nearest_basis=state.nearest_basis,
                           last_summary=s.scalar(select(SyncRun.summary).where(SyncRun.target_id == target.id)
                                                 .order_by(SyncRun.id.desc()).limit(1)) if target else None)


def _no_user(url: str) -> str:
    return make_url(url)._replace(username=None, password=None).render_as_string(hide_password=False)


def run_from_dialog(db: Database, url: str, user: str, password: str, *, remember: bool,
                    progress: Callable[[int, int], None] | None = None, cancel: Callable[[], bool] | None = None,
                    by: str | None = None, principal: Any = None) -> SyncSummary:
    """The dialog's Đồng bộ button: credentials remembered (or forgotten) as asked, then ``sync``
    (``principal``: the signed-in user, who must be allowed to sync)."""
    from app.city import credentials

    if principal is not None:
        from app.security.permissions import require

        require(principal, "sync")
    full = credentials.with_credentials(url.strip(), user.strip() or None, password or None)
    if remember and password:
        credentials.remember(full, user.strip(), password)
    elif not remember:
        credentials.forget(full)
    return sync(db, full, progress=progress, cancel=cancel, user=by)
