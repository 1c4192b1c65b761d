"""The dossier editor: every item of Mẫu 2C / HS02 / NĐ 27, saved in one transaction.

Entry point: ``PersonEditor.ask(parent, service, person_id=None, initial=None)`` returns the saved
person's id, or None when the user cancelled. ``initial`` pre-fills a new dossier, or is a
``form_state()`` a crash left behind (then the typed text comes back, still unsaved).
"""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.errors import UserError, ValidationError
from app.services import HoSoService
from ui import settings
from ui.editor.cccd_check import check_cccd, confirm_mismatch
from ui.editor.form import DossierForm
from ui.editor.options import load_options

GEOMETRY_KEY = "person_editor/geometry"
STATE_MARK = "hoso_editor_state"


class PersonEditor(QDialog):
    saved = Signal(object)  # the person's uuid, after a successful save
    _notices: ClassVar[list[QMessageBox]] = []  # warnings shown after the editor has closed

    def __init__(self, service: HoSoService, person_id: uuid.UUID | str | None = None,
                 initial: dict[str, Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("person_editor")
        self.service = service
        self.person_id = uuid.UUID(str(person_id)) if person_id else None
        self.saved_id: uuid.UUID | None = None
        self.version: int | None = None
        self.unit_code: str | None = None
        self.form = DossierForm(load_options(service), service.people.attachment_content)
        self.error_banner = QLabel()
        self.error_banner.setObjectName("error_banner")
        self.error_banner.setWordWrap(True)
        self.error_banner.setStyleSheet("color: #b00020; background: #fdecea; padding: 6px;")
        self.error_banner.hide()
        self._build_layout()
        self._load(initial)
        cccd = self.form.rows["cccd"]
        cccd.widget.textChanged.connect(  # type: ignore[attr-defined]
            lambda: check_cccd(self.service, cccd, self.person_id))
        self._restore_geometry()

    @classmethod
    def ask(cls, parent: QWidget | None, service: HoSoService, person_id: uuid.UUID | str | None = None,
            initial: dict[str, Any] | None = None) -> uuid.UUID | None:
        try:
            editor = cls(service, person_id, initial, parent)
        except UserError as exc:  # the dossier was deleted meanwhile, or the key is wrong
            title = QCoreApplication.translate("PersonEditor", "Không mở được hồ sơ")
            QMessageBox.warning(parent, title, str(exc))
            return None
        editor.exec()
        return editor.saved_id  # saved at least once (Save keeps the editor open), or None

    def _build_layout(self) -> None:
        self.save_button = QPushButton(self.tr("Lưu"))
        self.save_button.setObjectName("save_button")
        self.save_button.setToolTip(self.tr("Lưu hồ sơ (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.tr("Đóng"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.setToolTip(self.tr("Đóng, không lưu (Esc)"))
        self.cancel_button.clicked.connect(self.reject)
        for button in (self.save_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter in a field must not save or close the dialog
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)  # saves and stays open
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_profile)
        self.status_label = QLabel()
        self.status_label.setObjectName("status_label")
        self.status_label.setStyleSheet("color: #1b5e20;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.form, 1)
        layout.addLayout(buttons)

    # --- loading ------------------------------------------------------------------------------------
    def _load(self, initial: dict[str, Any] | None) -> None:
        recovered = initial if initial and initial.get(STATE_MARK) else None
        prefill = None if recovered else initial
        if self.person_id is not None:
            person = self.service.people.person(self.person_id)
            self.version = person.get("version")
            self.unit_code = person.get("unit_code")
            self.form.load(person, person.get("attachments") or [], self.service.people.photo(self.person_id))
            self._show_unit(person.get("unit_name"), self.unit_code)
            self.setWindowTitle(self.tr("Hồ sơ: {name}").format(name=person.get("full_name") or ""))
            from ui.security_editor import prepare_editor

            prepare_editor(self, person)  # masked fields read-only, read-only roles, review note, Lịch sử…
            if prefill:
                self.form.restore({"fields": prefill})
        else:
            self.unit_code = (prefill or recovered or {}).get("unit_code")
            self.form.load(prefill or {})
            self._show_unit(self._unit_name(self.unit_code), self.unit_code)
            self.setWindowTitle(self.tr("Thêm hồ sơ mới"))
        if recovered:
            self.restore_form_state(recovered)

    def _unit_name(self, code: str | None) -> str | None:
        return next((u.name for u in self.service.units.list_units() if u.code == code), None) if code else None

    def _show_unit(self, name: str | None, code: str | None) -> None:
        if name:
            text = self.tr("Đơn vị: {name} ({code}). Đổi đơn vị bằng lệnh Chuyển đơn vị ở cửa sổ chính.")
            self.form.unit_label.setText(text.format(name=name, code=code))
        else:
            self.form.unit_label.setText(self.tr("Đơn vị: chưa xếp đơn vị."))

    # --- saving -------------------------------------------------------------------------------------
    def payload(self) -> dict[str, Any]:
        """What Save sends: only what changed (every filled field for a new dossier)."""
        self.form.finish_editing()
        if self.person_id is None:
            data = {k: v for k, v in self.form.values().items() if v not in (None, "", False)}
            data.update({name: self.form.section_rows(name) for name, table in self.form.sections.items()
                         if table.model.rowCount()})
            if self.unit_code:
                data["unit_code"] = self.unit_code
            return data
        data = self.form.changed_values()
        data.update({name: self.form.section_rows(name) for name in self.form.changed_sections()})
        return data

    def save(self) -> bool:
        """Save everything in one call and stay open (a status line says so); on refusal show why and
        keep what was typed. Closing is Esc or the Đóng button."""
        data = self.payload()
        files = self.form.files
        self.form.clear_errors()
        self.error_banner.hide()
        self.status_label.clear()
        if self.person_id is not None and not data and not files.has_changes():
            self.status_label.setText(self.tr("Không có thay đổi cần lưu."))
            return True
        if {"cccd", "birth_date", "sex"} & data.keys():
            values = self.form.values()
            if not confirm_mismatch(self, values.get("cccd"), values.get("birth_date"), values.get("sex")):
                self.form.reveal(self.form.rows["cccd"].widget)
                return False
        try:
            result = self.service.people.save_person(
                self.person_id, data, expected_version=self.version, photo=files.new_photo,
                remove_photo=files.photo_removed and files.stored_photo and not files.new_photo,
                new_documents=files.new_documents(), removed_documents=list(files.removed_ids))
        except ValidationError as exc:
            self._show_validation(exc)
            return False
        except UserError as exc:
            self.show_user_error(str(exc))
            return False
        self.saved_id = result.id
        self._after_save(result.id)
        self.saved.emit(result.id)
        if result.warnings:
            self.show_warnings(list(result.warnings))
        return True

    def _after_save(self, person_id: uuid.UUID) -> None:
        """The saved dossier becomes the editor's baseline: new version, stored files, no changes."""
        first = self.person_id is None
        self.person_id = person_id
        person = self.service.people.person(person_id)
        self.version = person.get("version")
        self.unit_code = person.get("unit_code")
        # what the service filled in (coefficient from the salary table, sort keys…) shows at once
        self.form.load(person, person.get("attachments") or [], self.service.people.photo(person_id))
        self.setWindowTitle(self.tr("Hồ sơ: {name}").format(name=person.get("full_name") or ""))
        if first:
            from ui.security_editor import prepare_editor

            prepare_editor(self, person)
        self.status_label.setText(self.tr("Đã lưu lúc {time}.").format(time=QTime.currentTime().toString("HH:mm")))

    def print_profile(self) -> None:
        """Ctrl+P: the dossier as saved (2C / HS02); a new one must be saved first."""
        from ui.reports_ui import print_profile

        print_profile(self, self.service, self.person_id)

    def _show_validation(self, exc: ValidationError) -> None:
        unplaced = self.form.show_errors(exc.errors)
        text = self.tr("Hồ sơ chưa được lưu: có {count} lỗi, xem các ô được đánh dấu.")
        text = text.format(count=len(exc.errors))
        if unplaced:
            text += "\n" + "\n".join(str(e) for e in unplaced)
        self.error_banner.setText(text)
        self.error_banner.show()

    def show_user_error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Không lưu được hồ sơ"), message)

    def show_warnings(self, warnings: list[str]) -> None:
        """A non-blocking note after saving (the note stays until read)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đã lưu, xin kiểm tra lại"),
                          self.tr("Hồ sơ đã được lưu. Lưu ý:") + "\n• " + "\n• ".join(warnings),
                          QMessageBox.StandardButton.Ok, self.parentWidget())
        box.setModal(False)
        box.finished.connect(lambda _r, b=box: self._notices.remove(b) if b in self._notices else None)
        self._notices.append(box)
        box.show()

    # --- closing --------------------------------------------------------------------------------------
    def has_changes(self) -> bool:
        self.form.finish_editing()
        return self.form.has_changes()

    def ask_unsaved(self) -> str:
        """"save", "discard" or "cancel" (tests replace this method)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Hồ sơ có thay đổi chưa lưu. Lưu trước khi đóng?"), parent=self)
        save = box.addButton(self.tr("Lưu"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Không lưu"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Huỷ"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return {save: "save", discard: "discard"}.get(box.clickedButton(), "cancel")

    def reject(self) -> None:
        """Esc, Huỷ and the window's close button come here: unsaved changes are asked about."""
        if self.has_changes():
            answer = self.ask_unsaved()
            if answer == "save" and self.save():
                super().accept()
                return
            if answer != "discard":
                return  # cancelled, or the save was refused: stay open to show why
        super().reject()

    def done(self, result: int) -> None:
        settings.save_state(GEOMETRY_KEY, self.saveGeometry())
        super().done(result)

    def _restore_geometry(self) -> None:
        geometry = settings.load_state(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 820)

    # --- crash recovery -------------------------------------------------------------------------------
    def form_state(self) -> dict[str, Any]:
        """Everything typed, JSON-serialisable, for the crash handler to keep."""
        return {STATE_MARK: 1, "person_id": str(self.person_id) if self.person_id else None,
                "version": self.version, "unit_code": self.unit_code, **self.form.state()}

    def restore_form_state(self, state: dict[str, Any]) -> None:
        self.form.restore(state)
        if state.get("unit_code") and self.person_id is None:
            self.unit_code = state["unit_code"]
            self._show_unit(self._unit_name(self.unit_code), self.unit_code)
