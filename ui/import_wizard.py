"""Spreadsheets in the desktop app: the import wizard and the export of the list on screen.

``import_spreadsheet`` walks through the importer's stages (``app.exchange.importer``, reached
only through ``HoSoService``): file and sheet → which column is which field → a preview of each
row's fate → the import, its result and report. Whatever reads the file or the database runs in
the background (``ui.background``); the import and the dry run can be cancelled and then leave
nothing. ``export_list`` writes exactly the people of the list's filter with its visible columns.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.errors import UserError
from app.exchange.mapping import Mapping
from app.exchange.vocabulary import person_targets, section_targets
from app.fields import SECTION_LABELS
from app.listing import PersonFilter
from app.services import HoSoService
from ui import file_dialogs
from ui import import_wizard_pages as pages
from ui.background import BackgroundOp, run_in_background
from ui.dialogs import show_error, unit_combo
from ui.events import DataEvents
from ui.import_wizard_pages import PreviewPage, ResultPage, WizardPage

LIST_TO_EXPORT = {"unit_code": "unit"}  # the list's column keys that the export names otherwise
SPREADSHEETS = "*.xlsx *.xlsm *.xls *.csv"
UNKNOWN_COLOR = QColor("#fde3bd")


def _read(service: HoSoService, path: str, sheet: str | None) -> tuple[Any, dict]:
    source = service.exchange.open_import(path, sheet)
    return source, service.exchange.import_samples(source)


def _message(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return str(exc)
    return QCoreApplication.translate("ImportWizard", "Có lỗi không mong đợi: {error}").format(error=exc)


class FilePage(WizardPage):
    """Stage 1: the file, its sheet, and the blank template for those who have no file yet."""

    def __init__(self) -> None:
        super().__init__(self.tr("Chọn tệp"), self.tr(
            "Tệp Excel (.xlsx, .xls) hoặc .csv: một dòng cho mỗi người. Dòng tiêu đề cột có thể nằm dưới tên bảng; "
            "chữ gõ bằng phông TCVN3 (.VnTime) hay VNI được tự chuyển sang Unicode."))
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("path_edit")
        self.path_edit.setPlaceholderText(self.tr("Gõ hoặc dán đường dẫn tệp rồi nhấn Enter, hoặc bấm Chọn tệp…"))
        self.path_edit.returnPressed.connect(self._path_typed)  # the field is editable: a typed path counts
        self.path_edit.editingFinished.connect(self._path_typed)
        self._opened_path = ""
        self.choose_button = pages.button("choose_button", self.tr("Chọn tệp…"), self.choose)
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheet_combo")
        self.sheet_combo.setEnabled(False)
        self.sheet_combo.currentIndexChanged.connect(self._sheet_chosen)
        self.summary_label = pages.label("file_summary_label")
        self.template_button = pages.button("template_button", self.tr("Tải tệp mẫu…"), self.save_template)
        self.template_label = pages.label("template_label", self.tr(
            "Chưa có tệp? Tệp mẫu có đủ các cột, chú thích cách ghi từng cột, danh mục để chọn và các trang Đào tạo, "
            "Quá trình công tác…"))
        form = QFormLayout()
        form.addRow(self.tr("Tệp:"), pages.box(QHBoxLayout(), (self.path_edit, 1), self.choose_button))
        form.addRow(self.tr("Trang danh sách:"), self.sheet_combo)
        pages.box(QVBoxLayout(self), form, self.summary_label, self.error_label, 1,
                  pages.box(QHBoxLayout(), (self.template_label, 1), self.template_button))

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return super().isComplete() and self.host().source is not None

    def choose(self) -> None:
        path = self.host().ask_open_path()
        if path:
            self.sheet_combo.clear()  # another file: its own sheets come with it
            self.sheet_combo.setEnabled(False)
            self.open_file(path)

    def _path_typed(self) -> None:
        typed = self.path_edit.text().strip().strip('"')
        if not typed or typed == self._opened_path:
            return
        path = Path(typed).expanduser()
        if not path.is_file():
            self._opened_path = typed
            self.host().source = None
            self.set_error(self.tr("Không tìm thấy tệp {path}.").format(path=typed))
            self.completeChanged.emit()
            return
        self.sheet_combo.clear()
        self.sheet_combo.setEnabled(False)
        self.open_file(str(path))

    def open_file(self, path: str, sheet: str | None = None) -> None:
        wizard = self.host()
        wizard.source = None
        self._opened_path = path
        self.set_error("")
        self.path_edit.setText(path)
        self.summary_label.setText("")
        wizard.run(self.tr("Đang đọc tệp…"), lambda _r, _c: _read(wizard.service, path, sheet), self._opened)

    def _opened(self, opened: tuple[Any, dict]) -> None:
        wizard = self.host()
        wizard.source, wizard.samples = opened
        source = wizard.source
        with QSignalBlocker(self.sheet_combo):
            self.sheet_combo.clear()
            self.sheet_combo.addItems(source.sheet_names)
            self.sheet_combo.setCurrentText(source.sheet.name)
        self.sheet_combo.setEnabled(len(source.sheet_names) > 1)
        children = ", ".join(c.name for c in source.children) or self.tr("không có")
        self.summary_label.setText(self.tr(
            "Trang '{sheet}': dòng tiêu đề {row}, {columns} cột, dữ liệu từ dòng {first}. Trang phụ được nhập: "
            "{children}.").format(sheet=source.sheet.name, row=source.header_row, columns=len(source.columns),
                                  first=source.header.data_start + 1, children=children))

    def _sheet_chosen(self, _index: int) -> None:
        source = self.host().source
        if self.path_edit.text() and (source is None or self.sheet_combo.currentText() != source.sheet.name):
            self.open_file(self.path_edit.text(), self.sheet_combo.currentText())

    def save_template(self) -> None:
        wizard = self.host()
        path = wizard.ask_save_path(self.tr("Lưu tệp mẫu"), "mau-nhap-danh-sach.xlsx")
        if path:
            wizard.run(self.tr("Đang tạo tệp mẫu…"), lambda _r, _c: wizard.service.exchange.write_import_template(path),
                       lambda _none: self.template_label.setText(self.tr("Đã lưu tệp mẫu: {path}").format(path=path)))


class MappingTable(QTableWidget):
    """One sheet's columns: letter, header as found, a sample value, the target chosen, a note."""

    changed = Signal()

    def __init__(self, columns: list[Any], mapping: dict[int, str | None], targets: list[tuple[str, str]],
                 samples: dict[int, tuple[Any, str | None, str | None]], recalled: bool):
        super().__init__(0, 5)
        self.setHorizontalHeaderLabels([self.tr("Cột"), self.tr("Tiêu đề trong tệp"), self.tr("Giá trị mẫu"),
                                        self.tr("Nhập vào"), self.tr("Ghi chú")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.mapping = dict(mapping)
        self.combos: dict[int, QComboBox] = {}
        shown = [c for c in columns if c.header or c.index in samples or mapping.get(c.index)]
        for row, column in enumerate(shown):
            self.insertRow(row)
            sample, encoding, original = samples.get(column.index, (None, None, None))
            self._item(row, 0, column.letter)
            self._item(row, 1, column.header)
            item = self._item(row, 2, pages.show_value(sample))
            if encoding:
                item.setBackground(pages.CONVERTED_COLOR)
                item.setToolTip(pages.conversion_note(encoding, original or ""))
            self.combos[column.index] = self._combo(row, column.index, mapping.get(column.index), targets)
            self._note(row, column, mapping.get(column.index), recalled)
        for col, width in enumerate((48, 220, 170, 260)):
            self.setColumnWidth(col, width)

    def _item(self, row: int, col: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setItem(row, col, item)
        return item

    def _combo(self, row: int, index: int, target: str | None, targets: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"target_combo_{index}")
        combo.addItem(self.tr("(bỏ qua)"), None)
        for key, text in targets:
            combo.addItem(QCoreApplication.translate("Fields", text), key)
        if target and combo.findData(target) < 0:
            combo.addItem(target, target)
        combo.setCurrentIndex(max(0, combo.findData(target)))
        combo.currentIndexChanged.connect(lambda _i, r=row, i=index, c=combo: self._chosen(r, i, c.currentData()))
        self.setCellWidget(row, 3, combo)
        return combo

    def _note(self, row: int, column: Any, target: str | None, recalled: bool) -> None:
        if recalled:
            text = self.tr("Theo lần nhập trước") if target else self.tr("Bỏ qua (theo lần nhập trước)")
        else:
            text = {"mapped": self.tr("Nhận ra tự động"), "unknown": self.tr("Không nhận ra tiêu đề: chưa nhập"),
                    "ignored": self.tr("Bỏ qua (số thứ tự, cột kết quả)"),
                    "duplicate": self.tr("Trùng nội dung với một cột bên trái: bỏ qua")}.get(column.status, "")
        item = self._item(row, 4, text)
        if column.status == "unknown" and not target and not recalled:
            item.setBackground(UNKNOWN_COLOR)
        elif not target:
            item.setForeground(pages.DIM)

    def _chosen(self, row: int, index: int, target: str | None) -> None:
        self.mapping[index] = target
        self.item(row, 4).setText(self.tr("Đã chọn lại"))
        self.item(row, 4).setBackground(Qt.GlobalColor.transparent)
        self.changed.emit()


class ColumnsPage(WizardPage):
    """Which column is which field, per sheet; the unit of rows that name none; blocking problems."""

    def __init__(self, units: list[Any], unit_code: str | None) -> None:
        super().__init__(self.tr("Ghép cột"), self.tr(
            "Kiểm tra mỗi cột của tệp được nhập vào mục nào của hồ sơ; chọn lại nếu cần. Cột chọn \"(bỏ qua)\" "
            "không được nhập."))
        self.info_label = pages.label("header_info_label")
        self.recalled_label = pages.label("recalled_label", self.tr(
            "Cách ghép cột được nhớ từ lần nhập trước với một tệp cùng mẫu; có thể chọn lại."), "color: #1f4e79")
        self.notes_label = pages.label("notes_label")
        self.tabs = QTabWidget()
        self.tables: dict[str, MappingTable] = {}
        self.unit_combo = unit_combo(units, empty=self.tr("(không đặt đơn vị)"))
        self.unit_combo.setObjectName("unit_combo")
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(unit_code)))
        self.problems_label = pages.label("problems_label", style="color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("Đơn vị cho các dòng không ghi đơn vị:"), self.unit_combo)
        pages.box(QVBoxLayout(self), self.info_label, self.recalled_label, self.notes_label, (self.tabs, 1), form,
                  self.problems_label, self.error_label)
        self._built_for: Any = None

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        source = self.host().source
        if source is self._built_for:
            return  # back from the preview: the clerk's choices stay
        self._built_for = source
        height = f"{source.header_row}–{source.header_row + 1}" if source.header.height == 2 else str(source.header_row)
        self.info_label.setText(self.tr("Dòng tiêu đề: {rows} của trang '{sheet}'; dữ liệu từ dòng {first}.").format(
            rows=height, sheet=source.sheet.name, first=source.header.data_start + 1))
        self.recalled_label.setVisible(source.recalled)
        notes = [n for n in source.notes[1:] if not n.startswith("Cột ")]
        samples = self.host().samples.get(source.sheet.name, {})
        if letters := [c.letter for c in source.columns if samples.get(c.index, (None, None))[1]]:
            notes.append(self.tr("Chữ mã TCVN3/VNI ở cột {letters} được chuyển sang Unicode (ô tô xanh).").format(
                letters=", ".join(letters)))
        self.notes_label.setText("\n".join(f"• {n}" for n in notes))
        self.notes_label.setVisible(bool(notes))
        self.tabs.clear()
        for old in self.tables.values():
            old.deleteLater()
        self.tables = {}
        self._add_table(source.sheet.name, self.tr("Danh sách cán bộ (trang '{sheet}')").format(sheet=source.sheet.name),
                        source.columns, source.mapping.columns, person_targets())
        for child in source.children:
            self._add_table(child.name, self.tr("Trang '{sheet}' → {section}").format(
                sheet=child.name, section=QCoreApplication.translate("Fields", SECTION_LABELS[child.section])),
                child.header.columns, source.mapping.children.get(child.name, {}), section_targets(child.section))
        self._check()

    def _add_table(self, name: str, title: str, columns: list[Any], mapping: dict[int, str | None],
                   targets: list[tuple[str, str]]) -> None:
        table = MappingTable(columns, mapping, targets, self.host().samples.get(name, {}), self.host().source.recalled)
        table.setObjectName(f"mapping_table_{len(self.tables)}")
        table.changed.connect(self._check)
        self.tables[name] = table
        self.tabs.addTab(table, title)

    def mapping(self) -> Mapping:
        source = self.host().source
        return Mapping(dict(self.tables[source.sheet.name].mapping),
                       {c.name: dict(self.tables[c.name].mapping) for c in source.children})

    def _check(self) -> None:
        problems = self.mapping().problems()
        if "cccd" not in self.mapping().targets():
            problems.append(self.tr("Chưa có cột nào là Số CCCD: mọi dòng sẽ bị từ chối."))
        self.problems_label.setText("\n".join(problems))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return super().isComplete() and bool(self.tables) and not self.mapping().problems()


class ImportWizard(QWizard):
    """The four pages and what they share: the opened file, the mapping, one background job."""

    busy_changed = Signal()
    FILE, COLUMNS, PREVIEW, RESULT = range(4)

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None, events: DataEvents):
        super().__init__(parent)
        self.service, self.events = service, events
        self.source: Any = None  # ImportSource
        self.samples: dict[str, dict[int, tuple[Any, str | None, str | None]]] = {}
        self.result: Any = None  # ImportResult
        self.wrote = False
        self._op: BackgroundOp | None = None
        self.setWindowTitle(self.tr("Nhập danh sách cán bộ từ tệp Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        for which, text in ((QWizard.WizardButton.BackButton, self.tr("< Quay lại")),
                             (QWizard.WizardButton.NextButton, self.tr("Tiếp >")),
                             (QWizard.WizardButton.FinishButton, self.tr("Xong")),
                             (QWizard.WizardButton.CancelButton, self.tr("Huỷ"))):
            self.setButtonText(which, text)
        self.file_page, self.preview_page, self.result_page = FilePage(), PreviewPage(), ResultPage()
        self.columns_page = ColumnsPage(service.units.list_units(), unit_code)
        for page_id, page in ((self.FILE, self.file_page), (self.COLUMNS, self.columns_page),
                              (self.PREVIEW, self.preview_page), (self.RESULT, self.result_page)):
            self.setPage(page_id, page)
            self.busy_changed.connect(page.completeChanged)
        self.resize(1120, 720)

    @property
    def busy(self) -> bool:
        return self._op is not None

    def run(self, label: str, work: Callable[[Any, Any], Any], on_done: Callable[[Any], None], *,
            cancellable: bool = False) -> None:
        """``work(report, cancelled)`` on a worker thread; ``on_done(result)`` back here."""
        def done(result: Any) -> None:
            self._op = None
            on_done(result)
            self.busy_changed.emit()

        def failed(exc: BaseException) -> None:
            self._op = None
            page = self.currentPage()
            if isinstance(page, WizardPage):
                page.set_error(_message(exc))
            self.busy_changed.emit()

        if isinstance(self.currentPage(), WizardPage):
            self.currentPage().set_error("")
        self._op = run_in_background(self, label, work, done, failed, cancellable=cancellable)
        self.busy_changed.emit()

    def mapping(self) -> Mapping:
        return self.columns_page.mapping()

    def default_unit(self) -> str | None:
        return self.columns_page.unit_combo.currentData()

    def import_work(self, *, dry_run: bool) -> Callable[[Any, Any], Any]:
        """The import (or dry run) of the file as mapped now, for ``run``."""
        service, source, mapping, unit = self.service, self.source, self.mapping(), self.default_unit()
        return lambda report, cancelled: service.exchange.run_import(source, mapping, unit_code=unit, dry_run=dry_run,
                                                            progress=report, cancelled=cancelled)

    def reject(self) -> None:
        """Closing while the import runs cancels it first (it then leaves nothing)."""
        if self._op is not None:
            self._op.cancel()
        else:
            super().reject()

    # --- file dialogs (tests replace these) ---------------------------------------------------
    def ask_open_path(self) -> str | None:
        return file_dialogs.open_file(self, self.tr("Chọn tệp danh sách"), self.tr(
            "Bảng tính ({patterns});;Mọi tệp (*)").format(patterns=SPREADSHEETS))

    def ask_save_path(self, title: str, suggested: str) -> str | None:
        return ask_save_path(self, title, suggested)


def ask_save_path(parent: QWidget | None, title: str, suggested: str) -> str | None:
    """An .xlsx file name chosen by the user (the extension added when left out)."""
    path = file_dialogs.save_file(parent, title, suggested,
                                  QCoreApplication.translate("ImportWizard", "Sổ tính Excel (*.xlsx)"))
    if not path:
        return None
    return path if path.lower().endswith(".xlsx") else path + ".xlsx"


def inform(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, "HoSo", text)


def import_spreadsheet(parent: QWidget | None, service: HoSoService, unit_code: str | None,
                       events: DataEvents) -> bool:
    """The wizard, modal; True when the import wrote something (the list is then reloaded)."""
    wizard = ImportWizard(parent, service, unit_code, events)
    wizard.exec()
    wrote = wizard.wrote
    wizard.deleteLater()
    return wrote


def export_list(parent: QWidget | None, service: HoSoService, flt: PersonFilter, columns: list[str],
                sort: tuple[str | None, bool] = (None, False)) -> BackgroundOp | None:
    """Write the people of ``flt`` (the list on screen, in its ``sort`` order) with the list's
    visible ``columns`` (the list's keys) to an .xlsx the user names."""
    path = ask_save_path(parent, QCoreApplication.translate("ImportWizard", "Xuất danh sách ra Excel"),
                         "danh-sach-can-bo.xlsx")
    if not path:
        return None
    keys = [LIST_TO_EXPORT.get(c, c) for c in columns]
    return run_in_background(parent, QCoreApplication.translate("ImportWizard", "Đang xuất danh sách…"),
                             lambda report, _cancelled: service.exchange.export_people(path, flt, keys, report, *sort),
                             lambda count: inform(parent, QCoreApplication.translate(
                                 "ImportWizard", "Đã xuất {count} hồ sơ vào tệp:\n{path}").format(count=count, path=path)),
                             lambda exc: show_error(parent, _message(exc)), cancellable=False)
