"""Công cụ → Mức đầy đủ của hồ sơ (per unit, worst first, as a table and as bars; the least
complete dossiers of a unit and what each lacks), Công cụ → Kiểm tra chất lượng dữ liệu (the
issues of the unit's dossiers, filtered by check) and the status bar's alert count. The windows
are ``ToolWindow``s (``ui/alerts_ui.py``)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.services import HoSoService
from app.text import name_sort_key
from ui.alerts_ui import (
    COUNT_MONTHS,
    OVERDUE_MONTHS,
    Column,
    IdRole,
    RowsModel,
    RowsTable,
    ToolWindow,
    box,
    count_text,
    named,
    show_alerts,
    show_tool,
    today,
    vn_date,
)
from ui.background import run_in_background

WORST_COUNT = 10


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def percent(ratio: float) -> str:  # 0.963 → "96,3 %"
    return f"{ratio * 100:.1f} %".replace(".", ",")


def show_completeness(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    return show_tool(parent, CompletenessWindow, service, unit_code)


def show_quality(parent: QWidget | None, service: HoSoService, unit_code: str | None = None) -> ToolWindow:
    return show_tool(parent, QualityWindow, service, unit_code)


class CompletenessBars(QWidget):
    """One horizontal bar per unit, its average completeness, drawn with QPainter (no QtCharts):
    red below 60 %, amber below 90 %, green above. Bars keep the order given (worst first);
    ``bar_clicked(index)``. As tall as its bars: it lives in a QScrollArea."""

    bar_clicked = Signal(int)
    ROW, TOP = 22, 22  # TOP: the percent scale above the bars

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("completeness_bars")
        self._bars: list[tuple[str, float]] = []
        self._current = -1

    def set_bars(self, bars: list[tuple[str, float]]) -> None:
        self._bars, self._current = list(bars), -1
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, float]]:
        return list(self._bars)

    def set_current(self, index: int) -> None:
        self._current = index
        self.update()

    def row_rect(self, index: int) -> QRect:
        return QRect(0, self.TOP + index * self.ROW, self.width(), self.ROW)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(460, self.TOP + max(len(self._bars), 1) * self.ROW + 6)

    def index_at(self, point: QPoint) -> int:
        index = (point.y() - self.TOP) // self.ROW if point.y() >= self.TOP else -1
        return index if index < len(self._bars) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if (index := self.index_at(event.position().toPoint())) >= 0:
            self.bar_clicked.emit(index)
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        palette, metrics = self.palette(), self.fontMetrics()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        label_w = min(max((metrics.horizontalAdvance(n) for n, _ in self._bars), default=0) + 12, 260,
                      int(self.width() * 0.45))
        x0 = label_w + 8
        span = max(self.width() - x0 - metrics.horizontalAdvance("100,0 %") - 12, 20)
        if not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Chưa có số liệu"))
        grid = QColor(palette.color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)
        for tick in (0, 25, 50, 75, 100) if self._bars else ():
            x = x0 + span * tick // 100
            painter.setPen(grid)
            painter.drawLine(x, self.TOP - 3, x, self.TOP + len(self._bars) * self.ROW)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRect(x - 30, 0, 60, self.TOP - 4), Qt.AlignmentFlag.AlignHCenter
                             | Qt.AlignmentFlag.AlignBottom, f"{tick} %")
        first = max(0, (event.rect().top() - self.TOP) // self.ROW)
        for i in range(first, min(len(self._bars), (event.rect().bottom() - self.TOP) // self.ROW + 1)):
            name, ratio = self._bars[i]
            row = self.row_rect(i)
            colour = QColor("#d9534f" if ratio < 0.6 else "#f0ad4e" if ratio < 0.9 else "#4caf50")
            if i == self._current:
                highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
                highlight.setAlpha(60)
                painter.fillRect(row, highlight)
                colour = colour.darker(125)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRect(6, row.top(), label_w - 6, self.ROW), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_w - 6))
            bar = QRectF(x0, row.top() + 4, span * min(max(ratio, 0.0), 1.0), self.ROW - 8)
            painter.fillRect(bar, colour)
            painter.drawText(QRectF(bar.right() + 5, row.top(), 80, self.ROW), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, percent(ratio))
        painter.end()


def missing_text(item: Any) -> str:
    """"Dân tộc (mục 6)"; "Ảnh 4 x 6" for an item without a number."""
    if item.item[:1].isdigit():
        return tr("{label} (mục {item})").format(label=item.label, item=item.item)
    return item.label if item.item in item.label else f"{item.label} ({item.item})"


def unit_labels(rows: list[Any], units: list[Any]) -> dict[str | None, str]:
    """Unit code → name, with the parent's name when another row has the same name (every
    commune has its "Phòng Văn hoá - Xã hội")."""
    by_code, seen = {u.code: u for u in units}, Counter(r.unit_name for r in rows)
    labels = {}
    for row in rows:
        parent = by_code.get(getattr(by_code.get(row.unit_code), "parent_code", None))
        labels[row.unit_code] = f"{row.unit_name} ({parent.name})" if parent and seen[row.unit_name] > 1 else row.unit_name
    return labels


def _titled(label: QLabel, widget: QWidget) -> QWidget:
    titled = QWidget()
    box(QVBoxLayout(titled), label, (widget, 1)).setContentsMargins(0, 4, 0, 0)
    return titled


class CompletenessWindow(ToolWindow):
    """Per unit of the scope, worst first: the table and the bars; for the selected unit its
    least complete dossiers; for the selected dossier what it lacks. Double-click opens it."""

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Mức đầy đủ của hồ sơ"))
        self.labels: dict[str | None, str] = {}  # unit code → the name shown (see unit_labels)
        self.units_table = RowsTable("units_table", RowsModel([
            Column(tr("Đơn vị"), lambda u: self.labels.get(u.unit_code, u.unit_name), width=250),
            Column(tr("Số người"), lambda u: count_text(u.people), lambda u: u.people, right=True, width=70),
            Column(tr("Mức đầy đủ trung bình"), lambda u: percent(u.average), lambda u: u.average, right=True,
                   width=165),
            Column(tr("Số hồ sơ đầy đủ"), lambda u: count_text(u.complete_count), lambda u: u.complete_count,
                   right=True, width=115)], tooltip=lambda u: u.unit_code, parent=self))
        self.units_table.horizontalHeader().setStretchLastSection(False)  # the unit's name takes the room
        self.units_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.units_table.selectionModel().currentRowChanged.connect(self._unit_selected)
        self.bars = CompletenessBars()
        self.bars.bar_clicked.connect(self.select_unit)
        self.bars_scroll = QScrollArea()
        self.bars_scroll.setWidgetResizable(True)
        self.bars_scroll.setWidget(self.bars)
        self.worst_table = RowsTable("worst_table", RowsModel([
            Column(tr("Họ và tên"), lambda w: w.full_name, lambda w: name_sort_key(w.full_name), width=220),
            Column(tr("Mức đầy đủ"), lambda w: percent(w.ratio), lambda w: w.ratio, right=True, width=90),
        ], person_id=lambda w: w.person_id, parent=self))
        self.worst_table.selectionModel().currentRowChanged.connect(self._person_selected)
        self.worst_table.doubleClicked.connect(self.open_row)
        self.worst_label, self.missing_label = QLabel(), QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_list = named(QListWidget(), "missing_list")
        self.missing_list.setSpacing(2)
        self.missing_list.itemDoubleClicked.connect(lambda _item: self._open_current_person())
        splitters = [QSplitter(Qt.Orientation.Horizontal), QSplitter(Qt.Orientation.Horizontal),
                     QSplitter(Qt.Orientation.Vertical)]
        for splitter, widgets, sizes in (
                (splitters[0], (self.units_table, self.bars_scroll), [700, 480]),
                (splitters[1], (_titled(self.worst_label, self.worst_table),
                                _titled(self.missing_label, self.missing_list)), [700, 480]),
                (splitters[2], splitters[:2], [460, 260])):
            for widget in widgets:
                splitter.addWidget(widget)
            splitter.setSizes(sizes)
        box(QVBoxLayout(self), self.scope_label, (splitters[2], 1), self.footer())
        self.resize(1200, 780)
        self.refresh()

    def refresh(self) -> None:
        service, unit = self.service, self.unit_code
        self.compute(lambda: (service.alerts.unit_completeness(unit, worst_count=WORST_COUNT), service.units.list_units()),
                     self._show_units)

    def _show_units(self, answer: tuple[list[Any], list[Any]]) -> None:
        rows, units = answer
        self.labels = unit_labels(rows, units)
        self.units_table.rows.set_rows(rows)
        self.bars.set_bars([(self.labels[r.unit_code], r.average) for r in rows])
        self.count_label.setText(tr("{units} đơn vị, {people} người, {complete} hồ sơ đầy đủ").format(
            units=count_text(len(rows)), people=count_text(sum(r.people for r in rows)),
            complete=count_text(sum(r.complete_count for r in rows))))
        self.status_label.setText(tr("Đơn vị có mức đầy đủ thấp nhất ở trên cùng.") if rows
                                  else tr("Không có hồ sơ đang công tác trong phạm vi này."))
        self.select_unit(0)
        if not rows:
            self._unit_selected(QModelIndex())

    def select_unit(self, index: int) -> None:
        """Select the unit of bar ``index`` (the service's order) in the table."""
        if (view_index := self.units_table.proxy.mapFromSource(self.units_table.rows.index(index, 0))).isValid():
            self.units_table.setCurrentIndex(view_index)

    def _unit_selected(self, current: QModelIndex, _previous: Any = None) -> None:
        unit = self.units_table.row_at(current.row()) if current.isValid() else None
        source = self.units_table.proxy.mapToSource(current).row() if current.isValid() else -1
        self.bars.set_current(source)
        if source >= 0:
            self.bars_scroll.ensureVisible(0, self.bars.row_rect(source).center().y(), 0, CompletenessBars.ROW)
        self.worst_table.rows.set_rows(unit.worst if unit else [])
        self.worst_label.setText(tr("Hồ sơ ít đầy đủ nhất của {unit}").format(unit=self.labels[unit.unit_code]) if unit
                                 else tr("Hồ sơ ít đầy đủ nhất"))
        if unit and unit.worst:
            self.worst_table.setCurrentIndex(self.worst_table.proxy.index(0, 0))
        else:
            self._show_missing(None)

    def _person_selected(self, current: QModelIndex, _previous: Any = None) -> None:
        self._show_missing(self.worst_table.row_at(current.row()) if current.isValid() else None)

    def _open_current_person(self) -> None:
        index = self.worst_table.currentIndex()
        self.open_person(index.data(IdRole) if index.isValid() else None)

    def _show_missing(self, person: Any | None) -> None:
        """One dossier's missing items: a single indexed query, fast enough for the UI thread."""
        self.missing_list.clear()
        if person is None:
            self.missing_label.setText(tr("Các mục còn thiếu"))
            return
        try:
            result = self.service.alerts.person_missing(person.person_id)
        except UserError as exc:
            self.missing_label.setText(str(exc))
            return
        self.missing_label.setText(tr("{name} ({ratio}) còn thiếu {count} mục — nhấp đúp để mở hồ sơ:").format(
            name=person.full_name, ratio=percent(result.ratio), count=len(result.missing)))
        self.missing_list.addItems([missing_text(item) for item in result.missing])


# --------------------------------------------------------------------------- data quality


def check_labels() -> dict[str, str]:
    """``app.quality.CHECKS`` as translatable strings (the same Vietnamese)."""
    return {
        "cccd_mismatch": tr("Số CCCD mâu thuẫn với ngày sinh hoặc giới tính"),
        "unknown_grade": tr("Mã ngạch không có trong danh mục"),
        "step_beyond_table": tr("Bậc lương vượt quá bậc cao nhất của ngạch"),
        "coefficient_mismatch": tr("Hệ số lương không khớp với bảng lương"),
        "work_gap": tr("Quá trình công tác bị gián đoạn"),
        "work_overlap": tr("Quá trình công tác trùng thời gian"),
        "work_open_row": tr("Quá trình công tác thiếu ngày kết thúc"),
        "past_retirement": tr("Quá tuổi nghỉ hưu nhưng vẫn đang công tác"),
        "salary_since_future": tr("Ngày hưởng lương ở tương lai"),
        "salary_history_mismatch": tr("Diễn biến lương không khớp với lương hiện tại"),
        "early_raise_invalid": tr("Số tháng nâng bậc trước thời hạn không hợp lệ"),
        "party_dates": tr("Ngày chính thức vào Đảng trước ngày vào Đảng"),
    }


class QualityWindow(ToolWindow):
    """Every issue of the scope's dossiers, grouped by person in name order (a header click sorts
    by that column), filtered by check; a double-click opens the dossier it is about."""

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Kiểm tra chất lượng dữ liệu"))
        labels = check_labels()
        order = {code: n for n, code in enumerate(labels)}
        self.check_combo = named(QComboBox(), "check_combo")
        self.check_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.check_combo.currentIndexChanged.connect(self._filter_changed)
        self.table = RowsTable("quality_table", RowsModel([
            Column(tr("Họ và tên"), lambda i: i.full_name, lambda i: name_sort_key(i.full_name), width=180),
            Column(tr("Số CCCD"), lambda i: i.cccd, width=110),
            Column(tr("Đơn vị"), lambda i: self.unit_names.get(i.unit_code or "", i.unit_code or ""), width=200),
            Column(tr("Vấn đề"), lambda i: labels.get(i.code, i.code), lambda i: order.get(i.code, 99), width=310),
            Column(tr("Chi tiết"), lambda i: i.message, width=300),  # stretches; the tooltip shows it whole
        ], person_id=lambda i: i.person_id, category=lambda i: i.code, tooltip=lambda i: i.message, parent=self))
        self.table.doubleClicked.connect(self.open_row)
        box(QVBoxLayout(self), box(QHBoxLayout(), QLabel(tr("Vấn đề")), self.check_combo, 1, self.scope_label),
            (self.table, 1), self.footer())
        self.resize(1240, 640)
        self.refresh()

    def refresh(self) -> None:
        service, unit = self.service, self.unit_code
        self.compute(lambda: service.alerts.quality_issues(unit), self._show_issues)

    def _show_issues(self, issues: list[Any]) -> None:
        self.table.rows.set_rows(issues)
        counts, wanted = Counter(i.code for i in issues), self.check_combo.currentData()
        self.check_combo.blockSignals(True)
        self.check_combo.clear()
        self.check_combo.addItem(tr("Tất cả ({count})").format(count=count_text(len(issues))), None)
        for code, label in check_labels().items():
            self.check_combo.addItem(f"{label} ({count_text(counts[code])})", code)
        self.check_combo.setCurrentIndex(max(0, self.check_combo.findData(wanted)))
        self.check_combo.blockSignals(False)
        self._filter_changed()
        self.status_label.setText(tr("Nhấp đúp vào một dòng để mở hồ sơ.") if issues
                                  else tr("Không phát hiện vấn đề nào."))

    def _filter_changed(self, *_args: object) -> None:
        code = self.check_combo.currentData()
        self.table.show_only(None if code is None else [code])
        shown = self.table.shown_rows()
        self.count_label.setText(tr("{issues} vấn đề ở {people} hồ sơ").format(
            issues=count_text(len(shown)), people=count_text(len({i.person_id for i in shown}))))


# --------------------------------------------------------------------------- the count in the status bar


def show_alert_count(window: QMainWindow, service: HoSoService,
                     current_unit: Callable[[], str | None] = lambda: None) -> QLabel:
    """The status bar's "N việc đến hạn", a link to the alerts panel (on ``current_unit()``),
    counted off the UI thread as of today within ``COUNT_MONTHS``, overdue included — what the
    panel shows when it opens. Calling it again counts again."""
    label = window.findChild(QLabel, "alert_count_label")
    if label is None:
        label = named(QLabel(), "alert_count_label")
        label.setContentsMargins(8, 0, 8, 0)
        label.linkActivated.connect(lambda _link: show_alerts(window, service, current_unit()))
        window.statusBar().addPermanentWidget(label)
    as_of = today()
    label.setText(tr("Đang tính cảnh báo đến hạn…"))
    run_in_background(label, "", lambda _r, _c: service.alerts.alerts(as_of, COUNT_MONTHS, overdue_months=OVERDUE_MONTHS),
                      lambda alerts: _show_count(label, alerts, as_of), lambda _exc: label.setText(""),
                      show_progress=False)
    return label


def _show_count(label: QLabel, alerts: list[Any], as_of: dt.date) -> None:
    text = tr("Cảnh báo: {count} việc đến hạn trong {months} tháng tới").format(count=count_text(len(alerts)),
                                                                              months=COUNT_MONTHS)
    if late := sum(1 for a in alerts if a.overdue):
        text += tr(", {count} việc quá hạn").format(count=count_text(late))
    label.setProperty("count", len(alerts))
    label.setText(f'<a href="alerts">{text}</a>')
    label.setToolTip(tr("Nghỉ hưu, nâng bậc lương, phụ cấp thâm niên vượt khung, hết tập sự — tính đến ngày {date}."
                        "\nBấm để xem chi tiết (Công cụ → Cảnh báo đến hạn).").format(date=vn_date(as_of)))
