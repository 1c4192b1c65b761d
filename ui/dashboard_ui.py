"""Công cụ → Mức đầy đủ của hồ sơ (per-unit completeness with a bar chart, the least complete
dossiers and what each lacks) and Công cụ → Kiểm tra chất lượng dữ liệu (the issues of the
unit's dossiers, filtered by check). Both are ``ToolWindow``s (see ``ui/alerts_ui.py``)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.service import HoSoService
from app.text import name_sort_key
from ui.alerts_ui import (
    Column,
    RowFilter,
    RowsModel,
    ToolWindow,
    box,
    count_text,
    make_table,
    named,
    percent,
    tr,
)

WORST_COUNT = 10


def _level_colour(ratio: float) -> QColor:
    if ratio < 0.6:
        return QColor("#d9534f")
    if ratio < 0.9:
        return QColor("#f0ad4e")
    return QColor("#4caf50")


class CompletenessBars(QWidget):
    """One horizontal bar per unit: the average completeness, drawn with QPainter (no QtCharts).
    Bars keep the order they are given (worst first); ``bar_clicked(index)`` when one is clicked.
    As tall as its bars: put it in a QScrollArea."""

    bar_clicked = Signal(int)
    ROW = 22
    TOP = 22  # the percent scale above the bars
    TICKS = (0, 25, 50, 75, 100)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("completeness_bars")
        self._bars: list[tuple[str, float]] = []
        self._current = -1
        self.setMinimumHeight(self._content_height())

    def set_bars(self, bars: list[tuple[str, float]]) -> None:
        self._bars, self._current = list(bars), -1
        self.setMinimumHeight(self._content_height())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, float]]:
        return list(self._bars)

    def set_current(self, index: int) -> None:
        self._current = index
        self.update()

    def row_rect(self, index: int) -> QRect:
        return QRect(0, self.TOP + index * self.ROW, self.width(), self.ROW)

    def _content_height(self) -> int:
        return self.TOP + max(len(self._bars), 1) * self.ROW + 6

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(460, self._content_height())

    def _geometry(self) -> tuple[int, int, int]:
        """(label width, where bars start, the width of 100 %)."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(name) for name, _ in self._bars), default=0) + 12
        label = min(widest, 260, int(self.width() * 0.45))
        value = metrics.horizontalAdvance("100,0 %") + 10
        return label, label + 8, max(self.width() - label - 8 - value, 20)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        if not self._bars:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Chưa có số liệu"))
            return
        label_w, x0, span = self._geometry()
        self._paint_scale(painter, x0, span)
        first = max(0, (event.rect().top() - self.TOP) // self.ROW)
        last = min(len(self._bars), (event.rect().bottom() - self.TOP) // self.ROW + 1)
        metrics = self.fontMetrics()
        text = palette.color(QPalette.ColorRole.Text)
        for i in range(first, last):
            name, ratio = self._bars[i]
            row = self.row_rect(i)
            if i == self._current:
                highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
                highlight.setAlpha(60)
                painter.fillRect(row, highlight)
            painter.setPen(text)
            painter.drawText(QRect(0, row.top(), label_w, self.ROW), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, metrics.elidedText(name, Qt.TextElideMode.ElideRight, label_w))
            bar = QRectF(x0, row.top() + 4, span * min(max(ratio, 0.0), 1.0), self.ROW - 8)
            colour = _level_colour(ratio)
            painter.fillRect(bar, colour.darker(125) if i == self._current else colour)
            painter.drawText(QRectF(bar.right() + 5, row.top(), 80, self.ROW), Qt.AlignmentFlag.AlignLeft
                             | Qt.AlignmentFlag.AlignVCenter, percent(ratio))
        painter.end()

    def _paint_scale(self, painter: QPainter, x0: int, span: int) -> None:
        grid = QColor(self.palette().color(QPalette.ColorRole.Mid))
        grid.setAlpha(90)
        bottom = self.TOP + len(self._bars) * self.ROW
        for tick in self.TICKS:
            x = x0 + span * tick // 100
            painter.setPen(grid)
            painter.drawLine(x, self.TOP - 3, x, bottom)
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(QRect(x - 30, 0, 60, self.TOP - 4), Qt.AlignmentFlag.AlignHCenter
                             | Qt.AlignmentFlag.AlignBottom, f"{tick} %")

    def index_at(self, point: QPoint) -> int:
        index = (point.y() - self.TOP) // self.ROW if point.y() >= self.TOP else -1
        return index if 0 <= index < len(self._bars) else -1

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        index = self.index_at(event.position().toPoint())
        if index >= 0:
            self.bar_clicked.emit(index)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.index_at(event.pos())
            if index >= 0:
                name, ratio = self._bars[index]
                QToolTip.showText(event.globalPos(), f"{name}: {percent(ratio)}", self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


def _missing_text(item: Any) -> str:
    """"Dân tộc (mục 6)"; "Ảnh 4 x 6" for an item without a number."""
    if item.item[:1].isdigit():
        return tr("{label} (mục {item})").format(label=item.label, item=item.item)
    return item.label if item.item in item.label else f"{item.label} ({item.item})"


def unit_columns() -> list[Column]:
    return [
        Column(tr("Đơn vị"), lambda u: u.unit_name, width=260),
        Column(tr("Số người"), lambda u: count_text(u.people), lambda u: u.people, right=True, width=75),
        Column(tr("Mức đầy đủ trung bình"), lambda u: percent(u.average), lambda u: u.average, right=True, width=150),
        Column(tr("Số hồ sơ đầy đủ"), lambda u: count_text(u.complete_count), lambda u: u.complete_count, right=True,
               width=110),
    ]


def worst_columns() -> list[Column]:
    return [Column(tr("Họ và tên"), lambda w: w.full_name, lambda w: name_sort_key(w.full_name), width=200),
            Column(tr("Mức đầy đủ"), lambda w: percent(w.ratio), lambda w: w.ratio, right=True, width=90)]


class CompletenessWindow(ToolWindow):
    """Per unit of the scope, worst first: the table and the bars; for the selected unit its
    least complete dossiers; for the selected dossier what it lacks. Double-click opens it."""

    STATE_KEY = "completeness"

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Mức đầy đủ của hồ sơ"))
        self.units_model = RowsModel(unit_columns(), parent=self)
        self.units_proxy = RowFilter(self)
        self.units_table = make_table("units_table", self.units_model, self.units_proxy)
        self.units_table.selectionModel().currentRowChanged.connect(self._unit_selected)
        self.bars = CompletenessBars()
        self.bars.bar_clicked.connect(self.select_unit)
        self.bars_scroll = QScrollArea()
        self.bars_scroll.setWidgetResizable(True)
        self.bars_scroll.setWidget(self.bars)
        self.worst_model = RowsModel(worst_columns(), person_id=lambda w: w.person_id, parent=self)
        self.worst_proxy = RowFilter(self)
        self.worst_table = make_table("worst_table", self.worst_model, self.worst_proxy)
        self.worst_table.selectionModel().currentRowChanged.connect(self._person_selected)
        self.worst_table.doubleClicked.connect(self.open_row)
        self.worst_label = QLabel(tr("Hồ sơ ít đầy đủ nhất"))
        self.missing_label = QLabel(tr("Các mục còn thiếu"))
        self.missing_label.setWordWrap(True)
        self.missing_list = named(QListWidget(), "missing_list")
        self.missing_list.itemDoubleClicked.connect(lambda _item: self.open_person(self.current_person()))
        self.count_label = named(QLabel(), "count_label")
        refresh = QPushButton(tr("Tính lại"))
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.refresh)
        self._layout(refresh)
        self.restore_geometry(1200, 760)
        self.refresh()

    def _layout(self, refresh: QPushButton) -> None:
        top, bottom, split = (QSplitter(Qt.Orientation.Horizontal), QSplitter(Qt.Orientation.Horizontal),
                              QSplitter(Qt.Orientation.Vertical))
        for splitter, widgets, sizes in ((top, (self.units_table, self.bars_scroll), [600, 560]),
                                         (bottom, (_titled(self.worst_label, self.worst_table),
                                                   _titled(self.missing_label, self.missing_list)), [600, 560]),
                                         (split, (top, bottom), [470, 230])):
            for widget in widgets:
                splitter.addWidget(widget)
            splitter.setSizes(sizes)
        box(QVBoxLayout(self), box(QHBoxLayout(), (self.scope_label, 1), refresh), (split, 1),
            box(QHBoxLayout(), self.count_label, self.busy_bar, (self.status_label, 1), self.close_button))

    def refresh(self) -> None:
        service, unit = self.service, self.unit_code
        self.compute(lambda: service.unit_completeness(unit, worst_count=WORST_COUNT), self._show_units)

    def _show_units(self, rows: list[Any]) -> None:
        self.units_model.set_rows(rows)
        self.bars.set_bars([(r.unit_name, r.average) for r in rows])
        people = sum(r.people for r in rows)
        self.count_label.setText(tr("{units} đơn vị, {people} người, {complete} hồ sơ đầy đủ").format(
            units=count_text(len(rows)), people=count_text(people),
            complete=count_text(sum(r.complete_count for r in rows))))
        self.status_label.setText(tr("Đơn vị có mức đầy đủ thấp nhất ở trên cùng.") if rows
                                  else tr("Không có hồ sơ đang công tác trong phạm vi này."))
        if rows:
            self.select_unit(0)
        else:
            self._unit_selected(QModelIndex(), QModelIndex())

    def select_unit(self, index: int) -> None:
        """Select the unit of bar ``index`` (the service's order) in the table."""
        view_index = self.units_proxy.mapFromSource(self.units_model.index(index, 0))
        if view_index.isValid():
            self.units_table.setCurrentIndex(view_index)

    def current_unit(self) -> Any | None:
        index = self.units_table.currentIndex()
        return self.units_proxy.row_at(index.row()) if index.isValid() else None

    def current_person(self) -> Any | None:
        index = self.worst_table.currentIndex()
        row = self.worst_proxy.row_at(index.row()) if index.isValid() else None
        return row.person_id if row is not None else None

    def _unit_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        unit = self.units_proxy.row_at(current.row()) if current.isValid() else None
        source = self.units_proxy.mapToSource(current).row() if current.isValid() else -1
        self.bars.set_current(source)
        if source >= 0:
            self.bars_scroll.ensureVisible(0, self.bars.row_rect(source).center().y(), 0, CompletenessBars.ROW)
        self.worst_model.set_rows(unit.worst if unit else [])
        self.worst_label.setText(tr("Hồ sơ ít đầy đủ nhất của {unit}").format(unit=unit.unit_name) if unit
                                 else tr("Hồ sơ ít đầy đủ nhất"))
        if unit and unit.worst:
            self.worst_table.setCurrentIndex(self.worst_proxy.index(0, 0))
        else:
            self._show_missing(None)

    def _person_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_missing(self.worst_proxy.row_at(current.row()) if current.isValid() else None)

    def _show_missing(self, person: Any | None) -> None:
        """One dossier's missing items: a single indexed query, fast enough for the UI thread."""
        self.missing_list.clear()
        if person is None:
            self.missing_label.setText(tr("Các mục còn thiếu"))
            return
        try:
            result = self.service.person_missing(person.person_id)
        except UserError as exc:
            self.missing_label.setText(str(exc))
            return
        self.missing_label.setText(tr("{name} ({ratio}) còn thiếu {count} mục — nhấp đúp để mở hồ sơ:").format(
            name=person.full_name, ratio=percent(result.ratio), count=len(result.missing)))
        self.missing_list.addItems([_missing_text(item) for item in result.missing])


def _titled(label: QLabel, widget: QWidget) -> QWidget:
    titled = QWidget()
    box(QVBoxLayout(titled), label, (widget, 1)).setContentsMargins(0, 4, 0, 0)
    return titled


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
    """Every issue of the scope's dossiers (grouped by person in name order; a click on a header
    sorts), filtered by check; each row links to its dossier (double-click)."""

    STATE_KEY = "quality"

    def __init__(self, parent: QWidget | None, service: HoSoService, unit_code: str | None = None):
        super().__init__(parent, service, unit_code, tr("Kiểm tra chất lượng dữ liệu"))
        labels = check_labels()
        order = {code: n for n, code in enumerate(labels)}
        self.check_combo = named(QComboBox(), "check_combo")
        self.check_combo.currentIndexChanged.connect(self._filter_changed)
        self.model = RowsModel([
            Column(tr("Họ và tên"), lambda i: i.full_name, lambda i: name_sort_key(i.full_name), width=180),
            Column(tr("Số CCCD"), lambda i: i.cccd, width=110),
            Column(tr("Đơn vị"), self.unit_name, width=220),
            Column(tr("Vấn đề"), lambda i: labels.get(i.code, i.code), lambda i: order.get(i.code, 99), width=270),
            Column(tr("Chi tiết"), lambda i: i.message, width=420),
        ], person_id=lambda i: i.person_id, tooltip=lambda i: i.message, parent=self)
        self.proxy = RowFilter(self)
        self.table = make_table("quality_table", self.model, self.proxy)
        self.table.doubleClicked.connect(self.open_row)
        self.count_label = named(QLabel(), "count_label")
        refresh = QPushButton(tr("Kiểm tra lại"))
        refresh.setAutoDefault(False)
        refresh.clicked.connect(self.refresh)
        box(QVBoxLayout(self),
            box(QHBoxLayout(), QLabel(tr("Vấn đề")), self.check_combo, 1, self.scope_label, refresh),
            (self.table, 1),
            box(QHBoxLayout(), self.count_label, self.busy_bar, (self.status_label, 1), self.close_button))
        self.restore_geometry(1240, 640)
        self.refresh()

    def unit_name(self, issue: Any) -> str:
        return (self.unit_names or {}).get(issue.unit_code, issue.unit_code or "")

    def refresh(self) -> None:
        service, unit = self.service, self.unit_code
        self.compute(lambda: service.quality_issues(unit), self._show_issues)

    def _show_issues(self, issues: list[Any]) -> None:
        self.model.set_rows(issues)
        counts = Counter(i.code for i in issues)
        wanted = self.check_combo.currentData()
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
        self.proxy.set_accept(None if code is None else (lambda i: i.code == code))
        shown = self.proxy.shown_rows()
        self.count_label.setText(tr("{issues} vấn đề ở {people} hồ sơ").format(
            issues=count_text(len(shown)), people=count_text(len({i.person_id for i in shown}))))
