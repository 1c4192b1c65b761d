"""The .xlsx reader's one-pass path (``_read_xlsx_fast``) gives exactly the rows of openpyxl's
read-only worksheets (``_read_xlsx_openpyxl``), on workbooks written by openpyxl and on sheet XML
crafted the way other programs write it; what it does not know goes to openpyxl."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from app.exchange import reader
from app.exchange.reader import read_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _both(path: Path) -> list[reader.Sheet]:
    fast = reader._read_xlsx_fast(path, None)  # no fallback here: an exception fails the test
    assert fast == reader._read_xlsx_openpyxl(path, None)
    assert read_workbook(path) == fast
    return fast


def _openpyxl_workbook(path: Path, *, epoch_1904: bool = False) -> Path:
    wb = Workbook()
    if epoch_1904:
        wb.epoch = dt.datetime(1904, 1, 1)
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH"])
    ws.append([])
    ws.append(["Họ và tên", "Ngày sinh", "Đảng", "Hệ số", "Tổng", "Lỗi", "Thời lượng"])
    ws.append(["Nguyễn Văn Bình", dt.datetime(1985, 3, 12), True, 2.34, "=D4*2", "=1/0", dt.timedelta(hours=5)])
    ws.append(["Trần Thị\u202e Hoa", dt.date(1990, 1, 2), False, 3, 12345678901234, None, "  "])
    ws["A4"].font = Font(name=".VnTime")
    ws["B5"].font = Font(name="VNI-Times")
    ws["H9"] = "xa"
    ws["C12"] = 0
    ws.merge_cells("A1:D1")
    wb.create_sheet("Đào tạo").append(["Số CCCD", "Trường"])
    wb.save(path)
    return path


@pytest.mark.parametrize("epoch_1904", [False, True])
def test_workbooks_written_by_openpyxl(tmp_path, epoch_1904) -> None:
    sheets = _both(_openpyxl_workbook(tmp_path / "a.xlsx", epoch_1904=epoch_1904))
    assert [s.name for s in sheets] == ["Danh sách", "Đào tạo"]
    main = sheets[0]
    assert main.rows[3][0] == reader.Cell("Nguyễn Văn Bình", ".VnTime")
    assert main.rows[3][1].value == dt.datetime(1985, 3, 12) and main.rows[3][2].value is True
    assert main.rows[4][0].value == "Trần Thị Hoa" and main.rows[4][0].warning  # the RLO dropped, said
    assert main.rows[3][4].error  # a formula without a stored result
    assert main.merged == [(0, 0, 0, 3)]


def _with_sheet(path: Path, body: str, *, shared: list[str] | None = None) -> Path:
    """``path`` (an openpyxl workbook) with its first sheet's XML replaced by ``body`` (sheetData content)."""
    wb = Workbook()
    wb.active.title = "Danh sách"
    wb.active["A1"] = "x"
    bold = wb.active["A1"]
    bold.font = Font(name=".VnTimeH")
    wb.active["B1"] = dt.datetime(2020, 1, 2)
    wb.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>\r\n<x:worksheet xmlns:x="{MAIN}">'
                                         f"<x:sheetData>{body}</x:sheetData></x:worksheet>").encode()
    if shared is not None:
        items = "".join(f"<si><t>{s}</t></si>" for s in shared)
        parts["xl/sharedStrings.xml"] = f'<sst xmlns="{MAIN}">{items}</sst>'.encode()
        types = parts["[Content_Types].xml"].decode()
        if "sharedStrings" not in types:
            parts["[Content_Types].xml"] = types.replace("</Types>", (
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
                'officedocument.spreadsheetml.sharedStrings+xml"/></Types>')).encode()
        rels = parts["xl/_rels/workbook.xml.rels"].decode()
        if "sharedStrings" not in rels:
            parts["xl/_rels/workbook.xml.rels"] = rels.replace("</Relationships>", (
                '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                'sharedStrings" Target="sharedStrings.xml"/></Relationships>')).encode()
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


CRAFTED = {
    # prefixed namespace, shared strings, inline rich text with runs and phonetics, styles (font, date)
    "strings": ('<x:row r="1"><x:c r="A1" t="s" s="1"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr">'
                "<x:is><x:r><x:rPr><x:b/></x:rPr><x:t>Nguyễn </x:t></x:r><x:r><x:t xml:space=\"preserve\">Văn  "
                "Bình</x:t></x:r><x:rPh sb=\"0\" eb=\"1\"><x:t>ふ</x:t></x:rPh></x:is></x:c>"
                '<x:c r="D1" t="inlineStr"><x:is><x:t>a&amp;b&#10;c</x:t></x:is></x:c>'
                '<x:c r="E1" t="inlineStr"><x:is/></x:c><x:c r="F1" t="inlineStr"/></x:row>'),
    # rows missing, a row without r, cells without r, an empty row, a gap between cells
    "gaps": ('<x:row r="3"><x:c><x:v>1</x:v></x:c><x:c><x:v>2.5</x:v></x:c><x:c r="F3"><x:v>1E3</x:v></x:c>'
             '<x:c><x:v>7</x:v></x:c></x:row><x:row><x:c r="B4" s="2"><x:v>43831.5</x:v></x:c></x:row>'
             '<x:row r="6"/><x:row r="8" spans="1:3" ht="20" customHeight="1"><x:c r="c8"><x:v>0</x:v></x:c></x:row>'),
    # booleans, errors, formula results (number, text, empty text), ISO dates, an empty <v>
    "kinds": ('<x:row r="1"><x:c r="A1" t="b"><x:v>1</x:v></x:c><x:c r="B1" t="b"><x:v>0</x:v></x:c>'
              '<x:c r="C1" t="e"><x:v>#N/A</x:v></x:c><x:c r="D1"><x:f>1+1</x:f><x:v>2</x:v></x:c>'
              '<x:c r="E1" t="str"><x:f>A1&amp;"x"</x:f><x:v>TRUEx</x:v></x:c><x:c r="F1" t="str"><x:f>""</x:f>'
              '<x:v></x:v></x:c><x:c r="G1" t="d"><x:v>2021-03-04T05:06:07</x:v></x:c><x:c r="H1"><x:v/></x:c>'
              '<x:c r="I1" s="2"><x:v>-5</x:v></x:c><x:c r="J1"><x:f>NOW()</x:f></x:c></x:row>'),
    # a row number going back (openpyxl skips it), a cell out of order in its row (dropped past the last)
    "order": ('<x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c></x:row><x:row r="1"><x:c r="A1"><x:v>9</x:v></x:c></x:row>'
              '<x:row r="3"><x:c r="D3"><x:v>4</x:v></x:c><x:c r="B3"><x:v>2</x:v></x:c></x:row>'),
}


@pytest.mark.parametrize("case", sorted(CRAFTED))
def test_crafted_sheet_xml(tmp_path, case) -> None:
    path = _with_sheet(tmp_path / f"{case}.xlsx", CRAFTED[case], shared=["Họ và tên", "Lê\u00a0Văn An", "x"])
    rows = _both(path)[0].rows
    if case == "strings":
        assert rows[0][0] == reader.Cell("Lê\u00a0Văn An", ".VnTimeH")
        assert rows[0][2].value == "Nguyễn Văn  Bình" and rows[0][3].value == "a&b\nc"
    elif case == "gaps":
        assert rows[:2] == [[], []] and [c.value for c in rows[2]] == [1, 2.5, None, None, None, 1000.0, 7]
    elif case == "kinds":
        assert [c.value for c in rows[0][:5]] == [True, False, "#N/A", 2, "TRUEx"]
        assert rows[0][9].error  # NOW() without a stored result


@pytest.mark.parametrize("body", [
    '<x:row r="1"><x:c r="A1" t="weird"><x:v>1</x:v></x:c></x:row>',  # an unknown type: openpyxl's value
    '<x:row r="1"><x:c r="A2"><x:v>1</x:v></x:c></x:row>',  # a cell naming another row
    '<x:row r="1"><x:extLst/></x:row>',
])
def test_what_the_fast_path_does_not_know_goes_to_openpyxl(tmp_path, body) -> None:
    path = _with_sheet(tmp_path / "odd.xlsx", body)
    with pytest.raises(reader._Unusual):
        reader._read_xlsx_fast(path, None)
    assert read_workbook(path) == reader._read_xlsx_openpyxl(path, None)
