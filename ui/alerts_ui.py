"""Công cụ → Cảnh báo đến hạn, the alert count in the status bar, and what the three tool windows
share (the completeness dashboard and the data-quality list are in ``ui/dashboard_ui.py``).

Each tool window is non-modal over the main window's unit (with its subunits). It asks the
service off the UI thread (100,000 dossiers take seconds), shows a busy bar meanwhile and drops
an answer a newer request has made stale. The service returns the whole answer as frozen
dataclasses already in memory, so a table is a ``RowsModel`` over that list (nothing is fetched
per row, no row cache is needed) behind a ``RowFilter`` proxy that sorts by ``SortRole``.
A double-click opens the dossier through the main window's ``open_person``.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QHideEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QCheckBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.alerts import KINDS
from app.service import HoSoService
from app.text import fold, name_sort_key
from ui import settings
from ui.background import run_in_background
from ui.dialogs import show_error
from ui.widgets.date_edit import DateEdit

logger = logging.getLogger(__name__)
IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
MARKED_BACKGROUND, MARKED_TEXT = QColor("#fde0dc"), QColor("#8a1c12")
COUNT_MONTHS = 6  # the status bar counts what the panel shows when it opens
OVERDUE_MONTHS = 12
_Index = QModelIndex | QPersistentModelIndex
W = TypeVar("W", bound=QWidget)


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def today() -> dt.date:
    """The default "as of" day (tests replace it)."""
    return dt.date.today()


def vn_date(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def percent(ratio: float) -> str:
    """0.963 → "96,3 %" (the decimal comma)."""
    return f"{ratio * 100:.1f} %".replace(".", ",")


def count_text(number: int) -> str:
    """12345 → "12.345"."""
    return f"{number:,}".replace(",", ".")


def kind_labels() -> dict[str, str]:
    """``app.alerts.KIND_LABELS`` as translatable strings (the same Vietnamese)."""
    return {"retirement_notice": tr("Thông báo nghỉ hưu"), "retirement_decision": tr("Quyết định nghỉ hưu"),
            "retirement": tr("Nghỉ hưu"), "salary_step": tr("Nâng bậc lương thường xuyên"),
            "seniority_allowance": tr("Phụ cấp thâm niên vượt khung"), "probation_end": tr("Hết tập sự")}


def named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def box(layout: QBoxLayout, *items: QWidget | QLayout | int | tuple[QWidget, int]) -> QBoxLayout:
    """Fill ``layout``: widgets, layouts, (widget, stretch) pairs; an int is a stretch."""
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
    """Read-only rows (frozen dataclasses) under declared columns. ``IdRole`` is the row's person
    id (None when rows are not people), ``SortRole`` a str/number key so the proxy sorts dates,
    numbers and Vietnamese names correctly; ``marked(row)`` rows (overdue) are tinted."""

    def __init__(self, columns: Iterable[Column], *, person_id: Callable[[Any], uuid.UUID] | None = None,
                 marked: Callable[[Any], bool] | None = None, tooltip: Callable[[Any], str] | None = None,
                 parent: Any = None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self._person_id, self._marked, self._tooltip = person_id, marked, tooltip
        self._rows: list[Any] = []
        self._sort_keys: dict[tuple[int, int], Any] = {}

    def set_rows(self, rows: Iterable[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_keys.clear()
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

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
        marked = self._marked is not None and self._marked(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SortRole:
            key = (index.row(), index.column())
            if key not in self._sort_keys:
                self._sort_keys[key] = column.sort(row) if column.sort else fold(column.text(row))
            return self._sort_keys[key]
        if role == IdRole:
            return self._person_id(row) if self._person_id else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and marked:
            return QBrush(MARKED_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else MARKED_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and self._tooltip is not None:
            return self._tooltip(row)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt override
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None


class RowFilter(QSortFilterProxyModel):
    """Sorts by ``SortRole`` and keeps the rows ``accept(row)`` allows (every row when None)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.setSortRole(SortRole)
        self._accept: Callable[[Any], bool] | None = None

    def set_accept(self, accept: Callable[[Any], bool] | None) -> None:
        self.beginFilterChange()
        self._accept = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802 - Qt override
        row = self.sourceModel().row_at(source_row)
        return self._accept is None or (row is not None and self._accept(row))

    def row_at(self, row: int) -> Any | None:
        """The dataclass on the view's ``row``."""
        return self.sourceModel().row_at(self.mapToSource(self.index(row, 0)).row())

    def shown_rows(self) -> list[Any]:
        """What the view shows, in its order."""
        return [self.row_at(r) for r in range(self.rowCount())]


def make_table(name: str, model: RowsModel, proxy: RowFilter) -> QTableView:
    proxy.setSourceModel(model)
    view = named(QTableView(), name)
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a click
    view.setSortingEnabled(True)
    for i, column in enumerate(model.columns):
        view.setColumnWidth(i, column.width)
    return view


class ToolWindow(QDialog):
    """A non-modal window over a unit's scope. ``compute(work, on_done)`` runs ``work`` off the UI
    thread with the unit names; only the newest request's answer is shown (``busy`` until then).
    It recomputes when the main window's ``events`` say dossiers changed."""

    STATE_KEY = "tool"

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None, title: str):
        super().__init__(parent)
        self.service, self.unit_code = service, unit_code
        self.setWindowTitle(title)
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowMinMaxButtonsHint
                            | Qt.WindowType.WindowCloseButtonHint)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.busy, self._generation = False, 0
        self.unit_names: dict[str, str] | None = None
        self.scope_label = named(QLabel(), "scope_label")
        self.status_label = named(QLabel(), "status_label")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # "working", no percentage
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.hide()
        self.close_button = QPushButton(tr("Đóng"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.close)
        self._show_scope()
        if (events := getattr(parent, "events", None)) is not None:
            events.people_changed.connect(self._data_changed)

    def restore_geometry(self, width: int, height: int) -> None:
        self.resize(width, height)
        if state := settings.load_state(f"tools/{self.STATE_KEY}"):
            self.restoreGeometry(state)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        settings.save_state(f"tools/{self.STATE_KEY}", self.saveGeometry())
        super().hideEvent(event)

    def set_unit(self, unit_code: str | None) -> None:
        if unit_code != self.unit_code:
            self.unit_code = unit_code
            self._show_scope()
            self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def _data_changed(self, _ids: list) -> None:
        self.refresh()

    def compute(self, work: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        self._generation += 1
        generation, names, service = self._generation, self.unit_names, self.service
        self.busy = True
        self.busy_bar.show()

        def job(_report: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> tuple[dict[str, str], Any]:
            return (names if names is not None else {u.code: u.name for u in service.list_units()}), work()

        run_in_background(self, "", job, lambda answer: self._finished(generation, answer, on_done),
                          lambda exc: self._failed(generation, exc), show_progress=False)

    def _finished(self, generation: int, answer: tuple[dict[str, str], Any], on_done: Callable[[Any], None]) -> None:
        if generation == self._generation:  # else a newer request is on its way
            self.unit_names, result = answer
            self._show_scope()
            on_done(result)
            self.busy = False
            self.busy_bar.hide()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.busy = False
            self.busy_bar.hide()
            self.status_label.setText(tr("Không tính được."))
            show_error(self, str(exc))

    def _show_scope(self) -> None:
        name = (self.unit_names or {}).get(self.unit_code or "", self.unit_code)
        self.scope_label.setText(tr("Đơn vị: {unit} (cả đơn vị trực thuộc)").format(unit=name) if self.unit_code
                                 else tr("Đơn vị: Tất cả"))

    def open_person(self, person_id: uuid.UUID | None) -> None:
        """The dossier in the main window's editor (a parent without ``open_person`` opens none)."""
        opener = getattr(self.parentWidget(), "open_person", None)
        if person_id is not None and callable(opener):
            opener(person_id)

    def open_row(self, index: QModelIndex) -> None:
        self.open_person(index.data(IdRole))


def _show(parent: QWidget | None, cls: type[ToolWindow], service: HoSoService, unit_code: str | None) -> ToolWindow:
    """The parent's open window of ``cls`` (now on ``unit_code``) or a new one."""
    window = next((w for w in (parent.findChildren(cls) if parent is not None else []) if w.isVisible()), None)
    if window is None:
        window = cls(parent, service, unit_code)
    else:
        window.set_unit(unit_code)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


def show_alerts(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    return _show(parent, AlertsWindow, service, unit_code)


def show_completeness(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    from ui.dashboard_ui import CompletenessWindow

    return _show(parent, CompletenessWindow, service, unit_code)


def show_quality(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    from ui.dashboard_ui import QualityWindow

    return _show(parent, QualityWindow, service, unit_code)


# --------------------------------------------------------------------------- the alerts panel


def alert_columns() -> list[Column]:
    labels = kind_labels()
    return [Column(tr("Đến hạn"), lambda a: vn_date(a.due), lambda a: a.due.isoformat(), width=90),
            Column(tr("Loại"), lambda a: labels[a.kind], lambda a: KINDS.index(a.kind), width=200),
            Column(tr("Họ và tên"), lambda a: a.full_name, lambda a: name_sort_key(a.full_name), width=180),
            Column(tr("Số CCCD"), lambda a: a.cccd, width=110),
            Column(tr("Đơn vị"), lambda a: a.unit_name or "", width=230),
            Column(tr("Ghi chú"), lambda a: a.detail, width=420)]


class AlertsWindow(ToolWindow):
    """Due events (retirement, step raises, seniority allowance, probation) as of a day, within
    N months, for the unit's subtree; overdue ones tinted. The kind boxes filter what is shown
    (each says how many there are); "Xuất Excel…" writes the rows shown, in the view's order."""

    STATE_KEY = "alerts"

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Cảnh báo đến hạn"))
        self.date_edit = named(DateEdit(), "as_of_edit")
        self.date_edit.setValue(today())
        self.months_spin = named(QSpinBox(), "months_spin")
        self.months_spin.setRange(0, 120)
        self.months_spin.setValue(COUNT_MONTHS)
        self.months_spin.setSuffix(tr(" tháng"))
        self.overdue_check = named(QCheckBox(tr("Gồm việc đã quá hạn (trong 12 tháng qua)")), "overdue_check")
        self.overdue_check.setChecked(True)
        self.kind_checks = {kind: named(QCheckBox(label), f"{kind}_check") for kind, label in kind_labels().items()}
        kinds = QGridLayout()
        for i, check in enumerate(self.kind_checks.values()):
            check.setChecked(True)
            check.toggled.connect(self._kinds_changed)
            kinds.addWidget(check, i // 3, i % 3)
        kinds.setColumnStretch(3, 1)
        self.model = RowsModel(alert_columns(), person_id=lambda a: a.person_id, marked=lambda a: a.overdue,
                               tooltip=lambda a: a.detail, parent=self)
        self.proxy = RowFilter(self)
        self.table = make_table("alerts_table", self.model, self.proxy)
        self.table.doubleClicked.connect(self.open_row)
        self.count_label = named(QLabel(), "count_label")
        self.export_button = named(QPushButton(tr("Xuất Excel…")), "export_button")
        self.export_button.setAutoDefault(False)
        self.export_button.clicked.connect(self.export)
        self._timer = QTimer(self)  # typing a date or spinning the months: one computation
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self.date_edit.textChanged.connect(lambda _text: self._timer.start())
        self.months_spin.valueChanged.connect(lambda _value: self._timer.start())
        self.overdue_check.toggled.connect(lambda _on: self._timer.start())
        box(QVBoxLayout(self),
            box(QHBoxLayout(), QLabel(tr("Tính đến ngày")), self.date_edit, QLabel(tr("trong")), self.months_spin,
                QLabel(tr("tới")), self.overdue_check, 1, self.scope_label),
            kinds, (self.table, 1),
            box(QHBoxLayout(), self.count_label, self.busy_bar, (self.status_label, 1), self.export_button,
                self.close_button))
        self.restore_geometry(1240, 660)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        as_of = self.date_edit.value()
        if as_of is None:
            self.status_label.setText(self.date_edit.problem() or tr("Nhập ngày tính (dd/mm/yyyy)."))
            return
        within, service, unit = self.months_spin.value(), self.service, self.unit_code
        overdue = OVERDUE_MONTHS if self.overdue_check.isChecked() else 0
        self.status_label.setText(tr("Đang tính…"))
        self.compute(lambda: service.alerts(as_of, within, unit, None, overdue_months=overdue),
                     lambda alerts: self._show_alerts(alerts, as_of, within))

    def _show_alerts(self, alerts: list[Any], as_of: dt.date, within: int) -> None:
        self.model.set_rows(alerts)
        counts = Counter(a.kind for a in alerts)
        for kind, label in kind_labels().items():
            self.kind_checks[kind].setText(f"{label} ({count_text(counts[kind])})")
        self.status_label.setText(tr("Tính đến ngày {date}, trong {months} tháng tới.").format(
            date=vn_date(as_of), months=within))
        self._show_count()

    def checked_kinds(self) -> set[str]:
        return {kind for kind, check in self.kind_checks.items() if check.isChecked()}

    def _kinds_changed(self, _on: bool = False) -> None:
        wanted = self.checked_kinds()
        self.proxy.set_accept(None if wanted == set(KINDS) else (lambda a: a.kind in wanted))
        self._show_count()

    def _show_count(self) -> None:
        shown = self.proxy.shown_rows()
        text = tr("{count} việc, {people} người").format(count=count_text(len(shown)),
                                                          people=count_text(len({a.person_id for a in shown})))
        if late := sum(1 for a in shown if a.overdue):
            text += tr(" — {count} việc đã quá hạn (tô đỏ)").format(count=count_text(late))
        self.count_label.setText(text)

    def export_path(self) -> str | None:
        """The .xlsx file to write, asked of the user (tests replace this)."""
        name = f"canh-bao-den-han-{(self.date_edit.value() or today()):%Y-%m-%d}.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, tr("Xuất cảnh báo ra Excel"), str(Path.home() / name),
                                              tr("Tệp Excel (*.xlsx)"))
        return (path if path.lower().endswith(".xlsx") else path + ".xlsx") if path else None

    def export(self) -> None:
        """The rows shown (kind filter and sort order applied) to a spreadsheet, off the UI thread."""
        rows = self.proxy.shown_rows()
        path = self.export_path() if rows else None
        if not rows:
            self.status_label.setText(tr("Không có dòng nào để xuất."))
        if not path:
            return
        self.export_button.setEnabled(False)
        service = self.service
        run_in_background(self, tr("Đang xuất ra Excel…"), lambda _r, _c: service.export_alerts(rows, path),
                          lambda _result: self._exported(path, len(rows)), self._export_failed, cancellable=False)

    def _exported(self, path: str, count: int) -> None:
        self.export_button.setEnabled(True)
        self.status_label.setText(tr("Đã xuất {count} dòng ra {path}").format(count=count_text(count), path=path))

    def _export_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        show_error(self, tr("Không ghi được tệp Excel: {error}").format(error=exc))


# --------------------------------------------------------------------------- the count in the status bar


class AlertCount(QLabel):
    """The status bar's "N việc đến hạn": counted off the UI thread as of today within
    ``COUNT_MONTHS`` (what the panel shows when it opens), again a second after data changes;
    a click opens the panel."""

    clicked = Signal()

    def __init__(self, service: HoSoService, parent: QWidget | None = None):
        super().__init__(parent)
        self.service, self.count, self._generation = service, None, 0
        self.setObjectName("alert_count_label")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setContentsMargins(8, 0, 8, 0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.recount)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def data_changed(self, *_args: object) -> None:
        self._timer.start()

    def recount(self) -> None:
        self._generation += 1
        generation, as_of, service = self._generation, today(), self.service
        self.setText(tr("Đang tính cảnh báo đến hạn…"))
        run_in_background(self, "", lambda _r, _c: service.alerts(as_of, COUNT_MONTHS),
                          lambda alerts: self._show(generation, alerts, as_of), self._failed, show_progress=False)

    def _show(self, generation: int, alerts: list[Any], as_of: dt.date) -> None:
        if generation != self._generation:
            return
        self.count = len(alerts)
        late = sum(1 for a in alerts if a.overdue)
        text = tr("Cảnh báo: {count} việc đến hạn trong {months} tháng tới").format(
            count=count_text(len(alerts)), months=COUNT_MONTHS)
        if late:
            text += tr(", {count} việc quá hạn").format(count=count_text(late))
        self.setText(text)
        self.setStyleSheet("color: #8a1c12; font-weight: bold" if late else "")
        self.setToolTip(tr("Nghỉ hưu, nâng bậc lương, phụ cấp thâm niên vượt khung, hết tập sự — tính đến ngày "
                           "{date}.\nBấm để xem chi tiết (Công cụ → Cảnh báo đến hạn).").format(date=vn_date(as_of)))

    def _failed(self, exc: BaseException) -> None:
        logger.warning("Alert count failed: %s", exc)
        self.setText("")


def show_alert_count(window: QMainWindow, service: HoSoService,
                     current_unit: Callable[[], str | None] = lambda: None) -> AlertCount:
    """Put (or find) the count in ``window``'s status bar and count now; it recounts when the
    window's ``events`` say data changed. A click opens the panel on ``current_unit()``."""
    label = window.findChild(AlertCount, "alert_count_label")
    if label is None:
        label = AlertCount(service)
        window.statusBar().addPermanentWidget(label)
        label.clicked.connect(lambda: show_alerts(window, service, current_unit()))
        if (events := getattr(window, "events", None)) is not None:
            events.people_changed.connect(label.data_changed)
            events.units_changed.connect(label.data_changed)
    label.recount()
    return label
