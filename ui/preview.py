"""The preview pane: photo and the key facts of the selected dossier.

The dossier is read on a worker thread (its read, the access-log write and the photo's decoding
take tens of milliseconds at 100,000 dossiers), a short while after the selection settles; the UI
thread only fills the labels. A newer selection makes an older read stale, and while the person
list loads a new list the pane waits (``hold``): the list's own worker gets the machine, and the
list's new current row will be shown next anyway. While the list changes with typing, the pane
reads only once the typing has paused (TYPING_PAUSE_MS): a dossier read running when the next
keystroke's list is read would compete with it for the interpreter (issue 17)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from app.errors import UserError
from app.fields import STAFF_TYPE_LABELS
from app.reports.values import number
from app.services import HoSoService
from ui.app_texts import app_text
from ui.background import BackgroundOp, run_in_background

PHOTO_W, PHOTO_H = 120, 180
SETTLE_MS = 80  # a selection moved by the user: read once it rests
TYPING_PAUSE_MS = 400  # a selection moved by a list reloading as the user types: read after a pause


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
        self._generation = 0  # a read for an older selection is dropped
        self._op: BackgroundOp | None = None
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
        self._held_at = -1e9  # when the list last started loading (hold)
        self._timer.timeout.connect(self.refresh)
        self.show_person(None)

    def show_person(self, person_id: uuid.UUID | None) -> None:
        self.person_id = person_id
        self._stale()
        typing = time.monotonic() - self._held_at < TYPING_PAUSE_MS / 1000
        self._timer.start(TYPING_PAUSE_MS if typing else SETTLE_MS)

    def hold(self) -> None:
        """The list is loading a new list: the read waiting (or running) is dropped; the list's
        new current row comes with ``show_person`` once it is shown."""
        self._held_at = time.monotonic()
        self._timer.stop()
        self._stale()

    def _stale(self) -> None:
        self._generation += 1
        if self._op is not None:
            self._op.cancel()
            self._op = None

    def refresh(self) -> None:
        """Read the selected dossier off the UI thread; the labels are filled when it comes."""
        self._stale()
        if self.person_id is None:
            self._fill(None)
            return
        generation, person_id, service = self._generation, self.person_id, self.service

        def read(_report: object, cancelled: Callable[[], bool]) -> tuple[dict[str, Any] | None, QImage | None] | None:
            if cancelled():
                return None
            try:
                doc = service.people.person(person_id)
                if cancelled():  # a newer selection, or the list is loading: the rest is not wanted
                    return None
                if not service.principal.is_city_readonly:  # declarations are kept at the unit's desk
                    first = service.declarations.first_declaration(person_id)  # NĐ 27/2026 Art. 19
                    doc["declaration"] = _first_declaration(first)
                photo = service.people.photo(person_id) if any(a["kind"] == "photo" for a in doc["attachments"]) \
                    else None
            except UserError:
                return None, None
            image = QImage()  # QImage, unlike QPixmap, may be made off the UI thread
            if photo and image.loadFromData(photo):
                image = image.scaled(PHOTO_W, PHOTO_H, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
            return doc, (image if not image.isNull() else None)

        def show(found: tuple[dict[str, Any] | None, QImage | None] | None) -> None:
            if found is not None and generation == self._generation:
                self._op = None
                self._fill(*found)

        def failed(_exc: BaseException) -> None:  # logged by ui.background; the pane shows no one
            if generation == self._generation:
                self._op = None
                self._fill(None)

        self._op = run_in_background(self, "", read, show, failed, show_progress=False, urgent=True)

    def _fill(self, doc: dict[str, Any] | None, image: QImage | None = None) -> None:
        self.name_label.setText(doc["full_name"] if doc else tr("Chưa chọn hồ sơ"))
        values = self._values(doc) if doc else {}
        for key, label in self.fact_labels.items():
            label.setText(values.get(key, ""))
        if doc and image is not None:
            self.photo_label.setPixmap(QPixmap.fromImage(image))
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
