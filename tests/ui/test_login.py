"""Signing in at start (ui/login.py): the first run creates the administrator; the sign-in dialog
shows wrong-password and lock-out messages inline; Enter submits, Esc quits; a password set by
the administrator must be changed first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from app.security import passwords
from app.security.users import WRONG
from app.services import HoSoService
from tests.conftest import CHEAP_HASHER
from tests.ui.conftest import commit_text
from ui import login

PASSWORD = "mat-khau-8"


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)


@pytest.fixture
def accounts(service: HoSoService) -> HoSoService:
    """The database with an administrator and a clerk (who must change the password)."""
    admin = HoSoService(service.database)
    admin.accounts.create_first_admin("quantri", "Quản trị viên", PASSWORD)
    admin.accounts.add_user("nhaplieu", "Lê Văn Nhập", "clerk", ["DN.SNV"], PASSWORD, must_change_password=False)
    admin.accounts.add_user("moi", "Người Mới", "clerk", ["DN.SNV"], PASSWORD, must_change_password=True)
    return HoSoService(service.database)


def _fill(dialog: login.LoginDialog, username: str, password: str) -> None:
    dialog.username_edit.setText(username)
    dialog.password_edit.setText(password)


def test_first_run_creates_the_administrator(qtbot, service: HoSoService) -> None:
    fresh = HoSoService(service.database)
    assert fresh.accounts.needs_first_admin()
    dialog = login.FirstRunDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.username_edit.setText("quantri")
    commit_text(dialog.full_name_edit, "Nguyễn Thị Quản")
    dialog.password_edit.setText("ngan")
    dialog.confirm_edit.setText("ngan")
    dialog.ok_button.click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "ít nhất 8 ký tự" in dialog.error_label.text()  # the policy message, inline
    dialog.password_edit.setText(PASSWORD)
    dialog.confirm_edit.setText(PASSWORD + "x")
    dialog.ok_button.click()
    assert "không giống nhau" in dialog.error_label.text()
    dialog.confirm_edit.setText(PASSWORD)
    dialog.ok_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert fresh.principal.username == "quantri" and fresh.principal.role == "admin"
    assert fresh.principal.full_name == "Nguyễn Thị Quản"
    assert not HoSoService(service.database).accounts.needs_first_admin()


def test_wrong_password_is_shown_inline(qtbot, accounts: HoSoService) -> None:
    dialog = login.LoginDialog(accounts)
    qtbot.addWidget(dialog)
    _fill(dialog, "nhaplieu", "sai-mat-khau")
    dialog.ok_button.click()
    assert dialog.error_label.text() == WRONG
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.password_edit.text() == ""  # cleared for the next try
    assert accounts.principal.local  # still nobody signed in


def test_fifth_failure_locks_the_account(qtbot, accounts: HoSoService) -> None:
    dialog = login.LoginDialog(accounts)
    qtbot.addWidget(dialog)
    for _ in range(5):
        _fill(dialog, "nhaplieu", "sai-mat-khau")
        dialog.ok_button.click()
    assert "khoá 15 phút" in dialog.error_label.text()
    _fill(dialog, "nhaplieu", PASSWORD)  # even the right password is refused while locked
    dialog.ok_button.click()
    assert "tạm bị khoá" in dialog.error_label.text()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_enter_signs_in_and_escape_quits(qtbot, accounts: HoSoService) -> None:
    dialog = login.LoginDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, "nhaplieu", PASSWORD)
    QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert accounts.principal.username == "nhaplieu" and accounts.principal.role == "clerk"
    other = login.LoginDialog(HoSoService(accounts.database))
    qtbot.addWidget(other)
    other.show()
    QTest.keyClick(other.username_edit, Qt.Key.Key_Escape)
    assert other.result() == QDialog.DialogCode.Rejected


def test_start_session_signs_in_or_quits(qtbot, accounts: HoSoService, monkeypatch) -> None:
    def sign_in_as(name: str):
        def run(self) -> int:
            _fill(self, name, PASSWORD)
            self.ok_button.click()
            return self.result()
        return run

    monkeypatch.setattr(login.LoginDialog, "exec", sign_in_as("nhaplieu"))
    service = login.start_session(HoSoService(accounts.database))
    assert service is not None and service.principal.username == "nhaplieu"
    monkeypatch.setattr(login.LoginDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert login.start_session(HoSoService(accounts.database)) is None


def test_first_run_is_asked_when_there_is_no_administrator(service: HoSoService, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(login.FirstRunDialog, "exec", lambda self: shown.append("first") or 0)
    monkeypatch.setattr(login.LoginDialog, "exec", lambda self: shown.append("login") or 0)
    assert login.start_session(HoSoService(service.database)) is None
    assert shown == ["first"]


def test_a_password_set_by_the_administrator_must_be_changed(qtbot, accounts: HoSoService, monkeypatch) -> None:
    def sign_in(self) -> int:
        _fill(self, "moi", PASSWORD)
        self.ok_button.click()
        return self.result()

    def change(self) -> int:
        self.old_edit.setText(PASSWORD)
        self.new_edit.setText("mat-khau-moi-9")
        self.confirm_edit.setText("mat-khau-moi-9")
        self.ok_button.click()
        return self.result()

    monkeypatch.setattr(login.LoginDialog, "exec", sign_in)
    monkeypatch.setattr(login.ChangePasswordDialog, "exec", change)
    service = login.start_session(HoSoService(accounts.database))
    assert service is not None and not service.principal.must_change_password
    assert HoSoService(accounts.database).accounts.sign_in("moi", "mat-khau-moi-9").username == "moi"


def test_change_password_shows_the_refusal(qtbot, accounts: HoSoService) -> None:
    accounts.accounts.sign_in("nhaplieu", PASSWORD)
    dialog = login.ChangePasswordDialog(accounts)
    qtbot.addWidget(dialog)
    dialog.old_edit.setText("khong-dung-1")
    dialog.new_edit.setText("mat-khau-moi-9")
    dialog.confirm_edit.setText("mat-khau-moi-9")
    dialog.ok_button.click()
    assert dialog.error_label.text() == "Mật khẩu hiện tại không đúng."
    assert dialog.result() != QDialog.DialogCode.Accepted


def _under_exec(dialog, steps) -> int:
    """Run ``dialog`` with exec() as the app does; ``steps`` run from the event loop, like a user:
    click into the first field (the focus leaves the button), type, press Enter."""
    from PySide6.QtCore import QTimer

    outcome: list[str] = []

    def act() -> None:
        try:
            dialog.activateWindow()  # a real window manager activates it (offscreen: ask for it)
            assert QTest.qWaitForWindowActive(dialog)
            steps()
        except BaseException as exc:  # noqa: BLE001 - reported after exec() returns
            outcome.append(repr(exc))
        finally:
            QTimer.singleShot(500, dialog.reject)  # Enter did nothing: do not wait forever

    QTimer.singleShot(0, act)
    code = dialog.exec()
    assert not outcome, outcome
    return code


def _click_into(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    widget.setFocus(Qt.FocusReason.MouseFocusReason)


def test_enter_signs_in_under_exec(qtbot, accounts: HoSoService) -> None:
    dialog = login.LoginDialog(accounts)
    qtbot.addWidget(dialog)

    def steps() -> None:
        assert dialog.focusWidget() is dialog.username_edit  # the first field has the focus
        _click_into(dialog.username_edit)
        QTest.keyClicks(dialog.username_edit, "nhaplieu")
        _click_into(dialog.password_edit)
        QTest.keyClicks(dialog.password_edit, PASSWORD)
        assert dialog.ok_button.isDefault()
        QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)

    assert _under_exec(dialog, steps) == QDialog.DialogCode.Accepted
    assert accounts.principal.username == "nhaplieu"


def test_enter_creates_the_administrator_under_exec(qtbot, service: HoSoService) -> None:
    fresh = HoSoService(service.database)
    dialog = login.FirstRunDialog(fresh)
    qtbot.addWidget(dialog)

    def steps() -> None:
        for edit, text in ((dialog.username_edit, "quantri"), (dialog.full_name_edit, "Quan Tri"),
                           (dialog.password_edit, PASSWORD), (dialog.confirm_edit, PASSWORD)):
            _click_into(edit)
            QTest.keyClicks(edit, text)
        QTest.keyClick(dialog.confirm_edit, Qt.Key.Key_Enter)

    assert _under_exec(dialog, steps) == QDialog.DialogCode.Accepted
    assert fresh.principal.username == "quantri"
