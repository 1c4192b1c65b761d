"""Công cụ → Vị trí việc làm… and Đánh giá, xếp loại… offscreen: the position dialog run with
``exec()``, the 2027 placement tab and the bulk placement, the rating window with its quota
warning, approval and sheet. ``HOSO_SCREENSHOTS=DIR`` also saves the windows as PNG (README)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from tests.core.conftest import person_data
from ui import positions_ui
from ui.positions_ui import PositionDialog, PositionsWindow, RatingWindow

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
        dialog.accept()

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
