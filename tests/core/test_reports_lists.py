"""List reports: the rows of a search with chosen columns, as PDF and as xlsx."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from pypdf import PdfReader

from app import people
from app.errors import UserError
from app.reports.lists import COLUMNS, DEFAULT_COLUMNS, list_report, parse_columns, render_list
from tests.core.conftest import person_data
from tests.core.test_reports_profile import module_database

NAMES = ("Nguyễn Văn Bình", "Trần Thị Hoa", "Lê Văn An", "Phạm Thị Đào")


@pytest.fixture(scope="module")
def list_db(tmp_path_factory):
    db = module_database(tmp_path_factory.mktemp("lists"))
    with db.session() as s:
        for i, name in enumerate(NAMES):
            female = "Thị" in name
            people.create_person(s, person_data(
                cccd=f"04808{5 + i}00123{i}",
                full_name=name, sex="Nữ" if female else "Nam", birth_date=f"1{i}/03/198{5 + i}",
                unit_code="DN.P.HAICHAU" if i == 3 else "DN.SNV.CCVC"))
    yield db
    db.dispose()


def test_columns_by_key_or_header_and_unknown_ones_refused() -> None:
    assert [c.key for c in parse_columns(None)] == list(DEFAULT_COLUMNS)
    assert [c.key for c in parse_columns("stt, Họ và tên ,ngay_sinh,HE SO,Ngày nghỉ hưu")] == [
        "stt", "ho_ten", "ngay_sinh", "he_so", "ngay_nghi_huu"]
    with pytest.raises(UserError, match="Không có cột khong_co"):
        parse_columns("ho_ten,khong_co")
    assert {"stt", "ho_ten", "ngay_sinh", "gioi_tinh", "cccd", "don_vi", "chuc_vu", "ma_ngach", "bac", "he_so",
            "ngay_huong", "dan_toc", "ton_giao", "trinh_do_chuyen_mon", "ly_luan_chinh_tri", "ngay_vao_dang",
            "ngay_nghi_huu"} <= set(COLUMNS)


def test_rows_follow_the_search_and_unit_filter(list_db) -> None:
    with list_db.session() as s:
        everyone = list_report(s, columns="stt,ho_ten,don_vi")
        in_snv = list_report(s, unit_code="DN.SNV", columns="ho_ten")
        found = list_report(s, query="thi", columns="ho_ten")
    assert [r[1] for r in everyone.rows] == ["Lê Văn An", "Nguyễn Văn Bình", "Phạm Thị Đào", "Trần Thị Hoa"]
    assert [r[0] for r in everyone.rows] == [1, 2, 3, 4]
    assert everyone.rows[2][2] == "UBND phường Hải Châu"
    assert [r[0] for r in in_snv.rows] == ["Lê Văn An", "Nguyễn Văn Bình", "Trần Thị Hoa"]
    assert sorted(r[0] for r in found.rows) == ["Phạm Thị Đào", "Trần Thị Hoa"]


def test_pdf_has_title_headers_and_rows(list_db, tmp_path) -> None:
    out = tmp_path / "ds.pdf"
    with list_db.session() as s:
        report = list_report(s, unit_code="DN.SNV", columns="stt,ho_ten,ngay_sinh,gioi_tinh,cccd,he_so,ngay_nghi_huu",
                             as_of=dt.date(2026, 1, 15))
    assert render_list(report, out) == 1
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    for expected in ("DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", "Sở Nội vụ", "Tính đến ngày 15/01/2026", "STT",
                     "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Hệ số", "Ngày nghỉ hưu", "Nguyễn Văn Bình",
                     "10/03/1985", "048085001230", "3,66", "31/03/2047", "Trần Thị Hoa", "Tổng số: 3 người"):
        assert expected in text, expected
    assert "Phạm Thị Đào" not in text


def test_wide_lists_turn_the_page_sideways(list_db, tmp_path) -> None:
    out = tmp_path / "wide.pdf"
    with list_db.session() as s:
        render_list(list_report(s, columns=",".join(COLUMNS)), out)
    box = PdfReader(out).pages[0].mediabox
    assert float(box.width) > float(box.height)


def test_xlsx_has_real_dates_filter_and_frozen_header(list_db, tmp_path) -> None:
    out = tmp_path / "ds.xlsx"
    with list_db.session() as s:
        render_list(list_report(s, columns="stt,ho_ten,ngay_sinh,bac,he_so,ngay_vao_dang", as_of=dt.date(2026, 1, 15)),
                    out)
    ws = openpyxl.load_workbook(out).active
    h = next(r for r in range(1, 10) if ws.cell(r, 1).value == "STT")
    assert [c.value for c in ws[h]] == ["STT", "Họ và tên", "Ngày sinh", "Bậc", "Hệ số", "Ngày vào Đảng"]
    assert ws.freeze_panes == f"A{h + 1}"
    assert ws.auto_filter.ref == f"A{h}:F{h + 4}"
    name, born, step, coefficient = (ws.cell(h + 2, c) for c in (2, 3, 4, 5))
    assert name.value == "Nguyễn Văn Bình"
    assert isinstance(born.value, dt.datetime) and born.value.date() == dt.date(1985, 3, 10)
    assert born.number_format == "dd/mm/yyyy"
    assert step.value == 5 and coefficient.value == pytest.approx(3.66)
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width


def test_xlsx_has_title_date_total_and_page_setup(list_db, tmp_path) -> None:
    """Issue 19 item 18: the sheet prints like the PDF — title, date, total row, A4, header row
    repeated, fitted to the page's width, landscape only when the columns need it."""
    out, wide = tmp_path / "ds.xlsx", tmp_path / "wide.xlsx"
    with list_db.session() as s:
        render_list(list_report(s, unit_code="DN.SNV", query="van", columns="stt,ho_ten,ngay_sinh",
                                as_of=dt.date(2026, 1, 15)), out)
        render_list(list_report(s, columns=",".join(COLUMNS)), wide)
    ws = openpyxl.load_workbook(out).active
    lines = [ws.cell(r, 1).value for r in range(1, 6)]
    assert lines[:4] == ["DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", "Sở Nội vụ", "Tính đến ngày 15/01/2026",
                         "Điều kiện tìm: “van”"]
    h = next(r for r in range(1, 10) if ws.cell(r, 1).value == "STT")
    found = [ws.cell(r, 2).value for r in range(h + 1, ws.max_row) if ws.cell(r, 2).value]
    assert found == ["Lê Văn An", "Nguyễn Văn Bình"]
    assert ws.cell(h + 1 + len(found), 1).value == "Tổng số: 2 người"
    assert ws.print_title_rows == f"${h}:${h}"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4) and ws.page_setup.orientation == "portrait"
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert openpyxl.load_workbook(wide).active.page_setup.orientation == "landscape"


def test_the_unit_column_is_unambiguous_city_wide(db) -> None:
    """Issue 19 item 18: every commune has a "Văn phòng HĐND và UBND"; the list says whose."""
    from app import units

    with db.session() as s:
        units.add_unit(s, "DN.X.HV", "UBND xã Hòa Vang", "DN")
        units.add_unit(s, "DN.X.HV.VP", "Văn phòng HĐND và UBND", "DN.X.HV")
        units.add_unit(s, "DN.P.HAICHAU.VP", "Văn phòng HĐND và UBND", "DN.P.HAICHAU")
        for i, unit in enumerate(("DN.X.HV.VP", "DN.P.HAICHAU.VP", "DN.SNV.CCVC")):
            people.create_person(s, person_data(cccd=f"04808500990{i}", full_name=f"Người Số {i}", unit_code=unit))
    with db.session() as s:
        report = list_report(s, columns="ho_ten,don_vi")
        one = list_report(s, unit_code="DN.X.HV", columns="ho_ten,don_vi")
    shown = dict(report.rows)
    assert shown == {"Người Số 0": "Văn phòng HĐND và UBND (UBND xã Hòa Vang)",
                     "Người Số 1": "Văn phòng HĐND và UBND (UBND phường Hải Châu)",
                     "Người Số 2": "Phòng Công chức, viên chức"}
    assert dict(one.rows) == {"Người Số 0": "Văn phòng HĐND và UBND"}  # alone in its list: the bare name


def test_unit_labels_take_the_shortest_unique_suffix() -> None:
    from app.reports.values import unit_labels

    tree = {1: ("UBND TP", None), 2: ("UBND xã A", 1), 3: ("UBND xã B", 1), 4: ("Văn phòng", 2),
            5: ("Văn phòng", 3), 6: ("Tổ 1", 4), 7: ("Tổ 1", 5), 8: ("Phòng Nội vụ", 1)}
    assert unit_labels(tree, [6, 7, 8, 2]) == {6: "Tổ 1 (Văn phòng – UBND xã A)", 7: "Tổ 1 (Văn phòng – UBND xã B)",
                                               8: "Phòng Nội vụ", 2: "UBND xã A"}
    assert unit_labels(tree, [4, 8]) == {4: "Văn phòng", 8: "Phòng Nội vụ"}


def test_wrong_extension_is_refused(list_db, tmp_path) -> None:
    with list_db.session() as s:
        report = list_report(s)
    with pytest.raises(UserError, match=r"phải có đuôi \.pdf hoặc \.xlsx"):
        render_list(report, tmp_path / "ds.docx")


def test_given_ids_are_the_rows_in_their_order(list_db, tmp_path) -> None:
    """The desktop prints the list it shows: exactly these people, in this order, whatever the query."""
    from app.listing import PersonFilter, list_ids

    with list_db.session() as s:
        women = list_ids(s, PersonFilter(sex="Nữ"))
        report = list_report(s, columns="stt,ho_ten,loai,tinh_trang,ma_don_vi", person_ids=list(reversed(women)),
                             note="Giới tính: Nữ")
    assert [r[1] for r in report.rows] == ["Trần Thị Hoa", "Phạm Thị Đào"]
    assert report.rows[0][2:] == ("Công chức", "Đang công tác", "DN.SNV.CCVC")
    out = tmp_path / "nu.pdf"
    render_list(report, out)
    text = " ".join(PdfReader(out).pages[0].extract_text().split())
    assert "Giới tính: Nữ" in text and "Tổng số: 2 người" in text and "Nguyễn Văn Bình" not in text


def test_every_person_list_column_has_a_report_column() -> None:
    from dataclasses import fields

    from app.listing import PersonRow
    from app.reports.lists import LISTING_KEYS, listing_columns

    assert set(LISTING_KEYS) == {f.name for f in fields(PersonRow)} - {"id"}
    assert set(LISTING_KEYS.values()) <= set(COLUMNS)
    assert listing_columns(["full_name", "sex", "unit_code"]) == ["stt", "ho_ten", "gioi_tinh", "ma_don_vi"]


def test_filters_are_described_in_words() -> None:
    import uuid

    from app.listing import PersonFilter
    from app.reports.lists import describe_filter

    assert describe_filter(PersonFilter()) == ""
    text = describe_filter(PersonFilter(unit_id=uuid.uuid4(), include_subunits=False, sex="Nữ", party_member=True,
                                        age_band="31-40", statuses=(), today=dt.date(2026, 5, 1)))
    assert text == ("không gồm đơn vị trực thuộc; Giới tính: Nữ; Độ tuổi: từ 31 đến 40 tuổi (ngày 01/05/2026); "
                    "Đảng viên; Tình trạng: mọi tình trạng")
