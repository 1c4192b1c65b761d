"""The dossier editor, driven like a user: every tab saved and read back, a new person typed
through the widgets (input-method commits included), errors shown on their fields, the unsaved
guard, the duplicate-CCCD warning, crash-recovery state."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from app.fields import PERSON_FIELDS, SECTION_FIELDS
from tests.ui.conftest import SHOTS, commit_text, press, type_ascii
from ui.editor import PersonEditor
from ui.editor.layout import PAGES, placed_fields, placed_sections

pytestmark = pytest.mark.usefixtures("no_message_boxes")


@pytest.fixture
def editor(qtbot, service, full_person) -> PersonEditor:
    dialog = PersonEditor(service, full_person)
    qtbot.addWidget(dialog)
    return dialog


def widget(editor: PersonEditor, name: str) -> QWidget:
    return editor.form.rows[name].widget


def set_cell(editor: PersonEditor, section: str, row: int, field: str, value: object) -> None:
    model = editor.form.sections[section].model
    assert model.setData(model.index(row, model.column_of(field)), value)


def edit_cell(editor: PersonEditor, section: str, row: int, field: str):
    """Open the cell's editor the way a double-click does; returns the editor widget."""
    table = editor.form.sections[section]
    index = table.model.index(row, table.model.column_of(field))
    table.view.setCurrentIndex(index)
    table.view.edit(index)
    assert table.delegate.open_editor is not None
    return table.delegate.open_editor


def replace_text(edit: QWidget, ascii_text: str) -> None:
    edit.clear()
    type_ascii(edit, ascii_text)


def capture_saves(service, monkeypatch) -> list[dict]:
    sent: list[dict] = []
    original = service.people.save_person

    def spy(key, data, **kwargs):
        sent.append(dict(data))
        return original(key, data, **kwargs)

    monkeypatch.setattr(service.people, "save_person", spy)
    return sent


def test_every_field_and_section_is_on_the_form_exactly_once(editor) -> None:
    names = [spec.name for spec in PERSON_FIELDS]
    assert sorted(placed_fields()) == sorted(names)
    assert sorted(placed_sections()) == sorted(SECTION_FIELDS)
    for spec in PERSON_FIELDS:
        found = [w for w in editor.findChildren(QWidget)
                 if w.objectName() in (f"{spec.name}_edit", f"{spec.name}_combo", f"{spec.name}_check")]
        assert len(found) == 1, spec.name
        label = editor.form.rows[spec.name].label
        assert label.text().removesuffix(" *") == spec.label
        if spec.item:
            assert f"mục {spec.item.partition(':')[2]}" in label.toolTip() or ":" not in spec.item
    for name in SECTION_FIELDS:
        assert len(editor.findChildren(QWidget, f"{name}_table")) == 1
    assert [editor.form.tabText(i) for i in range(editor.form.count())] == [p.title for p in PAGES]


def test_loads_the_dossier_unchanged(editor, service, full_person) -> None:
    assert editor.windowTitle() == "Hồ sơ: Nguyễn Văn Bình"
    assert widget(editor, "birth_date").text() == "12/03/1985"
    assert widget(editor, "religion_code").currentText() == "Không"
    assert widget(editor, "grade_code").currentText() == "01.003 — Chuyên viên"
    assert widget(editor, "salary_coefficient").text() == "3,66"
    assert "Sở Nội vụ" in editor.form.unit_label.text()
    assert editor.form.sections["family"].model.rowCount() == 3
    assert not editor.has_changes() and editor.payload() == {}


def change_identity_tabs(editor: PersonEditor) -> None:
    """Sơ yếu lý lịch; Tuyển dụng, công tác; Trình độ, Đảng, quân ngũ; Khen thưởng, sức khoẻ."""
    widget(editor, "other_names").clear()
    commit_text(widget(editor, "other_names"), "Bình Nguyễn Văn")
    religion = widget(editor, "religion_code")
    replace_text(religion.lineEdit(), "phat giao")
    religion.settle()
    replace_text(widget(editor, "position_date"), "01012016")
    replace_text(widget(editor, "position_allowance"), "0,3")
    commit_text(widget(editor, "foreign_language"), "Tiếng Anh B1")
    widget(editor, "political_theory_code").setCode("CC")
    replace_text(widget(editor, "height_cm"), "172")
    replace_text(widget(editor, "blood_type"), "O")


def change_section_tabs(editor: PersonEditor) -> None:
    """27 Đào tạo (a cell typed through its editor, a new row), 28, 29, 30, 31."""
    cell = edit_cell(editor, "training", 0, "institution")
    cell.clear()
    commit_text(cell, "Đại học Luật Huế")
    training = editor.form.sections["training"]
    training.finish_editing()
    training.view.setCurrentIndex(training.model.index(1, 0))
    row = training.add_row()
    for field, value in (("kind", "it"), ("institution", "Trung tâm Tin học"),
                         ("start_date", dt.date(2018, 3, 1)), ("end_date", dt.date(2018, 6, 1))):
        set_cell(editor, "training", row, field, value)
    set_cell(editor, "work_history", 1, "position", "Trưởng phòng Công chức, viên chức")
    commit_text(widget(editor, "history_detention"), "Không")
    set_cell(editor, "personal_history", 0, "content", "Tình nguyện viên JICA")
    set_cell(editor, "family", 1, "birth_year", 1988)
    family = editor.form.sections["family"].model
    family.setData(family.index(0, family.column_of("deceased")), Qt.CheckState.Checked.value,
                   Qt.ItemDataRole.CheckStateRole)
    set_cell(editor, "salary_history", 0, "decision", "45/QĐ-SNV")


def change_later_tabs(editor: PersonEditor, scan_path: str) -> None:
    """Bổ sung HS02, NĐ 27/2026, 32 Nhận xét, Ảnh và tệp."""
    replace_text(widget(editor, "phone"), "0912345678")
    replace_text(widget(editor, "agency_join_date"), "01012016")
    set_cell(editor, "allowances", 0, "amount", Decimal(500000))
    rewards = editor.form.sections["rewards"]
    rewards.view.setCurrentIndex(rewards.model.index(1, 0))
    rewards.remove_row()
    evaluations = editor.form.sections["evaluations"]
    evaluations.view.setCurrentIndex(evaluations.model.index(1, 0))
    new_year = evaluations.add_row()
    set_cell(editor, "evaluations", new_year, "year", 2023)
    set_cell(editor, "evaluations", new_year, "quality_rating", "Hoàn thành nhiệm vụ")
    commit_text(widget(editor, "housing"), "Nhà cấp 4, 80 m²")
    commit_text(widget(editor, "assessment"), "Hoàn thành tốt nhiệm vụ được giao.")
    picture = QImage(800, 800, QImage.Format.Format_RGB32)
    picture.fill(QColor("navy"))
    editor.form.files.set_photo_image(picture)
    assert editor.form.files.add_document_file(scan_path, "Quyết định bổ nhiệm")


def test_every_tab_round_trips_through_save(editor, service, full_person, monkeypatch, tmp_path) -> None:
    before = service.people.person(full_person)
    sent = capture_saves(service, monkeypatch)
    scan = tmp_path / "quyet-dinh-123.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    change_identity_tabs(editor)
    change_section_tabs(editor)
    change_later_tabs(editor, str(scan))
    assert editor.has_changes()
    assert editor.save()
    assert editor.saved_id == full_person and not editor.has_changes()
    assert set(sent[0]) == {"other_names", "religion_code", "position_date", "position_allowance",
                            "foreign_language", "political_theory_code", "height_cm", "blood_type",
                            "history_detention", "phone", "agency_join_date", "housing", "assessment",
                            "training", "work_history", "personal_history", "family", "salary_history",
                            "allowances", "rewards", "evaluations"}  # only what changed
    after = service.people.person(full_person)
    assert after["version"] == before["version"] + 1
    assert (after["other_names"], after["religion_code"], after["position_date"]) == ("Bình Nguyễn Văn", "01",
                                                                                      "2016-01-01")
    assert after["position_allowance"] == 0.3 and after["foreign_language"] == "Tiếng Anh B1"
    assert after["political_theory_code"] == "CC" and (after["height_cm"], after["blood_type"]) == (172, "O")
    assert after["training"][0]["institution"] == "Đại học Luật Huế"
    assert after["training"][0]["id"] == before["training"][0]["id"]  # updated in place
    assert [t["kind"] for t in after["training"]] == ["professional", "political_theory", "it"]
    assert after["training"][2]["end_date"] == "2018-06-01"
    assert after["work_history"][1]["position"] == "Trưởng phòng Công chức, viên chức"
    assert after["history_detention"] == "Không"
    assert after["personal_history"][0]["content"] == "Tình nguyện viên JICA"
    assert after["family"][1]["birth_year"] == 1988 and after["family"][0]["deceased"] is True
    assert after["salary_history"][0]["decision"] == "45/QĐ-SNV"
    assert (after["phone"], after["agency_join_date"]) == ("0912345678", "2016-01-01")
    assert after["allowances"][0]["amount"] == 500000
    assert [r["title"] for r in after["rewards"]] == ["Bằng khen của Chủ tịch UBND thành phố"]
    last = after["evaluations"][-1]
    assert (last["year"], last["quality_rating"]) == (2023, "Hoàn thành nhiệm vụ")
    assert after["housing"] == "Nhà cấp 4, 80 m²" and after["assessment"].startswith("Hoàn thành tốt")
    photo = QImage.fromData(service.people.photo(full_person))
    assert (photo.width(), photo.height()) == (400, 600)
    documents = [a for a in after["attachments"] if a["kind"] == "document"]
    assert [(d["file_name"], d["description"]) for d in documents] == [
        ("quyet-dinh-123.pdf", "Quyết định bổ nhiệm")]
    assert after["cccd"] == before["cccd"] and after["birth_date"] == before["birth_date"]


def test_photo_and_documents_can_be_removed(qtbot, editor, service, full_person, tmp_path) -> None:
    scan = tmp_path / "bang-tot-nghiep.pdf"
    scan.write_bytes(b"%PDF-1.4 diploma")
    picture = QImage(600, 900, QImage.Format.Format_RGB32)
    picture.fill(QColor("gray"))
    editor.form.files.set_photo_image(picture)
    editor.form.files.add_document_file(str(scan))
    assert editor.save()
    again = PersonEditor(service, full_person)
    qtbot.addWidget(again)
    files = again.form.files
    assert files.stored_photo and [d.name for d in files.documents] == ["bang-tot-nghiep.pdf"]
    assert files.document_bytes(files.documents[0]) == b"%PDF-1.4 diploma"  # through attachment_content
    files.document_list.setCurrentItem(files.document_list.topLevelItem(0))
    saved_copy = tmp_path / "copy.pdf"
    files.ask_save_path = lambda name: str(saved_copy)
    files.save_document_as()
    assert saved_copy.read_bytes() == b"%PDF-1.4 diploma"
    files.remove_document()
    files.remove_photo()
    assert again.has_changes() and again.save()
    assert service.people.photo(full_person) is None
    assert service.people.person(full_person)["attachments"] == []


def test_a_new_person_typed_through_the_widgets(qtbot, service) -> None:
    editor = PersonEditor(service, None, {"unit_code": "DN.P.HAICHAU"})
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Thêm hồ sơ mới"
    assert "UBND phường Hải Châu" in editor.form.unit_label.text()
    assert not editor.has_changes()
    type_ascii(widget(editor, "cccd"), "048190001235")
    commit_text(widget(editor, "full_name"), "Trần Thị Hoa")
    type_ascii(widget(editor, "birth_date"), "02011990")
    sex = widget(editor, "sex")
    sex.setCurrentIndex(sex.findText("Nữ"))
    ethnicity = widget(editor, "ethnicity_code")
    type_ascii(ethnicity.lineEdit(), "kinh")
    commit_text(widget(editor, "birthplace_text"), "Xã Hòa Phong, Huyện Hòa Vang")
    type_ascii(widget(editor, "salary_coefficient"), "2,34")
    family = editor.form.sections["family"]
    family.add_row()
    commit_text(edit_cell(editor, "family", 0, "relation"), "Mẹ")
    family.finish_editing()
    commit_text(edit_cell(editor, "family", 0, "full_name"), "Nguyễn Thị Lan")
    family.finish_editing()
    year = edit_cell(editor, "family", 0, "birth_year")
    type_ascii(year, "1965")
    family.finish_editing()
    assert editor.has_changes()
    assert editor.save(), [(n, r.message()) for n, r in editor.form.rows.items() if r.message()] + [
        t.error_label.text() for t in editor.form.sections.values()]
    person = service.people.person(editor.saved_id)
    assert (person["full_name"], person["birth_date"], person["sex"]) == ("Trần Thị Hoa", "1990-01-02", "Nữ")
    assert (person["cccd"], person["ethnicity_code"]) == ("048190001235", "01")
    assert person["unit_code"] == "DN.P.HAICHAU" and person["salary_coefficient"] == 2.34
    assert person["birthplace_text"] == "Xã Hòa Phong, Huyện Hòa Vang"
    assert [(f["side"], f["relation"], f["full_name"], f["birth_year"]) for f in person["family"]] == [
        ("self", "Mẹ", "Nguyễn Thị Lan", 1965)]


def test_a_bad_cccd_is_shown_on_its_field_and_nothing_is_saved(editor, service, full_person) -> None:
    before = service.people.person(full_person)
    editor.form.setCurrentIndex(4)
    replace_text(widget(editor, "cccd"), "12345")
    replace_text(widget(editor, "phone"), "0900")
    assert not editor.save()
    row = editor.form.rows["cccd"]
    assert row.is_invalid() and "12 chữ số" in row.message()
    assert editor.form.currentIndex() == 0 and editor.error_banner.isVisibleTo(editor)
    assert widget(editor, "cccd").text() == "12345" and widget(editor, "phone").text() == "0900"
    assert service.people.person(full_person)["version"] == before["version"]
    assert editor.result() != QDialog.DialogCode.Accepted


def test_a_training_row_ending_before_it_starts_is_named_under_the_table(editor, service,
                                                                        full_person) -> None:
    before = service.people.person(full_person)
    set_cell(editor, "training", 1, "end_date", dt.date(2014, 1, 1))
    assert not editor.save()
    table = editor.form.sections["training"]
    assert "dòng 2" in table.error_label.text() and "Đến ngày" in table.error_label.text()
    assert table.error_label.isVisibleTo(editor)
    current = table.view.currentIndex()
    assert (current.row(), current.column()) == (1, table.model.column_of("end_date"))
    assert editor.form.tabText(editor.form.currentIndex()) == "27. Đào tạo"
    assert table.model.rows()[1]["end_date"] == dt.date(2014, 1, 1)  # kept as typed
    assert service.people.person(full_person)["version"] == before["version"]
    set_cell(editor, "training", 1, "end_date", dt.date(2015, 12, 30))
    assert editor.save()  # corrected: saves, and the table's message is gone
    assert table.error_label.isHidden()


def test_a_date_that_does_not_exist_reaches_the_service_message(editor, service, full_person) -> None:
    replace_text(widget(editor, "party_join_date"), "31022012")
    assert not editor.save()
    assert "không có thật" in editor.form.rows["party_join_date"].message()


def test_unsaved_guard_on_close(qtbot, editor, service, full_person, monkeypatch) -> None:
    asked: list[str] = []
    answer = {"value": "cancel"}
    monkeypatch.setattr(editor, "ask_unsaved", lambda: asked.append("?") or answer["value"])
    editor.show()
    replace_text(widget(editor, "phone"), "0911222333")
    editor.close()
    assert asked and editor.isVisible()  # "Hủy": stays open, text kept
    assert widget(editor, "phone").text() == "0911222333"
    press(editor, Qt.Key.Key_Escape)
    assert len(asked) == 2 and editor.isVisible()
    answer["value"] = "discard"
    editor.cancel_button.click()
    assert not editor.isVisible() and editor.saved_id is None
    assert service.people.person(full_person)["phone"] == "0905123456"


def test_unsaved_guard_save_answer_saves(qtbot, editor, service, full_person, monkeypatch) -> None:
    monkeypatch.setattr(editor, "ask_unsaved", lambda: "save")
    editor.show()
    commit_text(widget(editor, "email"), "binh@danang.gov.vn")
    editor.close()
    assert not editor.isVisible() and editor.saved_id == full_person
    assert service.people.person(full_person)["email"] == "binh@danang.gov.vn"


def test_no_question_without_changes(qtbot, editor, monkeypatch) -> None:
    monkeypatch.setattr(editor, "ask_unsaved", lambda: pytest.fail("asked without changes"))
    editor.show()
    editor.close()
    assert not editor.isVisible()


def test_duplicate_cccd_warning_while_typing(editor, service) -> None:
    service.people.create_person({"cccd": "048190001235", "full_name": "Trần Thị Hoa", "birth_date": "02/01/1990",
                           "sex": "Nữ", "unit_code": "DN.P.HAICHAU"})
    row = editor.form.rows["cccd"]
    replace_text(row.widget, "04819000123")
    assert row.message() == ""
    type_ascii(row.widget, "5")
    assert "Số CCCD này đã có trong hồ sơ của Trần Thị Hoa (đơn vị UBND phường Hải Châu)" in row.message()
    assert not row.is_invalid()
    replace_text(row.widget, "048085001234")  # this person's own number: no warning
    assert row.message() == ""


def test_warnings_after_saving_are_shown(editor, service, full_person, monkeypatch) -> None:
    shown: list[list[str]] = []
    monkeypatch.setattr(editor, "show_warnings", shown.append)
    replace_text(widget(editor, "salary_coefficient"), "4,0")  # not the coefficient of step 5 (3,66)
    assert editor.save()
    assert shown and "Hệ số lương" in shown[0][0]


def test_warning_box_does_not_block(qtbot, editor) -> None:
    editor.show_warnings(["Hệ số lương 4,0 không khớp"])
    box = PersonEditor._notices[-1]
    assert box.isVisible() and not box.isModal() and "không khớp" in box.text()
    box.close()


def test_a_dossier_changed_elsewhere_is_refused_with_a_message(editor, service, full_person,
                                                               monkeypatch) -> None:
    messages: list[str] = []
    monkeypatch.setattr(editor, "show_user_error", messages.append)
    service.people.update_person(full_person, {"phone": "0988000000"})
    commit_text(widget(editor, "email"), "a@b.vn")
    assert not editor.save()
    assert "vừa được người khác sửa" in messages[0]
    assert widget(editor, "email").text() == "a@b.vn"


def test_form_state_survives_json_and_comes_back(qtbot, editor, service, full_person) -> None:
    replace_text(widget(editor, "phone"), "0977000111")
    replace_text(widget(editor, "discharge_date"), "3102")  # half-typed text is kept too
    set_cell(editor, "family", 2, "details", "Nội trợ")
    state = json.loads(json.dumps(editor.form_state()))
    assert state["person_id"] == str(full_person)
    again = PersonEditor(service, full_person, initial=state)
    qtbot.addWidget(again)
    assert widget(again, "phone").text() == "0977000111"
    assert widget(again, "discharge_date").typed() == "31/02/"
    assert again.form.sections["family"].model.rows()[2]["details"] == "Nội trợ"
    assert again.has_changes()
    replace_text(widget(again, "discharge_date"), "")
    assert again.save()
    person = service.people.person(full_person)
    assert person["phone"] == "0977000111" and person["family"][2]["details"] == "Nội trợ"


def test_ask_returns_the_saved_id_or_none(qtbot, service, full_person, monkeypatch) -> None:
    def fake_exec(self) -> int:
        qtbot.addWidget(self)
        replace_text(self.form.rows["phone"].widget, "0999")
        return int(self.save())

    monkeypatch.setattr(PersonEditor, "exec", fake_exec)
    assert PersonEditor.ask(None, service, full_person) == full_person
    monkeypatch.setattr(PersonEditor, "exec", lambda self: qtbot.addWidget(self) or 0)
    assert PersonEditor.ask(None, service, full_person) is None
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text: shown.append(text)))
    service.people.delete_person(full_person)
    assert PersonEditor.ask(None, service, full_person) is None and "Không tìm thấy" in shown[0]


def test_geometry_is_kept(qtbot, service, full_person) -> None:
    first = PersonEditor(service, full_person)
    qtbot.addWidget(first)
    first.resize(790, 580)  # the offscreen screen is 800 x 600
    first.show()
    first.reject()
    second = PersonEditor(service, full_person)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (790, 580)


def test_a_new_step_gets_its_coefficient_from_the_salary_table(qtbot, editor, service, full_person) -> None:
    step = widget(editor, "salary_step")
    replace_text(step, "6")
    assert widget(editor, "salary_coefficient").text() == ""  # filled by the service on save
    replace_text(widget(editor, "salary_since"), "01092023")
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    press(widget(editor, "salary_since"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves
    assert editor.saved_id == full_person
    person = service.people.person(full_person)
    assert (person["salary_step"], person["salary_coefficient"]) == (6, 3.99)


def test_ctrl_s_saves_and_keeps_the_editor_open(qtbot, editor, service, full_person) -> None:
    editor.show()
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    replace_text(widget(editor, "phone"), "0911222333")
    press(widget(editor, "phone"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible()  # saving mid-work does not throw the clerk back to the list
    assert service.people.person(full_person)["phone"] == "0911222333"
    assert editor.status_label.text().startswith("Đã lưu")
    assert not editor.has_changes()  # the saved state is the new baseline
    replace_text(widget(editor, "phone"), "0911222444")
    editor.save_button.click()  # a second save on the same editor: the version followed
    assert editor.isVisible() and service.people.person(full_person)["phone"] == "0911222444"
    press(editor, Qt.Key.Key_Escape)  # nothing unsaved: Esc closes without asking
    assert not editor.isVisible() and editor.saved_id == full_person


def test_a_new_dossier_saved_with_ctrl_s_stays_open_as_that_dossier(qtbot, service) -> None:
    editor = PersonEditor(service, None, {"unit_code": "DN.SNV"})
    qtbot.addWidget(editor)
    editor.show()
    type_ascii(widget(editor, "cccd"), "048190001235")
    commit_text(widget(editor, "full_name"), "Lê Thị Lưu")
    replace_text(widget(editor, "birth_date"), "01021990")
    sex = widget(editor, "sex")
    sex.setCurrentIndex(sex.findText("Nữ"))
    assert editor.save() and editor.isVisible()
    assert editor.person_id == editor.saved_id
    replace_text(widget(editor, "phone"), "0905000111")
    assert editor.save()  # an update of the same dossier, not a second new one
    assert service.people.person(editor.person_id)["phone"] == "0905000111"


def test_the_editor_checks_a_field_as_it_is_left(editor) -> None:
    for name, text, words in (("party_join_date", "01012099", "tương lai"), ("cccd", "04819000123", "12 chữ số")):
        row = editor.form.rows[name]
        replace_text(row.widget, text)
        row.widget.editingFinished.emit()
        assert row.is_invalid() and words in row.message(), (name, row.message())


def test_the_year_only_checkbox_stays_beside_its_label_when_errors_appear(qtbot, editor) -> None:
    editor.show()
    check = editor.form.rows["birth_year_only"]
    editor.form.reveal(check.widget)
    for name in ("birth_date", "sex", "full_name", "cccd"):
        editor.form.rows[name].set_error("Ngày chưa nhập đủ (dạng dd/mm/yyyy), một lỗi dài để dòng cao hơn hẳn")
    qtbot.wait(50)
    label_mid = check.label.mapTo(editor, check.label.rect().center()).y()
    box_mid = check.widget.mapTo(editor, check.widget.rect().center()).y()
    if SHOTS:
        editor.grab().save(str(SHOTS / "year_only_with_errors.png"))
    assert abs(label_mid - box_mid) <= 4, (label_mid, box_mid)


def test_a_cccd_contradicting_birth_year_or_sex_needs_a_confirmation(editor, service, full_person,
                                                                     monkeypatch) -> None:
    from ui.editor import cccd_check

    asked: list[list[str]] = []
    answer = {"value": False}
    monkeypatch.setattr(cccd_check, "ask_confirmation", lambda _p, problems: asked.append(problems) or answer["value"])
    before = service.people.person(full_person)
    replace_text(widget(editor, "birth_date"), "12031990")  # the CCCD says 1985
    assert not editor.save()
    assert asked and "1985" in asked[0][0] and service.people.person(full_person)["version"] == before["version"]
    answer["value"] = True
    assert editor.save()  # confirmed: saved as typed
    assert service.people.person(full_person)["birth_date"] == "1990-03-12"
    replace_text(widget(editor, "phone"), "0905999888")
    asked.clear()
    assert editor.save() and not asked  # other fields changed: not asked again
