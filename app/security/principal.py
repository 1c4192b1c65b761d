"""Who is acting: ``Principal`` (username, role, units, city mode).

``unit_ids`` holds the user's units WITH all their sub-units (expanded when the principal is
made); ``None`` means every unit (administrators). On the city database (``is_city_readonly``)
the units' records are read-only in the app for everyone: units deliver them by sync or package.

The command line on a local SQLite file acts as that file's administrator (``local_admin``): the
protection of a local file is its file permissions. On PostgreSQL it acts as the account named in
the URL (``for_cli``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db import current_user

ROLE_LABELS = {"admin": "quản trị viên", "clerk": "chuyên viên nhập liệu", "head": "trưởng đơn vị",
               "viewer": "người xem"}


@dataclass(frozen=True)
class Principal:
    username: str
    role: str  # admin | clerk | head | viewer
    unit_ids: frozenset[uuid.UUID] | None = None  # None = every unit
    is_city_readonly: bool = False
    full_name: str = ""
    must_change_password: bool = False
    local: bool = False  # the local file's administrator (command line, or no sign-in asked)

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def covers(self, unit_id: uuid.UUID | None) -> bool:
        """Whether a record placed in ``unit_id`` is within this principal's units."""
        if self.unit_ids is None:
            return True
        return unit_id is not None and unit_id in self.unit_ids


def local_admin(username: str | None = None, *, is_city_readonly: bool = False) -> Principal:
    """The administrator of a local file: the command line, and HoSoService when no principal is given."""
    return Principal(username or current_user(), "admin", None, is_city_readonly, local=True)


def expand_units(session: Session, roots: Iterable[uuid.UUID]) -> frozenset[uuid.UUID]:
    """The units and every unit below them."""
    from models import Unit

    children: dict[uuid.UUID, list[uuid.UUID]] = {}
    for uid, pid in session.execute(select(Unit.id, Unit.parent_id)):
        if pid is not None:
            children.setdefault(pid, []).append(uid)
    result: set[uuid.UUID] = set()
    stack = list(roots)
    while stack:
        current = stack.pop()
        if current not in result:
            result.add(current)
            stack.extend(children.get(current, []))
    return frozenset(result)


def city_mode(session: Session) -> bool:
    """True on the city database (app.city.mode, when that module is present)."""
    try:
        from app.city.mode import is_city_database
    except ImportError:
        return False
    return bool(is_city_database(session))


def for_user(session: Session, user: object, *, is_city_readonly: bool | None = None) -> Principal:
    """The principal of a ``models.User`` row (units expanded)."""
    from models import UserUnit

    roots = list(session.scalars(select(UserUnit.unit_id).where(UserUnit.user_id == user.id)))  # type: ignore[attr-defined]
    units = None if user.role == "admin" else expand_units(session, roots)  # type: ignore[attr-defined]
    city = city_mode(session) if is_city_readonly is None else is_city_readonly
    return Principal(user.username, user.role, units, city, user.full_name or "",  # type: ignore[attr-defined]
                     bool(user.must_change_password))  # type: ignore[attr-defined]


def for_cli(db: object) -> Principal:
    """Who the command line acts as: on a local SQLite file its administrator; on PostgreSQL the
    URL's user — its HoSo account when there is one, else the database role: a superuser or the
    database owner reads every unit (Department), another role the units granted to it
    (``city_unit_access``)."""
    from sqlalchemy.engine import make_url

    from models import User

    url = make_url(db.url)  # type: ignore[attr-defined]
    if url.get_backend_name() == "sqlite":
        return local_admin()
    with db.session() as session:  # type: ignore[attr-defined]
        city = city_mode(session)
        name = url.username or session.scalar(text("SELECT current_user")) or current_user()
        user = session.scalars(select(User).where(User.username == name, User.active.is_(True))).one_or_none()
        if user is not None:
            return for_user(session, user, is_city_readonly=city)
        row = session.execute(text(
            "SELECT r.rolsuper OR d.datdba = r.oid FROM pg_roles r, pg_database d "
            "WHERE r.rolname = current_user AND d.datname = current_database()")).scalar()
        if row:
            return Principal(name, "admin", None, city, local=False)
        roots = session.execute(text("SELECT unit_id FROM city_unit_access WHERE role_name = :n"),
                                {"n": name}).scalars().all()
        ids = [r if isinstance(r, uuid.UUID) else uuid.UUID(str(r)) for r in roots]
        return Principal(name, "head", expand_units(session, ids), city)
