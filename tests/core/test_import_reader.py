"""Reading .xlsx (with each cell's font), .xls (xlrd) and .csv (UTF-8, CP1252, CP1258)."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from app.errors import UserError
from app.exchange.reader import decode_csv, list_sheets, read_sheet, read_workbook
from tests.core.test_import_support import SAMPLE_XLS, to_tcvn3, to_vni, xlsx


def test_xlsx_values_fonts_and_merges(tmp_path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [
        ["DANH SÁCH"], [],
        ["Họ và tên", "Ngày sinh", "Số CCCD", "Hệ số"],
        [to_tcvn3("Nguyễn Văn Bình"), dt.datetime(1985, 3, 12), 48085001234, 2.34],
    ], fonts={"A4": ".VnTime", "B4": "Arial"}, merges=["A1:D1"], extra={"Đào tạo": [["Số CCCD"]]})
    assert list_sheets(path) == ["Danh sách", "Đào tạo"]
    sheet = read_sheet(path)
    assert sheet.name == "Danh sách" and sheet.merged == [(0, 0, 0, 3)]
    assert sheet.rows[1] == []
    name, born, number, coef = sheet.rows[3]
    assert (name.value, name.font_name) == (to_tcvn3("Nguyễn Văn Bình"), ".VnTime")
    assert born.value == dt.datetime(1985, 3, 12) and born.font_name == "Arial"
    assert number.value == 48085001234 and coef.value == 2.34
    assert [s.name for s in read_workbook(path, ["Đào tạo"])] == ["Đào tạo"]


def test_xls_with_fonts_through_xlrd(tmp_path) -> None:
    path = tmp_path / "cu.xls"
    path.write_bytes(SAMPLE_XLS)
    sheet = read_sheet(path)
    assert sheet.name == "Danh sach" and sheet.merged == [(0, 0, 0, 4)]
    assert sheet.rows[0][0].value == "DANH SÁCH CÁN BỘ"
    stt, name, born, sex, number, unit = sheet.rows[3]
    assert stt.value == 1 and isinstance(stt.value, int)
    assert (name.value, name.font_name) == ("NGUYÔN V¡N B×NH", ".VnTimeH")
    assert born.value == dt.datetime(1985, 3, 12)
    assert sheet.rows[4][4].value == 48190001235  # a number, as Excel kept it
    # a .xls renamed .xlsx is recognised by its content
    renamed = tmp_path / "doi-ten.xlsx"
    renamed.write_bytes(SAMPLE_XLS)
    assert read_sheet(renamed).rows[2][1].value == "Họ và tên"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_csv_utf8(tmp_path, encoding) -> None:
    path = tmp_path / "ds.csv"
    path.write_text("Họ và tên;Ngày sinh;Số CCCD\nNguyễn Văn Bình;12/03/1985;048085001234\n", encoding=encoding)
    sheet = read_sheet(path)
    assert sheet.name == "ds"
    assert [c.value for c in sheet.rows[1]] == ["Nguyễn Văn Bình", "12/03/1985", "048085001234"]
    assert sheet.rows[0][0].value == "Họ và tên"  # no BOM left in the first header


def test_csv_written_by_an_old_tool_in_tcvn3_is_read_as_cp1252(tmp_path) -> None:
    text = f"{to_tcvn3('Họ và tên')},Ngày sinh\n{to_tcvn3('Nguyễn Văn Bình')},12/03/1985\n{to_tcvn3('Trần Thị Hoa')},1990\n"
    path = tmp_path / "cu.csv"
    path.write_bytes(text.encode("cp1252"))
    decoded, used = decode_csv(path.read_bytes())
    assert used == "cp1252" and decoded == text  # the mojibake, for the per-column repair
    assert read_sheet(path).rows[1][0].value == to_tcvn3("Nguyễn Văn Bình")


def test_csv_in_vni_and_in_cp1258(tmp_path) -> None:
    vni = f"Ho ten\n{to_vni('Nguyễn Văn Bình')}\n{to_vni('Trần Thị Hoa')}\n".encode("cp1252")
    assert decode_csv(vni)[1] == "cp1252"
    windows = _cp1258("Họ và tên\nNguyễn Văn Bình\nTrần Thị Hoa\n")
    text, used = decode_csv(windows)
    assert used == "cp1258"
    assert unicodedata.normalize("NFC", text) == "Họ và tên\nNguyễn Văn Bình\nTrần Thị Hoa\n"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: shaped letters precomposed, tones combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


@pytest.mark.parametrize("name, content, needle", [
    ("khong-co.xlsx", None, "Không tìm thấy tệp"),
    ("ghi-chu.txt", b"hello", "không phải là bảng tính"),
    ("hong.xlsx", b"this is not a spreadsheet at all", "không phải bảng tính"),
    ("hong2.xlsx", b"PK\x03\x04broken zip", "Không đọc được tệp 'hong2.xlsx'"),
])
def test_unreadable_files_are_refused_naming_the_file(tmp_path, name, content, needle) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UserError, match=needle) as info:
        read_workbook(path)
    assert name in str(info.value)


def test_a_folder_and_a_missing_sheet_are_refused(tmp_path) -> None:
    with pytest.raises(UserError, match="thư mục"):
        list_sheets(tmp_path)
    path = xlsx(tmp_path / "a.xlsx", [["x"]])
    with pytest.raises(UserError, match="không có trang 'Khác'"):
        read_sheet(path, "Khác")
