"""Export to Excel (and the import template): headers, real dates, filter, round trip."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from sqlalchemy import func, select

from app import people
from app.errors import UserError
from app.exchange.columns import DEFAULT_COLUMNS, all_columns
from app.exchange.export import export_people
from app.exchange.importer import open_import, run_import
from app.exchange.report import write_template
from app.rules.retirement import retirement_date
from models import ChangeLog, Person
from tests.core.conftest import person_data
from tests.core.test_import_support import cccd_of


def _people(db) -> None:
    with db.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
        people.create_person(s, person_data(cccd=cccd_of(2, 90, True), full_name="TRẦN THỊ HOA", sex="Nữ",
                                            birth_date="01/01/1990", birth_year_only=True, unit_code="DN.P.HAICHAU",
                                            staff_type="vien_chuc", training=[], family=[]))
        people.create_person(s, {"cccd": cccd_of(3, 70), "full_name": "Lê Văn Ít", "birth_date": "05/06/1970",
                                 "sex": "Nam"})


def test_export_sheet_has_headers_real_dates_filter_and_frozen_row(db, tmp_path) -> None:
    _people(db)
    assert export_people(db, tmp_path / "ds.xlsx") == 3
    ws = openpyxl.load_workbook(tmp_path / "ds.xlsx")["Danh sách"]
    headers = [c.value for c in ws[1]]
    assert headers[:6] == ["Số CCCD", "Họ và tên", "Ngày sinh", "Giới tính", "Mã đơn vị", "Tên đơn vị"]
    assert len(headers) == len(DEFAULT_COLUMNS)
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:T4"
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    binh = rows["048085001234"]
    assert binh[1:6] == ("Nguyễn Văn Bình", dt.datetime(1985, 3, 12), "Nam", "DN.SNV.CCVC", "Phòng Công chức, viên chức")
    assert ws["C2"].number_format == "DD/MM/YYYY" or ws["C3"].number_format == "DD/MM/YYYY"
    col = {h: i for i, h in enumerate(headers)}
    assert binh[col["Hệ số lương"]] == 3.66 and binh[col["Ngày hưởng"]] == dt.datetime(2020, 9, 1)
    assert (binh[col["Dân tộc"]], binh[col["Trình độ chuyên môn"]], binh[col["Loại cán bộ"]]) == (
        "Kinh", "Đại học", "Công chức")
    hoa = rows[cccd_of(2, 90, True)]
    assert hoa[2] == "1990" and hoa[col["Loại cán bộ"]] == "Viên chức"  # year-only birth date stays a year
    assert rows[cccd_of(3, 70)][4] is None


def test_export_filters_by_unit_subtree_and_query(db, tmp_path) -> None:
    _people(db)
    assert export_people(db, tmp_path / "a.xlsx", unit_code="DN.SNV") == 1
    assert export_people(db, tmp_path / "b.xlsx", query="tran thi") == 1
    assert export_people(db, tmp_path / "c.xlsx", query="không ai tên thế này") == 0
    ws = openpyxl.load_workbook(tmp_path / "c.xlsx")["Danh sách"]
    assert ws.max_row == 1 and ws.auto_filter.ref == "A1:T1"
    assert export_people(db, tmp_path / "d.xlsx", columns="all") == 3
    assert len(next(openpyxl.load_workbook(tmp_path / "d.xlsx")["Danh sách"].iter_rows(values_only=True))) == len(all_columns())
    with pytest.raises(UserError, match="Không có đơn vị mã 'X'"):
        export_people(db, tmp_path / "e.xlsx", unit_code="X")
    with pytest.raises(UserError, match="Không có cột: Màu tóc"):
        export_people(db, tmp_path / "e.xlsx", columns="Họ và tên, Màu tóc")


def test_export_then_import_changes_nothing(db, tmp_path) -> None:
    _people(db)
    sections = ("training", "work_history", "family", "salary_history")
    export_people(db, tmp_path / "all.xlsx", columns="all", sections=sections)
    wb = openpyxl.load_workbook(tmp_path / "all.xlsx")
    assert wb.sheetnames == ["Danh sách", "Đào tạo", "Quá trình công tác", "Quan hệ gia đình", "Quá trình lương"]
    family = list(wb["Quan hệ gia đình"].iter_rows(values_only=True))
    assert family[1][:5] == ("048085001234", "Nguyễn Văn Bình", "Bản thân", "Cha", "Nguyễn Văn An")
    with db.session() as s:
        logged = s.scalar(select(func.count()).select_from(ChangeLog))
    source = open_import(tmp_path / "all.xlsx")
    assert source.unknown_columns == [] and len(source.children) == 4
    for child in source.children:
        assert all(c.status in ("mapped", "ignored") for c in child.header.columns), child.name
    result = run_import(db, source, source.mapping)
    rows = sum(sheet.max_row - 1 for sheet in wb)
    assert rows == 3 + 2 + 4 + 3 + 6
    assert (result.read, result.imported, result.updated, result.unchanged, result.rejected) == (
        rows, 0, 0, 3, 0), result.errors
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == logged


def test_template_reads_back_with_every_column_known(tmp_path) -> None:
    write_template(tmp_path / "mau.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "mau.xlsx")
    assert wb.sheetnames[:5] == ["Danh sách", "Đào tạo", "Quá trình công tác", "Quan hệ gia đình", "Quá trình lương"]
    assert wb.sheetnames[-1] == "Danh mục"
    ws = wb["Danh sách"]
    headers = [c.value for c in ws[4]]
    assert headers[:4] == ["Số CCCD", "Họ và tên", "Ngày sinh", "Giới tính"]
    assert "12 chữ số" in ws["A4"].comment.text
    sex = next(dv for dv in ws.data_validations.dataValidation if dv.formula1 == '"Nam,Nữ"')
    assert "D5" in str(sex.sqref)
    assert any("Danh mục" in (dv.formula1 or "") for dv in ws.data_validations.dataValidation)
    assert ws.column_dimensions["A"].number_format == "@"
    source = open_import(tmp_path / "mau.xlsx")
    assert source.header_row == 4 and source.unknown_columns == []
    assert sorted(c.section for c in source.children) == ["family", "salary_history", "training", "work_history"]
    assert len(source.mapping.targets()) == len(all_columns())


def test_export_of_given_ids_keeps_their_order_and_computed_columns(db, tmp_path) -> None:
    """The desktop app exports exactly the list on screen: these ids, in this order."""
    _people(db)
    with db.session() as s:
        ids = {p.cccd: p.id for p in s.scalars(select(Person))}
        people.delete_person(s, cccd_of(3, 70))
    order = [ids[cccd_of(2, 90, True)], ids["048085001234"], ids[cccd_of(3, 70)]]  # the deleted one is left out
    seen: list[tuple[int, int]] = []
    count = export_people(db, tmp_path / "ds.xlsx", person_ids=order, sections=("training",),
                          columns=["full_name", "Ngày nghỉ hưu", "birth_date", "unit"],
                          progress=lambda done, total: seen.append((done, total)))
    assert count == 2 and seen[-1] == (2, 2)
    wb = openpyxl.load_workbook(tmp_path / "ds.xlsx")
    rows = list(wb["Danh sách"].iter_rows(values_only=True))
    assert rows[0] == ("Số CCCD", "Họ và tên", "Ngày nghỉ hưu", "Ngày sinh", "Mã đơn vị")
    hoa_retires = retirement_date(dt.date(1990, 1, 1), "Nữ", True)
    binh_retires = retirement_date(dt.date(1985, 3, 12), "Nam")
    assert rows[1] == (cccd_of(2, 90, True), "Trần Thị Hoa", _midnight(hoa_retires), "1990", "DN.P.HAICHAU")
    assert rows[2] == ("048085001234", "Nguyễn Văn Bình", _midnight(binh_retires), dt.datetime(1985, 3, 12),
                       "DN.SNV.CCVC")
    assert wb["Danh sách"]["C2"].number_format == "DD/MM/YYYY"
    training = list(wb["Đào tạo"].iter_rows(values_only=True))[1:]
    assert [r[0] for r in training] == ["048085001234", "048085001234"]
    assert export_people(db, tmp_path / "none.xlsx", person_ids=[]) == 0


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def test_export_columns_name_computed_columns_and_refuse_unknown_ones() -> None:
    from app.exchange.export import export_columns

    assert export_columns("retirement_date, Họ và tên") == ("cccd", "retirement_date", "full_name")
    assert export_columns(["cccd", "unit", "retirement_date"]) == ("cccd", "unit", "retirement_date")
    with pytest.raises(UserError, match="Không có cột: Màu tóc"):
        export_columns(["Ngày nghỉ hưu", "Màu tóc"])
