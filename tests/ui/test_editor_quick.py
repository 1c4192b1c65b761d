"""Quick entry of a new person: the minimum fields, the duplicate warning, the unit's common
values, errors on the fields."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import commit_text, type_ascii
from ui.editor import QuickEntryDialog

pytestmark = pytest.mark.usefixtures("no_message_boxes")


def fill(dialog: QuickEntryDialog, cccd: str = "048190001235") -> None:
    type_ascii(dialog.rows["cccd"].widget, cccd)
    commit_text(dialog.rows["full_name"].widget, "Trần Thị Hoa")
    type_ascii(dialog.rows["birth_date"].widget, "02011990")
    sex = dialog.rows["sex"].widget
    sex.setCurrentIndex(sex.findText("Nữ"))
    commit_text(dialog.rows["position"].widget, "Chuyên viên")


def test_creates_a_person_with_the_units_common_values(qtbot, service, full_person) -> None:
    dialog = QuickEntryDialog(service, "DN.SNV")
    qtbot.addWidget(dialog)
    assert dialog.unit_combo.currentText().strip() == "Sở Nội vụ" and dialog.prefill_check.isChecked()
    fill(dialog)
    assert dialog.create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    person = service.people.person(dialog.created_id)
    assert (person["full_name"], person["sex"], person["position"]) == ("Trần Thị Hoa", "Nữ", "Chuyên viên")
    assert person["unit_code"] == "DN.SNV"
    assert person["recruiting_agency"] == "Sở Nội vụ thành phố Đà Nẵng"  # shared with Nguyễn Văn Bình
    assert (person["ethnicity_code"], person["religion_code"], person["grade_code"]) == ("01", "00", "01.003")


def test_without_prefill_only_what_was_typed(qtbot, service, full_person) -> None:
    dialog = QuickEntryDialog(service, "DN.SNV")
    qtbot.addWidget(dialog)
    dialog.prefill_check.setChecked(False)
    fill(dialog)
    staff = dialog.rows["staff_type"].widget
    staff.setValue("vien_chuc")
    assert dialog.create()
    person = service.people.person(dialog.created_id)
    assert person["recruiting_agency"] is None and person["ethnicity_code"] is None
    assert person["staff_type"] == "vien_chuc"


def test_errors_are_shown_on_the_fields(qtbot, service) -> None:
    dialog = QuickEntryDialog(service, None)
    qtbot.addWidget(dialog)
    assert not dialog.prefill_check.isEnabled()
    type_ascii(dialog.rows["cccd"].widget, "999")
    assert not dialog.create()
    assert "12 chữ số" in dialog.rows["cccd"].message()
    assert dialog.rows["full_name"].message() == "Không được để trống"
    assert dialog.rows["birth_date"].is_invalid() and dialog.created_id is None


def test_duplicate_cccd_warning(qtbot, service, full_person, monkeypatch) -> None:
    from ui.editor import cccd_check

    monkeypatch.setattr(cccd_check, "ask_confirmation", lambda _p, problems: True)  # 1985/nam vs 1990/nữ
    dialog = QuickEntryDialog(service, "DN.SNV")
    qtbot.addWidget(dialog)
    type_ascii(dialog.rows["cccd"].widget, "048085001234")
    assert "Nguyễn Văn Bình (đơn vị Sở Nội vụ)" in dialog.rows["cccd"].message()
    fill(dialog, "")  # the number stays the duplicate: the service refuses it on the field
    assert not dialog.create()
    assert dialog.rows["cccd"].is_invalid() and "đã có trong hồ sơ" in dialog.rows["cccd"].message()


def test_ask_returns_the_new_id(qtbot, service, monkeypatch) -> None:
    def fake_exec(self) -> int:
        qtbot.addWidget(self)
        fill(self)
        return int(self.create())

    monkeypatch.setattr(QuickEntryDialog, "exec", fake_exec)
    created = QuickEntryDialog.ask(None, service, "DN.P.HAICHAU")
    assert created is not None and service.people.person(created)["unit_code"] == "DN.P.HAICHAU"


def _leave(widget) -> None:
    """Tab out of a field, the way a clerk leaves it (editingFinished)."""
    widget.editingFinished.emit()


def test_each_field_is_checked_as_it_is_left(qtbot, service) -> None:
    dialog = QuickEntryDialog(service, "DN.SNV")
    qtbot.addWidget(dialog)
    cccd = dialog.rows["cccd"]
    type_ascii(cccd.widget, "04819000123")  # 11 digits
    _leave(cccd.widget)
    assert cccd.is_invalid() and "12 chữ số" in cccd.message()
    type_ascii(cccd.widget, "5")
    _leave(cccd.widget)
    assert not cccd.is_invalid()
    birth = dialog.rows["birth_date"]
    type_ascii(birth.widget, "01012099")  # a real day, in the future
    _leave(birth.widget)
    assert birth.is_invalid() and "tương lai" in birth.message()


def test_quick_entry_asks_before_a_contradicting_cccd(qtbot, service, monkeypatch) -> None:
    from ui.editor import cccd_check

    asked: list[list[str]] = []
    monkeypatch.setattr(cccd_check, "ask_confirmation", lambda _p, problems: asked.append(problems) or False)
    dialog = QuickEntryDialog(service, "DN.SNV")
    qtbot.addWidget(dialog)
    fill(dialog, "048090001235")  # says a man born in 1990; typed: a woman born in 1990
    assert not dialog.create() and dialog.created_id is None
    assert asked and "giới tính nam" in asked[0][0]


def test_with_all_units_selected_a_unit_can_be_chosen(qtbot, service) -> None:
    dialog = QuickEntryDialog(service, None)  # "Tất cả đơn vị" in the tree
    qtbot.addWidget(dialog)
    assert dialog.unit_combo.currentData() is None and not dialog.prefill_check.isEnabled()
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("DN.P.HAICHAU"))
    assert dialog.prefill_check.isEnabled()
    fill(dialog)
    assert dialog.create()
    assert service.people.person(dialog.created_id)["unit_code"] == "DN.P.HAICHAU"
