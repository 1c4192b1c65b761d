"""Who is acting: ``Principal`` (username, role, units, city mode).

``unit_ids`` holds the user's units WITH all their sub-units (expanded when the principal is
made, again by ``refresh`` after the unit tree changed; ``unit_roots`` keeps the units given);
``None`` means every unit (administrators). On the city database (``is_city_readonly``) the
units' records are read-only in the app for EVERYONE — the Department and unit roles alike:
units deliver them by sync or package, never by the app's editor.

The command line on a local SQLite file acts as that file's administrator (``local_admin``): the
protection of a local file is its file permissions. On PostgreSQL it acts as the account named in
the URL: the HoSo account bound to the login, or the Department; anything else is refused
(``for_cli``).
"""

from __future__ import annotations

import dataclasses
import getpass
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.errors import UserError
from models import Setting, Unit, User, UserUnit

CITY_SETTING = "database_role"  # written by ``city init`` (app/city/init.py): {"role": "city", …}


def current_user() -> str:
    """The operating-system user (the local administrator's name; app.db names writers the same way)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "hoso"

ROLE_LABELS = {"admin": "quản trị viên", "clerk": "cán bộ nhập liệu", "head": "lãnh đạo đơn vị",
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
    unit_roots: frozenset[uuid.UUID] | None = None  # the units given (``unit_ids`` adds their sub-units)

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


def refresh(session: Session, principal: Principal) -> Principal:
    """The principal with its units expanded again from ``unit_roots`` (after units were added or
    moved); unchanged for the unscoped."""
    if principal.unit_ids is None or principal.unit_roots is None:
        return principal
    units = expand_units(session, principal.unit_roots)
    return principal if units == principal.unit_ids else dataclasses.replace(principal, unit_ids=units)


def city_mode(session: Session) -> bool:
    """True on the city database: PostgreSQL prepared by ``city init`` (the same test as
    ``app.city.mode.is_city_database``, read here so that who-acts never imports the city package;
    tests/city/test_cli_principal.py checks the two agree)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    row = session.get(Setting, CITY_SETTING)
    return row is not None and (row.value or {}).get("role") == "city"


def for_user(session: Session, user: object, *, is_city_readonly: bool | None = None) -> Principal:
    """The principal of a ``models.User`` row (units expanded)."""
    roots = frozenset(session.scalars(select(UserUnit.unit_id).where(UserUnit.user_id == user.id)))  # type: ignore[attr-defined]
    admin = user.role == "admin"  # type: ignore[attr-defined]
    units = None if admin else expand_units(session, roots)
    city = city_mode(session) if is_city_readonly is None else is_city_readonly
    return Principal(user.username, user.role, units, city, user.full_name or "",  # type: ignore[attr-defined]
                     bool(user.must_change_password), unit_roots=None if admin else roots)  # type: ignore[attr-defined]


def for_cli(db: object) -> Principal:
    """Who the command line (and the desktop app on PostgreSQL) acts as: on a local SQLite file its
    administrator (the file's own permissions protect it); on PostgreSQL the HoSo account bound to
    the login — the active ``users`` row whose username is the login's name — with that account's
    role and units; without one, a superuser or the database's owner is the Department (every
    unit). Any other login (a city unit's login, which may only ``sync``) is refused here: it
    has no HoSo account and no right to read the tables. On the city database every one of them is
    read-only for the units' records (``is_city_readonly``)."""
    from sqlalchemy.engine import make_url

    url = make_url(db.url)  # type: ignore[attr-defined]
    if url.get_backend_name() == "sqlite":
        return local_admin()
    with db.session() as session:  # type: ignore[attr-defined]
        login = session.scalar(text("SELECT current_user"))
        name = url.username or login or current_user()
        department = bool(session.scalar(text(
            "SELECT r.rolsuper OR d.datdba = r.oid FROM pg_roles r, pg_database d "
            "WHERE r.rolname = current_user AND d.datname = current_database()")))
        # A login without SELECT on ``users`` (a unit login) must not even try: a refused statement
        # would end the transaction.
        readable = bool(session.scalar(text("SELECT has_table_privilege(current_user, 'users', 'SELECT')")))
        if readable:
            city = city_mode(session)
            user = session.scalars(select(User).where(User.username == name, User.active.is_(True))).one_or_none()
            if user is not None:
                return for_user(session, user, is_city_readonly=city)
            if department:
                return Principal(name, "admin", None, city, local=False)
    if department:
        return Principal(name, "admin", None, False, local=False)
    raise UserError(f"Tên đăng nhập cơ sở dữ liệu '{name}' không gắn với tài khoản HoSo nào đang dùng: trên cơ sở "
                    "dữ liệu thành phố, tên đăng nhập của đơn vị chỉ dùng để đồng bộ (hoso sync); để xem hay in hồ sơ "
                    "hãy dùng tên đăng nhập của một tài khoản HoSo.")
