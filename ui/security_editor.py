"""The person editor under roles: ``prepare_editor(editor, person)`` (called by
ui/editor/person_editor.py after loading a saved dossier) makes the fields masked for the role
read-only with a tooltip, the whole dossier read-only for roles that may not edit it, shows the
review state (waiting, or returned with the head's comment), and adds a "Lịch sử…" button: the
dossier's changes, review steps and (administrators) access log in ``PersonLogDialog``."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import HoSoService
from ui.dialogs import show_error
from ui.security_common import (
    STATE_COLOURS,
    STATE_TEXT_COLOURS,
    fill_table,
    read_only_table,
    review_action_labels,
    tr,
    when,
)


def masked_tip() -> str:
    return tr("Không có quyền xem trường này")


def prepare_editor(editor: Any, person: dict[str, Any]) -> None:
    """Called by the person editor after loading a saved dossier."""
    form = editor.form
    for name in person.get("masked_fields") or ():
        if name in form.rows:
            _lock(form.rows[name].widget, form.rows[name].label)
        elif name in form.sections:
            _lock(form.sections[name], None)
        elif "." in name and name.split(".")[0] in form.sections:
            form.sections[name.split(".")[0]].setToolTip(tr("Có cột bạn không có quyền xem (hiện ***)."))
    service: HoSoService = editor.service
    if not service.accounts.can("edit", person.get("unit_code")):
        editor.save_button.setEnabled(False)
        editor.save_button.setToolTip(tr("Tài khoản của bạn chỉ được xem hồ sơ này."))
        editor.setWindowTitle(editor.windowTitle() + " " + tr("(chỉ xem)"))
    _review_note(editor, service, person)
    history = QPushButton(tr("Lịch sử…"))
    history.setObjectName("history_button")
    history.setAutoDefault(False)
    history.setToolTip(tr("Lịch sử thay đổi và quá trình duyệt của hồ sơ"))
    history.clicked.connect(lambda: PersonLogDialog.ask(editor, service, editor.person_id,
                                                        str(person.get("full_name") or "")))
    row = _layout_holding(editor.layout(), editor.save_button)
    if row is not None:
        row.insertWidget(0, history)


def _review_note(editor: Any, service: HoSoService, person: dict[str, Any]) -> None:
    """A line above the form: waiting for approval, or returned with the head's comment."""
    state = person.get("review_state")
    if state not in STATE_COLOURS or editor.person_id is None:
        return
    if state == "returned":
        comments = [s.comment for s in service.accounts.review_history(editor.person_id) if s.action == "return"]
        text = tr("Hồ sơ bị trả lại: {comment}. Sửa rồi lưu để gửi duyệt lại.").format(
            comment=(comments[-1] if comments else "").rstrip("."))
    else:
        text = tr("Hồ sơ có thay đổi đang chờ lãnh đạo đơn vị duyệt.")
    note = QLabel(text)
    note.setObjectName("review_note")
    note.setWordWrap(True)
    note.setStyleSheet(f"background: {STATE_COLOURS[state].name()}; color: {STATE_TEXT_COLOURS[state].name()};"
                       " padding: 6px;")
    layout = editor.layout()
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, note)


def _lock(widget: QWidget, label: QWidget | None) -> None:
    widget.setEnabled(False)
    widget.setToolTip(masked_tip())
    if label is not None:
        label.setToolTip(masked_tip())
    edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
    if edit is not None and hasattr(edit, "setPlaceholderText"):
        edit.setPlaceholderText("***")


def _layout_holding(layout: QLayout | None, widget: QWidget) -> QHBoxLayout | None:
    if layout is None:
        return None
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is widget and isinstance(layout, QHBoxLayout):
            return layout
        if item.layout() is not None:
            found = _layout_holding(item.layout(), widget)
            if found is not None:
                return found
    return None


class PersonLogDialog(QDialog):
    """One dossier's history: its changes, its review steps, and (administrators) its access log."""

    def __init__(self, service: HoSoService, person_id: uuid.UUID, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Lịch sử hồ sơ: {name}").format(name=name))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("log_tabs")
        actions = {"create": tr("Tạo mới"), "update": tr("Sửa"), "delete": tr("Xoá"), "restore": tr("Khôi phục")}
        changes = read_only_table("changes_table", [tr("Thời điểm"), tr("Người sửa"), tr("Thao tác"), tr("Mục"),
                                                    tr("Giá trị cũ"), tr("Giá trị mới")])
        fill_table(changes, [(when(c.at), c.by, actions.get(c.action, c.action), c.label, c.old or "—", c.new or "—")
                             for c in reversed(service.people.history(person_id))])
        self.tabs.addTab(changes, tr("Thay đổi"))
        steps = read_only_table("steps_table", [tr("Thời điểm"), tr("Người thực hiện"), tr("Thao tác"),
                                                tr("Phiên bản"), tr("Ý kiến")])
        labels = review_action_labels()
        fill_table(steps, [(when(s.at), s.by, labels.get(s.action, s.action), s.version, s.comment or "")
                           for s in reversed(service.accounts.review_history(person_id))])
        self.tabs.addTab(steps, tr("Quá trình duyệt"))
        if service.accounts.can("view_audit"):
            audit = read_only_table("audit_table", [tr("Thời điểm"), tr("Người thực hiện"), tr("Thao tác"),
                                                    tr("Mục"), tr("Ghi chú")])
            fill_table(audit, [(when(e.at), e.by, e.action_label, e.field or "", e.detail or e.new or "")
                               for e in reversed(service.audit.person_audit(person_id))])
            self.tabs.addTab(audit, tr("Nhật ký truy cập"))
        buttons = QDialogButtonBox()
        buttons.addButton(tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(980, 520)

    @classmethod
    def ask(cls, parent: QWidget | None, service: HoSoService, person_id: uuid.UUID | None, name: str) -> None:
        if person_id is None:
            return
        try:
            dialog = cls(service, person_id, name, parent)
        except UserError as exc:
            show_error(parent, str(exc))
            return
        dialog.exec()
