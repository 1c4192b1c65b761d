"""The import wizard's last two pages (preview, result) and the table models they show.

The preview shows each row as the importer will treat it: the action (Thêm mới / Cập nhật /
Không đổi / Bị từ chối / Bỏ qua), the changes of an update, and the row's cells in the mapped
columns, with every cell an error names shaded red (the message in its tooltip) and every cell
repaired from TCVN3/VNI shaded blue. The error messages name their column ("Dòng 7, Ngày sinh
(cột C): …"), which is how a message finds its cell; a message without one marks the action.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.exchange.vocabulary import PSEUDO_TARGETS, person_vocabulary, section_targets

if TYPE_CHECKING:
    from ui.import_wizard import ImportWizard

BAD_COLOR = QColor("#f4b4ae")  # a cell an error names
CONVERTED_COLOR = QColor("#c9def5")  # legacy text repaired to Unicode
ACTION_COLORS = {"create": QColor("#d6efd3"), "update": QColor("#fff0bf"), "reject": BAD_COLOR}
SKIP_TEXT = QColor("#808080")
ACTIONS = {"create": QT_TRANSLATE_NOOP("ImportWizard", "Thêm mới"),
           "update": QT_TRANSLATE_NOOP("ImportWizard", "Cập nhật"),
           "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "Không đổi"),
           "reject": QT_TRANSLATE_NOOP("ImportWizard", "Bị từ chối"),
           "skip": QT_TRANSLATE_NOOP("ImportWizard", "Bỏ qua")}
ENCODINGS = {"tcvn3": "TCVN3", "vni": "VNI"}
_COLUMN_IN_MESSAGE = re.compile(r"\(cột ([A-Z]{1,3})\)")
_Index = QModelIndex | QPersistentModelIndex


def translate(text: str) -> str:
    """A text marked with QT_TRANSLATE_NOOP("ImportWizard", …), translated when shown."""
    return QCoreApplication.translate("ImportWizard", text)


def show_value(value: Any) -> str:
    """A cell as the clerk wrote it: dates dd/mm/yyyy, numbers with a decimal comma."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, float | Decimal):
        return (str(int(value)) if value == int(value) else str(value).replace(".", ","))
    return " ".join(str(value).split())


def field_label(name: str, section: str | None = None) -> str:
    """The Vietnamese label of a field an error names ("birth_date", "training.major")."""
    if not name:
        return "—"
    root = name.split("[", 1)[0]
    if section or "." in root:
        section = section or root.split(".", 1)[0]
        return dict(section_targets(section)).get(root.split(".")[-1], root)
    return person_vocabulary().labels.get(root, root)


def conversion_note(encoding: str, original: str) -> str:
    return QCoreApplication.translate("ImportWizard", "Đã chuyển từ {encoding} sang Unicode (trong tệp: «{original}»)"
                                      ).format(encoding=ENCODINGS.get(encoding, encoding), original=original)


@dataclass(frozen=True)
class SheetColumn:
    """A mapped column of the sheet the preview shows."""

    index: int
    letter: str
    header: str
    target: str

    @property
    def field(self) -> str:
        return PSEUDO_TARGETS.get(self.target, ("", self.target))[1]


@dataclass
class _Row:
    preview: Any  # RowPreview
    bad: dict[str, list[str]] = field(default_factory=dict)  # column letter → messages
    converted: dict[str, Any] = field(default_factory=dict)  # column letter → Conversion
    loose: list[str] = field(default_factory=list)  # messages naming no column

    @property
    def has_problem(self) -> bool:
        return self.preview.action == "reject" or bool(self.preview.errors)


def _marked(preview: Any, columns: list[SheetColumn]) -> _Row:
    row = _Row(preview, converted={c.column: c for c in preview.conversions})
    letters = {c.letter for c in columns}
    for error in preview.errors:
        named = [m for m in _COLUMN_IN_MESSAGE.findall(error.message) if m in letters]
        root = error.field.split("[", 1)[0]
        roots = {root, root.split(".")[-1], "birth_date" if root == "birth_year_only" else root}
        named = named or [c.letter for c in columns if c.field in roots or c.target in roots]
        for letter in named:
            row.bad.setdefault(letter, []).append(error.message)
        if not named:
            row.loose.append(error.message)
    return row


class PreviewModel(QAbstractTableModel):
    """Rows of one sheet: fixed columns, then the sheet's mapped columns as written."""

    FIXED = (QT_TRANSLATE_NOOP("ImportWizard", "Dòng"), QT_TRANSLATE_NOOP("ImportWizard", "Kết quả"),
             QT_TRANSLATE_NOOP("ImportWizard", "Họ và tên"), QT_TRANSLATE_NOOP("ImportWizard", "Số CCCD"),
             QT_TRANSLATE_NOOP("ImportWizard", "Thay đổi"), QT_TRANSLATE_NOOP("ImportWizard", "Lỗi, ghi chú"))
    ROW, ACTION, NAME, CCCD, CHANGES, PROBLEMS = range(6)

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._all: list[_Row] = []
        self._shown: list[_Row] = []
        self._columns: list[SheetColumn] = []
        self._cells: list[list[Any]] = []
        self.only_errors = False

    def set_rows(self, rows: list[Any], columns: list[SheetColumn], cells: list[list[Any]]) -> None:
        """``rows`` (RowPreview) of one sheet whose raw rows are ``cells`` (sheet.rows)."""
        self.beginResetModel()
        self._columns, self._cells = columns, cells
        self._all = [_marked(r, columns) for r in rows]
        self._shown = [r for r in self._all if r.has_problem or not self.only_errors]
        self.endResetModel()

    def set_only_errors(self, on: bool) -> None:
        self.only_errors = on
        self.set_rows([r.preview for r in self._all], self._columns, self._cells)

    def column_of(self, letter: str) -> int:
        """The model column showing the spreadsheet column ``letter`` (-1 when not shown)."""
        found = [i for i, c in enumerate(self._columns) if c.letter == letter]
        return len(self.FIXED) + found[0] if found else -1

    def row_of(self, number: int) -> int:
        """The model row showing spreadsheet row ``number`` (-1 when not shown)."""
        return next((i for i, r in enumerate(self._shown) if r.preview.row == number), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.FIXED) + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        column = self._columns[section - len(self.FIXED)] if section >= len(self.FIXED) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(self.FIXED[section]) if column is None else f"{column.letter}: {column.header}"
        if role == Qt.ItemDataRole.ToolTipRole and column is not None:
            return self.tr("Cột {letter} của tệp, nhập vào: {target}").format(
                letter=column.letter, target=QCoreApplication.translate("Fields", field_label(column.target)))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row, col = self._shown[index.row()], index.column()
        if col >= len(self.FIXED):
            return self._cell(row, self._columns[col - len(self.FIXED)], role)
        p = row.preview
        if role == Qt.ItemDataRole.DisplayRole:
            return self._fixed(row, col)
        if role == Qt.ItemDataRole.BackgroundRole and col == self.ACTION:
            return ACTION_COLORS.get(p.action)
        if role == Qt.ItemDataRole.ForegroundRole and p.action == "skip":
            return SKIP_TEXT
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.ACTION, self.PROBLEMS, self.CHANGES):
            return "\n".join([e.message for e in p.errors] + list(p.warnings)) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _fixed(self, row: _Row, col: int) -> str:
        p = row.preview
        if col == self.ROW:
            return str(p.row)
        if col == self.ACTION:
            return translate(ACTIONS.get(p.action, p.action))
        if col == self.NAME:
            return str(p.record.get("full_name") or "")
        if col == self.CCCD:
            return p.cccd or ""
        if col == self.CHANGES:
            changes = p.changes if p.action == "update" else {}
            return "; ".join(f"{QCoreApplication.translate('Fields', field_label(k))}: {show_value(v)}"
                             for k, v in changes.items())
        return "; ".join([e.message for e in p.errors] + list(p.warnings))

    def _cell(self, row: _Row, column: SheetColumn, role: int) -> Any:
        conversion = row.converted.get(column.letter)
        errors = row.bad.get(column.letter, [])
        if role == Qt.ItemDataRole.DisplayRole:
            if conversion is not None:
                return conversion.converted
            line = self._cells[row.preview.row - 1] if row.preview.row - 1 < len(self._cells) else []
            return show_value(line[column.index].value) if column.index < len(line) else ""
        if role == Qt.ItemDataRole.BackgroundRole:
            return BAD_COLOR if errors else CONVERTED_COLOR if conversion is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            notes = list(errors)
            if conversion is not None:
                notes.append(conversion_note(conversion.encoding, conversion.original))
            return "\n".join(notes) or None
        if role == Qt.ItemDataRole.ForegroundRole and row.preview.action == "skip":
            return SKIP_TEXT
        return None


class ErrorsModel(QAbstractTableModel):
    """The refusals of an import: row, sheet, field, message."""

    HEADERS = (QT_TRANSLATE_NOOP("ImportWizard", "Dòng"), QT_TRANSLATE_NOOP("ImportWizard", "Trang"),
               QT_TRANSLATE_NOOP("ImportWizard", "Trường"), QT_TRANSLATE_NOOP("ImportWizard", "Lỗi"))

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.errors: list[Any] = []
        self.sections: dict[str, str] = {}  # child sheet name → section

    def set_errors(self, errors: list[Any], sections: dict[str, str]) -> None:
        self.beginResetModel()
        self.errors, self.sections = list(errors), sections
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.errors)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return translate(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.errors):
            return None
        error = self.errors[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            label = field_label(error.field, self.sections.get(error.sheet))
            return (str(error.row), error.sheet, QCoreApplication.translate("Fields", label),
                    error.message)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return error.message
        return None


class WizardPage(QWizardPage):
    """A page with an error line; not complete while the wizard works in the background."""

    def __init__(self, title: str, subtitle: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.hide()

    def host(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]

    def set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        wizard = self.wizard()
        return not (wizard is not None and getattr(wizard, "busy", False))


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    return view


class PreviewPage(WizardPage):
    """Stage 2 of the importer on the first rows (nothing written), and the dry run on all rows."""

    LIMIT = 200

    def __init__(self) -> None:
        super().__init__(self.tr("Xem trước"), self.tr(
            "Mỗi dòng sẽ được xử lý như dưới đây. Ô tô đỏ có lỗi, ô tô xanh là chữ TCVN3/VNI đã chuyển sang "
            "Unicode — di chuột lên ô để xem chi tiết. Chưa có gì được ghi vào HoSo."))
        self.model = PreviewModel(self)
        self.table = _table(self.model, "preview_table")
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("preview_sheet_combo")
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self._show_sheet())
        self.only_errors_check = QCheckBox(self.tr("Chỉ dòng có lỗi"))
        self.only_errors_check.setObjectName("only_errors_check")
        self.only_errors_check.toggled.connect(self.model.set_only_errors)
        self.dry_run_button = QPushButton(self.tr("Chạy thử trên toàn bộ tệp"))
        self.dry_run_button.setObjectName("dry_run_button")
        self.dry_run_button.setToolTip(self.tr("Kiểm tra mọi dòng như khi nhập thật, rồi hủy: không ghi gì."))
        self.dry_run_button.clicked.connect(self.dry_run)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        legend = QLabel(self.tr("<span style='background:{bad}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> ô có lỗi &nbsp;&nbsp; "
                                "<span style='background:{converted}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> chữ đã chuyển "
                                "từ TCVN3/VNI sang Unicode").format(bad=BAD_COLOR.name(),
                                                                     converted=CONVERTED_COLOR.name()))
        top = QHBoxLayout()
        self.sheet_label = QLabel(self.tr("Trang:"))
        for widget in (self.sheet_label, self.sheet_combo, self.only_errors_check):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.dry_run_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addWidget(self.error_label)
        self.rows: list[Any] | None = None
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Nhập vào HoSo"))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard, self.rows = self.host(), None
        self.set_error("")
        self.summary_label.setText("")
        source, mapping, unit = wizard.source, wizard.mapping(), wizard.default_unit()
        wizard.run(self.tr("Đang xem trước…"), lambda _report, _cancelled: wizard.service.preview_import(
            source, mapping, unit, limit=self.LIMIT), self._previewed)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return super().isComplete() and self.rows is not None

    def _previewed(self, rows: list[Any]) -> None:
        self._fill(rows)
        people = [r for r in rows if r.sheet == self.host().source.sheet.name and r.action != "skip"]
        more = self.tr(" (xem trước {count} người đầu; bấm Chạy thử để kiểm tra cả tệp)").format(
            count=self.LIMIT) if len(people) >= self.LIMIT else ""
        self.summary_label.setText(self._counts(rows) + more)

    def dry_run(self) -> None:
        wizard = self.host()
        source, mapping, unit = wizard.source, wizard.mapping(), wizard.default_unit()
        wizard.run(self.tr("Đang chạy thử…"), lambda report, cancelled: wizard.service.run_import(
            source, mapping, unit_code=unit, dry_run=True, progress=report, cancelled=cancelled),
            self._dry_run_done, cancellable=True)

    def _dry_run_done(self, result: Any) -> None:
        if result.cancelled:
            self.summary_label.setText(self.tr("Đã dừng chạy thử."))
            return
        self._fill(result.rows)
        self.summary_label.setText(self.tr(
            "Chạy thử trên toàn bộ tệp — không có gì được ghi. Nếu nhập: thêm mới {imported} người, cập nhật "
            "{updated}, không đổi {unchanged}; từ chối {rejected} dòng; bỏ qua {skipped} dòng.").format(
            imported=result.imported, updated=result.updated, unchanged=result.unchanged, rejected=result.rejected,
            skipped=result.skipped))

    def _counts(self, rows: list[Any]) -> str:
        counts = {a: sum(1 for r in rows if r.action == a) for a in ACTIONS}
        return " · ".join(f"{translate(label)}: {counts[a]}" for a, label in ACTIONS.items())

    def _fill(self, rows: list[Any]) -> None:
        self.rows = rows
        source = self.host().source
        names = [source.sheet.name] + [c.name for c in source.children]
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(names)
        self.sheet_combo.blockSignals(False)
        self.sheet_label.setVisible(len(names) > 1)
        self.sheet_combo.setVisible(len(names) > 1)
        self._show_sheet()
        self.completeChanged.emit()

    def _show_sheet(self) -> None:
        wizard = self.host()
        name = self.sheet_combo.currentText() or wizard.source.sheet.name
        child = next((c for c in wizard.source.children if c.name == name), None)
        sheet, header = (child.sheet, child.header) if child else (wizard.source.sheet, wizard.source.header)
        mapping = wizard.mapping()
        targets = mapping.children.get(name, {}) if child else mapping.columns
        columns = [SheetColumn(c.index, c.letter, c.header, targets[c.index]) for c in header.columns
                   if targets.get(c.index)]
        self.model.set_rows([r for r in self.rows or [] if r.sheet == name], columns, sheet.rows)
        for col, width in ((PreviewModel.ROW, 50), (PreviewModel.ACTION, 90), (PreviewModel.NAME, 170),
                           (PreviewModel.CCCD, 110), (PreviewModel.CHANGES, 150), (PreviewModel.PROBLEMS, 260)):
            self.table.setColumnWidth(col, width)


class ResultPage(WizardPage):
    """Stage 3: the import itself (progress, Cancel), then its counts and refusals."""

    COUNTS = {"read": QT_TRANSLATE_NOOP("ImportWizard", "Số dòng đã đọc"), **ACTIONS}

    def __init__(self) -> None:
        super().__init__(self.tr("Kết quả nhập"), self.tr("Các dòng hợp lệ được ghi cùng một lần; dòng bị từ chối "
                                                          "không được ghi phần nào."))
        self.headline = QLabel()
        self.headline.setObjectName("headline_label")
        self.headline.setWordWrap(True)
        self.headline.setStyleSheet("font-weight: bold")
        self.count_labels: dict[str, QLabel] = {}
        counts = QFormLayout()
        for key, label in self.COUNTS.items():
            self.count_labels[key] = QLabel()
            self.count_labels[key].setObjectName(f"count_{key}")
            counts.addRow(translate(label) + ":", self.count_labels[key])
        self.errors = ErrorsModel(self)
        self.errors_view = _table(self.errors, "errors_table")
        self.report_button = QPushButton(self.tr("Lưu báo cáo kết quả…"))
        self.report_button.setObjectName("report_button")
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self.save_report)
        self.report_label = QLabel()
        self.report_label.setObjectName("report_label")
        self.report_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.report_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addLayout(counts)
        layout.addWidget(QLabel(self.tr("Các dòng bị từ chối:")))
        layout.addWidget(self.errors_view, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.error_label)
        self.setFinalPage(True)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard = self.host()
        source, mapping, unit = wizard.source, wizard.mapping(), wizard.default_unit()
        self.headline.setText(self.tr("Đang nhập…"))
        wizard.run(self.tr("Đang nhập vào HoSo…"), lambda report, cancelled: wizard.service.run_import(
            source, mapping, unit_code=unit, progress=report, cancelled=cancelled), self._imported, cancellable=True)

    def _imported(self, result: Any) -> None:
        wizard = self.host()
        wizard.result = result
        if result.cancelled:
            self.headline.setText(self.tr("Đã hủy việc nhập: không có gì được ghi vào HoSo."))
            return
        numbers = {"read": result.read, "create": result.imported, "update": result.updated,
                   "unchanged": result.unchanged, "reject": result.rejected, "skip": result.skipped}
        for key, value in numbers.items():
            self.count_labels[key].setText(str(value))
        self.errors.set_errors(result.errors, {c.name: c.section for c in wizard.source.children})
        self.errors_view.resizeColumnsToContents()
        self.headline.setText(self.tr("Đã nhập xong tệp {name}.").format(name=wizard.source.path.name))
        self.report_button.setEnabled(True)
        if result.imported or result.updated:
            wizard.wrote = True
            wizard.events.people_changed.emit([])
            wizard.events.units_changed.emit()

    def save_report(self) -> None:
        wizard = self.host()
        path = wizard.ask_save_path(self.tr("Lưu báo cáo kết quả nhập"), f"{wizard.source.path.stem}-ket-qua.xlsx")
        if not path:
            return
        source, result = wizard.source, wizard.result
        wizard.run(self.tr("Đang lưu báo cáo…"), lambda _r, _c: wizard.service.write_import_report(
            source, result, path), lambda _none: self.report_label.setText(
            self.tr("Đã lưu báo cáo: {path}").format(path=path)))
