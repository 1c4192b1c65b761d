"""Fuzzing the importer: random spreadsheets (xlsx written with openpyxl, csv in random encodings,
random bytes under a spreadsheet's name) through open → preview → run. A file that cannot be read is
refused with a UserError naming it; a readable one never raises: bad rows become per-row errors."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import zipfile

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from app.errors import UserError
from app.exchange.importer import open_import, preview, run_import
from app.exchange.vocabulary import section_sheet_name
from app.fields import SECTION_FIELDS
from tests.core.conftest import make_database
from tests.core.test_import_support import HEADER, cccd_of, person_row
from tests.fuzz.strategies import FEW, TEXT, assert_clear_refusal, time_limit

HEADERS = HEADER + ["Họ", "Tên", "Ngày, tháng, năm sinh", "Nam", "Nữ", "CCCD", "Số định danh", "Mã đơn vị",
                    "Ghi chú", "Họ và tên", "Số CCCD", "Quê quán", "Điện thoại", "Email", "Ngạch", "Bậc"]
SHEETS = ["Danh sách", "Sheet1", *(section_sheet_name(s) for s in SECTION_FIELDS), "Đào tạo", "Gia đình"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1258", "cp1252", "latin-1"]


def _cell_text(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text).replace("\ufffe", "").replace("\uffff", "")[:300]


CELL = st.one_of(TEXT.map(_cell_text), st.integers(-10**12, 10**13), st.floats(allow_nan=False, allow_infinity=False),
                 st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1)), st.none(), st.booleans(),
                 st.sampled_from(["Nam", "Nữ", "DN.SNV", "DN", "01.003", "3,00", "12/03/1985", cccd_of(7)]))
HEADER_CELL = st.one_of(st.sampled_from(HEADERS), TEXT.map(_cell_text), st.none())


@st.composite
def sheets(draw) -> list[list]:
    rows: list[list] = [[draw(TEXT.map(_cell_text))] for _ in range(draw(st.integers(0, 2)))]  # title lines
    if draw(st.booleans()):
        header = draw(st.permutations(HEADER))
        header = header[: draw(st.integers(1, len(header)))]
    else:
        header = draw(st.lists(HEADER_CELL, min_size=1, max_size=12))
    rows.append(header)
    for i in range(draw(st.integers(0, 8))):
        if draw(st.booleans()):  # a mostly sane row with a few random cells
            row = person_row(i + 1, draw(TEXT.map(_cell_text)) or "Nguyễn Văn A", cccd_of(i + 1))[: len(header)]
            for _ in range(draw(st.integers(0, 3))):
                if row:
                    row[draw(st.integers(0, len(row) - 1))] = draw(CELL)
        else:
            row = draw(st.lists(CELL, max_size=len(header) + 2))
        rows.append(row)
    return rows


def _write_xlsx(path, main: list[list], extra: dict[str, list[list]]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for row in main:
        ws.append(row)
    for name, rows in extra.items():
        child = wb.create_sheet(name[:31])
        for row in rows:
            child.append(row)
    wb.save(path)


def _write_csv(path, rows: list[list], encoding: str) -> None:
    def text(value) -> str:
        return "" if value is None else str(value).replace('"', '""')

    body = "\r\n".join(",".join(f'"{text(v)}"' for v in row) for row in rows)
    path.write_bytes(codecs.encode(body, encoding, errors="replace"))


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    database = make_database(tmp_path_factory.mktemp("fuzz-import"))
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz-files")


def _run(db, path, dry_run: bool) -> None:
    with time_limit(30):
        try:
            source = open_import(path, db=db)
        except UserError as exc:
            assert_clear_refusal(exc)
            assert path.name in str(exc), str(exc)
            return
        try:
            with db.session("fuzz") as session:
                rows = preview(session, source, source.mapping, limit=20)
            assert all(r.row >= 1 for r in rows)
            result = run_import(db, source, source.mapping, dry_run=dry_run, user="fuzz")
        except UserError as exc:  # e.g. a mapping that gives one field two columns
            assert_clear_refusal(exc)
            return
        assert result.read >= result.rejected >= 0
        for error in result.errors:
            assert error.message.strip() and error.row >= 1
            assert re.search(r"[À-ỹ]", error.message), error.message


@FEW
@given(main=sheets(), children=st.dictionaries(st.sampled_from(SHEETS[1:]), sheets(), max_size=2),
       dry_run=st.booleans())
def test_random_workbooks(fuzz_db, folder, main, children, dry_run) -> None:
    path = folder / "ngau-nhien.xlsx"
    _write_xlsx(path, main, children)
    _run(fuzz_db, path, dry_run)


@FEW
@given(rows=sheets(), encoding=st.sampled_from(ENCODINGS), dry_run=st.booleans())
def test_random_csv_in_random_encodings(fuzz_db, folder, rows, encoding, dry_run) -> None:
    path = folder / "ngau-nhien.csv"
    _write_csv(path, rows, encoding)
    _run(fuzz_db, path, dry_run)


@FEW
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".xlsx", ".xls", ".csv", ".xlsm", ".txt"]),
       prefix=st.sampled_from([b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xef\xbb\xbf"]))
def test_random_bytes_under_a_spreadsheet_name(fuzz_db, folder, data, suffix, prefix) -> None:
    path = folder / f"rac{suffix}"
    path.write_bytes(prefix + data)
    _run(fuzz_db, path, dry_run=True)


@FEW
@given(cut=st.integers(0, 10_000), flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)),
                                                  max_size=8))
def test_damaged_real_workbooks(fuzz_db, folder, cut, flips) -> None:
    path = folder / "hong.xlsx"
    _write_xlsx(path, [HEADER, *(person_row(i, f"Người {i}", cccd_of(i)) for i in range(1, 6))], {})
    data = bytearray(path.read_bytes())
    for offset, byte in flips:
        data[offset % len(data)] = byte
    path.write_bytes(bytes(data[: max(cut, 30)]) if cut < len(data) else bytes(data))
    _run(fuzz_db, path, dry_run=True)


# --- bugs the fuzzing found (fixed; kept as regression tests) ---------------------------------------

def test_csv_with_lone_carriage_returns(fuzz_db, folder) -> None:
    path = folder / "mac.csv"
    path.write_bytes("Họ và tên,Ngày sinh,Giới tính,Số CCCD\rNguyễn Văn A,12/03/1985,Nam,048085000001\r".encode())
    source = open_import(path, db=fuzz_db)
    with fuzz_db.session() as session:
        rows = preview(session, source, source.mapping)
    assert len(rows) == 1 and rows[0].cccd == "048085000001", rows


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_csv_in_utf16(fuzz_db, folder, encoding) -> None:
    """Excel's "Unicode Text": UTF-16 with a BOM, tab-separated."""
    path = folder / "unicode.csv"
    text = "Họ và tên\tSố CCCD\r\nNguyễn Văn A\t048085000001\r\n"
    path.write_bytes(("\ufeff" + text).encode(encoding) if encoding.endswith("be") else text.encode(encoding))
    source = open_import(path, db=fuzz_db)
    with fuzz_db.session() as session:
        rows = preview(session, source, source.mapping)
    assert len(rows) == 1 and rows[0].record.get("full_name") == "Nguyễn Văn A", rows


def test_unreadable_csv_is_refused_naming_the_file(fuzz_db, folder) -> None:
    path = folder / "mo-ngoac.csv"
    path.write_bytes(b"H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan,CCCD\n\"" + b"a" * 200_000)  # csv.Error: field larger than limit
    with pytest.raises(UserError) as caught:
        open_import(path, db=fuzz_db)
    assert_clear_refusal(caught.value)
    assert path.name in str(caught.value)


@pytest.mark.parametrize("number", [1.7976931348623155e308, -1e300, 1e40])
def test_huge_number_in_a_cell_is_a_row_error(fuzz_db, folder, number) -> None:
    path = folder / "so-lon.xlsx"
    _write_xlsx(path, [HEADER, person_row(1, "Nguyễn Văn A", cccd_of(1), step=number)], {})
    source = open_import(path, db=fuzz_db)
    with fuzz_db.session() as session:
        rows = preview(session, source, source.mapping)
    result = run_import(fuzz_db, source, source.mapping, dry_run=True, user="fuzz")
    assert result.rejected == 1 and result.errors, (rows, result)
    assert any("quá lớn" in e.message for e in result.errors), result.errors


def test_damaged_deflate_stream_is_refused_naming_the_file(fuzz_db, folder) -> None:
    path = folder / "hong-nen.xlsx"
    _write_xlsx(path, [HEADER, person_row(1, "Nguyễn Văn A", cccd_of(1))], {})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/workbook.xml")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start:start + 8] = b"\xff" * 8  # an invalid deflate block where the workbook's index starts
    path.write_bytes(bytes(data))
    with pytest.raises(UserError) as caught:
        open_import(path, db=fuzz_db)
    assert_clear_refusal(caught.value)
    assert path.name in str(caught.value)
