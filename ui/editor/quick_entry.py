"""Quick entry of a new person: the few fields a dossier cannot exist without, then the editor."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.fields import PERSON_FIELD_MAP
from app.services import HoSoService
from ui import dialogs
from ui.editor.cccd_check import check_cccd, confirm_mismatch
from ui.editor.options import load_options
from ui.widgets.factory import make_field_widget
from ui.widgets.field_row import FieldRow

QUICK_FIELDS = ("cccd", "full_name", "birth_date", "sex", "staff_type", "position")


class QuickEntryDialog(QDialog):
    """``ask()`` creates the person (``service.create_person``) and returns the new id, or None."""

    def __init__(self, service: HoSoService, unit_code: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quick_entry")
        self.setWindowTitle(self.tr("Thêm hồ sơ mới"))
        self.service = service
        self.unit_code = unit_code
        self.created_id: uuid.UUID | None = None
        options = load_options(service)
        specs = [PERSON_FIELD_MAP[name] for name in QUICK_FIELDS]
        self.rows = {spec.name: FieldRow(spec, make_field_widget(spec, options)) for spec in specs}
        # the unit is chosen here too: with "Tất cả đơn vị" selected in the tree there is none yet
        units = [u for u in service.units.list_units() if service.accounts.can("edit", u.code)]
        self.unit_combo = dialogs.unit_combo(units, empty=self.tr("(chọn đơn vị)"))
        self.unit_combo.setObjectName("unit_combo")
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_code)))
        self.unit_combo.currentIndexChanged.connect(self._unit_chosen)
        self.prefill_check = QCheckBox(self.tr("Điền sẵn theo đơn vị"))
        self.prefill_check.setObjectName("prefill_check")
        self.prefill_check.setToolTip(self.tr(
            "Thêm các giá trị phần lớn người trong đơn vị có chung: cơ quan tuyển dụng, loại cán bộ, "
            "dân tộc, tôn giáo, tỉnh, trình độ phổ thông, mã ngạch"))
        self.prefill_check.setChecked(unit_code is not None)
        self.prefill_check.setEnabled(unit_code is not None)
        self.unit_code = self.unit_combo.currentData()
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._build_layout()
        cccd = self.rows["cccd"]
        cccd.widget.textChanged.connect(lambda: check_cccd(service, cccd, None))  # type: ignore[attr-defined]
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())

    def _build_layout(self) -> None:
        form = QFormLayout()
        for name in QUICK_FIELDS:
            self.rows[name].label.setWordWrap(False)  # few fields: whole labels, the dialog is wide enough
            form.addRow(self.rows[name].label, self.rows[name])
        form.addRow(self.tr("Đơn vị"), self.unit_combo)
        form.addRow("", self.prefill_check)
        self.create_button = QPushButton(self.tr("Tạo hồ sơ"))
        self.create_button.setObjectName("create_button")
        dialogs.default_button(self, self.create_button)
        self.create_button.clicked.connect(self.create)
        cancel = QPushButton(self.tr("Huỷ"))
        cancel.setObjectName("cancel_button")
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Nhập các thông tin tối thiểu; hồ sơ đầy đủ mở ra ngay sau khi tạo."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)

    def _unit_chosen(self) -> None:
        self.unit_code = self.unit_combo.currentData()
        self.prefill_check.setEnabled(self.unit_code is not None)
        self.prefill_check.setChecked(self.unit_code is not None)

    @classmethod
    def ask(cls, parent: QWidget | None, service: HoSoService, unit_code: str | None) -> uuid.UUID | None:
        dialog = cls(service, unit_code, parent)
        return dialog.created_id if dialog.exec() == QDialog.DialogCode.Accepted else None

    def data(self) -> dict[str, Any]:
        typed = {name: row.value() for name, row in self.rows.items()}
        data = {name: value for name, value in typed.items() if value not in (None, "")}
        if self.unit_code:
            data["unit_code"] = self.unit_code
            if self.prefill_check.isChecked():
                data = {**self.service.people.common_values(self.unit_code), **data}
        return data

    def create(self) -> bool:
        for row in self.rows.values():
            if row.is_invalid():
                row.clear_message()
        self.error_label.hide()
        data = self.data()
        if not confirm_mismatch(self, data.get("cccd"), data.get("birth_date"), data.get("sex")):
            return False
        try:
            self.created_id = self.service.people.create_person(data).id
        except ValidationError as exc:
            self._show_errors(exc)
            return False
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Không tạo được hồ sơ"), str(exc))
            return False
        self.accept()
        return True

    def _show_errors(self, exc: ValidationError) -> None:
        others = []
        for error in exc.errors:
            row = self.rows.get(error.field)
            if row is None:
                others.append(str(error))
            else:
                row.set_error(error.message[:1].upper() + error.message[1:])
        first = next((r for r in self.rows.values() if r.is_invalid()), None)
        if first is not None:
            first.widget.setFocus()
        if others:
            self.error_label.setText("\n".join(others))
            self.error_label.show()
