"""Dossier completeness against Mẫu 2C-BNV/2008, HS02-VC/BNV and the NĐ 27/2026 minimum."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from app.rules.completeness import (
    Completeness,
    MissingItem,
    checked_names,
    completeness,
    form_for,
    is_filled,
    required_items,
)
from models.person import Person

FULL: dict[str, object] = {
    "cccd": "079080001234",
    "cccd_issue_date": dt.date(2021, 5, 1),
    "full_name": "Nguyễn Thị Hồng Đào",
    "birth_date": dt.date(1980, 3, 4),
    "sex": "Nữ",
    "birthplace_text": "Xã Tân Phú, huyện Châu Thành, tỉnh Long An",
    "hometown_province": "80",
    "ethnicity_code": "01",
    "religion_code": "00",
    "permanent_text": "12 Lê Lợi, phường Bến Thành, TP Hồ Chí Minh",
    "current_text": "12 Lê Lợi, phường Bến Thành, TP Hồ Chí Minh",
    "phone": "0903123456",
    "family_background": "Công nhân viên chức",
    "recruitment_date": dt.date(2005, 9, 1),
    "recruiting_agency": "Sở Nội vụ",
    "agency_join_date": dt.date(2010, 1, 1),
    "unit_id": uuid.uuid4(),
    "main_duties": "Quản lý hồ sơ cán bộ",
    "grade_code": "01.003",
    "salary_step": 4,
    "salary_coefficient": Decimal("3.33"),
    "salary_since": dt.date(2023, 1, 1),
    "job_position": "Chuyên viên tổ chức cán bộ",
    "general_education": "12/12",
    "professional_level_code": "DH",
    "health_status": "Tốt",
    "social_insurance_number": "7905012345",
    "health_insurance_number": "DN4797905012345",
    "training": [{"institution": "Đại học Luật TP.HCM"}],
    "work_history": 3,
    "family": [{"relation": "Cha"}, {"relation": "Mẹ"}],
    "photo": b"\x89PNG...",
}


def test_empty_dossier_misses_everything() -> None:
    result = completeness({}, "2C")
    assert isinstance(result, Completeness) and result.ratio == 0.0
    required = required_items("2C")
    assert [m.label for m in result.missing] == [item.label for item in required]
    assert {"Nơi sinh", "Dân tộc", "Quá trình đào tạo, bồi dưỡng", "Ảnh 4 x 6"} <= {
        m.label for m in result.missing}


@pytest.mark.parametrize("form", ["2C", "HS02", "ND27"])
def test_full_dossier_is_complete(form: str) -> None:
    result = completeness(FULL, form)
    assert result.ratio == 1.0
    assert result.missing == ()
    assert result.complete


def test_one_missing_field_is_listed_with_its_label() -> None:
    values = {**FULL, "ethnicity_code": None}
    result = completeness(values, "2C")
    assert result.missing == (MissingItem("ethnicity_code", "Dân tộc", "6"),)
    count = len(required_items("2C"))
    assert result.ratio == round((count - 1) / count, 3)
    assert not result.complete


@pytest.mark.parametrize("blank", [None, "", "   ", "\t\n"])
def test_blank_text_is_empty(blank: object) -> None:
    result = completeness({**FULL, "health_status": blank}, "2C")
    assert [m.label for m in result.missing] == ["Tình trạng sức khoẻ"]


def test_zero_and_dates_are_values_not_blanks() -> None:
    assert completeness({**FULL, "salary_step": 0}, "2C").complete


def test_either_alternative_satisfies_the_item() -> None:
    by_text = {**FULL, "birthplace_text": "Hà Nội", "birthplace_province": None}
    by_code = {**FULL, "birthplace_text": "  ", "birthplace_province": "01"}
    neither = {**FULL, "birthplace_text": None, "birthplace_province": ""}
    assert completeness(by_text, "2C").complete
    assert completeness(by_code, "2C").complete
    assert completeness(neither, "2C").missing == (MissingItem("birthplace_text", "Nơi sinh", "4"),)
    # Chức vụ or công việc chính: a specialist with no chức vụ is complete.
    assert completeness({**FULL, "main_duties": None, "position": "Phó Trưởng phòng"}, "2C").complete


@pytest.mark.parametrize("rows", [[], 0, None, ()])
def test_a_section_needs_at_least_one_row(rows: object) -> None:
    result = completeness({**FULL, "training": rows}, "HS02")
    assert result.missing == (MissingItem("training", "Quá trình đào tạo, bồi dưỡng", "32"),)


def test_missing_photo_and_sections_by_count() -> None:
    result = completeness({**FULL, "photo": None, "work_history": 0, "family": 1}, "2C")
    assert [m.label for m in result.missing] == ["Quá trình công tác", "Ảnh 4 x 6"]


def test_hs02_requires_more_than_2c() -> None:
    hs02 = {item.field for item in required_items("HS02")}
    c2 = {item.field for item in required_items("2C")}
    assert len(hs02) > len(c2)
    assert {"phone", "health_insurance_number", "family_background", "agency_join_date",
            "job_position"} <= hs02 - c2
    # A civil servant's dossier without the viên-chức items is complete for 2C only.
    thin = {k: v for k, v in FULL.items() if k not in {"phone", "health_insurance_number"}}
    assert completeness(thin, "2C").complete
    assert {m.field for m in completeness(thin, "HS02").missing} == {"phone", "health_insurance_number"}


def test_nd27_minimum_is_part_of_every_form() -> None:
    nd27 = {item.field for item in required_items("ND27")}
    assert {"cccd", "full_name", "unit_id", "training", "family"} <= nd27
    for form in ("2C", "HS02"):
        fields = [item.field for item in required_items(form)]
        assert len(fields) == len(set(fields)), "items are deduplicated"
        assert nd27 <= set(fields)
    missing = completeness({**FULL, "unit_id": None}, "2C").missing
    assert missing == (MissingItem("unit_id", "Cơ quan, đơn vị công tác", "Nhóm 6"),)


def test_form_for_staff_type() -> None:
    assert form_for("vien_chuc") == "HS02"
    assert form_for("cong_chuc") == "2C"
    assert form_for("can_bo") == "2C"
    assert form_for("hop_dong") == "2C"


def test_form_names_are_case_insensitive_and_unknown_forms_refused() -> None:
    assert required_items("hs02") == required_items("HS02")
    with pytest.raises(ValueError, match="unknown form"):
        completeness(FULL, "2D")


def test_every_required_field_is_a_person_attribute() -> None:
    # The data file names Person attributes; a typo there would make an item impossible to fill.
    attributes = set(Person.__mapper__.attrs.keys())
    for form in ("2C", "HS02", "ND27"):
        for item in required_items(form):
            for name in item.fields:
                assert name == "photo" or name in attributes, (form, name)


def test_checked_names_cover_every_item_of_every_form() -> None:
    names = checked_names()
    for form in ("2C", "HS02", "ND27"):
        for item in required_items(form):
            assert all(names[name] == item.kind for name in item.fields)
    assert names["training"] == "rows" and names["photo"] == "flag" and names["cccd"] == "field"
    # Values that only say "filled" or not give the same answer as the real ones.
    stand_in = {name: (1 if kind == "rows" else True) if is_filled(FULL.get(name), kind) else None
                for name, kind in names.items()}
    assert completeness(stand_in, "HS02") == completeness(FULL, "HS02")


@pytest.mark.parametrize(("value", "kind", "filled"), [
    (" x ", "field", True), (" \t", "field", False), (0, "field", True), (None, "field", False),
    (0, "rows", False), (2, "rows", True), ([], "rows", False), (b"", "flag", False), (True, "flag", True)])
def test_is_filled(value: object, kind: str, filled: bool) -> None:
    assert is_filled(value, kind) is filled


def test_the_2023_cv_profile_asks_for_its_own_items() -> None:
    cv = {item.field for item in required_items("CV2023")}
    assert {"phone", "health_insurance_number", "family_background", "agency_join_date", "grade_date"} <= cv
    assert "job_position" not in cv  # 30.3 is due by 01/07/2027 (NĐ 361/2025), not yet required
    assert {item.field for item in required_items("ND27")} <= cv
    full = {**FULL, "grade_date": dt.date(2005, 9, 1)}
    assert completeness(full, "CV2023").complete
    assert completeness(FULL, "CV2023").missing == (MissingItem("grade_date", "Ngày bổ nhiệm ngạch/CDNN", "30.1"),)
