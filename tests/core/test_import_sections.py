"""Child sheets keyed by CCCD: "Đào tạo", "Quá trình công tác", "Quan hệ gia đình", "Quá trình lương"."""

from __future__ import annotations

from sqlalchemy import func, select

from app import people
from app.exchange.importer import open_import, run_import
from app.person_json import person_json
from models import ChangeLog, Training
from tests.core.test_import_support import cccd_of, xlsx

MAIN = [["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD"],
        ["Nguyễn Văn Bình", "12/03/1985", "Nam", cccd_of(1)],
        ["Trần Thị Hoa", "01/05/1990", "Nữ", cccd_of(2, 90, True)]]
TRAINING = [["STT", "Số CCCD", "Họ và tên", "Tên trường", "Chuyên ngành", "Từ ngày", "Đến ngày", "Loại đào tạo",
             "Hình thức đào tạo", "Văn bằng"],
            [1, cccd_of(1), "Nguyễn Văn Bình", "Trường Đại học Luật Huế", "Luật", "01/09/2003", "30/06/2007",
             "Chuyên môn", "Chính quy", "Cử nhân"],
            [2, cccd_of(1), "Nguyễn Văn Bình", "Trường Chính trị Đà Nẵng", None, "03/2015", "12/2015",
             "Lý luận chính trị", "tai chuc", "Trung cấp"],
            [3, cccd_of(2, 90, True), "Trần Thị Hoa", "Đại học Đà Nẵng", "Kế toán", "2008", "2012", None, None, "Cử nhân"]]
FAMILY = [["Số CCCD", "Quan hệ", "Họ và tên", "Năm sinh", "Nghề nghiệp", "Bên", "Đã mất"],
          [cccd_of(1), "Cha", "NGUYỄN VĂN AN", 1955, "Làm ruộng", "Bản thân", None],
          [cccd_of(1), "Mẹ vợ", "Lê Thị Cúc", "1960", None, "Bên vợ", "x"]]


def _run(db, path):
    source = open_import(path)
    return source, run_import(db, source, source.mapping)


def _doc(db, cccd):
    with db.session() as s:
        return person_json(s, people.find_person(s, cccd).id)


def _log(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog))


def test_child_sheets_fill_sections_and_reimport_changes_nothing(db, tmp_path) -> None:
    path = xlsx(tmp_path / "a.xlsx", MAIN, extra={"ĐÀO TẠO": TRAINING, "Quan hệ gia đình": FAMILY, "Ghi chú": [["x"]]})
    source, result = _run(db, path)
    assert [(c.name, c.section) for c in source.children] == [("ĐÀO TẠO", "training"), ("Quan hệ gia đình", "family")]
    assert (result.read, result.imported, result.updated, result.rejected) == (7, 2, 0, 0)
    binh = _doc(db, cccd_of(1))
    assert [(t["institution"], t["kind"], t["form_code"], t["start_date"]) for t in binh["training"]] == [
        ("Trường Đại học Luật Huế", "professional", "CQ", "2003-09-01"),
        ("Trường Chính trị Đà Nẵng", "political_theory", "TCH", "2015-03-01")]
    assert [(f["relation"], f["full_name"], f["birth_year"], f["side"], f["deceased"]) for f in binh["family"]] == [
        ("Cha", "Nguyễn Văn An", 1955, "self", False), ("Mẹ vợ", "Lê Thị Cúc", 1960, "spouse", True)]
    assert [t["major"] for t in _doc(db, cccd_of(2, 90, True))["training"]] == ["Kế toán"]
    logged = _log(db)
    _, again = _run(db, path)
    assert (again.imported, again.updated, again.unchanged, again.rejected) == (0, 0, 2, 0)
    assert _log(db) == logged


def test_a_changed_child_sheet_replaces_the_section_keeping_identical_rows(db, tmp_path) -> None:
    _run(db, xlsx(tmp_path / "a.xlsx", MAIN, extra={"Đào tạo": TRAINING}))
    with db.session() as s:
        kept = s.scalars(select(Training.id).where(Training.institution == "Trường Đại học Luật Huế")).one()
    changed = [TRAINING[0], TRAINING[1], [9, cccd_of(1), None, "Học viện Hành chính", "Quản lý công", "2018",
                                          "2020", "Chuyên môn", None, "Thạc sĩ"]]
    _, result = _run(db, xlsx(tmp_path / "b.xlsx", MAIN[:2], extra={"Đào tạo": changed}))
    assert (result.updated, result.unchanged) == (1, 0)
    binh = _doc(db, cccd_of(1))
    assert [t["institution"] for t in binh["training"]] == ["Trường Đại học Luật Huế", "Học viện Hành chính"]
    assert binh["training"][0]["id"] == str(kept)
    assert len(_doc(db, cccd_of(2, 90, True))["training"]) == 1  # Hoa is not in the sheet: kept


def test_bad_child_rows_refuse_that_persons_section_only(db, tmp_path) -> None:
    training = [TRAINING[0],
                [1, cccd_of(1), None, "Trường A", None, "01/09/2003", "30/02/2007", "Chuyên môn", None, None],  # row 2
                [2, cccd_of(1), None, "Trường B", None, "2010", "2012", "Chuyên môn", None, None],              # row 3
                [3, cccd_of(2, 90, True), None, "Trường C", None, "2012", "2008", None, None, None],            # row 4
                [4, cccd_of(5), None, "Trường D", None, "2012", "2014", None, None, None],                      # row 5
                [5, None, None, "Trường E", None, "2012", "2014", None, None, None]]                            # row 6
    _, result = _run(db, xlsx(tmp_path / "a.xlsx", MAIN, extra={"Đào tạo": training}))
    assert (result.imported, result.rejected) == (2, 5)
    found = [(e.sheet, e.row, e.field) for e in result.errors]
    assert found == [("Đào tạo", 2, "training.end_date"), ("Đào tạo", 3, ""), ("Đào tạo", 4, "training[1].end_date"),
                     ("Đào tạo", 5, "cccd"), ("Đào tạo", 6, "cccd")]
    messages = [e.message for e in result.errors]
    assert messages[0].startswith("Dòng 2, Đến ngày (cột G): ")
    assert "không nhập vì dòng 2" in messages[1]
    assert "Trang 'Đào tạo', dòng 4" in messages[2] and "sau ngày bắt đầu" in messages[2]
    assert "không có hồ sơ nào có số CCCD " + cccd_of(5) in messages[3]
    assert "thiếu Số CCCD" in messages[4]
    assert _doc(db, cccd_of(1))["training"] == [] and _doc(db, cccd_of(2, 90, True))["training"] == []


def test_child_rows_of_a_refused_person_are_refused(db, tmp_path) -> None:
    main = [MAIN[0], ["Nguyễn Văn Bình", "32/03/1985", "Nam", cccd_of(1)]]
    _, result = _run(db, xlsx(tmp_path / "a.xlsx", main, extra={"Đào tạo": TRAINING[:2]}))
    assert [(e.sheet, e.row) for e in result.errors] == [("Danh sách", 2), ("Đào tạo", 2)]
    assert "trang chính bị từ chối" in result.errors[1].message
