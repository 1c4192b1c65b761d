"""The Department's list of identity conflicts at the city database.

When a unit's record cannot be written because its identity is held at the city by a record the
unit does not own — the CCCD (another dossier has it), the dossier id (another unit's person), a
section row or attachment id (another person's) — or a unit asks to hand over a person that is
not its own (or does not exist), the unit gets one generic answer ("Số định danh này đã có trong
CSDL thành phố; đề nghị liên hệ Sở Nội vụ", or the hand-over refusal) and the function API
(app.city.api_sql) records the details in ``city_identity_conflicts`` and the access log. This
module reads that list for the Department: ``city conflicts [--json]`` and the window of
``ui/city_conflicts_ui.py``. Reading it needs the right ``view_audit`` (administrators).

A unit that rolls its push back leaves no such row, but it declared the batch's identities in a
committed transaction first (``hoso_api.declare``): before each reading, ``settle`` turns the
declarations of pushes that never committed into conflicts of the same kinds.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session, aliased

from app.db import Database
from app.errors import UserError
from models import CityIdentityConflict, Person, Unit

KIND_LABELS = {
    "cccd": "Trùng số CCCD",
    "person": "Trùng mã hồ sơ của đơn vị khác",
    "row": "Trùng mã dòng dữ liệu của hồ sơ khác",
    "write": "Trùng khoá khi ghi",
    "hand_over": "Chuyển giao hồ sơ không thuộc đơn vị",
}


@dataclass(frozen=True)
class IdentityConflict:
    id: int
    at: dt.datetime
    role: str  # the unit's login role that sent it
    kind: str
    person_id: uuid.UUID | None  # the id the unit sent
    cccd: str | None  # the CCCD the unit sent
    unit_code: str | None  # the unit the unit's record named
    holder_id: uuid.UUID | None  # the city's record holding the identity
    holder_name: str | None
    holder_unit: str | None
    detail: str | None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at.isoformat(), "role": self.role, "kind": self.kind,
                "kind_label": self.kind_label, "person_id": str(self.person_id) if self.person_id else None,
                "cccd": self.cccd, "unit_code": self.unit_code,
                "holder_id": str(self.holder_id) if self.holder_id else None, "holder_name": self.holder_name,
                "holder_unit": self.holder_unit, "detail": self.detail}


def identity_conflicts(db: Database, *, principal: Any = None, limit: int | None = 1000) -> list[IdentityConflict]:
    """The identity conflicts, newest first (the Department only)."""
    if principal is not None:
        from app.security.permissions import require

        require(principal, "view_audit")
    holder = aliased(Person)
    with db.session() as session:
        if session.get_bind().dialect.name != "postgresql":
            raise UserError("Danh sách xung đột số định danh chỉ có ở cơ sở dữ liệu thành phố (PostgreSQL).")
        settle(session)
        query = (select(CityIdentityConflict, holder.full_name, Unit.code)
                 .outerjoin(holder, holder.id == CityIdentityConflict.holder_id)
                 .outerjoin(Unit, Unit.id == holder.unit_id)
                 .order_by(CityIdentityConflict.id.desc()))
        if limit is not None:
            query = query.limit(limit)
        return [IdentityConflict(c.id, c.at, c.role_name, c.kind, c.person_id, c.cccd, c.unit_code, c.holder_id,
                                 name, code, c.detail) for c, name, code in session.execute(query)]


def settle(session: Session) -> int:
    """The identity conflicts of the pushes that never committed (``hoso_api._settle``: rolled
    back, failed or abandoned more than 15 minutes ago), listed like the others; how many. Only
    the role that owns the API may run it (the Department that ran ``city init``); for another
    Department login this does nothing."""
    from app.city.api_sql import SCHEMA

    allowed = session.scalar(text("SELECT coalesce(has_function_privilege(to_regprocedure(:f)::oid, 'EXECUTE'), false)"),
                             {"f": f"{SCHEMA}._settle()"})
    return int(session.scalar(text(f"SELECT {SCHEMA}._settle()")) or 0) if allowed else 0
