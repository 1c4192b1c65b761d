"""The main window with real widgets (offscreen): list model, search as you type (input-method
commits, as Unikey/ibus send them), unit filter, columns, sorting, preview, transfer, delete."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app import units
from app.catalogs import load_catalogs
from app.db import open_database
from app.services import HoSoService
from ui import dialogs, main_window
from ui.dialogs import TransferInput
from ui.people_model import PeopleTableModel

PEOPLE = [
    ("048085001234", "Nguyễn Văn Bình", "1985-03-12", "Nam", "DN.SNV"),
    ("048190001235", "Trần Thị Hoa", "1990-01-02", "Nữ", "DN.P.HAICHAU"),
    ("049088001236", "Đặng Văn Đức", "1988-07-07", "Nam", "DN.P.HAICHAU"),
    ("049192001237", "Lê Thị An", "1992-02-02", "Nữ", "DN.SNV"),
]


@pytest.fixture
def main_service(tmp_path):
    db = open_database(tmp_path / "ui.sqlite")
    with db.session() as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
    service = HoSoService(db)
    for cccd, name, birth, sex, unit in PEOPLE:
        service.people.create_person({"cccd": cccd, "full_name": name, "birth_date": birth, "sex": sex, "unit_code": unit,
                               "position": "Chuyên viên"})
    yield service
    db.dispose()


@pytest.fixture
def window(qtbot, main_service):
    win = main_window.MainWindow(main_service)
    qtbot.addWidget(win)
    return win


def names(win) -> list[str]:
    model = win.people.model
    return [model.person_row(r).full_name for r in range(model.rowCount())]


def commit_text(widget, text: str) -> None:
    """What an input method does: a preedit string, then the commit."""
    widget.setFocus()
    preedit = QInputMethodEvent(text[:-1], [])
    QApplication.sendEvent(widget, preedit)
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def test_model_passes_qtmodeltester(qtmodeltester, main_service) -> None:
    from app.listing import PersonFilter

    model = PeopleTableModel(main_service.people.person_rows)
    model.set_ids(main_service.people.person_ids(PersonFilter()))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4


def test_list_opens_in_vietnamese_name_order(window) -> None:
    assert names(window) == ["Lê Thị An", "Nguyễn Văn Bình", "Đặng Văn Đức", "Trần Thị Hoa"]
    assert "4 hồ sơ" in window.people.count_label.text()


def test_typing_vietnamese_through_the_input_method_filters(qtbot, window) -> None:
    commit_text(window.people.search_edit, "Đức")
    assert window.people.search_edit.text() == "Đức"
    qtbot.waitUntil(lambda: names(window) == ["Đặng Văn Đức"], timeout=3000)
    window.people.search_edit.setText("hoa")  # without accents
    qtbot.waitUntil(lambda: names(window) == ["Trần Thị Hoa"], timeout=3000)
    window.people.search_edit.setText("049088")  # CCCD
    qtbot.waitUntil(lambda: names(window) == ["Đặng Văn Đức"], timeout=3000)


def test_unit_tree_filters_with_subunits(qtbot, window) -> None:
    window.units.select_code("DN.P.HAICHAU")
    qtbot.waitUntil(lambda: names(window) == ["Đặng Văn Đức", "Trần Thị Hoa"], timeout=3000)
    window.units.select_code("DN")
    qtbot.waitUntil(lambda: len(names(window)) == 4, timeout=3000)
    window.people.subunits_check.setChecked(False)
    qtbot.waitUntil(lambda: names(window) == [], timeout=3000)


def test_filters_and_sorting(qtbot, window) -> None:
    window.people.sex_combo.setCurrentIndex(window.people.sex_combo.findData("Nữ"))
    qtbot.waitUntil(lambda: names(window) == ["Lê Thị An", "Trần Thị Hoa"], timeout=3000)
    window.people.sex_combo.setCurrentIndex(0)
    birth_column = [c.key for c in window.people.model.columns].index("birth_date")
    window.people.table.horizontalHeader().sectionClicked.emit(birth_column)
    qtbot.waitUntil(lambda: names(window)[0] == "Nguyễn Văn Bình", timeout=3000)
    window.people.table.horizontalHeader().sectionClicked.emit(birth_column)
    qtbot.waitUntil(lambda: names(window)[0] == "Lê Thị An", timeout=3000)


def test_the_sort_indicator_tells_the_real_order(qtbot, window) -> None:
    header = window.people.table.horizontalHeader()
    name_column = [c.key for c in window.people.model.columns].index("full_name")
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == name_column
    window.people.search_edit.setText("thi")
    qtbot.waitUntil(lambda: "mức độ phù hợp" in window.people.count_label.text(), timeout=3000)
    assert not header.isSortIndicatorShown() or header.sortIndicatorSection() == -1  # relevance: no column
    birth_column = [c.key for c in window.people.model.columns].index("birth_date")
    header.sectionClicked.emit(birth_column)  # a column chosen during a search: that column's order
    qtbot.waitUntil(lambda: "mức độ phù hợp" not in window.people.count_label.text(), timeout=3000)
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == birth_column
    assert window.people.count_label.text().startswith("2 hồ sơ")


def test_column_chooser(window) -> None:
    window.people.toggle_column("retirement_date", True)
    keys = [c.key for c in window.people.model.columns]
    assert "retirement_date" in keys
    row = window.people.model
    column = keys.index("retirement_date")
    assert row.data(row.index(0, column)) == "29/02/2052"  # Lê Thị An, 02/1992: 60 years, end of month (2052 is a leap year)
    window.people.toggle_column("cccd", False)
    assert "cccd" not in [c.key for c in window.people.model.columns]


def test_preview_shows_the_selected_person(qtbot, window) -> None:
    window.people.table.selectRow(1)
    qtbot.waitUntil(lambda: window.preview.name_label.text() == "Nguyễn Văn Bình", timeout=3000)
    assert window.preview.fact_labels["birth_date"].text().startswith("12/03/1985")
    assert window.preview.fact_labels["unit_name"].text() == "Sở Nội vụ"


def test_transfer_moves_the_person(qtbot, window, main_service, monkeypatch) -> None:
    window.people.table.selectRow(1)  # Nguyễn Văn Bình
    monkeypatch.setattr(dialogs.TransferDialog, "ask", classmethod(
        lambda cls, *a, **k: TransferInput("DN.P.HAICHAU", dt.date(2026, 11, 1), "12/QĐ", "Phó Chủ tịch", "transfer")))
    monkeypatch.setattr(main_window, "TransferDialog", dialogs.TransferDialog)
    window.transfer_current()
    doc = main_service.people.person("048085001234")
    assert doc["unit_code"] == "DN.P.HAICHAU" and doc["position"] == "Phó Chủ tịch"
    assert doc["work_history"][-1]["unit_name"] == "UBND phường Hải Châu"
    window.units.select_code("DN.P.HAICHAU")
    qtbot.waitUntil(lambda: "Nguyễn Văn Bình" in names(window), timeout=3000)


def test_delete_asks_and_removes(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "confirm", lambda *a: True)
    window.people.table.selectRow(0)
    window.delete_current()
    qtbot.waitUntil(lambda: names(window) == ["Nguyễn Văn Bình", "Đặng Văn Đức", "Trần Thị Hoa"], timeout=3000)


def test_deleted_record_can_be_restored_from_the_menu(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(main_window, "confirm", lambda *a: True)
    window.people.table.selectRow(0)  # Lê Thị An
    window.delete_current()
    qtbot.waitUntil(lambda: "Lê Thị An" not in names(window), timeout=3000)
    errors: list[str] = []
    monkeypatch.setattr(main_window, "show_error", lambda _parent, message: errors.append(message))
    monkeypatch.setattr(main_window.QInputDialog, "getText", lambda *a, **k: ("khong-phai-so", True))
    window.restore_person()
    assert errors and "không phải là số CCCD" in errors[0]
    monkeypatch.setattr(main_window.QInputDialog, "getText", lambda *a, **k: ("049 192 001 237", True))
    window.restore_person()
    qtbot.waitUntil(lambda: "Lê Thị An" in names(window), timeout=3000)


def test_change_history_is_shown(qtbot, window, main_service, monkeypatch) -> None:
    main_service.people.update_person("048085001234", {"position": "Trưởng phòng"})
    shown: list[main_window.HistoryDialog] = []
    monkeypatch.setattr(main_window.HistoryDialog, "exec", lambda self: shown.append(self) or 0)
    window.people.table.selectRow(1)  # Nguyễn Văn Bình
    window.show_history()
    table = shown[0].table
    texts = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert texts[0][2:] == ["Sửa", "Chức vụ (chức danh) hiện tại", "Chuyên viên", "Trưởng phòng"]
    assert texts[-1][2] == "Tạo mới"


def test_add_unit_from_the_menu(qtbot, window, monkeypatch) -> None:
    from ui import unit_tree

    monkeypatch.setattr(unit_tree.UnitDialog, "ask", classmethod(
        lambda cls, *a: dialogs.UnitInput("DN.SNV.TCBM", "Phòng Tổ chức bộ máy", "DN.SNV")))
    window.units.add_unit()
    assert window.units.current_code() == "DN.SNV.TCBM"
    assert "DN.SNV.TCBM" in [u.code for u in window.units.units]


def test_geometry_is_remembered(qtbot, main_service) -> None:
    first = main_window.MainWindow(main_service)
    qtbot.addWidget(first)
    width = min(max(first.minimumSizeHint().width() + 2, 700), 798)  # the offscreen screen is 800 wide
    first.resize(width, 560)
    first.show()
    qtbot.waitExposed(first)
    first.splitter.setSizes([150, 440, 200])
    expected = first.splitter.sizes()
    assert expected != [260, 800, 300]
    first.close()
    second = main_window.MainWindow(main_service)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size().width() == width and second.splitter.sizes() == expected


def test_shortcuts(qtbot, window) -> None:
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    assert actions["new_action"].shortcut().toString() == "Ctrl+N"
    assert actions["find_action"].shortcut().toString() == "Ctrl+F"
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    actions["find_action"].trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.people.search_edit, timeout=2000)


def test_long_names_are_not_cut(qtbot, window) -> None:
    from pathlib import Path

    from PySide6.QtCore import Qt

    from ui import dialogs

    tree = window.units.view
    index = tree.model().index(0, 0, tree.model().index(0, 0))  # the first unit under "Tất cả đơn vị"
    assert "UBND thành phố Đà Nẵng" in str(tree.model().data(index, Qt.ItemDataRole.ToolTipRole))
    assert tree.header().sectionResizeMode(0) == tree.header().ResizeMode.ResizeToContents  # scrolls, not cut
    folder = Path("/home/nguyenvana/.local/share/HoSo/du-lieu-phong-noi-vu-2026")
    settings_dialog = dialogs.SettingsDialog(None, folder, "vi")
    qtbot.addWidget(settings_dialog)
    settings_dialog.show()
    edit = settings_dialog.folder_edit
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(str(folder))  # the whole path shows
