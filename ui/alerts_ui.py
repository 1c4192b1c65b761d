"""Công cụ → Cảnh báo đến hạn, and what the tool windows share (the completeness dashboard, the
data-quality list and the status bar's alert count are in ``ui/dashboard_ui.py``). A tool window
is non-modal over the main window's unit and its subunits; it asks the service off the UI thread
(100,000 dossiers take seconds). Answers come whole, as frozen dataclasses: a table is a
``RowsModel`` over that list (nothing is fetched per row) in a ``RowsTable`` sorting by ``SortRole``."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.alerts import KINDS
from app.services import HoSoService
from app.text import fold, name_sort_key
from ui import file_dialogs
from ui.app_texts import app_text
from ui.background import run_in_background
from ui.dialogs import show_error
from ui.widgets.date_edit import DateEdit

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
CategoryRole = Qt.ItemDataRole.UserRole + 3  # what RowsTable.show_only filters on (alert kind, check code)
MARKED_BACKGROUND, MARKED_TEXT = QColor("#fde0dc"), QColor("#8a1c12")
COUNT_MONTHS = 6  # the status bar counts what the panel shows when it opens
OVERDUE_MONTHS = 12
_Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QWidget)


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def today() -> dt.date:  # the default "as of" day (tests replace it)
    return dt.date.today()


def vn_date(day: dt.date) -> str:
    return f"{day:%d/%m/%Y}"


def count_text(number: int) -> str:  # 12345 → "12.345"
    return f"{number:,}".replace(",", ".")


def kind_labels() -> dict[str, str]:
    """``app.alerts.KIND_LABELS`` as translatable strings (the same Vietnamese)."""
    return {"retirement_notice": tr("Thông báo nghỉ hưu"), "retirement_decision": tr("Quyết định nghỉ hưu"),
            "retirement": tr("Nghỉ hưu"), "salary_step": tr("Nâng bậc lương thường xuyên"),
            "seniority_allowance": tr("Phụ cấp thâm niên vượt khung"), "probation_end": tr("Hết tập sự"),
            "position_placement": tr("Bố trí vị trí việc làm"), "appointment_term_end": tr("Hết thời hạn giữ chức vụ"),
            "declaration_unreturned": tr("Phiếu kê khai chưa nộp lại"), "data_request": tr("Yêu cầu dữ liệu cá nhân"),
            "declaration_first": tr("Chưa kê khai lần đầu")}


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def box(layout: QBoxLayout, *items: QWidget | QLayout | int | tuple[QWidget, int]) -> QBoxLayout:
    """Fill ``layout`` with widgets, layouts and (widget, stretch) pairs; an int is a stretch."""
    for item in items:
        if isinstance(item, int):
            layout.addStretch(item)
        elif isinstance(item, tuple):
            layout.addWidget(*item)
        elif isinstance(item, QLayout):
            layout.addLayout(item)
        else:
            layout.addWidget(item)
    return layout


# --------------------------------------------------------------------------- shared table parts


@dataclass(frozen=True)
class Column:
    header: str  # translated
    text: Callable[[Any], str]
    sort: Callable[[Any], str | int | float] | None = None  # SortRole key; the folded text when None
    right: bool = False
    width: int = 120


class RowsModel(QAbstractTableModel):
    """Read-only rows (frozen dataclasses) under declared columns. ``IdRole``: the row's person
    id; ``SortRole``: a str/number key, so dates, numbers and Vietnamese names sort right;
    ``CategoryRole``: ``category(row)``; rows ``marked(row)`` (overdue) are tinted."""

    def __init__(self, columns: Iterable[Column], *, person_id: Callable[[Any], uuid.UUID | None] = lambda r: None,
                 category: Callable[[Any], str] = lambda r: "", marked: Callable[[Any], bool] = lambda r: False,
                 tooltip: Callable[[Any], str | None] = lambda r: None, parent: Any = None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self._roles = {IdRole: person_id, CategoryRole: category, Qt.ItemDataRole.ToolTipRole: tooltip}
        self._marked = marked
        self._rows: list[Any] = []
        self._sort_keys: dict[tuple[int, int], Any] = {}

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows, self._sort_keys = list(rows), {}
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SortRole:
            key = (index.row(), index.column())
            if key not in self._sort_keys:
                self._sort_keys[key] = column.sort(row) if column.sort else fold(column.text(row))
            return self._sort_keys[key]
        if role == Qt.ItemDataRole.ToolTipRole:  # a cut cell (the notes) is read whole by hovering
            return self._roles[role](row) or column.text(row) or None
        if role in self._roles:
            return self._roles[role](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and self._marked(row):
            return QBrush(MARKED_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else MARKED_TEXT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return None


class RowsTable(QTableView):
    """A ``RowsModel`` (``rows``) seen through a proxy (``proxy``) that sorts by ``SortRole`` —
    the service's order until a header is clicked — and keeps the categories ``show_only`` names."""

    def __init__(self, name: str, model: RowsModel):
        super().__init__()
        self.setObjectName(name)
        self.rows, self.proxy = model, QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterRole(CategoryRole)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        for i, column in enumerate(model.columns):
            self.setColumnWidth(i, column.width)

    def show_only(self, categories: Iterable[str] | None) -> None:  # None: every row
        pattern = None if categories is None else "^(?:" + "|".join(map(re.escape, categories)) + ")$"
        self.proxy.setFilterRegularExpression(pattern or "")

    def row_at(self, view_row: int) -> Any | None:
        return self.rows.row_at(self.proxy.mapToSource(self.proxy.index(view_row, 0)).row())

    def shown_rows(self) -> list[Any]:  # what the view shows, in its order
        return [self.row_at(r) for r in range(self.proxy.rowCount())]


class ToolWindow(QDialog):
    """A non-modal window over a unit's scope. ``compute(work, on_done)`` runs ``work`` off the UI thread;
    only the newest answer is shown (``busy`` until then). Dossiers changed (``events``): ``refresh()``."""

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None, title: str):
        super().__init__(parent)
        self.service, self.unit_code = service, unit_code
        self.setWindowTitle(title)
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint
                            | Qt.WindowType.WindowCloseButtonHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.busy, self._generation, self.unit_names = False, 0, dict[str, str]()
        self.scope_label = named(QLabel(), "scope_label")
        self.status_label = named(QLabel(), "status_label")
        self.status_label.setIndent(16)  # apart from the count beside it
        self.count_label = named(QLabel(), "count_label")
        self.close_button = QPushButton(tr("Đóng"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        self._show_scope()
        if (events := getattr(parent, "events", None)) is not None:
            events.people_changed.connect(self.refresh)

    def footer(self, *extra: QWidget) -> QBoxLayout:
        return box(QHBoxLayout(), self.count_label, (self.status_label, 1), *extra, self.close_button)

    def set_unit(self, unit_code: str | None) -> None:
        if unit_code != self.unit_code:
            self.unit_code = unit_code
            self._show_scope()
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def compute(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._generation += 1
        generation, names, service = self._generation, self.unit_names, self.service
        self.busy = True
        self.status_label.setText(tr("Đang tính…"))
        run_in_background(self, "", lambda _r, _c: (names or {u.code: u.name for u in service.units.list_units()}, work()),
                          lambda answer: self._finished(generation, answer, on_done),
                          lambda exc: self._finished(generation, exc, show_error), show_progress=False)

    def _finished(self, generation: int, answer: Any, on_done: Callable[..., None]) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        self.busy = False
        if isinstance(answer, BaseException):
            self.status_label.setText(tr("Không tính được."))
            on_done(self, str(answer))
            return
        self.unit_names, result = answer
        self._show_scope()
        on_done(result)

    def _show_scope(self) -> None:
        name = self.unit_names.get(self.unit_code or "", self.unit_code)
        self.scope_label.setText(tr("Đơn vị: {unit} (cả đơn vị trực thuộc)").format(unit=name) if self.unit_code
                                 else tr("Đơn vị: Tất cả"))

    def open_person(self, person_id: uuid.UUID | None) -> None:
        """The dossier in the main window's editor (a parent without ``open_person`` opens none)."""
        opener = getattr(self.parentWidget(), "open_person", None)
        if person_id is not None and callable(opener):
            opener(person_id)

    def open_row(self, index: QModelIndex) -> None:
        self.open_person(index.data(IdRole))


def show_tool(parent: QWidget | None, cls: type[ToolWindow], service: HoSoService, unit_code: str | None) -> ToolWindow:
    """The parent's open window of ``cls`` (now on ``unit_code``) or a new one."""
    if window := next((w for w in (parent.findChildren(cls) if parent else []) if w.isVisible()), None):
        window.set_unit(unit_code)
    window = window or cls(parent, service, unit_code)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def show_alerts(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    return show_tool(parent, AlertsWindow, service, unit_code)


# --------------------------------------------------------------------------- the alerts panel


class AlertsWindow(ToolWindow):
    """Due events as of a day within N months, and those overdue (tinted), for the unit's subtree.
    The kind boxes filter and count; "Xuất Excel…" writes the rows shown, in the view's order."""

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Cảnh báo đến hạn"))
        self.date_edit = named(DateEdit(), "as_of_edit")
        self.date_edit.setValue(today())
        self.months_spin = named(QSpinBox(), "months_spin")
        self.months_spin.setRange(0, 120)
        self.months_spin.setValue(COUNT_MONTHS)
        self.months_spin.setSuffix(tr(" tháng"))
        self.kind_checks = {kind: named(QCheckBox(label), f"{kind}_check") for kind, label in kind_labels().items()}
        for check in self.kind_checks.values():
            check.setChecked(True)
            check.toggled.connect(self._kinds_changed)
        labels = kind_labels()
        self.table = RowsTable("alerts_table", RowsModel([
            Column(tr("Đến hạn"), lambda a: vn_date(a.due), lambda a: a.due.isoformat(), width=90),
            Column(tr("Loại"), lambda a: labels[a.kind], lambda a: KINDS.index(a.kind), width=215),
            Column(tr("Họ và tên"), lambda a: a.full_name, lambda a: name_sort_key(a.full_name), width=170),
            Column(tr("Số CCCD"), lambda a: a.cccd, width=110),
            Column(tr("Đơn vị"), lambda a: a.unit_name or "", width=210),
            Column(tr("Ghi chú"), lambda a: app_text(a.detail), width=300),  # stretches; the tooltip shows it whole
        ], person_id=lambda a: a.person_id, category=lambda a: a.kind, marked=lambda a: a.overdue,
            tooltip=lambda a: app_text(a.detail), parent=self))
        self.table.doubleClicked.connect(self.open_row)
        self.export_button = named(QPushButton(tr("Xuất Excel…")), "export_button")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self._timer = QTimer(self)  # typing a date or spinning the months: one computation
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self.date_edit.textChanged.connect(lambda _text: self._timer.start())
        self.months_spin.valueChanged.connect(lambda _value: self._timer.start())
        box(QVBoxLayout(self),
            box(QHBoxLayout(), QLabel(tr("Tính đến ngày")), self.date_edit, QLabel(tr("trong")), self.months_spin,
                QLabel(tr("tới (và việc đã quá hạn trong 12 tháng qua, tô đỏ)")), 1, self.scope_label),
            box(QHBoxLayout(), *self.kind_checks.values(), 1), (self.table, 1), self.footer(self.export_button))
        self.resize(1240, 660)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        if (as_of := self.date_edit.value()) is None:
            self.status_label.setText(self.date_edit.problem() or tr("Nhập ngày tính (dd/mm/yyyy)."))
            return
        within, service, unit = self.months_spin.value(), self.service, self.unit_code
        self.compute(lambda: service.alerts.alerts(as_of, within, unit, None, overdue_months=OVERDUE_MONTHS),
                     lambda alerts: self._show_alerts(alerts, as_of, within))

    def _show_alerts(self, alerts: list[Any], as_of: dt.date, within: int) -> None:
        self.table.rows.set_rows(alerts)
        counts = Counter(a.kind for a in alerts)
        for kind, label in kind_labels().items():
            self.kind_checks[kind].setText(f"{label} ({count_text(counts[kind])})")
        self.status_label.setText(tr("Tính đến ngày {date}, trong {months} tháng tới.").format(
            date=vn_date(as_of), months=within))
        self._show_count()

    def _kinds_changed(self, _on: bool = False) -> None:
        wanted = [kind for kind, check in self.kind_checks.items() if check.isChecked()]
        self.table.show_only(None if len(wanted) == len(KINDS) else wanted)
        self._show_count()

    def _show_count(self) -> None:
        shown = self.table.shown_rows()
        text = tr("{count} việc, {people} người").format(count=count_text(len(shown)),
                                                          people=count_text(len({a.person_id for a in shown})))
        if late := sum(1 for a in shown if a.overdue):
            text += tr(" — {count} việc đã quá hạn (tô đỏ)").format(count=count_text(late))
        self.count_label.setText(text)

    def export_path(self) -> str | None:
        """The .xlsx file to write, asked of the user (tests replace this)."""
        name = f"canh-bao-den-han-{(self.date_edit.value() or today()):%Y-%m-%d}.xlsx"
        path = file_dialogs.save_file(self, tr("Xuất cảnh báo ra Excel"), name, tr("Tệp Excel (*.xlsx)")) or ""
        return (path if path.lower().endswith(".xlsx") else path + ".xlsx") if path else None

    def export(self) -> None:
        """The rows shown (kind filter and sort order applied) to a spreadsheet, off the UI thread."""
        if not (rows := self.table.shown_rows()):
            self.status_label.setText(tr("Không có dòng nào để xuất."))
        elif path := self.export_path():
            self.export_button.setEnabled(False)
            service = self.service
            run_in_background(self, tr("Đang xuất ra Excel…"), lambda _r, _c: service.alerts.export_alerts(rows, path),
                              lambda _result: self._exported(path, len(rows)), self._exported, cancellable=False)

    def _exported(self, path: str | BaseException, count: int = 0) -> None:
        self.export_button.setEnabled(True)
        if isinstance(path, BaseException):
            show_error(self, tr("Không ghi được tệp Excel: {error}").format(error=path))
        else:
            self.status_label.setText(tr("Đã xuất {count} dòng ra {path}").format(count=count_text(count), path=path))
