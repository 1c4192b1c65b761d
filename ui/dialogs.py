"""Small dialogs, each with a narrow ``ask()`` entry point that a test can call or mock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.units import UnitRow
from app.validation import parse_date
from ui.settings import LANGUAGES


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


class _DefaultOnShow(QObject):
    """Makes ``button`` the dialog's default (Enter) button each time the dialog is shown.

    ``QPushButton.setDefault(True)`` only registers the button as the dialog's *main* default when
    the button already lives in the dialog; a button made in an unparented button box or layout is
    only default until the focus first leaves it (Qt then clears every default and, with no main
    default, keeps none) — so Enter did nothing under ``exec()``. Setting it on Show, when the
    widget tree is complete, registers it properly."""

    def __init__(self, dialog: QDialog, button: QPushButton, first_field: QWidget | None):
        super().__init__(dialog)
        self.button = button
        self.first_field = first_field
        dialog.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            self.button.setDefault(False)
            self.button.setDefault(True)
            if self.first_field is not None and self.first_field.isEnabled():
                self.first_field.setFocus()
        return False


def default_button(dialog: QDialog, button: QPushButton, first_field: QWidget | None = None) -> None:
    """Enter in ``dialog`` presses ``button`` (and ``first_field`` has the focus when it opens)."""
    button.setDefault(True)
    _DefaultOnShow(dialog, button, first_field)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    ok = box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
    ok.setObjectName("ok_button")
    default_button(dialog, ok)
    box.addButton(tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole).setObjectName("cancel_button")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def show_error(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, "HoSo", message)


def confirm(parent: QWidget | None, question: str, yes_text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "HoSo", question, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Huỷ"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is yes


def unit_combo(units: list[UnitRow], *, empty: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(False)
    if empty is not None:
        combo.addItem(empty, None)
    depth: dict[object, int] = {}
    for unit in units:
        level = depth.get(unit.parent_id, -1) + 1
        depth[unit.id] = level
        combo.addItem("    " * level + unit.name, unit.code)
    return combo


@dataclass(frozen=True)
class UnitInput:
    code: str
    name: str
    parent_code: str | None


class UnitDialog(QDialog):
    def __init__(self, parent: QWidget | None, units: list[UnitRow], parent_code: str | None):
        super().__init__(parent)
        self.setWindowTitle(tr("Thêm đơn vị"))
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("code_edit")
        self.code_edit.setPlaceholderText(tr("VD: DN.SNV.TCBM"))
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name_edit")
        self.parent_combo = unit_combo(units, empty=tr("(Không có — đơn vị cấp cao nhất)"))
        self.parent_combo.setCurrentIndex(max(0, self.parent_combo.findData(parent_code)))
        form = QFormLayout(self)
        form.addRow(tr("Mã đơn vị"), self.code_edit)
        form.addRow(tr("Tên đơn vị"), self.name_edit)
        form.addRow(tr("Đơn vị cấp trên"), self.parent_combo)
        form.addRow(_buttons(self, tr("Thêm")))

    @classmethod
    def ask(cls, parent: QWidget | None, units: list[UnitRow], parent_code: str | None) -> UnitInput | None:
        dialog = cls(parent, units, parent_code)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return UnitInput(dialog.code_edit.text(), dialog.name_edit.text(), dialog.parent_combo.currentData())


@dataclass(frozen=True)
class TransferInput:
    unit_code: str
    on: dt.date
    decision_number: str
    position: str
    kind: str


def transfer_kinds() -> dict[str, str]:
    return {"transfer": tr("Điều động, chuyển công tác"), "rotation": tr("Luân chuyển"), "secondment": tr("Biệt phái")}


class TransferDialog(QDialog):
    def __init__(self, parent: QWidget | None, person_name: str, units: list[UnitRow], position: str):
        super().__init__(parent)
        self.setWindowTitle(tr("Chuyển đơn vị: {name}").format(name=person_name))
        self.unit_combo = unit_combo(units)
        self.unit_combo.setObjectName("unit_combo")
        self.date_edit = QLineEdit(dt.date.today().strftime("%d/%m/%Y"))
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setInputMask("99/99/9999")
        self.decision_edit = QLineEdit()
        self.decision_edit.setObjectName("decision_edit")
        self.position_edit = QLineEdit(position)
        self.kind_combo = QComboBox()
        for key, label in transfer_kinds().items():
            self.kind_combo.addItem(label, key)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(tr("Hình thức"), self.kind_combo)
        form.addRow(tr("Đơn vị chuyển đến"), self.unit_combo)
        form.addRow(tr("Từ ngày"), self.date_edit)
        form.addRow(tr("Số quyết định"), self.decision_edit)
        form.addRow(tr("Chức vụ mới"), self.position_edit)
        form.addRow(self.error_label)
        form.addRow(_buttons(self, tr("Chuyển")))

    def accept(self) -> None:
        try:
            parse_date(self.date_edit.text())
        except ValueError as exc:
            self.error_label.setText(tr("Từ ngày") + ": " + str(exc))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, person_name: str, units: list[UnitRow], position: str
            ) -> TransferInput | None:
        dialog = cls(parent, person_name, units, position)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return TransferInput(dialog.unit_combo.currentData(), parse_date(dialog.date_edit.text()),
                             dialog.decision_edit.text(), dialog.position_edit.text(), dialog.kind_combo.currentData())


@dataclass(frozen=True)
class SettingsInput:
    data_dir: Path
    language: str


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, data_dir: Path, language: str, extra: Sequence[QWidget] = ()):
        super().__init__(parent)
        self.setWindowTitle(tr("Cài đặt"))
        self.extra = list(extra)  # more settings (ui.settings.DefaultFormsBox): each ``apply()``-ed on Lưu
        self.folder_edit = QLineEdit(str(data_dir))
        self.folder_edit.setObjectName("folder_edit")
        # the whole path shows (a data folder under a Windows profile is long); the tooltip too
        self.folder_edit.setMinimumWidth(min(self.fontMetrics().horizontalAdvance(str(data_dir)) + 24, 720))
        self.folder_edit.setToolTip(str(data_dir))
        self.folder_edit.textChanged.connect(self.folder_edit.setToolTip)
        browse = QPushButton(tr("Chọn…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(browse)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("language_combo")
        for code, label in LANGUAGES.items():
            self.language_combo.addItem(label, code)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        form = QFormLayout()
        form.addRow(tr("Thư mục dữ liệu"), row)
        form.addRow(tr("Ngôn ngữ"), self.language_combo)
        note = QLabel(tr("Thay đổi thư mục dữ liệu hoặc ngôn ngữ có hiệu lực khi mở lại chương trình."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        for widget in self.extra:
            layout.addWidget(widget)
        layout.addWidget(_buttons(self, tr("Lưu")))

    def accept(self) -> None:
        if all(widget.apply() for widget in self.extra):  # a refusal stays in the dialog, shown by its part
            super().accept()

    def _browse(self) -> None:
        from ui import file_dialogs

        folder = file_dialogs.folder(self, tr("Chọn thư mục dữ liệu"), self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    @classmethod
    def ask(cls, parent: QWidget | None, data_dir: Path, language: str, extra: Sequence[QWidget] = ()
            ) -> SettingsInput | None:
        dialog = cls(parent, data_dir, language, extra)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return SettingsInput(Path(dialog.folder_edit.text()).expanduser(), dialog.language_combo.currentData())


def about(parent: QWidget | None, version: str, database: str) -> None:
    QMessageBox.about(parent, tr("Giới thiệu HoSo"), tr(
        "<h3>HoSo {version}</h3><p>Quản lý hồ sơ cán bộ, công chức, viên chức theo Mẫu 2C-BNV/2008, "
        "HS02-VC/BNV và Nghị định 27/2026/NĐ-CP.</p><p>Cơ sở dữ liệu: {database}</p>"
        "<p>Phông chữ Liberation Serif theo giấy phép SIL OFL 1.1.</p>").format(version=version, database=database))
