"""One PostgreSQL login role per unit: the credentials a unit's sync uses at the city database.

A unit role is a member of the group role of ``city init`` (its grants) and writes the persons of
the units listed for it in ``city_unit_access`` (the row-level security policies read that
table): the units it was given and all their sub-units. The units given are remembered (setting
``city_unit_roles``) so that :func:`refresh_unit_access` can recompute the lists after the unit
tree changed. Passwords are sent to the server already hashed (SCRAM-SHA-256, computed by libpq),
so no plain password reaches the server's log.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from app.city.init import check_role_name, city_settings, refused_privileges
from app.errors import UserError
from app.units import subtree_ids
from models import CityUnitAccess, Setting, Unit

ROLES_KEY = "city_unit_roles"


@dataclass(frozen=True)
class UnitRoleResult:
    role: str
    units: list[str]  # the unit codes given (their sub-units are included)
    unit_count: int  # rows of city_unit_access: the units and every sub-unit
    created: bool
    password: str | None  # only a password HoSo generated, to hand to the unit once
    password_set: bool
    added: int
    removed: int

    def as_json(self) -> dict:
        return {"role": self.role, "units": self.units, "unit_count": self.unit_count, "created": self.created,
                "password_set": self.password_set, "password": self.password, "added": self.added,
                "removed": self.removed}


@dataclass(frozen=True)
class UnitRoleInfo:
    role: str
    units: list[str]
    unit_count: int
    can_login: bool
    exists: bool

    def as_json(self) -> dict:
        return {"role": self.role, "units": self.units, "unit_count": self.unit_count,
                "can_login": self.can_login, "exists": self.exists}


def _group(session: Session) -> str:
    settings = city_settings(session)
    if settings is None:
        raise UserError("Cơ sở dữ liệu này chưa được khởi tạo làm cơ sở dữ liệu thành phố; hãy chạy 'city init' trước.")
    return str(settings["group"])


def _roots(session: Session) -> dict[str, list[str]]:
    row = session.get(Setting, ROLES_KEY)
    return {k: list(v) for k, v in (row.value if row else {}).items()}


def _save_roots(session: Session, roots: dict[str, list[str]]) -> None:
    row = session.get(Setting, ROLES_KEY)
    if row is None:
        session.add(Setting(key=ROLES_KEY, value=roots))
    elif row.value != roots:
        row.value = roots
    session.flush()


def _role(session: Session, name: str, group: str) -> tuple[bool, bool, bool] | None:
    """(superuser, can_login, member of group) of an existing role, or None."""
    row = session.execute(text(
        "SELECT r.rolsuper, r.rolcanlogin, EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "WHERE m.member = r.oid AND g.rolname = :g) FROM pg_roles r WHERE r.rolname = :r"), {"r": name, "g": group}).first()
    return None if row is None else (bool(row[0]), bool(row[1]), bool(row[2]))


def set_unit_role(session: Session, role: str, unit_codes: list[str], *, password: str | None = None,
                  generate_password: bool = False) -> UnitRoleResult:
    """Create (or update) the login role ``role`` for the units ``unit_codes`` and their sub-units.

    A new role without ``password`` gets a generated one (returned once). An existing role must be
    a HoSo unit role (a member of the group, not a superuser); its password changes only when one
    is given or ``generate_password``.
    """
    group = _group(session)
    check_role_name(role)
    if role == group:
        raise UserError(f"'{role}' là nhóm vai trò chung của các đơn vị, không dùng làm vai trò của một đơn vị.")
    codes = list(dict.fromkeys(unit_codes))
    if not codes:
        raise UserError("Cần ít nhất một mã đơn vị.")
    units = {u.code: u for u in session.scalars(select(Unit).where(Unit.code.in_(codes)))}
    missing = [c for c in codes if c not in units]
    if missing:
        raise UserError(f"Mã đơn vị: không có đơn vị mã '{missing[0]}' trong cơ sở dữ liệu thành phố.")
    existing = _role(session, role, group)
    if existing is not None and (existing[0] or not existing[2]):
        raise UserError(f"Vai trò '{role}' đã có trên máy chủ PostgreSQL và không phải vai trò đơn vị của HoSo; "
                        "hãy chọn tên khác.")
    if password is None and (generate_password or existing is None):
        password = generated = secrets.token_urlsafe(18)
    else:
        generated = None
    with refused_privileges("tạo vai trò đơn vị"):
        if existing is None:
            session.execute(text(f'CREATE ROLE "{role}" LOGIN IN ROLE "{group}"'))
        elif not existing[1]:
            session.execute(text(f'ALTER ROLE "{role}" LOGIN'))
        if password is not None:
            _set_password(session, role, password)
    roots = _roots(session)
    roots[role] = codes
    _save_roots(session, roots)
    added, removed, count = _fill_access(session, role, [units[c].id for c in codes])
    return UnitRoleResult(role=role, units=codes, unit_count=count, created=existing is None, password=generated,
                          password_set=password is not None, added=added, removed=removed)


def _set_password(session: Session, role: str, password: str) -> None:
    if not password or not password.isascii() or not password.isprintable() or len(password) < 8:
        raise UserError("Mật khẩu phải có ít nhất 8 ký tự, chỉ gồm chữ không dấu, chữ số và ký hiệu.")
    pgconn = session.connection().connection.driver_connection.pgconn  # type: ignore[union-attr]
    verifier = pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256").decode()
    if "'" in verifier:  # a SCRAM verifier is base64 and '$:'; never a quote
        raise UserError("Không tạo được mật khẩu mã hoá.")
    # exec_driver_sql: the verifier's ':' must not be read as a bound parameter
    session.connection().exec_driver_sql(f"ALTER ROLE \"{role}\" PASSWORD '{verifier}'")


def _fill_access(session: Session, role: str, roots: list[uuid.UUID]) -> tuple[int, int, int]:
    """Make city_unit_access hold exactly the roots and their sub-units for ``role``."""
    wanted: set[uuid.UUID] = set()
    for root in roots:
        wanted.update(subtree_ids(session, root))
    have = set(session.scalars(select(CityUnitAccess.unit_id).where(CityUnitAccess.role_name == role)))
    gone = have - wanted
    if gone:
        session.execute(delete(CityUnitAccess).where(CityUnitAccess.role_name == role,
                                                     CityUnitAccess.unit_id.in_(gone)))
    session.add_all(CityUnitAccess(role_name=role, unit_id=u) for u in sorted(wanted - have))
    session.flush()
    return len(wanted - have), len(gone), len(wanted)


def refresh_unit_access(session: Session) -> dict[str, tuple[int, int]]:
    """Recompute every unit role's units after the unit tree changed: {role: (added, removed)}.

    A unit given to a role that no longer exists in the tree is skipped (its rows go)."""
    _group(session)
    changes: dict[str, tuple[int, int]] = {}
    for role, codes in _roots(session).items():
        ids = list(session.scalars(select(Unit.id).where(Unit.code.in_(codes))))
        added, removed, _count = _fill_access(session, role, ids)
        if added or removed:
            changes[role] = (added, removed)
    return changes


def list_unit_roles(session: Session) -> list[UnitRoleInfo]:
    """Every unit role HoSo knows (given units, number of units it writes, whether it can log in)."""
    group = _group(session)
    counts: dict[str, int] = {}
    for name in session.scalars(select(CityUnitAccess.role_name)):
        counts[name] = counts.get(name, 0) + 1
    roots = _roots(session)
    result = []
    for role in sorted(set(roots) | set(counts)):
        state = _role(session, role, group)
        result.append(UnitRoleInfo(role=role, units=roots.get(role, []), unit_count=counts.get(role, 0),
                                   can_login=bool(state and state[1]), exists=state is not None))
    return result


def remove_unit_role(session: Session, role: str) -> bool:
    """Take a unit role's access away and drop the role. False when HoSo knew no such role."""
    group = _group(session)
    check_role_name(role)
    roots = _roots(session)
    known = roots.pop(role, None) is not None
    _save_roots(session, roots)
    gone = session.execute(delete(CityUnitAccess).where(CityUnitAccess.role_name == role)).rowcount
    state = _role(session, role, group)
    if state is not None and state[2] and not state[0]:
        with refused_privileges("xoá vai trò đơn vị"):
            session.execute(text(f'DROP ROLE "{role}"'))
        return True
    return known or bool(gone)
