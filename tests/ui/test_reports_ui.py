"""Printing from the desktop (offscreen): the reports are drawn on a worker thread into a PDF that
the preview shows; what a user checks is in the PDF's text, the preview's page and zoom, the copy
saved, the pages printed, and the workbook written."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.listing import PersonFilter
from app.services import HoSoService
from ui import main_window, reports_ui
from ui.print_preview import PrintPreviewDialog

PEOPLE = (("048185001301", "Trần Thị Hoa", "Nữ", "DN.SNV"), ("048085001302", "Lê Văn An", "Nam", "DN.SNV"),
          ("048192001303", "Phạm Thị Đào", "Nữ", "DN.SNV.CCVC"), ("048088001304", "Võ Văn Nam", "Nam", "DN.P.HAICHAU"))
WAIT = 15000


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


@pytest.fixture
def people(service: HoSoService) -> dict[str, uuid.UUID]:
    ids = {}
    for cccd, name, sex, unit in PEOPLE:
        ids[name] = service.people.create_person({"cccd": cccd, "full_name": name, "birth_date": "02/03/1985", "sex": sex,
                                           "unit_code": unit, "position": "Chuyên viên", "staff_type": "cong_chuc"}).id
    return ids


@pytest.fixture
def previews(monkeypatch, tmp_path) -> Iterator[list[PrintPreviewDialog]]:
    """Previews open without blocking (exec is a no-op that keeps the dialog); temporary PDFs go
    to the test's folder."""
    shown: list[PrintPreviewDialog] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(reports_ui, "temp_folder", lambda: folder)
    yield shown
    for dialog in shown:  # Đóng deletes a preview; close the ones a test left open
        if shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _parent, _title, text: said.append(text)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, text: said.append(text)))
    return said


def shown_preview(qtbot, previews: list[PrintPreviewDialog]) -> PrintPreviewDialog:
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT)
    dialog = previews[0]
    dialog.resize(900, 700)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # shortcuts go to the active window
    return dialog


# --- one profile and the preview ------------------------------------------------------------------------
def test_profile_preview_pages_zoom_save_and_print(qtbot, service, full_person, previews, messages, tmp_path,
                                                   monkeypatch) -> None:
    reports_ui.print_profile(None, service, full_person)
    dialog = shown_preview(qtbot, previews)
    assert dialog.page_count >= 2 and dialog.page_count_label.text().strip() == f"/ {dialog.page_count}"
    assert "NGUYỄN VĂN BÌNH" in pdf_text(dialog.path) and "SƠ YẾU LÝ LỊCH" in pdf_text(dialog.path)
    assert "Nguyễn Văn Bình" in dialog.windowTitle()

    assert dialog.current_page() == 0 and not dialog.previous_action.isEnabled()
    dialog.next_action.trigger()
    assert dialog.current_page() == 1 and dialog.page_spin.value() == 2
    dialog.previous_action.trigger()
    assert dialog.current_page() == 0
    dialog.last_action.trigger()
    assert dialog.current_page() == dialog.page_count - 1 and not dialog.next_action.isEnabled()
    dialog.page_spin.setValue(1)  # typing a page number jumps there
    assert dialog.current_page() == 0

    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    fitted = dialog.effective_zoom()
    QTest.keyClick(dialog, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl+=
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(fitted * 1.25)
    assert dialog.zoom_label.text() == f"{round(fitted * 125)} %"
    QTest.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # Ctrl+-
    QTest.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomFactor() == pytest.approx(fitted / 1.25)
    dialog.findChild(type(dialog.print_action), "fit_page_action").trigger()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert dialog.effective_zoom() < fitted  # a whole page is smaller than the page's width

    copy = tmp_path / "ban-sao.pdf"
    monkeypatch.setattr(dialog, "save_path_dialog", lambda: copy)
    dialog.findChild(type(dialog.print_action), "save_action").trigger()
    assert copy.read_bytes() == dialog.path.read_bytes()

    printed = tmp_path / "may-in.pdf"

    def to_file(printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(dialog, "ask_printer", to_file)
    dialog.print_document(QPrinter(QPrinter.PrinterMode.ScreenResolution))
    qtbot.waitUntil(lambda: dialog.print_action.isEnabled(), timeout=WAIT)
    pages = PdfReader(printed).pages
    assert len(pages) == dialog.page_count
    assert float(pages[0].mediabox.width) == pytest.approx(595, abs=2)  # A4 upright
    assert messages == []

    temporary = dialog.path
    QTest.keyClick(dialog, Qt.Key.Key_Escape)  # Esc closes; the temporary PDF goes away
    assert not temporary.exists()


def test_no_person_selected_is_a_gentle_message(service, previews, messages) -> None:
    assert reports_ui.print_profile(None, service, None) is None
    assert len(messages) == 1 and "Chưa có hồ sơ để in" in messages[0]
    assert previews == []


def test_a_deleted_person_is_refused_in_vietnamese(qtbot, service, people, previews, messages) -> None:
    service.people.delete_person(people["Lê Văn An"])
    op = reports_ui.print_profile(None, service, people["Lê Văn An"])
    qtbot.waitUntil(lambda: messages != [], timeout=WAIT)
    assert op is not None and previews == [] and messages[0].startswith("Không tìm thấy hồ sơ")
    assert list(reports_ui.temp_folder().iterdir()) == []


# --- a unit ---------------------------------------------------------------------------------------------------
def test_unit_profiles_in_one_pdf(qtbot, service, people, previews, monkeypatch, no_message_boxes) -> None:
    monkeypatch.setattr(reports_ui.UnitPrintDialog, "ask", classmethod(
        lambda cls, parent, unit: reports_ui.UnitPrintChoice(include_subunits=True, include_inactive=False)))
    reports_ui.print_unit_profiles(None, service, "DN.SNV")
    dialog = shown_preview(qtbot, previews)
    text = pdf_text(dialog.path)
    assert dialog.page_count >= 3
    for name in ("TRẦN THỊ HOA", "LÊ VĂN AN", "PHẠM THỊ ĐÀO"):  # Sở Nội vụ and its Phòng
        assert name in text
    assert "VÕ VĂN NAM" not in text


def test_cancelling_a_unit_leaves_nothing(qtbot, service, people, previews, monkeypatch, no_message_boxes) -> None:
    monkeypatch.setattr(reports_ui.UnitPrintDialog, "ask", classmethod(
        lambda cls, parent, unit: reports_ui.UnitPrintChoice(include_subunits=True, include_inactive=True)))
    op = reports_ui.print_unit_profiles(None, service, "DN")
    ended: list[str] = []
    op.done.connect(lambda _r: ended.append("done"))
    op.error.connect(lambda _e: ended.append("error"))
    op.cancel()  # what the progress dialog's Hủy does
    qtbot.waitUntil(lambda: ended != [], timeout=WAIT)
    QApplication.processEvents()
    assert ended == ["error"]  # the worker stopped with Cancelled, which is not shown
    assert previews == []
    assert list(reports_ui.temp_folder().iterdir()) == []


def test_unit_choice_asks_first(qtbot, service, messages) -> None:
    assert reports_ui.print_unit_profiles(None, service, None) is None
    assert "Hãy chọn một đơn vị" in messages[0]
    dialog = reports_ui.UnitPrintDialog(None, "Sở Nội vụ")
    qtbot.addWidget(dialog)
    assert dialog.subunits_check.isChecked() and not dialog.inactive_check.isChecked()


# --- the list on screen -------------------------------------------------------------------------------------
def test_list_prints_exactly_the_filtered_people(qtbot, service, people, previews, messages, monkeypatch,
                                                 tmp_path) -> None:
    flt = PersonFilter(sex="Nữ")
    reports_ui.print_list(None, service, flt, ["full_name", "sex", "unit_code", "staff_type"])
    dialog = shown_preview(qtbot, previews)
    text = pdf_text(dialog.path)
    for expected in ("STT", "Họ và tên", "Giới tính", "Mã đơn vị", "Loại", "Phạm Thị Đào", "Trần Thị Hoa",
                     "DN.SNV.CCVC", "Công chức", "Giới tính: Nữ", "Tổng số: 2 người"):
        assert expected in text, expected
    assert "Lê Văn An" not in text and "Võ Văn Nam" not in text and "Ngày sinh" not in text
    box = PdfReader(dialog.path).pages[0].mediabox
    assert float(box.width) < float(box.height)  # four columns fit upright

    workbook = tmp_path / "ds.xlsx"
    monkeypatch.setattr(reports_ui, "ask_save_path", lambda *args: workbook)
    dialog.findChild(type(dialog.print_action), "extra_action").trigger()  # "Xuất Excel…"
    qtbot.waitUntil(lambda: messages != [], timeout=WAIT)
    rows = list(openpyxl.load_workbook(workbook).active.values)
    header = next(i for i, r in enumerate(rows) if r[0] == "STT")  # under the title, date and filters
    assert rows[header] == ("STT", "Họ và tên", "Giới tính", "Mã đơn vị", "Loại")
    assert [r[1] for r in rows[header + 1:-1]] == ["Phạm Thị Đào", "Trần Thị Hoa"]
    assert rows[-1][0] == "Tổng số: 2 người"
    assert "2 người" in messages[0]


def test_a_wide_list_turns_sideways_and_follows_the_sort(qtbot, service, people, previews, monkeypatch,
                                                         tmp_path) -> None:
    from ui.people_model import COLUMNS

    reports_ui.print_list(None, service, PersonFilter(), [c.key for c in COLUMNS], sort=("cccd", True))
    dialog = shown_preview(qtbot, previews)
    box = PdfReader(dialog.path).pages[0].mediabox
    assert float(box.width) > float(box.height)
    text = pdf_text(dialog.path)
    assert "Ngày nghỉ hưu" in text and "Tình trạng" in text and "Đang công tác" in text
    order = [text.index(name) for name in ("Phạm Thị Đào", "Trần Thị Hoa", "Võ Văn Nam", "Lê Văn An")]
    assert order == sorted(order)  # CCCD descending, as the list was sorted

    printed = tmp_path / "ngang.pdf"
    monkeypatch.setattr(dialog, "ask_printer", lambda printer: printer.setOutputFileName(str(printed)) or True)
    dialog.print_document(QPrinter(QPrinter.PrinterMode.ScreenResolution))
    qtbot.waitUntil(lambda: dialog.print_action.isEnabled(), timeout=WAIT)
    box = PdfReader(printed).pages[0].mediabox
    assert float(box.width) == pytest.approx(842, abs=2) and float(box.height) == pytest.approx(595, abs=2)


def test_an_empty_list_says_so(qtbot, service, previews, messages) -> None:
    reports_ui.print_list(None, service, PersonFilter(query="không có ai tên này"), ["full_name"])
    qtbot.waitUntil(lambda: messages != [], timeout=WAIT)
    assert "không có ai" in messages[0] and previews == []


# --- statistics -------------------------------------------------------------------------------------------------
def test_stats_preview_has_the_bm01_headings(qtbot, service, people, previews, monkeypatch, no_message_boxes) -> None:
    monkeypatch.setattr(reports_ui.StatsDialog, "ask", classmethod(
        lambda cls, parent, unit: reports_ui.StatsChoice(dt.date(2026, 6, 30), excel=False)))
    reports_ui.print_stats(None, service, "DN")
    dialog = shown_preview(qtbot, previews)
    text = pdf_text(dialog.path)
    for label in ("BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG", "Tính đến ngày 30/06/2026", "Trong đó", "Chia theo ngạch công chức",
                  "Chia theo độ tuổi", "Sở Nội vụ", "Tổng cộng"):
        assert label in text, label


def test_stats_as_a_workbook(qtbot, service, people, monkeypatch, messages, tmp_path) -> None:
    monkeypatch.setattr(reports_ui.StatsDialog, "ask", classmethod(
        lambda cls, parent, unit: reports_ui.StatsChoice(dt.date(2026, 6, 30), excel=True)))
    workbook = tmp_path / "bc.xlsx"
    asked: list[str] = []
    monkeypatch.setattr(reports_ui, "ask_save_path", lambda parent, caption, name, *rest: asked.append(name) or workbook)
    reports_ui.print_stats(None, service, None)
    qtbot.waitUntil(lambda: messages != [], timeout=WAIT)
    assert asked == ["Báo cáo số lượng, chất lượng - Toàn bộ các đơn vị - 30-06-2026.xlsx"]
    values = [v for row in openpyxl.load_workbook(workbook).active.values for v in row if isinstance(v, str)]
    assert any("SỐ LƯỢNG, CHẤT LƯỢNG" in v for v in values) and "Tổng cộng" in values


def test_stats_dialog_wants_a_real_date(qtbot) -> None:
    dialog = reports_ui.StatsDialog(None, "Sở Nội vụ")
    qtbot.addWidget(dialog)
    assert dialog.date_edit.value() == dt.date.today() and dialog.pdf_radio.isChecked()
    dialog.date_edit.setText("31/02/2026")
    dialog.accept()
    assert "không hợp lệ" in dialog.error_label.text() and dialog.result() != dialog.DialogCode.Accepted


# --- shortcuts ------------------------------------------------------------------------------------------------------
def test_ctrl_p_in_the_main_window_prints_the_selected_person(qtbot, service, people, previews) -> None:
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.people.select_person(people["Phạm Thị Đào"])
    window.people.table.setFocus()
    QTest.keyClick(window.people.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = shown_preview(qtbot, previews)
    assert "PHẠM THỊ ĐÀO" in pdf_text(dialog.path) and "TRẦN THỊ HOA" not in pdf_text(dialog.path)


def test_ctrl_p_in_the_editor_prints_the_saved_person(qtbot, service, people, monkeypatch) -> None:
    from ui.editor import PersonEditor

    calls: list[tuple] = []
    monkeypatch.setattr(reports_ui, "print_profile", lambda *args: calls.append(args))
    editor = PersonEditor(service, people["Trần Thị Hoa"])
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    QTest.keyClick(editor, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert calls == [(editor, service, people["Trần Thị Hoa"])]


def test_preview_remembers_its_size(qtbot, tmp_path) -> None:
    from reportlab.pdfgen import canvas

    pdf = tmp_path / "mot-trang.pdf"
    page = canvas.Canvas(str(pdf))
    page.drawString(100, 700, "HoSo")
    page.save()
    first = PrintPreviewDialog(pdf)
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 480)
    first.reject()
    assert pdf.exists()  # not a temporary file: it stays
    second = PrintPreviewDialog(pdf)
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (640, 480)


def test_stats_for_public_employees_is_the_vien_chuc_report(qtbot, service, people, previews, monkeypatch,
                                                             no_message_boxes) -> None:
    dialog = reports_ui.StatsDialog(None, "Sở Nội vụ")
    qtbot.addWidget(dialog)
    assert dialog.staff_combo.currentData() == "cong_chuc"  # BM01 by default
    dialog.staff_combo.setCurrentIndex(dialog.staff_combo.findData("vien_chuc"))
    monkeypatch.setattr(reports_ui.StatsDialog, "ask", classmethod(
        lambda cls, parent, unit: reports_ui.StatsChoice(dt.date(2026, 6, 30), False, dialog.staff_combo.currentData())))
    reports_ui.print_stats(None, service, "DN")
    text = pdf_text(shown_preview(qtbot, previews).path)
    assert "CHẤT LƯỢNG VIÊN CHỨC" in text and "CHẤT LƯỢNG CÔNG CHỨC" not in text
