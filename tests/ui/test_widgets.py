"""The field widgets on their own: dates typed as digits, type-ahead without accents, Vietnamese
choice labels, decimal commas, inline messages, and one widget per kind of ``app.fields``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit

from app.fields import PERSON_FIELDS, SECTION_FIELDS, FieldSpec
from tests.ui.conftest import commit_text, press, type_ascii
from ui.editor.files_page import crop_portrait, encode_image
from ui.editor.options import load_options
from ui.widgets import (
    CatalogCombo,
    ChoiceCombo,
    DateEdit,
    FieldRow,
    NumberEdit,
    Option,
    TextEdit,
    make_field_widget,
)
from ui.widgets.choices import choice_labels

pytestmark = pytest.mark.usefixtures("no_message_boxes")

RELIGIONS = [Option("00", "Không"), Option("01", "Phật giáo", ("Đạo Phật",)), Option("02", "Công giáo"),
             Option("05", "Phật giáo Hòa Hảo", ("Hòa Hảo",))]


def test_date_typed_as_digits(qtbot) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    type_ascii(edit, "12031985")
    assert edit.text() == "12/03/1985"
    assert edit.value() == dt.date(1985, 3, 12) and edit.problem() is None


def test_date_that_does_not_exist_is_reported(qtbot) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    type_ascii(edit, "31021985")
    assert edit.value() is None
    assert edit.problem() == "Ngày 31/02/1985 không có thật"
    assert edit.field_value() == "31/02/1985"  # kept as typed, for the service to refuse


def test_date_empty_partial_and_set(qtbot) -> None:
    edit = DateEdit()
    qtbot.addWidget(edit)
    assert edit.value() is None and edit.problem() is None and edit.field_value() is None
    type_ascii(edit, "1203")
    assert "chưa nhập đủ" in edit.problem()
    edit.setValue(dt.date(2001, 1, 5))
    assert edit.text() == "05/01/2001"
    edit.setValue(None)
    assert edit.typed() == ""


def test_catalog_type_ahead_without_accents(qtbot) -> None:
    combo = CatalogCombo(RELIGIONS)
    qtbot.addWidget(combo)
    combo.show()
    type_ascii(combo.lineEdit(), "phat giao")
    completer = combo.completer()
    assert completer.completionCount() == 2  # Phật giáo, Phật giáo Hòa Hảo
    assert completer.currentCompletion() == "Phật giáo"
    press(completer.popup(), Qt.Key.Key_Down)
    press(completer.popup(), Qt.Key.Key_Return)
    assert combo.currentText() == "Phật giáo"
    assert combo.code() == "01"


def test_catalog_settles_on_names_aliases_and_codes(qtbot) -> None:
    combo = CatalogCombo(RELIGIONS)
    qtbot.addWidget(combo)
    type_ascii(combo.lineEdit(), "dao phat")  # an alias
    combo.settle()
    assert (combo.currentText(), combo.code()) == ("Phật giáo", "01")
    combo.setCode("02")
    assert combo.currentText() == "Công giáo"
    combo.setEditText("hoa hao")  # the only entry containing it
    assert combo.code() == "05"
    combo.setEditText("Đạo Thánh")  # not in the catalog: kept as typed
    assert combo.code() is None and combo.field_value() == "Đạo Thánh"
    combo.setEditText("")
    assert combo.field_value() is None


def test_catalog_over_the_real_lists(qtbot, service) -> None:
    options = load_options(service)
    province = make_field_widget(FieldSpec("p", "Tỉnh", "catalog", catalog="province"), options)
    qtbot.addWidget(province)
    type_ascii(province.lineEdit(), "da nang")
    assert province.completer().currentCompletion() == "Thành phố Đà Nẵng"
    grade = make_field_widget(FieldSpec("grade_code", "Mã ngạch"), options)
    qtbot.addWidget(grade)
    grade.setCode("01.003")
    assert grade.currentText() == "01.003 — Chuyên viên"
    grade.setEditText("chuyen vien chinh")
    assert grade.code() == "01.002"
    religion = CatalogCombo(service.units.catalog("religion"))  # the service's entries work as they are
    qtbot.addWidget(religion)
    religion.setEditText("dao phat")
    assert religion.code() == "01"


def test_choice_labels_are_vietnamese(qtbot) -> None:
    staff = ChoiceCombo(("can_bo", "cong_chuc"), choice_labels("staff_type"))
    qtbot.addWidget(staff)
    staff.setValue("cong_chuc")
    assert staff.currentText() == "Công chức" and staff.value() == "cong_chuc"
    side = ChoiceCombo(("self", "spouse"), choice_labels("family.side"), allow_empty=False)
    qtbot.addWidget(side)
    assert [side.itemText(i) for i in range(side.count())] == ["Bản thân", "Bên vợ (chồng)"]
    staff.setValue("ngoai_bien_che")  # an unknown code is shown, not replaced
    assert staff.value() == "ngoai_bien_che"
    for spec in (*PERSON_FIELDS, *(s for specs in SECTION_FIELDS.values() for s in specs)):
        if spec.kind == "choice" and spec.name != "sex":
            key = spec.name if spec in PERSON_FIELDS else next(
                f"{name}.{spec.name}" for name, specs in SECTION_FIELDS.items() if spec in specs)
            assert set(choice_labels(key)) == set(spec.choices), key


def test_numbers_with_a_decimal_comma(qtbot) -> None:
    coefficient = NumberEdit("decimal")
    qtbot.addWidget(coefficient)
    type_ascii(coefficient, "2,34")
    assert coefficient.value() == Decimal("2.34")
    coefficient.setValue(Decimal("3.660"))
    assert coefficient.text() == "3,66"
    coefficient.setText("2.5")
    coefficient.editingFinished.emit()
    assert coefficient.text() == "2,5"
    money = NumberEdit("money")
    qtbot.addWidget(money)
    money.setValue(Decimal(250000000))
    assert money.text() == "250.000.000" and money.value() == Decimal(250000000)
    money.setText("1,2,3")
    assert money.value() is None and money.field_value() == "1,2,3" and money.problem()
    step = NumberEdit("int")
    qtbot.addWidget(step)
    type_ascii(step, "5x")  # the letter is refused by the validator
    assert step.value() == 5 and step.text() == "5"


def test_field_row_marks_and_clears(qtbot) -> None:
    spec = FieldSpec("birth_date", "Ngày sinh", "date", "2C:3", required=True)
    row = FieldRow(spec, DateEdit())
    qtbot.addWidget(row)
    assert row.label.text() == "Ngày sinh *" and "mục 3" in row.label.toolTip()
    row.set_error("Ngày sinh không hợp lệ")
    assert row.is_invalid() and row.message() == "Ngày sinh không hợp lệ"
    row.clear_message()
    assert not row.is_invalid() and row.message() == ""
    type_ascii(row.widget, "31021985")
    row.widget.editingFinished.emit()  # leaving the field checks it
    assert row.is_invalid() and "không có thật" in row.message()
    row.set_warning("Trùng số")
    assert not row.is_invalid() or "Trùng số" in row.message()


@pytest.mark.parametrize("spec", PERSON_FIELDS, ids=lambda s: s.name)
def test_every_person_field_gets_a_widget_that_keeps_its_value(qtbot, spec: FieldSpec) -> None:
    options = {"province": [Option("48", "Thành phố Đà Nẵng")], "ethnicity": [Option("01", "Kinh")],
               "religion": RELIGIONS, "professional_level": [Option("DH", "Đại học")],
               "political_theory": [Option("TC", "Trung cấp")],
               "state_management": [Option("CV", "Chuyên viên")], "academic_title": [Option("GS", "Giáo sư")],
               "grade": [Option("01.003", "01.003 — Chuyên viên")]}
    widget = make_field_widget(spec, options)
    qtbot.addWidget(widget)
    sample = {"date": dt.date(2020, 2, 29), "int": 7, "decimal": Decimal("2.34"), "money": Decimal(5475600),
              "bool": True, "cccd": "048085001234"}.get(spec.kind, "Giá trị thử")
    if spec.kind == "catalog" or spec.name == "grade_code":
        sample = options["grade" if spec.name == "grade_code" else spec.catalog][0].code
    elif spec.kind == "choice":
        sample = spec.choices[-1]
    widget.set_field_value(sample)
    assert widget.field_value() == sample
    suffix = {"bool": "check", "catalog": "combo", "choice": "combo"}.get(spec.kind, "edit")
    assert widget.objectName() == f"{spec.name}_{'combo' if spec.name == 'grade_code' else suffix}"
    assert isinstance(widget, QPlainTextEdit) == (spec.kind == "longtext")
    assert isinstance(widget, QCheckBox) == (spec.kind == "bool")


def test_text_fields_take_input_method_commits(qtbot) -> None:
    edit = TextEdit()
    qtbot.addWidget(edit)
    commit_text(edit, "Nguyễn Thị Ánh Tuyết")
    assert edit.field_value() == "Nguyễn Thị Ánh Tuyết"


def test_photo_is_cropped_to_four_by_six_from_the_centre() -> None:
    wide = QImage(1200, 600, QImage.Format.Format_RGB32)
    wide.fill(QColor("blue"))
    painter = QPainter(wide)
    painter.fillRect(QRect(500, 0, 200, 600), QColor("red"))  # a band in the middle
    painter.end()
    photo = crop_portrait(wide)
    assert (photo.width(), photo.height()) == (400, 600)
    assert photo.pixelColor(200, 300).red() > 200  # the middle kept (x 400–800 of the original)…
    assert photo.pixelColor(5, 300).blue() > 200  # …with the blue just beside the band
    name, data = encode_image(photo)
    assert name.endswith(".jpg") and data[:2] == b"\xff\xd8"
    tall = QImage(300, 900, QImage.Format.Format_ARGB32)
    tall.fill(QColor(0, 128, 0, 128))
    name, data = encode_image(crop_portrait(tall))
    assert name.endswith(".png") and data[:4] == b"\x89PNG"


def test_field_labels_are_listed_for_the_translators() -> None:
    """``ui/widgets/field_texts.py`` (read by pyside6-lupdate) matches ``app.fields``; when this
    fails after a label changed, run ``python -m ui.widgets.field_texts``."""
    from pathlib import Path

    from ui.widgets import field_texts

    assert Path(field_texts.__file__).read_text(encoding="utf-8") == field_texts.render()
    assert set(field_texts.TEXTS) == set(field_texts.labels())


def test_a_text_field_with_a_catalog_suggests_its_words_and_keeps_any_other(qtbot) -> None:
    from app.fields import PERSON_FIELD_MAP
    from ui.widgets.factory import make_field_widget
    from ui.widgets.values import Option

    spec = PERSON_FIELD_MAP["family_background"]
    widget = make_field_widget(spec, {"family_background": [Option("ND", "Nông dân"), Option("CN", "Công nhân")]})
    qtbot.addWidget(widget)
    completer = widget.completer()
    assert completer is not None
    words = [completer.model().index(i, 0).data() for i in range(completer.model().rowCount())]
    assert words == ["Nông dân", "Công nhân"]
    widget.set_field_value("Tiểu chủ")  # not in the list: kept as written
    assert widget.field_value() == "Tiểu chủ"
    assert make_field_widget(PERSON_FIELD_MAP["other_names"], {}).completer() is None
