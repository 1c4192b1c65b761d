"""A record's change history (who changed which field, when, from what to what), newest first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.history import Change


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def _when(iso: str) -> str:
    moment = dt.datetime.fromisoformat(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone()  # the clerk's own clock
    return f"{moment:%d/%m/%Y %H:%M}"


def _value(text: str | None) -> str:
    return "—" if text is None else (text if len(text) <= 300 else text[:300] + "…")


class HistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str, changes: list[Change]):
        super().__init__(parent)
        self.setWindowTitle(tr("Lịch sử thay đổi: {name}").format(name=name))
        actions = {"create": tr("Tạo mới"), "update": tr("Sửa"), "delete": tr("Xoá"), "restore": tr("Khôi phục")}
        self.table = QTableWidget(len(changes), 6)
        self.table.setObjectName("history_table")
        self.table.setHorizontalHeaderLabels([tr("Thời điểm"), tr("Người sửa"), tr("Thao tác"), tr("Mục"),
                                              tr("Giá trị cũ"), tr("Giá trị mới")])
        for row, change in enumerate(reversed(changes)):
            cells = (_when(change.at), change.by, actions.get(change.action, change.action), change.label,
                     _value(change.old), _value(change.new))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(980, 520)

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, changes: list[Change]) -> None:
        cls(parent, name, changes).exec()
