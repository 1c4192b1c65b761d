"""Công cụ → Người dùng và phân quyền (administrators): the accounts, a new account, role and
units, a new password, stopping or reopening an account. Accounts are never deleted.

Entry point: ``UsersDialog.ask(parent, service)``; ``UserDialog.ask(parent, units, user=None)``
returns the form's answer (a test can call or mock it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.security.users import UserInfo
from app.services import HoSoService
from app.text import fold
from app.units import UnitRow
from ui.dialogs import show_error
from ui.security_common import ROLES, fill_table, read_only_table, role_label, role_labels, tr, when


@dataclass(frozen=True)
class UserInput:
    username: str
    full_name: str
    role: str
    unit_codes: tuple[str, ...]
    password: str


class UserDialog(QDialog):
    """A new account (``user`` None) or an existing one's role and units."""

    def __init__(self, parent: QWidget | None, units: list[UnitRow], user: UserInfo | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Thêm tài khoản") if user is None else tr("Tài khoản {name}").format(name=user.username))
        self.username_edit = QLineEdit(user.username if user else "")
        self.username_edit.setObjectName("username_edit")
        self.username_edit.setReadOnly(user is not None)
        self.full_name_edit = QLineEdit(user.full_name if user else "")
        self.full_name_edit.setObjectName("full_name_edit")
        self.full_name_edit.setReadOnly(user is not None)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("role_combo")
        for role in ROLES:
            self.role_combo.addItem(role_labels()[role], role)
        self.role_combo.setCurrentIndex(self.role_combo.findData(user.role if user else "clerk"))
        self.units_list = QListWidget()
        self.units_list.setObjectName("units_list")
        chosen = set(user.unit_codes) if user else set()
        depth: dict[object, int] = {}
        for unit in units:
            if not unit.active:
                continue
            depth[unit.id] = depth.get(unit.parent_id, -1) + 1
            item = QListWidgetItem("    " * depth[unit.id] + f"{unit.name} ({unit.code})")
            item.setData(Qt.ItemDataRole.UserRole, unit.code)
            item.setCheckState(Qt.CheckState.Checked if unit.code in chosen else Qt.CheckState.Unchecked)
            self.units_list.addItem(item)
        self.unit_filter = QLineEdit()
        self.unit_filter.setObjectName("unit_filter_edit")
        self.unit_filter.setPlaceholderText(tr("Lọc theo tên hoặc mã đơn vị (gõ không dấu được)"))
        self.unit_filter.textChanged.connect(self._filter_units)
        units_box = QVBoxLayout()
        units_box.addWidget(self.unit_filter)
        units_box.addWidget(self.units_list)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(tr("Tên đăng nhập"), self.username_edit)
        form.addRow(tr("Họ và tên"), self.full_name_edit)
        form.addRow(tr("Vai trò"), self.role_combo)
        form.addRow(tr("Đơn vị (gồm cả đơn vị trực thuộc)"), units_box)
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        if user is None:
            form.addRow(tr("Mật khẩu ban đầu"), self.password_edit)
            note = QLabel(tr("Người dùng phải đổi mật khẩu này ở lần đăng nhập đầu tiên. Quản trị viên làm việc "
                             "với mọi đơn vị."))
            note.setWordWrap(True)
            form.addRow(note)
        box = QDialogButtonBox()
        ok = box.addButton(tr("Thêm") if user is None else tr("Lưu"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("ok_button")
        box.addButton(tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(720, 620)

    def _role_changed(self) -> None:
        every_unit = self.role_combo.currentData() == "admin"  # administrators work on every unit
        self.units_list.setEnabled(not every_unit)
        self.unit_filter.setEnabled(not every_unit)

    def _filter_units(self, text: str) -> None:
        """Accent-insensitive: "so noi vu" finds "Sở Nội vụ"; ticked units always stay in view."""
        wanted = fold(text).strip()
        for i in range(self.units_list.count()):
            item = self.units_list.item(i)
            ticked = item.checkState() == Qt.CheckState.Checked
            item.setHidden(bool(wanted) and not ticked and wanted not in fold(item.text()))

    def set_units(self, codes: set[str]) -> None:
        for i in range(self.units_list.count()):
            item = self.units_list.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def answer(self) -> UserInput:
        codes = tuple(self.units_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.units_list.count())
                      if self.units_list.item(i).checkState() == Qt.CheckState.Checked)
        return UserInput(self.username_edit.text(), self.full_name_edit.text(), self.role_combo.currentData(), codes,
                         self.password_edit.text())

    @classmethod
    def ask(cls, parent: QWidget | None, units: list[UnitRow], user: UserInfo | None = None) -> UserInput | None:
        dialog = cls(parent, units, user)
        return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None


class UsersDialog(QDialog):
    def __init__(self, service: HoSoService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(tr("Người dùng và phân quyền"))
        self.users: list[UserInfo] = []
        self.table = read_only_table("users_table", [tr("Tên đăng nhập"), tr("Họ và tên"), tr("Vai trò"),
                                                     tr("Đơn vị"), tr("Trạng thái"), tr("Đăng nhập lần cuối")])
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for name, text, slot in (("add", tr("Thêm tài khoản…"), self.add_user),
                                 ("edit", tr("Đổi vai trò, đơn vị…"), self.edit_user),
                                 ("reset", tr("Đặt lại mật khẩu…"), self.reset_password),
                                 ("active", tr("Ngừng sử dụng"), self.toggle_active)):
            button = QPushButton(text)
            button.setObjectName(f"{name}_button")
            button.clicked.connect(slot)
            self.buttons[name] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(tr("Đóng"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(980, 460)
        self.reload()

    @staticmethod
    def _status(user: UserInfo) -> str:
        if not user.active:
            return tr("Ngừng sử dụng")
        if user.locked_until is not None and user.locked_until > dt.datetime.now(dt.UTC):
            return tr("Tạm khoá đến {time}").format(time=when(user.locked_until))
        return tr("Phải đổi mật khẩu") if user.must_change_password else tr("Đang dùng")

    def reload(self) -> None:
        self.users = self.service.accounts.users()
        fill_table(self.table, [(u.username, u.full_name, role_label(u.role),
                                 ", ".join(u.unit_codes) if u.role != "admin" else tr("Mọi đơn vị"), self._status(u),
                                 when(u.last_login_at)) for u in self.users], [u.username for u in self.users])
        self._selection_changed()

    def current(self) -> UserInfo | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) and self.table.selectedItems() else None

    def _selection_changed(self) -> None:
        user = self.current()
        for name in ("edit", "reset", "active"):
            self.buttons[name].setEnabled(user is not None)
        self.buttons["active"].setText(tr("Mở lại") if user is not None and not user.active else tr("Ngừng sử dụng"))

    def select_user(self, username: str) -> None:
        for row, user in enumerate(self.users):
            if user.username == username:
                self.table.selectRow(row)

    def _do(self, action: Callable[[], object], username: str | None = None) -> bool:
        try:
            action()
        except UserError as exc:
            show_error(self, str(exc))
            return False
        self.reload()
        if username:
            self.select_user(username)
        return True

    def add_user(self) -> None:
        answer = UserDialog.ask(self, self.service.units.list_units())
        if answer is not None:
            self._do(lambda: self.service.accounts.add_user(answer.username, answer.full_name, answer.role, answer.unit_codes,
                                                   answer.password), answer.username)

    def edit_user(self) -> None:
        user = self.current()
        answer = UserDialog.ask(self, self.service.units.list_units(), user) if user else None
        if user is None or answer is None:
            return

        def change() -> None:
            if answer.role != user.role:
                self.service.accounts.set_user_role(user.username, answer.role)
            if set(answer.unit_codes) != set(user.unit_codes):
                self.service.accounts.set_user_units(user.username, answer.unit_codes)

        self._do(change, user.username)

    def reset_password(self) -> None:
        user = self.current()
        if user is None:
            return
        password, ok = QInputDialog.getText(
            self, tr("Đặt lại mật khẩu"),
            tr("Mật khẩu mới cho {name} (người dùng phải đổi ở lần đăng nhập tới):").format(name=user.username),
            QLineEdit.EchoMode.Password)
        if ok:
            self._do(lambda: self.service.accounts.reset_password(user.username, password), user.username)

    def toggle_active(self) -> None:
        user = self.current()
        if user is not None:
            self._do(lambda: self.service.accounts.set_user_active(user.username, not user.active), user.username)

    @classmethod
    def ask(cls, parent: QWidget | None, service: HoSoService) -> None:
        try:
            dialog = cls(service, parent)
        except UserError as exc:
            show_error(parent, str(exc))
            return
        dialog.exec()
