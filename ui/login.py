"""Signing in at start: the first run creates the administrator, later runs ask for a name and
password. On the city database (PostgreSQL) nobody is asked: the URL's account is the user.

Entry point: ``start_session(services, parent=None) -> HoSoService | None`` (None: the user quit). The
dialogs show the service's refusals (password policy, wrong password, lock-out) inline.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.security.principal import Principal
from app.services import HoSoService
from ui import dialogs
from ui.app_texts import app_text

ERROR_STYLE = "color: #b00020; background: #fdecea; padding: 6px;"


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _Form(QDialog):
    """A small form with an inline error line and OK / Cancel; ``submit`` does the work."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, ok_text: str, cancel_text: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.principal: Principal | None = None
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("ok_button")
        dialogs.default_button(self, self.ok_button)  # Enter submits (see default_button)
        cancel = self.buttons.addButton(cancel_text or tr("Thoát"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancel_button")
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def showEvent(self, event) -> None:  # noqa: ANN001,N802 - Qt's name
        super().showEvent(event)
        first = self.form.itemAt(0, QFormLayout.ItemRole.FieldRole)
        if first is not None and first.widget() is not None:
            first.widget().setFocus()  # the buttons were made first: without this they would have the focus

    def show_error(self, message: str) -> None:
        self.error_label.setText(app_text(message))  # the app's fixed refusals have an English text
        self.error_label.show()

    def _try(self) -> None:
        try:
            self.submit()
        except UserError as exc:
            self.show_error(str(exc))
            return
        self.accept()

    def submit(self) -> None:
        raise NotImplementedError


class FirstRunDialog(_Form):
    """No administrator yet: create one (and sign in as them)."""

    def __init__(self, service: HoSoService, parent: QWidget | None = None):
        super().__init__(parent, tr("HoSo — Tạo tài khoản quản trị"),
                         tr("Đây là lần đầu dùng cơ sở dữ liệu này. Hãy tạo tài khoản quản trị viên: "
                            "người quản lý tài khoản, phân quyền và xem nhật ký."), tr("Tạo tài khoản"))
        self.service = service
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username_edit")
        self.full_name_edit = QLineEdit()
        self.full_name_edit.setObjectName("full_name_edit")
        self.password_edit = _password_edit("password_edit")
        self.confirm_edit = _password_edit("confirm_edit")
        self.form.addRow(tr("Tên đăng nhập"), self.username_edit)
        self.form.addRow(tr("Họ và tên"), self.full_name_edit)
        self.form.addRow(tr("Mật khẩu (ít nhất 8 ký tự)"), self.password_edit)
        self.form.addRow(tr("Nhập lại mật khẩu"), self.confirm_edit)

    def submit(self) -> None:
        if self.password_edit.text() != self.confirm_edit.text():
            self.confirm_edit.clear()
            self.confirm_edit.setFocus()
            raise UserError(tr("Hai lần nhập mật khẩu không giống nhau."))
        self.principal = self.service.accounts.create_first_admin(self.username_edit.text(), self.full_name_edit.text(),
                                                         self.password_edit.text())


class LoginDialog(_Form):
    def __init__(self, service: HoSoService, parent: QWidget | None = None):
        super().__init__(parent, tr("HoSo — Đăng nhập"), tr("Đăng nhập để làm việc với hồ sơ."), tr("Đăng nhập"))
        self.service = service
        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username_edit")
        self.password_edit = _password_edit("password_edit")
        self.form.addRow(tr("Tên đăng nhập"), self.username_edit)
        self.form.addRow(tr("Mật khẩu"), self.password_edit)

    def submit(self) -> None:
        try:
            self.principal = self.service.accounts.sign_in(self.username_edit.text(), self.password_edit.text())
        except UserError:
            self.password_edit.clear()
            self.password_edit.setFocus()
            raise


class ChangePasswordDialog(_Form):
    """Old password, new one twice. ``forced``: the administrator set the password (first sign-in)."""

    def __init__(self, service: HoSoService, parent: QWidget | None = None, *, forced: bool = False):
        intro = (tr("Mật khẩu của bạn do quản trị viên đặt: hãy đổi mật khẩu trước khi làm việc.") if forced
                 else tr("Đổi mật khẩu của tài khoản {name}.").format(name=service.principal.username))
        super().__init__(parent, tr("Đổi mật khẩu"), intro, tr("Đổi mật khẩu"), tr("Thoát") if forced else tr("Huỷ"))
        self.service = service
        self.old_edit = _password_edit("old_password_edit")
        self.new_edit = _password_edit("new_password_edit")
        self.confirm_edit = _password_edit("confirm_edit")
        self.form.addRow(tr("Mật khẩu hiện tại"), self.old_edit)
        self.form.addRow(tr("Mật khẩu mới (ít nhất 8 ký tự)"), self.new_edit)
        self.form.addRow(tr("Nhập lại mật khẩu mới"), self.confirm_edit)

    def submit(self) -> None:
        if self.new_edit.text() != self.confirm_edit.text():
            self.confirm_edit.clear()
            self.confirm_edit.setFocus()
            raise UserError(tr("Hai lần nhập mật khẩu mới không giống nhau."))
        self.service.accounts.change_password(self.old_edit.text(), self.new_edit.text())


def ask_sign_in(service: HoSoService, parent: QWidget | None = None) -> Principal | None:
    """The first-run or the sign-in dialog (then a forced password change); None when the user quit."""
    dialog = FirstRunDialog(service, parent) if service.accounts.needs_first_admin() else LoginDialog(service, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.principal is None:
        return None
    if dialog.principal.must_change_password:
        if ChangePasswordDialog(service, parent, forced=True).exec() != QDialog.DialogCode.Accepted:
            return None
    return service.principal


def start_session(service: HoSoService, parent: QWidget | None = None) -> HoSoService | None:
    """The services the main window works through, acting as the signed-in user (None: quit)."""
    try:
        preset = service.accounts.desktop_principal()
    except UserError as exc:
        QMessageBox.critical(parent, "HoSo", str(exc))
        return None
    if preset is not None:
        service.accounts.use(preset)
        return service
    return service if ask_sign_in(service, parent) is not None else None
