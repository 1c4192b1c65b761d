"""The duplicate-CCCD warning both the editor and the quick entry show while typing, and the
confirmation a CCCD contradicting the birth year or sex needs before it is saved."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app import cccd as cccd_rules
from app.services import HoSoService
from ui.widgets.field_row import FieldRow
from ui.widgets.text_edits import CccdEdit


def check_cccd(service: HoSoService, row: FieldRow, exclude: uuid.UUID | None) -> None:
    """As soon as 12 digits are typed, say whose dossier already holds the number (a warning:
    the save itself refuses a duplicate); clear the warning when the number changes."""
    assert isinstance(row.widget, CccdEdit)
    digits = row.widget.digits()
    owner = service.people.cccd_owner(digits, exclude=exclude) if len(digits) == 12 else None
    if owner is None:
        if row.message() and not row.is_invalid():
            row.clear_message()
        return
    unit = owner.unit_name or QCoreApplication.translate("CccdCheck", "chưa xếp đơn vị")
    text = QCoreApplication.translate("CccdCheck", "Số CCCD này đã có trong hồ sơ của {name} (đơn vị {unit})")
    text = text.format(name=owner.full_name, unit=unit)
    if owner.deleted:
        text += QCoreApplication.translate("CccdCheck",
                                           " — hồ sơ đó đã bị xoá, hãy khôi phục thay vì tạo mới")
    row.set_warning(text)


def ask_confirmation(parent: QWidget | None, problems: list[str]) -> bool:
    """The explicit confirmation a contradicting CCCD needs (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("CccdCheck", "Số CCCD không khớp"),
                      QCoreApplication.translate("CccdCheck", "Số CCCD mâu thuẫn với hồ sơ:") + "\n• "
                      + "\n• ".join(problems) + "\n\n"
                      + QCoreApplication.translate("CccdCheck", "Kiểm tra lại số CCCD, ngày sinh và giới tính. "
                                                                "Vẫn lưu như đã nhập?"), parent=parent)
    save = box.addButton(QCoreApplication.translate("CccdCheck", "Vẫn lưu"), QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(QCoreApplication.translate("CccdCheck", "Sửa lại"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is save


def confirm_mismatch(parent: QWidget | None, cccd: object, birth_date: object, sex: object) -> bool:
    """True when the CCCD agrees with the birth year and sex, or the user confirmed it anyway."""
    number = cccd_rules.clean(cccd)
    day = birth_date if isinstance(birth_date, dt.date) else None
    problems = cccd_rules.mismatches(number, day, sex if isinstance(sex, str) else None)
    return not problems or ask_confirmation(parent, problems)
