"""The approval flow: a clerk's change is *submitted*; the unit head approves it or returns it
with a comment; what leaves the desk (sync, package: app/publish.py) is the approved version.

- ``track(session, principal)``: called by the service for a clerk's write. A flush hook on that
  session marks every dossier the write touches: an *approved* one first gets its
  ``ApprovedSnapshot`` (the Person JSON as committed, i.e. before this change, read on a second
  connection), then becomes ``submitted``; a *returned* one becomes ``submitted`` again; a new
  one is ``submitted`` with no snapshot. ``finish(session)`` adds the ``submit`` events.
- ``approve``/``return_``: head (or administrator) of the person's unit; approving removes the
  snapshot; returning needs a comment and keeps it.
- Administrators' own edits are not reviewed: an approved dossier stays approved.
- A clerk's deletion (or restore) is a write like any other: an approved dossier deleted by a
  clerk keeps its snapshot (the live, not-deleted document as approved) and is ``submitted``
  until the head approves the deletion. What leaves the desk (publish, sync) is then: approved →
  the current record or its tombstone; not approved with a snapshot → the snapshot; not approved
  without one → nothing (docs/users-and-roles.md, "Deletions are reviewed like edits").
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.audit import _person_id
from app.errors import UserError
from app.people import find_person
from app.security.permissions import require
from app.security.principal import Principal
from app.text import nfc
from models import Audited, Person, Unit
from models.base import utcnow
from models.security import ApprovedSnapshot, ReviewEvent

STATE_LABELS = {"approved": "Đã duyệt", "submitted": "Chờ duyệt", "returned": "Bị trả lại"}
_KEY = "review_touched"


def needs_review(principal: Principal) -> bool:
    """Whose writes go through approval: clerks."""
    return principal.role == "clerk"


def track(session: Session, principal: Principal) -> None:
    """Route this session's writes through approval (no-op for roles whose writes are final)."""
    if not needs_review(principal) or _KEY in session.info:
        return
    session.info[_KEY] = {}
    event.listen(session, "before_flush", _before_flush)


def tracked(session: Session) -> bool:
    """Whether this session's writes go through approval (its new dossiers must pass the flush hook)."""
    return _KEY in session.info


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    touched: dict[uuid.UUID, Person] = session.info[_KEY]
    ids: set[uuid.UUID] = set()
    for obj in [*session.new, *session.deleted]:
        if isinstance(obj, Audited):
            ids.add(obj.id if isinstance(obj, Person) else _person_id(obj))
    for obj in session.dirty:
        if isinstance(obj, Audited) and session.is_modified(obj, include_collections=False):
            ids.add(_person_id(obj))
    with session.no_autoflush:
        for pid in ids - set(touched) - {None}:
            person = next((o for o in session.new if isinstance(o, Person) and o.id == pid), None)
            if person is None:
                person = session.get(Person, pid)
            if person is None:
                continue
            touched[pid] = person
            if person in session.new:
                person.review_state = "submitted"
                continue
            if person.review_state == "approved" and session.get(ApprovedSnapshot, pid) is None:
                session.add(_snapshot_before(session, pid))
            person.review_state = "submitted"


def _snapshot_before(session: Session, person_id: uuid.UUID) -> ApprovedSnapshot:
    """The dossier as committed (before this transaction's change), read on a second connection."""
    from app.person_json import person_json

    with Session(bind=session.get_bind()) as other:
        document = person_json(other, person_id)
        last = other.scalars(select(ReviewEvent).where(ReviewEvent.person_id == person_id,
                                                       ReviewEvent.action == "approve")
                             .order_by(ReviewEvent.at.desc(), ReviewEvent.id.desc()).limit(1)).first()
        updated = other.scalar(select(Person.updated_at).where(Person.id == person_id))
        approved_at, approved_by = (last.at, last.by) if last else (updated or utcnow(), "hoso")
        other.rollback()
    return ApprovedSnapshot(person_id=person_id, version=int(document.get("version") or 0), document=document,
                            approved_at=approved_at, approved_by=approved_by)


def finish(session: Session) -> list[uuid.UUID]:
    """After a tracked write: one ``submit`` event per dossier it touched. Returns their ids."""
    touched: dict[uuid.UUID, Person] = session.info.get(_KEY) or {}
    if not touched:
        return []
    session.flush()
    by = session.info.get("user", "hoso")
    for pid, person in touched.items():
        session.add(ReviewEvent(person_id=pid, at=utcnow(), by=by, action="submit", version=person.version or 1))
    session.flush()
    touched_ids = list(touched)
    touched.clear()
    return touched_ids


def _person_for_review(session: Session, principal: Principal, key: str | uuid.UUID) -> Person:
    person = find_person(session, str(key), include_deleted=True)
    require(principal, "approve", person.unit_id, session)
    return person


def approve(session: Session, principal: Principal, key: str | uuid.UUID, comment: str | None = None) -> None:
    person = _person_for_review(session, principal, key)
    if person.review_state != "submitted":
        raise UserError(f"Hồ sơ của {person.full_name} không ở trạng thái chờ duyệt "
                        f"({STATE_LABELS.get(person.review_state, person.review_state)}).")
    person.review_state = "approved"
    snapshot = session.get(ApprovedSnapshot, person.id)
    if snapshot is not None:
        session.delete(snapshot)
    session.add(ReviewEvent(person_id=person.id, at=utcnow(), by=principal.username, action="approve",
                            version=person.version, comment=nfc(comment).strip() or None if comment else None))
    session.flush()


def return_(session: Session, principal: Principal, key: str | uuid.UUID, comment: str) -> None:
    person = _person_for_review(session, principal, key)
    text = nfc(comment or "").strip()
    if not text:
        raise UserError("Khi trả lại hồ sơ phải ghi lý do (nhận xét) cho người nhập.")
    if person.review_state != "submitted":
        raise UserError(f"Hồ sơ của {person.full_name} không ở trạng thái chờ duyệt "
                        f"({STATE_LABELS.get(person.review_state, person.review_state)}).")
    person.review_state = "returned"
    session.add(ReviewEvent(person_id=person.id, at=utcnow(), by=principal.username, action="return",
                            version=person.version, comment=text))
    session.flush()


@dataclass(frozen=True)
class PendingReview:
    person_id: uuid.UUID
    cccd: str
    full_name: str
    unit_code: str | None
    unit_name: str | None
    state: str
    state_label: str
    version: int
    deleted: bool
    submitted_by: str | None
    submitted_at: dt.datetime | None
    comment: str | None  # the last return's comment

    def as_json(self) -> dict[str, Any]:
        return {"id": str(self.person_id), "cccd": self.cccd, "full_name": self.full_name,
                "unit_code": self.unit_code, "state": self.state, "version": self.version, "deleted": self.deleted,
                "submitted_by": self.submitted_by,
                "submitted_at": self.submitted_at.isoformat() if self.submitted_at else None,
                "comment": self.comment}


def pending_reviews(session: Session, principal: Principal, states: tuple[str, ...] = ("submitted",)
                    ) -> list[PendingReview]:
    """Dossiers waiting (``submitted``; pass ``("returned",)`` for a clerk's returned ones) in the
    principal's units, oldest submission first."""
    stmt = (select(Person.id, Person.cccd, Person.full_name, Unit.code, Unit.name, Person.review_state,
                   Person.version, Person.deleted_at, Person.unit_id)
            .outerjoin(Unit, Person.unit_id == Unit.id).where(Person.review_state.in_(states)))
    if principal.unit_ids is not None:
        stmt = stmt.where(Person.unit_id.in_(principal.unit_ids))
    rows = session.execute(stmt).all()
    last: dict[uuid.UUID, dict[str, ReviewEvent]] = {}
    if rows:
        ids = [r[0] for r in rows]
        for ev in session.scalars(select(ReviewEvent).where(ReviewEvent.person_id.in_(ids))
                                  .order_by(ReviewEvent.at, ReviewEvent.id)):
            last.setdefault(ev.person_id, {})[ev.action] = ev
    out = []
    for pid, cccd, name, code, uname, state, version, deleted, _unit in rows:
        events = last.get(pid, {})
        sub, ret = events.get("submit"), events.get("return")
        at = sub.at.replace(tzinfo=dt.UTC) if sub and sub.at.tzinfo is None else (sub.at if sub else None)
        out.append(PendingReview(pid, cccd, name, code, uname, state, STATE_LABELS.get(state, state), version,
                                 deleted is not None, sub.by if sub else None, at, ret.comment if ret else None))
    out.sort(key=lambda p: (p.submitted_at or dt.datetime.min.replace(tzinfo=dt.UTC), p.full_name))
    return out


@dataclass(frozen=True)
class ReviewStep:
    at: dt.datetime
    by: str
    action: str  # submit | approve | return
    version: int
    comment: str | None

    def as_json(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(), "by": self.by, "action": self.action, "version": self.version,
                "comment": self.comment}


def review_history(session: Session, person_id: uuid.UUID) -> list[ReviewStep]:
    rows = session.scalars(select(ReviewEvent).where(ReviewEvent.person_id == person_id)
                           .order_by(ReviewEvent.at, ReviewEvent.id))
    return [ReviewStep(r.at if r.at.tzinfo else r.at.replace(tzinfo=dt.UTC), r.by, r.action, r.version, r.comment)
            for r in rows]
