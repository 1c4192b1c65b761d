"""What the trust screens share (ui/security_*.py, ui/login.py): role and state names, times,
read-only tables filled from plain rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

ROLES = ("admin", "clerk", "head", "viewer")
STATE_COLOURS = {"submitted": QColor("#fff4ce"), "returned": QColor("#fde0dc")}
STATE_TEXT_COLOURS = {"approved": QColor("#1e6b34"), "submitted": QColor("#8a5a00"), "returned": QColor("#8a1c12")}


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def role_labels() -> dict[str, str]:
    return {"admin": tr("Quản trị viên"), "clerk": tr("Cán bộ nhập liệu"), "head": tr("Lãnh đạo đơn vị"),
            "viewer": tr("Người xem")}


def role_label(role: str) -> str:
    return role_labels().get(role, role)


def state_labels() -> dict[str, str]:
    return {"approved": tr("Đã duyệt"), "submitted": tr("Chờ duyệt"), "returned": tr("Bị trả lại")}


def review_action_labels() -> dict[str, str]:
    return {"submit": tr("Gửi duyệt"), "approve": tr("Duyệt"), "return": tr("Trả lại")}


def when(moment: dt.datetime | str | None) -> str:
    """A moment in the user's own clock, dd/mm/yyyy hh:mm."""
    if moment is None:
        return ""
    if isinstance(moment, str):
        moment = dt.datetime.fromisoformat(moment)
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{moment:%d/%m/%Y %H:%M}"


def read_only_table(name: str, headers: Sequence[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def fill_table(table: QTableWidget, rows: Sequence[Sequence[object]], data: Sequence[object] | None = None) -> None:
    """Replace the rows (text of each cell, as tooltip too); ``data`` is kept on column 0 (UserRole)."""
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, value in enumerate(cells):
            text = "" if value is None else str(value)
            item = QTableWidgetItem(text if len(text) <= 300 else text[:300] + "…")
            item.setToolTip(text)
            if c == 0 and data is not None:
                item.setData(Qt.ItemDataRole.UserRole, data[r])
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount()):
        table.setColumnWidth(c, min(table.columnWidth(c), 320))
