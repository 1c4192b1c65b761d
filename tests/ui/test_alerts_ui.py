"""The alerts panel, the status bar's alert count, the completeness dashboard and the data-quality
list on crafted dossiers (offscreen; file dialogs replaced, any message box fails the test)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from types import SimpleNamespace

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from app.alerts import KIND_LABELS
from app.quality import CHECKS
from models import Person
from tests.core.conftest import person_data
from ui import alerts_ui, dashboard_ui, main_window
from ui.alerts_ui import AlertsWindow, RowsModel

AS_OF = dt.date(2026, 6, 1)
_SERIAL = itertools.count(1)


def add(service, name: str, birth: str, sex: str, unit: str, **overrides):
    """A dossier whose CCCD agrees with its birth year and sex; no salary history (no mismatch)."""
    year = int(birth[-4:])
    cccd = f"048{2 * ((year - 1900) // 100) + (sex == 'Nữ')}{year % 100:02d}{next(_SERIAL):06d}"
    data = {"salary_history": [], **overrides}
    return service.people.create_person(person_data(cccd=cccd, full_name=name, birth_date=birth, sex=sex, unit_code=unit,
                                             **data)).id


class FakeMain(QWidget):
    """What the tool windows need of the main window: ``open_person``."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list = []

    def open_person(self, person_id) -> None:
        self.opened.append(person_id)


@pytest.fixture(autouse=True)
def _as_of(monkeypatch) -> None:
    monkeypatch.setattr(alerts_ui, "today", lambda: AS_OF)
    monkeypatch.setattr(dashboard_ui, "today", lambda: AS_OF)


@pytest.fixture
def parent(qtbot, no_message_boxes) -> FakeMain:
    widget = FakeMain()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def people(service) -> dict[str, object]:
    """As of 01/06/2026: Hùng (man, born 07/1965) must be notified of retirement by 31/10/2026,
    decided by 31/01/2027, retires 30/04/2027; Mai's step raise (A1, since 01/09/2023) is due
    01/09/2026; Bình's (since 01/09/2024) only on 01/09/2027."""
    return {
        "Hùng": add(service, "Trần Văn Hùng", "15/07/1965", "Nam", "DN.SNV", salary_since="01/09/2024"),
        "Mai": add(service, "Lê Thị Mai", "20/06/1985", "Nữ", "DN.P.HAICHAU", salary_since="01/09/2023"),
        "Bình": add(service, "Nguyễn Văn Bình", "12/03/1985", "Nam", "DN.SNV.CCVC", salary_since="01/09/2024"),
    }


def shown(window: AlertsWindow) -> list[tuple[str, str, str]]:
    """(due, kind, name) as the table shows them."""
    proxy = window.table.proxy
    return [tuple(proxy.index(r, c).data() for c in (0, 1, 2)) for r in range(proxy.rowCount())]


def double_click(table, index) -> None:
    """As a user does it: Qt 6's item views open on a double click that follows a press."""
    point = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=point)


def open_alerts(qtbot, parent, service, unit_code=None) -> AlertsWindow:
    window = alerts_ui.show_alerts(parent, service, unit_code)
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)
    return window


NOTICE = ("31/10/2026", "Thông báo nghỉ hưu", "Trần Văn Hùng")
STEP = ("01/09/2026", "Nâng bậc lương thường xuyên", "Lê Thị Mai")


def test_labels_match_the_core() -> None:
    assert alerts_ui.kind_labels() == KIND_LABELS
    assert dashboard_ui.check_labels() == CHECKS


def test_panel_lists_exactly_the_due_people_and_kinds(qtbot, parent, service, people) -> None:
    window = open_alerts(qtbot, parent, service)
    assert window.date_edit.text() == "01/06/2026" and window.months_spin.value() == 6
    assert shown(window) == [STEP, NOTICE]  # Bình's raise (01/09/2027) is outside
    assert window.scope_label.text() == "Đơn vị: Tất cả"
    assert window.count_label.text() == "2 việc, 2 người"
    assert window.kind_checks["salary_step"].text() == "Nâng bậc lương thường xuyên (1)"
    assert window.kind_checks["retirement"].text() == "Nghỉ hưu (0)"
    window.months_spin.setValue(3)  # the window ends 01/09/2026: Mai's raise is due on its last day
    qtbot.waitUntil(lambda: shown(window) == [STEP], timeout=5000)
    window.months_spin.setValue(12)
    qtbot.waitUntil(lambda: len(shown(window)) == 4, timeout=5000)
    assert shown(window) == [STEP, NOTICE, ("31/01/2027", "Quyết định nghỉ hưu", "Trần Văn Hùng"),
                             ("30/04/2027", "Nghỉ hưu", "Trần Văn Hùng")]
    assert window.kind_checks["retirement"].text() == "Nghỉ hưu (1)"


def test_kind_filter_sorting_and_the_unit_scope(qtbot, parent, service, people) -> None:
    window = open_alerts(qtbot, parent, service)
    window.months_spin.setValue(12)
    qtbot.waitUntil(lambda: len(shown(window)) == 4, timeout=5000)
    window.kind_checks["salary_step"].setChecked(False)
    assert [row[1] for row in shown(window)] == ["Thông báo nghỉ hưu", "Quyết định nghỉ hưu", "Nghỉ hưu"]
    assert window.count_label.text() == "3 việc, 1 người"
    for kind in ("retirement_notice", "retirement_decision", "retirement"):
        window.kind_checks[kind].setChecked(False)
    window.kind_checks["salary_step"].setChecked(True)
    assert shown(window) == [STEP]
    for check in window.kind_checks.values():
        check.setChecked(True)
    window.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # Vietnamese order: Hùng before Mai
    assert [row[2] for row in shown(window)] == ["Trần Văn Hùng"] * 3 + ["Lê Thị Mai"]
    window.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(window)[0] == ("30/04/2027", "Nghỉ hưu", "Trần Văn Hùng")
    assert alerts_ui.show_alerts(parent, service, "DN.P.HAICHAU") is window  # the open panel, rescoped
    qtbot.waitUntil(lambda: shown(window) == [STEP], timeout=5000)
    assert window.scope_label.text() == "Đơn vị: UBND phường Hải Châu (cả đơn vị trực thuộc)"


def test_overdue_rows_are_tinted(qtbot, parent, service, people) -> None:
    window = open_alerts(qtbot, parent, service)
    window.date_edit.setValue(dt.date(2026, 11, 1))  # Mai's raise and Hùng's notice are now overdue
    qtbot.waitUntil(lambda: len(shown(window)) == 4, timeout=5000)
    assert [row[0] for row in shown(window)] == ["01/09/2026", "31/10/2026", "31/01/2027", "30/04/2027"]
    tints = [window.table.proxy.index(r, 2).data(Qt.ItemDataRole.BackgroundRole) for r in range(4)]
    assert [t.color() if t else None for t in tints] == [alerts_ui.MARKED_BACKGROUND] * 2 + [None] * 2
    assert window.count_label.text() == "4 việc, 2 người — 2 việc đã quá hạn (tô đỏ)"
    notice = window.table.proxy.index(1, 5)
    assert notice.data(Qt.ItemDataRole.ToolTipRole).startswith("Quá hạn: Thông báo nghỉ hưu chậm nhất ngày 31/10/2026")
    window.date_edit.setText("31/02/2026")  # not a day: nothing is computed, the reason is shown
    qtbot.waitUntil(lambda: "không có thật" in window.status_label.text(), timeout=5000)
    assert len(shown(window)) == 4


def test_excel_export_writes_the_rows_shown(qtbot, parent, service, people, tmp_path) -> None:
    window = open_alerts(qtbot, parent, service)
    target = tmp_path / "canh-bao.xlsx"
    window.export_path = lambda: str(target)
    window.kind_checks["retirement_notice"].setChecked(False)
    window.export_button.click()
    qtbot.waitUntil(lambda: window.status_label.text().startswith("Đã xuất 1 dòng"), timeout=5000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:6] == ("STT", "Họ và tên", "Số CCCD", "Đơn vị", "Loại", "Đến hạn")
    assert [(r[1], r[3], r[4], r[5].date()) for r in rows[1:]] == [
        ("Lê Thị Mai", "UBND phường Hải Châu", "Nâng bậc lương thường xuyên", dt.date(2026, 9, 1))]


def test_double_click_opens_the_dossier(qtbot, parent, service, people) -> None:
    window = open_alerts(qtbot, parent, service)
    table = window.table
    double_click(table, table.proxy.index(1, 2))
    assert parent.opened == [people["Hùng"]]


def test_the_model_passes_qtmodeltester(qtmodeltester, service, people) -> None:
    model = RowsModel([alerts_ui.Column("Đến hạn", lambda a: a.due.isoformat()),
                       alerts_ui.Column("Họ và tên", lambda a: a.full_name, right=True)],
                      person_id=lambda a: a.person_id, marked=lambda a: a.overdue, tooltip=lambda a: a.detail)
    model.set_rows(service.alerts.alerts(AS_OF, 12))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4


def test_start_up_count_in_the_status_bar(qtbot, service, people, no_message_boxes) -> None:
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)

    def label() -> QLabel | None:
        return window.findChild(QLabel, "alert_count_label")

    qtbot.waitUntil(lambda: label() is not None and label().property("count") is not None, timeout=5000)
    assert label().property("count") == 2
    assert "Cảnh báo: 2 việc đến hạn trong 6 tháng tới" in label().text()
    assert "Công cụ → Cảnh báo đến hạn" in label().toolTip() and "01/06/2026" in label().toolTip()
    label().linkActivated.emit("alerts")
    panel = window.findChild(AlertsWindow)
    assert panel is not None and panel.isVisible()
    qtbot.waitUntil(lambda: not panel.busy, timeout=5000)
    assert shown(panel) == [STEP, NOTICE]
    for action, cls in (("show_completeness_action", dashboard_ui.CompletenessWindow),
                        ("show_quality_action", dashboard_ui.QualityWindow)):  # Công cụ menu entries
        window.findChild(QAction, action).trigger()
        opened = window.findChild(cls)
        assert opened is not None and opened.isVisible()
        qtbot.waitUntil(lambda w=opened: not w.busy, timeout=5000)


# --------------------------------------------------------------------------- completeness


@pytest.fixture
def three(service) -> dict[str, object]:
    """Complete (with a photo) and missing ethnicity + training + photo in DN.SNV.CCVC; a viên chức
    missing five HS02 items in DN.P.HAICHAU (as in tests/core/test_dashboard.py)."""
    an = service.people.save_person(None, person_data(cccd="048085000001", full_name="Trần Văn An", unit_code="DN.SNV.CCVC"),
                             photo=("anh.jpg", b"\xff\xd8 not really a jpeg")).id
    return {"An": an,
            "Bình": service.people.create_person(person_data(cccd="048085000002", full_name="Nguyễn Văn Bình",
                                                      unit_code="DN.SNV.CCVC", ethnicity_code=None, training=[])).id,
            "Cúc": service.people.create_person(person_data(cccd="048185000003", full_name="Lê Thị Cúc", sex="Nữ",
                                                     unit_code="DN.P.HAICHAU", staff_type="vien_chuc")).id}


def test_completeness_dashboard(qtbot, parent, service, three) -> None:
    window = dashboard_ui.show_completeness(parent, service, None)
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)
    ccvc = round((1.0 + round(24 / 27, 3)) / 2, 3)
    model = window.units_table.proxy
    assert [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())] == [
        ["UBND phường Hải Châu", "1", "83,9 %", "0"],
        ["Phòng Công chức, viên chức", "2", dashboard_ui.percent(ccvc), "1"]]
    assert window.bars.bars() == [("UBND phường Hải Châu", round(26 / 31, 3)), ("Phòng Công chức, viên chức", ccvc)]
    assert window.count_label.text() == "2 đơn vị, 3 người, 1 hồ sơ đầy đủ"
    # the worst unit is selected: its one person and what she lacks
    assert window.worst_table.proxy.index(0, 0).data() == "Lê Thị Cúc"
    assert window.missing_list.count() == 5
    window.bars.bar_clicked.emit(1)  # a click on the second bar selects its unit
    assert window.units_table.currentIndex().row() == 1
    worst = window.worst_table.proxy
    assert [(worst.index(r, 0).data(), worst.index(r, 1).data()) for r in range(worst.rowCount())] == [
        ("Nguyễn Văn Bình", "88,9 %"), ("Trần Văn An", "100,0 %")]
    assert [window.missing_list.item(i).text() for i in range(window.missing_list.count())] == [
        "Dân tộc (mục 6)", "Quá trình đào tạo, bồi dưỡng (mục 27)", "Ảnh 4 x 6"]
    assert "Nguyễn Văn Bình (88,9 %) còn thiếu 3 mục" in window.missing_label.text()
    table = window.worst_table
    double_click(table, worst.index(0, 0))
    assert parent.opened == [three["Bình"]]


def test_repeated_unit_names_carry_their_parent() -> None:
    rows = [SimpleNamespace(unit_code=code, unit_name=name) for code, name in (
        ("A.VHXH", "Phòng Văn hóa - Xã hội"), ("B.VHXH", "Phòng Văn hóa - Xã hội"), ("A", "UBND xã A"), (None, "—"))]
    units = [SimpleNamespace(code="A", name="UBND xã A", parent_code=None),
             SimpleNamespace(code="B", name="UBND xã B", parent_code=None),
             SimpleNamespace(code="A.VHXH", name="Phòng Văn hóa - Xã hội", parent_code="A"),
             SimpleNamespace(code="B.VHXH", name="Phòng Văn hóa - Xã hội", parent_code="B")]
    assert dashboard_ui.unit_labels(rows, units) == {
        "A.VHXH": "Phòng Văn hóa - Xã hội (UBND xã A)", "B.VHXH": "Phòng Văn hóa - Xã hội (UBND xã B)",
        "A": "UBND xã A", None: "—"}


def test_bar_chart_paints_one_bar_per_unit(qtbot, parent, service, three) -> None:
    window = dashboard_ui.show_completeness(parent, service, None)
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)
    bars = window.bars
    image = bars.grab().toImage()
    assert not image.isNull() and image.height() >= bars.TOP + 2 * bars.ROW

    def colours(index: int) -> set[int]:
        y = bars.row_rect(index).center().y()
        return {image.pixel(x, y) for x in range(image.width())}

    assert QColor("#4caf50").rgb() in colours(1)  # 94 %: green (not the selected bar)
    assert QColor("#f0ad4e").darker(125).rgb() in colours(0)  # 84 %: amber, darker when selected
    window.units_table.rows.set_rows([])
    window.bars.set_bars([])
    assert not bars.grab().isNull()  # "Chưa có số liệu"


# --------------------------------------------------------------------------- data quality


def test_quality_lists_the_crafted_issues(qtbot, parent, service) -> None:
    gap = add(service, "Phạm Văn Khoa", "12/03/1985", "Nam", "DN.SNV", work_history=[
        {"start_date": "01/09/2008", "end_date": "31/12/2015", "unit_name": "Sở Nội vụ"},
        {"start_date": "02/02/2016", "unit_name": "Sở Nội vụ"}])
    wrong = add(service, "Đỗ Thị Lan", "05/05/1990", "Nữ", "DN.P.HAICHAU")
    add(service, "Võ Văn Sơn", "01/01/1980", "Nam", "DN.SNV")  # clean
    with service.database.session() as s:
        s.get(Person, wrong).salary_coefficient = Decimal("3.99")
    window = dashboard_ui.show_quality(parent, service, None)
    qtbot.waitUntil(lambda: not window.busy, timeout=5000)
    proxy = window.table.proxy
    rows = [[proxy.index(r, c).data() for c in range(5)] for r in range(proxy.rowCount())]
    assert [(r[0], r[2], r[3]) for r in rows] == [
        ("Phạm Văn Khoa", "Sở Nội vụ", "Quá trình công tác bị gián đoạn"),
        ("Đỗ Thị Lan", "UBND phường Hải Châu", "Hệ số lương không khớp với bảng lương"),
        ("Đỗ Thị Lan", "UBND phường Hải Châu", "Diễn biến lương không khớp với lương hiện tại")]
    assert proxy.index(0, 0).data(alerts_ui.IdRole) == gap
    assert rows[0][4] == "Quá trình công tác bị gián đoạn từ 01/01/2016 đến 01/02/2016 (giữa dòng 1 và dòng 2)"
    assert rows[1][4] == "Hệ số lương 3,99 không khớp với bậc 5 của ngạch 01.003 (loại A1: 3,66)"
    assert window.count_label.text() == "3 vấn đề ở 2 hồ sơ"
    assert window.check_combo.itemText(0) == "Tất cả (3)"
    assert window.check_combo.itemText(window.check_combo.findData("work_gap")) == "Quá trình công tác bị gián đoạn (1)"
    window.check_combo.setCurrentIndex(window.check_combo.findData("coefficient_mismatch"))
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data() == "Đỗ Thị Lan"
    assert window.count_label.text() == "1 vấn đề ở 1 hồ sơ"
    window.table.doubleClicked.emit(proxy.index(0, 3))
    window.check_combo.setCurrentIndex(window.check_combo.findData("work_overlap"))
    assert proxy.rowCount() == 0
    assert parent.opened == [wrong]


def test_a_cut_note_is_read_whole_in_its_tooltip() -> None:
    note = "Đến hạn nâng bậc lương thường xuyên từ 01/09/2026; đã có quyết định khen thưởng nên được nâng trước hạn"
    model = alerts_ui.RowsModel([alerts_ui.Column("Ghi chú", lambda r: r.note)])
    model.set_rows([SimpleNamespace(note=note)])
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole) == note
