"""The 2023 CV form's fields travel through the spreadsheet: a list with the new columns (by their
labels and the declared wordings) fills them, and export → import into another database gives the
same dossier back."""

from __future__ import annotations

import openpyxl

from app import people
from app.exchange.columns import all_columns
from app.exchange.export import export_people
from app.exchange.importer import open_import, run_import
from app.fields import PERSON_FIELDS, SECTION_FIELDS
from app.people import find_person
from app.person_json import person_json
from tests.core.conftest import make_database, person_data

NEW = {"job_position": "Chuyên viên về tổ chức cán bộ", "job_position_code": "VTVL.123", "job_position_step": 3,
       "job_position_percent": 100, "job_position_seniority_percent": 6, "job_position_seniority_since": "01/08/2026",
       "salary_amount": "12.500.000", "salary_amount_since": "01/07/2026", "health_insurance_number": "DN4790123456789",
       "family_background": "Nông dân", "policy_subject": "Con thương binh", "academic_title_code": "PGS",
       "academic_title_year": 2019, "planned_titles": "Trưởng phòng giai đoạn 2026 - 2031",
       "concurrent_positions": "Chủ tịch Công đoàn cơ sở", "party_position": "Bí thư Chi bộ",
       "party_concurrent_position": "Đảng ủy viên", "longest_job": "Chuyên viên, Sở Nội vụ",
       "grade_date": "01/09/2008", "seniority_allowance_percent": 5, "seniority_allowance_since": "01/09/2025",
       "concurrent_allowance": "0,3", "agency_join_date": "01/09/2008", "position_date": "01/01/2016",
       "position_reappointed_date": "01/01/2021", "income_salary": "150 triệu đồng", "housing": "Nhà 80 m²",
       "land": "100 m²", "business_land": "Không",
       "evaluations": [{"year": 2025, "quality_rating": "Hoàn thành tốt nhiệm vụ",
                        "professional_rating": "Hoàn thành tốt nhiệm vụ", "emulation_rating": "Lao động tiên tiến"}],
       "training": [{"kind": "language", "institution": "Trường Đại học Ngoại ngữ", "language": "Tiếng Anh",
                     "qualification": "B2", "score": "7,0", "start_date": "01/03/2019", "end_date": "30/06/2019"},
                    {"kind": "defence_security", "institution": "Bộ Chỉ huy Quân sự thành phố",
                     "qualification": "Đối tượng 3", "start_date": "01/05/2020", "end_date": "20/05/2020"}]}
SECTIONS = tuple(SECTION_FIELDS)  # every section sheet
DERIVED = {"id", "version", "updated_at", "completeness", "missing", "next_salary_step_date", "attachments",
           "placements"}


def _strip(doc: dict) -> dict:
    out = {k: v for k, v in doc.items() if k not in DERIVED}
    for name in SECTION_FIELDS:
        out[name] = [{k: v for k, v in row.items() if k != "id"} for row in doc.get(name, [])]
    return out


def test_export_then_import_into_another_database_gives_the_new_fields_back(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = make_database(tmp_path / "a")
    with first.session("tester") as s:
        pid = people.create_person(s, person_data(unit_code="DN.SNV.CCVC", **NEW)).id
    with first.session() as s:
        before = person_json(s, pid)
    assert before["position_code"] == "VTVL.123" and before["job_position_seniority_since"] == "2026-08-01"
    export_people(first, tmp_path / "all.xlsx", columns="all", sections=SECTIONS)
    headers = next(openpyxl.load_workbook(tmp_path / "all.xlsx")["Danh sách"].iter_rows(values_only=True))
    assert len(headers) == len(all_columns()) and "Bậc lương theo vị trí việc làm" in headers

    second = make_database(tmp_path / "b")
    source = open_import(tmp_path / "all.xlsx")
    assert source.unknown_columns == []
    result = run_import(second, source, source.mapping)
    assert (result.imported, result.rejected) == (1, 0), result.errors
    with second.session() as s:
        after = person_json(s, find_person(s, before["cccd"]).id)
    assert _strip(after) == _strip(before)
    for spec in PERSON_FIELDS:  # every new value arrived (not just "both empty")
        if spec.name in NEW:
            assert after[spec.name] not in (None, ""), spec.name


def test_a_list_with_the_new_columns_by_other_wordings_fills_them(tmp_path) -> None:
    db = make_database(tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["Số CCCD", "Họ và tên", "Ngày sinh", "Giới tính", "Mã đơn vị", "Vị trí việc làm", "position_code",
               "Bậc lương VTVL", "% hưởng VTVL", "PCTNVK VTVL", "Ngày hưởng PCTNVK VTVL", "Số thẻ BHYT",
               "Thành phần gia đình xuất thân", "Đối tượng chính sách", "Học hàm", "Được quy hoạch chức danh",
               "Chức vụ Đảng hiện tại", "Công việc làm lâu nhất"])
    ws.append(["048085001234", "Nguyễn Văn Bình", "12/03/1985", "Nam", "DN.SNV.CCVC", "Chuyên viên", "VTVL.9", 2,
               "85", 5, "01/02/2026", "DN4790123456789", "Công nhân", "Con liệt sĩ", "Phó giáo sư",
               "Phó Giám đốc Sở", "Chi ủy viên", "Chuyên viên tổ chức"])
    wb.save(tmp_path / "ds.xlsx")
    source = open_import(tmp_path / "ds.xlsx")
    assert source.unknown_columns == []
    result = run_import(db, source, source.mapping)
    assert (result.imported, result.rejected) == (1, 0), result.errors
    with db.session() as s:
        doc = person_json(s, find_person(s, "048085001234").id)
    assert (doc["job_position"], doc["position_code"], doc["job_position_step"], doc["job_position_percent"],
            doc["job_position_seniority_percent"], doc["job_position_seniority_since"]) == (
        "Chuyên viên", "VTVL.9", 2, 85, 5, "2026-02-01")
    assert (doc["health_insurance_number"], doc["family_background"], doc["policy_subject"], doc["academic_title_code"],
            doc["planned_titles"], doc["party_position"], doc["longest_job"]) == (
        "DN4790123456789", "Công nhân", "Con liệt sĩ", "PGS", "Phó Giám đốc Sở", "Chi ủy viên", "Chuyên viên tổ chức")


def test_a_bad_new_value_is_refused_naming_the_field_and_row(tmp_path) -> None:
    db = make_database(tmp_path)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Số CCCD", "Họ và tên", "Ngày sinh", "Giới tính", "Bậc lương VTVL", "Phần trăm hưởng VTVL"])
    ws.append(["048085001234", "Nguyễn Văn Bình", "12/03/1985", "Nam", 45, 150])
    wb.save(tmp_path / "bad.xlsx")
    source = open_import(tmp_path / "bad.xlsx")
    result = run_import(db, source, source.mapping)
    assert result.rejected == 1
    fields = {e.field for e in result.errors}
    assert {"job_position_step", "job_position_percent"} <= fields
    assert all(e.row == 2 for e in result.errors)
