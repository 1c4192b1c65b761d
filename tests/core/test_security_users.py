"""Accounts: first run, sign-in, lock-out with a clock, password rules, roles, deactivation."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.security import passwords, users
from app.services import HoSoService
from models.security import AccessLog, User
from tests.core.security_fixtures import PASSWORD, fast_hashing  # noqa: F401 - autouse fixture


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


def test_first_run_creates_the_administrator_once(db):
    service = HoSoService(db)
    assert service.accounts.needs_first_admin()
    principal = service.accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    assert principal.role == "admin" and principal.unit_ids is None and service.principal == principal
    assert not service.accounts.needs_first_admin()
    with pytest.raises(UserError, match="đã có tài khoản quản trị"):
        service.accounts.create_first_admin("khac", "Khác", PASSWORD)
    with db.session() as s:
        stored = s.scalars(select(User)).one().password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored


def test_wrong_user_and_wrong_password_give_the_same_message(db):
    HoSoService(db).accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    with pytest.raises(UserError) as nobody:
        HoSoService(db).accounts.sign_in("khongco", PASSWORD)
    with pytest.raises(UserError) as wrong:
        HoSoService(db).accounts.sign_in("quantri", "sai-mat-khau")
    assert str(nobody.value) == str(wrong.value) == users.WRONG
    with db.session() as s:
        actions = [r.action for r in s.scalars(select(AccessLog).order_by(AccessLog.id))]
    assert actions == ["login", "login_failed", "login_failed"]  # refusals are kept (not rolled back)


def test_lock_out_after_five_failures_and_unlock_after_the_period(db):
    HoSoService(db).accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    clock = Clock()
    service = HoSoService(db)
    for _ in range(4):
        with pytest.raises(UserError, match="không đúng"):
            service.accounts.sign_in("quantri", "sai-mat-khau", clock=clock)
    with pytest.raises(UserError, match="bị khoá 15 phút"):
        service.accounts.sign_in("quantri", "sai-mat-khau", clock=clock)
    clock.now += dt.timedelta(minutes=5)
    with pytest.raises(UserError, match="tạm bị khoá"):  # even the right password is refused now
        service.accounts.sign_in("quantri", PASSWORD, clock=clock)
    clock.now += dt.timedelta(minutes=11)
    assert service.accounts.sign_in("quantri", PASSWORD, clock=clock).username == "quantri"
    with db.session() as s:
        user = s.scalars(select(User)).one()
        assert user.failed_attempts == 0 and user.locked_until is None


def test_failures_are_counted_afresh_after_a_success(db):
    HoSoService(db).accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    service = HoSoService(db)
    for _ in range(4):
        with pytest.raises(UserError):
            service.accounts.sign_in("quantri", "sai")
    service.accounts.sign_in("quantri", PASSWORD)
    with pytest.raises(UserError, match="không đúng") as exc:
        service.accounts.sign_in("quantri", "sai")
    assert "khoá" not in str(exc.value)


@pytest.mark.parametrize(("new", "message"), [("ngan", "ít nhất 8"), ("QuanTri", "trùng với tên đăng nhập"),
                                               ("quantri", "trùng với tên đăng nhập")])
def test_password_policy(db, new, message):
    service = HoSoService(db)
    service.accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    with pytest.raises(UserError, match=message):
        service.accounts.change_password(PASSWORD, new)


def test_change_password_needs_the_old_one(db):
    service = HoSoService(db)
    service.accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    with pytest.raises(UserError, match="hiện tại không đúng"):
        service.accounts.change_password("sai-mat-khau", "mat-khau-moi-1")
    service.accounts.change_password(PASSWORD, "mat-khau-moi-1")
    with pytest.raises(UserError):
        HoSoService(db).accounts.sign_in("quantri", PASSWORD)
    assert HoSoService(db).accounts.sign_in("quantri", "mat-khau-moi-1").role == "admin"


def test_new_accounts_must_change_password_and_units_include_sub_units(db):
    admin = HoSoService(db)
    admin.accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    admin.accounts.add_user("nhaplieu", "Người nhập", "clerk", ["DN.SNV"], PASSWORD)
    principal = HoSoService(db).accounts.sign_in("nhaplieu", PASSWORD)
    assert principal.must_change_password
    from models import Unit

    with db.session() as s:
        codes = {c for uid, c in s.execute(select(Unit.id, Unit.code)) if uid in principal.unit_ids}
    assert codes == {"DN.SNV", "DN.SNV.CCVC"}


def test_deactivated_accounts_are_refused_and_never_deleted(db):
    admin = HoSoService(db)
    admin.accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    admin.accounts.add_user("xem", "Người xem", "viewer", ["DN"], PASSWORD)
    admin.accounts.set_user_active("xem", False)
    with pytest.raises(UserError, match="ngừng sử dụng"):
        HoSoService(db).accounts.sign_in("xem", PASSWORD)
    assert [u.username for u in admin.accounts.users()] == ["quantri", "xem"]
    with pytest.raises(UserError, match="ít nhất một tài khoản quản trị"):
        admin.accounts.set_user_active("quantri", False)


def test_accounts_are_managed_by_administrators_only(db):
    admin = HoSoService(db)
    admin.accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    admin.accounts.add_user("nhaplieu", "Người nhập", "clerk", ["DN.SNV"], PASSWORD)
    clerk = HoSoService(db)
    clerk.accounts.sign_in("nhaplieu", PASSWORD)
    with pytest.raises(UserError, match="không được quản lý tài khoản"):
        clerk.accounts.add_user("khac", "Khác", "admin", [], PASSWORD)
    with pytest.raises(UserError, match="phải được giao ít nhất một đơn vị"):
        admin.accounts.add_user("khac", "Khác", "viewer", [], PASSWORD)
    with pytest.raises(UserError, match="Không có đơn vị"):
        admin.accounts.add_user("khac", "Khác", "viewer", ["KHONGCO"], PASSWORD)


def test_admin_reset_unlocks_and_forces_a_change(db):
    admin = HoSoService(db)
    admin.accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    admin.accounts.add_user("xem", "Người xem", "viewer", ["DN"], PASSWORD, must_change_password=False)
    for _ in range(5):
        with pytest.raises(UserError):
            HoSoService(db).accounts.sign_in("xem", "sai-mat-khau")
    admin.accounts.reset_password("xem", "mat-khau-moi-1")
    assert HoSoService(db).accounts.sign_in("xem", "mat-khau-moi-1").must_change_password


def test_hashes_made_with_other_parameters_are_remade(db, monkeypatch):
    HoSoService(db).accounts.create_first_admin("quantri", "Quản trị", PASSWORD)
    with db.session() as s:
        before = s.scalars(select(User)).one().password_hash
    monkeypatch.setattr(passwords, "HASHER", passwords.PasswordHasher(time_cost=2, memory_cost=8, parallelism=1))
    HoSoService(db).accounts.sign_in("quantri", PASSWORD)
    with db.session() as s:
        after = s.scalars(select(User)).one().password_hash
    assert before != after and "t=2" in after
