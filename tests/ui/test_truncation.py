"""No column title or field label is cut, in Vietnamese or English (issue 19 item 10: "Chú" for
"Chức vụ", "Date of birth", "Nơi cấp CCCD"): every visible header section is at least as wide as
its title measured with the header's font metrics, and every field label of every editor page is
as wide and tall as its text needs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QTabWidget, QWidget

from ui import main_window
from ui.editor.person_editor import PersonEditor
from ui.people_model import COLUMNS
from ui.widgets.headers import title_width


def cut_titles(view: QTableView) -> list[str]:
    header: QHeaderView = view.horizontalHeader()
    model, cut = view.model(), []
    last = max((header.logicalIndex(v) for v in range(header.count())
                if not header.isSectionHidden(header.logicalIndex(v))), default=-1)
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = str(model.headerData(section, Qt.Orientation.Horizontal) or "")
        size = header.sectionSize(section)
        text_room = size - 2 * header.style().pixelMetric(header.style().PixelMetric.PM_HeaderMargin, None, header)
        if header.fontMetrics().horizontalAdvance(text) > text_room or \
                (section != last and size < title_width(header, section)):
            cut.append(f"{text!r}: {size} px < {title_width(header, section)} px")
    return cut


def cut_labels(top: QWidget) -> list[str]:
    cut = []
    for label in top.findChildren(QLabel):
        if not label.objectName().endswith("_label") or not label.isVisibleTo(top) or not label.text():
            continue
        room = label.contentsRect()
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                cut.append(f"{label.text()!r}: {label.height()} px high < {label.heightForWidth(label.width())}")
            longest = max(label.fontMetrics().horizontalAdvance(word) for word in label.text().split())
            if longest > room.width():
                cut.append(f"{label.text()!r}: a word wider than {room.width()} px")
        elif label.fontMetrics().horizontalAdvance(label.text()) > room.width():
            cut.append(f"{label.text()!r}: {room.width()} px wide < {label.fontMetrics().horizontalAdvance(label.text())}")
    return cut


def test_no_list_header_is_cut(qtbot, language, service, full_person, monkeypatch) -> None:
    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    window.resize(1100, 650)
    window.show()
    people = window.people
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=5000)
    assert not cut_titles(people.table), cut_titles(people.table)
    for column in COLUMNS:  # every optional column too, as the column menu adds it
        people.toggle_column(column.key, True)
    qtbot.waitUntil(lambda: people.model.columnCount() == len(COLUMNS), timeout=5000)
    qtbot.wait(50)
    assert not cut_titles(people.table), cut_titles(people.table)
    position = [c.key for c in people.model.columns].index("position")
    header = people.table.horizontalHeader()
    assert header.sectionSize(position) >= header.fontMetrics().horizontalAdvance(
        str(people.model.headerData(position, Qt.Orientation.Horizontal)))


def test_no_editor_label_or_table_title_is_cut(qtbot, language, service, full_person) -> None:
    editor = PersonEditor(service, full_person)
    qtbot.addWidget(editor)
    editor.resize(1024, 700)  # the smallest screen HoSo is laid out for
    editor.show()
    problems: list[str] = []
    tabs = [t for t in editor.findChildren(QTabWidget) if t.isVisibleTo(editor)]
    pages = [(tab, i) for tab in tabs for i in range(tab.count())]
    for tab, index in pages:
        tab.setCurrentIndex(index)
        qtbot.wait(10)
        page = tab.widget(index)
        problems += [f"{tab.tabText(index)}: {p}" for p in cut_labels(page)]
        for view in page.findChildren(QTableView):
            if view.isVisibleTo(page):
                problems += [f"{tab.tabText(index)}: {p}" for p in cut_titles(view)]
    assert len(pages) > 5
    assert not problems, "\n".join(problems)
    labels = {label.text() for label in editor.findChildren(QLabel)}
    assert ("Nơi cấp CCCD" if language == "vi" else "ID card place of issue") in labels
