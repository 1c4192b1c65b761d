"""The quantity-and-quality report: every figure of a small hand-built dataset, worked out by hand,
then the xlsx (formulas for totals, numbers elsewhere) and the PDF (multi-level header)."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from app import people, units
from app.reports.stats import compute_stats
from app.reports.stats_output import render_stats
from app.rules import retirement
from tests.core.test_reports_profile import module_database

AS_OF = dt.date(2025, 6, 30)
LANG = "language"


def person(cccd: str, name: str, born: str, sex: str, unit: str, **fields) -> dict:
    return {"cccd": cccd, "full_name": name, "birth_date": born, "sex": sex, "unit_code": unit, **fields}


PEOPLE = [
    # Sở Nội vụ (with its Phòng Công chức, viên chức)
    person("048190000001", "Trần Thị Một", "10/05/1990", "Nữ", "DN.SNV", party_join_date="01/01/2015",
           ethnicity_code="Kinh", religion_code="Không", grade_code="01.003", professional_level_code="ThS",
           political_theory_code="Trung cấp", state_management_code="Chuyên viên",
           it_level="Chứng chỉ tin học cơ bản", foreign_language="Tiếng Anh B1"),
    person("048096000002", "Hồ Văn Hai", "20/01/1996", "Nam", "DN.SNV.CCVC", ethnicity_code="Cơ-tu",
           religion_code="Không", grade_code="01.004", professional_level_code="Đại học",
           training=[{"kind": "it", "institution": "Trường Cao đẳng Công nghệ", "qualification": "Trung cấp tin học"},
                     {"kind": LANG, "language": "Tiếng Pháp", "qualification": "Chứng chỉ B"}]),
    person("048074000003", "Lê Văn Ba", "15/03/1974", "Nam", "DN.SNV", party_join_date="01/05/2000",
           ethnicity_code="Kinh", religion_code="Phật giáo", grade_code="01.002", professional_level_code="Tiến sĩ",
           political_theory_code="Cao cấp", state_management_code="Chuyên viên chính",
           training=[{"kind": "professional", "institution": "Đại học Ngoại ngữ Huế", "major": "Ngôn ngữ Anh",
                      "level_code": "DH", "qualification": "Cử nhân"}]),
    person("048168000004", "Phạm Thị Bốn", "20/10/1968", "Nữ", "DN.SNV", party_join_date="01/01/1995",
           ethnicity_code="Hoa", religion_code="Công giáo", grade_code="01.001", professional_level_code="Đại học",
           political_theory_code="Cử nhân", state_management_code="Chuyên viên cao cấp"),
    person("048085000005", "Vũ Văn Năm", "12/03/1985", "Nam", "DN.SNV.CCVC", party_join_date="01/09/2025",
           ethnicity_code="Kinh", religion_code="Không", grade_code="01.005", professional_level_code="Trung cấp",
           foreign_language="Cử nhân tiếng Anh", it_level="Kỹ sư công nghệ thông tin"),
    # UBND phường Hải Châu
    person("048300000006", "Đỗ Thị Sáu", "01/12/2000", "Nữ", "DN.P.HAICHAU", ethnicity_code="Kinh",
           professional_level_code="Cao đẳng"),
    person("048080000007", "Ngô Văn Bảy", "31/08/1980", "Nam", "DN.P.HAICHAU", party_join_date="01/01/2010",
           ethnicity_code="Kinh", religion_code="Không", grade_code="06.032", professional_level_code="Trung cấp",
           political_theory_code="Sơ cấp", state_management_code="Cán sự",
           training=[{"kind": LANG, "language": "Tiếng Chăm", "qualification": "Chứng chỉ tiếng Chăm"}]),
    person("048066000008", "Mai Văn Tám", "10/03/1966", "Nam", "DN.P.HAICHAU", ethnicity_code="Kinh",
           religion_code="Tin lành", grade_code="01.009", professional_level_code="Sơ cấp",
           political_theory_code="Trung cấp"),
    # not counted on AS_OF
    person("048062000009", "Đinh Văn Chín", "10/01/1962", "Nam", "DN.SNV"),  # retired 31/07/2022, status not updated
    person("048090000010", "Lý Văn Mười", "10/01/1990", "Nam", "DN.P.HAICHAU", status="retired"),
    person("048092000011", "Tô Văn Mười Một", "10/01/1992", "Nam", "DN.SNV", recruitment_date="01/08/2025"),
]

# Worked out by hand from PEOPLE (see each person's fields above).
SNV = {"bien_che": 10, "tong_so": 5, "nu": 2, "dang_vien": 3, "dan_toc": 2, "ton_giao": 2,
       "ngach_cvcc": 1, "ngach_cvc": 1, "ngach_cv": 1, "ngach_cs": 1, "ngach_nv": 1,
       "cm_ts": 1, "cm_ths": 1, "cm_dh": 2, "cm_cd": 0, "cm_tc": 1, "cm_sc": 0,
       "ct_cn": 1, "ct_cc": 1, "ct_tc": 1, "ct_sc": 0, "ql_cvcc": 1, "ql_cvc": 1, "ql_cv": 1,
       "th_tc": 2, "th_cc": 1, "nn_anh_dh": 2, "nn_anh_cc": 1, "nn_khac_dh": 0, "nn_khac_cc": 1, "nn_dan_toc": 0,
       "tuoi_30": 1, "tuoi_40": 2, "tuoi_50": 0, "tuoi_51_nghi_huu": 1, "tuoi_tren_nghi_huu": 1}
HAICHAU = {"bien_che": None, "tong_so": 3, "nu": 1, "dang_vien": 1, "dan_toc": 0, "ton_giao": 1,
           "ngach_cvcc": 0, "ngach_cvc": 0, "ngach_cv": 0, "ngach_cs": 1, "ngach_nv": 1,
           "cm_ts": 0, "cm_ths": 0, "cm_dh": 0, "cm_cd": 1, "cm_tc": 1, "cm_sc": 1,
           "ct_cn": 0, "ct_cc": 0, "ct_tc": 1, "ct_sc": 1, "ql_cvcc": 0, "ql_cvc": 0, "ql_cv": 0,
           "th_tc": 0, "th_cc": 0, "nn_anh_dh": 0, "nn_anh_cc": 0, "nn_khac_dh": 0, "nn_khac_cc": 0, "nn_dan_toc": 1,
           "tuoi_30": 1, "tuoi_40": 0, "tuoi_50": 1, "tuoi_51_nghi_huu": 1, "tuoi_tren_nghi_huu": 0}


@pytest.fixture(scope="module")
def stats_db(tmp_path_factory):
    db = module_database(tmp_path_factory.mktemp("stats"))
    with db.session() as s:
        units.get_unit(s, "DN.SNV").staff_quota = 10
        units.get_unit(s, "DN.SNV.CCVC").staff_quota = 3  # inside the Sở's 10: not counted twice
        for data in PEOPLE:
            people.create_person(s, data)
    yield db
    db.dispose()


def test_preconditions_of_the_hand_count() -> None:
    # Phạm Thị Bốn reaches 56 years 8 months in 06/2025 and retires at the end of that month.
    assert retirement.retirement_date(dt.date(1968, 10, 20), "Nữ") == AS_OF
    assert retirement.retirement_date(dt.date(1962, 1, 10), "Nam") < AS_OF


def test_every_figure_matches_the_hand_count(stats_db) -> None:
    with stats_db.session() as s:
        table = compute_stats(s, "DN", AS_OF)
    assert [r.label for r in table.rows] == ["Sở Nội vụ", "UBND phường Hải Châu"]  # nobody in DN itself
    assert table.row("DN.SNV").values == SNV
    assert table.row("DN.P.HAICHAU").values == HAICHAU
    assert table.total.values == {k: (SNV[k] or 0) + (HAICHAU[k] or 0) for k in SNV}
    labels = {c.key: c.path for c in table.columns}
    assert labels["tuoi_51_nghi_huu"][-1] == "Từ 51 đến tuổi nghỉ hưu (nam 61 tuổi 3 tháng, nữ 56 tuổi 8 tháng)"
    assert labels["nn_anh_dh"] == ("Trình độ", "Ngoại ngữ", "Anh văn", "Đại học trở lên")


def test_one_unit_and_another_date(stats_db) -> None:
    with stats_db.session() as s:
        table = compute_stats(s, "DN.SNV", dt.date(2025, 7, 1))
    # Phạm Thị Bốn has retired; Tô Văn Mười Một is recruited on 01/08/2025: not yet counted.
    assert [r.label for r in table.rows] == ["Sở Nội vụ (cơ quan)", "Phòng Công chức, viên chức"]
    assert table.row("DN.SNV").values["tong_so"] == 2 and table.row("DN.SNV.CCVC").values["tong_so"] == 2
    assert table.row("DN.SNV.CCVC").values["bien_che"] == 3 and table.row("DN.SNV").values["bien_che"] is None
    assert table.total["tong_so"] == 4 and table.total["tuoi_tren_nghi_huu"] == 0
    with stats_db.session() as s:
        later = compute_stats(s, "DN.SNV", dt.date(2025, 9, 1))
    assert later.total["tong_so"] == 5 and later.total["dang_vien"] == 3  # Vũ Văn Năm joined the Party on 01/09


def test_xlsx_totals_are_formulas_and_figures_numbers(stats_db, tmp_path) -> None:
    with stats_db.session() as s:
        table = compute_stats(s, "DN", AS_OF)
    out = tmp_path / "bc.xlsx"
    render_stats(table, out)
    ws = openpyxl.load_workbook(out).active
    header_row = next(r for r in range(1, 15) if ws.cell(r, 1).value == "STT")
    numbering = next(r for r in range(header_row, 20) if ws.cell(r, 1).value == "A")
    first, last = numbering + 1, numbering + 2
    total = last + 1
    assert ws.cell(total, 2).value == "Tổng cộng"
    headers = {}
    for r in range(header_row, numbering):
        for c in range(3, ws.max_column + 1):
            if ws.cell(r, c).value:
                headers.setdefault(ws.cell(r, c).value, c)
    col = {key: headers[label] for key, label in (("nu", "Nữ"), ("tong_so", "Tổng số công chức hiện có"),
                                                   ("cm_dh", "Đại học"), ("bien_che", "Tổng số biên chế được giao"))}
    assert ws.cell(first, col["nu"]).value == 2 and ws.cell(last, col["nu"]).value == 1
    assert ws.cell(first, col["cm_dh"]).value == 2 and ws.cell(first, col["bien_che"]).value == 10
    for c in range(3, ws.max_column + 1):
        value = ws.cell(total, c).value
        letter = openpyxl.utils.get_column_letter(c)
        assert value == f"=SUM({letter}{first}:{letter}{last})"
        if c != col["tong_so"] and c != col["bien_che"]:
            assert isinstance(ws.cell(first, c).value, int)
    assert str(ws.cell(first, col["tong_so"]).value).startswith("=SUM(")
    assert ws.freeze_panes == f"C{first}"
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert f"A{header_row}:A{numbering - 1}" in merged  # STT spans every header row
    group = headers["Trong đó"]  # over Nữ, Đảng viên, Dân tộc thiểu số, Tôn giáo
    letters = [openpyxl.utils.get_column_letter(group + i) for i in (0, 3)]
    assert f"{letters[0]}{header_row}:{letters[1]}{header_row}" in merged
    assert ws.cell(header_row + 1, col["nu"]).alignment.text_rotation == 90  # column labels written upwards


def test_pdf_has_the_multilevel_header_on_a_landscape_page(stats_db, tmp_path) -> None:
    with stats_db.session() as s:
        table = compute_stats(s, "DN", AS_OF)
    out = tmp_path / "bc.pdf"
    assert render_stats(table, out) == 1
    page = PdfReader(out).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    text = " ".join(page.extract_text().split())
    for label in ("BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG", "Tính đến ngày 30/06/2025", "Trong đó", "Chia theo ngạch công chức",
                  "Trình độ", "Chuyên môn", "Chính trị", "Quản lý nhà nước", "Tin học", "Ngoại ngữ", "Anh văn",
                  "Chia theo độ tuổi", "Trên tuổi nghỉ hưu", "Sở Nội vụ", "UBND phường Hải Châu", "Tổng cộng"):
        assert label in text, label
