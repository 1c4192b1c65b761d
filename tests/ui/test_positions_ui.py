"""Công cụ → Vị trí việc làm… and Đánh giá, xếp loại… offscreen: the position dialog run with
``exec()``, the 2027 placement tab and the bulk placement, the rating window with its quota
warning, approval and sheet. ``HOSO_SCREENSHOTS=DIR`` also saves the windows as PNG (README)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from tests.core import security_fixtures
from tests.core.conftest import person_data
from ui import positions_ui
from ui.positions_ui import PositionDialog, PositionsWindow, RatingWindow

fast_hashing = security_fixtures.fast_hashing  # the accounts of every role (clerk, head… of DN.SNV)
world_template = security_fixtures.world_template
world = security_fixtures.world

CV = {"code": "CV.TCBM", "name": "Chuyên viên về tổ chức bộ máy", "group": "chuyen_mon_nghiep_vu",
      "grade_code": "01.003", "approved": 2}


@pytest.fixture
def parent(qtbot, no_message_boxes) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def people(service):
    a = service.people.create_person(person_data(unit_code="DN.SNV")).id
    b = service.people.create_person(person_data(cccd="048090001111", full_name="Lê Văn Hải", unit_code="DN.SNV",
                                          discipline=[], grade_code="01.003")).id
    return a, b


def snap(window: QWidget, name: str) -> None:
    folder = os.environ.get("HOSO_SCREENSHOTS")
    if folder:
        window.grab().save(str(Path(folder) / name))


def test_positions_window_add_place_and_dashboard(qtbot, parent, service, people, monkeypatch) -> None:
    service.positions.save_position("DN.SNV", CV)
    window = PositionsWindow(parent, service, "DN.SNV")
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert window.positions.rowCount() == 1 and window.proposals.rowCount() == 2
    assert "chưa bố trí: 2" in window.summary_label.text()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PositionDialog)
        dialog.code_edit.setText("CVC.TCBM")
        dialog.name_edit.setText("Chuyên viên chính về tổ chức bộ máy")
        dialog.grade_edit.setText("01.002")
        dialog.approved_spin.setValue(1)
        QTest.keyClick(dialog.name_edit, Qt.Key.Key_Return)  # Enter saves, as in every HoSo dialog

    QTimer.singleShot(0, fill)
    window.add_position()
    qtbot.waitUntil(lambda: not window.busy and window.positions.rowCount() == 2, timeout=10000)
    assert {r.code for r in service.positions.positions("DN.SNV")} == {"CV.TCBM", "CVC.TCBM"}
    window.tabs.setCurrentIndex(1)
    snap(window, "placement.png")
    monkeypatch.setattr(positions_ui, "confirm", lambda *a: True)
    window.start_edit.setValue(dt.date(2026, 7, 1))
    window.place_all()
    qtbot.waitUntil(lambda: not window.busy and "chưa bố trí: 0" in window.summary_label.text(), timeout=10000)
    assert [r.filled for r in service.positions.positions("DN.SNV") if r.code == "CV.TCBM"] == [2]
    window.tabs.setCurrentIndex(0)
    snap(window, "positions.png")


def test_position_dialog_cancel_saves_nothing(qtbot, parent, service) -> None:
    window = PositionsWindow(parent, service, "DN.SNV")
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    window.add_position()
    assert service.positions.positions("DN.SNV") == []
    assert isinstance(PositionDialog(window, "DN.SNV"), QDialog)


def test_rating_window_warns_approves_and_prints(qtbot, parent, service, people, tmp_path, monkeypatch) -> None:
    book = Workbook()
    ws = book.active
    ws.append(["Số CCCD", "Năm", "Kỳ", "Điểm tiêu chí chung", "Điểm kết quả nhiệm vụ"])
    for m in range(1, 13):
        ws.append(["048085001234", 2026, m, 29, 63])  # 92: xuất sắc
        ws.append(["048090001111", 2026, m, 25, 50])  # 75: tốt
    book.save(tmp_path / "diem.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(tmp_path / "diem.xlsx"), "")))
    window = RatingWindow(parent, service, "DN.SNV")
    window.year_spin.setValue(2026)
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    window.import_scores()
    qtbot.waitUntil(lambda: not window.busy and window.rows.rowCount() == 2, timeout=10000)
    assert "vượt 20%" in window.warning_label.text()
    snap(window, "rating.png")
    asked = []
    monkeypatch.setattr(positions_ui, "confirm", lambda _p, question, _y: asked.append(question) or True)
    window.approve()
    assert asked and "vượt tỷ lệ" in asked[0]
    assert {e["quality_rating"] for e in service.people.person("048090001111")["evaluations"] if e["year"] == 2026} == {
        "Hoàn thành tốt nhiệm vụ"}
    out = tmp_path / "xep-loai.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.write_sheet(".pdf")
    assert out.stat().st_size > 1000


def test_score_entry_dialog_saves_a_year_and_warns(qtbot, parent, service, people, monkeypatch) -> None:
    """Nhập điểm…: the dialog run with exec() as the app runs it; a bad field keeps it open, named
    and marked; the good year is saved in one go, the level and the quota warning shown."""
    from ui.positions_ui import ERROR_BRUSH, ScoreEntryDialog

    window = RatingWindow(parent, service, "DN.SNV")
    window.year_spin.setValue(2026)
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert window.buttons["enter_button"].isEnabled()
    errors: list[str] = []
    monkeypatch.setattr(positions_ui, "show_error", lambda _p, message: errors.append(message))
    seen: dict[str, object] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ScoreEntryDialog)
        dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(str(people[0])))
        for m in range(1, 13):
            dialog.set_cell(str(m), "general", "29")
            dialog.set_cell(str(m), "task", "63")
        dialog.set_cell("2", "general", "31")  # above 30
        dialog.set_cell("5", "task", "")  # the task score from its parts, one missing
        dialog.set_cell("5", "quantity", "100")
        dialog.set_cell("5", "quality", "100")
        dialog.accept()
        seen["open_after_error"] = dialog.isVisible()
        seen["marked"] = dialog.table.item(1, 0).background() == ERROR_BRUSH
        snap(dialog, "rating-entry.png")
        dialog.set_cell("2", "general", "29,5")
        dialog.set_cell("5", "progress", "90")
        dialog.set_cell("5", "delays", "1")  # 20 + 30 + 20·90%·75% = 63.5
        dialog.set_cell("12", "general", "")
        dialog.set_cell("12", "task", "")
        dialog.set_cell("12", "leave", "maternity")
        dialog.accept()

    QTimer.singleShot(0, fill)
    window.enter_scores()
    assert seen == {"open_after_error": True, "marked": True}
    assert len(errors) == 1 and "Tháng 2, Điểm tiêu chí chung: phải từ 0 đến 30" in errors[0]
    assert "Tháng 5, Điểm kết quả nhiệm vụ" in errors[0]
    qtbot.waitUntil(lambda: not window.busy and window.rows.rowCount() == 1, timeout=10000)
    stored = {r.period: r for r in service.positions.period_scores(str(people[0]), 2026)}
    assert len(stored) == 12 and stored["12"].leave == "maternity" and stored["12"].general is None
    assert str(stored["5"].task) == "63.50" and str(stored["2"].general) == "29.50"
    (year,) = service.positions.rating_years(str(people[0]))
    assert year.level == "xuat_sac" and year.months_scored == 11
    assert "Hoàn thành xuất sắc nhiệm vụ" in window.status_label.text()
    assert "vượt 20%" in window.warning_label.text()  # 1 xuất sắc, 0 tốt in the unit

    # the same person again: the dialog shows what is stored; Cancel writes nothing
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(str(people[0])))
        seen["general_2"] = dialog.table.item(1, 0).text()
        seen["leave_12"] = dialog.table.cellWidget(11, 7).currentData()
        dialog.set_cell("1", "general", "10")
        dialog.reject()

    QTimer.singleShot(0, look)
    window.enter_scores()
    assert (seen["general_2"], seen["leave_12"]) == ("29,5", "maternity")
    assert str(service.positions.period_scores(str(people[0]), 2026)[0].general) == "29.00"


def test_score_entry_by_role_and_unit(qtbot, world, monkeypatch) -> None:
    """The clerk of DN.SNV enters scores of its people only; a head or a viewer has no entry button,
    and the service refuses them even if the dialog is opened; another unit's clerk cannot see the
    unit's people in the dialog."""
    from tests.core.security_fixtures import CCCD_A
    from ui.positions_ui import ScoreEntryDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[str] = []
    monkeypatch.setattr(positions_ui, "show_error", lambda _p, m: errors.append(m))
    for role in ("head", "viewer"):
        window = RatingWindow(parent, world.as_role(role), "DN.SNV")
        qtbot.waitUntil(lambda w=window: not w.busy, timeout=10000)
        assert not window.buttons["enter_button"].isEnabled(), role
        dialog = ScoreEntryDialog(parent, world.as_role(role), "DN.SNV", 2026, world.a)
        assert dialog.person_id() == world.a
        dialog.set_cell("1", "general", "25")
        dialog.set_cell("1", "task", "50")
        errors.clear()
        dialog.accept()
        assert errors and "không được chấm điểm" in errors[0] and dialog.entered is None
    with pytest.raises(Exception, match="không được"):
        ScoreEntryDialog(parent, world.other_clerk, "DN.SNV", 2026)
    dialog = ScoreEntryDialog(parent, world.other_clerk, "DN.P.HAICHAU", 2026)
    assert world.a not in [dialog.person_combo.itemData(i) for i in range(dialog.person_combo.count())]
    assert world.admin.positions.period_scores(CCCD_A, 2026) == []
    clerk = RatingWindow(parent, world.clerk, "DN.SNV")
    qtbot.waitUntil(lambda: not clerk.busy, timeout=10000)
    assert clerk.buttons["enter_button"].isEnabled()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.person_combo.setCurrentIndex(dialog.person_combo.findData(world.a))
        dialog.set_cell("1", "general", "25")
        dialog.set_cell("1", "task", "50")
        dialog.accept()

    QTimer.singleShot(0, fill)
    clerk.enter_scores()
    assert [float(y.score) for y in world.admin.positions.rating_years(CCCD_A)] == [75.0]


def test_planning_tab_lists_filters_and_exports(qtbot, parent, service, people, tmp_path, monkeypatch) -> None:
    service.people.update_person(str(people[0]), {"planning": [
        {"title": "Trưởng phòng Công chức, viên chức", "period_from": 2026, "period_to": 2031,
         "decision_number": "15-QĐ/TU", "decision_date": "10/03/2026"},
        {"title": "Phó Giám đốc Sở Nội vụ", "period_from": 2026, "period_to": 2031}]})
    service.people.update_person(str(people[1]), {"planning": [
        {"title": "Trưởng phòng Công chức, viên chức", "period_from": 2026, "period_to": 2031}]})
    monkeypatch.setattr(positions_ui, "today", lambda: dt.date(2026, 9, 1))
    window = PositionsWindow(parent, service, "DN.SNV")
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)
    assert window.planning.rowCount() == 3
    window.tabs.setCurrentIndex(3)
    snap(window, "planning.png")
    window.planning_filter.setText("giam doc")
    qtbot.waitUntil(lambda: not window.busy and window.planning.rowCount() == 1, timeout=10000)
    out = tmp_path / "quy-hoach.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    window.write_planning(".xlsx")
    from openpyxl import load_workbook

    titles = {row[0] for row in load_workbook(out).active.iter_rows(min_row=5, values_only=True)}
    assert titles == {"Phó Giám đốc Sở Nội vụ"}  # the filter applies to the file too


def test_planning_tab_by_role(qtbot, world) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    world.admin.people.update_person(world.a, {"planning": [{"title": "Trưởng phòng", "period_from": 2026,
                                                             "period_to": 2099}]})
    viewer = PositionsWindow(parent, world.viewer, "DN.SNV")
    qtbot.waitUntil(lambda: not viewer.busy, timeout=10000)
    assert viewer.planning.rowCount() == 1
    assert not viewer.buttons["planning_print_button"].isEnabled()
    other = PositionsWindow(parent, world.other_clerk, "DN.P.HAICHAU")
    qtbot.waitUntil(lambda: not other.busy, timeout=10000)
    names = [other.planning.index(r, 2).data() for r in range(other.planning.rowCount())]
    assert names == ["Trần Thị Lan"]  # its own person only (the test dossier's planning row), never A


def test_score_entry_keeps_a_year_scored_by_month_and_by_quarter(qtbot, parent, service, people) -> None:
    """A year scored partly by month and partly by quarter opens as it is stored (nothing of it is
    lost when saved again)."""
    from ui.positions_ui import ScoreEntryDialog

    key = str(people[0])
    service.positions.enter_scores(key, 2026, {1: {"general": "25", "task": "50"}, 2: {"general": "25", "task": "50"},
                                               "Q3": {"general": "28", "task": "62"}})
    dialog = ScoreEntryDialog(parent, service, "DN.SNV", 2026, key)
    assert dialog.mode_combo.currentData() == "mixed"
    assert dialog.periods == ["1", "2", "3", "4", "5", "6", "Q3", "10", "11", "12"]
    dialog.set_cell("3", "general", "20")
    dialog.set_cell("3", "task", "40")
    dialog.accept()
    assert dialog.entered is not None
    stored = {r.period: r.general for r in service.positions.period_scores(key, 2026)}
    assert set(stored) == {"1", "2", "3", "Q3"} and str(stored["Q3"]) == "28.00"
