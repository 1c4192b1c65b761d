"""Section tables on their own (model contract, row buttons and shortcuts, delegates) and the
editor's keyboard order."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.conftest import commit_text, press, type_ascii
from ui.editor import PersonEditor
from ui.editor.layout import PAGES
from ui.editor.section_model import SectionModel
from ui.editor.section_table import SectionTable
from ui.widgets import CatalogCombo, ChoiceCombo, DateEdit, Option

pytestmark = pytest.mark.usefixtures("no_message_boxes")

OPTIONS = {"training_form": [Option("CQ", "Chính quy"), Option("TCH", "Tại chức")]}
TRAINING = [
    {"id": "11111111-1111-1111-1111-111111111111", "kind": "professional", "institution": "Đại học Luật Huế",
     "start_date": "2003-09-01", "end_date": "2007-06-30", "form_code": "CQ"},
    {"id": "22222222-2222-2222-2222-222222222222", "kind": "it", "institution": "Trung tâm Tin học",
     "start_date": "2018-03-01"},
]


def test_model_contract(qtmodeltester) -> None:
    model = SectionModel("training", OPTIONS)
    model.set_rows(TRAINING)
    qtmodeltester.check(model)
    family = SectionModel("family", {})
    family.set_rows([{"side": "spouse", "relation": "Mẹ vợ", "full_name": "Lê Thị Cúc", "deceased": True}])
    qtmodeltester.check(family)


def test_cells_show_vietnamese_text(qtbot) -> None:
    model = SectionModel("training", OPTIONS)
    model.set_rows(TRAINING)
    display = [model.index(0, model.column_of(f)).data() for f in ("kind", "start_date", "form_code")]
    assert display == ["Chuyên môn, nghiệp vụ", "01/09/2003", "Chính quy"]
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"
    family = SectionModel("family", {})
    family.set_rows([{"side": "spouse", "relation": "Mẹ vợ", "full_name": "Lê Thị Cúc", "deceased": True}])
    assert family.index(0, family.column_of("side")).data() == "Bên vợ (chồng)"
    deceased = family.index(0, family.column_of("deceased"))
    assert deceased.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert family.headerData(family.column_of("relation"), Qt.Orientation.Horizontal) == "Mối quan hệ *"


def test_row_buttons_keep_ids_and_order(qtbot) -> None:
    table = SectionTable("training", OPTIONS)
    qtbot.addWidget(table)
    table.model.set_rows(TRAINING)
    table.view.setCurrentIndex(table.model.index(0, 1))
    table.findChild(QPushButton, "training_down_button").click()
    assert [r["id"] for r in table.rows()][0] == TRAINING[1]["id"]
    assert table.view.currentIndex().row() == 1
    table.move_row(-1)
    assert [r["id"] for r in table.rows()] == [TRAINING[0]["id"], TRAINING[1]["id"]]
    row = table.add_row()
    assert row == 1 and table.model.rowCount() == 3 and "id" not in table.rows()[1]
    assert table.rows()[1]["kind"] == "professional"  # the model's default for a new row
    table.remove_row()
    assert [r["id"] for r in table.rows()] == [TRAINING[0]["id"], TRAINING[1]["id"]]


def test_shortcuts_work_inside_the_table(qtbot) -> None:
    table = SectionTable("work_history", {})
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    table.activateWindow()
    table.view.setFocus()
    QApplication.processEvents()
    press(table.view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    press(table.view, Qt.Key.Key_Insert, Qt.KeyboardModifier.ControlModifier)
    assert table.model.rowCount() == 2
    table.model.setData(table.model.index(1, table.model.column_of("unit_name")), "Sở Nội vụ")
    table.view.setCurrentIndex(table.model.index(1, 0))
    press(table.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert table.rows()[0]["unit_name"] == "Sở Nội vụ"
    press(table.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert table.model.rowCount() == 1 and table.rows()[0].get("unit_name") is None


def test_delegates_use_the_field_widgets(qtbot) -> None:
    table = SectionTable("training", OPTIONS)
    qtbot.addWidget(table)
    table.model.set_rows(TRAINING)
    editors = {}
    for field in ("kind", "start_date", "form_code", "institution"):
        index = table.model.index(1, table.model.column_of(field))
        table.view.setCurrentIndex(index)
        table.view.edit(index)
        editors[field] = table.delegate.open_editor
        if field == "start_date":
            editors[field].clear()
            type_ascii(editors[field], "15032018")
        if field == "form_code":
            type_ascii(editors[field].lineEdit(), "tai chuc")
        if field == "institution":
            editors[field].clear()
            commit_text(editors[field], "Trung tâm Ngoại ngữ - Tin học")
        table.finish_editing()
    assert isinstance(editors["kind"], ChoiceCombo) and isinstance(editors["start_date"], DateEdit)
    assert isinstance(editors["form_code"], CatalogCombo)
    row = table.rows()[1]
    assert (row["start_date"], row["form_code"], row["institution"]) == (
        dt.date(2018, 3, 15), "TCH", "Trung tâm Ngoại ngữ - Tin học")


def test_errors_name_rows_and_clear(qtbot) -> None:
    table = SectionTable("training", OPTIONS)
    qtbot.addWidget(table)
    table.model.set_rows(TRAINING)
    table.show_errors([(1, "end_date", "Quá trình đào tạo, bồi dưỡng, dòng 2: Đến ngày: sai")])
    index = table.model.index(1, table.model.column_of("end_date"))
    assert index.data(Qt.ItemDataRole.ToolTipRole).endswith("sai")
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "dòng 2" in table.error_label.text() and table.view.currentIndex() == index
    table.model.setData(index, dt.date(2019, 1, 1))  # fixing the cell clears its mark
    assert index.data(Qt.ItemDataRole.BackgroundRole) is None
    table.clear_errors()
    assert table.error_label.isHidden()


def test_tab_order_follows_the_paper_form(qtbot, service) -> None:
    editor = PersonEditor(service)
    qtbot.addWidget(editor)
    first_page = [name for group in PAGES[0].groups for name in group.fields]
    widgets = {editor.form.rows[name].widget: name for name in first_page}
    order, current = [], editor.form.rows[first_page[0]].widget
    for _ in range(400):
        if current in widgets and widgets[current] not in order:
            order.append(widgets[current])
        current = current.nextInFocusChain()
    assert order == first_page


def test_photo_from_a_file_or_a_drop(qtbot, tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QColor, QDropEvent, QImage

    from ui.editor.files_page import FilesPage

    page = FilesPage(lambda _id: b"")
    qtbot.addWidget(page)
    warnings: list[str] = []
    page.warn = warnings.append
    picture = QImage(300, 300, QImage.Format.Format_RGB32)
    picture.fill(QColor("teal"))
    path = tmp_path / "chan-dung.png"
    picture.save(str(path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    page.photo_frame.dropEvent(drop)  # what Qt calls when a file is dropped on the frame
    assert page.new_photo is not None and page.new_photo[0] == "anh-4x6.jpg"
    assert QImage.fromData(page.new_photo[1]).size().toTuple() == (400, 600)
    broken = tmp_path / "hong.jpg"
    broken.write_bytes(b"not a picture")
    assert not page.set_photo_file(str(broken))
    assert warnings == ["Không đọc được ảnh hong.jpg."]
    page.ask_photo_path = lambda: ""  # the file dialog cancelled: nothing changes
    page.choose_photo()
    assert page.new_photo is not None and page.has_changes()
