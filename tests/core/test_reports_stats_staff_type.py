"""Issue 14: the statistics report by staff type. BM01 (Thông tư 11/2012/TT-BNV) counts công chức
only; the viên chức report counts viên chức only, by the hạng of their chức danh nghề nghiệp;
cán bộ and contract workers are in neither. Every figure below is worked out by hand from PEOPLE."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app import cli, people, units
from app.errors import UserError
from app.reports.stats import compute_stats
from app.reports.stats_output import render_stats
from tests.core.test_reports_profile import module_database

AS_OF = dt.date(2025, 6, 30)


def person(cccd: str, name: str, born: str, sex: str, unit: str, staff_type: str, **fields) -> dict:
    return {"cccd": cccd, "full_name": name, "birth_date": born, "sex": sex, "unit_code": unit,
            "staff_type": staff_type, "ethnicity_code": "Kinh", "religion_code": "Không", **fields}


PEOPLE = [
    # công chức of the Sở Nội vụ
    person("048190000101", "Trần Thị Một", "10/05/1990", "Nữ", "DN.SNV", "cong_chuc", grade_code="01.003",
           professional_level_code="Đại học", party_join_date="01/01/2015"),
    person("048080000102", "Lê Văn Hai", "20/01/1980", "Nam", "DN.SNV", "cong_chuc", grade_code="01.002",
           professional_level_code="ThS"),
    # a cán bộ and two contract workers: in neither report
    person("048075000103", "Phan Văn Ba", "15/03/1975", "Nam", "DN.SNV", "can_bo", grade_code="01.001",
           professional_level_code="Tiến sĩ", party_join_date="01/01/2000"),
    person("048195000104", "Đào Thị Bốn", "20/10/1995", "Nữ", "DN.SNV", "hop_dong", grade_code="01.009",
           professional_level_code="Trung cấp"),
    person("048088000105", "Hà Văn Năm", "12/03/1988", "Nam", "DN.P.HAICHAU", "hop_dong", grade_code="01.010"),
    # viên chức of the hospital
    person("048188000106", "Vũ Thị Sáu", "01/02/1988", "Nữ", "DN.BV", "vien_chuc", grade_code="V.08.01.02",
           salary_since="01/01/2022", professional_level_code="ThS", party_join_date="01/01/2012"),
    person("048092000107", "Ngô Văn Bảy", "05/09/1992", "Nam", "DN.BV", "vien_chuc", grade_code="V.08.05.12",
           salary_since="01/01/2022", professional_level_code="Cao đẳng"),
    person("048170000108", "Mai Thị Tám", "10/03/1970", "Nữ", "DN.BV", "vien_chuc", grade_code="V.08.01.01",
           salary_since="01/01/2022", professional_level_code="Tiến sĩ"),
    # viên chức attached to the ward
    person("048000000109", "Đỗ Văn Chín", "01/12/2000", "Nam", "DN.P.HAICHAU", "vien_chuc", grade_code="V.05.02.08",
           salary_since="01/01/2023", professional_level_code="Trung cấp"),
    person("048085000110", "Lý Văn Mười", "01/01/1985", "Nam", "DN.P.HAICHAU", "vien_chuc"),  # no CDNN recorded
]

ZERO_BM01 = dict.fromkeys(("tong_so", "nu", "dang_vien", "ngach_cvcc", "ngach_cvc", "ngach_cv", "ngach_cs",
                           "ngach_nv", "cm_ts", "cm_ths", "cm_dh", "cm_cd", "cm_tc", "cm_sc",
                           "tuoi_30", "tuoi_40", "tuoi_50", "tuoi_51_nghi_huu", "tuoi_tren_nghi_huu"), 0)
BM01_SNV = ZERO_BM01 | {"bien_che": 10, "tong_so": 2, "nu": 1, "dang_vien": 1, "ngach_cvc": 1, "ngach_cv": 1,
                        "cm_ths": 1, "cm_dh": 1, "tuoi_30": 0, "tuoi_40": 1, "tuoi_50": 1}
ZERO_VC = dict.fromkeys(("tong_so", "nu", "dang_vien", "hang_1", "hang_2", "hang_3", "hang_4", "cm_ts", "cm_ths",
                         "cm_dh", "cm_cd", "cm_tc", "cm_sc", "tuoi_30", "tuoi_40", "tuoi_50", "tuoi_51_nghi_huu",
                         "tuoi_tren_nghi_huu"), 0)
VC_BV = ZERO_VC | {"bien_che": None, "tong_so": 3, "nu": 2, "dang_vien": 1, "hang_1": 1, "hang_2": 1, "hang_3": 1,
                   "cm_ts": 1, "cm_ths": 1, "cm_cd": 1, "tuoi_40": 2, "tuoi_51_nghi_huu": 1}
VC_HAICHAU = ZERO_VC | {"bien_che": None, "tong_so": 2, "hang_4": 1, "cm_tc": 1, "tuoi_30": 1, "tuoi_40": 1}


@pytest.fixture(scope="module")
def stats_db(tmp_path_factory):
    db = module_database(tmp_path_factory.mktemp("stats_by_type"))
    with db.session() as s:
        units.add_unit(s, "DN.BV", "Bệnh viện Đà Nẵng", "DN")
        units.get_unit(s, "DN.SNV").staff_quota = 10
        for data in PEOPLE:
            people.create_person(s, data)
    yield db
    db.dispose()


def subset(values: dict, keys: dict) -> dict:
    return {k: values.get(k) for k in keys}


def test_bm01_counts_civil_servants_only(stats_db) -> None:
    with stats_db.session() as s:
        table = compute_stats(s, "DN", AS_OF)  # cong_chuc is the default
    assert table.staff_type == "cong_chuc" and table.form_code == "BM01/BNV"
    assert subset(table.row("DN.SNV").values, BM01_SNV) == BM01_SNV
    assert table.row("DN.BV")["tong_so"] == 0 and table.row("DN.P.HAICHAU")["tong_so"] == 0
    assert table.total["tong_so"] == 2
    # no contract worker in "Nhân viên" (Đào Thị Bốn, 01.009) and no cán bộ in "Chuyên viên cao cấp"
    assert table.total["ngach_nv"] == 0 and table.total["ngach_cvcc"] == 0 and table.total["cm_ts"] == 0
    keys = [c.key for c in table.columns]
    assert "ngach_nv" in keys and not any(k.startswith("hang_") for k in keys)
    assert dict(zip(keys, (c.path for c in table.columns), strict=True))["tong_so"] == ("Tổng số công chức hiện có",)


def test_the_vien_chuc_report_counts_vien_chuc_only_by_rank(stats_db) -> None:
    with stats_db.session() as s:
        table = compute_stats(s, "DN", AS_OF, "vien_chuc")
    assert table.staff_type == "vien_chuc" and table.basis == "Thông tư 07/2019/TT-BNV"
    assert table.row("DN.SNV")["tong_so"] == 0  # its công chức, cán bộ and contract worker are not here
    assert subset(table.row("DN.BV").values, VC_BV) == VC_BV
    assert subset(table.row("DN.P.HAICHAU").values, VC_HAICHAU) == VC_HAICHAU
    assert table.total["tong_so"] == 5
    # the unit's biên chế is for công chức: the viên chức report leaves its quota column to the clerk
    assert table.row("DN.SNV")["bien_che"] is None and table.total["bien_che"] is None
    paths = {c.key: c.path for c in table.columns}
    assert paths["hang_1"] == ("Chia theo chức danh nghề nghiệp", "Hạng I")
    assert paths["bien_che"] == ("Số lượng người làm việc được giao",)
    assert not any(k.startswith("ngach_") for k in paths)


def test_the_two_reports_never_share_a_person(stats_db) -> None:
    with stats_db.session() as s:
        bm01, vc = compute_stats(s, None, AS_OF, "cong_chuc"), compute_stats(s, None, AS_OF, "vien_chuc")
    working = len(PEOPLE)
    not_counted = sum(1 for p in PEOPLE if p["staff_type"] in ("can_bo", "hop_dong"))
    assert bm01.total["tong_so"] + vc.total["tong_so"] == working - not_counted == 7


@pytest.mark.parametrize("wrong", ["hop_dong", "can_bo", "công chức", ""])
def test_an_unknown_staff_type_is_refused_in_vietnamese(stats_db, wrong) -> None:
    with stats_db.session() as s, pytest.raises(UserError, match="--staff-type") as caught:
        compute_stats(s, "DN", AS_OF, wrong or " ")
    assert "cong_chuc" in str(caught.value) and "vien_chuc" in str(caught.value)


@pytest.mark.parametrize(("staff_type", "lines"), [
    ("cong_chuc", ("Biểu số: BM01/BNV", "Ban hành kèm theo Thông tư 11/2012/TT-BNV",
                   "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG CÔNG CHỨC NĂM 2025", "Chia theo ngạch công chức")),
    ("vien_chuc", ("Biểu số: BM01-VC/BNV", "Ban hành kèm theo Thông tư 07/2019/TT-BNV",
                   "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG VIÊN CHỨC NĂM 2025", "Chia theo chức danh nghề nghiệp", "Hạng IV")),
])
def test_the_heading_names_the_form_and_both_bodies(stats_db, tmp_path, staff_type, lines) -> None:
    with stats_db.session() as s:
        table = compute_stats(s, "DN", AS_OF, staff_type)
    pdf, xlsx = tmp_path / "bc.pdf", tmp_path / "bc.xlsx"
    render_stats(table, pdf)
    render_stats(table, xlsx)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)
    cells = " ".join(str(c) for row in openpyxl.load_workbook(xlsx).active.iter_rows(values_only=True)
                     for c in row if c is not None)
    for line in (*lines, "Đơn vị báo cáo: UBND thành phố Đà Nẵng", "Đơn vị nhận báo cáo: Bộ Nội vụ"):
        assert line in text, line
        assert line in cells, line


def test_cli_staff_type_option(stats_db, tmp_path, capsys) -> None:
    dbfile = str(Path(stats_db.url.removeprefix("sqlite:///")))
    out = tmp_path / "vc.xlsx"
    assert cli.run(["report", "stats", "--unit", "DN", "--as-of", "2025-06-30", "--staff-type", "vien_chuc",
                    "--out", str(out), "--db", dbfile]) == 0
    cells = [c for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "Hạng I" in cells and "Chia theo ngạch công chức" not in cells
    capsys.readouterr()
    assert cli.run(["report", "stats", "--staff-type", "hop_dong", "--out", str(tmp_path / "x.pdf"),
                    "--db", dbfile]) == 1
    err = capsys.readouterr().err
    assert "--staff-type" in err and "hợp đồng" in err and not (tmp_path / "x.pdf").exists()
