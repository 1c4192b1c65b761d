"""Accounts: the first administrator, sign-in with lock-out, passwords, roles, units.

An account is never deleted (the logs name it): it is deactivated. Five wrong passwords in a row
lock it for 15 minutes; the error never says whether the name or the password was wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.security import passwords
from app.security.access import log as log_access
from app.security.principal import ROLE_LABELS, Principal, for_user
from app.text import nfc
from models import Unit, User, UserUnit
from models.security import ROLES

MAX_FAILURES = 5
LOCK_MINUTES = 15
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
Clock = Callable[[], dt.datetime]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: str
    role_label: str
    unit_codes: tuple[str, ...]
    active: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    must_change_password: bool

    def as_json(self) -> dict[str, object]:
        return {"username": self.username, "full_name": self.full_name, "role": self.role,
                "units": list(self.unit_codes), "active": self.active,
                "locked_until": self.locked_until.isoformat() if self.locked_until else None,
                "last_login_at": self.last_login_at.isoformat() if self.last_login_at else None,
                "must_change_password": self.must_change_password}


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


def needs_first_admin(session: Session) -> bool:
    """True while the database has no active administrator account (the first run)."""
    return not session.scalar(select(func.count()).select_from(User)
                              .where(User.role == "admin", User.active.is_(True)))


def _get(session: Session, username: str) -> User:
    user = session.scalars(select(User).where(User.username == nfc(username).strip())).one_or_none()
    if user is None:
        raise UserError(f"Không có tài khoản '{username}'.")
    return user


def _check_username(username: str) -> str:
    name = nfc(username).strip()
    if not name or len(name) > 80 or any(c.isspace() for c in name):
        raise UserError("Tên đăng nhập phải có từ 1 đến 80 ký tự và không có khoảng trắng.")
    return name


def _check_password(username: str, password: str) -> None:
    problems = passwords.policy_errors(username, password)
    if problems:
        raise UserError(" ".join(problems))


def _units(session: Session, codes: Sequence[str]) -> list[Unit]:
    found = []
    for code in codes:
        unit = session.scalars(select(Unit).where(Unit.code == nfc(code).strip())).one_or_none()
        if unit is None or unit.deleted_at is not None:
            raise UserError(f"Không có đơn vị mã '{code}'.")
        found.append(unit)
    return found


def create_user(session: Session, username: str, full_name: str, role: str, unit_codes: Sequence[str],
                password: str, *, must_change_password: bool = False) -> UserInfo:
    name = _check_username(username)
    if role not in ROLES:
        raise UserError(f"Vai trò '{role}' không có; chọn một trong: {', '.join(ROLES)}.")
    if session.scalar(select(func.count()).select_from(User).where(User.username == name)):
        raise UserError(f"Tài khoản '{name}' đã có.")
    units = _units(session, unit_codes)
    if role != "admin" and not units:
        raise UserError(f"Tài khoản vai trò {ROLE_LABELS[role]} phải được giao ít nhất một đơn vị.")
    _check_password(name, password)
    user = User(username=name, full_name=nfc(full_name or "").strip(), role=role,
                password_hash=passwords.hash_password(password), failed_attempts=0, active=True,
                must_change_password=must_change_password)
    session.add(user)
    session.flush()
    for unit in units:
        session.add(UserUnit(user_id=user.id, unit_id=unit.id))
    session.flush()
    return info(session, name)


def create_first_admin(session: Session, username: str, full_name: str, password: str) -> UserInfo:
    """The first run: the database's first administrator (refused once one exists)."""
    if not needs_first_admin(session):
        raise UserError("Cơ sở dữ liệu đã có tài khoản quản trị.")
    return create_user(session, username, full_name, "admin", (), password)


def authenticate(session: Session, username: str, password: str, *, clock: Clock = _now) -> Principal:
    """Sign in. Wrong name or password: one generic message; the fifth failure in a row locks the
    account for ``LOCK_MINUTES``; deactivated accounts are refused. Both outcomes are logged."""
    now = clock()
    name = nfc(username or "").strip()
    user = session.scalars(select(User).where(User.username == name)).one_or_none()
    if user is None:
        passwords.verify_password(_DUMMY(), password)  # same cost as a real check
        log_access(session, name or "?", "login_failed", detail="tài khoản không có")
        raise UserError(WRONG)
    locked = _aware(user.locked_until)
    if locked is not None and locked > now:
        log_access(session, name, "login_failed", detail="tài khoản đang bị khoá")
        minutes = max(1, int((locked - now).total_seconds() // 60) + 1)
        raise UserError(f"Tài khoản tạm bị khoá do nhập sai mật khẩu nhiều lần; thử lại sau {minutes} phút.")
    if not passwords.verify_password(user.password_hash, password):
        user.failed_attempts = (0 if locked is not None else user.failed_attempts or 0) + 1
        user.locked_until = None
        detail = f"sai mật khẩu lần {user.failed_attempts}"
        if user.failed_attempts >= MAX_FAILURES:
            user.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
            detail += f"; khoá {LOCK_MINUTES} phút"
        log_access(session, name, "login_failed", detail=detail)
        session.flush()
        if user.locked_until is not None:
            raise UserError(f"{WRONG} Tài khoản bị khoá {LOCK_MINUTES} phút do nhập sai {MAX_FAILURES} lần.")
        raise UserError(WRONG)
    if not user.active:
        log_access(session, name, "login_failed", detail="tài khoản đã ngừng sử dụng")
        raise UserError(f"Tài khoản '{name}' đã ngừng sử dụng; hãy liên hệ quản trị viên.")
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    log_access(session, name, "login")
    session.flush()
    return for_user(session, user)


_dummy_hash: dict[tuple, str] = {}


def _DUMMY() -> str:  # noqa: N802 - a lazily made constant, one per hasher (same cost as a real check)
    # keyed by the hasher's parameters, not its id(): a freed hasher's address can be taken by
    # another one of another cost (the change-log hook's bug, app.audit.install)
    h = passwords.hasher()
    key = (h.time_cost, h.memory_cost, h.parallelism, h.hash_len, h.salt_len, h.type)
    if key not in _dummy_hash:
        _dummy_hash[key] = passwords.hash_password("hoso-không-có-tài-khoản")
    return _dummy_hash[key]


def change_password(session: Session, username: str, old_password: str, new_password: str) -> None:
    user = _get(session, username)
    if not passwords.verify_password(user.password_hash, old_password):
        raise UserError("Mật khẩu hiện tại không đúng.")
    if new_password == old_password:
        raise UserError("Mật khẩu mới phải khác mật khẩu hiện tại.")
    _check_password(user.username, new_password)
    user.password_hash = passwords.hash_password(new_password)
    user.must_change_password = False
    log_access(session, user.username, "password", detail="đổi mật khẩu")
    session.flush()


def reset_password(session: Session, by: str, username: str, new_password: str, *,
                   must_change: bool = True) -> None:
    """An administrator sets a new password (the user must change it at the next sign-in) and unlocks."""
    user = _get(session, username)
    _check_password(user.username, new_password)
    user.password_hash = passwords.hash_password(new_password)
    user.must_change_password = must_change
    user.failed_attempts = 0
    user.locked_until = None
    log_access(session, by, "user", detail=f"đặt lại mật khẩu cho {user.username}")
    session.flush()


def set_role(session: Session, by: str, username: str, role: str) -> None:
    if role not in ROLES:
        raise UserError(f"Vai trò '{role}' không có; chọn một trong: {', '.join(ROLES)}.")
    user = _get(session, username)
    if user.role == "admin" and role != "admin":
        _keep_an_admin(session, user)
    old, user.role = user.role, role
    log_access(session, by, "user", detail=f"đổi vai trò của {user.username}: {old} → {role}")
    session.flush()


def set_units(session: Session, by: str, username: str, unit_codes: Sequence[str]) -> None:
    user = _get(session, username)
    units = _units(session, unit_codes)
    if user.role != "admin" and not units:
        raise UserError(f"Tài khoản vai trò {ROLE_LABELS[user.role]} phải được giao ít nhất một đơn vị.")
    session.execute(delete(UserUnit).where(UserUnit.user_id == user.id))
    for unit in units:
        session.add(UserUnit(user_id=user.id, unit_id=unit.id))
    log_access(session, by, "user", detail=f"giao đơn vị cho {user.username}: {', '.join(u.code for u in units) or '-'}")
    session.flush()


def set_active(session: Session, by: str, username: str, active: bool) -> None:
    """Deactivate (or reactivate) an account; accounts are never deleted."""
    user = _get(session, username)
    if not active and user.role == "admin":
        _keep_an_admin(session, user)
    user.active = active
    if active:
        user.failed_attempts, user.locked_until = 0, None
    log_access(session, by, "user", detail=f"{'mở lại' if active else 'ngừng'} tài khoản {user.username}")
    session.flush()


def _keep_an_admin(session: Session, user: User) -> None:
    others = session.scalar(select(func.count()).select_from(User).where(
        User.role == "admin", User.active.is_(True), User.id != user.id))
    if not others:
        raise UserError("Phải còn ít nhất một tài khoản quản trị đang hoạt động.")


def info(session: Session, username: str) -> UserInfo:
    user = _get(session, username)
    return _info(session, user)


def _info(session: Session, user: User) -> UserInfo:
    codes = tuple(session.scalars(select(Unit.code).join(UserUnit, UserUnit.unit_id == Unit.id)
                                  .where(UserUnit.user_id == user.id).order_by(Unit.code)))
    return UserInfo(user.username, user.full_name, user.role, ROLE_LABELS.get(user.role, user.role), codes,
                    user.active, _aware(user.locked_until), _aware(user.last_login_at), user.must_change_password)


def list_users(session: Session) -> list[UserInfo]:
    return [_info(session, u) for u in session.scalars(select(User).order_by(User.username))]


def sign_in(db: object, username: str, password: str, *, clock: Clock = _now) -> Principal:
    """``authenticate`` in its own transaction that is kept even when the sign-in is refused
    (the failure count and the log entry must stay)."""
    refused: UserError | None = None
    with db.session(nfc(username or "").strip() or "?") as session:  # type: ignore[attr-defined]
        try:
            return authenticate(session, username, password, clock=clock)
        except UserError as exc:
            refused = exc
    raise refused
