"""Công cụ → Xuất gói hồ sơ có ký số… / Nhập gói hồ sơ… (through ``service.delivery``).

Export: choose the unit (default: the unit selected in the tree, else the database's own unit),
choose the file, the package is written off the UI thread, the result is shown. Import: choose
the file, the package is verified off the UI thread and what was found (unit, signer's
fingerprint, counts, creation time) is shown before anything is written; then it is imported and
the summary (with the records refused or in conflict) is shown. A refused package shows why.

Công cụ → Khoá ký số của các đơn vị… (``manage_keys``, at the Department): the trusted keys, adding
a unit's ``.pub`` file after comparing its fingerprint, and untrusting a key.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import HoSo
from app.services.delivery import ExportResult, ImportSummary, KeyCandidate, PackageInfo, spaced
from app.units import UnitRow
from ui import file_dialogs
from ui.background import run_in_background
from ui.dialogs import confirm, show_error, unit_combo


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole).setObjectName("ok_button")
    box.addButton(tr("Huỷ"), QDialogButtonBox.ButtonRole.RejectRole).setObjectName("cancel_button")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


def _when(value: dt.datetime | None) -> str:
    if value is None:
        return tr("(không rõ)")
    if value.tzinfo is None:  # SQLite gives naive UTC
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%d/%m/%Y %H:%M")


class ExportDialog(QDialog):
    """Which unit's package (the unit and every unit below it)."""

    def __init__(self, parent: QWidget | None, units: list[UnitRow], current: str | None, service: HoSo):
        super().__init__(parent)
        self.setWindowTitle(tr("Xuất gói hồ sơ có ký số"))
        self.unit_combo = unit_combo(units)
        self.unit_combo.setObjectName("unit_combo")
        if current is not None and self.unit_combo.findData(current) >= 0:
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(current))
        note = QLabel(tr("Gói gồm hồ sơ đã duyệt của đơn vị này và các đơn vị trực thuộc, ký bằng khoá của "
                         "đơn vị. Sở Nội vụ cần có khoá công khai của đơn vị (lệnh package key) trước khi nhập."))
        note.setWordWrap(True)
        self.key_button = QPushButton(tr("Lưu khoá công khai để gửi Sở Nội vụ…"))
        self.key_button.setObjectName("key_button")
        self.key_button.clicked.connect(self.save_key)
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(tr("Đơn vị"), self.unit_combo)
        form.addRow(self.key_button)
        form.addRow(_buttons(self, tr("Chọn nơi lưu…")))
        self.service = service

    def save_key(self) -> None:
        code = self.unit_combo.currentData()
        name = file_dialogs.save_file(self, tr("Lưu khoá công khai"), f"{code}.pub", tr("Khoá công khai (*.pub)"))
        if not name:
            return
        try:
            info = self.service.delivery.save_public_key(code, Path(name))
        except UserError as exc:
            show_error(self, str(exc))
            return
        QMessageBox.information(self, "HoSo", tr(
            "Đã lưu khoá công khai của đơn vị {unit} vào {file}.\nHãy gửi tệp này cho Sở Nội vụ và đọc cho họ "
            "dấu vân tay để đối chiếu:\n{fingerprint}").format(unit=info.unit_code, file=Path(name).name,
                                                             fingerprint=spaced(info.fingerprint)))

    @classmethod
    def ask(cls, parent: QWidget | None, units: list[UnitRow], current: str | None, service: HoSo) -> str | None:
        dialog = cls(parent, units, current, service)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.unit_combo.currentData()


class ConfirmImportDialog(QDialog):
    """What a verified package holds, shown before anything is written."""

    def __init__(self, parent: QWidget | None, info: PackageInfo):
        super().__init__(parent)
        self.setWindowTitle(tr("Nhập gói hồ sơ"))
        layout = QVBoxLayout(self)
        ok = QLabel(tr("Gói đã được kiểm tra: chữ ký hợp lệ, khoá được tin cậy, mọi tệp đúng mã băm."))
        ok.setWordWrap(True)
        layout.addWidget(ok)
        form = QFormLayout()
        self.unit_label = QLabel(f"{info.unit_code} — {info.unit_name}")
        self.fingerprint_label = QLabel(spaced(info.fingerprint))
        self.fingerprint_label.setWordWrap(True)
        self.counts_label = QLabel(tr("{persons} hồ sơ, {deleted} hồ sơ đã xoá, {attachments} tệp đính kèm").format(
            persons=info.persons, deleted=info.deleted, attachments=info.attachments))
        form.addRow(tr("Đơn vị gửi"), self.unit_label)
        form.addRow(tr("Dấu vân tay khoá ký"), self.fingerprint_label)
        form.addRow(tr("Nội dung"), self.counts_label)
        form.addRow(tr("Ngày tạo gói"), QLabel(_when(info.created_at)))
        layout.addLayout(form)
        layout.addWidget(_buttons(self, tr("Nhập")))

    @classmethod
    def ask(cls, parent: QWidget | None, info: PackageInfo) -> bool:
        return cls(parent, info).exec() == QDialog.DialogCode.Accepted


class ImportResultDialog(QDialog):
    """The counts and, when there are any, the records refused or in conflict."""

    def __init__(self, parent: QWidget | None, summary: ImportSummary):
        super().__init__(parent)
        self.setWindowTitle(tr("Kết quả nhập gói hồ sơ"))
        layout = QVBoxLayout(self)
        self.summary_label = QLabel(tr("Đơn vị {unit}: {inserted} thêm mới, {updated} cập nhật, {unchanged} không "
                                       "đổi, {deleted} xoá, {rejected} bị từ chối.").format(**summary.as_json()))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.problems_text = QPlainTextEdit()
        self.problems_text.setReadOnly(True)
        self.problems_text.setPlainText("\n".join(_problem_line(p) for p in summary.problems))
        self.problems_text.setVisible(bool(summary.problems))
        layout.addWidget(self.problems_text)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)


def _problem_line(problem: dict[str, Any]) -> str:
    kind = tr("Xung đột") if problem.get("kind") == "conflict" else tr("Từ chối")
    who = " ".join(str(problem.get(k) or "") for k in ("cccd", "full_name")).strip()
    return f"{kind}: {who}: {problem.get('message')}"


def _allowed(window: Any) -> bool:
    """Packages are an administrator's work (``app.security.permissions``: action ``package``)."""
    if window.service.accounts.can("package"):
        return True
    show_error(window, tr("Chỉ quản trị viên mới được lập hoặc nhập gói dữ liệu."))
    return False


def export_package(window: Any) -> None:
    """Menu entry: choose the unit and the file, write the package on a worker."""
    service = window.service
    if not _allowed(window):
        return
    code = ExportDialog.ask(window, service.units.list_units(),
                            window.units.current_code() or service.delivery.default_signer(), service)
    if code is None:
        return
    suggested = f"goi-ho-so-{code}-{dt.date.today():%Y%m%d}.zip"
    name = file_dialogs.save_file(window, tr("Lưu gói hồ sơ"), suggested, tr("Gói hồ sơ (*.zip)"))
    if not name:
        return
    path = Path(name) if name.lower().endswith(".zip") else Path(name + ".zip")

    def work(report, cancelled) -> ExportResult:  # noqa: ANN001 - background's callbacks
        return service.delivery.export_package(path, code, progress=report, cancelled=cancelled)

    def done(result: ExportResult) -> None:
        QMessageBox.information(window, "HoSo", tr(
            "Đã ghi gói {file}:\n{persons} hồ sơ, {deleted} hồ sơ đã xoá, {attachments} tệp đính kèm.\n"
            "Dấu vân tay khoá ký: {fingerprint}").format(file=result.path.name, persons=result.persons,
                                                          deleted=result.deleted, attachments=result.attachments,
                                                          fingerprint=result.fingerprint))

    run_in_background(window, tr("Đang xuất gói hồ sơ…"), work, done, lambda exc: show_error(window, str(exc)))


def import_package(window: Any) -> None:
    """Menu entry: choose the file, verify it, show what it holds, import it on the user's word."""
    service = window.service
    if not _allowed(window):
        return
    name = file_dialogs.open_file(window, tr("Chọn gói hồ sơ"), tr("Gói hồ sơ (*.zip)"))
    if not name:
        return
    path = Path(name)

    def verified(info: PackageInfo) -> None:
        if info.imported_at is not None:
            QMessageBox.information(window, "HoSo", tr("Gói này đã nhập trước đây (ngày {when}); không có gì thay "
                                                       "đổi.").format(when=_when(info.imported_at)))
            return
        if ConfirmImportDialog.ask(window, info):
            run_in_background(window, tr("Đang nhập gói hồ sơ…"),
                              lambda _report, _cancelled: service.delivery.import_package(path),
                              imported, failed, cancellable=False)

    def imported(summary: ImportSummary) -> None:
        window.events.people_changed.emit([])
        if summary.units_added:
            window.events.units_changed.emit()
        ImportResultDialog(window, summary).exec()

    def failed(exc: BaseException) -> None:
        show_error(window, str(exc))

    run_in_background(window, tr("Đang kiểm tra gói hồ sơ…"),
                      lambda _r, _c: service.delivery.inspect_package(path),
                      verified, failed, cancellable=False)


# --- the Department's trusted keys ---------------------------------------------------------------

KEY_COLUMNS = (QT_TRANSLATE_NOOP("", "Mã đơn vị"), QT_TRANSLATE_NOOP("", "Tên đơn vị"),
               QT_TRANSLATE_NOOP("", "Dấu vân tay"), QT_TRANSLATE_NOOP("", "Ngày tin cậy"),
               QT_TRANSLATE_NOOP("", "Người thêm"))
COMPARE = QT_TRANSLATE_NOOP("", "Hãy đối chiếu dấu vân tay với đơn vị qua điện thoại/công văn trước khi tin cậy.")


def _candidate_text(candidate: KeyCandidate) -> str:
    info = candidate.info
    name = candidate.unit_name or (tr("{name} (theo tệp khoá)").format(name=info.unit_name)
                                   if info.unit_name else tr("(không rõ tên)"))
    lines = [tr("Tin cậy khoá ký số của đơn vị {code} — {name}?").format(code=info.unit_code, name=name), "",
             tr("Dấu vân tay:"), spaced(info.fingerprint), "", tr(COMPARE),
             tr("Sau khi tin cậy, các gói hồ sơ ký bằng khoá này được nhận cho đơn vị {code} và các đơn vị "
                "trực thuộc.").format(code=info.unit_code)]
    if candidate.unit_name is None:
        lines += ["", tr("Lưu ý: đơn vị {code} chưa có trong cơ sở dữ liệu này; hồ sơ trong gói của đơn vị sẽ bị "
                         "từ chối cho tới khi thêm đơn vị.").format(code=info.unit_code)]
    if candidate.other_keys:
        lines += ["", tr("Đơn vị này đã có {n} khoá khác được tin cậy. Nếu khoá cũ bị mất hoặc được thay, hãy thôi "
                         "tin cậy khoá cũ.").format(n=len(candidate.other_keys))]
    return "\n".join(lines)


class KeysDialog(QDialog):
    """The trusted keys: add a unit's key (after comparing its fingerprint), stop trusting one."""

    def __init__(self, parent: QWidget | None, service: Any):
        super().__init__(parent)
        self.service = service
        self.setWindowTitle(tr("Khoá ký số của các đơn vị"))
        self.resize(1150, 420)
        layout = QVBoxLayout(self)
        note = QLabel(tr("Sở Nội vụ chỉ nhận gói hồ sơ ký bằng các khoá dưới đây. Mỗi khoá chỉ dùng cho một đơn vị "
                         "và các đơn vị trực thuộc."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table = QTableWidget(0, len(KEY_COLUMNS))
        self.table.setObjectName("keys_table")
        self.table.setHorizontalHeaderLabels([tr(c) for c in KEY_COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("Thêm khoá của đơn vị…"))
        self.add_button.setObjectName("add_key_button")
        self.add_button.clicked.connect(self.add_key)
        self.remove_button = QPushButton(tr("Thôi tin cậy"))
        self.remove_button.setObjectName("remove_key_button")
        self.remove_button.clicked.connect(self.remove_key)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        box = QDialogButtonBox()
        box.addButton(tr("Đóng"), QDialogButtonBox.ButtonRole.RejectRole)
        box.rejected.connect(self.reject)
        row.addWidget(box)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        rows = self.service.delivery.trusted_keys()
        self.table.setRowCount(len(rows))
        for r, key in enumerate(rows):
            cells = (key.unit_code, key.unit_name or tr("(chưa có ở cơ sở dữ liệu này)"), spaced(key.fingerprint),
                     _when(key.added_at), key.added_by)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, key.fingerprint)
                self.table.setItem(r, c, item)
        self.table.clearSelection()
        self._selection_changed()

    def selected_fingerprint(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(self.selected_fingerprint() is not None)

    def add_key(self) -> None:
        name = file_dialogs.open_file(self, tr("Chọn tệp khoá công khai của đơn vị"),
                                      tr("Khoá công khai (*.pub);;Mọi tệp (*)"))
        if not name:
            return
        try:
            candidate = self.service.delivery.read_key_candidate(Path(name))
        except UserError as exc:
            show_error(self, str(exc))
            return
        if candidate.trusted_for is not None:
            show_error(self, tr("Khoá này đã được tin cậy cho đơn vị {other}, không thể dùng cho đơn vị {code}.").format(
                other=candidate.trusted_for, code=candidate.info.unit_code))
            return
        if candidate.already_trusted:
            QMessageBox.information(self, "HoSo", tr("Khoá của đơn vị {code} đã được tin cậy từ trước.").format(
                code=candidate.info.unit_code))
            return
        if not confirm(self, _candidate_text(candidate), tr("Tin cậy khoá này")):
            return
        try:
            self.service.delivery.trust_key(candidate.info)
        except UserError as exc:
            show_error(self, str(exc))
        self.refresh()

    def remove_key(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        fingerprint = items[0].data(Qt.ItemDataRole.UserRole)
        unit = self.table.item(items[0].row(), 0).text()
        question = tr("Thôi tin cậy khoá ký số của đơn vị {code}?\n\nDấu vân tay:\n{fingerprint}\n\nTừ nay các gói "
                      "ký bằng khoá này sẽ bị từ chối; hồ sơ đã nhập trước đây vẫn giữ nguyên.").format(
            code=unit, fingerprint=spaced(fingerprint))
        if not confirm(self, question, tr("Thôi tin cậy")):
            return
        try:
            self.service.delivery.untrust_key(fingerprint)
        except UserError as exc:
            show_error(self, str(exc))
        self.refresh()


def manage_keys(window: Any) -> None:
    """Menu entry Công cụ → Khoá ký số của các đơn vị… (administrators)."""
    if not _allowed(window):
        return
    try:
        dialog = KeysDialog(window, window.service)
    except UserError as exc:
        show_error(window, str(exc))
        return
    dialog.exec()
