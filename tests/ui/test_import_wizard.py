"""The import wizard driven like a clerk would (offscreen), and the export of the list on screen.

The spreadsheets are built here with openpyxl: title rows above the header, names typed in the
old TCVN3 `.VnTime` font, a date that does not exist, one CCCD on two rows, an unknown column,
a person who is already in HoSo, and the signer's line under the table.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWizard

from app.errors import UserError
from app.listing import PersonFilter
from app.services import HoSoService
from tests.core.test_import_support import cccd_of, to_tcvn3, xlsx
from ui import import_wizard
from ui.events import DataEvents
from ui.import_wizard import ImportWizard
from ui.import_wizard_pages import BAD_COLOR, CONVERTED_COLOR

HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ", "Quê quán", "ĐT liên lạc"]
KNOWN = cccd_of(9, 80)  # already in HoSo before the import


def messy_rows() -> list[list]:
    return [["UBND THÀNH PHỐ ĐÀ NẴNG"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2026"], [], HEADER,
            [1, to_tcvn3("Nguyễn Văn Bình"), "12/03/1985", "Nam", cccd_of(1), "DN.SNV", "Chuyên viên", "Hòa Vang",
             "0905123456"],                                                                            # row 5: new
            [2, to_tcvn3("Trần Thị Hoa"), dt.datetime(1990, 5, 1), "Nữ", cccd_of(2, 90, True), "Sở Nội vụ",
             "Chuyên viên", "Điện Bàn", None],                                                         # row 6: new
            [3, to_tcvn3("Lê Văn Sai"), "31/02/1985", "Nam", cccd_of(3), "DN.SNV"],                   # row 7: bad date
            [4, to_tcvn3("Phạm Văn Dân"), "01/01/1985", "Nam", cccd_of(4), "DN.SNV"],                 # rows 8, 9: one
            [5, to_tcvn3("Võ Văn Lân"), "02/02/1985", "Nam", cccd_of(4), "DN.SNV"],                   # CCCD twice
            [6, to_tcvn3("Đỗ Văn Cũ"), "03/03/1980", "Nam", KNOWN, "DN.SNV", "Phó Trưởng phòng"],     # row 10: update
            [None, to_tcvn3("Người lập biểu")]]                                                        # row 11: skipped


@pytest.fixture
def messy_file(tmp_path: Path) -> Path:
    return xlsx(tmp_path / "danh-sach-cu.xlsx", messy_rows(), fonts={"B": ".VnTime"}, merges=["A1:I1", "A2:I2"])


@pytest.fixture
def known(service: HoSoService) -> HoSoService:
    service.people.create_person({"cccd": KNOWN, "full_name": "Đỗ Văn Cũ", "birth_date": "03/03/1980", "sex": "Nam",
                           "unit_code": "DN.SNV", "position": "Chuyên viên"})
    return service


def start(qtbot, service: HoSoService, path: Path, unit: str | None = "DN.SNV") -> tuple[ImportWizard, list]:
    """The wizard on its first page with ``path`` chosen in the (replaced) file dialog."""
    events = DataEvents()
    emitted: list = []
    events.people_changed.connect(lambda ids: emitted.append(("people", ids)))
    events.units_changed.connect(lambda: emitted.append(("units",)))
    wizard = ImportWizard(None, service, unit, events)
    wizard.events_seen = emitted
    qtbot.addWidget(wizard)
    wizard.ask_open_path = lambda: str(path)
    wizard.show()
    wizard.file_page.choose_button.click()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=5000)
    return wizard, emitted


def forward(qtbot, wizard: ImportWizard) -> None:
    """Click Next (or the commit button) once it is enabled, as the clerk would."""
    page = wizard.currentPage()
    which = QWizard.WizardButton.CommitButton if page.isCommitPage() else QWizard.WizardButton.NextButton
    button = wizard.button(which)
    qtbot.waitUntil(lambda: button.isEnabled() and button.isVisible(), timeout=5000)
    button.click()
    assert wizard.currentPage() is not page


def targets(wizard: ImportWizard, sheet: str = "Danh sách") -> dict[int, str | None]:
    return {col: combo.currentData() for col, combo in wizard.columns_page.tables[sheet].combos.items()}


def cell(model, row_number: int, letter: str):
    """The preview's cell of spreadsheet row ``row_number`` in column ``letter`` (or under a header)."""
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
    column = next(i for i, h in enumerate(headers) if h.startswith(f"{letter}: ") or h == letter)
    return model.index(rows.index(str(row_number)), column)


def role(index, name: str):
    return index.data(getattr(Qt.ItemDataRole, name))


def test_messy_file_goes_through_the_wizard(qtbot, known, messy_file, tmp_path) -> None:
    wizard, emitted = start(qtbot, known, messy_file)
    assert "dòng tiêu đề 4" in wizard.file_page.summary_label.text()
    forward(qtbot, wizard)

    # columns: the right targets proposed, the unknown column shown as such, the TCVN3 sample repaired
    page = wizard.columns_page
    assert "Dòng tiêu đề: 4" in page.info_label.text() and not page.recalled_label.isVisible()
    assert targets(wizard) == {0: None, 1: "full_name", 2: "birth_date", 3: "sex", 4: "cccd", 5: "unit",
                               6: "position", 7: "hometown_text", 8: None}
    table = page.tables["Danh sách"]
    assert table.item(8, 1).text() == "ĐT liên lạc" and table.item(8, 4).text() == "Không nhận ra tiêu đề: chưa nhập"
    assert table.item(0, 4).text().startswith("Bỏ qua")  # STT
    assert table.item(1, 2).text() == "Nguyễn Văn Bình" and table.item(1, 2).background().color() == CONVERTED_COLOR
    assert page.unit_combo.currentData() == "DN.SNV"
    # two columns for one field block Next until corrected
    table.combos[7].setCurrentIndex(table.combos[7].findData("cccd"))
    assert "Cột E và cột H" in page.problems_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    table.combos[7].setCurrentIndex(table.combos[7].findData("hometown_text"))
    # the clerk maps the unknown column to the phone number
    table.combos[8].setCurrentIndex(table.combos[8].findData("phone"))
    assert table.item(8, 4).text() == "Đã chọn lại" and wizard.mapping().columns[8] == "phone"
    forward(qtbot, wizard)

    # preview: every row's fate, the bad cells red, the repaired cells blue, nothing written
    qtbot.waitUntil(lambda: wizard.preview_page.rows is not None, timeout=5000)
    model = wizard.preview_page.model
    actions = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert actions == {"5": "Thêm mới", "6": "Thêm mới", "7": "Bị từ chối", "8": "Bị từ chối", "9": "Bị từ chối",
                       "10": "Cập nhật"}  # the preview stops at its last person; the dry run reads on
    bad_date = cell(model, 7, "C")
    assert bad_date.data() == "31/02/1985" and role(bad_date, "BackgroundRole") == BAD_COLOR
    assert role(bad_date, "ToolTipRole").startswith("Dòng 7, Ngày sinh (cột C): ")
    assert role(cell(model, 7, "B"), "BackgroundRole") == CONVERTED_COLOR  # the name of a refused row is fine
    assert role(cell(model, 8, "E"), "BackgroundRole") == BAD_COLOR
    assert "các dòng 8 và 9" in role(cell(model, 9, "E"), "ToolTipRole")
    name = cell(model, 5, "B")
    assert name.data() == "Nguyễn Văn Bình" and role(name, "BackgroundRole") == CONVERTED_COLOR
    assert "Đã chuyển từ TCVN3" in role(name, "ToolTipRole") and to_tcvn3("Nguyễn") in role(name, "ToolTipRole")
    assert role(cell(model, 5, "C"), "BackgroundRole") is None
    details = "Chi tiết (lỗi, thay đổi)"
    assert cell(model, 10, details).data() == "Sẽ đổi: Chức vụ (chức danh) hiện tại → Phó Trưởng phòng"
    assert cell(model, 5, details).data() == ""
    assert cell(model, 7, details).data().startswith("Ngày sinh (cột C): ")  # the row number is in its column
    assert role(cell(model, 7, details), "ToolTipRole").startswith("Dòng 7, Ngày sinh (cột C): ")
    assert "Thêm mới: 2" in wizard.preview_page.summary_label.text()
    wizard.preview_page.only_errors_check.setChecked(True)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["7", "8", "9"]
    with pytest.raises(UserError):
        known.people.person(cccd_of(1))

    # dry run: the whole file checked, still nothing written
    wizard.preview_page.dry_run_button.click()
    qtbot.waitUntil(lambda: not wizard.busy and "Chạy thử" in wizard.preview_page.summary_label.text(), timeout=5000)
    assert "thêm mới 2 người, cập nhật 1" in wizard.preview_page.summary_label.text()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["7", "8", "9"]  # still only errors
    wizard.preview_page.only_errors_check.setChecked(False)
    assert model.index(model.rowCount() - 1, 1).data() == "Bỏ qua"  # row 11, the signer
    with pytest.raises(UserError):
        known.people.person(cccd_of(1))
    assert known.people.person(KNOWN)["position"] == "Chuyên viên" and emitted == []

    # import
    forward(qtbot, wizard)
    result_page = wizard.result_page
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert result_page.counts_label.text() == ("Số dòng đã đọc: 6 · Thêm mới: 2 · Cập nhật: 1 · Không đổi: 0 · "
                                               "Bị từ chối: 3 · Bỏ qua: 1")
    errors = result_page.errors
    listed = [(errors.item(r, 0).text(), errors.item(r, 2).text()) for r in range(errors.rowCount())]
    assert listed == [("7", "Ngày sinh"), ("8", "Số CCCD (số định danh cá nhân)"),
                      ("9", "Số CCCD (số định danh cá nhân)")]
    assert errors.item(0, 3).text().startswith("Dòng 7, Ngày sinh (cột C)")
    binh = known.people.person(cccd_of(1))
    assert (binh["full_name"], binh["unit_code"], binh["phone"]) == ("Nguyễn Văn Bình", "DN.SNV", "0905123456")
    assert known.people.person(cccd_of(2, 90, True))["unit_code"] == "DN.SNV"  # the unit written by name
    assert known.people.person(KNOWN)["position"] == "Phó Trưởng phòng"
    for refused in (cccd_of(3), cccd_of(4)):
        with pytest.raises(UserError):
            known.people.person(refused)
    assert wizard.wrote and emitted == [("people", []), ("units",)]

    # the result report: the file's rows plus the result and error columns
    report = tmp_path / "ket-qua.xlsx"
    wizard.ask_save_path = lambda title, suggested: str(report)
    result_page.report_button.click()
    qtbot.waitUntil(lambda: report.exists() and not wizard.busy, timeout=5000)
    ws = openpyxl.load_workbook(report)["Danh sách"]
    headers = [c.value for c in ws[4]]
    result_col, error_col = headers.index("Kết quả") + 1, headers.index("Lỗi") + 1
    assert ws.cell(7, error_col).value.startswith("Dòng 7, Ngày sinh (cột C)")
    assert ws.cell(5, result_col).value == "Đã thêm" and ws.cell(7, result_col).value == "Bị từ chối"
    assert ws.cell(5, 2).value == "Nguyễn Văn Bình"  # shown in Unicode
    assert "Đã lưu báo cáo" in result_page.report_label.text()


def test_preview_model_passes_the_model_tester(qtbot, qtmodeltester, known, messy_file) -> None:
    wizard, _ = start(qtbot, known, messy_file)
    forward(qtbot, wizard)
    forward(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.rows is not None, timeout=5000)
    qtmodeltester.check(wizard.preview_page.model, force_py=True)


def test_the_corrected_mapping_is_remembered_for_the_next_file_of_that_shape(qtbot, service, messy_file) -> None:
    wizard, _ = start(qtbot, service, messy_file)
    forward(qtbot, wizard)
    combo = wizard.columns_page.tables["Danh sách"].combos[8]
    combo.setCurrentIndex(combo.findData("phone"))
    for _ in range(2):
        forward(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    again, _ = start(qtbot, service, messy_file)
    forward(qtbot, again)
    assert again.columns_page.recalled_label.isVisible()
    assert targets(again)[8] == "phone"
    assert again.columns_page.tables["Danh sách"].item(8, 4).text() == "Theo lần nhập trước"


def test_dry_run_writes_nothing(qtbot, service, messy_file) -> None:
    wizard, emitted = start(qtbot, service, messy_file)
    forward(qtbot, wizard)
    forward(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.rows is not None, timeout=5000)
    wizard.preview_page.dry_run_button.click()
    qtbot.waitUntil(lambda: "Chạy thử" in wizard.preview_page.summary_label.text(), timeout=5000)
    assert service.people.person_ids(PersonFilter(statuses=())) == [] and emitted == []
    assert wizard.preview_page.model.rowCount() == 7


def test_cancel_during_the_import_leaves_nothing(qtbot, service, messy_file) -> None:
    started, go_on = threading.Event(), threading.Event()
    real = service.exchange.run_import

    def slow(*args, progress=None, **kwargs):
        def report(done: int, total: int) -> None:  # the first person is saved (in the transaction) by now
            started.set()
            go_on.wait(5)
            progress(done, total)
        return real(*args, progress=report, **kwargs)

    service.exchange.run_import = slow
    wizard, emitted = start(qtbot, service, messy_file)
    forward(qtbot, wizard)
    forward(qtbot, wizard)
    forward(qtbot, wizard)
    qtbot.waitUntil(started.is_set, timeout=5000)
    dialog = wizard.findChild(QProgressDialog)
    dialog.findChild(QPushButton).click()  # the progress dialog's "Hủy"
    go_on.set()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert wizard.result.cancelled
    assert "Đã huỷ" in wizard.result_page.headline.text()
    assert service.people.person_ids(PersonFilter(statuses=())) == []
    assert not wizard.wrote and emitted == []
    assert not wizard.result_page.report_button.isEnabled()


def test_closing_the_wizard_while_it_imports_cancels_instead(qtbot, service, messy_file) -> None:
    started, go_on = threading.Event(), threading.Event()
    real = service.exchange.run_import
    service.exchange.run_import = lambda *a, progress=None, **k: real(
        *a, progress=lambda d, t: (started.set(), go_on.wait(5), progress(d, t)), **k)
    wizard, _ = start(qtbot, service, messy_file)
    for _ in range(3):
        forward(qtbot, wizard)
    qtbot.waitUntil(started.is_set, timeout=5000)
    wizard.reject()
    assert wizard.isVisible()  # still open: it waits for the import to stop
    go_on.set()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10000)
    assert wizard.result.cancelled and service.people.person_ids(PersonFilter(statuses=())) == []


def test_an_unreadable_file_is_explained_and_blocks_next(qtbot, service, tmp_path) -> None:
    path = xlsx(tmp_path / "trong.xlsx", [["Chỉ có một dòng chữ"], ["và không có bảng"]])
    wizard, _ = start(qtbot, service, path)
    assert wizard.source is None
    assert "không tìm thấy dòng tiêu đề" in wizard.file_page.error_label.text()
    assert wizard.file_page.error_label.isVisibleTo(wizard)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_template_and_sheet_choice(qtbot, service, tmp_path) -> None:
    template = tmp_path / "mau.xlsx"
    wizard = ImportWizard(None, service, None, DataEvents())
    qtbot.addWidget(wizard)
    wizard.ask_save_path = lambda title, suggested: str(template)
    wizard.file_page.template_button.click()
    qtbot.waitUntil(lambda: template.exists() and not wizard.busy, timeout=5000)
    assert "Đã lưu tệp mẫu" in wizard.file_page.template_label.text()
    assert openpyxl.load_workbook(template).sheetnames[0] == "Danh sách"
    # a workbook whose people are on its second sheet; child sheets listed on the column page
    rows = [HEADER[:5], [1, "Lê Thị An", "02/02/1992", "Nữ", cccd_of(7, 92, True)]]
    path = xlsx(tmp_path / "hai-trang.xlsx", [["Ghi chú"]], title="Ghi chú",
                extra={"Nhân sự": rows, "Đào tạo": [["Số CCCD", "Trình độ", "Chuyên ngành"],
                                                     [cccd_of(7, 92, True), "Cử nhân", "Luật"]]})
    wizard.ask_open_path = lambda: str(path)
    wizard.show()
    wizard.file_page.choose_button.click()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=5000)
    combo = wizard.file_page.sheet_combo
    assert combo.isEnabled() and [combo.itemText(i) for i in range(combo.count())] == ["Ghi chú", "Nhân sự", "Đào tạo"]
    assert wizard.source.sheet.name == "Nhân sự"
    combo.setCurrentText("Ghi chú")  # not a list: refused, explained
    qtbot.waitUntil(lambda: not wizard.busy, timeout=5000)
    assert wizard.source is None and wizard.file_page.error_label.text()
    combo.setCurrentText("Nhân sự")
    qtbot.waitUntil(lambda: wizard.source is not None and not wizard.busy, timeout=5000)
    forward(qtbot, wizard)
    assert wizard.columns_page.tabs.count() == 2
    assert targets(wizard, "Đào tạo")[0] == "cccd"


def test_entry_point_reports_whether_anything_was_written(qtbot, service, monkeypatch) -> None:
    monkeypatch.setattr(ImportWizard, "exec", lambda self: 0)
    assert import_wizard.import_spreadsheet(None, service, "DN.SNV", DataEvents()) is False


# --- export of the list on screen --------------------------------------------------------------

def test_export_writes_exactly_the_filtered_list_with_its_columns(qtbot, service, tmp_path, monkeypatch) -> None:
    from ui import main_window

    for cccd, name, born, sex, unit in ((cccd_of(1, 85), "Nguyễn Văn Bình", "12/03/1985", "Nam", "DN.SNV"),
                                        (cccd_of(2, 90, True), "Trần Thị Hoa", "01/05/1990", "Nữ", "DN.SNV.CCVC"),
                                        (cccd_of(3, 92, True), "Lê Thị An", "02/02/1992", "Nữ", "DN.P.HAICHAU")):
        service.people.create_person({"cccd": cccd, "full_name": name, "birth_date": born, "sex": sex, "unit_code": unit})
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    people = window.people
    people.sex_combo.setCurrentIndex(people.sex_combo.findData("Nữ"))
    window.units.select_code("DN.SNV")
    people.toggle_column("retirement_date", True)
    people.toggle_column("unit_code", True)
    people.toggle_column("position", False)
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=3000)
    target, told = tmp_path / "loc.xlsx", []
    monkeypatch.setattr(import_wizard, "ask_save_path", lambda parent, title, name: str(target))
    monkeypatch.setattr(import_wizard, "inform", lambda parent, text: told.append(text))
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    actions["export_list_action"].trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert str(target) in told[0] and "1 hồ sơ" in told[0]
    rows = list(openpyxl.load_workbook(target)["Danh sách"].iter_rows(values_only=True))
    assert rows[0] == ("Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Tên đơn vị", "Mã ngạch", "Bậc lương",
                       "Hệ số lương", "Ngày nghỉ hưu", "Mã đơn vị")
    assert len(rows) == 2
    hoa = rows[1]
    assert hoa[:5] == ("Trần Thị Hoa", dt.datetime(1990, 5, 1), "Nữ", cccd_of(2, 90, True),
                       "Phòng Công chức, viên chức")
    assert isinstance(hoa[8], dt.datetime) and hoa[8].year == 2050 and hoa[9] == "DN.SNV.CCVC"


def test_export_follows_the_list_sort(qtbot, service, tmp_path, monkeypatch) -> None:
    for cccd, name, born in ((cccd_of(2, 90, True), "Trần Thị Hoa", "01/05/1990"),
                             (cccd_of(3, 92, True), "Lê Thị An", "02/02/1992")):
        service.people.create_person({"cccd": cccd, "full_name": name, "birth_date": born, "sex": "Nữ"})
    target = tmp_path / "sap-xep.xlsx"
    monkeypatch.setattr(import_wizard, "ask_save_path", lambda *a: str(target))
    monkeypatch.setattr(import_wizard, "inform", lambda *a: None)
    for sort, expected in (((None, False), ["Lê Thị An", "Trần Thị Hoa"]),
                           (("birth_date", False), ["Trần Thị Hoa", "Lê Thị An"])):
        op = import_wizard.export_list(None, service, PersonFilter(), ["full_name", "birth_date"], sort=sort)
        with qtbot.waitSignal(op.done, timeout=5000):
            pass
        rows = list(openpyxl.load_workbook(target)["Danh sách"].iter_rows(min_row=2, values_only=True))
        assert [r[1] for r in rows] == expected  # Số CCCD first: the key is always written


def test_export_problem_is_shown(qtbot, service, tmp_path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(import_wizard, "ask_save_path", lambda *a: str(tmp_path / "no" / "such" / "x.xlsx"))
    monkeypatch.setattr(import_wizard, "show_error", lambda parent, text: shown.append(text))
    import_wizard.export_list(None, service, PersonFilter(), ["full_name"])
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "không tồn tại" in shown[0]


def test_old_xls_and_csv_files_preview_too(qtbot, service, tmp_path) -> None:
    """A real BIFF8 .xls typed in .VnTime/.VnTimeH fonts, and a UTF-8 .csv."""
    from tests.core.test_import_support import SAMPLE_XLS

    old = tmp_path / "cu.xls"
    old.write_bytes(SAMPLE_XLS)
    wizard, _ = start(qtbot, service, old)
    forward(qtbot, wizard)
    forward(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.preview_page.rows is not None, timeout=5000)
    model = wizard.preview_page.model
    name = cell(model, 4, "B")
    assert name.data() == "NGUYỄN VĂN BÌNH" and role(name, "BackgroundRole") == CONVERTED_COLOR
    assert cell(model, 5, "B").data() == "Trần Thị Hoa"
    csv = tmp_path / "ds.csv"
    csv.write_text(f"Họ và tên,Ngày sinh,Giới tính,Số CCCD\nLê Thị An,02/02/1992,Nữ,{cccd_of(7, 92, True)}\n",
                   encoding="utf-8")
    again, _ = start(qtbot, service, csv)
    for _ in range(3):
        forward(qtbot, again)
    qtbot.waitUntil(lambda: again.result is not None, timeout=10000)
    assert service.people.person(cccd_of(7, 92, True))["full_name"] == "Lê Thị An"


def test_a_typed_path_opens_the_file_and_a_wrong_one_is_named(qtbot, service, messy_file, tmp_path) -> None:
    wizard = ImportWizard(None, service, "DN.SNV", DataEvents())
    qtbot.addWidget(wizard)
    wizard.show()
    edit = wizard.file_page.path_edit
    assert not edit.isReadOnly()
    edit.setText(str(tmp_path / "khong-co.xlsx"))
    edit.returnPressed.emit()
    assert "Không tìm thấy tệp" in wizard.file_page.error_label.text() and wizard.source is None
    edit.setText(str(messy_file))
    edit.returnPressed.emit()
    qtbot.waitUntil(lambda: not wizard.busy and wizard.source is not None, timeout=5000)
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_a_damaged_file_is_explained_without_the_exception_name(qtbot, service, tmp_path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip file at all")
    wizard, _ = start(qtbot, service, path)
    text = wizard.file_page.error_label.text()
    assert "hỏng" in text and "BadZip" not in text and "Error" not in text, text


def test_file_dialogs_open_in_documents_then_where_the_user_went(qtbot, monkeypatch, tmp_path) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ui import file_dialogs

    asked: list[tuple] = []
    chosen = tmp_path / "don-vi" / "danh-sach.xlsx"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: asked.append(a) or (str(chosen), "")))
    assert file_dialogs.open_file(None, "Chọn tệp", "*.xlsx") == str(chosen)
    assert asked[0][2] == str(file_dialogs.documents_folder())  # not the program's folder
    assert asked[0][5] & QFileDialog.Option.DontUseNativeDialog  # Qt's dialog, translated with HoSo
    file_dialogs.open_file(None, "Chọn tệp", "*.xlsx")
    assert asked[1][2] == str(chosen.parent)  # remembered
