"""Core fixtures: a fresh migrated SQLite database per test, catalogs loaded, a small unit tree."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app import units
from app.catalogs import load_catalogs
from app.db import Database, open_database

FULL_PERSON: dict[str, Any] = {
    "cccd": "048085001234",
    "cccd_issue_date": "15/06/2021",
    "cccd_issue_place": "Cục Cảnh sát QLHC về TTXH",
    "full_name": "NGUYỄN VĂN BÌNH",
    "other_names": "Bình Nguyễn",
    "birth_date": "12/03/1985",
    "sex": "Nam",
    "birthplace_text": "Xã Điện Minh, Huyện Điện Bàn, Tỉnh Quảng Nam",
    "birthplace_province": "Đà Nẵng",
    "birthplace_commune": "Phường Điện Bàn",
    "hometown_text": "Xã Hòa Phong, Huyện Hòa Vang, Thành phố Đà Nẵng",
    "hometown_province": "48",
    "ethnicity_code": "Kinh",
    "religion_code": "Không",
    "permanent_text": "12 Lê Duẩn, Phường Hải Châu I, Quận Hải Châu, Thành phố Đà Nẵng",
    "current_province": "48",
    "current_commune": "Phường Hải Châu",
    "current_detail": "12 Lê Duẩn",
    "phone": "0905123456",
    "recruitment_date": "01/09/2008",
    "recruiting_agency": "Sở Nội vụ thành phố Đà Nẵng",
    "position": "Phó Trưởng phòng",
    "main_duties": "Quản lý hồ sơ cán bộ",
    "grade_code": "01.003",
    "salary_step": 5,
    "salary_since": "01/09/2020",
    "general_education": "12/12",
    "professional_level_code": "Đại học",
    "professional_major": "Luật",
    "political_theory_code": "Trung cấp",
    "party_join_date": "03/02/2012",
    "party_official_date": "03/02/2013",
    "health_status": "Tốt",
    "height_cm": "170",
    "weight_kg": 65,
    "social_insurance_number": "4808123456",
    "training": [
        {"kind": "professional", "institution": "Trường Đại học Luật Huế", "major": "Luật",
         "start_date": "01/09/2003", "end_date": "30/06/2007", "form_code": "Chính quy",
         "qualification": "Cử nhân"},
        {"kind": "political_theory", "institution": "Trường Chính trị thành phố Đà Nẵng",
         "start_date": "01/03/2015", "end_date": "30/12/2015", "form_code": "Tại chức",
         "qualification": "Trung cấp lý luận chính trị"},
    ],
    "work_history": [
        {"start_date": "01/09/2008", "end_date": "31/12/2015", "unit_name": "Sở Nội vụ thành phố Đà Nẵng",
         "position": "Chuyên viên"},
        {"start_date": "01/01/2016", "unit_name": "Sở Nội vụ thành phố Đà Nẵng",
         "position": "Phó Trưởng phòng Công chức, viên chức"},
    ],
    "personal_history": [{"kind": "foreign_org", "start_date": "01/01/2010", "end_date": "31/12/2010",
                          "content": "Tình nguyện viên của tổ chức phi chính phủ ở Nhật Bản"}],
    "family": [
        {"side": "self", "relation": "Cha", "full_name": "nguyễn văn an", "birth_year": 1955,
         "details": "Làm ruộng, ở xã Điện Minh"},
        {"side": "self", "relation": "Vợ", "full_name": "Trần Thị Hoa", "birth_year": 1987},
        {"side": "spouse", "relation": "Mẹ vợ", "full_name": "Lê Thị Cúc", "birth_year": 1960,
         "deceased": True},
    ],
    "salary_history": [
        {"start_date": "01/09/2008", "grade_code": "01.003", "salary_step": 1, "salary_coefficient": "2,34"},
        {"start_date": "01/09/2017", "grade_code": "01.003", "salary_step": 4, "salary_coefficient": "3,33",
         "early_months": 0},
    ],
    "allowances": [{"kind": "Phụ cấp chức vụ", "start_date": "01/01/2016", "coefficient": "0,2"}],
    "rewards": [{"kind": "reward", "year": 2019, "title": "Bằng khen của Chủ tịch UBND thành phố",
                 "authority": "UBND thành phố Đà Nẵng"},
                {"kind": "emulation_title", "year": 2020, "title": "Chiến sĩ thi đua cơ sở"}],
    "discipline": [{"kind": "administrative", "start_date": "01/03/2014", "end_date": "01/03/2015",
                    "form": "Khiển trách", "violation": "Chậm trễ xử lý hồ sơ"}],
    "evaluations": [{"year": 2024, "quality_rating": "Hoàn thành tốt nhiệm vụ"},
                    {"year": 2025, "quality_rating": "Hoàn thành xuất sắc nhiệm vụ"}],
    "decisions": [{"kind": "appointment", "decision_number": "123/QĐ-SNV", "decision_date": "28/12/2015",
                   "effective_date": "01/01/2016", "position": "Phó Trưởng phòng"}],
    "asset_declarations": [{"year": 2025, "kind": "annual", "declared_on": "15/12/2025",
                            "total_income": "250.000.000", "summary": "Nhà ở 80 m²"}],
    "planning": [{"title": "Trưởng phòng Công chức, viên chức", "period_from": 2026, "period_to": 2031,
                  "decision_number": "15-QĐ/TU", "decision_date": "10/03/2026"}],
}


def person_data(**overrides: Any) -> dict[str, Any]:
    data = copy.deepcopy(FULL_PERSON)
    data.update(overrides)
    return data


def make_database(folder: Path) -> Database:
    """A migrated database with the catalogs and a small unit tree."""
    database = open_database(folder / "hoso.sqlite")
    with database.session("tester") as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.SNV.CCVC", "Phòng Công chức, viên chức", "DN.SNV")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
    return database


@pytest.fixture
def db(tmp_path) -> Iterator[Database]:
    database = make_database(tmp_path)
    yield database
    database.dispose()
