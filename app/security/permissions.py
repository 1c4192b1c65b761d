"""What each role may do: one table of actions × roles, and ``require`` that refuses in Vietnamese.

Unit-bound actions (``UNIT_ACTIONS``) also need the record's unit to be among the principal's
units (with their sub-units). On the city database the units' records are read-only for everyone
(``WRITE_ACTIONS`` refused). ``view_sensitive``/``edit_sensitive`` mean every sensitive group;
what is masked for a role is decided per group by resources/rules/sensitive_fields.json.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from app.errors import UserError
from app.security import sensitive
from app.security.principal import Principal

ACTION_LABELS = {
    "view": "xem", "edit": "sửa", "delete": "xoá", "approve": "duyệt", "print": "in", "export": "xuất",
    "import": "nhập dữ liệu vào", "manage_units": "quản lý đơn vị", "manage_users": "quản lý tài khoản",
    "view_audit": "xem nhật ký", "view_sensitive": "xem thông tin nhạy cảm",
    "edit_sensitive": "sửa thông tin nhạy cảm", "sync": "đồng bộ", "package": "lập gói dữ liệu",
    "backup": "sao lưu, phục hồi",
    "manage_positions": "quản lý vị trí việc làm của", "rate": "chấm điểm đánh giá",
}
ACTIONS = tuple(ACTION_LABELS)

_ALL = frozenset({"admin", "clerk", "head", "viewer"})
TABLE: dict[str, frozenset[str]] = {
    "view": _ALL,
    "edit": frozenset({"admin", "clerk"}),
    "delete": frozenset({"admin", "clerk"}),
    "approve": frozenset({"admin", "head"}),
    "print": frozenset({"admin", "clerk", "head"}),
    "export": frozenset({"admin", "clerk", "head"}),
    "import": frozenset({"admin", "clerk"}),
    "manage_units": frozenset({"admin"}),
    "manage_users": frozenset({"admin"}),
    "view_audit": frozenset({"admin"}),
    "sync": frozenset({"admin"}),
    "package": frozenset({"admin"}),
    "backup": frozenset({"admin"}),
    # issue 15: the unit's positions (load, add, edit, retire) are the personnel clerk's work; the
    # monthly/quarterly scores are entered by the clerk, the head approves the yearly levels
    # ("approve"), a head does not enter scores; placing a person in a position is "edit".
    "manage_positions": frozenset({"admin", "clerk"}),
    "rate": frozenset({"admin", "clerk"}),
}
UNIT_ACTIONS = frozenset({"view", "edit", "delete", "approve", "print", "export", "import", "manage_positions",
                          "rate"})
WRITE_ACTIONS = frozenset({"edit", "delete", "approve", "import", "manage_positions", "rate"})
# a unit's own desk only: the city database is synced to, not from, and the Department backs it up
# with PostgreSQL's tools
LOCAL_ONLY_ACTIONS = frozenset({"sync", "backup"})


def allowed(principal: Principal, action: str, unit_id: uuid.UUID | None = None, *, any_unit: bool = False) -> bool:
    """Whether ``principal`` may do ``action`` (on a record of ``unit_id``; ``any_unit``: on some unit)."""
    if action == "view_sensitive":
        return sensitive.sees_all(principal.role)
    if action == "edit_sensitive":
        return sensitive.edits_all(principal.role) and allowed(principal, "edit", unit_id, any_unit=any_unit)
    if principal.role not in TABLE.get(action, frozenset()):
        return False
    if principal.is_city_readonly and action in WRITE_ACTIONS | LOCAL_ONLY_ACTIONS:
        return False
    if action in UNIT_ACTIONS and not any_unit:
        return principal.covers(unit_id)
    return True


def require(principal: Principal, action: str, unit_id: uuid.UUID | None = None, session: Session | None = None,
            *, any_unit: bool = False) -> None:
    """Raise ``UserError`` (Vietnamese, naming the account, role, action and unit) unless allowed."""
    if allowed(principal, action, unit_id, any_unit=any_unit):
        return
    who = f"Tài khoản {principal.username} (vai trò {principal.role_label}) không được {ACTION_LABELS.get(action, action)}"
    if principal.is_city_readonly and action in WRITE_ACTIONS and principal.role in TABLE.get(action, ()):
        raise UserError(f"{who} hồ sơ trên cơ sở dữ liệu thành phố: hồ sơ của các đơn vị ở đây chỉ để xem "
                        "(đơn vị gửi lên bằng đồng bộ hoặc gói dữ liệu).")
    if principal.is_city_readonly and action in LOCAL_ONLY_ACTIONS:
        raise UserError(f"{who} trên cơ sở dữ liệu thành phố: việc này làm trên máy của đơn vị.")
    if action in UNIT_ACTIONS and principal.role in TABLE.get(action, ()) and not any_unit:
        raise UserError(f"{who} {_records_of(session, unit_id)}.")
    raise UserError(f"{who}." if action not in UNIT_ACTIONS else f"{who} hồ sơ.")


def _records_of(session: Session | None, unit_id: uuid.UUID | None) -> str:
    if unit_id is None:
        return "hồ sơ chưa xếp đơn vị"
    if session is not None:
        from models import Unit

        unit = session.get(Unit, unit_id)
        if unit is not None:
            return f"hồ sơ của đơn vị {unit.name} ({unit.code})"
    return f"hồ sơ của đơn vị {unit_id}"
