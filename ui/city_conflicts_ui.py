"""Công cụ → Xung đột số định danh ở CSDL thành phố… (city mode, the Department only).

A read-only list of the identity conflicts the function API recorded at the city database
(``app.city.conflicts``): which unit's login sent which CCCD or dossier id that a record of
another unit holds, and which record holds it — what the Department resolves with the units.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services.delivery import IdentityConflict
from ui.dialogs import show_error

COLUMNS = (QT_TRANSLATE_NOOP("CityConflictsDialog", "Lúc"), QT_TRANSLATE_NOOP("CityConflictsDialog", "Vai trò gửi"),
           QT_TRANSLATE_NOOP("CityConflictsDialog", "Loại"), QT_TRANSLATE_NOOP("CityConflictsDialog", "CCCD gửi"),
           QT_TRANSLATE_NOOP("CityConflictsDialog", "Đơn vị gửi"),
           QT_TRANSLATE_NOOP("CityConflictsDialog", "Hồ sơ đang giữ"),
           QT_TRANSLATE_NOOP("CityConflictsDialog", "Đơn vị đang giữ"), QT_TRANSLATE_NOOP("CityConflictsDialog", "Chi tiết"))
# app.city.conflicts.KIND_LABELS, for the translation
KINDS = {"cccd": QT_TRANSLATE_NOOP("CityConflictsDialog", "Trùng số CCCD"),
         "person": QT_TRANSLATE_NOOP("CityConflictsDialog", "Trùng mã hồ sơ của đơn vị khác"),
         "row": QT_TRANSLATE_NOOP("CityConflictsDialog", "Trùng mã dòng dữ liệu của hồ sơ khác"),
         "write": QT_TRANSLATE_NOOP("CityConflictsDialog", "Trùng khoá khi ghi"),
         "hand_over": QT_TRANSLATE_NOOP("CityConflictsDialog", "Chuyển giao hồ sơ không thuộc đơn vị")}


def tr(text: str) -> str:
    return QCoreApplication.translate("CityConflictsDialog", text)


class CityConflictsDialog(QDialog):
    def __init__(self, parent: QWidget | None, rows: list[IdentityConflict]):
        super().__init__(parent)
        self.setWindowTitle(tr("Xung đột số định danh ở CSDL thành phố"))
        self.resize(1100, 420)
        layout = QVBoxLayout(self)
        note = QLabel(tr("Hồ sơ các đơn vị gửi lên bị từ chối vì số định danh (CCCD, mã hồ sơ) đã thuộc hồ sơ của "
                         "đơn vị khác. Đơn vị chỉ nhận thông báo chung; Sở Nội vụ đối chiếu và xử lý với các đơn vị."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(len(rows), len(COLUMNS))
        self.table.setObjectName("conflicts_table")
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, r in enumerate(rows):
            values = [f"{r.at.astimezone():%d/%m/%Y %H:%M}", r.role, tr(KINDS.get(r.kind, r.kind_label)), r.cccd or "", r.unit_code or "",
                      r.holder_name or (str(r.holder_id) if r.holder_id else ""), r.holder_unit or "", r.detail or ""]
            for j, value in enumerate(values):
                self.table.setItem(i, j, QTableWidgetItem(value))
        layout.addWidget(self.table)
        self.empty = QLabel(tr("Không có xung đột số định danh nào."))
        self.empty.setVisible(not rows)
        layout.addWidget(self.empty)
        box = QDialogButtonBox()
        box.addButton(tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


def show_identity_conflicts(window: Any) -> None:
    """Menu entry (city mode): the Department's list, read-only."""
    service = window.service
    try:
        rows = service.delivery.identity_conflicts()
    except UserError as exc:
        show_error(window, str(exc))
        return
    CityConflictsDialog(window, rows).exec()
