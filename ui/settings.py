"""The desktop's settings, declared once with their types and defaults (QSettings, never pickled).

Where the local database lives is not a desk setting but the app's (``app.paths`` keeps it in its
config file, so the command line finds the same database); window geometry, splitter states,
the visible columns and the language are kept here. The default printed form per staff type is a
setting of the *database* (every desk prints the same), shown in the same dialog:
:class:`DefaultFormsBox`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from app.errors import UserError

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type


LANGUAGE = Setting("ui/language", "vi", str)
COLUMNS = Setting("list/columns", "", str)  # comma-separated column keys; "" = the defaults
INCLUDE_SUBUNITS = Setting("list/include_subunits", True, bool)


def settings() -> QSettings:
    folder = os.environ.get("HOSO_SETTINGS_DIR")  # tests keep their settings apart
    if folder:
        return QSettings(os.path.join(folder, "HoSo.ini"), QSettings.Format.IniFormat)
    return QSettings("HoSo", "HoSo")


def get(setting: Setting) -> Any:
    value = settings().value(setting.key, setting.default)
    if setting.kind is bool:
        return value in (True, "true", "1", 1)
    return setting.kind(value) if value is not None else setting.default


def put(setting: Setting, value: Any) -> None:
    settings().setValue(setting.key, value)


def save_state(key: str, state: QByteArray) -> None:
    settings().setValue(f"state/{key}", state)


def load_state(key: str) -> QByteArray | None:
    value = settings().value(f"state/{key}")
    return value if isinstance(value, QByteArray) else None


# --- the database's default printed form per staff type (Tệp → Cài đặt…) ---------------------------
class DefaultFormsBox(QGroupBox):
    """One choice per staff type of the form "In sơ yếu lý lịch" prints by default — Mẫu 2C-BNV/2008,
    HS02-VC/BNV or the 2023 form of TT 06/2023/TT-BNV, as ``app.reports.default_form.CHOICES``
    allows each type (contract workers always print 2C). A per-database setting kept through the
    service (``reports.set_default_forms``); only a user who may manage units changes it, everyone
    else sees it read-only. :meth:`apply` is called by the dialog's Lưu."""

    def __init__(self, service: Any, parent: QWidget | None = None):
        from app.reports import default_form  # reportlab: not before the first window (issue 17)

        super().__init__(parent)
        self.setObjectName("default_forms_box")
        self.setTitle(self.tr("Mẫu sơ yếu lý lịch in mặc định (theo cơ sở dữ liệu)"))
        self.service = service
        try:
            self.initial: dict[str, str] = service.reports.default_forms()
        except UserError:  # a user who may not print is not shown the setting's values
            self.initial = {}
        self.editable = bool(service.accounts.can("manage_units"))
        staff = {"can_bo": self.tr("Cán bộ"), "cong_chuc": self.tr("Công chức"), "vien_chuc": self.tr("Viên chức"),
                 "hop_dong": self.tr("Hợp đồng lao động")}
        layout = QFormLayout(self)
        self.combos: dict[str, QComboBox] = {}
        for kind, label in staff.items():
            combo = QComboBox()
            combo.setObjectName(f"form_{kind}_combo")
            for code in default_form.CHOICES.get(kind, (default_form.original_form(kind),)):
                combo.addItem(form_label(code), code)
            shown = self.initial.get(kind, default_form.original_form(kind)) if self.initial else None
            combo.setCurrentIndex(combo.findData(shown) if shown else -1)
            combo.setEnabled(self.editable and kind in default_form.CHOICES)
            if kind not in default_form.CHOICES:
                combo.setToolTip(self.tr("Người lao động theo hợp đồng luôn in Mẫu 2C-BNV/2008."))
            layout.addRow(label, combo)
            self.combos[kind] = combo
        self.note_label = QLabel(self.tr("Dùng cho lệnh In sơ yếu lý lịch (Ctrl+P) và In hồ sơ cả đơn vị; khi xem "
                                         "trước vẫn chọn được mẫu khác cho từng lần in.") if self.editable else
                                 self.tr("Chỉ người được quản lý đơn vị (quản trị viên) đổi được mẫu in mặc định."))
        self.note_label.setObjectName("forms_note_label")
        self.note_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("forms_error_label")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addRow(self.note_label)
        layout.addRow(self.error_label)

    def changes(self) -> dict[str, str]:
        """The staff types whose choice differs from the stored one."""
        from app.reports import default_form

        return {kind: combo.currentData() for kind, combo in self.combos.items()
                if kind in default_form.CHOICES and combo.currentData() != self.initial.get(kind)}

    def apply(self) -> bool:
        """Store the changed choices in one transaction; False (and the reason shown under the
        choices) when the service refuses."""
        changed = self.changes()
        if not changed:
            return True
        try:
            self.initial = self.service.reports.set_default_forms(changed)
        except UserError as exc:
            self.error_label.setText(str(exc))
            self.error_label.show()
            return False
        self.error_label.hide()
        return True


def form_label(code: str) -> str:
    """A printed form's name on screen (``app.reports.default_form.FORM_LABELS``, translated)."""
    return {"2c": QCoreApplication.translate("DefaultFormsBox", "Mẫu 2C-BNV/2008"),
            "hs02": QCoreApplication.translate("DefaultFormsBox", "Mẫu HS02-VC/BNV"),
            "cv2023": QCoreApplication.translate("DefaultFormsBox", "Mẫu sơ yếu lý lịch 2023 (TT 06/2023/TT-BNV)"),
            }.get(code, code)
