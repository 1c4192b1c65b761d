"""Công cụ → Vị trí việc làm… and Đánh giá, xếp loại…: job positions of a unit (list, add, edit,
retire, load a framework list), the 2027 placement (approved vs filled, who is not placed, whose
ngạch does not match) with the bulk placement helper, and the unit's yearly rating (import of the
monthly scores, levels with the quota warning, approval, the sheet printed or exported).

Everything goes through ``HoSoService`` (the role and unit checks are there); the windows reuse
the tool-window parts of ``ui.alerts_ui`` (rows computed off the UI thread, read-only tables).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError, ValidationError
from app.services import HoSoService
from ui.alerts_ui import Column, RowsModel, RowsTable, ToolWindow, box, named, show_tool, today, tr, vn_date
from ui.dialogs import _buttons, confirm, show_error
from ui.widgets.date_edit import DateEdit

GROUPS = {"lanh_dao_quan_ly": "Lãnh đạo, quản lý", "chuyen_mon_nghiep_vu": "Chuyên môn, nghiệp vụ",
          "ho_tro_phuc_vu": "Hỗ trợ, phục vụ"}
LEVELS = {"xuat_sac": "Hoàn thành xuất sắc nhiệm vụ", "tot": "Hoàn thành tốt nhiệm vụ",
          "hoan_thanh": "Hoàn thành nhiệm vụ", "khong_hoan_thanh": "Không hoàn thành nhiệm vụ"}


def _number(value: Any) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


class PositionDialog(QDialog):
    """Add or edit one position of a unit (``exec()``; ``values()`` after Accept)."""

    def __init__(self, parent: QWidget | None, unit_code: str, row: Any | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Sửa vị trí việc làm") if row else tr("Thêm vị trí việc làm"))
        self.code_edit = named(QLineEdit(row.code if row else ""), "code_edit")
        self.name_edit = named(QLineEdit(row.name if row else ""), "name_edit")
        self.group_combo = named(QComboBox(), "group_combo")
        for code, label in GROUPS.items():
            self.group_combo.addItem(tr(label), code)
        self.group_combo.setCurrentIndex(list(GROUPS).index(row.group) if row else 1)  # most are chuyên môn
        self.grade_edit = named(QLineEdit(row.grade_code or "" if row else ""), "grade_edit")
        self.approved_spin = named(QSpinBox(), "approved_spin")
        self.approved_spin.setRange(0, 10000)
        self.approved_spin.setValue(row.approved if row else 1)
        self.decision_edit = named(QLineEdit(row.decision_number or "" if row else ""), "decision_edit")
        self.decision_date = named(DateEdit(), "decision_date_edit")
        self.decision_date.setValue(row.decision_date if row else None)
        form = QFormLayout()
        form.addRow(tr("Đơn vị"), QLabel(unit_code))
        for label, widget in ((tr("Mã vị trí"), self.code_edit), (tr("Tên vị trí việc làm"), self.name_edit),
                              (tr("Nhóm"), self.group_combo), (tr("Mã ngạch tương ứng"), self.grade_edit),
                              (tr("Số lượng được duyệt"), self.approved_spin), (tr("Số quyết định"), self.decision_edit),
                              (tr("Ngày quyết định"), self.decision_date)):
            form.addRow(label, widget)
        buttons = _buttons(self, tr("Lưu"))  # Enter saves (the dialogs' one default-button rule)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        return {"code": self.code_edit.text(), "name": self.name_edit.text(), "group": self.group_combo.currentData(),
                "grade_code": self.grade_edit.text(), "approved": self.approved_spin.value(),
                "decision_number": self.decision_edit.text(), "decision_date": self.decision_date.value()}


class PositionsWindow(ToolWindow):
    """A unit's positions, its 2027 placement and the placement helper (tabs)."""

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Vị trí việc làm"))
        self.resize(980, 620)
        self.positions = RowsModel([
            Column(tr("Đơn vị"), lambda r: r.unit_code, width=110), Column(tr("Mã"), lambda r: r.code, width=100),
            Column(tr("Vị trí việc làm"), lambda r: r.name, width=260),
            Column(tr("Nhóm"), lambda r: tr(GROUPS.get(r.group, r.group)), width=150),
            Column(tr("Mã ngạch"), lambda r: r.grade_code or "", width=80),
            Column(tr("Được duyệt"), lambda r: str(r.approved), lambda r: r.approved, right=True, width=80),
            Column(tr("Đang giữ"), lambda r: str(r.filled), lambda r: r.filled, right=True, width=70)])
        self.positions_table = RowsTable("positions_table", self.positions)
        self.people = RowsModel([
            Column(tr("Tình trạng"), lambda r: r[0], width=140), Column(tr("Họ và tên"), lambda r: r[1].full_name, width=200),
            Column(tr("Đơn vị"), lambda r: r[1].unit_code or "", width=120),
            Column(tr("Mã ngạch"), lambda r: r[1].grade_code or "", width=80),
            Column(tr("Vị trí đang giữ"), lambda r: r[1].position_code or "", width=120),
            Column(tr("Ngạch của vị trí"), lambda r: r[1].position_grade or "", width=100)],
            person_id=lambda r: r[1].id, category=lambda r: r[0])
        self.people_table = RowsTable("placement_table", self.people)
        self.people_table.doubleClicked.connect(self.open_row)
        self.summary_label = named(QLabel(), "summary_label")
        self.summary_label.setWordWrap(True)
        self.proposals = RowsModel([
            Column(tr("Họ và tên"), lambda r: r.person.full_name, width=200),
            Column(tr("Mã ngạch"), lambda r: r.person.grade_code or "", width=80),
            Column(tr("Vị trí đề xuất"), lambda r: f"{r.position_code} — {r.position_name}" if r.position_code else "",
                   width=300), Column(tr("Lý do"), lambda r: r.reason, width=240)],
            person_id=lambda r: r.person.id)
        self.proposals_table = RowsTable("proposals_table", self.proposals)
        self.proposals_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.planning = RowsModel([
            Column(tr("Chức danh quy hoạch"), lambda r: r.title, width=240),
            Column(tr("Giai đoạn"), lambda r: r.period, width=80),
            Column(tr("Họ và tên"), lambda r: r.full_name, width=170),
            Column(tr("Đơn vị"), lambda r: r.unit_code or "", width=90),
            Column(tr("Chức vụ hiện nay"), lambda r: r.position or "", width=150),
            Column(tr("Quyết định"), lambda r: " ".join(x for x in (r.decision_number or "", vn_date(r.decision_date)
                                                                     if r.decision_date else "") if x), width=160)],
            person_id=lambda r: r.person_id)
        self.planning_table = RowsTable("planning_table", self.planning)
        self.planning_table.doubleClicked.connect(self.open_row)
        self.planning_filter = named(QLineEdit(), "planning_filter_edit")
        self.planning_filter.setPlaceholderText(tr("Lọc theo chức danh (không cần dấu)"))
        self.planning_filter.textChanged.connect(lambda _t: self.refresh())
        self.start_edit = named(DateEdit(), "start_edit")
        self.start_edit.setValue(today())
        buttons = {}
        for name, text, slot in (("add_button", tr("Thêm…"), self.add_position),
                                 ("edit_button", tr("Sửa…"), self.edit_position),
                                 ("retire_button", tr("Thôi áp dụng"), self.retire_position),
                                 ("load_button", tr("Nạp danh mục từ Excel…"), self.load_positions),
                                 ("place_selected_button", tr("Bố trí những người đã chọn"), self.place_selected),
                                 ("place_all_button", tr("Bố trí cả danh sách đã xem"), self.place_all),
                                 ("planning_print_button", tr("In danh sách…"), lambda: self.write_planning(".pdf")),
                                 ("planning_export_button", tr("Xuất Excel…"), lambda: self.write_planning(".xlsx"))):
            buttons[name] = named(QPushButton(text), name)
            buttons[name].setAutoDefault(False)
            buttons[name].clicked.connect(slot)
        self.buttons = buttons
        tabs = named(QTabWidget(), "tabs")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.positions_table)
        layout.addLayout(box(QHBoxLayout(), buttons["add_button"], buttons["edit_button"], buttons["retire_button"],
                             buttons["load_button"], 1))
        tabs.addTab(page, tr("Danh mục vị trí"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.people_table)
        tabs.addTab(page, tr("Bố trí trước 01/07/2027"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(tr("Đề xuất vị trí theo ngạch đang giữ cho công chức chưa bố trí; xem lại từng dòng "
                                   "rồi bố trí từng người hoặc cả danh sách.")))
        layout.addWidget(self.proposals_table)
        layout.addLayout(box(QHBoxLayout(), QLabel(tr("Từ ngày")), self.start_edit, buttons["place_selected_button"],
                             buttons["place_all_button"], 1))
        tabs.addTab(page, tr("Đề xuất bố trí"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(box(QHBoxLayout(), QLabel(tr("Chức danh")), (self.planning_filter, 1)))
        layout.addWidget(self.planning_table)
        layout.addLayout(box(QHBoxLayout(), buttons["planning_print_button"], buttons["planning_export_button"], 1))
        tabs.addTab(page, tr("Quy hoạch"))
        self.tabs = tabs
        main = QVBoxLayout(self)
        main.addWidget(self.scope_label)
        main.addWidget(tabs)
        main.addLayout(self.footer())
        self.refresh()

    def refresh(self) -> None:
        service, unit = self.service, self.unit_code
        can_edit = unit is not None and service.accounts.can("edit", unit)
        can_manage = unit is not None and service.accounts.can("manage_positions", unit)
        for name in ("add_button", "edit_button", "retire_button", "load_button"):
            self.buttons[name].setEnabled(can_manage)
        for name in ("place_selected_button", "place_all_button"):
            self.buttons[name].setEnabled(can_edit)
        self.buttons["planning_print_button"].setEnabled(service.accounts.can("print", unit))
        self.buttons["planning_export_button"].setEnabled(service.accounts.can("export", unit))
        title = self.planning_filter.text().strip() or None

        def work() -> tuple[Any, Any, Any, Any]:
            rows = service.positions.positions(unit)
            board = service.positions.placement_dashboard(unit) if unit else None
            proposals = service.positions.placement_proposals(unit) if can_edit else []
            planned = service.positions.planning_list(unit, title=title, as_of=today())
            return rows, board, proposals, planned

        self.compute(work, self._show)

    def _show(self, answer: tuple[Any, Any, Any, Any]) -> None:
        rows, board, proposals, planned = answer
        self.positions.set_rows(rows)
        self.proposals.set_rows(proposals)
        self.planning.set_rows(planned)
        if board is None:
            self.people.set_rows([])
            self.summary_label.setText(tr("Chọn một đơn vị để xem việc bố trí vị trí việc làm."))
        else:
            self.people.set_rows([(tr("Chưa bố trí"), p) for p in board.unplaced]
                                 + [(tr("Ngạch không khớp vị trí"), p) for p in board.mismatched])
            text = tr("Công chức: {n}; đã bố trí: {placed}; chưa bố trí: {unplaced}; ngạch không khớp: {mismatched}. "
                      "Còn {days} ngày đến hạn {deadline}.").format(
                n=board.civil_servants, placed=board.placed, unplaced=len(board.unplaced),
                mismatched=len(board.mismatched), days=board.days_left, deadline=vn_date(board.deadline))
            if board.senior_share is not None:
                text += " " + tr("Chuyên viên cao cấp: {n} ({share}%{cap}).").format(
                    n=board.senior, share=f"{board.senior_share * 100:.1f}".replace(".", ","),
                    cap=tr(", tối đa {cap}%").format(cap=board.senior_cap) if board.senior_cap is not None else "")
            self.summary_label.setText(text)
        self.count_label.setText(tr("{n} vị trí").format(n=len(rows)))
        self.status_label.setText("")

    def _selected_position(self) -> Any | None:
        rows = self.positions_table.selectionModel().selectedRows() if self.positions_table.selectionModel() else []
        return self.positions_table.row_at(rows[0].row()) if rows else None

    def _act(self, action: Any) -> bool:
        try:
            action()
        except UserError as exc:
            show_error(self, str(exc))
            return False
        self.refresh()
        return True

    def add_position(self) -> None:
        if not self.unit_code:
            return
        dialog = PositionDialog(self, self.unit_code)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._act(lambda: self.service.positions.save_position(self.unit_code, dialog.values())):
                return

    def edit_position(self) -> None:
        row = self._selected_position()
        if row is None or not self.unit_code:
            return
        dialog = PositionDialog(self, row.unit_code, row)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            if self._act(lambda: self.service.positions.save_position(row.unit_code, dialog.values(), code=row.code)):
                return

    def retire_position(self) -> None:
        row = self._selected_position()
        if row is None:
            return
        if confirm(self, tr("Cho vị trí {code} — {name} thôi áp dụng từ hôm nay?").format(code=row.code, name=row.name),
                   tr("Thôi áp dụng")):
            self._act(lambda: self.service.positions.retire_position(row.unit_code, row.code, today()))

    def load_positions(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Nạp danh mục vị trí việc làm"), "", tr("Tệp Excel (*.xlsx)"))
        if path:
            self._act(lambda: self.service.positions.load_positions(path, self.unit_code))

    def _place(self, rows: list[Any]) -> None:
        start = self.start_edit.value()
        pairs = [(str(r.person.id), r.position_code) for r in rows if r is not None and r.position_code]
        if not pairs or start is None:
            return
        if confirm(self, tr("Bố trí {n} người vào vị trí đề xuất từ ngày {day}?").format(n=len(pairs), day=vn_date(start)),
                   tr("Bố trí")):
            self._act(lambda: self.service.positions.assign_positions(pairs, start))

    def write_planning(self, suffix: str) -> None:
        """The quy hoạch list per title (the filter applied) as PDF or Excel."""
        filters = tr("Tệp PDF (*.pdf)") if suffix == ".pdf" else tr("Tệp Excel (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Danh sách quy hoạch"), f"quy-hoach{suffix}", filters)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            self.service.positions.render_planning_list(path, self.unit_code,
                                                        title=self.planning_filter.text().strip() or None,
                                                        as_of=today())
        except UserError as exc:
            show_error(self, str(exc))

    def place_selected(self) -> None:
        view_rows = sorted({i.row() for i in self.proposals_table.selectionModel().selectedRows()})
        self._place([self.proposals_table.row_at(r) for r in view_rows])

    def place_all(self) -> None:
        self._place(self.proposals_table.shown_rows())


SCORE_COLUMNS = ("general", "task", "quantity", "quality", "progress", "major_errors", "delays", "leave", "note")
LEAVES = ("", "sick", "maternity", "other")


def _score_headers() -> list[str]:
    return [tr("Tiêu chí chung\n(tối đa 30)"), tr("Kết quả nhiệm vụ\n(tối đa 70)"), tr("Số lượng\n(%)"),
            tr("Chất lượng\n(%)"), tr("Tiến độ\n(%)"), tr("Số sai sót\nlớn"), tr("Số lần\nchậm"), tr("Nghỉ"),
            tr("Ghi chú")]


def _leave_labels() -> list[str]:
    return ["", tr("ốm"), tr("thai sản"), tr("khác")]
ERROR_BRUSH = QBrush(QColor("#f6d2cc"))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value) if value else ""
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    return text.replace(".", ",")


class ScoreEntryDialog(QDialog):
    """A person's monthly or quarterly scores of one year, entered by hand (``exec()``): the general
    score, the task score or its quantity/quality/progress parts with the numbers of major errors and
    delays (−25 % each), the leave. Saving checks every field (``app.rating.check_period`` through the
    service), names and marks the bad ones and keeps the dialog open; else all of the year is saved in
    one transaction and ``entered`` holds the year recomputed with the unit's quota warnings."""

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None, year: int,
                 person_id: Any | None = None):
        super().__init__(parent)
        self.service, self.unit_code, self.year = service, unit_code, year
        self.entered: Any = None
        self.setWindowTitle(tr("Nhập điểm đánh giá năm {year}").format(year=year))
        self.resize(1040, 560)
        self.person_combo = named(QComboBox(), "person_combo")
        for p in service.positions.rating_people(unit_code):
            self.person_combo.addItem(f"{p.full_name} — {p.unit_code or ''}", str(p.id))
        if person_id is not None:
            self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(str(person_id))))
        self.mode_combo = named(QComboBox(), "mode_combo")
        self.mode_combo.addItem(tr("Theo tháng"), "month")
        self.mode_combo.addItem(tr("Theo quý"), "quarter")
        self.table = named(QTableWidget(0, len(SCORE_COLUMNS)), "scores_table")
        self.table.setHorizontalHeaderLabels(_score_headers())
        for i, width in enumerate((115, 125, 80, 85, 80, 80, 70, 100, 170)):
            self.table.setColumnWidth(i, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint_label = QLabel(tr("Ghi điểm nhiệm vụ, hoặc để trống và ghi đủ số lượng, chất lượng, tiến độ (%): "
                                    "mỗi sai sót lớn trừ 25% điểm chất lượng, mỗi lần chậm trừ 25% điểm tiến độ. "
                                    "Kỳ nghỉ ốm, thai sản: chọn ở cột Nghỉ, không ghi điểm. Dòng để trống: kỳ "
                                    "không có điểm."))
        self.hint_label.setWordWrap(True)
        self.person_combo.currentIndexChanged.connect(lambda _i: self.load())
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._rows(self.mode_combo.currentData(), {}))
        buttons = _buttons(self, tr("Lưu"))  # Enter saves (the dialogs' one default-button rule)
        layout = QVBoxLayout(self)
        layout.addLayout(box(QHBoxLayout(), QLabel(tr("Người được đánh giá")), (self.person_combo, 1),
                             QLabel(tr("Kỳ chấm")), self.mode_combo))
        layout.addWidget(self.hint_label)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.load()

    def person_id(self) -> str | None:
        return self.person_combo.currentData()

    def load(self) -> None:
        """The chosen person's stored periods of the year (quarters if they were scored by quarter)."""
        key = self.person_id()
        stored = {r.period: r for r in self.service.positions.period_scores(key, self.year)} if key else {}
        quarters = {p for p in stored if p.startswith("Q")}
        mode = "month" if not quarters else "quarter" if len(quarters) == len(stored) else "mixed"
        self.mode_combo.blockSignals(True)
        if mode == "mixed" and self.mode_combo.findData("mixed") < 0:
            self.mode_combo.addItem(tr("Tháng và quý"), "mixed")
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        self.mode_combo.blockSignals(False)
        self._rows(mode, stored)

    def _rows(self, mode: str, stored: dict[str, Any]) -> None:
        """One row per period: 12 months, 4 quarters, or ("mixed": a year scored partly by month,
        partly by quarter) each stored quarter with the months of the other quarters."""
        if mode == "quarter":
            periods = [f"Q{q}" for q in range(1, 5)]
        elif mode == "mixed":
            periods = [p for q in range(1, 5) for p in
                       ([f"Q{q}"] if f"Q{q}" in stored else [str(m) for m in range(3 * q - 2, 3 * q + 1)])]
        else:
            periods = [str(m) for m in range(1, 13)]
        self.periods = periods
        self.table.setRowCount(len(periods))
        self.table.setVerticalHeaderLabels([tr("Quý {n}").format(n=p[1:]) if p.startswith("Q")
                                            else tr("Tháng {n}").format(n=p) for p in periods])
        for row, period in enumerate(periods):
            r = stored.get(period)
            for col, name in enumerate(SCORE_COLUMNS):
                if name == "leave":
                    combo = QComboBox()
                    for code, label in zip(LEAVES, _leave_labels(), strict=True):
                        combo.addItem(label, code)
                    combo.setCurrentIndex(max(0, combo.findData(r.leave if r and r.leave else "")))
                    self.table.setCellWidget(row, col, combo)
                    continue
                value = getattr(r, name, None) if r else None
                if name == "task" and r is not None and r.quantity is not None:
                    value = None  # computed from its parts: show the parts only
                item = QTableWidgetItem(value if isinstance(value, str) else _cell(value))
                if name != "note":
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)

    def set_cell(self, period: str, field: str, text: str) -> None:
        """Type into one cell (the tests; ``field`` as in ``SCORE_COLUMNS``, "leave" by its code)."""
        row, col = self.periods.index(period), SCORE_COLUMNS.index(field)
        if field == "leave":
            combo = self.table.cellWidget(row, col)
            combo.setCurrentIndex(combo.findData(text))
        else:
            self.table.item(row, col).setText(text)

    def entries(self) -> dict[str, dict[str, Any]]:
        """The periods with something typed, as the service reads them."""
        out = {}
        for row, period in enumerate(self.periods):
            values: dict[str, Any] = {}
            for col, name in enumerate(SCORE_COLUMNS):
                if name == "leave":
                    values[name] = self.table.cellWidget(row, col).currentData() or None
                else:
                    text = self.table.item(row, col).text().strip()
                    values[name] = text or None
            if any(v is not None for v in values.values()):
                out[period] = values
        return out

    def _mark(self, error: ValidationError) -> None:
        names = list(SCORE_COLUMNS)
        for row in range(self.table.rowCount()):
            for col in range(self.table.columnCount()):
                if (item := self.table.item(row, col)) is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
        first = None
        for e in error.errors:
            period, _, field = e.field.partition(".")
            if period not in self.periods:
                continue
            row = self.periods.index(period)
            col = names.index(field) if field in names else 0
            item = self.table.item(row, col)
            if item is not None:
                item.setBackground(ERROR_BRUSH)
                item.setToolTip(e.message)
            first = first or (row, col)
        if first:
            self.table.setCurrentCell(*first)

    def accept(self) -> None:
        key = self.person_id()
        if key is None:
            show_error(self, tr("Chưa chọn người được đánh giá."))
            return
        try:
            self.entered = self.service.positions.enter_scores(key, self.year, self.entries(),
                                                               unit_code=self.unit_code)
        except ValidationError as exc:
            self._mark(exc)
            show_error(self, tr("Chưa lưu, vì:") + "\n" + "\n".join(str(e) for e in exc.errors[:20]))
            return
        except UserError as exc:
            show_error(self, str(exc))
            return
        super().accept()


class RatingWindow(ToolWindow):
    """The unit's yearly rating under NĐ 335/2025: levels, the quota warning, approval, the sheet."""

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Đánh giá, xếp loại công chức"))
        self.resize(900, 560)
        self.year_spin = named(QSpinBox(), "year_spin")
        self.year_spin.setRange(2026, 2100)
        self.year_spin.setValue(max(2026, today().year))
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.rows = RowsModel([
            Column(tr("Họ và tên"), lambda r: r.full_name, width=220),
            Column(tr("Điểm bình quân"), lambda r: _number(r.result.score),
                   lambda r: float(r.result.score) if r.result.score is not None else -1.0, right=True, width=110),
            Column(tr("Xếp loại"), lambda r: tr(LEVELS.get(r.result.level or "", "")), width=220),
            Column(tr("Số tháng có điểm"), lambda r: str(r.result.months_scored), lambda r: r.result.months_scored,
                   right=True, width=110),
            Column(tr("Ghi chú"), lambda r: r.result.forced or "", width=200)],
            person_id=lambda r: r.person_id, marked=lambda r: r.result.level == "khong_hoan_thanh")
        self.table = RowsTable("rating_table", self.rows)
        self.table.doubleClicked.connect(self.open_row)
        self.warning_label = named(QLabel(), "warning_label")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a1c12")
        self.buttons = {}
        for name, text, slot in (("enter_button", tr("Nhập điểm…"), self.enter_scores),
                                 ("import_button", tr("Nhập điểm từ Excel…"), self.import_scores),
                                 ("approve_button", tr("Duyệt kết quả…"), self.approve),
                                 ("print_button", tr("In bảng xếp loại…"), lambda: self.write_sheet(".pdf")),
                                 ("export_button", tr("Xuất Excel…"), lambda: self.write_sheet(".xlsx"))):
            self.buttons[name] = named(QPushButton(text), name)
            self.buttons[name].setAutoDefault(False)
            self.buttons[name].clicked.connect(slot)
        main = QVBoxLayout(self)
        main.addLayout(box(QHBoxLayout(), (self.scope_label, 1), QLabel(tr("Năm")), self.year_spin))
        main.addWidget(self.table)
        main.addWidget(self.warning_label)
        main.addLayout(box(QHBoxLayout(), *self.buttons.values(), 1))
        main.addLayout(self.footer())
        self.check: Any = None
        self.saved_text = ""
        self.refresh()

    def refresh(self) -> None:
        service, unit, year = self.service, self.unit_code, self.year_spin.value()
        self.buttons["import_button"].setEnabled(service.accounts.can("rate", unit))
        self.buttons["enter_button"].setEnabled(service.accounts.can("rate", unit))
        self.buttons["approve_button"].setEnabled(unit is not None and service.accounts.can("approve", unit))
        self.buttons["print_button"].setEnabled(unit is not None and service.accounts.can("print", unit))
        self.buttons["export_button"].setEnabled(unit is not None and service.accounts.can("export", unit))
        if unit is None and service.principal.unit_ids is not None:
            self.rows.set_rows([])
            self.warning_label.setText(tr("Chọn một đơn vị."))
            return
        self.compute(lambda: service.positions.rating_check(unit, year), self._show)

    def _show(self, check: Any) -> None:
        self.check = check
        self.rows.set_rows(check.people)
        counts = "; ".join(f"{tr(LEVELS[k])}: {v}" for k, v in check.counts.items())
        self.count_label.setText(counts)
        self.warning_label.setText(" ".join(check.warnings()))
        self.status_label.setText(self.saved_text)
        self.saved_text = ""

    def enter_scores(self) -> None:
        """The hand entry for the selected person (or a person chosen in the dialog)."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        chosen = self.table.row_at(rows[0].row()) if rows else None
        try:
            dialog = ScoreEntryDialog(self, self.service, self.unit_code, self.year_spin.value(),
                                      chosen.person_id if chosen is not None else None)
        except UserError as exc:
            show_error(self, str(exc))
            return
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.entered is None:
            return
        result = dialog.entered.result
        level = tr(LEVELS[result.level]) if result.level else tr("chưa xếp loại")
        self.saved_text = tr("Đã lưu điểm của {name}: bình quân năm {score}, {level}.").format(
            name=dialog.entered.full_name, score=_number(result.score) or "—", level=level)
        self.warning_label.setText(" ".join(dialog.entered.warnings))
        self.refresh()  # the unit's rows and its quota warning with the new scores

    def import_scores(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Nhập điểm đánh giá"), "", tr("Tệp Excel (*.xlsx)"))
        if not path:
            return
        try:
            result = self.service.positions.import_scores(path)
        except UserError as exc:
            show_error(self, str(exc))
            return
        lines = [tr("Đọc {read} dòng: thêm {imported}, cập nhật {updated}, từ chối {rejected}.").format(**result.as_json())]
        lines += [tr("Dòng {row}, {field}: {message}").format(**e) for e in result.errors[:20]]
        if result.errors:
            show_error(self, "\n".join(lines))
        self.refresh()

    def approve(self) -> None:
        if not self.unit_code or self.check is None:
            return
        warnings = self.check.warnings()
        question = tr("Duyệt kết quả xếp loại năm {year} của {n} người vào hồ sơ?").format(
            year=self.check.year, n=len(self.check.people))
        if warnings:
            question = " ".join(warnings) + "\n\n" + question + " " + tr("(vượt tỷ lệ xuất sắc)")
        if confirm(self, question, tr("Duyệt")):
            try:
                self.service.positions.approve_ratings(self.unit_code, self.check.year, over_quota=bool(warnings))
            except UserError as exc:
                show_error(self, str(exc))
            self.refresh()

    def write_sheet(self, suffix: str) -> None:
        if not self.unit_code:
            return
        filters = tr("Tệp PDF (*.pdf)") if suffix == ".pdf" else tr("Tệp Excel (*.xlsx)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Bảng xếp loại"), f"xep-loai-{self.year_spin.value()}{suffix}",
                                              filters)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            self.service.positions.render_rating_sheet(self.unit_code, self.year_spin.value(), path)
        except UserError as exc:
            show_error(self, str(exc))


def show_positions(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    return show_tool(parent, PositionsWindow, service, unit_code)


def show_rating(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    return show_tool(parent, RatingWindow, service, unit_code)
