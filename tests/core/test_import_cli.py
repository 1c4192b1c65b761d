"""`import`, `export` and `import-template` on the command line: JSON shape, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from app import cli
from tests.core.test_import_support import HEADER, cccd_of, person_row, to_tcvn3, xlsx


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def dbfile(db) -> str:
    return db.url.removeprefix("sqlite:///")


def _messy(tmp_path: Path) -> Path:
    rows = [["ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG"], ["DANH SÁCH CÁN BỘ"], [],
            HEADER + ["Ghi chú"],
            person_row(1, to_tcvn3("Nguyễn Văn Bình"), cccd_of(1)) + ["tốt"],
            person_row(2, "Trần Thị Hoa", cccd_of(2, 90, True), "01/05/1990", "Nữ"),
            person_row(3, "Lê Văn Sai", cccd_of(3), "31/02/1985"),
            person_row(4, "Trần Thị Hoa (trùng)", cccd_of(2, 90, True), "01/05/1990", "Nữ")]
    return xlsx(tmp_path / "ds.xlsx", rows, fonts={"B5": ".VnTime"}, merges=["A1:H1", "A2:H2"])


def test_import_json_shape_and_exit_0_with_rejections(capsys, dbfile, tmp_path) -> None:
    code, out, err = run(capsys, "import", str(_messy(tmp_path)), "--json", "--db", dbfile)
    assert code == 0
    doc = json.loads(out)
    assert list(doc) == ["read", "imported", "updated", "unchanged", "rejected", "errors"]
    assert (doc["read"], doc["imported"], doc["updated"], doc["rejected"]) == (4, 1, 0, 3)
    assert [(e["row"], e["field"]) for e in doc["errors"]] == [(6, "cccd"), (7, "birth_date"), (8, "cccd")]
    assert all(set(e) == {"row", "field", "message"} for e in doc["errors"])
    assert "các dòng 6 và 8" in doc["errors"][0]["message"]
    assert "Dòng 7, Ngày sinh (cột C)" in err and "Cột Q 'Ghi chú'" in err and "Traceback" not in err
    code, out, _ = run(capsys, "show", cccd_of(1), "--json", "--db", dbfile)
    assert json.loads(out)["full_name"] == "Nguyễn Văn Bình"


def test_dry_run_and_unit_option(capsys, dbfile, tmp_path) -> None:
    path = xlsx(tmp_path / "a.xlsx", [HEADER, person_row(1, "A Một", cccd_of(1), unit=None)])
    code, out, err = run(capsys, "import", str(path), "--dry-run", "--json", "--unit", "DN.P.HAICHAU", "--db", dbfile)
    assert code == 0 and json.loads(out)["imported"] == 1 and "không ghi gì" in err
    assert run(capsys, "show", cccd_of(1), "--json", "--db", dbfile)[0] == 1
    assert run(capsys, "import", str(path), "--unit", "DN.P.HAICHAU", "--db", dbfile)[0] == 0
    assert json.loads(run(capsys, "show", cccd_of(1), "--json", "--db", dbfile)[1])["unit_code"] == "DN.P.HAICHAU"
    code, _, err = run(capsys, "import", str(path), "--unit", "KHONG.CO", "--db", dbfile)
    assert code == 1 and "Không có đơn vị mã 'KHONG.CO'" in err


@pytest.mark.parametrize("name, content", [("khong-co.xlsx", None), ("hong.xlsx", b"PK\x03\x04 hong"),
                                           ("so-lieu.txt", b"1,2,3"), ("trong.xlsx", "empty")])
def test_unreadable_file_exits_1_naming_it(capsys, dbfile, tmp_path, name, content) -> None:
    path = tmp_path / name
    if content == "empty":
        xlsx(path, [["chỉ có một dòng tiêu đề bảng"]])
    elif content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "import", str(path), "--json", "--db", dbfile)
    assert code == 1 and out == ""
    assert err.startswith("Lỗi:") and name in err and "Traceback" not in err


def test_missing_file_argument_is_usage_error(capsys, dbfile) -> None:
    assert run(capsys, "import", "--db", dbfile)[0] == 2


def test_report_keeps_the_rows_and_adds_result_columns(capsys, dbfile, tmp_path) -> None:
    report = tmp_path / "ket-qua.xlsx"
    code, _, err = run(capsys, "import", str(_messy(tmp_path)), "--report", str(report), "--db", dbfile)
    assert code == 0 and str(report) in err
    wb = openpyxl.load_workbook(report)
    assert wb.sheetnames == ["Danh sách", "Kết quả nhập"]
    ws = wb["Danh sách"]
    assert ws["A1"].value == "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG" and "A1:H1" in ws.merged_cells
    assert [ws.cell(4, c).value for c in (18, 19, 20)] == ["Kết quả", "Lỗi", "Ghi chú nhập"]
    assert ws["B5"].value == "Nguyễn Văn Bình"  # shown in Unicode
    assert ws.cell(5, 18).value == "Đã thêm" and "TCVN3" in ws.cell(5, 20).value
    assert ws.cell(7, 18).value == "Bị từ chối" and ws.cell(7, 19).value.startswith("Dòng 7, Ngày sinh")
    assert ws.cell(6, 18).value == "Bị từ chối" and "các dòng 6 và 8" in ws.cell(6, 19).value
    assert ws["C6"].value == "01/05/1990" and ws.freeze_panes == "A5"
    summary = {r[0]: r[1] for r in wb["Kết quả nhập"].iter_rows(min_row=2, values_only=True) if r[0]}
    assert (summary["Số dòng đã đọc"], summary["Thêm mới"], summary["Bị từ chối"]) == (4, 1, 3)
    # the report itself can be imported again: its own columns are ignored
    code, out, _ = run(capsys, "import", str(report), "--json", "--db", dbfile)
    assert code == 0 and json.loads(out)["imported"] == 0 and json.loads(out)["rejected"] == 3


def test_export_and_template_commands(capsys, dbfile, tmp_path) -> None:
    run(capsys, "import", str(xlsx(tmp_path / "a.xlsx", [HEADER, person_row(1, "A Một", cccd_of(1))])), "--db", dbfile)
    code, _, err = run(capsys, "export", str(tmp_path / "x.xlsx"), "--unit", "DN.SNV", "--columns",
                       "Họ và tên,Ngày sinh", "--db", dbfile)
    assert code == 0 and "Đã xuất 1 hồ sơ" in err
    ws = openpyxl.load_workbook(tmp_path / "x.xlsx")["Danh sách"]
    assert [c.value for c in ws[1]] == ["Số CCCD", "Họ và tên", "Ngày sinh"]
    assert run(capsys, "export", str(tmp_path / "x.xlsx"), "--unit", "KHONG", "--db", dbfile)[0] == 1
    assert run(capsys, "export", str(tmp_path / "x.csv"), "--db", dbfile)[0] == 1
    assert run(capsys, "export", str(tmp_path / "x.xlsx"), "--columns", "abc", "--db", dbfile)[0] == 1
    code, _, err = run(capsys, "import-template", str(tmp_path / "mau.xlsx"), "--db", dbfile)
    assert code == 0 and (tmp_path / "mau.xlsx").exists()
