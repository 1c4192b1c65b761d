"""The person list: search box (filters as you type), filters, the lazy table, the column chooser.

Typing restarts a short timer; when it fires, the first page of the new list and the rows the view
will paint first are fetched on a worker thread, then the model swaps them in: the UI thread only
paints (issue 17). A newer request makes older answers stale and cancels the older work (a count
still running for "n" is stopped, not left to compete with the next keystroke).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.fields import STAFF_TYPE_LABELS, STATUS_LABELS
from app.listing import AGE_BANDS, SCREEN_PAGE, ListPage, PersonFilter, Superseded
from app.services import HoSoService
from ui import settings
from ui.background import BackgroundOp, run_in_background
from ui.events import DataEvents
from ui.people_model import COLUMNS, PeopleTableModel
from ui.widgets.catalog_texts import grade_label
from ui.widgets.headers import fit_sections

DEBOUNCE_MS = 150
AFTER_PAINT_WAIT_MS = 100


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def _combo(name: str, items: list[tuple[str, object]], width: int = 13) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    # the filter bar must not force a wide window: show ~width characters, the popup shows all
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(width)
    # ...and take the room the list has, so a longer entry ("Party membership: all") shows whole
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    for label, value in items:
        combo.addItem(label, value)
    combo.setToolTip(combo.currentText())
    combo.currentTextChanged.connect(combo.setToolTip)
    return combo


class PersonList(QObject):
    """Emits ``current_changed(person id or None)`` and ``activated(person id)``."""

    current_changed = Signal(object)
    activated = Signal(object)
    list_loaded = Signal(int)  # the list and its count are shown
    page_shown = Signal(int)  # its first rows are shown (the count may follow)
    loading = Signal()  # a new list is being read (the preview waits for it: it would compete)

    def __init__(self, service: HoSoService, events: DataEvents, parent: QWidget):
        super().__init__(parent)
        self.service, self.window = service, parent
        self.filter = PersonFilter(include_subunits=settings.get(settings.INCLUDE_SUBUNITS))
        self.sort: tuple[str | None, bool] = (None, False)
        self._generation = 0
        self._ops: list[BackgroundOp] = []  # the list's work still running (cancelled when superseded)
        self._sized_for: tuple[str, ...] = ()
        self._painted_work: Callable[[], None] | None = None  # waits for the view's next paint
        self.model = PeopleTableModel(service.people.person_rows, self)
        saved = [k for k in settings.get(settings.COLUMNS).split(",") if k]
        if saved:
            self.model.set_columns(saved)
        self.widget = self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.reload)
        events.people_changed.connect(self._people_changed)
        events.units_changed.connect(self.reload)

    # --- building ------------------------------------------------------------------------------
    def _build(self) -> QWidget:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(tr("Tìm theo họ tên, số CCCD, đơn vị… (Ctrl+F)"))
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.sex_combo = _combo("sex_combo", [(tr("Giới tính: tất cả"), None), (tr("Nam"), "Nam"), (tr("Nữ"), "Nữ")])
        self.type_combo = _combo("type_combo", [(tr("Loại: tất cả"), None)]
                                 + [(QCoreApplication.translate("Fields", label), key)
                                    for key, label in STAFF_TYPE_LABELS.items()])
        self.status_combo = _combo("status_combo", [(QCoreApplication.translate("Fields", STATUS_LABELS["working"]),
                                                     ("working",)),
                                                    (tr("Mọi tình trạng"), ())]
                                   + [(QCoreApplication.translate("Fields", label), (key,))
                                      for key, label in STATUS_LABELS.items() if key != "working"])
        self.age_combo = _combo("age_combo", [(tr("Độ tuổi: tất cả"), None)]
                                + [(tr("Tuổi {band}").format(band=band), band) for band in AGE_BANDS])
        self.party_combo = _combo("party_combo", [(tr("Đảng viên: tất cả"), None), (tr("Là đảng viên"), True),
                                                  (tr("Không là đảng viên"), False)])
        self.grade_combo = _combo("grade_combo", [(tr("Ngạch: tất cả"), None)]
                                  + [(grade_label(g.code, g.name), g.code) for g in self.service.units.grades()])
        self.subunits_check = QCheckBox(tr("Gồm đơn vị trực thuộc"))
        self.subunits_check.setObjectName("subunits_check")
        self.subunits_check.setChecked(self.filter.include_subunits)
        for combo in (self.sex_combo, self.type_combo, self.status_combo, self.age_combo, self.party_combo,
                      self.grade_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.subunits_check.toggled.connect(self._filters_changed)
        # filters and sorts on a field this role sees masked are not offered (the services refuse them)
        self.allowed = self.service.people.filters_allowed()
        self.party_combo.setVisible(self.allowed["party_member"])
        self.table = QTableView()
        self.table.setObjectName("people_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._header_clicked)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.activated.emit(self.model.id_at(index.row())))
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().currentRowChanged.connect(
            lambda cur, _prev: self.current_changed.emit(self.model.id_at(cur.row())))
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")
        filters = QGridLayout()
        for i, w in enumerate((self.sex_combo, self.type_combo, self.status_combo, self.age_combo,
                               self.party_combo, self.grade_combo)):
            filters.addWidget(w, i // 3, i % 3)
        for column in range(3):
            filters.setColumnStretch(column, 1)
        layout = QVBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        widget = QWidget()
        widget.setLayout(layout)
        return widget

    # --- filtering -----------------------------------------------------------------------------
    def set_unit(self, unit_id: uuid.UUID | None) -> None:
        self.filter = replace(self.filter, unit_id=unit_id)
        self.reload()

    def _filters_changed(self, *_args: object) -> None:
        settings.put(settings.INCLUDE_SUBUNITS, self.subunits_check.isChecked())
        self.reload()

    def current_filter(self) -> PersonFilter:
        return replace(self.filter, query=self.search_edit.text(), sex=self.sex_combo.currentData(),
                       staff_type=self.type_combo.currentData(), statuses=self.status_combo.currentData(),
                       age_band=self.age_combo.currentData(),
                       party_member=self.party_combo.currentData() if self.allowed["party_member"] else None,
                       grade_code=self.grade_combo.currentData(),
                       include_subunits=self.subunits_check.isChecked())

    def _first_rows(self) -> int:
        """How many rows the view paints first (those on screen, and a few more)."""
        return max(40, self.table.viewport().height() // max(1, self.table.verticalHeader().defaultSectionSize()) + 8)

    def _page_size(self) -> int:
        """How many keys a keystroke asks for: a screenful and a margin; scrolling past them reads
        the whole list (``PeopleTableModel.set_page``)."""
        return max(SCREEN_PAGE, self._first_rows() + 20)

    def _supersede(self) -> int:
        """A new request: older answers become stale and older work is told to stop."""
        self._generation += 1
        for op in self._ops:
            op.cancel()
        self._ops = []
        return self._generation

    def reload(self) -> None:
        """Fetch the first page of the list for the current filter and sort, and the rows shown
        first, off the UI thread."""
        self._timer.stop()
        generation = self._supersede()
        self.loading.emit()
        flt, (sort, descending), first, size = self.current_filter(), self.sort, self._first_rows(), self._page_size()
        people = self.service.people

        def work(_report: object, cancelled: Callable[[], bool]) -> tuple[ListPage, list] | None:
            try:
                page = people.person_page(flt, sort, descending, count=False, size=size, cancelled=cancelled)
            except Superseded:
                return None
            if cancelled():
                return None
            return page, people.person_rows(page.keys[:first])

        def failed(_exc: BaseException) -> None:  # logged by ui.background; the list stays as it was
            if generation == self._generation:
                self.current_changed.emit(self.current_id())  # the preview, held while loading, resumes

        self._ops.append(run_in_background(self.window, "", work,
                                           lambda found: found and self._apply(generation, *found, flt),
                                           failed, show_progress=False, urgent=True))

    def reload_now(self) -> None:
        """Synchronous reload (start-up and tests)."""
        generation = self._supersede()
        sort, descending = self.sort
        flt = self.current_filter()
        page = self.service.people.person_page(flt, sort, descending, size=self._page_size())
        self._apply(generation, page, self.service.people.person_rows(page.keys[:self._first_rows()]), flt)

    def _apply(self, generation: int, page: ListPage, rows: list, flt: PersonFilter) -> None:
        if generation != self._generation:
            return  # a newer request is on its way
        current = self.current_id()
        sort, descending = self.sort  # the full list is read only if the user scrolls past the page
        self.model.set_page(page.keys, page.total, lambda: self.service.people.person_keys(flt, sort, descending),
                            rows=rows)
        row = self.model.row_of(current, read_all=False) if current else -1
        self.table.selectRow(row if row >= 0 else 0)
        self.page_shown.emit(len(page.keys))
        by_relevance = self._show_order()
        if page.total is None:  # a long list: its first rows are shown, its count follows
            people = self.service.people

            def count(_report: object, cancelled: Callable[[], bool]) -> int | None:
                try:
                    return None if cancelled() else people.person_count(flt, cancelled=cancelled)
                except Superseded:
                    return None

            def start_count() -> None:
                if generation == self._generation:
                    self._ops.append(run_in_background(
                        self.window, "", count,
                        lambda total: total is not None and self._counted(generation, total, by_relevance),
                        show_progress=False, urgent=True))

            self._after_paint(start_count)
        else:
            self._counted(generation, page.total, by_relevance)

    def _after_paint(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the view has painted the rows just set (at once if it is not on
        screen): the count's worker would otherwise compete with that paint for the interpreter
        (each cell painted calls the model in Python), issue 17. A paint that does not come (the
        window covered) is waited for AFTER_PAINT_WAIT_MS at most."""
        self._painted_work = work
        viewport = self.table.viewport()
        if not viewport.isVisible():
            self._run_after_paint()
            return
        viewport.installEventFilter(self)
        QTimer.singleShot(AFTER_PAINT_WAIT_MS, lambda: self._painted_work is work and self._run_after_paint())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and self._painted_work is not None:
            QTimer.singleShot(0, self._run_after_paint)  # queued: runs once this paint is done
        return False

    def _run_after_paint(self) -> None:
        self.table.viewport().removeEventFilter(self)
        work, self._painted_work = self._painted_work, None
        if work is not None:
            work()

    def _counted(self, generation: int, total: int, by_relevance: bool = False) -> None:
        if generation != self._generation:
            return
        self.model.set_total(total)
        count = tr("{count} hồ sơ").format(count=QLocale().toString(total))  # 1.963 / 1,963 by language
        if by_relevance:
            count += " · " + tr("xếp theo mức độ phù hợp với từ tìm")
        self.count_label.setText(count)
        self.list_loaded.emit(total)

    def _show_order(self) -> bool:
        """The header's sort indicator tells the order the rows are really in: the column clicked, the
        name when nothing was chosen, and none at all while a search ranks the rows by relevance
        (returns True then)."""
        key, descending = self.sort
        by_relevance = key is None and bool(self.search_edit.text().strip())
        if key is None:
            key = None if by_relevance else "full_name"
        keys = [c.key for c in self.model.columns]
        section = keys.index(key) if key in keys else -1
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header = self.table.horizontalHeader()
        header.setSortIndicator(section, order)
        header.setSortIndicatorShown(section >= 0)
        return by_relevance

    def _after_reset(self) -> None:
        keys = tuple(c.key for c in self.model.columns)
        if keys != self._sized_for:  # new columns get their default widths; a user's widths stay
            self._sized_for = keys
            fit_sections(self.table.horizontalHeader(), (column.width for column in self.model.columns))
        self.current_changed.emit(self.current_id())

    def current_id(self) -> uuid.UUID | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_person(self, person_id: uuid.UUID) -> None:
        row = self.model.row_of(person_id)
        if row >= 0:
            self.table.selectRow(row)

    def _people_changed(self, ids: list) -> None:
        self.model.invalidate(ids or None)
        self.reload()

    # --- sorting and columns -------------------------------------------------------------------
    def _header_clicked(self, section: int) -> None:
        key = self.model.columns[section].key
        if not self.allowed.get(key, True):
            return
        current, descending = self.sort
        self.sort = (key, not descending if current == key else False)
        self._show_order()
        self.reload()

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self.table)
        shown = {c.key for c in self.model.columns}
        for column in COLUMNS:
            action = QAction(QCoreApplication.translate("PeopleModel", column.header), menu)
            action.setCheckable(True)
            action.setChecked(column.key in shown)
            action.toggled.connect(lambda on, key=column.key: self.toggle_column(key, on))
            menu.addAction(action)
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))

    def toggle_column(self, key: str, on: bool) -> None:
        keys = [c.key for c in COLUMNS if (c.key in {x.key for x in self.model.columns} or c.key == key)
                and (on or c.key != key)]
        self.model.set_columns(keys)
        settings.put(settings.COLUMNS, ",".join(keys))
        self._show_order()  # the sorted column may have moved or gone
