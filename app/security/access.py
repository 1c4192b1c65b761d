"""The access log and the audit browser.

``log`` appends one ``AccessLog`` row: sign-ins (``login``/``login_failed``), password and account
changes (``password``/``user``), and every ``view``, ``print`` and ``export`` of sensitive data.
Writes are in the change log (app/audit.py); approvals in ``review_events``. All three tables are
append-only: nothing in the app edits or deletes them and database triggers refuse it; the change
and access logs are hash chains (``app.security.chain``: ``audit verify``).

``browse`` merges the three in time order for administrators (filters, paging); ``export_xlsx``
writes what ``browse`` selects to Excel.

The command line logs its views, prints and exports with ``log_cli``: ``by`` is the name the
command line acts as (``principal.for_cli``: the OS user on a local file — the same name its
writes carry in the change log — or the PostgreSQL role), ``detail`` starts with "dòng lệnh:".
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import String, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from app.errors import UserError
from app.security import chain
from models import ChangeLog, Person
from models.base import utcnow
from models.security import AccessLog, ReviewEvent

ACTION_LABELS = {
    "login": "Đăng nhập", "login_failed": "Đăng nhập không thành công", "password": "Đổi mật khẩu",
    "user": "Quản lý tài khoản", "view": "Xem thông tin nhạy cảm", "print": "In", "export": "Xuất",
    "create": "Thêm", "update": "Sửa", "delete": "Xoá", "restore": "Khôi phục",
    "submit": "Gửi duyệt", "approve": "Duyệt", "return": "Trả lại",
    "trust_key": "Tin cậy khoá ký số", "untrust_key": "Thôi tin cậy khoá ký số",
    "integrity": "Khôi phục bảo vệ nhật ký",
}


def log(session: Session, by: str, action: str, person_id: uuid.UUID | None = None, detail: str | None = None) -> None:
    """Append one access-log entry (in the caller's transaction)."""
    session.add(AccessLog(at=utcnow(), by=by, action=action, person_id=person_id, detail=detail))


def log_many(session: Session, by: str, action: str, person_ids: list[uuid.UUID], detail: str | None = None) -> None:
    """One entry per person (a unit's profiles printed, a list exported), in one statement."""
    if person_ids:
        now = utcnow()
        rows = [{"at": now, "by": by, "action": action, "person_id": pid, "detail": detail} for pid in person_ids]
        conn = session.connection()
        chain.reserve(conn, "access_log", rows)  # ids and hash-chain links (app/security/chain.py)
        conn.execute(AccessLog.__table__.insert(), rows)


CLI_PREFIX = "dòng lệnh: "


def log_cli(db: Any, action: str, person_ids: Iterable[uuid.UUID], detail: str, *,
            written: str | Path | None = None) -> None:
    """The command line's ``view``/``print``/``export`` of sensitive data: one entry per person, in
    a short transaction of its own that starts by writing. When the entry cannot be written the
    command fails (``UserError``) and the file it just wrote (``written``) is removed."""
    from sqlalchemy.exc import DBAPIError

    from app.security.principal import for_cli

    ids = list(dict.fromkeys(i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in person_ids))
    if not ids:
        return
    try:
        by = for_cli(db).username
        with db.session(by, write=True) as s:
            log_many(s, by, action, ids, CLI_PREFIX + detail)
    except DBAPIError as exc:
        if written is not None:
            Path(written).unlink(missing_ok=True)
        reason = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise UserError(f"Không ghi được nhật ký truy cập ({reason}); thông tin nhạy cảm chỉ được xem, in, xuất "
                        "khi nhật ký ghi được. Hãy thử lại.") from exc


def selected_ids(session: Session, query: str | None, unit_code: str | None, *, include_inactive: bool = True
                 ) -> list[uuid.UUID]:
    """The ids a search/list/export selection names (``app.search.search_statement``)."""
    from app.search import search_statement

    stmt = search_statement(session, query or "", limit=None, unit_code=unit_code, include_inactive=include_inactive)
    return [] if stmt is None else [row[0] for row in session.execute(stmt)]


@dataclass(frozen=True)
class AuditEntry:
    source: str  # change | access | review
    at: dt.datetime
    by: str
    action: str
    action_label: str
    person_id: uuid.UUID | None
    person_name: str | None
    cccd: str | None
    field: str | None  # change log: entity.field
    old: str | None
    new: str | None
    detail: str | None

    def as_json(self) -> dict[str, Any]:
        return {"source": self.source, "at": self.at.isoformat(), "by": self.by, "action": self.action,
                "person_id": str(self.person_id) if self.person_id else None, "full_name": self.person_name,
                "cccd": self.cccd, "field": self.field, "old": self.old, "new": self.new, "detail": self.detail}


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    action: str | None = None  # one action, or "change" / "access" / "review" for a whole source
    person_id: uuid.UUID | None = None
    since: dt.date | None = None
    until: dt.date | None = None  # inclusive


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    total: int
    offset: int


def _parts(flt: AuditFilter) -> list[tuple[Any, Any]]:
    """One SELECT per log (with the filters) and its table."""
    c, a, r = ChangeLog, AccessLog, ReviewEvent
    parts = []
    sources = [("change", c), ("access", a), ("review", r)]
    for source, t in sources:
        if flt.action in ("change", "access", "review") and flt.action != source:
            continue
        if source == "change":
            field, old, new, detail = (c.entity + "." + c.field), c.old, c.new, null()
        elif source == "access":
            field, old, new, detail = null(), null(), null(), a.detail
        else:
            field, old, new, detail = null(), null(), null(), r.comment
        stmt = select(literal(source, String).label("source"), t.id.label("id"), t.at.label("at"), t.by.label("by"),
                      t.action.label("action"), t.person_id.label("person_id"), field.label("field"),
                      old.label("old"), new.label("new"), detail.label("detail"))
        if flt.user:
            stmt = stmt.where(t.by == flt.user)
        if flt.action and flt.action not in ("change", "access", "review"):
            stmt = stmt.where(t.action == flt.action)
        if flt.person_id is not None:
            stmt = stmt.where(t.person_id == flt.person_id)
        if flt.since is not None:
            stmt = stmt.where(t.at >= dt.datetime.combine(flt.since, dt.time(), dt.UTC))
        if flt.until is not None:
            stmt = stmt.where(t.at < dt.datetime.combine(flt.until + dt.timedelta(days=1), dt.time(), dt.UTC))
        parts.append((stmt, t))
    if not parts:
        raise UserError(f"Không có loại thao tác '{flt.action}'.")
    return parts


def browse(session: Session, flt: AuditFilter = AuditFilter(), *, offset: int = 0, limit: int | None = 200,
           newest_first: bool = True) -> AuditPage:
    """The change log, access log and review events merged in time order (newest first by default)."""
    parts = _parts(flt)
    total = sum(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0 for stmt, _ in parts)
    selects = []
    for stmt, t in parts:
        if limit is not None:  # each log's own first rows (by its index on ``at``), then merged
            order = [t.at.desc(), t.id.desc()] if newest_first else [t.at, t.id]
            stmt = select(*stmt.order_by(*order).limit(offset + limit).subquery().c)
        selects.append(stmt)
    u = union_all(*selects).subquery()
    order = [u.c.at.desc(), u.c.id.desc()] if newest_first else [u.c.at, u.c.id]
    stmt = select(u).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = session.execute(stmt).all()
    ids = {_uuid(row.person_id) for row in rows if row.person_id is not None}
    people = {pid: (name, cccd) for pid, name, cccd in
              session.execute(select(Person.id, Person.full_name, Person.cccd).where(Person.id.in_(ids)))} if ids else {}
    entries = []
    for row in rows:
        pid = _uuid(row.person_id)
        at = row.at if isinstance(row.at, dt.datetime) else dt.datetime.fromisoformat(str(row.at))
        at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
        name, cccd = people.get(pid, (None, None)) if pid else (None, None)
        entries.append(AuditEntry(row.source, at, row.by, row.action, ACTION_LABELS.get(row.action, row.action), pid,
                                  name, cccd, row.field, row.old, row.new, row.detail))
    return AuditPage(entries, total, offset)


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    text = value.hex() if isinstance(value, bytes) else str(value)
    return uuid.UUID(text)


def export_xlsx(session: Session, flt: AuditFilter, path: str | Path) -> int:
    """What ``browse`` selects (oldest first) as an .xlsx file; returns the number of entries."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Tệp xuất '{path.name}' phải có đuôi .xlsx.")
    if not path.parent.exists():
        raise UserError(f"Thư mục '{path.parent}' không tồn tại.")
    page = browse(session, flt, limit=None, newest_first=False)
    workbook = Workbook(write_only=True)
    ws = workbook.create_sheet("Nhật ký")
    headers = ["Thời điểm", "Người thực hiện", "Thao tác", "Họ và tên", "Số CCCD", "Trường", "Giá trị cũ",
               "Giá trị mới", "Ghi chú"]
    for i, width in enumerate((20, 16, 22, 26, 15, 28, 30, 30, 40)):
        ws.column_dimensions[chr(ord("A") + i)].width = width
    ws.freeze_panes = "A2"
    from openpyxl.cell import WriteOnlyCell

    head = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
        head.append(cell)
    ws.append(head)
    for e in page.entries:
        at = WriteOnlyCell(ws, value=e.at.astimezone(dt.UTC).replace(tzinfo=None))
        at.number_format = "dd/mm/yyyy hh:mm:ss"
        ws.append([at, e.by, e.action_label, e.person_name, e.cccd, e.field, e.old, e.new, e.detail])
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp '{path}': {exc.strerror or exc}.") from exc
    return page.total
