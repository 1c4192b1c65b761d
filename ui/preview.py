"""The preview pane: photo and the key facts of the selected dossier."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.errors import UserError
from app.fields import STAFF_TYPE_LABELS
from app.reports.values import number
from app.services import HoSoService
from ui.app_texts import app_text

PHOTO_W, PHOTO_H = 120, 180


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def _day(iso: str | None) -> str:
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else "—"


class PreviewPane(QWidget):
    def __init__(self, service: HoSoService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.person_id: uuid.UUID | None = None
        self.photo_label = QLabel(tr("Ảnh 4 × 6"))
        self.photo_label.setObjectName("photo_label")
        self.photo_label.setFixedSize(PHOTO_W, PHOTO_H)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_label.setStyleSheet("border: 1px solid #999; color: #777")
        self.name_label = QLabel()
        self.name_label.setObjectName("name_label")
        self.name_label.setWordWrap(True)
        self.name_label.setStyleSheet("font-size: 15px; font-weight: bold")
        self.facts = QFormLayout()
        self.fact_labels: dict[str, QLabel] = {}
        for key, label in (("birth_date", tr("Ngày sinh")), ("cccd", tr("Số CCCD")), ("unit_name", tr("Đơn vị")),
                           ("position", tr("Chức vụ")), ("staff_type", tr("Loại")),
                           ("salary", tr("Ngạch, bậc, hệ số")), ("professional_level", tr("Trình độ")),
                           ("party_join_date", tr("Ngày vào Đảng")), ("retirement_date", tr("Ngày nghỉ hưu")),
                           ("next_salary_step_date", tr("Nâng bậc lương tiếp")), ("completeness", tr("Mức đầy đủ")),
                           ("declaration", tr("Tự kê khai"))):
            value = QLabel()
            value.setObjectName(f"{key}_value")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = value
            self.facts.addRow(label, value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.name_label)
        layout.addLayout(self.facts)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(80)
        self._timer.timeout.connect(self.refresh)
        self.show_person(None)

    def show_person(self, person_id: uuid.UUID | None) -> None:
        self.person_id = person_id
        self._timer.start()

    def refresh(self) -> None:
        if self.person_id is None:
            self._fill(None)
            return
        try:
            doc = self.service.people.person(self.person_id)
            if not self.service.principal.is_city_readonly:  # declarations are kept at the unit's desk
                first = self.service.declarations.first_declaration(self.person_id)  # NĐ 27/2026 Art. 19
                doc["declaration"] = _first_declaration(first)
        except UserError:
            doc = None
        self._fill(doc)

    def _fill(self, doc: dict[str, Any] | None) -> None:
        self.name_label.setText(doc["full_name"] if doc else tr("Chưa chọn hồ sơ"))
        values = self._values(doc) if doc else {}
        for key, label in self.fact_labels.items():
            label.setText(values.get(key, ""))
        photo = self.service.people.photo(self.person_id) if doc and any(a["kind"] == "photo" for a in doc["attachments"]) \
            else None
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo_label.setPixmap(pixmap.scaled(PHOTO_W, PHOTO_H, Qt.AspectRatioMode.KeepAspectRatio,
                                                     Qt.TransformationMode.SmoothTransformation))
        else:
            self.photo_label.setPixmap(QPixmap())
            self.photo_label.setText(tr("Ảnh 4 × 6"))

    @staticmethod
    def _values(doc: dict[str, Any]) -> dict[str, str]:
        coefficient = number(doc.get("salary_coefficient"))  # HoSo's one number format: 3 → 3,00
        salary = " / ".join(str(v) for v in (doc.get("grade_code"), doc.get("salary_step"), coefficient) if v)
        return {
            "birth_date": _day(doc["birth_date"]) + (f" ({app_text(doc['sex'])})" if doc.get("sex") else ""),
            "cccd": doc["cccd"], "unit_name": doc.get("unit_name") or "—", "position": doc.get("position") or "—",
            "staff_type": QCoreApplication.translate("Fields", STAFF_TYPE_LABELS.get(doc.get("staff_type") or "", "")),
            "salary": salary or "—", "professional_level": doc.get("professional_level") or "—",
            "party_join_date": _day(doc.get("party_join_date")), "retirement_date": _day(doc.get("retirement_date")),
            "next_salary_step_date": _day(doc.get("next_salary_step_date")),
            "completeness": f"{round(doc['completeness'] * 100)} %",
            "declaration": doc.get("declaration") or "",
        }


def _first_declaration(first: Any) -> str:
    """The first declaration's state in the interface language (``followup.FirstDeclaration``)."""
    if first.declared and first.declared_on:
        return tr("đã kê khai ngày {day}").format(day=f"{first.declared_on:%d/%m/%Y}")
    text = (tr("chưa kê khai lần đầu (hạn {due})").format(due=f"{first.due:%d/%m/%Y}") if first.due
            else tr("chưa kê khai lần đầu"))
    return text + (tr(" — quá hạn") if first.overdue else "")
