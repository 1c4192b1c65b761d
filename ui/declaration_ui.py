"""The personal declaration in the window (issue 16): issue the file for the selected person or
the unit; open a returned file → the review table (section, field/row, current, declared, when
issued, problem) with a box per change, all / none, a note, and Accept (into approval).

Everything goes through ``HoSoService.declarations`` (permission, scope, masking, access log).
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import HoSoService
from ui.background import BackgroundOp, run_in_background
from ui.dialogs import show_error

PROBLEM_BACKGROUND = QColor("#fde0dc")
CONFLICT_BACKGROUND = QColor("#fff3cd")


def tr(text: str) -> str:
    return QCoreApplication.translate("Declaration", text)


def inform(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, "HoSo", text)


def issue_for_person(parent: QWidget | None, service: HoSoService, person_id: uuid.UUID | None) -> Path | None:
    """The declaration file of the selected person, saved where the user chooses."""
    if person_id is None:
        inform(parent, tr("Hãy chọn một người trong danh sách để lập phiếu kê khai."))
        return None
    rows = service.people.person_rows([person_id])
    suggested = f"ke-khai-{rows[0].cccd}.xlsx" if rows else "ke-khai.xlsx"
    path, _ = QFileDialog.getSaveFileName(parent, tr("Lưu phiếu kê khai"), suggested, tr("Bảng tính Excel (*.xlsx)"))
    if not path:
        return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    try:
        issued = service.declarations.issue(person_id, path)
    except UserError as exc:
        show_error(parent, str(exc))
        return None
    inform(parent, tr("Đã lập phiếu kê khai của {name} vào {file}. Gửi tệp cho người kê khai; khi nhận lại, "
                      "chọn Hồ sơ → Đối chiếu phiếu kê khai trả về.").format(name=issued.full_name, file=path))
    return issued.path


def issue_for_unit(parent: QWidget | None, service: HoSoService, unit_code: str | None) -> BackgroundOp | None:
    """One declaration file per person of the selected unit, into a folder (on a worker thread)."""
    if not unit_code:
        inform(parent, tr("Hãy chọn một đơn vị trong cây đơn vị."))
        return None
    folder = QFileDialog.getExistingDirectory(parent, tr("Thư mục lưu các phiếu kê khai"))
    if not folder:
        return None
    declarations = service.declarations

    def work(report: Any, _cancelled: Any) -> int:
        return len(declarations.issue_unit(unit_code, folder, progress=report))

    def failed(exc: BaseException) -> None:
        show_error(parent, str(exc) if isinstance(exc, UserError) else tr("Không lập được phiếu: {error}").format(
            error=exc))

    return run_in_background(parent, tr("Đang lập phiếu kê khai…"), work,
                             lambda count: inform(parent, tr("Đã lập {count} phiếu kê khai vào {folder}.").format(
                                 count=count, folder=folder)), failed, cancellable=False)


def review_returned(parent: QWidget | None, service: HoSoService, path: str | None = None) -> int | None:
    """Open a returned file and review it; returns the number of changes accepted (None: closed)."""
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Mở phiếu kê khai trả về"), "",
                                              tr("Bảng tính Excel (*.xlsx)"))
        if not path:
            return None
    try:
        found = service.declarations.review(path)
    except UserError as exc:
        show_error(parent, str(exc))
        return None
    dialog = ReviewDialog(parent, service, path, found)
    dialog.exec()
    return dialog.accepted_count


class ReviewDialog(QDialog):
    @staticmethod
    def headers() -> list[str]:
        return [tr("Nhận"), tr("Mục"), tr("Thông tin"), tr("Hiện tại"), tr("Kê khai"), tr("Khi lập phiếu"), tr("Lỗi")]

    def __init__(self, parent: QWidget | None, service: HoSoService, path: str, found: Any) -> None:
        super().__init__(parent)
        self.setObjectName("declaration_review")
        self.service, self.path, self.found = service, path, found
        self.accepted_count: int | None = None
        self.setWindowTitle(tr("Đối chiếu phiếu kê khai — {name}").format(name=found.full_name))
        head = tr("Phiếu kê khai của {name} (CCCD {cccd}): {changes} thay đổi, {problems} lỗi.").format(
            name=found.full_name, cccd=found.cccd, changes=len(found.changes), problems=len(found.problems))
        if found.stale:
            head += " " + tr("Hồ sơ đã thay đổi từ khi lập phiếu (phiên bản {a} → {b}): các thay đổi xung đột "
                             "(nền vàng) chỉ được nhận khi đánh dấu.").format(a=found.issued_version,
                                                                                b=found.current_version)
        summary = QLabel(head)
        summary.setObjectName("summary_label")
        summary.setWordWrap(True)
        self.table = QTableWidget(0, len(self.headers()))
        self.table.setObjectName("changes_table")
        self.table.setHorizontalHeaderLabels(self.headers())
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._fill()
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("note_edit")
        self.note_edit.setPlaceholderText(tr("Ghi chú của người nhận (đã đối chiếu giấy tờ…)"))
        all_button, none_button = QPushButton(tr("Chọn tất cả")), QPushButton(tr("Bỏ chọn tất cả"))
        all_button.setObjectName("select_all_button")
        none_button.setObjectName("select_none_button")
        all_button.clicked.connect(lambda: self.check_all(True))
        none_button.clicked.connect(lambda: self.check_all(False))
        self.accept_button = QPushButton(tr("Nhận các thay đổi đã chọn"))
        self.accept_button.setObjectName("accept_button")
        self.accept_button.setDefault(True)
        self.accept_button.clicked.connect(self.take)
        close = QPushButton(tr("Đóng"))
        close.setObjectName("close_button")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for w in (all_button, none_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        note_row = QHBoxLayout()
        note_row.addWidget(QLabel(tr("Ghi chú:")))
        note_row.addWidget(self.note_edit, 1)
        layout.addLayout(note_row)
        layout.addLayout(buttons)
        self.resize(1100, 560)

    def _fill(self) -> None:
        changes, problems = self.found.changes, self.found.problems
        self.table.setRowCount(len(changes) + len(problems))
        self.keys: list[str] = []
        for row, change in enumerate(changes):
            box = QTableWidgetItem()
            box.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            box.setCheckState(Qt.CheckState.Unchecked if change.conflict else Qt.CheckState.Checked)
            box.setData(Qt.ItemDataRole.UserRole, change.key)
            self.table.setItem(row, 0, box)
            texts = (change.section_label, change.label, change.current, change.declared, change.issued or "",
                     tr("xung đột: hồ sơ đã đổi từ khi lập phiếu") if change.conflict else "")
            for col, text in enumerate(texts, start=1):
                item = QTableWidgetItem(text)
                if change.conflict:
                    item.setBackground(QBrush(CONFLICT_BACKGROUND))
                self.table.setItem(row, col, item)
            self.keys.append(change.key)
        for offset, problem in enumerate(problems):
            row = len(changes) + offset
            self.table.setItem(row, 0, QTableWidgetItem(""))
            from app.declaration import form

            for col, text in enumerate((form.section_label(problem.section), problem.label, "", "", "",
                                        problem.message), start=1):
                item = QTableWidgetItem(text)
                item.setBackground(QBrush(PROBLEM_BACKGROUND))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def check_all(self, on: bool) -> None:
        for row in range(len(self.keys)):
            self.table.item(row, 0).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def chosen(self) -> list[str]:
        return [self.keys[r] for r in range(len(self.keys))
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]

    def take(self) -> None:
        keys = self.chosen()
        if self.keys and not keys:
            inform(self, tr("Chưa chọn thay đổi nào để nhận."))
            return
        try:
            done = self.service.declarations.accept(self.path, keys or None, self.note_edit.text() or None)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.accepted_count = len(done.accepted)
        if done.unchanged:  # a second return of the same file: nothing was written
            inform(self, tr("Phiếu kê khai của {name} đã được nhận trước đây và không còn thay đổi nào: "
                            "không ghi gì thêm.").format(name=self.found.full_name))
        else:
            inform(self, tr("Đã nhận {count} thay đổi kê khai của {name}; hồ sơ chờ lãnh đạo duyệt.").format(
                count=len(done.accepted), name=self.found.full_name) if done.accepted else
                tr("Đã ghi nhận phiếu kê khai của {name}; hồ sơ không thay đổi.").format(name=self.found.full_name))
        self.accept()


# --- data-subject requests (REFERENCE §7) ----------------------------------------------------------

def data_requests(parent: QWidget | None, service: HoSoService, person_id: uuid.UUID | None) -> int | None:
    """The person's requests for their own data: record one, answer one (PDF, spreadsheet, log)."""
    if person_id is None:
        inform(parent, tr("Hãy chọn một người trong danh sách."))
        return None
    try:
        dialog = RequestsDialog(parent, service, person_id)
    except UserError as exc:
        show_error(parent, str(exc))
        return None
    return dialog.exec()


class RequestsDialog(QDialog):
    def __init__(self, parent: QWidget | None, service: HoSoService, person_id: uuid.UUID) -> None:
        from ui.widgets.date_edit import DateEdit

        super().__init__(parent)
        self.setObjectName("data_requests")
        self.service, self.person_id = service, person_id
        self.declarations = service.declarations
        self.declarations.requests(person_id)  # refuses a role or unit without access before showing
        self.setWindowTitle(tr("Yêu cầu cung cấp dữ liệu cá nhân"))
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("requests_table")
        self.table.setHorizontalHeaderLabels([tr("Ngày nhận"), tr("Hạn trả lời"), tr("Ngày trả lời"), tr("Ghi chú")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.received_edit = DateEdit()
        self.received_edit.setObjectName("received_edit")
        import datetime as dt

        self.received_edit.setValue(dt.date.today())
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("request_note_edit")
        record = QPushButton(tr("Ghi nhận yêu cầu"))
        record.setObjectName("record_button")
        record.clicked.connect(self.record)
        self.answer_button = QPushButton(tr("Trả lời: xuất hồ sơ và nhật ký xử lý…"))
        self.answer_button.setObjectName("answer_button")
        self.answer_button.clicked.connect(self.answer)
        close = QPushButton(tr("Đóng"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        for w in (QLabel(tr("Ngày nhận:")), self.received_edit, QLabel(tr("Ghi chú:")), self.note_edit, record):
            row.addWidget(w)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("Hồ sơ đầy đủ (PDF và bảng tính) và danh sách ai đã xem, in, xuất, sửa hồ sơ, "
                                   "theo Luật Bảo vệ dữ liệu cá nhân.")))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(buttons)
        self.resize(820, 420)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.declarations.requests(self.person_id)
        self.table.setRowCount(len(self.rows))
        import datetime as dt

        def day(iso: str | None) -> str:
            return dt.date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""

        for r, req in enumerate(self.rows):
            late = not req["answered_on"] and req["due_on"] < dt.date.today().isoformat()
            for c, text in enumerate((day(req["received_on"]), day(req["due_on"]), day(req["answered_on"]),
                                      req["note"] or "")):
                item = QTableWidgetItem(text)
                if late:
                    item.setBackground(QBrush(PROBLEM_BACKGROUND))
                self.table.setItem(r, c, item)
        if self.rows:
            self.table.selectRow(0)

    def record(self) -> None:
        day = self.received_edit.value()
        if day is None:
            show_error(self, self.received_edit.problem() or tr("Nhập ngày nhận yêu cầu (dd/mm/yyyy)."))
            return
        try:
            self.declarations.record_request(self.person_id, day, note=self.note_edit.text() or None)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.note_edit.clear()
        self.refresh()

    def answer(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()})
        if not rows:
            inform(self, tr("Hãy chọn yêu cầu cần trả lời."))
            return
        folder = QFileDialog.getExistingDirectory(self, tr("Thư mục lưu hồ sơ trả lời"))
        if not folder:
            return
        try:
            files = self.declarations.answer_request(self.rows[rows[0]]["id"], folder)
        except UserError as exc:
            show_error(self, str(exc))
            return
        inform(self, tr("Đã xuất {count} tệp vào {folder}: {files}.").format(
            count=len(files), folder=folder, files=", ".join(f.name for f in files)))
        self.refresh()
