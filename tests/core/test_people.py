"""People services: every section round-trips, validation refuses bad input and writes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import people
from app.errors import UserError, ValidationError
from app.fields import SECTION_FIELDS
from app.history import person_history
from app.person_json import person_json
from models import ChangeLog, Person
from tests.core.conftest import FULL_PERSON, person_data


def _count(db, model=Person) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _create(db, **overrides):
    with db.session("clerk") as s:
        return people.create_person(s, person_data(unit_code="DN.SNV.CCVC", **overrides))


def test_every_section_round_trips(db) -> None:
    result = _create(db)
    with db.session() as s:
        doc = person_json(s, result.id)
    assert doc["full_name"] == "Nguyễn Văn Bình"
    assert doc["birth_date"] == "1985-03-12"
    assert doc["unit_code"] == "DN.SNV.CCVC"
    assert doc["ethnicity"] == "Kinh" and doc["religion"] == "Không"
    assert doc["professional_level"] == "Đại học"
    assert doc["hometown_province_name"] == "Thành phố Đà Nẵng"
    assert doc["height_cm"] == 170
    for section in SECTION_FIELDS:
        assert len(doc[section]) >= len(FULL_PERSON[section]), section
    assert doc["training"][0]["institution"] == "Trường Đại học Luật Huế"
    assert doc["training"][0]["form_code"] == "CQ"
    assert doc["family"][0]["full_name"] == "Nguyễn Văn An"  # normalised
    assert doc["family"][2]["side"] == "spouse" and doc["family"][2]["deceased"] is True
    assert doc["allowances"][0]["coefficient"] == 0.2
    assert doc["asset_declarations"][0]["total_income"] == 250000000
    assert doc["placements"][0]["unit_code"] == "DN.SNV.CCVC"


def test_coefficient_filled_from_the_grade_table_and_history_follows(db) -> None:
    result = _create(db)
    with db.session() as s:
        doc = person_json(s, result.id)
    assert doc["salary_coefficient"] == 3.66  # A1 step 5
    latest = max(doc["salary_history"], key=lambda r: r["start_date"])
    assert (latest["start_date"], latest["salary_step"], latest["salary_coefficient"]) == ("2020-09-01", 5, 3.66)
    # the previous open row was closed the day before
    assert [r["end_date"] for r in doc["salary_history"] if r["start_date"] == "2017-09-01"] == ["2020-08-31"]


def test_derived_values(db) -> None:
    result = _create(db)
    with db.session() as s:
        doc = person_json(s, result.id)
    assert doc["retirement_date"] == "2047-03-31"  # man born 03/1985: 62 years, end of month
    # A1: 36 months from 01/09/2020; the khiển trách of 2014 was in an earlier step
    assert doc["next_salary_step_date"] == "2023-09-01"
    assert 0 < doc["completeness"] < 1
    assert "Ảnh" in " ".join(doc["missing"]) or doc["missing"]


@pytest.mark.parametrize(("field", "value", "needle"), [
    ("cccd", "12345", "12 chữ số"),
    ("cccd", "999085001234", "mã tỉnh"),
    ("birth_date", "31/02/1985", "không có thật"),
    ("birth_date", "01/01/2090", "tương lai"),
    ("birth_date", "hôm qua", "không phải là ngày"),
    ("sex", "khác", "giới tính"),
    ("ethnicity_code", "Người sao Hỏa", "danh mục"),
    ("salary_step", 12, "vượt quá bậc cao nhất"),
    ("grade_code", "99.999", "không có trong danh mục"),
    ("height_cm", "abc", "không phải là số"),
    ("full_name", "   ", "không được để trống"),
])
def test_bad_input_is_refused_with_the_field_named(db, field, value, needle) -> None:
    with pytest.raises(ValidationError) as info:
        _create(db, **{field: value})
    errors = info.value.for_field(field)
    assert errors, info.value.errors
    assert needle in errors[0].message
    assert _count(db) == 0 and _count(db, ChangeLog) == _count_units_log(db)


def _count_units_log(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "unit"))


def test_section_errors_name_the_row(db) -> None:
    data = person_data()
    data["work_history"][1]["end_date"] = "01/01/2010"  # before its start
    with pytest.raises(ValidationError) as info:
        with db.session() as s:
            people.create_person(s, data)
    error = info.value.for_field("work_history[2].end_date")[0]
    assert "dòng 2" in error.label and "sau ngày bắt đầu" in error.message
    assert _count(db) == 0


def test_duplicate_cccd_is_refused(db) -> None:
    _create(db)
    with pytest.raises(ValidationError) as info:
        _create(db, full_name="Trần Văn Khác")
    assert "đã có trong hồ sơ của Nguyễn Văn Bình" in info.value.for_field("cccd")[0].message
    assert _count(db) == 1


def test_cccd_contradicting_the_record_is_a_warning(db) -> None:
    result = _create(db, sex="Nữ", full_name="Nguyễn Thị Bình")
    assert any("giới tính" in w for w in result.warnings)


def test_update_records_who_when_old_and_new(db) -> None:
    result = _create(db)
    with db.session("truong_phong") as s:
        people.update_person(s, "048085001234", {"position": "Trưởng phòng", "phone": "0911000111"})
    with db.session() as s:
        changes = person_history(s, "048085001234")
        person = s.get(Person, result.id)
        assert person.version == 2
    updates = [c for c in changes if c.action == "update"]
    assert {(c.field, c.old, c.new, c.by) for c in updates} == {
        ("position", "Phó Trưởng phòng", "Trưởng phòng", "truong_phong"),
        ("phone", "0905123456", "0911000111", "truong_phong")}
    assert changes[0].action == "create" and changes[0].by == "clerk"


def test_section_update_keeps_rows_by_id_and_logs_removals(db) -> None:
    result = _create(db)
    with db.session() as s:
        rows = person_json(s, result.id)["family"]
    rows[0]["details"] = "Hưu trí"
    with db.session("clerk2") as s:
        people.update_person(s, str(result.id), {"family": [rows[0], rows[1]]})
    with db.session() as s:
        doc = person_json(s, result.id)
        changes = person_history(s, str(result.id))
    assert [r["id"] for r in doc["family"]] == [rows[0]["id"], rows[1]["id"]]
    assert doc["family"][0]["details"] == "Hưu trí"
    assert any(c.field == "family.details" and c.new == "Hưu trí" for c in changes)
    assert any(c.field == "family" and c.action == "delete" and "Lê Thị Cúc" in (c.old or "") for c in changes)


def test_failed_update_changes_nothing(db) -> None:
    _create(db)
    with pytest.raises(ValidationError):
        with db.session() as s:
            people.update_person(s, "048085001234", {"phone": "0900", "birth_date": "32/13/1985"})
    with db.session() as s:
        person = people.find_person(s, "048085001234")
        assert person.phone == "0905123456" and person.version == 1


def test_stale_version_is_refused(db) -> None:
    _create(db)
    with pytest.raises(UserError, match="vừa được người khác sửa"):
        with db.session() as s:
            people.update_person(s, "048085001234", {"phone": "1"}, expected_version=7)


def test_soft_delete_and_restore(db) -> None:
    _create(db)
    with db.session() as s:
        people.delete_person(s, "048085001234")
    with pytest.raises(UserError, match="Không tìm thấy"):
        with db.session() as s:
            people.find_person(s, "048085001234")
    with pytest.raises(ValidationError, match="khôi phục"):
        _create(db)
    with db.session() as s:
        people.restore_person(s, "048085001234")
        assert people.find_person(s, "048085001234").deleted_at is None
        actions = [c.action for c in person_history(s, "048085001234")]
    assert actions[-2:] == ["delete", "restore"]


def test_unit_change_closes_placement(db) -> None:
    result = _create(db)
    with db.session() as s:
        people.update_person(s, str(result.id), {"unit_code": "DN.P.HAICHAU"})
    with db.session() as s:
        doc = person_json(s, result.id)
    assert doc["unit_code"] == "DN.P.HAICHAU"
    assert [p["unit_code"] for p in doc["placements"]] == ["DN.SNV.CCVC", "DN.P.HAICHAU"]
    assert doc["placements"][0]["end_date"] == (dt.date.today() - dt.timedelta(days=1)).isoformat()


def test_unknown_unit_is_refused(db) -> None:
    with pytest.raises(ValidationError) as info:
        with db.session() as s:
            people.create_person(s, person_data(unit_code="KHONGCO"))
    assert info.value.for_field("unit_code")


def test_minimal_person(db) -> None:
    with db.session() as s:
        result = people.create_person(s, {"cccd": "049190000001", "full_name": "lê thị mai",
                                           "birth_date": "1990-05-20", "sex": "nữ"})
        doc = person_json(s, result.id)
    assert doc["full_name"] == "Lê Thị Mai" and doc["sex"] == "Nữ"
    assert doc["next_salary_step_date"] is None
    assert doc["completeness"] < 0.3
    assert doc["training"] == [] and doc["unit_code"] is None


def test_decimal_comma_and_birth_year_only(db) -> None:
    with db.session() as s:
        result = people.create_person(s, {"cccd": "048070000002", "full_name": "Hồ Văn Tư", "birth_date": "1970-06-15",
                                           "birth_year_only": True, "sex": "Nam", "position_allowance": "0,25"})
        person = s.get(Person, result.id)
        assert person.birth_date == dt.date(1970, 1, 1)
        assert person.position_allowance == Decimal("0.25")
