"""Data-quality checks: each fires on a crafted record and not on the clean full record."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from app import cli, people
from app.errors import UserError
from app.quality import CHECKS, quality_issues
from models import Person, SalaryHistory
from tests.core.conftest import person_data

AS_OF = dt.date(2026, 7, 1)
CCCD = "048085001234"  # the conftest's record: a man born 12/03/1985, A1 (01.003) step 5 since 01/09/2020


def create(db, **overrides):
    with db.session() as s:
        return people.create_person(s, person_data(**{"unit_code": "DN.SNV.CCVC", **overrides})).id


def edit(db, person_id, change: Callable[[Person], None]) -> None:
    """Change the stored record directly, as an old database or an import might have it."""
    with db.session() as s:
        change(s.get(Person, person_id))


def issues(db, **kw):
    with db.session() as s:
        return quality_issues(s, as_of=kw.pop("as_of", AS_OF), **kw)


def codes(db, **kw) -> list[str]:
    return [i.code for i in issues(db, **kw)]


def latest_salary(person: Person) -> SalaryHistory:
    return max(person.salary_history, key=lambda r: r.start_date)


def set_salary(person: Person, **values) -> None:
    """Change the current salary and its latest history row together (no history mismatch)."""
    for name, value in values.items():
        setattr(person, name, value)
        setattr(latest_salary(person), "start_date" if name == "salary_since" else name, value)


def test_the_clean_full_record_has_no_issue(db) -> None:
    create(db)
    assert issues(db) == []


WORK_START = {"start_date": "01/09/2008", "end_date": "31/12/2015", "unit_name": "Sở Nội vụ"}

# (overrides at creation, a direct change afterwards, the expected codes, the field, a phrase of the message)
CASES = {
    "cccd_sex": ({"cccd": "048185001234"}, None, ["cccd_mismatch"], "cccd", "giới tính nữ, hồ sơ ghi nam"),
    "cccd_year": ({"cccd": "048086001234"}, None, ["cccd_mismatch"], "cccd", "năm sinh 1986, hồ sơ ghi 1985"),
    "unknown_grade": ({}, lambda p: set_salary(p, grade_code="99.999"), ["unknown_grade"], "grade_code",
                      "Mã ngạch '99.999' không có trong danh mục"),
    "step_beyond": ({}, lambda p: set_salary(p, salary_step=12), ["step_beyond_table"], "salary_step",
                    "Bậc 12 vượt quá bậc cao nhất (9) của ngạch 01.003 (loại A1)"),
    "coefficient": ({}, lambda p: set_salary(p, salary_coefficient=Decimal("3.99")), ["coefficient_mismatch"],
                    "salary_coefficient", "Hệ số lương 3,99 không khớp với bậc 5 của ngạch 01.003 (loại A1: 3,66)"),
    "gap": ({"work_history": [WORK_START, {"start_date": "02/02/2016", "unit_name": "Sở Nội vụ"}]}, None,
            ["work_gap"], "work_history", "gián đoạn từ 01/01/2016 đến 01/02/2016 (giữa dòng 1 và dòng 2)"),
    "overlap": ({"work_history": [WORK_START, {"start_date": "01/06/2015", "unit_name": "Sở Tư pháp"}]}, None,
                ["work_overlap"], "work_history", "dòng 2 (từ 01/06/2015) trùng thời gian với dòng 1 (đến 31/12/2015)"),
    "open_row": ({"work_history": [{"start_date": "01/09/2008", "unit_name": "Sở Nội vụ"},
                                   {"start_date": "01/01/2016", "unit_name": "Sở Nội vụ"}]}, None,
                 ["work_open_row"], "work_history", "dòng 1 (từ 01/09/2008) chưa có ngày kết thúc"),
    "past_retirement": ({"cccd": "048060001234", "birth_date": "10/01/1960"}, None, ["past_retirement"], "status",
                        "Đã đến tuổi nghỉ hưu từ ngày 31/01/2020 (60 tuổi)"),
    "salary_future": ({}, lambda p: set_salary(p, salary_since=dt.date(2026, 9, 1)), ["salary_since_future"],
                      "salary_since", "Ngày hưởng bậc lương 01/09/2026 ở sau ngày 01/07/2026"),
    "history": ({}, lambda p: setattr(p, "salary_step", 6) or setattr(p, "salary_coefficient", Decimal("3.99")),
                ["salary_history_mismatch"], "salary_history", "khác lương hiện tại (từ 01/09/2020: ngạch 01.003, "
                "bậc 6, hệ số 3,99) ở bậc, hệ số"),
    "early": ({}, lambda p: setattr(latest_salary(p), "early_months", 24), ["early_raise_invalid"], "salary_history",
              "nâng bậc trước thời hạn 24 tháng, tối đa 12 tháng"),
    "party": ({}, lambda p: setattr(p, "party_official_date", dt.date(2011, 2, 3)), ["party_dates"],
              "party_official_date", "Ngày chính thức vào Đảng 03/02/2011 trước ngày vào Đảng 03/02/2012"),
}


@pytest.mark.parametrize("case", CASES)
def test_each_check_fires_on_a_crafted_record(db, case) -> None:
    overrides, change, expected, field, phrase = CASES[case]
    person_id = create(db, **overrides)
    if change is not None:
        edit(db, person_id, change)
    found = issues(db)
    assert [i.code for i in found] == expected
    assert found[0].field == field and phrase in found[0].message, found[0].message
    assert (found[0].person_id, found[0].unit_code) == (person_id, "DN.SNV.CCVC")
    assert found[0].full_name == "Nguyễn Văn Bình"


@pytest.mark.parametrize(("other_step", "flagged"), [(5, False), (4, True)])
def test_rows_sharing_the_latest_date(db, other_step, flagged) -> None:
    """Two rows start on the latest day: one agreeing with the current salary is enough."""
    person_id = create(db)

    def twin(person: Person) -> None:
        latest = latest_salary(person)
        latest.salary_step, latest.salary_coefficient = 4, Decimal("3.33")
        person.salary_history.append(SalaryHistory(start_date=latest.start_date, grade_code="01.003", seq=9,
                                                   salary_step=other_step, salary_coefficient=Decimal("3.66")
                                                   if other_step == 5 else Decimal("3.33")))
    edit(db, person_id, twin)
    found = issues(db)
    assert [i.code for i in found] == (["salary_history_mismatch"] if flagged else [])
    if flagged:
        assert "(từ 01/09/2020: ngạch 01.003, bậc 4, hệ số 3,33)" in found[0].message


def test_every_check_has_a_case() -> None:
    assert {c for case in CASES.values() for c in case[2]} == set(CHECKS)


@pytest.mark.parametrize(("second_start", "gap_months", "flagged"), [
    ("01/01/2016", 1, False),  # contiguous
    ("01/02/2016", 1, False),  # January uncovered: exactly one month is allowed
    ("02/02/2016", 1, True),
    ("02/02/2016", 2, False),
    ("03/01/2016", 0, True),  # with 0 any uncovered day counts
    ("31/12/2015", 1, False),  # a shared boundary day is not an overlap
])
def test_gap_threshold(db, second_start, gap_months, flagged) -> None:
    create(db, work_history=[WORK_START, {"start_date": second_start, "unit_name": "Sở Nội vụ"}])
    assert bool(codes(db, gap_months=gap_months)) == flagged


@pytest.mark.parametrize(("recruited", "flagged"), [("01/09/2008", False), ("01/09/2006", True)])
def test_gaps_before_the_recruitment_date_do_not_count(db, recruited, flagged) -> None:
    # School until 06/2007, the first post from 09/2008: the year between is before the service record.
    create(db, recruitment_date=recruited, work_history=[
        {"start_date": "01/09/2003", "end_date": "30/06/2007", "unit_name": "Trường Đại học Luật Huế",
         "position": "Sinh viên"},
        {"start_date": "01/09/2008", "unit_name": "Sở Nội vụ"}])
    assert codes(db) == (["work_gap"] if flagged else [])


def test_work_rows_are_compared_in_date_order_not_entry_order(db) -> None:
    create(db, work_history=[{"start_date": "01/01/2016", "unit_name": "Sở Nội vụ"}, WORK_START])
    assert codes(db) == []


def test_past_retirement_only_for_working_people_and_depends_on_as_of(db) -> None:
    create(db, cccd="048065001234", birth_date="15/07/1965")  # retires 30/04/2027
    assert codes(db, as_of=dt.date(2027, 4, 30)) == []
    assert codes(db, as_of=dt.date(2027, 5, 1)) == ["past_retirement"]
    with db.session() as s:
        people.update_person(s, "048065001234", {"status": "retired"})
    assert codes(db, as_of=dt.date(2027, 5, 1)) == []


def test_scope_filters_and_deleted_people(db) -> None:
    create(db, cccd="048185001234")  # cccd says female
    create(db, cccd="048085009999", full_name="Lê Văn An", unit_code="DN.P.HAICHAU",
           party_official_date="01/01/2013", party_join_date="01/01/2013")
    with db.session() as s:
        assert [i.cccd for i in quality_issues(s, "DN.SNV", AS_OF)] == ["048185001234"]
        assert quality_issues(s, "DN.P.HAICHAU", AS_OF) == []
        assert [i.code for i in quality_issues(s, as_of=AS_OF, codes={"party_dates"})] == []
        with pytest.raises(UserError):
            quality_issues(s, "KHONG", AS_OF)
        with pytest.raises(ValueError, match="unknown quality checks"):
            quality_issues(s, as_of=AS_OF, codes={"spelling"})
        people.delete_person(s, "048185001234")
    assert issues(db) == []


def test_cli(capsys, db) -> None:
    person_id = create(db, cccd="048185001234")
    target = str(Path(db.url.removeprefix("sqlite:///")))
    assert cli.run(["quality", "--as-of", "2026-07-01", "--json", "--db", target]) == 0
    assert json.loads(capsys.readouterr().out) == [{
        "id": str(person_id), "cccd": "048185001234", "full_name": "Nguyễn Văn Bình", "unit_code": "DN.SNV.CCVC",
        "code": "cccd_mismatch", "field": "cccd",
        "message": "Số CCCD 048185001234: chữ số thứ 4 (1) cho biết giới tính nữ, hồ sơ ghi nam"}]
    assert cli.run(["quality", "--db", target]) == 0
    captured = capsys.readouterr()
    assert "giới tính nữ" in captured.out and "1 vấn đề" in captured.err
    assert cli.run(["quality", "--as-of", "hôm nay", "--db", target]) == 1
    assert "không phải là ngày hợp lệ" in capsys.readouterr().err
