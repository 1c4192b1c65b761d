"""The import wizard's preview and result pages, their models, and small shared widgets. In the
preview a cell an error names is red (messages name their column: "Dòng 7, Ngày sinh (cột C): …")
and a cell repaired from TCVN3/VNI is blue; the tooltips say why."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSignalBlocker,
    Qt,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from app.exchange import legacy
from app.exchange.vocabulary import PSEUDO_TARGETS, person_vocabulary, section_targets

if TYPE_CHECKING:
    from ui.import_wizard import ImportWizard

BAD_COLOR = QColor("#f4b4ae")  # a cell an error names
CONVERTED_COLOR = QColor("#c9def5")  # legacy text repaired to Unicode
ACTION_COLORS = {"create": QColor("#d6efd3"), "update": QColor("#fff0bf"), "reject": BAD_COLOR}
DIM = QColor("#808080")
ACTIONS = {"create": QT_TRANSLATE_NOOP("ImportWizard", "Thêm mới"),
           "update": QT_TRANSLATE_NOOP("ImportWizard", "Cập nhật"),
           "unchanged": QT_TRANSLATE_NOOP("ImportWizard", "Không đổi"),
           "reject": QT_TRANSLATE_NOOP("ImportWizard", "Bị từ chối"),
           "skip": QT_TRANSLATE_NOOP("ImportWizard", "Bỏ qua")}
ERROR_HEADERS = (QT_TRANSLATE_NOOP("ImportWizard", "Dòng"), QT_TRANSLATE_NOOP("ImportWizard", "Trang"),
                 QT_TRANSLATE_NOOP("ImportWizard", "Trường"), QT_TRANSLATE_NOOP("ImportWizard", "Lỗi"))
_IN_MESSAGE = re.compile(r"\(cột ([A-Z]{1,3})\)")
_ROW_PREFIX = re.compile(r"^(Trang '[^']*', )?[Dd]òng \d+[,:] ?")  # the Dòng column says it
_Index = QModelIndex | QPersistentModelIndex
_ROLE = Qt.ItemDataRole


def translate(text: str) -> str:  # a text marked QT_TRANSLATE_NOOP("ImportWizard", …)
    return QCoreApplication.translate("ImportWizard", text)


def label(name: str, text: str = "", style: str = "") -> QLabel:
    widget = QLabel(text)
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setStyleSheet(style)
    return widget


def button(name: str, text: str, slot: Any) -> QPushButton:
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.clicked.connect(lambda _checked=False: slot())
    return widget


def box(layout: QBoxLayout, *items: Any) -> QBoxLayout:
    """``items`` into ``layout``: widgets and layouts; an int adds a stretch; (widget, n) stretches it."""
    for item in items:
        if isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        else:
            (layout.addLayout if isinstance(item, QLayout) else layout.addWidget)(item)
    return layout


def table(model: QAbstractTableModel | QStandardItemModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view


def show_value(value: Any) -> str:
    """A cell as the clerk wrote it: dates dd/mm/yyyy, numbers with a decimal comma."""
    if value is None or isinstance(value, bool):
        return "x" if value else ""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, float | Decimal):
        return str(int(value)) if value == int(value) else str(value).replace(".", ",")
    return " ".join(str(value).split())


def field_label(name: str, section: str | None = None) -> str:
    """The label (translated) of a field an error names: "birth_date", "training.major"…"""
    root = name.split("[", 1)[0]
    if section or "." in root:
        text = dict(section_targets(section or root.split(".", 1)[0])).get(root.split(".")[-1], root)
    else:
        text = person_vocabulary().labels.get(root, root)
    return QCoreApplication.translate("Fields", text) if name else "—"


def conversion_note(encoding: str, original: str) -> str:
    return QCoreApplication.translate("ImportWizard", "Đã chuyển từ {encoding} sang Unicode (trong tệp: «{original}»)"
                                      ).format(encoding=encoding.upper(), original=original)


@dataclass
class _Row:
    preview: Any  # RowPreview
    bad: dict[str, list[str]] = field(default_factory=dict)  # column letter → messages
    converted: dict[str, Any] = field(default_factory=dict)  # column letter → Conversion


def _marked(preview: Any, columns: list[Any]) -> _Row:
    row = _Row(preview, converted={c.column: c for c in preview.conversions})
    for error in preview.errors:
        root = error.field.split("[", 1)[0]
        roots = {root, root.split(".")[-1], "birth_date" if root == "birth_year_only" else root}
        named = [m for m in _IN_MESSAGE.findall(error.message) if m in {c.letter for c in columns}] or [
            c.letter for c in columns if c.target in roots or PSEUDO_TARGETS.get(c.target, ("", ""))[1] in roots]
        for letter in named:
            row.bad.setdefault(letter, []).append(error.message)
    return row


class PreviewModel(QAbstractTableModel):
    """Rows of one sheet: row number, action, details (the errors, an update's changes, notes),
    then the sheet's mapped columns as written, so the cell an error names is in view."""

    HEADERS = {"row": QT_TRANSLATE_NOOP("ImportWizard", "Dòng"), "action": QT_TRANSLATE_NOOP("ImportWizard", "Kết quả"),
               "details": QT_TRANSLATE_NOOP("ImportWizard", "Chi tiết (lỗi, thay đổi)")}

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._all: list[_Row] = []
        self._shown: list[_Row] = []
        self.layout: list[Any] = []  # "row", "action", "details", then the sheet's Columns
        self._cells: list[list[Any]] = []
        self.only_errors = False

    def set_rows(self, rows: list[Any], columns: list[Any], cells: list[list[Any]]) -> None:
        """``rows`` (RowPreview) of one sheet whose raw rows are ``cells`` (``Sheet.rows``);
        ``columns``: the importer's ``Column``s shown, each with the target chosen."""
        self.beginResetModel()
        self.layout, self._cells = ["row", "action", "details", *columns], cells
        self._all = [_marked(r, columns) for r in rows]
        self._shown = [r for r in self._all if r.preview.errors or not self.only_errors]
        self.endResetModel()

    def set_only_errors(self, on: bool) -> None:
        self.only_errors = on
        self.set_rows([r.preview for r in self._all], self.layout[3:], self._cells)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.layout)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _ROLE.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != _ROLE.DisplayRole or not 0 <= section < len(self.layout):
            return None
        item = self.layout[section]
        return translate(self.HEADERS[item]) if isinstance(item, str) else f"{item.letter}: {item.header}"

    def data(self, index: _Index, role: int = _ROLE.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        row, item = self._shown[index.row()], self.layout[index.column()]
        p = row.preview
        if role == _ROLE.ForegroundRole and p.action == "skip":
            return DIM
        if not isinstance(item, str):
            return self._cell(row, item, role)
        if role == _ROLE.DisplayRole:
            return {"row": str(p.row), "action": translate(ACTIONS.get(p.action, p.action)),
                    "details": "; ".join(_ROW_PREFIX.sub("", line) for line in self._details(p))}[item]
        if role == _ROLE.BackgroundRole and item == "action":
            return ACTION_COLORS.get(p.action)
        if role == _ROLE.ToolTipRole and item != "row":
            return "\n".join(self._details(p)) or None
        return None

    def _details(self, p: Any) -> list[str]:
        changes = "; ".join(f"{field_label(k)} → {show_value(v)}" for k, v in p.changes.items())
        update = [self.tr("Sẽ đổi: {changes}").format(changes=changes)] if p.action == "update" and changes else []
        return [e.message for e in p.errors] + update + list(p.warnings)

    def _cell(self, row: _Row, column: Any, role: int) -> Any:
        conversion, errors = row.converted.get(column.letter), row.bad.get(column.letter, [])
        if role == _ROLE.DisplayRole:
            if conversion is not None:
                return conversion.converted
            line = self._cells[row.preview.row - 1] if row.preview.row <= len(self._cells) else []
            raw = line[column.index] if column.index < len(line) else None
            if raw is not None and isinstance(raw.value, str) and legacy.font_encoding(raw.font_name)[0]:
                return legacy.convert(raw.value, raw.font_name)[0]  # a row the importer skipped
            return show_value(raw.value if raw is not None else None)
        if role == _ROLE.BackgroundRole:
            return BAD_COLOR if errors else CONVERTED_COLOR if conversion is not None else None
        if role == _ROLE.ToolTipRole:
            notes = errors + ([conversion_note(conversion.encoding, conversion.original)] if conversion else [])
            return "\n".join(notes) or None
        return None


def fill_errors(model: QStandardItemModel, errors: list[Any], sections: dict[str, str]) -> None:
    """``errors`` (RowError) as rows: row number, sheet, field label (``sections``: child sheet →
    section), message."""
    model.clear()
    model.setHorizontalHeaderLabels([translate(t) for t in ERROR_HEADERS])
    for e in errors:
        items = [QStandardItem(t) for t in (str(e.row), e.sheet, field_label(e.field, sections.get(e.sheet)), e.message)]
        items[3].setToolTip(e.message)
        model.appendRow(items)


class WizardPage(QWizardPage):
    """A page with an error line; not complete while the wizard works in the background."""

    def __init__(self, title: str, subtitle: str):
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.error_label = label("error_label", style="color: #b00020")
        self.error_label.hide()

    def host(self) -> ImportWizard:
        return self.wizard()  # type: ignore[return-value]  # always an ImportWizard

    def set_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return not getattr(self.wizard(), "busy", False)


class PreviewPage(WizardPage):
    """Stage 2 of the importer on the first rows (nothing written), and the dry run on all rows."""

    LIMIT = 200

    def __init__(self) -> None:
        swatch = "<span style='background:{}'>&nbsp;&nbsp;&nbsp;&nbsp;</span>"
        super().__init__(self.tr("Xem trước"), self.tr(
            "Mỗi dòng sẽ được xử lý như dưới đây; chưa có gì được ghi vào HoSo. Ô {bad} có lỗi, ô {converted} là chữ "
            "đã chuyển từ TCVN3/VNI sang Unicode: di chuột lên ô để xem.").format(
            bad=swatch.format(BAD_COLOR.name()), converted=swatch.format(CONVERTED_COLOR.name())))
        self.model = PreviewModel(self)
        self.table = table(self.model, "preview_table")
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("preview_sheet_combo")
        self.sheet_combo.currentIndexChanged.connect(lambda _i: self._show_sheet())
        self.only_errors_check = QCheckBox(self.tr("Chỉ dòng có lỗi"))
        self.only_errors_check.setObjectName("only_errors_check")
        self.only_errors_check.toggled.connect(self.model.set_only_errors)
        self.dry_run_button = button("dry_run_button", self.tr("Chạy thử trên toàn bộ tệp"), self.dry_run)
        self.summary_label = label("summary_label", style="font-weight: bold")
        top = box(QHBoxLayout(), self.sheet_combo, self.only_errors_check, 1, self.dry_run_button)
        box(QVBoxLayout(self), top, self.summary_label, (self.table, 1), self.error_label)
        self.rows: list[Any] | None = None
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Nhập vào HoSo"))

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        wizard, self.rows = self.host(), None
        self.summary_label.setText("")
        source, mapping, unit = wizard.source, wizard.mapping(), wizard.default_unit()
        wizard.run(self.tr("Đang xem trước…"), lambda _report, _cancelled: wizard.service.exchange.preview_import(
            source, mapping, unit, limit=self.LIMIT), self._previewed)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return super().isComplete() and self.rows is not None

    def _previewed(self, rows: list[Any]) -> None:
        self._fill(rows)
        counts = {a: sum(1 for r in rows if r.action == a) for a in ACTIONS}
        text = " · ".join(f"{translate(name)}: {counts[a]}" for a, name in ACTIONS.items())
        if sum(1 for r in rows if r.sheet == self.host().source.sheet.name and r.action != "skip") >= self.LIMIT:
            text += self.tr(" (chỉ {count} dòng đầu; bấm Chạy thử để kiểm tra cả tệp)").format(count=self.LIMIT)
        self.summary_label.setText(text)

    def dry_run(self) -> None:
        self.host().run(self.tr("Đang chạy thử…"), self.host().import_work(dry_run=True), self._dry_run_done,
                        cancellable=True)

    def _dry_run_done(self, result: Any) -> None:
        if result.cancelled:
            self.summary_label.setText(self.tr("Đã dừng chạy thử."))
            return
        self._fill(result.rows)
        self.summary_label.setText(self.tr(
            "Chạy thử trên toàn bộ tệp, không có gì được ghi. Nếu nhập: thêm mới {imported} người, cập nhật "
            "{updated}, không đổi {unchanged}; từ chối {rejected} dòng; bỏ qua {skipped} dòng.").format(**vars(result)))

    def _fill(self, rows: list[Any]) -> None:
        self.rows = rows
        source = self.host().source
        names = [source.sheet.name] + [c.name for c in source.children]
        with QSignalBlocker(self.sheet_combo):
            self.sheet_combo.clear()
            for name in names:
                self.sheet_combo.addItem(self.tr("Trang '{sheet}'").format(sheet=name), name)
        self.sheet_combo.setVisible(len(names) > 1)
        self._show_sheet()
        self.completeChanged.emit()

    def _show_sheet(self) -> None:
        source, mapping = self.host().source, self.host().mapping()
        name = self.sheet_combo.currentData() or source.sheet.name
        child = next((c for c in source.children if c.name == name), None)
        sheet, header = (child.sheet, child.header) if child else (source.sheet, source.header)
        targets = mapping.children.get(name, {}) if child else mapping.columns
        columns = [replace(c, target=targets[c.index]) for c in header.columns if targets.get(c.index)]
        self.model.set_rows([r for r in self.rows or [] if r.sheet == name], columns, sheet.rows)
        self.table.resizeColumnsToContents()
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 320 if col == 2 else 200))


class ResultPage(WizardPage):
    """Stage 3: the import itself (progress, Cancel), then its counts and refusals."""

    COUNTS = {"read": QT_TRANSLATE_NOOP("ImportWizard", "Số dòng đã đọc"), **ACTIONS}

    def __init__(self) -> None:
        super().__init__(self.tr("Kết quả nhập"), self.tr(
            "Các dòng hợp lệ được ghi cùng một lần; dòng bị từ chối không được ghi phần nào."))
        self.headline = label("headline_label", style="font-weight: bold")
        self.counts_label = label("counts_label", style="font-size: 11pt")
        self.errors = QStandardItemModel(self)
        self.errors_view = table(self.errors, "errors_table")
        self.report_button = button("report_button", self.tr("Lưu báo cáo kết quả…"), self.save_report)
        self.report_button.setEnabled(False)
        self.report_label = label("report_label")
        box(QVBoxLayout(self), self.headline, self.counts_label, QLabel(self.tr("Các lỗi (dòng bị từ chối):")),
            (self.errors_view, 1), box(QHBoxLayout(), self.report_button, (self.report_label, 1)), self.error_label)
        self.setFinalPage(True)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        self.host().run(self.tr("Đang nhập vào HoSo…"), self.host().import_work(dry_run=False), self._imported,
                        cancellable=True)

    def _imported(self, result: Any) -> None:
        wizard = self.host()
        wizard.result = result
        if result.cancelled:
            self.headline.setText(self.tr("Đã huỷ việc nhập: không có gì được ghi vào HoSo."))
            return
        numbers = {"read": result.read, "create": result.imported, "update": result.updated,
                   "unchanged": result.unchanged, "reject": result.rejected, "skip": result.skipped}
        self.counts_label.setText(" · ".join(f"{translate(text)}: {numbers[key]}" for key, text in self.COUNTS.items()))
        fill_errors(self.errors, result.errors, {c.name: c.section for c in wizard.source.children})
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
        if path:
            source, result = wizard.source, wizard.result
            wizard.run(self.tr("Đang lưu báo cáo…"), lambda _r, _c: wizard.service.exchange.write_import_report(
                source, result, path), lambda _none: self.report_label.setText(
                self.tr("Đã lưu báo cáo: {path}").format(path=path)))
