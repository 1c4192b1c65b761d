"""Công cụ → Nhật ký xử lý dữ liệu (administrators): changes, sign-ins, views/prints/exports of
sensitive data and approvals merged newest first, with filters, pages of ``PAGE_SIZE`` and
"Xuất Excel…" of everything the filters select.

Entry point: ``AuditDialog.ask(parent, service, person_id=None, person_name="", only_person=True)``;
with a ``person_id`` a "Chỉ hồ sơ: …" box filters on that dossier (ticked when ``only_person``).
"""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.security.access import ACTION_LABELS, AuditFilter, AuditPage
from app.services import HoSoService
from ui import dialogs, file_dialogs
from ui.dialogs import show_error
from ui.security_common import fill_table, read_only_table, tr, when
from ui.widgets.date_edit import DateEdit

PAGE_SIZE = 200


def action_choices() -> list[tuple[str, str | None]]:
    """(label, AuditFilter.action): everything, a whole source, then each action."""
    return [(tr("Tất cả thao tác"), None), (tr("Thay đổi hồ sơ"), "change"), (tr("Truy cập, đăng nhập"), "access"),
            (tr("Duyệt hồ sơ"), "review"), *[(label, key) for key, label in ACTION_LABELS.items()]]


class AuditDialog(QDialog):
    def __init__(self, service: HoSoService, parent: QWidget | None = None, person_id: uuid.UUID | None = None,
                 person_name: str = "", only_person: bool = True):
        super().__init__(parent)
        self.service = service
        self.offset = 0
        self.page: AuditPage | None = None
        self.setWindowTitle(tr("Nhật ký xử lý dữ liệu"))
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("user_edit")
        self.user_edit.setPlaceholderText(tr("Tên đăng nhập"))
        self.action_combo = QComboBox()
        self.action_combo.setObjectName("action_combo")
        for label, key in action_choices():
            self.action_combo.addItem(label, key)
        self.since_edit, self.until_edit = DateEdit(), DateEdit()
        self.since_edit.setObjectName("since_edit")
        self.until_edit.setObjectName("until_edit")
        self.person_id = person_id
        self.person_check = QCheckBox(tr("Chỉ hồ sơ: {name}").format(name=person_name))
        self.person_check.setObjectName("person_check")
        self.person_check.setChecked(person_id is not None and only_person)
        self.person_check.setVisible(person_id is not None)
        apply = QPushButton(tr("Lọc"))
        apply.setObjectName("filter_button")
        dialogs.default_button(self, apply)
        apply.clicked.connect(self.first_page)
        filters = QHBoxLayout()
        for label, widget in ((tr("Người thực hiện"), self.user_edit), (tr("Thao tác"), self.action_combo),
                              (tr("Từ ngày"), self.since_edit), (tr("đến ngày"), self.until_edit)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.person_check)
        filters.addWidget(apply)
        filters.addStretch(1)
        self.table = read_only_table("audit_table", [tr("Thời điểm"), tr("Người thực hiện"), tr("Thao tác"),
                                                     tr("Họ và tên"), tr("Số CCCD"), tr("Mục"), tr("Giá trị cũ"),
                                                     tr("Giá trị mới"), tr("Ghi chú")])
        self.page_label = QLabel()
        self.page_label.setObjectName("page_label")
        self.previous_button = QPushButton(tr("‹ Trang trước"))
        self.previous_button.setObjectName("previous_button")
        self.previous_button.clicked.connect(lambda: self.show_page(max(0, self.offset - PAGE_SIZE)))
        self.next_button = QPushButton(tr("Trang sau ›"))
        self.next_button.setObjectName("next_button")
        self.next_button.clicked.connect(lambda: self.show_page(self.offset + PAGE_SIZE))
        export = QPushButton(tr("Xuất Excel…"))
        export.setObjectName("export_button")
        export.clicked.connect(self.export)
        close = QPushButton(tr("Đóng"))
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        for widget in (self.previous_button, self.page_label, self.next_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(export)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.resize(1200, 640)
        self.first_page()

    def current_filter(self) -> AuditFilter:
        for edit in (self.since_edit, self.until_edit):
            if edit.problem():
                raise UserError(edit.problem() or "")
        return AuditFilter(user=self.user_edit.text().strip() or None, action=self.action_combo.currentData(),
                           person_id=self.person_id if self.person_check.isChecked() else None,
                           since=self.since_edit.value(), until=self.until_edit.value())

    def first_page(self) -> None:
        self.show_page(0)

    def show_page(self, offset: int) -> None:
        try:
            page = self.service.audit.audit_log(self.current_filter(), offset=offset, limit=PAGE_SIZE)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.page, self.offset = page, offset
        fill_table(self.table, [(when(e.at), e.by, e.action_label, e.person_name or "", e.cccd or "", e.field or "",
                                 e.old or "", e.new or "", e.detail or "") for e in page.entries])
        last = offset + len(page.entries)
        self.page_label.setText(tr("{first}–{last} / {total} mục").format(first=offset + 1 if page.entries else 0,
                                                                          last=last, total=page.total))
        self.previous_button.setEnabled(offset > 0)
        self.next_button.setEnabled(last < page.total)

    def ask_export_path(self) -> str | None:
        path = file_dialogs.save_file(self, tr("Xuất nhật ký ra Excel"), "nhat-ky.xlsx", tr("Tệp Excel (*.xlsx)")) or ""
        if path and not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        return path or None

    def export(self) -> int | None:
        path = self.ask_export_path()
        if path is None:
            return None
        try:
            count = self.service.audit.export_audit(self.current_filter(), path)
        except UserError as exc:
            show_error(self, str(exc))
            return None
        self.notify(tr("Đã xuất {count} mục nhật ký ra {file}.").format(count=count, file=path))
        return count

    def notify(self, message: str) -> None:
        QMessageBox.information(self, "HoSo", message)

    @classmethod
    def ask(cls, parent: QWidget | None, service: HoSoService, person_id: uuid.UUID | None = None,
            person_name: str = "", only_person: bool = True) -> None:
        try:
            dialog = cls(service, parent, person_id, person_name, only_person)
        except UserError as exc:
            show_error(parent, str(exc))
            return
        dialog.exec()
