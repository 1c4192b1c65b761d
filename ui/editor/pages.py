"""Lay out one editor page: groups of field rows on a grid, section tables, inner tabs."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.fields import SECTION_LABELS
from ui.editor.layout import CONTEXT, SECTION_TABS, Group, Page
from ui.editor.section_table import SectionTable
from ui.widgets.field_row import FieldRow
from ui.widgets.text_edits import BoolCheck, LongTextEdit

LABEL_WIDTH = 210


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def tr_layout(text: str) -> str:
    """Titles declared in ui/editor/layout.py (marked there with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate(CONTEXT, text)


def fit_label(label: QLabel, width: int = LABEL_WIDTH) -> None:
    """A fixed-width label tall enough for its wrapped lines (grids do not ask labels for
    height-for-width, so a long Vietnamese label would otherwise be cut)."""
    label.setContentsMargins(0, 4, 0, 0)
    label.setFixedWidth(width)
    label.setMinimumHeight(label.heightForWidth(width))


def group_box(title: str, rows: Sequence[FieldRow]) -> QGroupBox:
    """Short fields two to a line (label, field, label, field); long text takes a whole line."""
    box = QGroupBox(tr_layout(title))
    grid = QGridLayout(box)
    grid.setHorizontalSpacing(10)
    grid.setVerticalSpacing(6)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(3, 1)
    grid.setColumnMinimumWidth(0, LABEL_WIDTH)
    grid.setColumnMinimumWidth(2, LABEL_WIDTH)
    line, half = 0, 0
    for row in rows:
        wide = isinstance(row.widget, LongTextEdit)
        if wide and half:
            line, half = line + 1, 0
        fit_label(row.label)
        flag = Qt.AlignmentFlag
        # every label at the top of its grid line, like its field: a neighbour's error message makes
        # the line taller, and a centred label would then drift away from a top-held checkbox
        if isinstance(row.widget, BoolCheck):
            row.label.setMinimumHeight(row.widget.sizeHint().height())
            row.label.setAlignment(flag.AlignLeft | flag.AlignVCenter)
        grid.addWidget(row.label, line, half * 2, flag.AlignLeft | flag.AlignTop)
        grid.addWidget(row, line, half * 2 + 1, 1, 3 if wide else 1)
        if wide or half:
            line, half = line + 1, 0
        else:
            half = 1
    return box


def section_box(table: SectionTable, title: str | None = None) -> QGroupBox:
    box = QGroupBox(title or QCoreApplication.translate("Fields", SECTION_LABELS[table.section]))
    column = QVBoxLayout(box)
    column.addWidget(table)
    return box


def scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    return area


def build_page(page: Page, make_rows: Callable[[Group], list[FieldRow]],
               make_table: Callable[[str], SectionTable], header: QWidget | None = None) -> QWidget:
    """The page's widget; rows and tables are created through the callbacks, in page order."""
    if page.nested:
        return _nested_page(page, make_rows, make_table)
    content = QWidget()
    column = QVBoxLayout(content)
    if header is not None:
        column.addWidget(header)
    for group in page.groups:
        column.addWidget(group_box(group.title, make_rows(group)))
    for name in page.sections:
        column.addWidget(section_box(make_table(name)), 1)
    if page.sections:
        return content
    column.addStretch(1)
    return scrolling(content)


def _nested_page(page: Page, make_rows: Callable[[Group], list[FieldRow]],
                 make_table: Callable[[str], SectionTable]) -> QTabWidget:
    tabs = QTabWidget()
    tabs.setObjectName(f"{page.key}_tabs")
    tabs.setDocumentMode(True)
    for name in page.sections:
        table = make_table(name)
        inner = QWidget()
        column = QVBoxLayout(inner)
        heading = QLabel(QCoreApplication.translate("Fields", SECTION_LABELS[name]))
        heading.setStyleSheet("font-weight: bold")
        column.addWidget(heading)
        column.addWidget(table, 1)
        tabs.addTab(inner, tr_layout(SECTION_TABS[name]))
    for group in page.groups:
        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(group_box(group.title, make_rows(group)))
        column.addStretch(1)
        tabs.addTab(scrolling(content), tr_layout(group.title))
    return tabs
