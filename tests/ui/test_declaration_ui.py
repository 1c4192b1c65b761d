"""The personal declaration in the window: issue for the selected person and unit, open a returned
file, the review table, choose, note, Accept (exec() as the app runs the dialog)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from tests.core import security_fixtures
from tests.core.security_fixtures import CCCD_A
from tests.core.test_declaration import column, open_file, section_rows, section_sheet, set_person
from ui import declaration_ui, main_window

fast_hashing = security_fixtures.fast_hashing
world_template = security_fixtures.world_template
world = security_fixtures.world


@pytest.fixture
def messages(monkeypatch):
    shown: list[str] = []
    for name in ("information", "warning"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    return shown


def when_modal(qtbot, act) -> None:
    """Run ``act(dialog)`` once the modal dialog is up (the dialog runs by exec())."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)


def test_menus_follow_the_role(qtbot, world):
    def visible(service, name):
        win = main_window.MainWindow(service)
        qtbot.addWidget(win)
        action = win.findChild(QAction, name)
        assert action is not None, name
        return action.isVisible()

    for name in ("issue_for_person_action", "issue_for_unit_action", "review_returned_action"):
        assert visible(world.clerk, name) and not visible(world.viewer, name) and not visible(world.head, name)


def test_issue_review_choose_and_accept_from_the_window(qtbot, world, tmp_path, monkeypatch, messages):
    path = tmp_path / "a.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "a"), "")))
    import uuid

    assert declaration_ui.issue_for_person(None, world.clerk, uuid.UUID(world.a)) == path
    assert "Đã lập phiếu kê khai" in messages[-1]
    world.admin.people.update_person(CCCD_A, {"phone": "0900000000"})  # meanwhile: the phone is a conflict now
    set_person(path, phone="0912345678", email="binh@danang.gov.vn", other_names="Bình", birth_date="31/02/1985")
    wb = open_file(path)
    family = section_sheet(wb, "family")
    family.cell(row=section_rows(family)[1], column=column(family, "full_name")).value = "Trần Thị Hoà"
    wb.save(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    seen = {}

    def act(dialog):
        table = dialog.table
        seen["rows"] = [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
                        for r in range(table.rowCount())]
        seen["checked"] = dialog.chosen()
        # take everything but the other name; the conflict stays unchecked
        for r, key in enumerate(dialog.keys):
            if key == "other_names":
                table.item(r, 0).setCheckState(Qt.CheckState.Unchecked)
        dialog.note_edit.setText("Đã đối chiếu")
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, act)
    assert declaration_ui.review_returned(None, world.clerk) == 2
    rows = {r[2]: r for r in seen["rows"]}
    assert rows["Số điện thoại liên hệ"][3:6] == ["0900000000", "0912345678", "0905123456"]
    assert "xung đột" in rows["Số điện thoại liên hệ"][6]
    assert any("Ngày sinh" in r[2] and "không có thật" in r[6] for r in seen["rows"])
    assert "phone" not in seen["checked"] and "email" in seen["checked"]
    doc = world.admin.people.person(CCCD_A)
    assert doc["email"] == "binh@danang.gov.vn" and doc["phone"] == "0900000000" and doc["other_names"] != "Bình"
    assert any(f["full_name"] == "Trần Thị Hoà" for f in doc["family"])
    assert doc["review_state"] == "submitted" and "chờ lãnh đạo duyệt" in messages[-1]


def test_unit_batch_and_refusals_in_the_window(qtbot, world, tmp_path, monkeypatch, messages):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path / "b")))
    op = declaration_ui.issue_for_unit(None, world.clerk, "DN.SNV")
    qtbot.waitUntil(lambda: any("Đã lập 1 phiếu" in m for m in messages), timeout=20000)
    assert op is not None and (tmp_path / "b" / f"ke-khai-{CCCD_A}.xlsx").exists()
    junk = tmp_path / "junk.xlsx"
    junk.write_text("không phải bảng tính", encoding="utf-8")
    assert declaration_ui.review_returned(None, world.clerk, str(junk)) is None
    assert "bị hỏng" in messages[-1]
    assert declaration_ui.review_returned(None, world.other_clerk, str(tmp_path / "b" / f"ke-khai-{CCCD_A}.xlsx")) is None
    assert "không được sửa" in messages[-1]


def test_the_preview_shows_the_first_declaration_state(qtbot, world):
    import uuid

    from PySide6.QtWidgets import QLabel

    from app.declaration import followup
    from ui.preview import PreviewPane

    pane = PreviewPane(world.clerk)
    qtbot.addWidget(pane)
    pane.show_person(uuid.UUID(world.a))
    label = pane.findChild(QLabel, "declaration_value")
    qtbot.waitUntil(lambda: label.text().startswith("chưa kê khai lần đầu"), timeout=5000)
    status = world.clerk.declarations.first_declaration(world.a)
    assert f"hạn {status.due:%d/%m/%Y}" in label.text()
    assert status.due == followup.first_due(status.created_on)


def test_data_request_recorded_and_answered_from_the_window(qtbot, world, tmp_path, monkeypatch, messages):
    import datetime as dt
    import uuid

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path / "tra-loi")))
    seen = {}

    def act(dialog):
        dialog.received_edit.setText((dt.date.today() - dt.timedelta(days=9)).strftime("%d/%m/%Y"))
        dialog.note_edit.setText("Đơn của ông Bình")
        qtbot.mouseClick(dialog.findChild(QPushButton, "record_button"), Qt.MouseButton.LeftButton)
        seen["late"] = dialog.table.item(0, 0).background().color().name()
        qtbot.mouseClick(dialog.answer_button, Qt.MouseButton.LeftButton)
        seen["answered"] = dialog.table.item(0, 2).text()
        dialog.accept()

    when_modal(qtbot, act)
    declaration_ui.data_requests(None, world.clerk, uuid.UUID(world.a))
    assert seen["late"] == declaration_ui.PROBLEM_BACKGROUND.name()
    assert seen["answered"] == dt.date.today().strftime("%d/%m/%Y")
    assert sorted(p.suffix for p in (tmp_path / "tra-loi").iterdir()) == [".pdf", ".xlsx", ".xlsx"]
    assert "Đã xuất 3 tệp" in messages[-1]
    declaration_ui.data_requests(None, world.viewer, uuid.UUID(world.a))
    assert "không được sửa" in messages[-1]


def test_a_second_return_through_the_window_writes_nothing(qtbot, world, tmp_path, monkeypatch, messages):
    path = tmp_path / "a.xlsx"
    world.clerk.declarations.issue(CCCD_A, path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))

    def act(dialog):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, act)
    assert declaration_ui.review_returned(None, world.clerk) == 0
    assert "Đã ghi nhận phiếu kê khai" in messages[-1]
    log = world.clerk.declarations.declarations(CCCD_A)
    when_modal(qtbot, act)
    assert declaration_ui.review_returned(None, world.clerk) == 0
    assert "đã được nhận trước đây" in messages[-1] and "không ghi gì thêm" in messages[-1]
    assert world.clerk.declarations.declarations(CCCD_A) == log
