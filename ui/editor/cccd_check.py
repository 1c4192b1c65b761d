"""The duplicate-CCCD warning both the editor and the quick entry show while typing."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication

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
                                           " — hồ sơ đó đã bị xóa, hãy khôi phục thay vì tạo mới")
    row.set_warning(text)
