"""Approval: one dossier's review (state, changes waiting, review history, Duyệt / Trả lại) and the
list of dossiers waiting for the unit head.

Entry points: ``ReviewDialog.ask(parent, service, person_id) -> bool`` (True when the state
changed) and ``PendingDialog.ask(parent, service) -> bool``. The service checks the role and unit.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.history import Change
from app.services import HoSoService
from ui.security_common import (
    STATE_TEXT_COLOURS,
    fill_table,
    read_only_table,
    review_action_labels,
    state_labels,
    tr,
    when,
)

APPROVED_MARGIN = dt.timedelta(milliseconds=100)


def change_actions() -> dict[str, str]:
    return {"create": tr("Tạo mới"), "update": tr("Sửa"), "delete": tr("Xoá"), "restore": tr("Khôi phục")}


def _aware(moment: dt.datetime | str) -> dt.datetime:
    value = dt.datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def changes_since_approval(changes: Sequence[Change], approved_at: dt.datetime | None) -> list[Change]:
    """The changes made after the approved version (all of them for a dossier never approved). The
    approved moment is the version's ``updated_at``: its own change rows are stamped a moment
    apart, hence the margin."""
    if approved_at is None:
        return list(changes)
    limit = _aware(approved_at) + APPROVED_MARGIN
    return [c for c in changes if _aware(c.at) > limit]


def state_badge(state: str) -> QLabel:
    label = QLabel(state_labels().get(state, state))
    label.setObjectName("state_label")
    colour = STATE_TEXT_COLOURS.get(state)
    label.setStyleSheet(f"font-weight: bold; color: {colour.name()};" if colour else "font-weight: bold;")
    return label


class ReviewDialog(QDialog):
    def __init__(self, service: HoSoService, person_id: uuid.UUID, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.person_id = person_id
        self.changed = False
        person = service.people.person(person_id)
        self.state = str(person.get("review_state") or "approved")
        steps = service.accounts.review_history(person_id)
        approvals = [s.at for s in steps if s.action == "approve"]
        baseline = service.accounts.approved_at(person_id) or (approvals[-1] if approvals else None)
        self.pending = changes_since_approval(service.people.history(person_id), baseline) if self.state != "approved" else []
        self.setWindowTitle(tr("Duyệt hồ sơ: {name}").format(name=person.get("full_name") or ""))
        heading = QLabel(tr("<b>{name}</b> — CCCD {cccd} — {unit}").format(
            name=person.get("full_name") or "", cccd=person.get("cccd") or "",
            unit=person.get("unit_name") or tr("chưa xếp đơn vị")))
        state_row = QHBoxLayout()
        state_row.addWidget(QLabel(tr("Trạng thái:")))
        state_row.addWidget(state_badge(self.state))
        state_row.addStretch(1)
        returns = [s for s in steps if s.action == "return"]
        self.tabs = QTabWidget()
        self.changes_table = read_only_table("changes_table", [tr("Thời điểm"), tr("Người sửa"), tr("Thao tác"),
                                                               tr("Mục"), tr("Giá trị cũ"), tr("Giá trị mới")])
        actions = change_actions()
        fill_table(self.changes_table, [(when(c.at), c.by, actions.get(c.action, c.action), c.label,
                                         c.old or "—", c.new or "—") for c in reversed(self.pending)])
        self.steps_table = read_only_table("steps_table", [tr("Thời điểm"), tr("Người thực hiện"), tr("Thao tác"),
                                                           tr("Phiên bản"), tr("Ý kiến")])
        actions = review_action_labels()
        fill_table(self.steps_table, [(when(s.at), s.by, actions.get(s.action, s.action), s.version, s.comment or "")
                                      for s in reversed(steps)])
        self.tabs.addTab(self.changes_table, tr("Thay đổi chờ duyệt ({count})").format(count=len(self.pending)))
        self.tabs.addTab(self.steps_table, tr("Quá trình duyệt ({count})").format(count=len(steps)))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("comment_edit")
        self.comment_edit.setPlaceholderText(tr("Ý kiến của người duyệt (bắt buộc khi trả lại hồ sơ)"))
        self.comment_edit.setMaximumHeight(80)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()
        buttons = QDialogButtonBox()
        self.approve_button = buttons.addButton(tr("Duyệt"), QDialogButtonBox.ButtonRole.ActionRole)
        self.approve_button.setObjectName("approve_button")
        self.return_button = buttons.addButton(tr("Trả lại"), QDialogButtonBox.ButtonRole.ActionRole)
        self.return_button.setObjectName("return_button")
        buttons.addButton(tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole).setObjectName("close_button")
        buttons.rejected.connect(self.reject)
        self.approve_button.clicked.connect(self.approve)
        self.return_button.clicked.connect(self.return_for_changes)
        can_decide = self.state == "submitted" and service.accounts.can("approve", person.get("unit_code"))
        for widget in (self.approve_button, self.return_button, self.comment_edit):
            widget.setEnabled(can_decide)
        if self.state != "submitted":
            self.approve_button.setToolTip(tr("Hồ sơ không ở trạng thái chờ duyệt."))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(state_row)
        if self.state == "returned" and returns and returns[-1].comment:
            note = QLabel(tr("Lý do trả lại: {comment}").format(comment=returns[-1].comment))
            note.setObjectName("return_note")
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.comment_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(980, 560)

    def _run(self, action: str) -> None:
        comment = self.comment_edit.toPlainText()
        try:
            if action == "approve":
                self.service.accounts.approve(self.person_id, comment or None)
            else:
                self.service.accounts.return_for_changes(self.person_id, comment)
        except UserError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return
        self.changed = True
        self.accept()

    def approve(self) -> None:
        self._run("approve")

    def return_for_changes(self) -> None:
        if not self.comment_edit.toPlainText().strip():
            self.error_label.setText(tr("Hãy ghi lý do trả lại hồ sơ để người nhập biết cần sửa gì."))
            self.error_label.show()
            self.comment_edit.setFocus()
            return
        self._run("return")

    @classmethod
    def ask(cls, parent: QWidget | None, service: HoSoService, person_id: uuid.UUID) -> bool:
        try:
            dialog = cls(service, person_id, parent)
        except UserError as exc:
            QMessageBox.warning(parent, "HoSo", str(exc))
            return False
        dialog.exec()
        return dialog.changed


class PendingDialog(QDialog):
    """The dossiers of the user's units waiting for approval (oldest first); opening one reviews it."""

    def __init__(self, service: HoSoService, parent: QWidget | None = None, returned: bool = False):
        super().__init__(parent)
        self.service = service
        self.returned = returned  # a clerk's list: the dossiers returned for changes
        self.changed_ids: list[uuid.UUID] = []
        self.setWindowTitle(tr("Hồ sơ bị trả lại") if returned else tr("Hồ sơ chờ duyệt"))
        self.summary = QLabel()
        self.summary.setObjectName("summary_label")
        self.table = read_only_table("pending_table", [tr("Họ và tên"), tr("Số CCCD"), tr("Đơn vị"),
                                                       tr("Người gửi"), tr("Gửi lúc"), tr("Ghi chú")])
        self.table.doubleClicked.connect(lambda _index: self.review_selected())
        open_button = QPushButton(tr("Xem…") if returned else tr("Xem và duyệt…"))
        open_button.setObjectName("review_button")
        open_button.clicked.connect(self.review_selected)
        close = QPushButton(tr("Đóng"))
        close.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(open_button)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(900, 480)
        self.reload()

    def reload(self) -> None:
        waiting = self.service.accounts.pending_reviews(("returned",) if self.returned else ("submitted",))
        fill_table(self.table, [(p.full_name, p.cccd, p.unit_name or "", p.submitted_by or "", when(p.submitted_at),
                                 tr("đã xoá") if p.deleted else (p.comment or "") if self.returned else "")
                                for p in waiting], [p.person_id for p in waiting])
        if self.returned:
            self.summary.setText(tr("{count} hồ sơ bị trả lại: sửa theo ý kiến rồi lưu để gửi duyệt lại.").format(
                count=len(waiting)) if waiting else tr("Không có hồ sơ nào bị trả lại."))
        else:
            self.summary.setText(tr("{count} hồ sơ đang chờ duyệt.").format(count=len(waiting)) if waiting
                                 else tr("Không có hồ sơ nào đang chờ duyệt."))
        if waiting:
            self.table.selectRow(0)

    def review_selected(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if ReviewDialog.ask(self, self.service, person_id):
            self.changed_ids.append(person_id)
            self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, service: HoSoService, returned: bool = False) -> list[uuid.UUID]:
        """The ids whose state changed."""
        dialog = cls(service, parent, returned)
        dialog.exec()
        return dialog.changed_ids
